"""Scrapy settings for one pass, from the `[crawl]` politeness values."""
from __future__ import annotations

from typing import Any

from .spec import Politeness

REDIRECTS = 5  # more than this is a loop or a trap: that URL fails


def scrapy_settings(politeness: Politeness, *, log_level: str = "WARNING") -> dict[str, Any]:
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
        "DOWNLOADER_MIDDLEWARES": {"crawler.retry_after.RetryAfterMiddleware": 560},
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
    }
