"""The pass as one Scrapy spider: every due source's index (feed, sitemap or listing page), then the articles
it lists that are new or updated, each read, judged and archived.

Scrapy glue only: parsing lives in feeds/sitemaps/listing, reading and judging in article, writing in
recorder. Every callback returns a list (never a generator) so a source's count of requests in flight goes up
for the requests it makes before it goes down for the one answered; at zero the source's poll is recorded.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import wraps
from typing import Any

import scrapy
from scrapy import signals
from scrapy.http import Request, Response, TextResponse

from storage.urls import canonical_url

from .article import read_article
from .discovery import discover_feed
from .entries import Entry, UnreadableIndex
from .failures import describe
from .feeds import parse_feed
from .listing import is_pdf_link, report_links
from .recorder import Recorder
from .relevance import Relevance
from .runs import SourceRun
from .sitemaps import parse_sitemap
from .spec import Politeness

log = logging.getLogger("crawler")
MAX_CHILD_SITEMAPS = 50


def settles(callback: Callable[..., list]) -> Callable[..., list]:
    """Count the answered request off its source after queueing the requests it led to."""

    @wraps(callback)
    def wrapper(self: PassSpider, arg: Any) -> list:
        request = arg.request
        run = self.runs[request.meta["cw_source"]]
        try:
            out = callback(self, arg, run)
        except Exception:  # noqa: BLE001  (a bug on one page must not hang the source or end the pass)
            log.exception("unexpected error on %s", request.url)
            self.recorder.summary.pages_failed += 1
            run.complete = False
            out = []
        run.pending -= 1
        self.done += 1
        if run.pending == 0:
            self.recorder.finish(run)
        if self.progress is not None:
            self.progress.update(self.recorder.summary, done=self.done, total=self.queued)
        return out

    return wrapper


class PassSpider(scrapy.Spider):
    name = "casualty-watch"

    def __init__(self, *, runs: Sequence[SourceRun], recorder: Recorder, relevance: Relevance,
                 politeness: Politeness, progress: Any = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.runs = {run.name: run for run in runs}
        self.recorder = recorder
        self.relevance = relevance
        self.politeness = politeness
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
            headers = {}
            if run.etag:
                headers["If-None-Match"] = run.etag
            if run.last_modified:
                headers["If-Modified-Since"] = run.last_modified
            yield self._request(run, run.spec.url, self.on_index, headers=headers,
                                meta={"cw_top": True, "handle_httpstatus_list": [304]})

    def finish_all(self) -> None:
        """Anything still open when the crawl stops (shut down early) is recorded as it stands."""
        for run in self.runs.values():
            if not run.finished:
                if run.pending:
                    run.complete = False
                self.recorder.finish(run)
        self.recorder.flush()

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
            children = [self._request(run, child.url, self.on_index) for child in sitemap.children[:MAX_CHILD_SITEMAPS]]
            return children + self._articles(run, sitemap.entries)
        if not isinstance(response, TextResponse):
            raise UnreadableIndex(f"not an HTML page ({content_type or 'no content type'})")
        text = response.text
        if not text.strip():
            raise UnreadableIndex("empty page")
        links = report_links(text, response.url, run.spec.follow)
        return self._articles(run, [Entry(url=u) for u in links])

    def _read_named_feed(self, response: Response, run: SourceRun, feed_url: str) -> list[Request]:
        log.warning("source %s: %s is an HTML page naming the feed %s; reading that (set it as the source's "
                    "feed to save a request)", run.name, response.url, feed_url)
        run.new_etag = run.new_last_modified = None  # the page's validators say nothing about the feed
        return [self._request(run, feed_url, self.on_index, meta={"cw_discovered": True})]

    def _articles(self, run: SourceRun, entries: Sequence[Entry]) -> list[Request]:
        """Requests for the entries not yet seen, or seen before their index said they were updated."""
        fresh: dict[str, Entry] = {}
        for entry in entries:
            key = canonical_url(entry.url)
            if key not in self.claimed and key not in fresh:
                fresh[key] = entry
        seen = self.recorder.seen([e.url for e in fresh.values()])
        requests = []
        for key, entry in fresh.items():
            info = seen.get(entry.url)
            if info is not None and (entry.updated is None or entry.updated == info.updated):
                continue
            self.claimed.add(key)
            meta: dict[str, Any] = {"cw_entry": entry}
            if is_pdf_link(entry.url):
                meta["download_maxsize"] = self.politeness.max_pdf_bytes
            requests.append(self._request(run, entry.url, self.on_article, meta=meta))
        return requests

    # -- articles

    @settles
    def on_article(self, response: Response, run: SourceRun) -> list[Request]:
        summary = self.recorder.summary
        summary.pages_fetched += 1
        entry: Entry = response.meta["cw_entry"]
        reading = read_article(response.body, response.url, _header(response, "Content-Type"), self.relevance)
        if reading.verdict == "unreadable":
            summary.pages_failed += 1
            log.info("cannot read %s: %s", response.url, reading.reason)
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
        stored = self.recorder.store(run, url=response.url, doc=reading.document, entry=entry, aliases=aliases)
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
        if why.lasting:  # dead links, oversized bodies, redirect loops: not worth fetching every pass
            entry: Entry = request.meta["cw_entry"]
            self.recorder.mark_seen(entry.url, source=run.name, updated=entry.updated)
        elif why.transient:
            run.complete = False
        return []

    def _request(self, run: SourceRun, url: str, callback: Callable, *, headers: dict | None = None,
                 meta: dict | None = None) -> Request:
        run.pending += 1
        self.queued += 1
        return Request(url, callback=callback, errback=self.on_error, headers=headers,
                       meta={"cw_source": run.name, **(meta or {})}, dont_filter=True)


def _named_feed(response: Response) -> str | None:
    """The feed an HTML page names where a feed was expected; only one hop, so two pages naming each other
    cannot loop."""
    if not isinstance(response, TextResponse) or response.meta.get("cw_discovered"):
        return None
    return discover_feed(response.text, response.url)


def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
