"""Plain values the crawler is handed by the front door (it never reads config itself)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from netpolicy.retry_after import DEFAULT_CAP

SourceKind = Literal["feed", "sitemap", "page"]


@dataclass(frozen=True, slots=True)
class SourceSpec:
    """One `[[source]]`: where to look and how often."""

    name: str
    kind: SourceKind
    url: str
    every: float  # seconds between polls
    follow: str | None = None  # CSS selector of links to follow (page sources only)


@dataclass(frozen=True, slots=True)
class Politeness:
    """The `[crawl]` table: how hard we may hit other people's servers, and how much of what they send we take.

    The caps bound what one hostile or sloppy source can cost a pass (issue 11): a PDF whose page tree claims a
    million pages, a sitemap index that lists itself or fans out without end, a Retry-After of centuries.
    """

    concurrency: int = 8
    per_host: int = 1
    delay: float = 1.0
    timeout: float = 30.0
    user_agent: str = "casualty-watch"
    max_page_bytes: int = 20 * 1024 * 1024
    max_pdf_bytes: int = 60 * 1024 * 1024
    retries: int = 2  # extra tries of a request after a timeout, connection error or 5xx
    max_pdf_pages: int = 500  # pages read per PDF; the item keeps what was read and says it was cut
    max_item_chars: int = 1_000_000  # characters of text kept per item
    max_read_seconds: float = 30.0  # reading one document (off the crawl's thread); past it, what was read
    max_sitemap_depth: int = 3  # nesting of sitemap indexes below the source's own sitemap
    max_child_sitemaps: int = 50  # child sitemaps fetched per source per pass (each once)
    max_entries: int = 1000  # entries taken per source per pass, newest first
    max_retry_after: float = DEFAULT_CAP  # the longest Retry-After honoured; longer is taken as this
    allow_private: bool = False  # fetch loopback/private/link-local addresses beyond the sources' own hosts


@dataclass(frozen=True, slots=True)
class Backfill:
    """The `[backfill]` table: which web archive to ask for past captures, and how gently."""

    cdx: str = "https://web.archive.org/cdx/search/cdx"
    replay: str = "https://web.archive.org/web"
    delay: float = 4.0


@dataclass(frozen=True, slots=True)
class Watch:
    """What makes an item relevant: it names one of these places (every spelling the gazetteer knows of the
    places the user wrote); `place_ids` are those places' gazetteer entries, so that an estimate placed
    anywhere inside one (a district of a watched city, a town of a watched province) counts as watched."""

    places: tuple[str, ...] = field(default_factory=tuple)
    place_ids: tuple[str, ...] = field(default_factory=tuple)
