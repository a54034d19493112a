"""Plain values the crawler is handed by the front door (it never reads config itself)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

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
    """The `[crawl]` table: how hard we may hit other people's servers."""

    concurrency: int = 8
    per_host: int = 1
    delay: float = 1.0
    timeout: float = 30.0
    user_agent: str = "casualty-watch"
    max_page_bytes: int = 20 * 1024 * 1024
    max_pdf_bytes: int = 60 * 1024 * 1024
    retries: int = 2  # extra tries of a request after a timeout, connection error or 5xx


@dataclass(frozen=True, slots=True)
class Watch:
    """What makes an item relevant: it names one of these places."""

    places: tuple[str, ...] = field(default_factory=tuple)
