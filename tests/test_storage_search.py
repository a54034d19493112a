"""SQLite search when a word is in most stories: it must match, but it does not rank (bm25 would read every story
that has it to weigh it, and weigh it at about nothing). PROBE is made small so a small archive counts as large."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest

import storage.search
from storage import Archive, ItemIn


@pytest.fixture
def archive(sqlite_url: str):  # type: ignore[no-untyped-def]
    a = Archive(sqlite_url)
    stories = []
    for n in range(1, 21):  # ids 1..20, newest last; "Mosul" in all, more often in the older (shorter) ones
        mosul = "Mosul " * (21 - n)
        strike = {3: "strike", 6: "strike strike strike", 9: "a strike"}.get(n, "")
        title = "Strike on the market" if n == 6 else f"Report {n}"
        stories.append(ItemIn(url=f"https://s.example/{n}", title=title, source="s", language="en",
                              published=datetime(2017, 1, n, tzinfo=UTC),
                              text=f"{mosul} news of the day {strike} and the weather in district {n}."))
    a.bulk_load_items(stories)
    yield a
    a.close()


def _ids(rows: list[dict]) -> list[int]:
    return [int(r["url"].rsplit("/", 1)[1]) for r in rows]


def test_in_a_small_archive_every_word_ranks(archive) -> None:  # type: ignore[no-untyped-def]
    rows = archive.search("mosul", limit=50)
    assert len(rows) == 20 and all(r["rank"] < 0 for r in rows)
    assert _ids(rows) != list(range(20, 0, -1))  # bm25 order (the older stories say it more), not newest first
    assert rows == sorted(rows, key=lambda r: (r["rank"], -r["id"]))


def test_a_word_in_most_stories_matches_newest_first(archive, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(storage.search, "PROBE", 10)
    rows = archive.search("mosul", limit=50)
    assert _ids(rows) == list(range(20, 0, -1)) and {r["rank"] for r in rows} == {0.0}
    assert all("[Mosul]" in r["snippet"] for r in rows)
    page_two = archive.search("mosul", limit=5, offset=5)
    assert _ids(page_two) == [15, 14, 13, 12, 11]


def test_the_rarer_words_rank_the_matches(archive, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """"Mosul" must be in each story found, and "strike" alone orders them: the story with it in the title and
    three times in the text first, as bm25 over all the words would have it (Mosul weighs 1e-6 there)."""
    exact = archive.search("mosul strike", limit=50)
    monkeypatch.setattr(storage.search, "PROBE", 10)
    rows = archive.search("mosul strike", limit=50)
    assert sorted(_ids(rows)) == [3, 6, 9] and _ids(rows)[0] == 6
    assert all(r["rank"] < 0 for r in rows) and rows == sorted(rows, key=lambda r: (r["rank"], -r["id"]))
    assert _ids(rows) == _ids(exact)
    assert all("[strike]" in r["snippet"].lower() or "[Strike]" in r["snippet"] for r in rows)


def test_a_common_word_with_filters_still_filters(archive, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(storage.search, "PROBE", 10)
    rows = archive.search("mosul", since=datetime(2017, 1, 15, tzinfo=UTC), limit=50)
    assert _ids(rows) == [20, 19, 18, 17, 16, 15]


def test_postgresql_takes_the_shares_from_its_statistics(pg_url: str) -> None:
    """On PostgreSQL a word's share comes from ANALYZE's statistics: before them every word ranks."""
    a = Archive(pg_url)
    try:
        for n in range(1, 21):
            strike = {3: "strike", 6: "strike strike strike", 9: "a strike"}.get(n, "")
            a.bulk_load_items([ItemIn(url=f"https://s.example/{n}", title="Strike" if n == 6 else f"Report {n}",
                                      source="s", language="en", published=datetime(2017, 1, n, tzinfo=UTC),
                                      text=f"{'Mosul ' * (21 - n)} news {strike} and district {n}.")])
        before = a.search("mosul", limit=50)
        assert len(before) == 20 and all(r["rank"] < 0 for r in before)  # no statistics yet: ranked
        a.refresh_statistics()
        a._pg_stats = None  # type: ignore[attr-defined]  (as after STATS_EVERY)
        rows = a.search("mosul", limit=50)
        assert _ids(rows) == list(range(20, 0, -1)) and {r["rank"] for r in rows} == {0.0}
        assert all("[Mosul]" in r["snippet"] for r in rows)
        ranked = a.search("mosul strike", limit=50)
        assert sorted(_ids(ranked)) == [3, 6, 9] and _ids(ranked)[0] == 6 and all(r["rank"] < 0 for r in ranked)
    finally:
        a.close()


def test_the_window_probes_the_first_copies_index_and_still_drops_folded_copies(archive) -> None:  # type: ignore[no-untyped-def]
    """Migration 0009's partial index of first copies is what the window joins to (1.26 -> 0.51 ms a search at
    100,000 stories); a story folded into another must still never be a hit of its own."""
    from sqlalchemy import text

    with archive.engine.begin() as conn:
        plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN " + storage.search._SQLITE_WINDOW.format(filters=""), {"q": '"strike"', "window": 5}))
        assert "ix_item_first_copy" in plan, plan
        conn.execute(text("UPDATE item SET duplicate_of = 3 WHERE id = 6"))  # 6 is now a copy of 3
    found = archive.search("strike")
    assert sorted(_ids(found)) == [3, 9]
    assert next(r for r in found if _ids([r]) == [3])["also_at"] == ["https://s.example/6"]
