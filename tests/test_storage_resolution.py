"""Resolution against a real archive (SQLite and PostgreSQL): a restatement joins its estimate and never
alerts; a revision is new and says what it revises; corrections by a person; old archives resolved again.
Stand-in estimates (fakes.Est) keep these tests about the rules of sameness, not the reader."""
from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from alerts.payloads import message_for
from fakes import Est, key
from storage import Archive, CorrectionError, ItemIn
from storage.tables import Estimate, Mention

ROUTE = lambda e: ["console"]  # noqa: E731  (every new estimate alerts one channel)


def day(n: int) -> datetime:
    return datetime(2017, 12, 1, tzinfo=UTC) + timedelta(days=n)


def story(archive: Archive, n: int, *found: Est, published: datetime | None = None, text: str | None = None):
    """Archive one story (its own text, so it is never folded as a copy) stating `found`."""
    item = ItemIn(url=f"https://outlet{n}.example/story-{n}", text=text or f"Story {n} about the toll. " * 3 + str(n),
                  source=f"s{n}", published=published or day(n))
    return archive.store_item(item, list(found), key=key, route=ROUTE)


def shown(archive: Archive) -> list[tuple]:
    return sorted((e["low"], e["high"], e["victims_group"], e["place"], e["mentions"]) for e in archive.estimates())


AP = dict(claimant="Associated Press", claimant_id="ap")


def test_open_bounds_and_wording_restate_a_range(archive: Archive) -> None:
    story(archive, 1, Est(9000, 11000, qualifier="range", **AP))
    story(archive, 2, Est(9000, None, victims="people", qualifier="more_than", claimant="the AP", claimant_id="ap"))
    story(archive, 3, Est(None, 11000, qualifier="up_to"))
    story(archive, 4, Est(9000, None, qualifier="at_least", claimant="an AP probe", claimant_id="ap"))
    assert shown(archive) == [(9000, 11000, "civilian", "Mosul", 4)]
    assert len(archive.alerts()) == 1


def test_a_lower_bound_at_the_old_maximum_is_a_revision(archive: Archive) -> None:
    story(archive, 1, Est(9000, 11000, qualifier="range", **AP))
    later = story(archive, 30, Est(11000, None, qualifier="at_least", **AP))
    assert len(later.new_estimates) == 1 and len(archive.alerts()) == 2
    revised = archive.estimate(later.new_estimates[0])
    first = next(e for e in archive.estimates() if e["id"] != revised["id"])
    assert revised["revises"] == first["id"] and first["revises"] is None
    alert = archive.alert(later.alerts[0], full=True)
    assert message_for(alert).summary.startswith("Revised estimate: at least 11,000 civilians killed in Mosul")


def test_a_revision_stated_first_is_still_what_the_later_one_revises(archive: Archive) -> None:
    story(archive, 30, Est(11000, None, qualifier="at_least", **AP))  # the later claim crawled first
    story(archive, 1, Est(9000, 11000, qualifier="range", **AP))
    by_low = {e["low"]: e for e in archive.estimates()}
    assert by_low[11000]["revises"] == by_low[9000]["id"]


def test_other_claimant_other_figures_is_new_and_revises_nothing(archive: Archive) -> None:
    story(archive, 1, Est(9000, 11000, qualifier="range", **AP))
    story(archive, 2, Est(40000, None, qualifier="more_than", claimant="Kurdish intelligence"))
    assert [e["revises"] for e in archive.estimates()] == [None, None] and len(archive.alerts()) == 2


def test_victims_places_and_outcomes_keep_estimates_apart(archive: Archive) -> None:
    story(archive, 1, Est(326, 326))
    story(archive, 2, Est(326, 326, victims="people"))  # people restates civilians
    story(archive, 3, Est(326, 326, victims="combatants"))
    story(archive, 4, Est(326, 326, place="west Mosul", place_id="cw:west-mosul"))  # a part is another place
    story(archive, 5, Est(326, 326, outcome="injured"))
    story(archive, 6, Est(326, 326, place="Mossoul", place_id="geonames:99072"),
          Est(5, 5, place="Mosul", place_id="geonames:99072"))
    story(archive, 7, Est(326, 326, place="الموصل", place_id="geonames:99072"))  # one id: one place
    assert len(archive.estimates()) == 6
    assert len(archive.alerts()) == 6


def test_a_figure_without_a_place_takes_its_storys(archive: Archive) -> None:
    story(archive, 1, Est(326, 326, place="Mosul", place_id="geonames:99072"))
    stored = story(archive, 2, Est(326, 326, place=None), Est(50, 50, place="Mosul", place_id="geonames:99072"))
    assert len(stored.known_estimates) == 1 and len(stored.new_estimates) == 1


def test_headline_and_body_of_one_story_are_one_mention(archive: Archive) -> None:
    stored = story(archive, 1, Est(105, 105, victims="people", quote="toll reaches 105"),
                   Est(105, None, qualifier="at_least", quote="at least 105 civilians"))
    assert len(stored.new_estimates) == 1 and len(archive.alerts()) == 1
    assert shown(archive) == [(105, None, "civilian", "Mosul", 1)]  # the body says more than the headline


def test_first_stated_is_the_earliest_publication_and_the_first_claimant(archive: Archive) -> None:
    story(archive, 9, Est(9000, 11000, qualifier="range", claimant="Reuters"))
    story(archive, 3, Est(9000, 11000, qualifier="range", **AP))  # published earlier, crawled later
    (est,) = archive.estimates()
    assert est["first_stated"].startswith(day(3).date().isoformat()) and est["first_stated_from"] == "published"
    assert est["claimant"] == "Associated Press" and est["claimants"] == ["Associated Press", "Reuters"]
    assert est["url"] == "https://outlet3.example/story-3"


@pytest.mark.parametrize("published", [None, datetime(2099, 1, 1, tzinfo=UTC), datetime(1970, 1, 1, tzinfo=UTC)])
def test_a_story_without_a_believable_date_is_dated_when_fetched(archive: Archive, published) -> None:
    item = ItemIn(url="https://outlet.example/a", text="A story about the toll. " * 4, published=published)
    archive.store_item(item, [Est(40, 40)], key=key, route=ROUTE)
    (est,) = archive.estimates()
    assert est["first_stated_from"] == "fetched"
    assert abs(datetime.fromisoformat(est["first_stated"]) - datetime.now(UTC)) < timedelta(minutes=5)


STREAM = [(1, Est(9000, 11000, qualifier="range", **AP)), (2, Est(9000, None, qualifier="more_than")),
          (3, Est(9000, 11000, victims="people", qualifier="range")), (4, Est(40000, None, qualifier="more_than")),
          (5, Est(40000, 40000, claimant="Kurdish intelligence")), (6, Est(11000, None, qualifier="at_least", **AP)),
          (7, Est(105, None, qualifier="at_least", place="al-Jadida")), (8, Est(240, 240, place="al-Jadida")),
          (9, Est(17, 17, victims="people", place="Raqqa"))]


def test_the_same_stories_in_any_order_give_the_same_estimates(db_url: str) -> None:
    outcomes = set()
    for seed in range(4):
        order = list(STREAM)
        random.Random(seed).shuffle(order)
        archive = Archive(db_url)
        try:
            for n, est in order:
                story(archive, n, est)
            outcomes.add((tuple(shown(archive)), len(archive.alerts()),
                          tuple(sorted((e["low"], e["first_stated"][:10], e["revises"] is not None)
                                       for e in archive.estimates()))))
        finally:
            with archive.writing() as s:  # empty it for the next order
                for table in ("delivery", "alert", "correction", "mention", "estimate", "item_band", "item_url",
                              "item"):
                    s.connection().exec_driver_sql(f"DELETE FROM {table}")
            archive.close()
    assert len(outcomes) == 1, outcomes
    (estimates, alerts, _), = outcomes
    assert len(estimates) == 6 and alerts == 6


def test_merge_split_reject_confirm(archive: Archive) -> None:
    story(archive, 1, Est(9000, 11000, qualifier="range", **AP))
    story(archive, 2, Est(9000, 9000, quote="about 9,000"))
    a, b = sorted(e["id"] for e in archive.estimates())
    archive.merge_estimates(a, b, why="the same AP figure")
    (merged,) = archive.estimates()
    assert merged["id"] == a and merged["mentions"] == 2
    assert archive.estimates(merged=True)[0]["merged_into"] == a or archive.estimate(b)["merged_into"] == a
    with pytest.raises(CorrectionError, match="was merged into"):
        archive.confirm_estimate(b)
    mention = next(m for m in archive.estimate(a)["stories"] if m["quote"] == "about 9,000")
    new = archive.split_estimate(a, mention["mention_id"], why="a different count")["new"]
    assert sorted((e["id"], e["mentions"]) for e in archive.estimates()) == [(a, 1), (new, 1)]
    assert archive.estimate(new)["low"] == 9000 and archive.estimate(new)["high"] == 9000
    archive.confirm_estimate(a, why="checked against the AP report")
    assert archive.estimate(a)["status"] == "confirmed"
    assert [c["action"] for c in archive.estimate(a)["corrections"]] == ["merge", "split", "confirm"]
    assert archive.estimate(a)["corrections"][0]["why"] == "the same AP figure"
    with pytest.raises(CorrectionError, match="only one"):
        archive.split_estimate(new, archive.estimate(new)["stories"][0]["mention_id"])
    with pytest.raises(CorrectionError, match="no estimate 999"):
        archive.reject_estimate(999)


def test_a_rejected_estimate_never_alerts_and_absorbs_its_restatements(archive: Archive) -> None:
    stored = story(archive, 1, Est(2017, 2017, quote="the year 2017 read as a count"))
    (alert,) = archive.alerts()
    assert alert.state == "pending"
    archive.reject_estimate(stored.new_estimates[0], why="a year, not a count")
    assert archive.alert(alert.id).state == "cancelled"
    again = story(archive, 2, Est(2017, 2017))
    assert again.new_estimates == () and again.alerts == () and again.known_estimates == stored.new_estimates
    assert archive.estimates(status="rejected")[0]["mentions"] == 2


def test_an_old_archive_is_resolved_again_without_alerts(db_url: str) -> None:
    archive = Archive(db_url)
    story(archive, 1, Est(9000, 11000, qualifier="range", **AP))
    with Session(archive.engine) as s, s.begin():  # what the exact-key rules of old made: a second row
        first = s.exec(select(Estimate)).one()
        old = Estimate(key="mosul|killed|civilian|9000|", low=9000, high=None, qualifier="more_than",
                       outcome="killed", victims="civilians", victims_group="civilian", place="Mosul",
                       quote="more than 9,000", first_seen=first.first_seen, first_item_id=first.first_item_id)
        s.add(old)
        s.flush()
        s.add(Mention(estimate_id=old.id, item_id=story_id(s, archive, 2), quote="more than 9,000",
                      qualifier="more_than", seen=first.first_seen))
    alerts = len(archive.alerts())
    archive.set_fact("resolution", "1")
    archive.close()
    reopened = Archive(db_url)
    assert shown(reopened) == [(9000, 11000, "civilian", "Mosul", 2)]
    assert len(reopened.alerts()) == alerts and reopened.fact("resolution") == "2"
    reopened.close()


def story_id(s: Session, archive: Archive, n: int) -> int:
    from storage.tables import Item

    item = Item(url=f"https://old.example/{n}", text="old", content_hash=f"h{n}", fetched=day(n), published=day(n))
    s.add(item)
    s.flush()
    assert item.id is not None
    return item.id


def test_opposite_bounds_of_one_number_are_two_estimates(archive: Archive) -> None:
    story(archive, 1, Est(None, 11000, qualifier="up_to", **AP))
    story(archive, 2, Est(11000, None, qualifier="more_than", **AP))
    assert len(archive.estimates()) == 2


def test_a_range_learnt_later_folds_the_bounds_it_joins(archive: Archive) -> None:
    story(archive, 1, Est(9000, None, qualifier="more_than", **AP))
    story(archive, 2, Est(None, 11000, qualifier="up_to", **AP))
    assert len(archive.estimates()) == 2
    story(archive, 3, Est(9000, 11000, qualifier="range", **AP))
    (est,) = archive.estimates()
    assert (est["low"], est["high"], est["mentions"]) == (9000, 11000, 3)
    assert [e["merged_into"] for e in archive.estimates(merged=True) if e["id"] != est["id"]] == [est["id"]]
    states = sorted((a.estimate_id, a.state) for a in archive.alerts())  # the folded one's, not yet sent, is not
    assert states == [(est["id"], "pending"), (est["id"] + 1, "cancelled")]


def test_a_part_told_the_same_day_a_far_figure_or_an_incident_is_no_revision(archive: Archive) -> None:
    story(archive, 1, Est(9000, 11000, qualifier="range", **AP), Est(3200, None, qualifier="at_least", **AP))
    story(archive, 40, Est(150, 150, kind="incident", **AP))  # one strike, not a new count of the battle
    story(archive, 50, Est(90000, None, qualifier="more_than", **AP))  # ten times: not the same count revised
    story(archive, 60, Est(12000, 12000, **AP))
    by_low = {e["low"]: e for e in archive.estimates()}
    assert [by_low[n]["revises"] for n in (3200, 150, 90000)] == [None, None, None]
    assert by_low[12000]["revises"] == by_low[9000]["id"]  # the latest earlier figure of its size (not 3,200)


def test_a_toll_rising_through_one_day_is_a_chain_of_revisions(archive: Archive) -> None:
    cd = dict(claimant="Nineveh civil defence", claimant_id="civil-defence", kind="incident")
    for n, (hour, dead) in enumerate([(8, 18), (18, 24), (23, 31)]):
        published = datetime(2017, 5, 2, hour, tzinfo=UTC)
        item = ItemIn(url=f"https://live.example/{n}", text=f"Live update {n}: the toll rose. " * 3, published=published)
        archive.store_item(item, [Est(dead, dead, **cd)], key=key, route=ROUTE)
    by_low = {e["low"]: e for e in archive.estimates()}
    assert (by_low[24]["revises"], by_low[31]["revises"]) == (by_low[18]["id"], by_low[24]["id"])
    assert len(archive.alerts()) == 3


def test_two_writers_archiving_one_claim_at_once_make_one_estimate(db_url: str) -> None:
    """Two passes (two archives, two connections) storing stories of the same claim at the same moment: the
    write lock (SQLite) or the advisory lock per place and outcome (PostgreSQL) leaves one estimate, one alert."""
    import threading

    first, second = Archive(db_url), Archive(db_url)
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def write(archive: Archive, n: int) -> None:
        try:
            start.wait()
            story(archive, n, Est(9000, 11000, qualifier="range", **AP))
        except BaseException as exc:  # noqa: BLE001  (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(a, n)) for n, a in ((1, first), (2, second))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    try:
        assert not errors, errors
        (est,) = first.estimates()
        assert est["mentions"] == 2 and len(first.alerts()) == 1
    finally:
        first.close()
        second.close()


def test_mentions_archived_before_kinds_get_theirs_once(archive: Archive) -> None:
    from estimates.kinds import kind_of

    story(archive, 1, Est(17, 17, victims="people", quote="An air strike killed 17 people in Mosul on Tuesday."))
    story(archive, 2, Est(9000, 11000, qualifier="range", quote="Between October 2016 and July 2017, 9,000 to "
                                                               "11,000 civilians died in the battle for Mosul."))
    archive.set_fact("kinds", "0")  # as an archive upgraded from before kinds were read
    assert {e["kind"] for e in archive.estimates()} == {"toll"}
    assert archive.read_old_kinds(kind_of) == 2
    by_low = {e["low"]: e for e in archive.estimates()}
    assert by_low[17]["kind"] == "incident" and by_low[9000]["period"] == {"start": "2016-10", "end": "2017-07"}
    assert archive.read_old_kinds(kind_of) == 0  # once


# --- nested places, rounded rewrites, looser outcome words, watches entered later (syndication rounds 3-4) ---
ZANJILI = dict(place="al-Zanjili", place_id="cw:iq-mosul-zanjili", area_id="cw:iq-mosul-west",
               area_within=("geonames:99072", "iso:IQ-NI"))
MOSUL = dict(place="Mosul", place_id="geonames:99072", area_id="geonames:99072", area_within=("iso:IQ-NI",))
NINEVEH = dict(place="Nineveh", place_id="iso:IQ-NI", area_id="iso:IQ-NI")
IRAQ = dict(place="Iraq", place_id="iso:IQ", area_id="iso:IQ")


def test_one_incident_placed_at_two_levels_is_one_estimate(archive: Archive) -> None:
    story(archive, 1, Est(47, 47, **ZANJILI))
    again = story(archive, 2, Est(47, 47, victims="people", **MOSUL))  # "47 killed in Mosul" the next day
    assert again.new_estimates == () and len(archive.alerts()) == 1
    story(archive, 3, Est(47, 47, **IRAQ))  # a country is never the nest: the same number nationwide is another
    assert len(archive.estimates()) == 2


def test_a_figure_at_its_own_place_wins_over_a_nested_one(archive: Archive) -> None:
    story(archive, 1, Est(120, 120, **ZANJILI))  # civilians in the quarter
    story(archive, 2, Est(120, 120, victims="combatants", **MOSUL))  # fighters in the city: apart (victims)
    story(archive, 3, Est(120, 120, victims="people", **MOSUL))  # restates both: the city's own, not the earlier
    by_group = {e["victims_group"]: e["mentions"] for e in archive.estimates()}
    assert by_group == {"civilian": 1, "combatant": 2}


def test_a_rounded_rewrite_restates_and_the_figure_is_shown(archive: Archive) -> None:
    story(archive, 1, Est(39, 39, **ZANJILI))
    story(archive, 2, Est(40, 40, qualifier="about", **ZANJILI))  # "nearly 40"
    story(archive, 3, Est(1230, 1230, outcome="injured", **MOSUL))
    story(archive, 4, Est(1200, None, qualifier="more_than", outcome="injured", **MOSUL))
    story(archive, 5, Est(4000, 4000, qualifier="about", outcome="missing", **MOSUL))
    story(archive, 6, Est(3968, 3968, outcome="missing", **MOSUL))  # the figure after its rounding
    assert shown(archive) == [(39, 39, "civilian", "al-Zanjili", 2), (1230, 1230, "civilian", "Mosul", 2),
                              (3968, 3968, "civilian", "Mosul", 2)]
    assert len(archive.alerts()) == 3


@pytest.mark.parametrize(("figure", "bound"), [((16, 16), 15), ((263, 263), 250)])
def test_a_lower_bound_at_half_a_unit_below_rounds(archive: Archive, figure: tuple, bound: int) -> None:
    # Al Arabiya's headline-only "أكثر من 15 قتيلاً" for the health committee's 16; "أكثر من 250" for 263
    story(archive, 1, Est(figure[0], figure[1]))
    story(archive, 2, Est(bound, None, qualifier="more_than"))
    assert len(archive.estimates()) == 1 and len(archive.alerts()) == 1


def test_a_rivals_bound_half_a_unit_below_is_its_own_count(archive: Archive) -> None:
    # the health ministry's 27 injured, then UNSMIL's "at least 25": a rival's count, not a rewrite's rounding
    story(archive, 1, Est(27, 27, outcome="injured", claimant="health ministry", claimant_id="health-ministry"))
    story(archive, 2, Est(25, None, qualifier="at_least", outcome="injured", claimant="UNSMIL", claimant_id="unsmil"))
    assert len(archive.estimates()) == 2


@pytest.mark.parametrize(("figure", "rounded"), [
    ((1230, 1230, "exact"), (1300, None, "more_than")),  # on the wrong side of 1,230
    ((39, 39, "exact"), (40, 40, "exact")),  # an exact 40 is another figure
    ((17, 17, "exact"), (20, 20, "about")),  # 18% off: no rounding
    ((9000, 11000, "range"), (11000, None, "at_least")),  # a bound at a range's far end is a revision
    ((46, 46, "exact"), (None, 50, "up_to")),  # "no more than 50": a cap is a claim of its own
    ((47, 47, "exact"), (40, 40, "about")),  # "about 40" rounds 39, not 47
    ((263, 263, "exact"), (265, 265, "about")),  # a half unit rounds down only (a lower bound), never to nearest
])
def test_what_is_no_rounding(archive: Archive, figure: tuple, rounded: tuple) -> None:
    story(archive, 1, Est(figure[0], figure[1], qualifier=figure[2]))
    story(archive, 2, Est(rounded[0], rounded[1], qualifier=rounded[2]))
    assert len(archive.estimates()) == 2


@pytest.mark.parametrize("first", ["killed", "casualties"])
def test_victims_for_the_same_numbers_as_a_death_toll_restate_it(archive: Archive, first: str) -> None:
    other = "casualties" if first == "killed" else "killed"
    story(archive, 1, Est(5000, None, qualifier="at_least", outcome=first, victims="people"))
    story(archive, 2, Est(5000, None, qualifier="at_least", outcome=other, victims="people"))
    story(archive, 3, Est(5000, None, qualifier="at_least", outcome="injured", victims="people"))
    by_outcome = sorted(e["outcome"] for e in archive.estimates())
    assert by_outcome == ["injured", "killed"]  # the precise word, whichever came first


def test_an_estimate_told_outside_the_watch_alerts_when_told_inside(archive: Archive) -> None:
    from alerts.routing import make_router
    from alerts.rules import AlertRule

    route = make_router([AlertRule(kind="console")], ["Mosul"], ["geonames:99072"])

    def told(n: int, *found: Est):
        item = ItemIn(url=f"https://o{n}.example/{n}", text=f"Story {n} " * 9, source=f"s{n}", published=day(n))
        return archive.store_item(item, list(found), key=key, route=route)

    told(1, Est(326, 326, **NINEVEH))  # Nineveh holds Mosul: not inside the Mosul watch
    assert archive.alerts() == []
    entered = told(2, Est(326, 326, **MOSUL))
    assert entered.new_estimates == () and len(entered.alerts) == 1
    told(3, Est(326, 326, **MOSUL, claimant="AP"))
    assert len(archive.alerts()) == 1  # never twice
    told(4, Est(9, 9, victims="combatants", **NINEVEH))
    assert told(5, Est(9, 9, victims="people", **MOSUL)).alerts == ()  # a fighters' count stays unalerted


def test_estimates_archived_before_nests_were_known_get_them_once(archive: Archive) -> None:
    from estimates import gazetteer

    story(archive, 1, Est(47, 47, **{**ZANJILI, "area_within": ()}))
    archive.set_fact("nests", "0")  # as an archive upgraded through migration 0005
    assert archive.nest_old_places(gazetteer.nests) == 1
    assert archive.nest_old_places(gazetteer.nests) == 0
    story(archive, 2, Est(47, 47, **MOSUL))  # the city-level mention now finds the quarter's estimate
    assert len(archive.estimates()) == 1


def test_a_story_keeps_its_figure_not_its_headlines_rounding(archive: Archive) -> None:
    story(archive, 1, Est(1100, None, qualifier="more_than", quote="Battle that killed over 1,100 civilians ends"),
          Est(1130, None, qualifier="at_least", quote="at least 1,130 civilians were killed, the monitor said"))
    assert shown(archive) == [(1130, None, "civilian", "Mosul", 1)]


def test_a_rounded_bound_is_no_figure_to_round_again(archive: Archive) -> None:
    story(archive, 1, Est(2300, None, qualifier="more_than"))  # "more than 2,300"
    story(archive, 2, Est(2000, None, qualifier="more_than"))  # "more than 2,000": not a rewrite of a rewrite
    story(archive, 3, Est(4960, None, qualifier="at_least", outcome="injured"))
    story(archive, 4, Est(4900, None, qualifier="more_than", outcome="injured"))  # rounds "at least 4,960"
    assert len(archive.estimates()) == 3


def test_a_rounding_that_fits_two_figures_joins_the_nearer(archive: Archive) -> None:
    story(archive, 1, Est(66, 66, claimant="civil defence"))
    story(archive, 2, Est(73, 73, victims="combatants"))  # another estimate the rounding also fits by figure
    story(archive, 3, Est(73, 73, claimant="hospital"))
    story(archive, 4, Est(70, 70, qualifier="about"))  # "nearly 70"
    by_low = {(e["low"], e["victims_group"]): e["mentions"] for e in archive.estimates()}
    assert by_low[(73, "civilian")] == 2 and by_low[(66, "civilian")] == 1


def test_revision_links_equal_trying_every_earlier_estimate() -> None:
    """The indexed search gives exactly what `revises(e, live[:i])` gives for each estimate, ties and
    claimants by id or by name included, over random pools shaped like one city's figures."""
    from types import SimpleNamespace

    from storage.sameness import revises, revision_links

    rnd = random.Random(7)
    claimants = [("un", "the UN"), (None, "the UN"), ("airwars", "Airwars"), (None, "Airwars"), ("ap", "AP"),
                 (None, None), ("un", "UNAMI")]
    days = [datetime(2017, m, d, tzinfo=UTC) for m in (1, 3, 7) for d in (1, 15)]
    linked = 0
    for trial in range(60):
        pool = []
        for i in range(rnd.randint(1, 40)):
            cid, name = rnd.choice(claimants)
            low = rnd.choice([100, 120, 150, 200, 300, 400, 1000, 9000, 11000])
            pool.append(SimpleNamespace(
                id=i + 1, low=low, high=rnd.choice([None, low, low * 2]), qualifier=rnd.choice(["at_least", "exact"]),
                outcome=rnd.choice(["killed", "killed", "injured"]), victims_group=rnd.choice(["civilian", "unknown"]),
                claimant=name, claimant_id=cid, place_key=rnd.choice(["mosul", "mosul", "west-mosul"]),
                place_within=rnd.choice([None, "|mosul|"]), kind=rnd.choice([None, "toll", "incident"]),
                first_stated=rnd.choice([*days, None]), first_item_id=rnd.randint(1, 8)))
        live = sorted(pool, key=lambda e: (e.first_stated or datetime(2026, 1, 1, tzinfo=UTC), e.id))
        expected = [revises(e, live[:i]) for i, e in enumerate(live)]
        assert revision_links(live) == expected, trial
        linked += sum(x is not None for x in expected)
    assert linked >= 50  # the pools do hold revisions, so the comparison means something


def test_relinking_only_what_changed_equals_relinking_everything(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A story's estimates relink only their claimants' figures; the links are those a whole recomputation
    gives, whichever order the stories come in."""
    from storage.resolution import relink

    stories = [
        ("UN: 100", Est(100, None, place="Mosul", claimant="the UN", qualifier="at_least"), datetime(2017, 1, 5)),
        ("UN: 150", Est(150, None, place="Mosul", claimant="the UN", qualifier="at_least"), datetime(2017, 2, 5)),
        ("AW: 120", Est(120, None, place="Mosul", claimant="Airwars", qualifier="at_least"), datetime(2017, 2, 9)),
        ("UN: 200", Est(200, None, place="Mosul", claimant="the UN", qualifier="at_least"), datetime(2017, 3, 5)),
        ("AW: 180", Est(180, None, place="Mosul", claimant="Airwars", qualifier="at_least"), datetime(2017, 4, 9)),
    ]
    for order in ([0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 0, 4, 1, 3]):
        archive = Archive(f"sqlite:///{tmp_path / ''.join(map(str, order))}.db")
        for i in order:
            text, est, when = stories[i]
            archive.store_item(ItemIn(url=f"https://x.example/{i}", text=f"{text} story {i} " * 20,
                                      published=when.replace(tzinfo=UTC)), [est], key=key)
        with archive.writing() as s:
            rows = list(s.exec(select(Estimate)))
            incremental = {e.low: e.revises for e in rows}
            relink(s, rows)
            whole = {e.low: e.revises for e in rows}
        assert incremental == whole, order
        ids = {e.low: e.id for e in rows}
        assert whole == {100: None, 150: ids[100], 120: None, 200: ids[150], 180: ids[120]}, order
        archive.close()


def test_relinking_only_what_changed_equals_relinking_everything_on_random_streams(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from storage.resolution import relink

    rnd = random.Random(11)
    claimants = ["the UN", "Airwars", "UNAMI", None]
    for trial in range(4):
        archive = Archive(f"sqlite:///{tmp_path / f't{trial}.db'}")
        for i in range(25):
            low = rnd.choice([100, 130, 160, 200, 250, 300, 900])
            est = Est(low, None, place=rnd.choice(["Mosul", "west Mosul"]), claimant=rnd.choice(claimants),
                      qualifier="at_least")
            when = datetime(2017, rnd.randint(1, 6), rnd.randint(1, 28), tzinfo=UTC)
            archive.store_item(ItemIn(url=f"https://x.example/{trial}/{i}", text=f"story {trial} {i} " * 30,
                                      published=when), [est], key=key)
            with archive.writing() as s:
                rows = list(s.exec(select(Estimate)))
                incremental = {e.id: e.revises for e in rows}
                relink(s, rows)
                assert {e.id: e.revises for e in rows} == incremental, (trial, i)
        with archive.reading() as s:
            assert any(e.revises for e in s.exec(select(Estimate)))
        archive.close()
