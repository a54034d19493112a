"""`casualty-watch crawl` end to end: real crawls (in a subprocess, as users run them) of fixture sites served
by a real HTTP server on 127.0.0.1, checked through the archive they fill."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from storage import Archive
from webfixtures import (ARABIC_MOSUL, MOSUL_AP, MOSUL_KURDISH, OTHER_NEWS, Route, Site, article, atom, http_date,
                         news_sitemap, rss, sitemap_index)

CLI = str(Path(sys.executable).parent / "casualty-watch")
RSS = "application/rss+xml"


@dataclass
class Crawl:
    code: int
    summary: dict
    stdout: str
    stderr: str


class Watcher:
    """A config file and archive in tmp_path, and `crawl()` running the real command on them."""

    def __init__(self, tmp_path: Path, database: str | None = None) -> None:
        self.dir = tmp_path
        self.database = database or f"sqlite:///{tmp_path / 'archive.db'}"
        self.config = tmp_path / "casualty-watch.toml"
        self.sources: list[str] = []
        self.crawl_table = 'concurrency = 8\nper_host = 4\ndelay = "0s"\ntimeout = "1s"'

    def source(self, name: str, kind: str, url: str, **extra: str) -> None:
        lines = [f'name = "{name}"', f'{kind} = "{url}"', *[f'{k} = "{v}"' for k, v in extra.items()]]
        self.sources.append("[[source]]\n" + "\n".join(lines))

    def write(self) -> None:
        self.config.write_text(f'database = "{self.database}"\n[watch]\nplaces = ["Mosul", "Nineveh", "الموصل"]\n'
                               f"[crawl]\n{self.crawl_table}\n" + "\n".join(self.sources) + "\n", encoding="utf-8")

    def crawl(self, *args: str, as_json: bool = True) -> Crawl:
        self.write()
        cmd = [CLI, "-c", str(self.config), "crawl", *args] + (["--json"] if as_json else [])
        # cwd: an archive on a server keeps its captures in ./captures, which must not land in the checkout
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=self.dir,
                              env={**os.environ, "COLUMNS": "200"})
        # 3: every source polled failed; the summary is printed all the same
        summary = json.loads(proc.stdout) if as_json and proc.returncode in (0, 3) else {}
        return Crawl(proc.returncode, summary, proc.stdout, proc.stderr)

    def archive(self) -> Archive:
        return Archive(self.database)


@pytest.fixture
def watcher(tmp_path: Path) -> Watcher:
    return Watcher(tmp_path)


@pytest.fixture
def site():  # type: ignore[no-untyped-def]
    with Site() as s:
        yield s


def news_site(site: Site) -> None:
    site.add("/world/mosul-toll", body=article("Mosul death toll far higher than reported", MOSUL_AP,
                                               published="2017-12-20T10:00:00Z").encode())
    site.add("/business/rates", body=article("Central bank holds rates", OTHER_NEWS).encode())
    site.add("/world/zebari", body=article("Zebari: 40,000 killed", MOSUL_KURDISH).encode())
    site.add("/feed.xml", content_type=RSS, etag='"v1"', body=rss([
        {"link": site.url("/world/mosul-toll?utm_source=rss"), "title": "Mosul toll",
         "pubDate": "Wed, 20 Dec 2017 10:00:00 GMT"},
        {"link": site.url("/business/rates"), "title": "Rates"},
        {"link": site.url("/world/zebari"), "title": "Zebari"},
    ]))


def test_feed_pass_archives_relevant_stories_and_only_marks_the_rest_seen(watcher: Watcher, site: Site) -> None:
    news_site(site)
    watcher.source("daily", "feed", site.url("/feed.xml"))
    result = watcher.crawl()
    assert result.code == 0, result.stderr
    s = result.summary
    assert s["sources_ok"] == ["daily"] and s["sources_failed"] == [] and s["errors"] == {}
    assert s["items_new"] == 2 and s["pages_irrelevant"] == 1 and s["pages_fetched"] == 4
    archive = watcher.archive()
    items = {i["title"]: i for i in archive.items()}
    assert set(items) == {"Mosul death toll far higher than reported", "Zebari: 40,000 killed"}
    toll = items["Mosul death toll far higher than reported"]
    assert toll["url"] == site.url("/world/mosul-toll") and toll["source"] == "daily" and toll["language"] == "en"
    assert toll["published"].startswith("2017-12-20T10:00")
    assert set(archive.seen([site.url("/business/rates")])) == {site.url("/business/rates")}
    assert archive.source("daily").status == "ok" and archive.source("daily").etag == '"v1"'
    counters = archive.counters()
    assert counters["crawl/pages"] == 4 and counters["crawl/items_new"] == 2 and counters["crawl/polls"] == 1
    assert archive.fact("last_pass_duration") is not None
    # each story's estimates are archived; with no [[alert]] each new one is logged as one line
    assert len(s["new_estimates"]) == 2 and s["alerts"] == []
    figures = {(e["low"], e["place"], e["url"]) for e in archive.estimates()}
    assert figures == {(9000, "Mosul", toll["url"]), (40000, "Mosul", site.url("/world/zebari"))}
    assert (f"new estimate: more than 9,000 civilians killed in Mosul (Associated Press investigation) "
            f"<{toll['url']}>") in result.stderr
    # polite: robots.txt first, our User-Agent on every request
    assert site.paths()[0] == "/robots.txt"
    assert all("casualty-watch" in h.headers["user-agent"] for h in site.hits)


def test_feed_source_set_to_a_page_reads_the_feed_the_page_names(watcher: Watcher, site: Site) -> None:
    news_site(site)
    site.add("/world", etag='"page-v1"', body=b"""<!doctype html><html><head><title>World</title>
        <link rel="alternate" type="application/rss+xml" title="World news" href="/feed.xml"></head>
        <body><main><a href="/world/zebari">Zebari</a></main></body></html>""")
    site.add("/loop", body=b"""<!doctype html><html><head>
        <link rel="alternate" type="application/atom+xml" href="/loop2"></head><body>x</body></html>""")
    site.add("/loop2", body=b"""<!doctype html><html><head>
        <link rel="alternate" type="application/atom+xml" href="/loop"></head><body>y</body></html>""")
    watcher.source("daily", "feed", site.url("/world"))
    watcher.source("looping", "feed", site.url("/loop"))
    result = watcher.crawl()
    assert result.code == 0, result.stderr
    s = result.summary
    assert s["sources_ok"] == ["daily"] and s["items_new"] == 2
    assert s["errors"] == {"looping": f"not a feed: got an HTML page ({site.url('/loop2')})"}
    assert f"{site.url('/world')} is an HTML page naming the feed {site.url('/feed.xml')}" in result.stderr
    assert watcher.archive().source("daily").etag is None  # the page's ETag would hide the feed's changes
    assert site.paths().count("/loop") == 1 and site.paths().count("/loop2") == 1


def test_new_estimates_queue_alerts_for_configured_channels(watcher: Watcher, site: Site) -> None:
    news_site(site)
    watcher.source("daily", "feed", site.url("/feed.xml"))
    watcher.sources.append('[[alert]]\nwebhook = "http://127.0.0.1:9/hook"\nmin = 10000')
    result = watcher.crawl()
    assert len(result.summary["new_estimates"]) == 2 and len(result.summary["alerts"]) == 1  # only 40,000 >= min
    [alert] = watcher.archive().alerts()
    assert alert.channel == "webhook http://127.0.0.1:9/hook" and alert.state == "pending"
    assert "\nnew estimate: " not in "\n" + result.stderr  # alerts go to the channel instead


def test_second_pass_is_conditional_and_refetches_only_new_or_updated_articles(watcher: Watcher, site: Site) -> None:
    site.add("/a/1", body=article("Mosul strike", MOSUL_AP).encode())
    site.add("/a/2", body=article("Mosul: Zebari", MOSUL_KURDISH).encode())
    entries = [{"link": site.url("/a/1"), "title": "one", "updated": "2017-07-01T00:00:00Z"},
               {"link": site.url("/a/2"), "title": "two", "updated": "2017-07-01T00:00:00Z"}]
    site.add("/atom.xml", content_type="application/atom+xml", etag='"e1"', body=atom(entries))
    watcher.source("ngo", "feed", site.url("/atom.xml"))
    assert watcher.crawl().summary["items_new"] == 2

    second = watcher.crawl()
    assert second.summary["sources_unchanged"] == ["ngo"] and second.summary["pages_fetched"] == 1
    assert site.requests_for("/atom.xml")[-1].headers["if-none-match"] == '"e1"'

    # the feed changes: a new entry, one entry updated, one the same -> only those two are fetched
    site.add("/a/3", body=article("Rates", OTHER_NEWS).encode())
    entries[0]["updated"] = "2017-07-05T00:00:00Z"
    site.add("/a/1", body=article("Mosul strike", MOSUL_AP + ["Update: the morgue list was revised."]).encode())
    site.add("/atom.xml", content_type="application/atom+xml", etag='"e2"',
             body=atom([*entries, {"link": site.url("/a/3"), "title": "three", "updated": "2017-07-05T00:00:00Z"}]))
    before = len(site.hits)
    third = watcher.crawl()
    fetched = [h.path for h in site.hits[before:] if h.path.startswith("/a/")]
    assert sorted(fetched) == ["/a/1", "/a/3"]
    assert third.summary["items_version"] == 1 and third.summary["sources_ok"] == ["ngo"]
    assert watcher.archive().source("ngo").etag == '"e2"'


def test_last_modified_validator_is_sent_back(watcher: Watcher, site: Site) -> None:
    stamp = http_date(1500000000)
    site.add("/rss", content_type=RSS, last_modified=stamp, body=rss([]))
    watcher.source("lm", "feed", site.url("/rss"))
    assert watcher.crawl().summary["sources_ok"] == ["lm"]
    assert watcher.crawl().summary["sources_unchanged"] == ["lm"]
    assert site.requests_for("/rss")[-1].headers["if-modified-since"] == stamp


def test_sitemap_index_and_google_news_sitemap(watcher: Watcher, site: Site) -> None:
    bare = "<html><body><main><p>" + " ".join(MOSUL_AP) + "</p></main></body></html>"  # no title, no date
    site.add("/story/1", body=bare.encode())
    site.add("/story/2", body=article("Rates", OTHER_NEWS).encode())
    site.add("/news-sitemap.xml", content_type="application/xml", body=news_sitemap([
        {"loc": site.url("/story/1"), "title": "Mosul: 9,000 civilians killed", "date": "2017-12-20T08:00:00+02:00"},
        {"loc": site.url("/story/2"), "title": "Rates", "date": "2017-12-21"},
    ]))
    site.add("/sitemap.xml", content_type="application/xml", body=sitemap_index([site.url("/news-sitemap.xml")]))
    watcher.source("gn", "sitemap", site.url("/sitemap.xml"))
    result = watcher.crawl()
    assert result.summary["sources_ok"] == ["gn"] and result.summary["items_new"] == 1
    [item] = watcher.archive().items()
    assert item["title"] == "Mosul: 9,000 civilians killed"
    assert item["published"].startswith("2017-12-20T06:00")


def test_page_source_follows_report_links_to_html_and_pdf(watcher: Watcher, site: Site) -> None:
    from test_document import make_pdf

    pdf = make_pdf(["Investigation: civilian deaths in Mosul", "At least 1,066 civilians were killed in west Mosul."],
                   title="Mosul investigation")
    site.add("/reports/mosul.pdf", body=pdf, content_type="application/pdf")
    site.add("/reports/mosul-html", body=article("Mosul: the civilian toll", MOSUL_KURDISH).encode())
    site.add("/about", body=article("About us", OTHER_NEWS).encode())
    site.add("/investigations/", body="""<html><body><nav><a href="/about">About</a></nav>
        <main><h1>Investigations</h1><ul><li><a href="/reports/mosul.pdf">Mosul (PDF)</a></li>
        <li><a href="/reports/mosul-html">Mosul</a></li><li><a href="http://other.example/x">elsewhere</a></li></ul>
        </main><footer><a href="/about">About</a></footer></body></html>""".encode())
    watcher.source("airwars", "page", site.url("/investigations/"))
    result = watcher.crawl()
    assert result.summary["sources_ok"] == ["airwars"] and result.summary["items_new"] == 2, result.stderr
    assert "/about" not in site.paths()
    titles = {i["title"] for i in watcher.archive().items()}
    assert titles == {"Mosul investigation", "Mosul: the civilian toll"}


def test_page_source_with_follow_selector(watcher: Watcher, site: Site) -> None:
    site.add("/r/1", body=article("Mosul report", MOSUL_AP).encode())
    site.add("/r/2", body=article("Mosul: Zebari", MOSUL_KURDISH).encode())
    site.add("/list", body=b"""<html><body><div class="reports"><a href="/r/1">one</a></div>
        <div class="other"><a href="/r/2">two</a></div></body></html>""")
    watcher.source("hrw", "page", site.url("/list"), follow="div.reports a")
    assert watcher.crawl().summary["items_new"] == 1
    assert "/r/2" not in site.paths()


def test_robots_txt_is_obeyed(watcher: Watcher, site: Site) -> None:
    site.add("/robots.txt", body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.add("/private/a", body=article("Mosul secret", MOSUL_AP).encode())
    site.add("/public/a", body=article("Mosul open", MOSUL_KURDISH).encode())
    site.add("/feed", content_type=RSS, body=rss([{"link": site.url("/private/a"), "title": "p"},
                                                  {"link": site.url("/public/a"), "title": "o"}]))
    site.add("/private/feed", content_type=RSS, body=rss([]))
    watcher.source("open", "feed", site.url("/feed"))
    watcher.source("closed", "feed", site.url("/private/feed"))
    s = watcher.crawl().summary
    assert "/private/a" not in site.paths() and "/private/feed" not in site.paths()
    assert s["items_new"] == 1 and s["sources_ok"] == ["open"]
    assert s["errors"] == {"closed": "forbidden by robots.txt"}


def test_syndicated_copy_with_tracking_parameters_is_archived_once(watcher: Watcher) -> None:
    with Site() as outlet, Site() as syndicator:
        story = article("Mosul toll far higher", MOSUL_AP, published="2017-12-20T10:00:00Z")
        outlet.add("/world/toll", body=story.encode())
        outlet.add("/rss", content_type=RSS, body=rss([{"link": outlet.url("/world/toll?utm_source=rss&utm_medium=x"),
                                                         "title": "t"}]))
        copy = story.replace("The Daily Example", "Syndicated Times").replace("Subscribe today", "Donate today")
        syndicator.add("/wire/123", body=copy.encode())
        syndicator.add("/feed", content_type=RSS,
                       body=rss([{"link": syndicator.url("/wire/123?fbclid=abc"), "title": "t"}]))
        watcher.source("outlet", "feed", outlet.url("/rss"))
        watcher.source("wire", "feed", syndicator.url("/feed"))
        s = watcher.crawl().summary
    assert s["items_new"] == 1 and s["items_duplicate"] == 1
    [item] = watcher.archive().items()
    assert len(item["also_at"]) == 1
    assert "fbclid" not in item["also_at"][0] and "utm_" not in item["url"]


def test_arabic_windows_1256_page_with_a_wrong_charset(watcher: Watcher, site: Site) -> None:
    page = article("الموصل: مقتل آلاف المدنيين", ARABIC_MOSUL, lang="ar", charset=None).encode("cp1256")
    site.add("/ar/1", body=page, content_type="text/html; charset=utf-8")
    site.add("/ar/2", body=page.replace("الموصل".encode("cp1256"), "البصرة".encode("cp1256")),
             content_type="text/html")
    site.add("/ar/rss", content_type=RSS, body=rss([{"link": site.url("/ar/1"), "title": "1"},
                                                   {"link": site.url("/ar/2"), "title": "2"}]))
    watcher.source("bbc-arabic", "feed", site.url("/ar/rss"))
    s = watcher.crawl().summary
    assert s["items_new"] == 1 and s["pages_irrelevant"] == 1
    [item] = watcher.archive().items()
    assert item["title"] == "الموصل: مقتل آلاف المدنيين" and item["language"] == "ar"
    assert watcher.archive().search("المدنيين")


def test_retry_after_is_honoured(watcher: Watcher, site: Site) -> None:
    site.add("/busy", Route(status=429, headers={"Retry-After": "1"}, content_type="text/plain", body=b"slow down",
                            then=[Route(body=rss([]), content_type=RSS)]))
    watcher.source("busy", "feed", site.url("/busy"))
    s = watcher.crawl().summary
    hits = site.requests_for("/busy")
    assert s["sources_ok"] == ["busy"] and len(hits) == 2
    assert hits[1].at - hits[0].at >= 0.9


def test_long_retry_after_fails_the_source_and_backs_off_at_least_that_long(watcher: Watcher, site: Site) -> None:
    site.add("/closed", status=503, headers={"Retry-After": "7200"}, content_type="text/plain", body=b"maintenance")
    watcher.source("maint", "feed", site.url("/closed"))
    s = watcher.crawl().summary
    assert s["errors"] == {"maint": "HTTP 503 Service Unavailable"} and len(site.requests_for("/closed")) == 1
    state = watcher.archive().source("maint")
    assert state.backoff_until is not None
    assert state.backoff_until.timestamp() - time.time() > 7000


def test_unknown_source_is_a_one_line_usage_error(watcher: Watcher, site: Site) -> None:
    watcher.source("daily", "feed", site.url("/feed.xml"))
    result = watcher.crawl("--source", "nope")
    assert result.code == 2
    assert result.stderr.strip().count("\n") == 0 and "unknown source 'nope'" in result.stderr
    assert site.hits == []


def test_only_the_named_source_is_polled_and_the_human_summary_is_printed(watcher: Watcher, site: Site) -> None:
    news_site(site)
    site.add("/other.xml", content_type=RSS, body=rss([]))
    watcher.source("daily", "feed", site.url("/feed.xml"))
    watcher.source("other", "feed", site.url("/other.xml"))
    result = watcher.crawl("--source", "daily", as_json=False)
    assert result.code == 0
    assert "/other.xml" not in site.paths()
    assert "sources ok" in result.stdout and "daily" in result.stdout and "items new" in result.stdout


def test_run_pass_runs_once_per_process(tmp_path: Path) -> None:
    code = f"""
from crawler import run_pass, CrawlError
from crawler.spec import Politeness, Watch
args = dict(database="sqlite:///{tmp_path / 'a.db'}", sources=[], politeness=Politeness(), watch=Watch(("Mosul",)))
print(run_pass(**args).to_dict()["sources_ok"])
try:
    run_pass(**args)
except CrawlError as exc:
    print("refused:", exc)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0] == "[]" and "refused: run_pass runs once per process" in out.stdout


def test_pass_on_postgresql(pg_url: str, tmp_path: Path, site: Site) -> None:
    watcher = Watcher(tmp_path, database=pg_url)
    news_site(site)
    watcher.source("daily", "feed", site.url("/feed.xml"))
    assert watcher.crawl().summary["items_new"] == 2
    assert watcher.crawl().summary["sources_unchanged"] == ["daily"]
    assert len(watcher.archive().items()) == 2
