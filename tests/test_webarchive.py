"""The record before today (issue 13): `import` of real WARC files, resume after kill -9, damaged records,
captures kept as WARC with SHA-256 digests, `captures verify`, `export --what captures` replayed by a real
pywb, and `backfill` from a real pywb's CDX index."""
from __future__ import annotations

import gzip
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlmodel import select

from crawler.warcs import Damaged, Served, Skipped, responses
from storage import Archive
from storage.captures import payload_digest
from storage.tables import Alert, Capture, ImportMark, Item
from test_crawl import Watcher, news_site, site, watcher  # noqa: F401  (fixtures)
from warcfixtures import AP, IMAGE, KURDS, WEATHER, Pywb, Rec, filler, story, unique, write_warc
from webfixtures import Site, rss

CLI = str(Path(sys.executable).parent / "casualty-watch")


class Box:
    """A config and archive in tmp_path, and the real command run on them."""

    def __init__(self, tmp_path: Path, *, extra: str = "") -> None:
        self.dir = tmp_path
        tmp_path.mkdir(parents=True, exist_ok=True)
        self.db = tmp_path / "a.db"
        self.config = tmp_path / "cw.toml"
        self.config.write_text(f'database = "sqlite:///{self.db}"\n[crawl]\ndelay = "0s"\ntimeout = "5s"\n'
                               '[[source]]\nname = "ap"\nfeed = "http://apnews.example/rss"\n' + extra,
                               encoding="utf-8")

    def run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess.run([CLI, "-c", str(self.config), *args], capture_output=True, text=True, timeout=timeout,
                              env={**os.environ, "COLUMNS": "200"})

    def json(self, *args: str) -> dict:
        proc = self.run(*args, "--json")
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)

    def archive(self) -> Archive:
        return Archive(f"sqlite:///{self.db}")

    @property
    def captures(self) -> Path:
        return self.dir / "a-captures"


@pytest.fixture
def box(tmp_path: Path) -> Box:
    return Box(tmp_path)


# -- reading WARC files


def test_responses_reads_each_response_once_and_steps_over_damage(tmp_path: Path) -> None:
    path = tmp_path / "a.warc.gz"
    offsets = write_warc(path, [AP, *filler(5), KURDS])
    served = list(responses(path))
    assert [r.url for r in served] == [AP.url, *[f"http://news.example/story/{i}" for i in range(5)], KURDS.url]
    assert [r.offset for r in served] == offsets
    first = served[0]
    assert isinstance(first, Served) and first.body == AP.body and first.status == 200
    assert first.date.isoformat() == "2017-12-21T08:00:00+00:00" and first.content_type.startswith("text/html")
    # resume from a record's offset
    assert [r.url for r in responses(path, start=offsets[-1])] == [KURDS.url]
    data = path.read_bytes()
    # a corrupt member in the middle: reported at its offset, the records after it still read
    broken = bytearray(data)
    broken[offsets[3] + 40] ^= 0xFF
    path.write_bytes(bytes(broken))
    out = list(responses(path))
    assert [r.url for r in out if isinstance(r, Served)] == [r.url for r in served if r.offset != offsets[3]]
    assert [type(r) for r in out].count(Damaged) == 1
    # a file cut short inside its last record: the part is not read as a record
    path.write_bytes(data[:offsets[-1] + 120])
    out = list(responses(path))
    assert [r.url for r in out if isinstance(r, Served)] == [r.url for r in served[:-1]]
    assert [r.why for r in out if isinstance(r, Damaged)] == ["truncated record at the end of the file"]
    # not a WARC at all
    path.write_bytes(b"<html>not a warc</html>" * 50)
    assert [type(r) for r in responses(path)] == [Damaged]


def test_uncompressed_warc_and_revisits(tmp_path: Path) -> None:
    path = tmp_path / "a.warc"
    write_warc(path, [AP, Rec(AP.url, b"", "2018-01-01T00:00:00Z", kind="revisit"), KURDS], gzip=False)
    out = list(responses(path))
    assert [type(r) for r in out] == [Served, Skipped, Served]
    assert out[2].body == KURDS.body


# -- import


def test_import_archives_relevant_responses_dated_by_the_record_without_alerts(box: Box) -> None:
    box.config.write_text(box.config.read_text() + '[[alert]]\nwebhook = "http://127.0.0.1:9/hook"\n')
    warc = box.dir / "a.warc.gz"
    write_warc(warc, [AP, WEATHER, KURDS, IMAGE])
    s = box.json("import", str(warc))
    assert (s["records"], s["relevant"], s["irrelevant"], s["unreadable"]) == (4, 2, 1, 1)
    assert s["items_new"] == 2 and s["alerts"] == [] and len(s["new"]) == 2
    assert {n["headline"] for n in s["new"]} == {
        "9,000 to 11,000 civilians killed in Mosul (Associated Press (AP))",
        "more than 40,000 civilians killed in Mosul (Kurdish intelligence)"}
    archive = box.archive()
    with archive.reading() as session:
        items = {i.url: i for i in session.exec(select(Item))}
    assert items[AP.url].source == "ap"  # the configured source on the same host
    assert items[KURDS.url].source == "import:other.example"
    assert items[AP.url].fetched.isoformat() == "2017-12-21T08:00:00+00:00"  # WARC-Date, not today
    assert items[AP.url].published.isoformat().startswith("2017-12-20T10:00")
    assert items[AP.url].payload_digest == payload_digest(AP.body)
    estimates = {e["low"]: e for e in archive.estimates()}
    assert estimates[9000]["first_stated"].startswith("2017-12-20")
    with archive.reading() as session:
        assert list(session.exec(select(Alert))) == []  # old news: archived quietly
    # a second import of the same file reads nothing; --again reads it and finds everything unchanged
    again = box.json("import", str(warc))
    assert again["files_already_done"] == 1 and again["records"] == 0
    again = box.json("import", str(warc), "--again")
    assert again["records"] == 4 and again["items_unchanged"] == 2 and again["new_estimates"] == []


def test_import_with_alert_queues_alerts(box: Box) -> None:
    box.config.write_text(box.config.read_text() + '[[alert]]\nwebhook = "http://127.0.0.1:9/hook"\n')
    warc = box.dir / "a.warc.gz"
    write_warc(warc, [AP])
    s = box.json("import", str(warc), "--alert")
    assert len(s["alerts"]) == 1


def test_import_human_summary_and_bad_paths(box: Box) -> None:
    warc = box.dir / "a.warc.gz"
    write_warc(warc, [AP, WEATHER])
    proc = box.run("import", str(box.dir))  # a folder: its WARC files
    assert proc.returncode == 0, proc.stderr
    assert "2 records read" in proc.stdout and "1 new items" in proc.stdout
    assert "1 new estimate (not alerted: pass --alert to alert):" in proc.stdout
    missing = box.run("import", str(box.dir / "nope.warc.gz"))
    assert missing.returncode == 2
    assert missing.stderr.strip().splitlines() == [f"casualty-watch: no such file or folder: {box.dir / 'nope.warc.gz'}"]


def test_a_file_that_is_no_warc_is_one_problem_and_exit_1(box: Box) -> None:
    page = box.dir / "page.warc.gz"
    page.write_bytes(b"<html><body>At least 40 civilians were killed in Mosul.</body></html>")
    proc = box.run("import", str(page))
    assert proc.returncode == 1
    assert [line.strip() for line in proc.stderr.splitlines()] == ["page.warc.gz at byte 0: unreadable record: Invalid WARC header"]
    archive = box.archive()
    assert archive.items() == []


def test_damaged_records_are_counted_and_the_rest_imported(box: Box) -> None:
    warc = box.dir / "a.warc.gz"
    offsets = write_warc(warc, [AP, *filler(3), KURDS])
    data = bytearray(warc.read_bytes())
    data[offsets[2] + 40] ^= 0xFF
    warc.write_bytes(bytes(data[:offsets[-1] + 100]))  # and cut inside the last record
    s = box.json("import", str(warc))
    assert s["damaged"] == 2 and s["items_new"] == 1 and s["records"] == 3
    assert any("truncated" in p for p in s["problems"]) and any("unreadable record" in p for p in s["problems"])


def test_an_import_killed_midway_resumes_where_it_stopped(tmp_path: Path) -> None:
    relevant = [story(f"http://apnews.example/toll-{i}", f"Toll {i}",
                      f"At least {100 + i} civilians were killed in Mosul on day {i}, the UN said. {unique(i)}",
                      published=f"2017-0{1 + i % 9}-10T10:00:00Z", date=f"2017-0{1 + i % 9}-11T10:00:00Z")
                for i in range(12)]
    records: list[Rec] = []
    for i, r in enumerate(relevant):
        records += [r, *filler(2500, start=i * 2500)]
    warc = tmp_path / "big.warc.gz"
    write_warc(warc, records)
    killed = Box(tmp_path / "killed")
    clean = Box(tmp_path / "clean")
    proc = subprocess.Popen([CLI, "-c", str(killed.config), "import", str(warc), "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    marked = None
    while time.monotonic() < deadline and proc.poll() is None:
        if killed.db.exists():
            try:
                # read only: an upgrade run from here would race the import's own on a fresh archive
                with Archive(f"sqlite:///{killed.db}", migrate=False).reading() as session:
                    marked = session.exec(select(ImportMark)).first()
            except Exception:  # noqa: BLE001  (the schema is still being made)
                marked = None
            if marked is not None and marked.relevant >= 2 and not marked.done:
                break
        time.sleep(0.02)
    assert proc.poll() is None, "the import finished before it could be killed: make the file bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert marked is not None and 0 < marked.offset < warc.stat().st_size
    resumed = killed.json("import", str(warc))
    assert 0 < resumed["records"] < len(records)  # it did not start again from the top
    assert resumed["items_duplicate"] == 0
    whole = clean.json("import", str(warc))
    assert whole["records"] == len(records) and whole["items_new"] == 12

    def story_figures(b: Box) -> tuple[list, list]:
        a = b.archive()
        with a.reading() as session:
            urls = sorted(i.url for i in session.exec(select(Item)))
        return urls, sorted((e["low"], e["first_stated"]) for e in a.estimates())

    assert story_figures(killed) == story_figures(clean)
    with killed.archive().reading() as session:
        captures = list(session.exec(select(Capture)))
    assert sorted(c.url for c in captures) == sorted(r.url for r in relevant)  # each story's capture once


# -- captures


def test_crawl_keeps_captures_and_verify_reports_a_flipped_byte(watcher: Watcher, site: Site) -> None:  # noqa: F811
    news_site(site)
    watcher.source("daily", "feed", site.url("/feed.xml"))
    assert watcher.crawl().code == 0
    folder = watcher.dir / "archive-captures"
    (warc,) = list(folder.glob("*.warc.gz"))
    archive = watcher.archive()
    with archive.reading() as session:
        captures = list(session.exec(select(Capture)))
        items = {i.id: i for i in session.exec(select(Item))}
    assert len(captures) == 2 and {c.origin for c in captures} == {"crawl"}
    for c in captures:
        assert items[c.item_id].payload_digest == c.payload_digest
    text = gzip.decompress(warc.read_bytes()).decode("utf-8", "replace")
    assert text.count("WARC-Type: response") == 2 and text.count("WARC-Type: request") == 2
    assert "Mosul death toll far higher than reported" in text and "User-Agent: casualty-watch" in text
    assert "WARC-Payload-Digest: sha256:" in text
    cfg = ["-c", str(watcher.config)]
    ok = subprocess.run([CLI, *cfg, "captures", "verify"], capture_output=True, text=True)
    assert ok.returncode == 0 and "2 captures in 1 file checked: all match" in ok.stderr
    data = bytearray(warc.read_bytes())
    data[captures[1].offset + captures[1].length // 2] ^= 0x01
    warc.write_bytes(bytes(data))
    bad = subprocess.run([CLI, *cfg, "captures", "verify"], capture_output=True, text=True)
    assert bad.returncode == 1
    assert bad.stdout.splitlines() == [f"capture {captures[1].id} in {warc.name}: the stored bytes changed "
                                       "(SHA-256 of the capture's byte range differs)"]
    warc.unlink()
    gone = subprocess.run([CLI, *cfg, "captures", "verify", "--json"], capture_output=True, text=True)
    assert gone.returncode == 1
    assert [p["problem"] for p in json.loads(gone.stdout)["problems"]] == ["file missing", "file missing"]


def test_captures_roll_over_and_keep_false_keeps_none(box: Box, tmp_path: Path) -> None:
    box.config.write_text(box.config.read_text() + "[captures]\nmax_file_mb = 1\n")
    big = [Rec(r.url, r.body.replace(b"</body>", b"<!-- " + random.Random(i).randbytes(600_000).hex().encode()
                                      + b" --></body>"), r.date)  # bytes served, not text read: 0.6 MB gzipped
           for i, r in enumerate(story(f"http://apnews.example/t{i}", f"T{i}", f"At least {i + 10} civilians were "
                                       f"killed in Mosul. {unique(i)}", published="2017-05-01",
                                       date="2017-05-02T00:00:00Z") for i in range(3))]
    warc = box.dir / "a.warc.gz"
    write_warc(warc, big)
    assert box.json("import", str(warc))["items_new"] == 3
    assert len(list(box.captures.glob("*.warc.gz"))) >= 2
    assert box.run("captures", "verify").returncode == 0
    quiet = Box(tmp_path / "q", extra="[captures]\nkeep = false\n")
    assert quiet.json("import", str(warc))["items_new"] == 3
    assert not quiet.captures.exists()
    assert quiet.run("captures", "verify").returncode == 2


def test_exported_captures_replay_in_pywb(box: Box, tmp_path: Path) -> None:
    warc = box.dir / "a.warc.gz"
    write_warc(warc, [AP, WEATHER, KURDS])
    box.json("import", str(warc))
    out = tmp_path / "export.warc.gz"
    proc = box.run("export", "--what", "captures", "--place", "Mosul", "--since", "2017-10", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "wrote 1 capture " in proc.stderr  # only the AP story is since October
    everything = tmp_path / "all.warc.gz"
    assert box.run("export", "--what", "captures", "-o", str(everything)).returncode == 0
    replay = Pywb(tmp_path / "pywb", "evidence", [everything])
    try:
        for rec in (AP, KURDS):
            ts = rec.date.replace("-", "").replace(":", "").replace("T", "")[:14]
            got = httpx.get(f"{replay.base}/{ts}id_/{rec.url}", headers={"Accept-Encoding": "identity"})
            assert got.status_code == 200 and got.content == rec.body
            assert got.headers["memento-datetime"]
    finally:
        replay.close()
    bad = box.run("export", "--what", "captures", "--format", "csv")
    assert bad.returncode == 2


# -- backfill


def _article(path: str, title: str, lead: str, *, published: str, date: str, n: int) -> Rec:
    return story(f"http://bigstory.apnews.example/{path}", title, f"{lead} {unique(n)}", published=published, date=date)


def _feed(date: str, paths: list[str]) -> Rec:
    body = rss([{"link": f"http://bigstory.apnews.example/{p}", "title": p} for p in paths])
    return Rec("http://apnews.example/rss", body, date, content_type="application/rss+xml")


TOLL = "Between 9,000 and 11,000 civilians were killed in Mosul, an Associated Press investigation found."


def test_backfill_reads_what_a_sources_feed_listed_then_from_pywb_and_resumes(tmp_path: Path) -> None:
    warc = tmp_path / "wayback.warc.gz"
    write_warc(warc, [
        _feed("2016-11-02T09:00:00Z", ["early"]),
        _feed("2017-03-11T09:00:00Z", ["march", "sport"]),
        _feed("2017-03-12T09:00:00Z", ["march", "sport"]),  # the same feed again: one index
        _feed("2017-12-21T09:00:00Z", ["mosul-toll", "march"]),
        _article("early", "Early", "At least 300 civilians were killed in Mosul, officials said.",
                 published="2016-11-01", date="2016-11-02T08:00:00Z", n=1),
        _article("march", "March", "At least 200 civilians were killed in west Mosul, the UN said.",
                 published="2017-03-10", date="2017-03-11T08:00:00Z", n=2),
        _article("sport", "Sport", "The league resumed on Sunday.", published="2017-04-01",
                 date="2017-03-11T08:30:00Z", n=3),
        _article("mosul-toll", "Mosul toll", TOLL, published="2017-12-20", date="2017-12-21T08:00:00Z", n=4),
        _article("mosul-toll", "Mosul toll", TOLL, published="2017-12-20", date="2018-06-01T08:00:00Z", n=4),
        _article("unlisted", "Unlisted", "At least 50 civilians were killed in Mosul.", published="2017-05-01",
                 date="2017-05-02T08:00:00Z", n=5),
    ])
    replay = Pywb(tmp_path / "pywb", "web", [warc])
    settings = f'[backfill]\ncdx = "{replay.base}/cdx"\nreplay = "{replay.base}"\ndelay = "0s"\n'
    try:
        b = Box(tmp_path / "b", extra=settings)
        s = b.json("backfill", "--source", "ap", "--from", "2017-01", "--to", "2017-12")
        # the feed as captured in March and December listed march, sport and mosul-toll (march once): each
        # fetched at the capture nearest the feed's; not the 2016 story, not the story no feed listed
        assert (s["records"], s["relevant"], s["items_new"]) == (3, 2, 2), s
        archive = b.archive()
        with archive.reading() as session:
            items = {i.url: i for i in session.exec(select(Item))}
            origins = {c.origin for c in session.exec(select(Capture))}
        assert set(items) == {"http://bigstory.apnews.example/mosul-toll", "http://bigstory.apnews.example/march"}
        toll = items["http://bigstory.apnews.example/mosul-toll"]
        assert toll.source == "ap" and origins == {"backfill"}  # the feed's source, though on another host
        assert toll.fetched.isoformat() == "2017-12-21T08:00:00+00:00"  # the capture nearest the feed's
        assert {e["low"] for e in archive.estimates()} == {9000, 200}
        again = b.json("backfill", "--source", "ap", "--from", "2016-10", "--to", "2017-12")
        assert (again["records"], again["items_new"]) == (1, 1)  # only November 2016 was left
        # with a URL pattern, the CDX listing is the list: every document captured in the months asked
        p = Box(tmp_path / "p", extra=settings)
        s = p.json("backfill", "--source", "ap", "--url", "bigstory.apnews.example/*", "--from", "2017-01",
                   "--to", "2017-12")
        assert (s["records"], s["items_new"]) == (4, 3), s  # march, sport, unlisted, mosul-toll
        bad = b.run("backfill", "--source", "nope", "--from", "2017-01", "--to", "2017-02")
        assert bad.returncode == 2 and "unknown source 'nope'" in bad.stderr
        bad = b.run("backfill", "--source", "ap", "--from", "2017-13", "--to", "2017-02")
        assert bad.returncode == 2 and "not a month: '2017-13'" in bad.stderr
    finally:
        replay.close()
    dead = b.run("backfill", "--source", "ap", "--from", "2017-01", "--to", "2017-01")
    assert dead.returncode == 1
    (line,) = dead.stderr.strip().splitlines()
    assert line.startswith("casualty-watch: cannot reach the web archive at http://127.0.0.1:")


def test_import_on_both_databases_records_items_captures_and_marks(db_url: str, tmp_path: Path) -> None:
    from crawler.importer import import_warcs
    from crawler.spec import Watch
    from storage.captures import CaptureSpec

    warc = tmp_path / "a.warc.gz"
    write_warc(warc, [AP, WEATHER, KURDS])
    spec = CaptureSpec(str(tmp_path / "captures"))
    watch = Watch(places=("Mosul",))
    summary = import_warcs([str(warc)], database=db_url, watch=watch, captures=spec)
    assert (summary.records, summary.relevant, summary.items_new) == (3, 2, 2)
    archive = Archive(db_url, captures=spec)
    try:
        with archive.reading() as session:
            captures = list(session.exec(select(Capture)))
            (mark,) = session.exec(select(ImportMark)).all()
        assert sorted(c.url for c in captures) == sorted([AP.url, KURDS.url])
        assert mark.done and mark.records == 3 and mark.relevant == 2 and mark.offset == warc.stat().st_size
        assert archive.verify_captures().problems == ()
        exported = b"".join(archive.capture_bytes(place="mosul"))
        assert gzip.decompress(exported).count(b"WARC-Type: response") == 2
        shown = archive.item(captures[0].item_id)
        assert shown["captures"][0]["payload_digest"] == shown["payload_digest"] == captures[0].payload_digest
    finally:
        archive.close()
    again = import_warcs([str(warc)], database=db_url, watch=watch, captures=spec)
    assert again.files_already_done == 1 and again.records == 0


def test_backfill_reads_no_more_of_an_archived_body_than_the_limit(httpserver) -> None:  # type: ignore[no-untyped-def]
    from crawler.backfill import WebArchive
    from crawler.spec import Backfill, Politeness

    httpserver.expect_request("/web/20170101000000id_/http://a.example/huge").respond_with_data(
        b"x" * 5000, headers={"Memento-Datetime": "Sun, 01 Jan 2017 00:00:00 GMT"})
    httpserver.expect_request("/web/20170101000000id_/http://a.example/small").respond_with_data(
        b"<html>ok</html>", headers={"Memento-Datetime": "Sun, 01 Jan 2017 00:00:00 GMT",
                                     "X-Archive-Orig-Content-Type": "text/html"})
    archive = WebArchive(Backfill(cdx=httpserver.url_for("/cdx"), replay=httpserver.url_for("/web"), delay=0.0),
                         Politeness(max_pdf_bytes=1000))
    try:
        with pytest.raises(OSError, match="larger than 1,000 bytes"):
            archive.nearest("http://a.example/huge", "20170101000000")
        small = archive.nearest("http://a.example/small", "20170101000000")
        assert small.body == b"<html>ok</html>" and small.url == "http://a.example/small"
        assert small.date.isoformat() == "2017-01-01T00:00:00+00:00"
        assert small.headers == (("content-type", "text/html"),)  # the capture's own, not the replay's
    finally:
        archive.close()
