"""Scrapy settings for one pass, from the `[crawl]` politeness values."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from .spec import Politeness

REDIRECTS = 5  # more than this is a loop or a trap: that URL fails
# Our own settings, read by crawler.resolver.GuardedResolver (the SSRF guard).
OWN_HOSTS = "CASUALTY_WATCH_OWN_HOSTS"  # hosts any of whose addresses may be fetched: the sources' own
ALLOW_PRIVATE = "CASUALTY_WATCH_ALLOW_PRIVATE"  # [crawl] allow_private: no address is refused


def scrapy_settings(politeness: Politeness, *, log_level: str = "WARNING",
                    source_urls: Iterable[str] = ()) -> dict[str, Any]:
    """The settings of one pass; requests to the hosts of `source_urls` (the configured sources' URLs) may reach
    loopback and private addresses, which the guard refuses elsewhere unless `politeness.allow_private`."""
    p = politeness
    return {
        "BOT_NAME": "casualty-watch",
        "USER_AGENT": p.user_agent,
        "ROBOTSTXT_OBEY": True,
        "CONCURRENT_REQUESTS": p.concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": p.per_host,
        "DOWNLOAD_DELAY": p.delay,
        "DOWNLOAD_DELAY_JITTER": 0.25,  # each delay 0.75x-1.25x: no metronome bursts
        "DOWNLOAD_TIMEOUT": p.timeout,
        "DNS_TIMEOUT": p.timeout,
        "DOWNLOAD_MAXSIZE": p.max_page_bytes,  # PDFs raise it per request (meta download_maxsize)
        "DOWNLOAD_WARNSIZE": 0,
        "REDIRECT_MAX_TIMES": REDIRECTS,
        "RETRY_TIMES": p.retries,
        "RETRY_AFTER_CAP": p.max_retry_after,  # read by crawler.retry_after.RetryAfterMiddleware
        # The SSRF guard: the resolver refuses non-public addresses at connection time (direct, redirected and
        # robots.txt requests alike); the middleware names the refusal and keeps RetryMiddleware off it.
        "TWISTED_DNS_RESOLVER": "crawler.resolver.GuardedResolver",
        OWN_HOSTS: hosts_of(source_urls),
        ALLOW_PRIVATE: p.allow_private,
        "DOWNLOADER_MIDDLEWARES": {"crawler.retry_after.RetryAfterMiddleware": 560,
                                   "crawler.resolver.AddressRefusalMiddleware": 590},
        # A backstop: our parsers keep http(s) links only and Scrapy follows only http(s) redirects, but should
        # another path reach the downloader, file:// reads this machine's files and ftp:// connects through
        # reactor.connectTCP, which skips the resolver (so the guard) for IP literals. News is http(s).
        "DOWNLOAD_HANDLERS": {"file": None, "ftp": None, "s3": None},
        "COOKIES_ENABLED": False,
        "HTTPCACHE_ENABLED": False,  # conditional requests use validators kept per source in the archive
        "DUPEFILTER_CLASS": "scrapy.dupefilters.BaseDupeFilter",  # the pass dedupes by canonical URL itself;
        # Scrapy's filter would also drop redirect loops silently instead of failing them
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,  # 2.19 runs a local server able to execute Python otherwise
        "LOGSTATS_INTERVAL": 0,
        "LOG_LEVEL": log_level,
        # One format for the service's own lines and the crawl's (casualty_watch/commands/service_cmd.py).
        "LOG_FORMAT": "%(asctime)s %(levelname)s %(name)s: %(message)s",
        "LOG_DATEFORMAT": None,
        "RETRY_GIVE_UP_LOG_LEVEL": "INFO",  # failures are reported in the pass summary instead
        "MEMUSAGE_ENABLED": False,
        "SCHEDULER_MEMORY_QUEUE": "scrapy.squeues.FifoMemoryQueue",
        # Scrapy starts this many asyncio tasks for EVERY callback's output (scrapy/utils/asyncio.py,
        # _parallel_asyncio); we yield no items and few requests per page, and 100 tasks per page cost more
        # than reading the page.
        "CONCURRENT_ITEMS": 4,
        # Responses wait in the scraper while their document is read off the crawl's thread; past this many
        # bytes waiting, Scrapy stops downloading (default 5 MB: one long PDF would hold up every source).
        "SCRAPER_SLOT_MAX_ACTIVE_SIZE": 2 * p.max_pdf_bytes + p.concurrency * 1024 * 1024,
    }


def host_key(host: str) -> str:
    """One spelling per host, so a source's URL and the name Twisted resolves compare equal.

    Twisted hands the resolver IDNs decoded and IPv6 literals without brackets; a URL may have either form, any
    case and a trailing dot.
    """
    host = host.strip("[]").rstrip(".").lower()
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def hosts_of(urls: Iterable[str]) -> list[str]:
    """The hosts of `urls`, each once (a URL without one is skipped)."""
    return sorted({host_key(host) for url in urls if (host := urlsplit(url).hostname)})
