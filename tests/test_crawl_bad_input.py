"""Bad input from the web: each source below is broken in its own way, all crawled in ONE pass next to a good
source and an archive that already holds a story. The pass must run to the end (exit 0), report each broken
source with a one-line reason, archive what the good source offers, and lose nothing already stored."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from ports import closed_port
from test_crawl import RSS, Watcher, news_site
from webfixtures import Route, Site, article, rss

BIG = 21 * 1024 * 1024  # over the default 20 MB page limit
GOOD_NEWS = ["The UN human rights office said at least 2,521 civilians were killed in Mosul between October 2016 "
             "and July 2017, and warned that the true number was likely to be much higher.",
             "Its report blamed both Islamic State fighters and Iraqi and coalition air strikes for the deaths."]
AIRWARS_NEWS = ["Airwars said coalition strikes on west Mosul killed between 1,066 and 1,579 civilians in the final "
                "months of the campaign, according to its assessment of local reports."]


@pytest.fixture(scope="module")
def bad_web(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("bad")
    with Site() as site:
        watcher = Watcher(tmp)
        news_site(site)
        watcher.source("daily", "feed", site.url("/feed.xml"))
        first = watcher.crawl()
        assert first.summary["items_new"] == 2
        # a good source, new this pass
        site.add("/good/1", body=article("Mosul: civilians killed", GOOD_NEWS).encode())
        site.add("/good/rss", content_type=RSS, body=rss([{"link": site.url("/good/1"), "title": "g"}]))
        watcher.source("good", "feed", site.url("/good/rss"))
        broken = {
            "garbage": Route(body=b"\x00\x01<<<not xml at all", content_type="application/xml"),
            "truncated": Route(content_type=RSS, body=rss([{"link": site.url(f"/t/{n}"), "title": f"t{n}"}
                                                           for n in (1, 2, 3)])[:-75]),
            "html-feed": Route(body=article("Our news", ["Read our news."]).encode()),
            "bad-sitemap": Route(body=b"<?xml version='1.0'?><urlset><url><loc>", content_type="application/xml"),
            "huge": Route(body=b"<rss>" + b" " * BIG + b"</rss>", content_type=RSS),
            "loop": Route(status=302, headers={"Location": "/loop-b"}, content_type=None),
            "missing": Route(status=404, body=b"no", content_type="text/plain"),
            "gone": Route(status=410, body=b"gone", content_type="text/plain"),
            "broken": Route(status=500, body=b"oops", content_type="text/plain"),
            "hangs": Route(hang=True),
            "empty": Route(body=b"", content_type=RSS),
            "articles": Route(content_type=RSS, body=rss([{"link": site.url(f"/art/{n}"), "title": n} for n in
                                                          ("image", "empty", "huge", "loop", "notpdf", "500", "hang")])),
        }
        for name, route in broken.items():
            site.add(f"/{name}", route)
            kind = "sitemap" if name == "bad-sitemap" else "feed"
            watcher.source(name, kind, site.url(f"/{name}"))
        site.add("/loop-b", status=302, headers={"Location": "/loop"}, content_type=None)
        watcher.source("refused", "feed", f"http://127.0.0.1:{closed_port()}/feed")
        site.add("/t/1", body=article("Airwars: Mosul strikes", AIRWARS_NEWS).encode())
        site.add("/art/image", body=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 100, content_type="image/png")
        site.add("/art/empty", body=b"")
        site.add("/art/huge", body=b"<html>" + b"Mosul killed " * (BIG // 13) + b"</html>")
        site.add("/art/loop", status=301, headers={"Location": "/art/loop"}, content_type=None)
        site.add("/art/notpdf", body=b"%PDF-1.7 this is not really a PDF \x00\x01\x02 Mosul killed",
                 content_type="application/pdf")
        site.add("/art/500", status=500, body=b"x", content_type="text/plain")
        site.add("/art/hang", hang=True)
        started = time.monotonic()
        result = watcher.crawl()
        elapsed = time.monotonic() - started
        yield watcher, site, result, elapsed


def test_the_pass_runs_to_the_end_and_exits_zero(bad_web) -> None:  # type: ignore[no-untyped-def]
    watcher, _, result, elapsed = bad_web
    assert result.code == 0, result.stderr
    assert elapsed < 60  # hanging servers cost their timeout, not the pass
    assert "Traceback" not in result.stderr


def test_good_sources_are_archived_and_nothing_stored_is_lost(bad_web) -> None:  # type: ignore[no-untyped-def]
    watcher, _, result, _ = bad_web
    s = result.summary
    assert "good" in s["sources_ok"] and s["items_new"] >= 1
    titles = {i["title"] for i in watcher.archive().items()}
    assert {"Mosul death toll far higher than reported", "Zebari: 40,000 killed", "Mosul: civilians killed"} <= titles
    assert "daily" in s["sources_unchanged"]


@pytest.mark.parametrize("source, reason", [
    ("garbage", "not a readable feed"),
    ("html-feed", "not a feed: got an HTML page"),
    ("bad-sitemap", "not readable XML"),
    ("huge", "too large"),
    ("loop", "too many redirects"),
    ("missing", "HTTP 404 Not Found"),
    ("gone", "HTTP 410 Gone"),
    ("broken", "HTTP 500 Internal Server Error"),
    ("hangs", "timed out after 1s"),
    ("empty", "empty response"),
    ("refused", "connection refused"),
])
def test_each_broken_source_fails_with_a_one_line_reason_and_backs_off(bad_web, source: str, reason: str) -> None:  # type: ignore[no-untyped-def]
    watcher, _, result, _ = bad_web
    assert source in result.summary["sources_failed"]
    message = result.summary["errors"][source]
    assert reason in message and "\n" not in message
    state = watcher.archive().source(source)
    assert state.status == "failed" and state.consecutive_failures == 1 and reason in state.last_error
    assert state.backoff_until is not None and state.backoff_until.timestamp() > time.time()


def test_a_truncated_feed_yields_the_entries_before_the_cut(bad_web) -> None:  # type: ignore[no-untyped-def]
    watcher, site, result, _ = bad_web
    assert "truncated" in result.summary["sources_ok"]
    assert "/t/1" in site.paths()
    assert any(i["title"] == "Airwars: Mosul strikes" for i in watcher.archive().items())


def test_broken_articles_are_skipped_and_only_lasting_failures_are_remembered(bad_web) -> None:  # type: ignore[no-untyped-def]
    watcher, site, result, _ = bad_web
    assert "articles" in result.summary["sources_ok"]
    assert result.summary["pages_failed"] >= 7
    archive = watcher.archive()
    stored = {i["url"] for i in archive.items()}
    assert not any("/art/" in u for u in stored)
    seen = archive.seen([site.url(f"/art/{n}") for n in ("image", "empty", "huge", "loop", "notpdf", "500", "hang")])
    # lasting failures are not fetched again; passing ones (empty page, 5xx, timeout) are retried next pass
    assert {u.rsplit("/", 1)[1] for u in seen} == {"image", "huge", "loop", "notpdf"}
    assert archive.source("articles").etag is None  # the feed is read again next pass, to retry the others


def test_failing_sources_are_skipped_next_pass_unless_forced(tmp_path: Path) -> None:
    watcher = Watcher(tmp_path)
    with Site() as site:
        site.add("/down", status=500, body=b"x", content_type="text/plain")
        watcher.source("down", "feed", site.url("/down"))
        assert watcher.crawl().summary["sources_failed"] == ["down"]
        hits = len(site.requests_for("/down"))
        assert hits == 3  # the first try and two retries
        assert watcher.crawl().summary["sources_skipped"] == ["down"]
        assert len(site.requests_for("/down")) == hits
        forced = watcher.crawl("--force").summary
        assert forced["sources_failed"] == ["down"]
        assert watcher.archive().source("down").consecutive_failures == 2
        site.add("/down", content_type=RSS, body=rss([]))
        assert watcher.crawl("--force").summary["sources_ok"] == ["down"]
        state = watcher.archive().source("down")
        assert state.consecutive_failures == 0 and state.backoff_until is None and state.last_error is None
