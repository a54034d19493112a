"""A failed request as one line a user can act on, and whether trying again later may help."""
from __future__ import annotations

from dataclasses import dataclass
from http import HTTPStatus

from scrapy import exceptions as scrapy_errors
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as net_errors

from .resolver import AddressRefused

@dataclass(frozen=True, slots=True)
class Failure:
    message: str
    transient: bool  # a timeout or 5xx may pass; a 404, robots.txt ban or oversized body will not
    status: int | None = None
    retry_after: float | None = None
    forbidden: bool = False  # robots.txt said no: not worth remembering, the site may change its mind

    @property
    def lasting(self) -> bool:
        """An article that failed this way is remembered as seen and not fetched again."""
        return not self.transient and not self.forbidden


def describe(failure, timeout: float | None = None) -> Failure:  # type: ignore[no-untyped-def]
    """Turn a Twisted failure from a Scrapy errback into a Failure."""
    exc = failure.value
    if isinstance(exc, AddressRefused):  # the SSRF guard (crawler/resolver.py): the link, not the network, is wrong
        return Failure(f"refused: {exc} (set [crawl] allow_private = true to allow)", transient=False)
    if isinstance(exc, HttpError):
        response = exc.response
        status = response.status
        retry_after = response.request.meta.get("retry_after") if response.request is not None else None
        return Failure(f"HTTP {status} {_reason(status)}".strip(), transient=status >= 500 or status in (408, 429),
                       status=status, retry_after=retry_after)
    if isinstance(exc, scrapy_errors.IgnoreRequest):
        text = str(exc)
        if "robots.txt" in text:
            return Failure("forbidden by robots.txt", transient=False, forbidden=True)
        if "redirect" in text:
            return Failure("too many redirects (a redirect loop?)", transient=False)
        return Failure(f"request dropped: {text}", transient=False)
    if isinstance(exc, scrapy_errors.DownloadCancelledError) or "max size" in str(exc):
        return Failure("response too large (over the size limit)", transient=False)
    if isinstance(exc, (scrapy_errors.DownloadTimeoutError, net_errors.TimeoutError)):
        after = f" after {timeout:g}s" if timeout else ""
        return Failure(f"timed out{after}", transient=True)
    if isinstance(exc, (scrapy_errors.DownloadConnectionRefusedError, net_errors.ConnectionRefusedError)):
        return Failure("connection refused", transient=True)
    if isinstance(exc, (scrapy_errors.CannotResolveHostError, net_errors.DNSLookupError)):
        return Failure("cannot resolve host", transient=True)
    if isinstance(exc, (scrapy_errors.ResponseDataLossError, net_errors.ConnectionLost, net_errors.ConnectionDone)):
        return Failure("connection closed before the response was complete", transient=True)
    if isinstance(exc, scrapy_errors.UnsupportedURLSchemeError) or _scheme_turned_off(exc):
        return Failure("unsupported URL scheme", transient=False)
    return Failure(one_line(exc), transient=True)


def one_line(exc: BaseException) -> str:
    """An exception as one short line for a log or a source's health: its type and its message's first line."""
    text = (str(exc).strip().splitlines() or [""])[0][:200]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _scheme_turned_off(exc: BaseException) -> bool:
    """A link to file://, ftp://, ... whose download handler crawler/settings.py turns off (Scrapy: NotSupported)."""
    return isinstance(exc, scrapy_errors.NotSupported) and str(exc).startswith("Unsupported URL scheme")
