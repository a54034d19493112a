"""The estimate filters (the page's URL, the API, the feeds) and the feeds themselves, on SQLite and PostgreSQL."""
from __future__ import annotations

from datetime import UTC, datetime

import feedparser
import pytest
from fastapi.testclient import TestClient

from storage import ItemIn
from test_web_data import AIRWARS, CHILDREN, ESTIMATES, HOSPITAL, HOSTILE, JADIDA, Est, fill, key
from web.app import create_app

FIGHTERS = Est(774, 774, "killed", "security forces", "Mosul", "Iraqi government",
               "774 members of the security forces were killed in the battle, the ministry said",
               claimant_text="the defence ministry")
FIGHTERS_STORY = ItemIn(url="https://gov.example/forces", title="Forces' losses", source="gov", language="en",
                        published=datetime(2018, 2, 1, tzinfo=UTC),
                        text="774 members of the security forces were killed in the battle, the ministry said.")


@pytest.fixture
def client(archive):  # type: ignore[no-untyped-def]
    fill(archive)
    archive.store_item(FIGHTERS_STORY, [FIGHTERS], key=key)
    with TestClient(create_app(archive.url, token=None, require_token=False, version="t")) as c:
        c.archive = archive  # type: ignore[attr-defined]
        yield c


def lows(client, **params) -> list[int | None]:  # type: ignore[no-untyped-def]
    answer = client.get("/api/estimates", params=params)
    assert answer.status_code == 200, answer.text
    return [e["low"] for e in answer.json()["estimates"]]


def test_latest_first_stated_comes_first(client) -> None:  # type: ignore[no-untyped-def]
    rows = client.get("/api/estimates").json()["estimates"]
    stated = [r["first_stated"] for r in rows]
    assert stated == sorted(stated, reverse=True) and len(rows) == len(ESTIMATES) + 1


def test_victims_group_keeps_combatants_out_of_the_civilians(client) -> None:  # type: ignore[no-untyped-def]
    assert lows(client, victims="combatant") == [774]
    assert sorted(lows(client, victims="civilian")) == sorted(e.low for e in (AIRWARS, HOSPITAL, JADIDA, CHILDREN))
    assert lows(client, victims="unknown") == [HOSTILE.low]


def test_kind_outcome_and_claimant(client) -> None:  # type: ignore[no-untyped-def]
    assert lows(client, kind="incident") == [JADIDA.low]
    assert JADIDA.low not in lows(client, kind="toll")
    assert lows(client, outcome="injured") == [CHILDREN.low]
    assert lows(client, claimant="associated") == [AIRWARS.low]
    assert lows(client, claimant="DEFENCE MINISTRY") == [774]  # the words a story used count too
    assert lows(client, claimant="%") == []  # a LIKE wildcard is a character, not "anything"
    assert lows(client, claimant="kurdish", victims="combatant") == []  # filters combine


def test_date_range_bounds_first_stated_and_takes_the_whole_last_day(client) -> None:  # type: ignore[no-untyped-def]
    # AIRWARS 2017-12-20, HOSPITAL 2017-07-19, HOSTILE 2017-08-01, CHILDREN 2017-05-02, JADIDA 2017-03-25
    assert sorted(lows(client, since="2017-07-01", until="2017-12-20")) == sorted(
        [AIRWARS.low, HOSPITAL.low, HOSTILE.low])
    assert lows(client, until="2017-03-25") == [JADIDA.low]
    assert lows(client, since="2018-01-01") == [774]
    bad = client.get("/api/estimates", params={"since": "2018-01-01", "until": "2017-01-01"})
    assert bad.status_code == 422 and bad.json()["error"].startswith("until:")
    bad = client.get("/api/estimates", params={"until": "not a date"})
    assert bad.status_code == 422 and bad.json()["error"].startswith("until:")
    bad = client.get("/api/estimates", params={"victims": "martians"})
    assert bad.status_code == 422 and bad.json()["error"].startswith("victims:")


def test_atom_feed_lists_new_estimates_and_takes_the_filters(client) -> None:  # type: ignore[no-untyped-def]
    answer = client.get("/feeds/estimates.atom")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(answer.content)
    assert not feed.bozo, feed.bozo_exception
    assert len(feed.entries) == len(ESTIMATES) + 1
    titles = {e.title for e in feed.entries}
    assert "9,000 to 11,000 civilians killed in Mosul (Associated Press)" in titles
    jadida = next(e for e in feed.entries if e.title.startswith("105"))
    assert "in one incident" in jadida.title and jadida.published.startswith("2017-03-25")
    assert jadida.link.startswith("http://testserver/?estimate=")
    mosul = feedparser.parse(client.get("/feeds/estimates.atom", params={"place": "jadida"}).content)
    assert [e.title for e in mosul.entries] == [jadida.title] and "place jadida" in mosul.feed.title


def test_json_feed_has_the_same_entries(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/feeds/estimates.json", params={"victims": "combatant"}).json()
    assert body["version"] == "https://jsonfeed.org/version/1.1"
    assert [i["title"] for i in body["items"]] == ["774 security forces killed in Mosul (Iraqi government)"]
    assert body["items"][0]["date_published"].startswith("2018-02-01")
    assert body["items"][0]["external_url"] == FIGHTERS_STORY.url


def test_feeds_leave_out_rejected_estimates_and_survive_control_characters(client) -> None:  # type: ignore[no-untyped-def]
    archive = client.archive
    rows = {e["low"]: e for e in archive.estimates()}
    archive.reject_estimate(rows[CHILDREN.low]["id"], why="a projection, not a count")
    odd = Est(3, 3, "killed", "civilians", "Mosul", "Bell\x07 Agency", "3 civilians\x0b were killed there\x1f")
    archive.store_item(ItemIn(url="https://odd.example/x", title="odd", source="odd", language="en",
                              published=datetime(2018, 3, 1, tzinfo=UTC), text="3 civilians were killed there"),
                       [odd], key=key)
    feed = feedparser.parse(client.get("/feeds/estimates.atom").content)
    assert not feed.bozo, feed.bozo_exception
    titles = [e.title for e in feed.entries]
    assert not any(t.startswith("200 to 300") for t in titles)
    assert "3 civilians killed in Mosul (Bell Agency)" in titles
    assert len(client.get("/feeds/estimates.json").json()["items"]) == len(titles)


def test_a_forged_host_never_reaches_another_readers_feed(client) -> None:  # type: ignore[no-untyped-def]
    forged = client.get("/feeds/estimates.json", headers={"Host": "evil.example"}).json()
    assert forged["items"][0]["url"].startswith("http://evil.example/")
    honest = client.get("/feeds/estimates.json").json()  # the same URL, answered after the forged one
    assert all(i["url"].startswith("http://testserver/") for i in honest["items"])


def test_until_a_month_or_a_year_takes_all_of_it(client) -> None:  # type: ignore[no-untyped-def]
    assert sorted(lows(client, since="2017-12", until="2017-12")) == [AIRWARS.low]
    assert 774 not in lows(client, until="2017") and AIRWARS.low in lows(client, until="2017")
    assert lows(client, since="2018", until="2018") == [774]
    bad = client.get("/api/estimates", params={"until": "1"})  # not "the 1st of this month"
    assert bad.status_code == 422 and bad.json()["error"].startswith("until:")


def test_the_command_line_takes_the_same_filters(client, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json
    import subprocess
    import sys
    from pathlib import Path

    config = tmp_path / "cw.toml"
    config.write_text(f'database = "{client.archive.url}"\n', encoding="utf-8")
    exe = str(Path(sys.executable).with_name("casualty-watch"))

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([exe, "-c", str(config), "estimates", *args], capture_output=True, text=True,
                              timeout=60, cwd=tmp_path)

    for params in ({"victims": "civilian", "kind": "toll"}, {"claimant": "kurdish"}, {"outcome": "injured"},
                   {"since": "2017-07", "until": "2017-12"}):
        flags = [part for k, v in params.items() for part in (f"--{k}", v)]
        done = cli(*flags, "--json")
        assert done.returncode == 0, done.stderr
        api = client.get("/api/estimates", params=params).json()["estimates"]
        assert [e["id"] for e in json.loads(done.stdout)] == [e["id"] for e in api] and api, params
    for flags in (["--victims", "martians"], ["--until", "1"], ["--since", "2018", "--until", "2017"]):
        bad = cli(*flags)
        assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and bad.stderr.startswith("casualty-watch: "), flags
