"""`import_warcs`: archive what web archives hold, through the same path as a crawled page.

The battle for Mosul ended in 2017; the claims this project follows were published in 2016-2018 and live now
in the Wayback Machine, Common Crawl's news crawl and researchers' own WARC files. Each HTTP response in them
is judged like a page a feed linked to: the cheap byte check first (most records of a news crawl are about
something else, and cost little more than their reading), then the document reader, the estimates, and the
archive's dedup, versions and resolution. The item is dated by the record (`WARC-Date` is when it was
served); its source is the configured source on the same host, else `import:<host>`.

Old news must not page anyone: estimates found are archived without alerts unless `route` is given (the
command's `--alert`). Progress is recorded per file (`import_mark`: the offset of the next record) a few
times a second and after every story archived, so an import killed midway resumes where it stopped, and a
record taken twice is only ever "unchanged".
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from estimates import extract, identity_key
from storage import Archive, ItemIn
from storage.captured import Mark
from storage.captures import CaptureIn, CaptureSpec
from storage.urls import site_of

from .article import Reading, read_screened, screen
from .document import ReadLimits, publication_date
from .failures import one_line
from .relevance import Relevance, for_places
from .spec import Politeness, SourceSpec, Watch
from .summary import count_stored
from .warcs import Damaged, Screened, Served, Skipped, responses, warc_files

log = logging.getLogger("crawler")
MARK_EVERY = 2.0  # seconds between progress marks while records are irrelevant
IMPORT_PREFIX = "import:"


@dataclass
class ImportSummary:
    """What an import (or backfill) did: `casualty-watch import --json` prints it."""

    files: int = 0
    files_already_done: int = 0  # imported completely before (skipped; `--again` reads them again)
    records: int = 0  # response records read
    relevant: int = 0
    irrelevant: int = 0
    unreadable: int = 0  # not a document, too large, or a reader failed on it
    damaged: int = 0  # records that could not be read at all (truncated, corrupt): counted, stepped over
    skipped: int = 0  # responses other than 200, revisits, and responses without HTTP headers
    items_new: int = 0
    items_duplicate: int = 0
    items_version: int = 0
    items_unchanged: int = 0
    new_estimates: list[int] = field(default_factory=list)
    alerts: list[int] = field(default_factory=list)
    bytes: int = 0
    duration: float = 0.0
    problems: list[str] = field(default_factory=list)  # one line each: damaged records, files that failed

    def to_dict(self) -> dict:
        out = asdict(self)
        out["records_per_second"] = round(self.records / self.duration, 1) if self.duration else None
        return out


Progress = Callable[[ImportSummary, int, int], None]  # (summary, bytes done in this file, file size)


class Importer:
    """Takes served responses (from a WARC file or a backfill's fetch) into the archive."""

    def __init__(self, archive: Archive, *, watch: Watch, sources: Sequence[SourceSpec] = (),
                 politeness: Politeness = Politeness(), route: Callable | None = None, origin: str = "import",
                 relevance: Relevance | None = None) -> None:
        self.archive = archive
        self.watch = watch
        self.route = route
        self.origin = origin
        self.max_bytes = politeness.max_pdf_bytes
        self.limits = ReadLimits(max_pdf_pages=politeness.max_pdf_pages, max_chars=politeness.max_item_chars,
                                 max_seconds=politeness.max_read_seconds)
        self.relevance = relevance or for_places(watch.places)
        self._hosts = {site_of(s.url): s.name for s in reversed(sources)}  # the first source of a host wins
        self.summary = ImportSummary()

    def source_of(self, url: str) -> str:
        host = site_of(url)
        return self._hosts.get(host) or f"{IMPORT_PREFIX}{host or 'unknown'}"

    def take(self, served: Served, *, source: str | None = None, screened: bool = False) -> str:
        """Judge and archive one response (as `source`'s, else the source of its host); returns its verdict
        (relevant, irrelevant, unreadable, skipped). `screened`: the byte check already passed it (warcs
        ran it as the record was read), so it is not run again."""
        summary = self.summary
        summary.records += 1
        summary.bytes += len(served.body)
        if served.status != 200:  # redirects, errors, 304s: nothing published to read
            summary.skipped += 1
            return "skipped"
        if served.cut:
            summary.unreadable += 1
            return "unreadable"
        content_type = served.content_type
        reading = None if screened else self._screen(served.body, served.url, content_type)
        if reading is None:
            reading = read_screened(served.body, served.url, content_type, self.relevance, self.limits)
        if reading.verdict != "relevant" or reading.document is None:
            if reading.verdict == "irrelevant":
                summary.irrelevant += 1
            else:
                summary.unreadable += 1
            return reading.verdict
        summary.relevant += 1
        self._store(served, reading.document, source or self.source_of(served.url))
        return "relevant"

    def _screen(self, body: bytes, url: str, content_type: str | None) -> Reading | None:
        return screen(body, url, content_type, self.relevance)

    def _count(self, reading: Reading, size: int) -> None:
        """A response `screen` settled as it was read (warcs.Screened): irrelevant or not a document."""
        self.summary.records += 1
        self.summary.bytes += size
        if reading.verdict == "irrelevant":
            self.summary.irrelevant += 1
        else:
            self.summary.unreadable += 1

    def _store(self, served: Served, doc: Any, source: str) -> None:  # doc: crawler.document.Document
        item = ItemIn(url=served.url, text=doc.text, source=source, title=doc.title,
                      outlet=site_of(served.url), author=doc.author,
                      published=publication_date(doc.published, headers=served.headers, now=served.date),
                      language=doc.language, truncated=doc.truncated, fetched=served.date,
                      other_urls=tuple(u for u in (doc.canonical_url, *doc.other_urls) if u and u != served.url))
        capture = CaptureIn(url=served.url, body=served.body, captured=served.date, status=served.status,
                            reason=served.reason, headers=served.headers, origin=self.origin,
                            source_record=served.record_id)
        try:
            found = extract(doc.reading_text, lang=doc.language, places=self.watch.places)
            stored = self.archive.store_item(item, found, key=identity_key, route=self.route, capture=capture)
        except Exception as exc:  # noqa: BLE001  (one bad story must not end the import)
            self.summary.unreadable += 1
            self.summary.problems.append(f"could not archive {served.url[:200]}: {one_line(exc)}")
            log.warning("could not archive %s: %s", served.url, one_line(exc))
            return
        count_stored(self.summary, stored)

    # -- files

    def import_file(self, path: Path, *, again: bool = False, progress: Progress | None = None) -> None:
        """Import one WARC file from where an earlier import of it stopped (from the start with `again`)."""
        key = str(path.resolve())
        mark = None if again else self.archive.import_mark(key)
        summary = self.summary
        summary.files += 1
        if mark is not None and mark.done:
            summary.files_already_done += 1
            return
        size = path.stat().st_size
        # a mark's offset is one past the start of the last record taken: everything before it is done
        taken_before = mark.offset if mark else 0
        counts = mark or Mark(key)
        done = counts.records
        relevant, bad = counts.relevant, counts.bad
        last_mark = time.monotonic()

        def checkpoint(offset: int) -> None:  # the record at `offset` is taken: a resumed import starts after it
            nonlocal last_mark
            self.archive.set_import_mark(Mark(key, offset + 1, done, relevant, bad))
            last_mark = time.monotonic()
            if progress is not None:
                progress(summary, offset, size)

        for record in responses(path, start=max(taken_before - 1, 0), max_bytes=self.max_bytes, screen=self._screen):
            offset = record.offset
            if offset < taken_before:
                continue
            if isinstance(record, Screened):
                self._count(record.verdict, record.size)
                done += 1
                if time.monotonic() - last_mark >= MARK_EVERY:
                    checkpoint(offset)
                continue
            if isinstance(record, Damaged):
                bad += 1
                summary.damaged += 1
                summary.problems.append(f"{path.name} at byte {offset:,}: {record.why}")
                continue
            if isinstance(record, Skipped):
                summary.skipped += 1
                continue
            verdict = self.take(record, screened=True)  # responses() screened every 200 it did not cut
            done += 1
            relevant += verdict == "relevant"
            if verdict == "relevant" or time.monotonic() - last_mark >= MARK_EVERY:
                checkpoint(offset)  # after every story: one taken twice would only be "unchanged"
        self.archive.set_import_mark(Mark(key, size, done, relevant, bad, done=True))
        if progress is not None:
            progress(summary, size, size)


def import_warcs(paths: Iterable[str], *, database: str, watch: Watch, sources: Sequence[SourceSpec] = (),
                 politeness: Politeness = Politeness(), route: Callable | None = None,
                 captures: CaptureSpec | None = None, again: bool = False, progress: bool = False) -> ImportSummary:
    """Import every WARC file in `paths` (files or folders). Raises FileNotFoundError for a path that is
    neither; damaged records and unreadable files are counted in the summary, never raised."""
    files = warc_files(list(paths))
    started = time.monotonic()
    archive = Archive(database, captures=captures)
    try:
        importer = Importer(archive, watch=watch, sources=sources, politeness=politeness, route=route)
        with _display(progress, files) as show:
            for path in files:
                try:
                    importer.import_file(path, again=again, progress=show)
                except OSError as exc:
                    importer.summary.problems.append(f"{path}: {one_line(exc)}")
        importer.summary.duration = time.monotonic() - started
        return importer.summary
    finally:
        archive.close()


class _display:
    """A rich progress bar on stderr (records/s and relevant items found), when asked for."""

    def __init__(self, enabled: bool, files: list[Path]) -> None:
        self.enabled = enabled
        self.total = sum(p.stat().st_size for p in files) or 1
        self.before = 0  # bytes of the files finished
        self.current = 0
        self._progress: Any = None
        self._task: Any = None
        self._started = time.monotonic()

    def __enter__(self) -> Progress | None:
        if not self.enabled:
            return None
        from rich.console import Console
        from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

        self._progress = Progress(TextColumn("[bold]import[/bold]"), BarColumn(), DownloadColumn(),
                                  TextColumn("{task.description}"), TimeRemainingColumn(),
                                  console=Console(stderr=True), transient=True)
        self._progress.start()
        self._task = self._progress.add_task("", total=self.total)
        return self.update

    def update(self, summary: ImportSummary, done: int, size: int) -> None:
        if done >= size:
            self.before += size
            done = 0
        rate = summary.records / max(time.monotonic() - self._started, 1e-6)
        self._progress.update(self._task, completed=self.before + done,
                              description=f"{rate:,.0f} records/s · relevant {summary.relevant} · "
                                          f"new {summary.items_new} · estimates {len(summary.new_estimates)}")

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()
