"""A pass in a child process: a real crawl reports its summary; a stuck one is abandoned at its time limit."""
from __future__ import annotations

import multiprocessing
import threading
import time

from crawler.spec import Politeness, SourceSpec, Watch
from scheduler import PassProcess, PassRequest
from test_service_support import NewsSite, article_html, rss

STORY = ("Coalition acknowledges 326 civilian deaths in Mosul",
         "The US-led coalition said its strikes had unintentionally killed 326 civilians in Mosul since the "
         "offensive began in October.\n\nMonitoring groups say the true number is many times higher.")


def _request(site: NewsSite, database: str) -> PassRequest:
    return PassRequest(database=database,
                       sources=(SourceSpec(name="wire", kind="feed", url=f"{site.base}/feed.xml", every=60),),
                       politeness=Politeness(delay=0.0, timeout=10.0), watch=Watch(places=("Mosul",)))


def _site(tmp_path, slow=None) -> NewsSite:  # type: ignore[no-untyped-def]
    site = NewsSite(tmp_path / "web")
    site.write("news/326.html", article_html(*STORY))
    site.write("feed.xml", rss(site.base, "Wire", [("/news/326.html", STORY[0], "14 Jul 2017 12:00:00 +0000")]))
    return site.start(slow=slow)


def test_a_pass_in_a_child_reports_its_summary_and_a_warm_child_waits_for_the_next(tmp_path, sqlite_url) -> None:  # type: ignore[no-untyped-def]
    site = _site(tmp_path)
    runner = PassProcess()
    try:
        first = runner.run(_request(site, sqlite_url), limit=60, stop=threading.Event())
        assert first.ok, first.error
        assert first.summary["sources_ok"] == ["wire"] and first.summary["items_new"] == 1
        assert len(first.summary["new_estimates"]) == 1
        standby = runner._standby
        assert standby is not None and standby[0].is_alive()
        second = runner.run(_request(site, sqlite_url), limit=60, stop=threading.Event())
        assert second.ok and second.summary["items_new"] == 0  # a second pass, in the new child: nothing new
        assert not standby[0].is_alive()  # each child runs one pass (the reactor cannot restart)
    finally:
        runner.close()
        site.stop()


def test_a_pass_past_its_limit_is_abandoned_and_its_child_ended(tmp_path, sqlite_url) -> None:  # type: ignore[no-untyped-def]
    site = _site(tmp_path, slow={"/news/326.html": 60})
    runner = PassProcess(warm=False)
    try:
        started = time.monotonic()
        # a cold child spends ~3 s importing Scrapy on this machine before its first request: 6 s leaves the
        # pass time to reach the slow page
        result = runner.run(_request(site, sqlite_url), limit=6, stop=threading.Event())
        took = time.monotonic() - started
    finally:
        runner.close()
        site.stop()
    assert not result.ok and "limit" in result.error
    assert took < 6 + 5, "abandoned promptly once the limit passed"
    assert "/news/326.html" in site.hit_paths()  # it really was stuck on the slow page
    assert not [p for p in multiprocessing.active_children() if p.name == "casualty-watch-pass"]
