"""`run_pass`: one crawl over every due source, in this process, as one Scrapy crawl.

Once per process: Twisted's reactor cannot be restarted (scrapy#2941), so a long-running service calls this
in a child process per pass, which also returns the memory a crawl grows (scrapy#5995). All due sources
share the one crawl: a process per source would pay Scrapy's start-up for each.
"""
from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from datetime import UTC, datetime

from estimates import extract, gazetteer, identity_key
from estimates.kinds import kind_of
from storage import Archive
from storage.captures import CaptureSpec

from .document import ReadLimits
from .progress import PassProgress
from .reading import DocumentReader
from .recorder import Recorder
from .relevance import for_places
from .runs import SourceRun
from .settings import scrapy_settings
from .spec import Politeness, SourceSpec, Watch
from .summary import PassSummary

_ran = False


class CrawlError(Exception):
    """The pass itself could not run (as opposed to sources failing, which the summary reports)."""


def run_pass(*, database: str, sources: Sequence[SourceSpec], politeness: Politeness, watch: Watch,
             route: Callable | None = None, progress: bool = False, force: bool = False,
             captures: CaptureSpec | None = None) -> PassSummary:
    """Poll `sources` (those not backing off, unless `force`), archive what is relevant, return the tally.
    With `captures` (a folder), the bytes of every response archived are kept there as WARC records.

    Raises CrawlError when called a second time in one process, or when the crawl cannot start; the
    archive's own errors (storage.ArchiveError) pass through. Failing sources do not raise.
    """
    global _ran
    if _ran:
        raise CrawlError("run_pass runs once per process (the Twisted reactor cannot restart): "
                         "run each pass in a new process")
    _ran = True
    started = time.monotonic()
    archive = Archive(database, captures=captures)
    try:
        archive.read_old_kinds(kind_of)  # once per archive: estimates archived before kinds were read
        archive.nest_old_places(gazetteer.nests)  # ... and before they knew the places theirs lies in
        archive.sync_sources(sources)
        runs, skipped = _due(archive, sources, force=force)
        recorder = Recorder(archive, watch=watch, extract=extract, key=identity_key, route=route,
                            retry_after_cap=politeness.max_retry_after)
        recorder.summary.sources_skipped = skipped
        if runs:
            _crawl(runs, recorder, politeness, watch, progress=progress)
        return recorder.close(time.monotonic() - started)
    finally:
        archive.close()


def _due(archive: Archive, sources: Sequence[SourceSpec], *, force: bool) -> tuple[list[SourceRun], list[str]]:
    now = datetime.now(UTC)
    runs: list[SourceRun] = []
    skipped: list[str] = []
    for spec in sources:
        state = archive.source(spec.name)
        if state is not None and state.backoff_until is not None and state.backoff_until > now and not force:
            skipped.append(spec.name)
            continue
        runs.append(SourceRun(spec=spec, etag=state.etag if state else None,
                              last_modified=state.last_modified if state else None,
                              failures_before=state.consecutive_failures if state else 0))
    return runs, skipped


def _crawl(runs: list[SourceRun], recorder: Recorder, politeness: Politeness, watch: Watch, *,
           progress: bool) -> None:
    from scrapy.crawler import CrawlerProcess

    from .spider import PassSpider

    # Everything imported so far lives as long as the process: freezing it keeps the cyclic garbage
    # collector, which a crawl's many short-lived objects trigger often, from re-scanning it (~5% of a pass).
    gc.collect()
    gc.freeze()
    process = CrawlerProcess(scrapy_settings(politeness, source_urls=[run.spec.url for run in runs]))
    logging.getLogger("scrapy.downloadermiddlewares.robotstxt").addFilter(_robots_errors)
    display = PassProgress() if progress else None
    relevance = for_places(watch.places)
    reader = DocumentReader(relevance, read_limits(politeness), estimate=recorder.estimates)
    try:
        with display or nullcontext():
            process.crawl(PassSpider, runs=runs, recorder=recorder, relevance=relevance, politeness=politeness,
                          reader=reader, progress=display)
            process.start()
    finally:
        reader.close()
    if process.bootstrap_failed:
        raise CrawlError("the crawl could not start (see the log above)")


def read_limits(politeness: Politeness) -> ReadLimits:
    return ReadLimits(max_pdf_pages=politeness.max_pdf_pages, max_chars=politeness.max_item_chars,
                      max_seconds=politeness.max_read_seconds)


def _robots_errors(record: logging.LogRecord) -> bool:
    """Drop robots.txt fetch errors: the page request that follows fails (or not) and that is what we report.

    Scrapy logs them at ERROR with a traceback, one per host, before the source's own one-line failure.
    """
    return record.levelno < logging.ERROR
