"""Hostile and sloppy sources against the real `casualty-watch crawl` on 127.0.0.1 (issue 11): none may stall the
pass, flood it, or silence the good entries beside a bad one; every loss shows in the source's health."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hostile import pdf_bomb
from test_crawl import CLI, RSS, Watcher
from webfixtures import MOSUL_AP, MOSUL_KURDISH, Route, Site, article, rss, sitemap_index

FAST = 'concurrency = 8\nper_host = 4\ndelay = "0s"\ntimeout = "2s"'
LISTING = b"""<!doctype html><html><body><main><h1>Reports</h1>
<a href="/reports/bomb.pdf">Annual report on Mosul</a></main></body></html>"""


def _measured_crawl(watcher: Watcher) -> tuple[int, dict, str, float, int]:
    """(exit code, summary, stderr, seconds, peak RSS in bytes of the crawl process), measured by a fresh Python
    that runs nothing but the crawl, so the peak is the crawl's own."""
    watcher.write()
    probe = ("import json, resource, subprocess, sys, time\n"
             "t = time.monotonic()\n"
             "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
             "print(json.dumps({'code': p.returncode, 'out': p.stdout, 'err': p.stderr,\n"
             "                  'seconds': time.monotonic() - t,\n"
             "                  'peak': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024}))\n")
    proc = subprocess.run([sys.executable, "-c", probe, CLI, "-c", str(watcher.config), "crawl", "--json"],
                          capture_output=True, text=True, timeout=300)
    out = json.loads(proc.stdout)
    summary = json.loads(out["out"]) if out["code"] == 0 else {}
    return out["code"], summary, out["err"], out["seconds"], out["peak"]


def test_a_pdf_claiming_a_million_pages_is_read_to_the_page_cap_once(tmp_path: Path) -> None:
    watcher = Watcher(tmp_path)
    watcher.crawl_table = FAST
    with Site() as site:
        bomb = pdf_bomb()
        assert len(bomb) < 2000
        site.add("/reports", body=LISTING)
        site.add("/reports/bomb.pdf", body=bomb, content_type="application/pdf")
        watcher.source("ngo", "page", site.url("/reports"))
        code, summary, stderr, seconds, peak = _measured_crawl(watcher)
        assert code == 0, stderr
        assert seconds < 60 and peak < 1.5 * 2**30, (seconds, peak)
        [item] = watcher.archive().items()
        detail = watcher.archive().item(item["id"])
        assert detail["truncated"] == "read 500 of 1,000,000 pages (max_pdf_pages)"
        assert detail["text"].count("Mosul civilians killed") == 500
        assert Path(tmp_path / "archive.db").stat().st_size < 20 * 2**20
        assert summary["sources_ok"] == ["ngo"]
        again = watcher.crawl()
        assert again.code == 0 and site.paths().count("/reports/bomb.pdf") == 1  # not read again every poll


def test_a_slow_document_is_cut_at_its_time_limit_and_holds_up_no_other_source(tmp_path: Path) -> None:
    watcher = Watcher(tmp_path)
    # every page read would take ~15 s; the read time limit cuts it at 1 s while the feed's stories, one request
    # every 0.2 s to the same host, go on being fetched and read
    watcher.crawl_table = ('concurrency = 8\nper_host = 1\ndelay = "0.2s"\ntimeout = "5s"\nmax_pdf_pages = 100000\n'
                           'max_read_time = "1s"')
    with Site() as site:
        site.add("/reports", body=LISTING)
        site.add("/reports/bomb.pdf", body=pdf_bomb(), content_type="application/pdf")
        paths = [f"/news/{n}" for n in range(8)]
        for n, path in enumerate(paths):
            site.add(path, body=article(f"Mosul story {n}", [f"Story {n}: {MOSUL_AP[0]}"]).encode())
        site.add("/feed.xml", content_type=RSS, body=rss([{"link": site.url(p), "title": p} for p in paths]))
        watcher.source("ngo", "page", site.url("/reports"))
        watcher.source("daily", "feed", site.url("/feed.xml"))
        result = watcher.crawl()
        assert result.code == 0, result.stderr
        archive = watcher.archive()
        items = {i["url"]: i for i in archive.items(limit=100)}
        report = items[site.url("/reports/bomb.pdf")]
        assert archive.item(report["id"])["truncated"].endswith("pages in 1 s (max_read_time)")
        pdf_asked = site.requests_for("/reports/bomb.pdf")[0].at
        report_done = _timestamp(report["fetched"])
        assert report_done - pdf_asked >= 1.0
        during = [h for h in site.hits if h.path.startswith("/news/") and pdf_asked < h.at < report_done]
        assert during, "the feed's stories waited for the PDF to be read"
        assert sorted(p for p in site.paths() if p.startswith("/news/")) == paths
        assert result.summary["items_new"] + result.summary["items_duplicate"] == 9  # syndicated copies fold


def _timestamp(iso: str) -> float:
    from datetime import datetime

    return datetime.fromisoformat(iso).timestamp()


def test_a_sitemap_index_listing_itself_is_fetched_once(tmp_path: Path) -> None:
    watcher = Watcher(tmp_path)
    watcher.crawl_table = FAST
    with Site() as site:
        site.add("/self.xml", content_type="application/xml",
                 body=sitemap_index([site.url("/self.xml"), site.url("/self.xml#again"), site.url("/other.xml")]))
        site.add("/other.xml", content_type="application/xml", body=sitemap_index([site.url("/self.xml")]))
        watcher.source("loop", "sitemap", site.url("/self.xml"))
        started = time.monotonic()
        result = watcher.crawl()
        assert result.code == 0, result.stderr and time.monotonic() - started < 30
        assert site.paths().count("/self.xml") == 1 and site.paths().count("/other.xml") == 1
        state = watcher.archive().source("loop")
        assert state.status == "degraded" and "sitemap listed again (a loop of indexes)" in state.last_error
        assert result.summary["sources_degraded"] == ["loop"]


def test_indexes_fanning_out_are_cut_at_the_child_sitemap_limit(tmp_path: Path) -> None:
    watcher = Watcher(tmp_path)
    watcher.crawl_table = FAST
    with Site() as site:
        site.add("/fan.xml", content_type="application/xml",
                 body=sitemap_index([site.url(f"/fan/{i}.xml") for i in range(80)]))
        for i in range(80):
            site.add(f"/fan/{i}.xml", content_type="application/xml",
                     body=sitemap_index([site.url(f"/fan/{i}/{j}.xml") for j in range(50)]))
        watcher.source("fan", "sitemap", site.url("/fan.xml"))
        result = watcher.crawl()
        assert result.code == 0, result.stderr
        fetched = [p for p in site.paths() if p.startswith("/fan")]
        assert len(fetched) == 51  # the index and the 50 children max_child_sitemaps allows
        state = watcher.archive().source("fan")
        assert state.status == "degraded" and "more than 50 child sitemaps (max_child_sitemaps)" in state.last_error


def test_sitemaps_nested_past_the_depth_limit_are_not_fetched(tmp_path: Path) -> None:
    watcher = Watcher(tmp_path)
    watcher.crawl_table = FAST + "\nmax_sitemap_depth = 2"
    with Site() as site:
        for depth in range(6):
            site.add(f"/deep/{depth}.xml", content_type="application/xml",
                     body=sitemap_index([site.url(f"/deep/{depth + 1}.xml")]))
        watcher.source("deep", "sitemap", site.url("/deep/0.xml"))
        assert watcher.crawl().code == 0
        assert [p for p in site.paths() if p.startswith("/deep")] == ["/deep/0.xml", "/deep/1.xml", "/deep/2.xml"]
        assert "nested deeper than 2 (max_sitemap_depth)" in watcher.archive().source("deep").last_error


def test_entries_past_the_per_pass_limit_are_left_newest_first(tmp_path: Path) -> None:
    from webfixtures import news_sitemap

    watcher = Watcher(tmp_path)
    watcher.crawl_table = FAST + "\nmax_entries = 5"
    with Site() as site:
        urls = []
        for day in range(1, 13):
            path = f"/story/{day}"
            site.add(path, body=article(f"Story {day}", ["Markets were calm."]).encode())
            urls.append({"loc": site.url(path), "title": f"Story {day}", "date": f"2017-07-{day:02d}T10:00:00Z"})
        site.add("/news.xml", content_type="application/xml", body=news_sitemap(urls))
        watcher.source("gn", "sitemap", site.url("/news.xml"))
        assert watcher.crawl().code == 0
        fetched = sorted(int(p.rsplit("/", 1)[1]) for p in site.paths() if p.startswith("/story/"))
        assert fetched == [8, 9, 10, 11, 12]
        state = watcher.archive().source("gn")
        assert state.status == "degraded" and state.last_error == "7 skipped: older entries past max_entries (5 per pass) (7)"


def test_bad_entries_are_skipped_and_counted_while_the_good_ones_are_archived(tmp_path: Path) -> None:
    watcher = Watcher(tmp_path)
    watcher.crawl_table = FAST
    with Site() as site:
        site.add("/good/1", body=article("Mosul toll far higher", MOSUL_AP).encode())
        site.add("/good/2", body=article("Zebari: 40,000 killed", MOSUL_KURDISH).encode())
        # lxml reads this as a bare <svg> fragment, and htmldate's clean-up then raised AssertionError
        site.add("/odd", body=b"<svg><title>Odd page</title><p>More than 9,000 civilians were killed in Mosul, "
                              b"officials said.</p></svg>")
        feed = (b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
                b"<link>http://example.org/</link><description>d</description>"
                b"<item><title>port</title><link>http://example.org:99999/story</link></item>"
                + f"<item><title>good one</title><link>{site.url('/good/1')}</link></item>".encode()
                + b"<item><title>bracket</title><link>http://[::1/story</link></item>"
                b"<item><title>surrogate &#xD800; here</title><link>http://example.org/s&#xD800;</link></item>"
                + f"<item><title>good two</title><link>{site.url('/good/2')}</link></item>".encode()
                + f"<item><title>odd markup</title><link>{site.url('/odd')}</link></item>".encode()
                + b"</channel></rss>")
        site.add("/feed.xml", content_type=RSS, body=feed)
        watcher.source("sloppy", "feed", site.url("/feed.xml"))
        result = watcher.crawl()
        assert result.code == 0, result.stderr
        items = watcher.archive().items()
        titles = {i["title"] for i in items}
        assert {"Mosul toll far higher", "Zebari: 40,000 killed"} <= titles
        assert any(i["url"] == site.url("/odd") for i in items)  # its text kept, only its date unread
        state = watcher.archive().source("sloppy")
        assert state.status == "degraded" and state.consecutive_failures == 0
        assert "bad link" in state.last_error and "99999" in state.last_error
        assert result.summary["warnings"]["sloppy"] == state.last_error
        assert "Traceback" not in result.stderr


def _status(watcher: Watcher, name: str) -> str | None:
    """The source's recorded status as another process sees it, read while the crawl runs."""
    archive = watcher.archive()
    try:
        state = archive.source(name)
        return state.status if state is not None else None
    finally:
        archive.close()


def test_a_pass_stopped_by_sigterm_records_its_unfinished_sources_as_aborted(tmp_path: Path) -> None:
    watcher = Watcher(tmp_path)
    watcher.crawl_table = 'concurrency = 8\nper_host = 1\ndelay = "0s"\ntimeout = "4s"'
    with Site() as site:
        site.add("/quick", body=article("Mosul toll far higher", MOSUL_AP).encode())
        site.add("/quick.xml", content_type=RSS, body=rss([{"link": site.url("/quick"), "title": "q"}]))
        site.add("/hang/1", Route(hang=True))
        site.add("/hang/2", Route(hang=True))
        site.add("/slow.xml", content_type=RSS, body=rss([{"link": site.url(f"/hang/{n}"), "title": f"h{n}"}
                                                          for n in (1, 2)]))
        watcher.source("quick", "feed", site.url("/quick.xml"))
        watcher.source("slow", "feed", site.url("/slow.xml"))
        watcher.write()
        proc = subprocess.Popen([CLI, "-c", str(watcher.config), "crawl", "--json"], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env={**os.environ, "COLUMNS": "200"})
        # SIGTERM only once the quick source's poll is recorded (on a busy machine its article can still be in
        # the pipeline when the slow one's first page is asked for) and the slow one is stuck on a hanging page
        deadline = time.monotonic() + 30
        while "/hang/1" not in site.paths() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "/hang/1" in site.paths()
        while _status(watcher, "quick") != "ok" and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _status(watcher, "quick") == "ok"
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
        archive = watcher.archive()
        slow = archive.source("slow")
        assert slow.status == "aborted", (slow, err)
        assert slow.last_error.startswith("aborted: the pass stopped (shutdown)")
        assert slow.consecutive_failures == 0 and slow.etag is None
        assert archive.source("quick").status == "ok"
        if proc.returncode == 0:
            summary = json.loads(out)
            assert summary["sources_aborted"] == ["slow"] and "slow" not in summary["sources_ok"]


@pytest.mark.parametrize("outcome", ["aborted", "degraded"])
def test_health_outcomes_are_kept_apart_from_failures(tmp_path: Path, outcome: str) -> None:
    from storage import Archive

    archive = Archive(f"sqlite:///{tmp_path / 'a.db'}")
    from crawler.spec import SourceSpec

    archive.sync_sources([SourceSpec(name="s", kind="feed", url="http://example.org/f", every=60)])
    archive.record_poll("s", "failed", error="HTTP 500")
    archive.record_poll("s", outcome, error=f"{outcome}: why")
    state = archive.source("s")
    assert state.status == outcome and state.last_error == f"{outcome}: why"
    # aborted is neither a failure nor a success: the count of failures in a row stands; degraded resets it
    assert state.consecutive_failures == (1 if outcome == "aborted" else 0)
    archive.close()


def test_a_pass_abandoned_at_its_time_limit_records_its_sources_as_aborted(tmp_path: Path, sqlite_url: str) -> None:
    """The service's real pass child, stuck on a page that answers after a minute, ended at a 6 s limit (a cold
    child spends ~3 s importing Scrapy before its first request)."""
    from crawler.spec import Politeness, SourceSpec, Watch
    from scheduler import Service, ServiceSettings
    from storage import Archive
    from test_scheduler_child import _site
    from test_service_support import wait_until

    site = _site(tmp_path, slow={"/news/326.html": 60})
    archive = Archive(sqlite_url)
    settings = ServiceSettings(database=sqlite_url, sources=(SourceSpec(name="wire", kind="feed",
                                                                        url=f"{site.base}/feed.xml", every=3600),),
                               politeness=Politeness(delay=0.0, timeout=30.0), watch=Watch(("Mosul",)),
                               gather=0.1, warm=False, pass_limit=6.0)
    service = Service(settings, archive)
    service.start()
    try:
        wait_until(lambda: (archive.source("wire").status == "aborted"), 20, "the abandoned pass to be recorded")
    finally:
        service.stop()
        site.stop()
        state = archive.source("wire")
        archive.close()
    # recorded by the service (the child, killed while a download hangs, never records it itself)
    assert state.last_error in ("aborted: the pass ran past its 6 s limit",
                                "aborted: the pass stopped (shutdown) with 1 request(s) of this source unanswered")
    assert state.consecutive_failures == 0 and state.backoff_until is None
    assert "/news/326.html" in site.hit_paths()
