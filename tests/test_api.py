"""The HTTP API through the real app, on SQLite and on PostgreSQL (the `archive` fixture runs both)."""
from __future__ import annotations

import base64
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from test_web_data import AIRWARS, COPY, ESTIMATES, JADIDA, STORIES, fill, key
from web.app import create_app

ITEM_KEYS = {"id", "url", "title", "source", "published", "fetched", "language", "also_at"}
ESTIMATE_KEYS = {"id", "low", "high", "qualifier", "outcome", "victims", "victims_group", "place", "place_id",
                 "claimant", "claimant_text", "claimant_id", "claimants", "quote", "kind", "period", "first_seen",
                 "first_stated", "first_stated_from", "revises", "status", "merged_into", "url", "source",
                 "mentions"}


@pytest.fixture
def filled(archive):  # type: ignore[no-untyped-def]
    ids = fill(archive)
    return archive, ids


@pytest.fixture
def client(filled):  # type: ignore[no-untyped-def]
    archive, _ = filled
    with TestClient(create_app(archive.url, token=None, require_token=False, version="9.9.9")) as c:
        yield c


def test_items_pages_through_every_first_copy_newest_first(client, filled) -> None:  # type: ignore[no-untyped-def]
    archive, _ = filled
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/items", params=params).json()
        assert len(body["items"]) <= 2
        seen += body["items"]
        pages += 1
        cursor = body["next"]
        if cursor is None:
            break
    expected = archive.items(limit=1000)
    assert [i["id"] for i in seen] == [i["id"] for i in expected]
    assert len(seen) == len(STORIES)  # the syndicated copy is folded in, not listed
    assert pages == (len(STORIES) + 1) // 2
    assert all(set(i) == ITEM_KEYS for i in seen)
    wire = next(i for i in seen if i["url"] == STORIES[0][0].url)
    assert wire["also_at"] == [COPY[0].url]


def test_items_filters_by_source_and_since(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/items", params={"source": "airwars"}).json()
    assert [i["url"] for i in body["items"]] == ["https://airwars.example/jadida"]
    recent = client.get("/api/items", params={"since": "2017-07-01"}).json()["items"]
    assert {i["url"] for i in recent} == {s.url for s, _ in STORIES if s.published >= datetime(2017, 7, 1, tzinfo=UTC)}


def test_search_finds_each_story_once_with_a_snippet(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/items", params={"q": "civilians killed"}).json()
    urls = [i["url"] for i in body["items"]]
    assert STORIES[0][0].url in urls and STORIES[1][0].url in urls
    assert COPY[0].url not in urls and len(urls) == len(set(urls))
    assert body["next"] is None
    hit = body["items"][urls.index(STORIES[0][0].url)]
    assert ITEM_KEYS <= set(hit) and "snippet" in hit and "[" in hit["snippet"]
    assert hit["also_at"] == [COPY[0].url]


def test_search_pages_with_its_own_cursor(client) -> None:  # type: ignore[no-untyped-def]
    first = client.get("/api/items", params={"q": "Mosul", "limit": 2}).json()
    assert len(first["items"]) == 2 and first["next"]
    urls = [i["url"] for i in first["items"]]
    cursor = first["next"]
    while cursor:
        page = client.get("/api/items", params={"q": "Mosul", "limit": 2, "cursor": cursor}).json()
        urls += [i["url"] for i in page["items"]]
        cursor = page["next"]
    assert len(urls) == len(set(urls)) >= 4
    other = client.get("/api/items", params={"q": "Nineveh", "cursor": first["next"]})
    assert other.status_code == 422 and "another query" in other.json()["error"]
    listing = client.get("/api/items", params={"cursor": first["next"]})
    assert listing.status_code == 422


def test_search_in_arabic(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/items", params={"q": "المدنيين"}).json()
    assert [i["url"] for i in body["items"]] == ["https://arabic.example/mosul"]


def test_item_has_text_versions_and_mentions(client, filled) -> None:  # type: ignore[no-untyped-def]
    _, ids = filled
    body = client.get(f"/api/items/{ids[STORIES[0][0].url]}").json()
    assert ITEM_KEYS <= set(body)
    assert body["text"].endswith("disputes the figure.")
    assert [v["version"] for v in body["versions"]] == [1] and body["versions"][0]["text"] == STORIES[0][0].text
    assert [m["quote"] for m in body["mentions"]] == [AIRWARS.quote]
    missing = client.get("/api/items/999999")
    assert missing.status_code == 404 and missing.json()["error"] == "no item 999999"


def test_estimates_shape_and_filters(client) -> None:  # type: ignore[no-untyped-def]
    rows = client.get("/api/estimates").json()["estimates"]
    assert len(rows) == len(ESTIMATES)
    assert all(set(r) == ESTIMATE_KEYS for r in rows)
    airwars = next(r for r in rows if r["low"] == AIRWARS.low)
    # two stories state it; the syndicated copy is folded into the first and not counted again
    assert airwars["mentions"] == 2 and airwars["url"] == STORIES[0][0].url
    injured = client.get("/api/estimates", params={"outcome": "injured"}).json()["estimates"]
    assert [(r["low"], r["high"]) for r in injured] == [(200, 300)]
    jadida = client.get("/api/estimates", params={"place": "JADIDA"}).json()["estimates"]
    assert [r["quote"] for r in jadida] == [JADIDA.quote]
    bad = client.get("/api/estimates", params={"outcome": "dead"})
    assert bad.status_code == 422 and bad.json()["error"].startswith("outcome:")


def test_estimate_lists_every_story_that_states_it(client) -> None:  # type: ignore[no-untyped-def]
    rows = client.get("/api/estimates").json()["estimates"]
    airwars = next(r for r in rows if r["low"] == AIRWARS.low)
    body = client.get(f"/api/estimates/{airwars['id']}").json()
    assert ESTIMATE_KEYS <= set(body)
    assert {s["url"] for s in body["stories"]} == {STORIES[0][0].url, STORIES[-1][0].url}
    assert all({"item_id", "url", "title", "outlet", "published", "quote"} <= set(s) for s in body["stories"])
    assert client.get("/api/estimates/424242").status_code == 404


def test_sources_show_health_without_secrets(client, filled) -> None:  # type: ignore[no-untyped-def]
    from crawler.spec import SourceSpec

    archive, _ = filled
    archive.sync_sources([SourceSpec("wire", "feed", "https://news.example/rss?apikey=SECRET", 600.0),
                          SourceSpec("ngo", "page", "https://ngo.example/reports", 3600.0)])
    archive.record_poll("wire", "failed", error="HTTP 503")
    archive.record_poll("ngo", "ok")
    rows = {s["name"]: s for s in client.get("/api/sources").json()["sources"]}
    assert rows["wire"]["status"] == "failed" and rows["wire"]["failures"] == 1
    assert rows["wire"]["last_error"] == "HTTP 503" and "SECRET" not in rows["wire"]["url"]
    assert rows["ngo"]["status"] == "ok" and rows["ngo"]["failures"] == 0


def _b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


@pytest.mark.parametrize("path, params", [
    ("/api/items", {"limit": -1}),
    ("/api/items", {"limit": 0}),
    ("/api/items", {"limit": "ten"}),
    ("/api/items", {"limit": 10**30}),
    ("/api/items", {"since": "not a date"}),
    ("/api/items", {"since": "2017-13-45"}),
    ("/api/items", {"since": "99999999999-01-01"}),
    ("/api/items", {"cursor": "%%%garbage"}),
    ("/api/items", {"cursor": _b64("i:-5")}),
    ("/api/items", {"cursor": _b64("i:99999999999999999999")}),
    ("/api/items", {"q": "mosul", "cursor": _b64("o:-1:x")}),
    ("/api/items", {"q": "x" * 5000}),
    ("/api/items", {"q": "mosul\x00"}),
    ("/api/items", {"source": "wire\x00"}),
    ("/api/estimates", {"limit": -3}),
    ("/api/estimates", {"outcome": "all"}),
    ("/api/items/-1", {}),
    ("/api/items/abc", {}),
    ("/api/items/99999999999999999999", {}),
    ("/api/estimates/0", {}),
])
def test_bad_parameters_are_422_with_a_message(client, path, params) -> None:  # type: ignore[no-untyped-def]
    response = client.get(path, params=params)
    assert response.status_code == 422, response.text
    message = response.json()["error"]
    assert isinstance(message, str) and message and "\n" not in message


@pytest.mark.parametrize("q", ['"', '"unbalanced', "*", "mos*", "NEAR(mosul civilians)", "mosul AND", "OR",
                               "NOT killed", "-", "col:mosul", "^start", "title:Mosul", "((", "a & b | !c",
                               "الموصل", "٤٠٬٠٠٠ قتيل", "  ", "'; DROP TABLE item; --", "🙂", "\\"])
def test_search_syntax_characters_never_break_the_query(client, q) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/items", params={"q": q})
    assert response.status_code == 200, response.text
    assert isinstance(response.json()["items"], list)


def test_search_with_fts_syntax_still_finds_the_words(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/items", params={"q": '"al-Jadida" strike* -'}).json()
    assert [i["url"] for i in body["items"]] == ["https://airwars.example/jadida"]


def test_openapi_lists_the_routes(client) -> None:  # type: ignore[no-untyped-def]
    spec = client.get("/openapi.json").json()
    assert spec["info"]["version"] == "9.9.9"
    assert {"/api/items", "/api/items/{item_id}", "/api/estimates", "/api/estimates/{estimate_id}",
            "/api/sources", "/healthz", "/metrics"} <= set(spec["paths"])


def test_every_answer_carries_a_strict_content_security_policy(client) -> None:  # type: ignore[no-untyped-def]
    for path in ("/", "/api/items", "/static/app.js", "/nowhere"):
        csp = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp


def test_page_and_its_assets_are_served(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for asset in ("/static/app.js", "/static/timeline.js", "/static/style.css", "/static/favicon.svg"):
        assert asset in page.text or asset == "/static/favicon.svg"
        assert client.get(asset).status_code == 200
    assert "<script>" not in page.text and " style=" not in page.text  # nothing inline for the CSP to refuse


def test_healthz(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/healthz").json() == {"status": "ok", "version": "9.9.9"}


def test_key_is_stable_for_the_fixture() -> None:
    assert len({key(e) for e in ESTIMATES}) == len(ESTIMATES)


def test_random_parameters_never_cause_a_server_error(client) -> None:  # type: ignore[no-untyped-def]
    import random

    rng = random.Random(1917)
    alphabet = 'abcمصل٤0123456789 "*-+^:()[]{}.,;\'\\/%&|!<>~`@#$_=?\t\n\u200f\U0001f642'
    names = ["q", "since", "source", "limit", "cursor"]
    for _ in range(150):
        params = {n: "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
                  for n in rng.sample(names, rng.randint(1, len(names)))}
        response = client.get("/api/items", params=params)
        assert response.status_code in (200, 422), (params, response.text)
        if response.status_code == 422:
            assert response.json()["error"]


def test_web_is_a_room_that_never_imports_the_front_door() -> None:
    from pathlib import Path

    import web

    for path in Path(web.__file__).parent.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "import casualty_watch" not in source and "from casualty_watch" not in source, path
