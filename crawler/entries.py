"""What a feed, sitemap or listing page says about one article, before we fetch it."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from netpolicy.values import iso

__all__ = ["Entry", "UnreadableIndex", "iso"]  # iso: feeds and sitemaps take it from here


class UnreadableIndex(Exception):
    """A feed or sitemap could not be read at all (not XML, not a feed, HTML instead); one-line message."""


@dataclass(frozen=True, slots=True)
class Entry:
    """An article link with what its index said. `updated` is compared with the archive's record of the URL
    so an article is fetched again only when its feed or sitemap says it changed."""

    url: str
    title: str | None = None
    published: datetime | None = None
    updated: str | None = None  # ISO-8601 UTC, as stored in seen_url.updated
    guid: str | None = None

