"""Search ranking through the API: best first, and the newest-match window that keeps common words fast."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

import storage.search
from storage import ItemIn
from web.app import create_app


def _story(n: int, title: str, text: str) -> ItemIn:
    return ItemIn(url=f"https://rank.example/{n}", title=title, text=text, source="rank",
                  published=datetime(2017, 1, n + 1, tzinfo=UTC))


@pytest.fixture
def client(archive):  # type: ignore[no-untyped-def]
    with TestClient(create_app(archive.url, token=None, require_token=False, version="1")) as c:
        yield c


def test_a_story_about_the_words_ranks_first(archive, client) -> None:  # type: ignore[no-untyped-def]
    archive.store_item(_story(1, "Market reopens", "Traders returned; one mentioned a mortar attack last year "
                                                   "and the price of bread near the old bridge."), [], key=str)
    archive.store_item(_story(2, "Mortar attack on the market", "A mortar attack killed four people. Witnesses "
                                                               "said the mortar attack came at noon."), [], key=str)
    archive.store_item(_story(3, "Weather", "Rain is expected across the plain of Nineveh."), [], key=str)
    urls = [i["url"] for i in client.get("/api/items", params={"q": "mortar attack"}).json()["items"]]
    assert urls == ["https://rank.example/2", "https://rank.example/1"]


def test_only_the_newest_matches_are_ranked_when_very_many_match(archive, client, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for n in range(6):
        archive.store_item(_story(n, f"Report {n}", f"Shelling in district {n} of the city; shelling again "
                                                    f"{'and again ' * n}at night."), [], key=str)
    everything = client.get("/api/items", params={"q": "shelling", "limit": 50}).json()["items"]
    assert len(everything) == 6
    monkeypatch.setattr(storage.search, "RANK_WINDOW", 3)
    windowed = client.get("/api/items", params={"q": "shelling", "limit": 2}).json()
    more = client.get("/api/items", params={"q": "shelling", "limit": 2, "cursor": windowed["next"]}).json()
    urls = [i["url"] for i in windowed["items"] + more["items"]]
    assert sorted(urls) == sorted(f"https://rank.example/{n}" for n in (3, 4, 5))  # the newest three, once each
    assert more["next"] is None
