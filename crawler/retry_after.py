"""Honouring 429/503 `Retry-After`, which Scrapy's RetryMiddleware ignores (scrapy#3849).

A short wait is honoured by retrying the request no earlier than the server asked; a wait longer than we are
willing to hold a pass open for is not retried at all, so the source fails and backs off across passes for
at least that long (the wait travels in `request.meta["retry_after"]`).

The header is read by netpolicy.retry_after, the parser the alerts use too, and bounded by
`Politeness.max_retry_after`: a Retry-After of centuries (or of 999999999999 s) is a back-off of that cap, not
an OverflowError that would keep the failure from being recorded at all.
"""
from __future__ import annotations

import time
from datetime import UTC, datetime

from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.exceptions import NotConfigured

from netpolicy.retry_after import DEFAULT_CAP, parse_retry_after

MAX_WAIT = 120.0  # seconds a pass may wait for one host before giving up on it for this pass
_NOT_BEFORE = "cw_not_before"


def configured_cap(crawler) -> float:  # type: ignore[no-untyped-def]
    """The longest Retry-After honoured: the pass's `RETRY_AFTER_CAP` setting (`Politeness.max_retry_after`,
    see crawler/settings.py), else the default day."""
    return crawler.settings.getfloat("RETRY_AFTER_CAP", DEFAULT_CAP)


class RetryAfterMiddleware:
    """Downloader middleware placed after RetryMiddleware (priority > 550), so it sees 429/503 first."""

    def __init__(self, crawler, max_wait: float) -> None:  # type: ignore[no-untyped-def]
        self.crawler = crawler
        self.max_wait = max_wait

    @classmethod
    def from_crawler(cls, crawler):  # type: ignore[no-untyped-def]
        if not crawler.settings.getbool("RETRY_ENABLED"):
            raise NotConfigured
        return cls(crawler, crawler.settings.getfloat("RETRY_AFTER_MAX_WAIT", MAX_WAIT))

    async def process_request(self, request):  # type: ignore[no-untyped-def]
        wait = request.meta.get(_NOT_BEFORE, 0.0) - time.monotonic()
        if wait > 0:
            from scrapy.utils.asyncio import sleep

            await sleep(wait)
        return None

    def process_response(self, request, response):  # type: ignore[no-untyped-def]
        if response.status not in (429, 503) or request.meta.get("dont_retry"):
            return response
        wait = parse_retry_after(response.headers.get("Retry-After"), datetime.now(UTC),
                                 cap=configured_cap(self.crawler))
        if wait is None:
            return response  # RetryMiddleware retries it the usual way
        request.meta["retry_after"] = wait
        if wait > self.max_wait:
            request.meta["dont_retry"] = True  # fail now; the source backs off for at least `wait` (<= the cap)
            return response
        retry = get_retry_request(request, spider=self.crawler.spider, reason=f"{response.status} Retry-After")
        if retry is None:
            return response
        retry.meta[_NOT_BEFORE] = time.monotonic() + wait
        self.crawler.stats.inc_value("retry_after/waited", int(wait))
        return retry
