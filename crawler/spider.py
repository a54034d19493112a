"""The pass as one Scrapy spider: every due source's index (feed, sitemap or listing page), then the articles
it lists that are new or updated, each read, judged and archived.

Scrapy glue only: parsing lives in feeds/sitemaps/listing, reading and judging in article, writing in
recorder. Every callback returns a list (never a generator) so a source's count of requests in flight goes up
for the requests it makes before it goes down for the one answered; at zero the source's poll is recorded.
"""
from __future__ import annotations

import inspect
import logging
from datetime import UTC, datetime
from http import HTTPStatus
from collections.abc import AsyncIterator, Callable, Sequence
from functools import wraps
from typing import Any

import scrapy
from scrapy import signals
from scrapy.http import Request, Response, TextResponse

from storage.captures import CaptureIn
from storage.urls import canonical_url

from .article import Reading, screen
from .discovery import discover_feed
from .entries import Entry, UnreadableIndex
from .failures import describe, one_line
from .feeds import parse_feed
from .listing import is_pdf_link, listed_dates, report_links
from .recorder import Recorder
from .relevance import Relevance
from .reading import DocumentReader
from .runs import SourceRun
from .sitemaps import parse_sitemap
from .spec import Politeness

log = logging.getLogger("crawler")


def settles(callback: Callable[..., Any]) -> Callable[..., Any]:
    """Count the answered request off its source after queueing the requests it led to.

    A callback returns a list, or an async generator when its work goes on off the crawl's thread: then the
    request is counted off when that generator ends. Any exception in a callback costs that one response: it
    is counted against its source (whose health then reads "degraded" and names it), never left only in the
    log, and never hangs the source or ends the pass."""

    def settle(self: PassSpider, run: SourceRun, out: list) -> list:
        run.pending -= 1
        self.done += 1
        if run.pending == 0:
            self.recorder.finish(run)
        if self.progress is not None:
            self.progress.update(self.recorder.summary, done=self.done, total=self.queued)
        return out

    def failed(self: PassSpider, url: str, run: SourceRun, exc: Exception) -> list:
        log.exception("unexpected error on %s", url)
        self.recorder.summary.pages_failed += 1
        run.complete = False
        run.skip(f"unexpected error: {one_line(exc)}", url)
        return []

    async def settle_after(self: PassSpider, url: str, run: SourceRun,
                           work: AsyncIterator[Request]) -> AsyncIterator[Request]:
        out: list[Request] = []
        try:
            async for request in work:
                out.append(request)
        except Exception as exc:  # noqa: BLE001
            out = failed(self, url, run, exc)
        for request in settle(self, run, out):  # an abandoned generator (the pass stopping) is never settled:
            yield request  # its source is recorded aborted

    @wraps(callback)
    def wrapper(self: PassSpider, arg: Any) -> Any:
        url = arg.request.url
        run = self.runs[arg.request.meta["cw_source"]]
        try:
            out = callback(self, arg, run)
        except Exception as exc:  # noqa: BLE001
            out = failed(self, url, run, exc)
        if inspect.isasyncgen(out):
            return settle_after(self, url, run, out)
        return settle(self, run, out)

    return wrapper


class PassSpider(scrapy.Spider):
    name = "casualty-watch"

    def __init__(self, *, runs: Sequence[SourceRun], recorder: Recorder, relevance: Relevance,
                 politeness: Politeness, reader: DocumentReader, progress: Any = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.runs = {run.name: run for run in runs}
        self.recorder = recorder
        self.relevance = relevance
        self.politeness = politeness
        self.reader = reader
        self.progress = progress
        self.claimed: set[str] = set()  # canonical URLs of articles requested in this pass
        self.queued = self.done = 0

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any):  # type: ignore[no-untyped-def]
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.finish_all, signal=signals.spider_closed)
        return spider

    async def start(self):  # type: ignore[no-untyped-def]
        for run in self.runs.values():
            try:
                run.sitemaps.add(canonical_url(run.spec.url))
            except ValueError as exc:  # config checks the scheme and host; a port out of range gets here
                run.fail(f"bad source URL: {exc}")
                self.recorder.finish(run)
                continue
            headers = {}
            if run.etag:
                headers["If-None-Match"] = run.etag
            if run.last_modified:
                headers["If-Modified-Since"] = run.last_modified
            yield self._request(run, run.spec.url, self.on_index, headers=headers,
                                meta={"cw_top": True, "handle_httpstatus_list": [304]})

    def finish_all(self, reason: str = "finished") -> None:
        """Anything still open when the crawl stops is recorded as it stands: a source whose requests were still
        in flight (the pass was stopped: SIGTERM, Ctrl+C, its time limit) is `aborted`, never "ok"."""
        for run in self.runs.values():
            if not run.finished:
                if run.pending:
                    run.complete = False
                    run.aborted = (f"aborted: the pass stopped ({reason}) with {run.pending} request(s) of this "
                                   "source unanswered")
                self.recorder.finish(run)
        self.recorder.flush()
        self.reader.close()

    # -- indexes: feeds, sitemaps, listing pages

    @settles
    def on_index(self, response: Response, run: SourceRun) -> list[Request]:
        summary = self.recorder.summary
        summary.pages_fetched += 1
        top = response.meta.get("cw_top", False)
        if response.status == 304:
            if top:
                run.unchanged = True
            return []
        if top:
            run.new_etag = _header(response, "ETag")
            run.new_last_modified = _header(response, "Last-Modified")
        try:
            return self._follow_index(response, run)
        except UnreadableIndex as exc:
            run.fail(str(exc) if top else f"{exc} ({response.url})")
            return []

    def _follow_index(self, response: Response, run: SourceRun) -> list[Request]:
        kind = run.spec.kind
        content_type = _header(response, "Content-Type")
        if kind == "feed":
            try:
                return self._articles(run, parse_feed(response.body, response.url, content_type))
            except UnreadableIndex:
                found = _named_feed(response)
                if found is None:
                    raise
                return self._read_named_feed(response, run, found)
        if kind == "sitemap":
            sitemap = parse_sitemap(response.body, response.url)
            depth = response.meta.get("cw_depth", 0)
            return self._child_sitemaps(run, sitemap.children, depth) + self._articles(run, sitemap.entries)
        if not isinstance(response, TextResponse):
            raise UnreadableIndex(f"not an HTML page ({content_type or 'no content type'})")
        text = response.text
        if not text.strip():
            raise UnreadableIndex("empty page")
        links = report_links(text, response.url, run.spec.follow)
        dates = listed_dates(text, response.url, run.spec.follow)  # a report's date as the page gives it
        return self._articles(run, [Entry(url=u, published=dates.get(u)) for u in links])

    def _read_named_feed(self, response: Response, run: SourceRun, feed_url: str) -> list[Request]:
        log.warning("source %s: %s is an HTML page naming the feed %s; reading that (set it as the source's "
                    "feed to save a request)", run.name, response.url, feed_url)
        run.new_etag = run.new_last_modified = None  # the page's validators say nothing about the feed
        return [self._request(run, feed_url, self.on_index, meta={"cw_discovered": True})]

    def _child_sitemaps(self, run: SourceRun, children: Sequence[Entry], depth: int) -> list[Request]:
        """Child sitemaps of an index, bounded: each fetched once per pass (an index listing itself, or two
        listing each other, cannot loop), no deeper than max_sitemap_depth, and at most max_child_sitemaps per
        source per pass, newest first (indexes that each list fifty more cannot grow without end)."""
        p = self.politeness
        requests: list[Request] = []
        for child in _newest_first(children):
            try:
                key = canonical_url(child.url)
            except ValueError as exc:
                run.skip(f"bad sitemap link: {exc}", child.url[:200])
                continue
            if key in run.sitemaps:
                run.skip("sitemap listed again (a loop of indexes)", child.url[:200])
                continue
            if depth + 1 > p.max_sitemap_depth:
                run.skip(f"sitemap nested deeper than {p.max_sitemap_depth} (max_sitemap_depth)", child.url[:200])
                continue
            if len(run.sitemaps) > p.max_child_sitemaps:
                run.skip(f"more than {p.max_child_sitemaps} child sitemaps (max_child_sitemaps)", child.url[:200])
                continue
            run.sitemaps.add(key)
            requests.append(self._request(run, child.url, self.on_index, meta={"cw_depth": depth + 1}))
        return requests

    def _articles(self, run: SourceRun, entries: Sequence[Entry]) -> list[Request]:
        """Requests for the entries not yet seen, or seen before their index said they were updated.

        A bad entry (a link no URL parser takes, a port out of range) is skipped and counted; the rest of its
        feed goes on. At most max_entries per source per pass are taken, newest first."""
        fresh: dict[str, Entry] = {}
        for entry in self._within_budget(run, entries):
            try:
                key = canonical_url(entry.url)
            except ValueError as exc:
                run.skip(f"bad link: {exc}", entry.url[:200])
                continue
            if key not in self.claimed and key not in fresh:
                fresh[key] = entry
        seen = self.recorder.seen([e.url for e in fresh.values()])
        requests = []
        for key, entry in fresh.items():
            info = seen.get(entry.url)
            if info is not None and (entry.updated is None or entry.updated == info.updated):
                continue
            meta: dict[str, Any] = {"cw_entry": entry}
            if is_pdf_link(entry.url):
                meta["download_maxsize"] = self.politeness.max_pdf_bytes
            try:  # Request() refuses what canonical_url let through (w3lib's own checks): one bad link, skipped
                requests.append(self._request(run, entry.url, self.on_article, meta=meta))
            except (ValueError, TypeError, UnicodeError) as exc:
                run.skip(f"bad link: {one_line(exc)}", entry.url[:200])
                continue
            self.claimed.add(key)
        return requests

    def _within_budget(self, run: SourceRun, entries: Sequence[Entry]) -> Sequence[Entry]:
        budget = self.politeness.max_entries - run.entries_taken
        if len(entries) <= budget:
            run.entries_taken += len(entries)
            return entries
        taken = _newest_first(entries)[:max(budget, 0)]
        run.entries_taken += len(taken)
        left = len(entries) - len(taken)
        run.skip(f"older entries past max_entries ({self.politeness.max_entries:,} per pass)", count=left)
        return taken

    # -- articles

    @settles
    def on_article(self, response: Response, run: SourceRun) -> list[Request] | AsyncIterator[Request]:
        """Judge an article on its raw bytes here; a PDF or long page they cannot settle is read off the crawl's
        thread.

        Most pages a feed links to are settled by `screen` at once (irrelevant, not a document) and small ones
        are read here; only PDFs and long pages return an async generator, which Scrapy awaits without holding
        up anything else (a coroutine callback for every page cost ~10% of a pass's throughput)."""
        self.recorder.summary.pages_fetched += 1
        content_type = _header(response, "Content-Type")
        reading = screen(response.body, response.url, content_type, self.relevance)
        if reading is not None:
            return self._judged(response, run, reading, None)
        if self.reader.offloads(response.body, response.url, content_type):
            return self._read_then_judge(response, run, content_type)
        done = self.reader.read_here(response.body, response.url, content_type)
        return self._judged(response, run, done.reading, done.estimates)

    async def _read_then_judge(self, response: Response, run: SourceRun,
                               content_type: str | None) -> AsyncIterator[Request]:
        done = await self.reader.read(response.body, response.url, content_type)
        for request in self._judged(response, run, done.reading, done.estimates):
            yield request

    def _judged(self, response: Response, run: SourceRun, reading: Reading,
                found: Sequence[Any] | None) -> list[Request]:
        """Archive, remember or count the page as its reading says."""
        summary = self.recorder.summary
        entry: Entry = response.meta["cw_entry"]
        if reading.verdict == "unreadable":
            summary.pages_failed += 1
            log.info("cannot read %s: %s", response.url, reading.reason)
            run.skip(reading.reason or "unreadable", response.url[:200])
            if reading.transient:
                run.complete = False
            else:
                self.recorder.mark_seen(entry.url, source=run.name, updated=entry.updated)
            return []
        if reading.verdict == "irrelevant" or reading.document is None:
            summary.pages_irrelevant += 1
            self.recorder.mark_seen(entry.url, source=run.name, updated=entry.updated)
            return []
        aliases = [entry.url, *response.meta.get("redirect_urls", ())]
        stored = self.recorder.store(run, url=response.url, doc=reading.document, entry=entry, aliases=aliases,
                                     found=found, capture=_served(response))
        if stored is not None:
            self.recorder.mark_seen(entry.url, source=run.name, updated=entry.updated, relevant=True)
        return []

    # -- failures

    @settles
    def on_error(self, failure, run: SourceRun) -> list[Request]:  # type: ignore[no-untyped-def]
        request = failure.request
        why = describe(failure, timeout=self.politeness.timeout)
        if request.meta.get("cw_entry") is None:  # the index itself, or a child sitemap
            top = request.meta.get("cw_top", False)
            run.fail(why.message if top else f"{why.message} ({request.url})", retry_after=why.retry_after)
            return []
        self.recorder.summary.pages_failed += 1
        log.info("cannot fetch %s: %s", request.url, why.message)
        run.skip(why.message, request.url[:200])
        if why.lasting:  # dead links, oversized bodies, redirect loops: not worth fetching every pass
            entry: Entry = request.meta["cw_entry"]
            self.recorder.mark_seen(entry.url, source=run.name, updated=entry.updated)
        elif why.transient:
            run.complete = False
        return []

    def _request(self, run: SourceRun, url: str, callback: Callable, *, headers: dict | None = None,
                 meta: dict | None = None) -> Request:
        """A request counted on its source; a URL Request() refuses raises before anything is counted."""
        request = Request(url, callback=callback, errback=self.on_error, headers=headers,
                          meta={"cw_source": run.name, **(meta or {})}, dont_filter=True)
        run.pending += 1
        self.queued += 1
        return request


def _named_feed(response: Response) -> str | None:
    """The feed an HTML page names where a feed was expected; only one hop, so two pages naming each other
    cannot loop."""
    if not isinstance(response, TextResponse) or response.meta.get("cw_discovered"):
        return None
    return discover_feed(response.text, response.url)


def _newest_first(entries: Sequence[Entry]) -> list[Entry]:
    """Dated entries newest first (a stable sort keeps the index's order among equals), then the undated."""
    dated = [e for e in entries if e.updated or e.published]
    undated = [e for e in entries if not (e.updated or e.published)]
    return sorted(dated, key=_when, reverse=True) + undated


def _when(entry: Entry) -> str:
    """ISO-8601 UTC text, which sorts as time does."""
    return entry.updated or (entry.published.isoformat() if entry.published else "")


def _served(response: Response) -> CaptureIn:
    """The response as it was served, for the captures folder: its HTTP headers and the request's."""
    request = response.request
    return CaptureIn(url=response.url, body=response.body, captured=datetime.now(UTC), status=response.status,
                     reason=HTTPStatus(response.status).phrase if response.status in _STATUSES else "",
                     headers=_pairs(response.headers), origin="crawl",
                     request_headers=_pairs(request.headers) if request is not None else None,
                     method=request.method if request is not None else "GET")


_STATUSES = {s.value for s in HTTPStatus}


def _pairs(headers: Any) -> tuple[tuple[str, str], ...]:
    return tuple((name.decode("latin-1"), value.decode("latin-1"))
                 for name, values in headers.items() for value in values)


def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
