"""`crawl` as cron sees it (issue 12): exit 3 when every polled source failed; and stories dated by evidence
that can be a publication date (a PDF producer's placeholder, a future date or one before 1995 is not).

The crawls run as real processes (Scrapy's reactor runs once per process) against a real local web server.
"""
from __future__ import annotations

import io
import json
import os
import socket
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crawler.document import believable_date, pdf_published, publication_date, read_pdf
from test_service_support import CLI, NewsSite, article_html, rss, write_config

STORY = ("Toll in Mosul rises", "At least 1,200 civilians were killed in Mosul during the offensive, the monitor "
         "said in its weekly report on the battle for the city.")
PDF_TEXT = "At least 5,805 civilians were killed in west Mosul between February and June 2017, the report finds."


def closed_port() -> int:
    """A port nothing listens on: connections to it are refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def crawl(config: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, "-c", str(config), "crawl", *args], capture_output=True, text=True, timeout=120)


def test_crawl_exits_3_when_every_polled_source_failed(tmp_path: Path, sqlite_url: str) -> None:
    dead = f"http://127.0.0.1:{closed_port()}"
    config = write_config(tmp_path / "cw.toml", database=sqlite_url,
                          sources=[{"name": "one", "feed": f"{dead}/a.xml"}, {"name": "two", "feed": f"{dead}/b.xml"}])
    result = crawl(config)
    assert result.returncode == 3, result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last == ("casualty-watch: every source polled failed (2 of 2; each one's error is above or in "
                    "`casualty-watch sources`)")
    assert "one:" in result.stdout and "two:" in result.stdout  # one line per source, as before
    as_json = crawl(config, "--json", "--force")
    assert as_json.returncode == 3 and json.loads(as_json.stdout)["sources_failed"] == ["one", "two"]
    # both back off now: nothing is polled, so nothing failed
    skipped = crawl(config, "--json")
    assert skipped.returncode == 0, skipped.stderr
    assert sorted(json.loads(skipped.stdout)["sources_skipped"]) == ["one", "two"]


def test_crawl_exits_0_when_some_sources_were_read(tmp_path: Path, sqlite_url: str) -> None:
    site = NewsSite(tmp_path / "web")
    site.write("news/toll.html", article_html(*STORY))
    site.write("feed.xml", rss(site.base, "Wire", [("/news/toll.html", STORY[0], "20 Jul 2017 10:00:00 +0000")]))
    site.start()
    try:
        dead = f"http://127.0.0.1:{closed_port()}"
        config = write_config(tmp_path / "cw.toml", database=sqlite_url,
                              sources=[{"name": "wire", "feed": f"{site.base}/feed.xml"},
                                       {"name": "dead", "feed": f"{dead}/feed.xml"}])
        result = crawl(config, "--json")
    finally:
        site.stop()
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["sources_ok"] == ["wire"] and summary["sources_failed"] == ["dead"]
    assert "every source polled failed" not in result.stderr


# -- publication dates ----------------------------------------------------------------------------------------

def report_pdf(text: str, creation: str | None = None) -> bytes:
    """A one-page PDF by ReportLab in its invariant mode, which stamps the placeholder 2000-01-01; `creation`
    (same length, D:YYYYMMDDHHmmSS) puts a real CreationDate in its place."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, invariant=1)
    pdf.drawString(72, 720, text[:90])
    pdf.drawString(72, 700, text[90:])
    pdf.save()
    data = buf.getvalue()
    assert b"D:20000101000000" in data
    return data.replace(b"D:20000101000000", creation.encode()) if creation else data


def test_a_pdf_producers_placeholder_date_is_not_a_publication_date() -> None:
    assert read_pdf(report_pdf(PDF_TEXT)).published is None
    assert read_pdf(report_pdf(PDF_TEXT, "D:20170901093000")).published == datetime(2017, 9, 1, 9, 30, tzinfo=UTC)
    demo = Path(__file__).parents[1] / "casualty_watch" / "demo" / "site" / "ngo" / "reports"
    assert read_pdf((demo / "airwars-mosul-assessment.pdf").read_bytes()).published is None  # "2000-01-01"


@pytest.mark.parametrize("value, expected", [
    ("D:20000101000000+00'00'", None),             # ReportLab's placeholder
    ("D:19700101000000Z", None),                   # an epoch default, before the floor
    ("D:19941231235959Z", None),                   # before 1995
    ("D:19950101000000Z", datetime(1995, 1, 1, tzinfo=UTC)),
    ("D:20991231000000Z", None),                   # the future
    ("D:20180315120000+01'00'", datetime(2018, 3, 15, 11, tzinfo=UTC)),
])
def test_pdf_dates_are_sanity_checked(value: str, expected: datetime | None) -> None:
    assert pdf_published(value, now=datetime(2026, 1, 1, tzinfo=UTC)) == expected


def test_dating_falls_back_from_the_document_to_the_listing_to_last_modified() -> None:
    now = datetime(2018, 6, 1, tzinfo=UTC)
    listing, served = datetime(2018, 3, 1, tzinfo=UTC), (("Last-Modified", "Thu, 15 Mar 2018 12:00:00 GMT"),)
    assert publication_date(None, listing, headers=served, now=now) == listing
    assert publication_date(None, None, headers=served, now=now) == datetime(2018, 3, 15, 12, tzinfo=UTC)
    assert publication_date(datetime(1980, 1, 1, tzinfo=UTC), None, headers=served, now=now) == \
        datetime(2018, 3, 15, 12, tzinfo=UTC)
    assert publication_date(None, None, headers=(("last-modified", "Thu, 15 Mar 2029 12:00:00 GMT"),), now=now) is None
    assert publication_date(None, None, now=now) is None  # the archive then dates it by when it was fetched
    assert believable_date(datetime(2018, 6, 1, 23, tzinfo=UTC), now=now) is not None  # within a day's slack
    assert believable_date(datetime(2018, 6, 2, 1, tzinfo=UTC), now=now) is None


def test_listing_dates_are_read_from_each_reports_entry() -> None:
    from crawler.listing import listed_dates

    page = ("<main><ul><li><a href='a.pdf'>Civilians killed between February and June 2017</a> 12 July 2017</li>"
            "<li><a href='b.pdf'>B</a> <time datetime='2016-10-17'>17 Oct</time></li>"
            "<li><a href='c.pdf'>Assessment (PDF, 2018)</a></li><li><a href='d.pdf'>Annex (Dec. 2017)</a></li>"
            "<li><a href='e.pdf'>Between May and June 2017</a></li></ul></main>")
    assert listed_dates(page, "https://ngo.example/reports/") == {
        "https://ngo.example/reports/a.pdf": datetime(2017, 7, 12, tzinfo=UTC),
        "https://ngo.example/reports/b.pdf": datetime(2016, 10, 17, tzinfo=UTC),
        "https://ngo.example/reports/c.pdf": datetime(2018, 1, 1, tzinfo=UTC),
        "https://ngo.example/reports/d.pdf": datetime(2017, 12, 1, tzinfo=UTC)}  # e: when things happened
    demo = Path(__file__).parents[1] / "casualty_watch" / "demo" / "site" / "ngo" / "reports" / "index.html"
    dates = listed_dates(demo.read_text(encoding="utf-8"), "http://127.0.0.1/ngo/reports/", "a.report")
    assert dates["http://127.0.0.1/ngo/reports/airwars-mosul-assessment.pdf"] == datetime(2018, 1, 1, tzinfo=UTC)


def test_a_crawled_pdf_is_dated_by_the_first_believable_evidence(tmp_path: Path, sqlite_url: str) -> None:
    site = NewsSite(tmp_path / "web")
    site.write("reports/index.html", "<!doctype html><html lang='en'><head><title>Reports</title></head><body>"
                                     "<main><ul><li><a href='listed.pdf'>Assessment (PDF, 2016)</a></li>"
                                     "<li><a href='placeholder.pdf'>Annex</a></li>"
                                     "<li><a href='dated.pdf'>West Mosul (PDF, 2016)</a></li></ul></main></body></html>")
    (site.root / "reports" / "listed.pdf").write_bytes(report_pdf(PDF_TEXT.replace("5,805", "4,100")))
    (site.root / "reports" / "placeholder.pdf").write_bytes(report_pdf(PDF_TEXT))
    (site.root / "reports" / "dated.pdf").write_bytes(report_pdf(PDF_TEXT.replace("5,805", "5,806"),
                                                                 "D:20170712000000"))
    march = datetime(2018, 3, 15, 12, tzinfo=UTC).timestamp()
    for name in ("listed.pdf", "placeholder.pdf", "dated.pdf"):
        os.utime(site.root / "reports" / name, (march, march))  # the server's Last-Modified
    site.start()
    try:
        config = write_config(tmp_path / "cw.toml", database=sqlite_url,
                              sources=[{"name": "ngo", "page": f"{site.base}/reports/"}])
        result = crawl(config, "--json")
    finally:
        site.stop()
    assert result.returncode == 0, result.stderr
    items = subprocess.run([*CLI, "-c", str(config), "items", "--json"], capture_output=True, text=True, timeout=60)
    published = {Path(i["url"]).name: i["published"] for i in json.loads(items.stdout)}
    assert published == {"dated.pdf": "2017-07-12T00:00:00+00:00",        # its own CreationDate
                         "listed.pdf": "2016-01-01T00:00:00+00:00",       # placeholder: the listing's year
                         "placeholder.pdf": "2018-03-15T12:00:00+00:00"}  # no listed date: Last-Modified


def test_the_demos_report_is_dated_by_its_listing_and_its_kept_config_loads(tmp_path: Path) -> None:
    keep = tmp_path / "demo"
    env = {k: v for k, v in os.environ.items() if k not in ("CASUALTY_WATCH_MIN_INTERVAL", "CASUALTY_WATCH_CONFIG")}
    done = subprocess.run([*CLI, "demo", "--keep", str(keep)], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert "syndicated copy folded in" in done.stdout or "syndicated copies folded in" in done.stdout
    config = keep / "casualty-watch.toml"
    assert 'every = "1m"' in config.read_text(encoding="utf-8")  # the demo's 2 s is below a config's floor
    items = subprocess.run([*CLI, "-c", str(config), "items", "--json"], capture_output=True, text=True,
                           timeout=60, env=env)
    assert items.returncode == 0, items.stderr
    published = {Path(i["url"]).name: i["published"] for i in json.loads(items.stdout)}
    assert published["airwars-mosul-assessment.pdf"] == "2018-01-01T00:00:00+00:00"  # not its 2000-01-01


THREADED_READS = """
import sys, threading
sys.path.insert(0, sys.argv[1])
from test_cli_crawl import report_pdf
from crawler.document import read_pdf
data = report_pdf("At least 1,200 civilians were killed in Mosul during the offensive, the monitor said.")
def reads():
    for _ in range(40):
        assert read_pdf(data).text
threads = [threading.Thread(target=reads) for _ in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("read")
"""


def test_pdfs_read_in_several_threads_at_once_do_not_crash_the_process() -> None:
    # pdfium is not thread-safe: without the reader's lock this segfaults (the crawl reads PDFs in a pool)
    import sys

    done = subprocess.run([sys.executable, "-c", THREADED_READS, str(Path(__file__).parent)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "read", done.stderr
