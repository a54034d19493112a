"""The archive on SQLite and on the real PostgreSQL: round trips, deduplication, versions, search, outbox."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from fakes import Est, key
from storage import Archive, ItemIn


STORY = (
    "MOSUL, Iraq (AP) - The battle to retake Mosul from the Islamic State group killed 9,000 to 11,000 civilians, "
    "an Associated Press investigation has found, a death toll nearly ten times higher than previously reported. "
    "The bodies of the dead were pulled from the rubble of the Old City for months after the fighting ended. "
    "Iraqi officials said the coalition air strikes and Islamic State executions both took a heavy toll on the "
    "residents of the western half of the city, where the fighting was fiercest."
)
KURDS = ("A senior Kurdish intelligence official said more than 40,000 civilians were killed in the nine-month "
         "battle for Mosul, a figure far above any published count. " * 3)


def test_item_round_trip_with_estimates_and_mentions(archive: Archive) -> None:
    published = datetime(2017, 12, 20, 9, 30, tzinfo=UTC)
    est = Est(9000, 11000, claimant="AP", qualifier="range", quote="killed 9,000 to 11,000 civilians")
    stored = archive.store_item(ItemIn(url="https://apnews.com/mosul-toll", text=STORY, source="ap", title="Mosul toll",
                                       outlet="apnews.com", author="Susannah George", published=published,
                                       language="en"), [est], key=key)
    assert stored.status == "new" and len(stored.new_estimates) == 1
    (item,) = archive.items()
    assert item == {"id": stored.item_id, "url": "https://apnews.com/mosul-toll", "title": "Mosul toll",
                    "source": "ap", "published": published.isoformat(), "fetched": item["fetched"],
                    "language": "en", "also_at": []}
    (row,) = archive.estimates()
    assert {k: row[k] for k in ("low", "high", "qualifier", "outcome", "victims", "place", "claimant", "quote",
                                 "url", "source", "mentions")} == {
        "low": 9000, "high": 11000, "qualifier": "range", "outcome": "killed", "victims": "civilians",
        "place": "Mosul", "claimant": "AP", "quote": "killed 9,000 to 11,000 civilians",
        "url": "https://apnews.com/mosul-toll", "source": "ap", "mentions": 1}
    detail = archive.item(stored.item_id)
    assert detail["text"] == STORY and detail["author"] == "Susannah George"
    assert detail["mentions"][0]["estimate_id"] == row["id"]


def test_restatement_is_one_estimate_with_two_mentions(archive: Archive) -> None:
    first = archive.store_item(ItemIn(url="https://a.example/kurds", text=KURDS, source="a"),
                               [Est(40000, None, qualifier="more_than", claimant="Kurdish intelligence")], key=key,
                               route=lambda e: ["webhook https://h.example/x"])
    again = archive.store_item(ItemIn(url="https://b.example/other-story", text=STORY, source="b"),
                               [Est(40000, None, qualifier="about", quote="some 40,000 civilian deaths")], key=key,
                               route=lambda e: ["webhook https://h.example/x"])
    assert len(first.alerts) == 1 and again.alerts == ()
    assert again.new_estimates == () and again.known_estimates == first.new_estimates
    (row,) = archive.estimates()
    assert row["mentions"] == 2 and row["qualifier"] == "more_than"
    stories = archive.estimate(row["id"])["stories"]
    assert [s["url"] for s in stories] == ["https://a.example/kurds", "https://b.example/other-story"]


def test_tracking_parameter_url_is_the_same_item(archive: Archive) -> None:
    a = archive.store_item(ItemIn(url="https://www.example.com/mosul?utm_source=rss#top", text=STORY), [], key=key)
    b = archive.store_item(ItemIn(url="https://example.com/mosul?fbclid=x", text=STORY), [], key=key)
    assert b.status == "unchanged" and b.item_id == a.item_id
    assert len(archive.items()) == 1


def test_rel_canonical_and_amp_variants_are_the_same_item(archive: Archive) -> None:
    a = archive.store_item(ItemIn(url="https://news.example.org/s/123.amp.html", text=STORY,
                                  other_urls=("https://news.example.org/story-123",)), [], key=key)
    b = archive.store_item(ItemIn(url="https://news.example.org/story-123", text=STORY), [], key=key)
    assert b.item_id == a.item_id and b.status == "unchanged"


def test_same_text_under_another_url_folds_by_content_hash(archive: Archive) -> None:
    a = archive.store_item(ItemIn(url="https://outlet-a.example/1", text=STORY, source="a"), [], key=key)
    b = archive.store_item(ItemIn(url="https://outlet-b.example/2", text=STORY.upper() + "  ", source="b"), [], key=key)
    assert b.status == "duplicate" and b.original_id == a.item_id
    (item,) = archive.items()
    assert item["also_at"] == ["https://outlet-b.example/2"]


def test_syndicated_copy_with_other_boilerplate_and_edits_is_a_near_duplicate(archive: Archive) -> None:
    a = archive.store_item(ItemIn(url="https://apnews.com/a1", text=STORY, source="ap"),
                           [Est(9000, 11000)], key=key)
    copy = ("Advertisement. Share this story on Facebook. " + STORY.replace("has found", "found")
            .replace("for months", "for many months") + " Copyright 2017 The Associated Press. All rights reserved.")
    b = archive.store_item(ItemIn(url="https://www.local-paper.example/wire/mosul?utm_campaign=ap", text=copy,
                                  source="paper"), [Est(9000, 11000)], key=key)
    assert b.status == "duplicate" and b.original_id == a.item_id
    assert archive.items()[0]["also_at"] == ["https://local-paper.example/wire/mosul"]
    assert archive.estimates()[0]["mentions"] == 1  # one story, however many copies


def test_a_different_story_is_not_folded(archive: Archive) -> None:
    archive.store_item(ItemIn(url="https://a.example/1", text=STORY), [], key=key)
    other = archive.store_item(ItemIn(url="https://a.example/2", text=KURDS), [], key=key)
    assert other.status == "new" and len(archive.items()) == 2


def test_changed_text_at_the_same_url_is_a_new_version(archive: Archive) -> None:
    a = archive.store_item(ItemIn(url="https://a.example/live", text=STORY, title="v1"), [Est(9000, 11000)], key=key)
    updated = STORY + " Update: the Kurdish regional government put the toll above 40,000."
    b = archive.store_item(ItemIn(url="https://a.example/live?utm_medium=email", text=updated, title="v2"),
                           [Est(9000, 11000), Est(40000, None)], key=key)
    assert b.status == "version" and b.item_id == a.item_id and len(b.new_estimates) == 1
    detail = archive.item(a.item_id)
    assert detail["version"] == 2 and detail["title"] == "v2" and detail["text"] == updated
    assert [(v["version"], v["title"]) for v in detail["versions"]] == [(1, "v1")]
    assert len(archive.items()) == 1 and len(archive.estimates()) == 2


def test_search_ranks_and_folds_copies(archive: Archive) -> None:
    a = archive.store_item(ItemIn(url="https://a.example/1", text=STORY, title="Mosul civilian toll"), [], key=key)
    archive.store_item(ItemIn(url="https://b.example/1", text=STORY), [], key=key)  # exact copy
    archive.store_item(ItemIn(url="https://c.example/1", text=KURDS, title="Kurdish figure"), [], key=key)
    hits = archive.search("Associated Press investigation")
    assert [h["id"] for h in hits] == [a.item_id]
    assert hits[0]["also_at"] == ["https://b.example/1"] and "[" in hits[0]["snippet"]
    assert len(archive.search("Mosul")) == 2
    assert archive.search('"unbalanced NEAR( * quote') == []
    assert archive.search("   ") == []


def test_filters_since_and_source(archive: Archive) -> None:
    old = datetime(2017, 1, 1, tzinfo=UTC)
    archive.store_item(ItemIn(url="https://a.example/old", text=STORY, source="a", published=old), [], key=key)
    archive.store_item(ItemIn(url="https://b.example/new", text=KURDS, source="b"), [], key=key)
    assert [i["source"] for i in archive.items(since=datetime(2018, 1, 1, tzinfo=UTC))] == ["b"]
    assert [i["source"] for i in archive.items(source="a")] == ["a"]
    assert [h["source"] for h in archive.search("Mosul", since=datetime(2018, 1, 1, tzinfo=UTC))] == ["b"]
    assert [h["source"] for h in archive.search("Mosul", source="a")] == ["a"]


def test_items_paginate_with_a_cursor(archive: Archive) -> None:
    for n in range(5):
        archive.store_item(ItemIn(url=f"https://a.example/{n}", text=f"story number {n} " + KURDS[:50] * n), [], key=key)
    page1 = archive.items(limit=2)
    page2 = archive.items(limit=2, before=page1[-1]["id"])
    page3 = archive.items(limit=2, before=page2[-1]["id"])
    ids = [i["id"] for i in page1 + page2 + page3]
    assert len(ids) == 5 and ids == sorted(ids, reverse=True)


def test_sources_record_failures_and_recover(archive: Archive) -> None:
    @dataclass
    class Spec:
        name: str
        kind: str
        url: str
        every: float

    archive.sync_sources([Spec("bbc", "feed", "https://feeds.example/rss", 900)])
    archive.record_poll("bbc", "ok", etag='"abc"', last_modified="Wed, 21 Oct 2015 07:28:00 GMT")
    archive.record_poll("bbc", "failed", error="connection refused")
    state = archive.record_poll("bbc", "failed", error="timeout", backoff_until=datetime.now(UTC) + timedelta(hours=1))
    assert state.consecutive_failures == 2 and state.last_error == "timeout" and state.etag == '"abc"'
    state = archive.record_poll("bbc", "ok")
    assert state.consecutive_failures == 0 and state.last_error is None and state.etag == '"abc"'
    archive.sync_sources([Spec("bbc", "feed", "https://feeds.example/other", 900)])
    assert archive.source("bbc").etag is None  # a new URL must not send the old validators


def test_seen_urls_are_keyed_canonically(archive: Archive) -> None:
    archive.mark_seen("https://www.example.com/a?utm_source=x", source="s", updated="2017-07-10", relevant=False)
    seen = archive.seen(["https://example.com/a", "https://example.com/b"])
    assert list(seen) == ["https://example.com/a"] and seen["https://example.com/a"].updated == "2017-07-10"
    archive.mark_seen("https://example.com/a", source="s", updated="2017-07-11", relevant=True)
    assert archive.seen(["https://example.com/a"])["https://example.com/a"].relevant is True


def test_outbox_lease_makes_a_killed_sender_lose_nothing(archive: Archive) -> None:
    stored = archive.store_item(ItemIn(url="https://a.example/1", text=KURDS), [Est(40000, None)], key=key,
                                route=lambda e: ["console"])
    (first,) = archive.claim_alerts()
    assert archive.claim_alerts() == []  # leased: nobody else takes it now
    later = datetime.now(UTC) + timedelta(minutes=5)
    (again,) = archive.claim_alerts(now=later)  # the first sender died; the lease ran out
    assert again.id == first.id and again.message_id == first.message_id and again.attempts == 2
    assert again.estimate["low"] == 40000 and again.item["id"] == stored.item_id
    archive.finish_alert(again.id, ok=False, status=503, error="503", retry_at=later)
    archive.finish_alert(again.id, ok=True, status=200)
    assert archive.alert_counts() == {"sent": 1}
    assert [d["status"] for d in archive.deliveries(again.id)] == [503, 200]


def test_failed_alert_can_be_retried(archive: Archive) -> None:
    archive.store_item(ItemIn(url="https://a.example/1", text=KURDS), [Est(40000, None)], key=key,
                       route=lambda e: ["console"])
    (alert,) = archive.claim_alerts()
    archive.finish_alert(alert.id, ok=False, status=400, error="400 Bad Request")
    assert archive.alert(alert.id).state == "failed"
    assert archive.retry_alert(alert.id) is True
    (again,) = archive.claim_alerts()
    assert again.id == alert.id and again.message_id == alert.message_id
    assert archive.retry_alert(99999) is False


def test_reopening_keeps_everything(db_url: str) -> None:
    first = Archive(db_url)
    first.store_item(ItemIn(url="https://a.example/1", text=STORY), [Est(9000, 11000)], key=key)
    first.close()
    second = Archive(db_url)  # migrations already at head: nothing re-created, nothing lost
    assert len(second.items()) == 1 and len(second.estimates()) == 1
    second.close()


def test_unreachable_database_is_one_clear_error() -> None:
    from storage import ArchiveError

    with pytest.raises(ArchiveError, match="cannot open archive postgresql\\+psycopg://u:\\*\\*\\*@127.0.0.1:1/x"):
        Archive("postgresql+psycopg://u:secretpw@127.0.0.1:1/x")


def test_the_listing_walks_its_index_instead_of_sorting_the_archive(sqlite_url) -> None:  # type: ignore[no-untyped-def]
    """`items` sorts on coalesce(published, fetched): its query must keep the expression migration 0008 indexed,
    or every listing sorts every story (~600 ms at 100,000). The statement `items()` runs is explained as is."""
    from sqlalchemy import event

    archive = Archive(sqlite_url)
    seen: list[tuple[str, object]] = []

    def keep(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if "ORDER BY coalesce" in statement:
            seen.append((statement, parameters))

    event.listen(archive.engine, "before_cursor_execute", keep)
    archive.items(limit=50)
    event.remove(archive.engine, "before_cursor_execute", keep)
    ((statement, parameters),) = seen
    with archive.engine.connect() as conn:
        plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters))
    archive.close()
    assert "ix_item_listing" in plan and "TEMP B-TREE" not in plan, plan
