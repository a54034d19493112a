"""What one pass did: the value `run_pass` returns and `casualty-watch crawl --json` prints."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Protocol


class Archiving(Protocol):
    """The counters a pass and an import both keep of what archiving their stories did."""

    items_new: int
    items_duplicate: int
    items_version: int
    items_unchanged: int
    new_estimates: list[int]
    alerts: list[int]


def count_stored(summary: Archiving, stored: Any) -> None:
    """Count one story archived (storage.StoredItem) by its status, with its new estimates and alerts."""
    if stored.status == "new":
        summary.items_new += 1
    elif stored.status == "duplicate":
        summary.items_duplicate += 1
    elif stored.status == "version":
        summary.items_version += 1
    else:
        summary.items_unchanged += 1
    summary.new_estimates.extend(stored.new_estimates)
    summary.alerts.extend(stored.alerts)


@dataclass
class PassSummary:
    """Sources by outcome (names), failures by source (one line each), and what was fetched and archived."""

    sources_ok: list[str] = field(default_factory=list)
    sources_failed: list[str] = field(default_factory=list)
    sources_unchanged: list[str] = field(default_factory=list)
    sources_skipped: list[str] = field(default_factory=list)  # backing off after failures
    sources_degraded: list[str] = field(default_factory=list)  # ok, but entries or pages were skipped
    sources_aborted: list[str] = field(default_factory=list)  # the pass stopped before their poll ended
    errors: dict[str, str] = field(default_factory=dict)  # failed and aborted sources: why, one line
    warnings: dict[str, str] = field(default_factory=dict)  # degraded sources: what was skipped, one line
    pages_fetched: int = 0  # every response we read: feeds, sitemaps, listings, articles
    pages_failed: int = 0  # article pages that could not be fetched or read
    pages_irrelevant: int = 0
    items_new: int = 0
    items_duplicate: int = 0
    items_version: int = 0
    items_unchanged: int = 0
    new_estimates: list[int] = field(default_factory=list)
    alerts: list[int] = field(default_factory=list)
    duration: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)

    def counters(self) -> dict[str, float]:
        """This pass as archive counters named like Scrapy stats, for the metrics endpoint."""
        return {
            "crawl/passes": 1,
            "crawl/polls": len(self.sources_ok) + len(self.sources_failed) + len(self.sources_unchanged),
            "crawl/polls_ok": len(self.sources_ok),
            "crawl/polls_unchanged": len(self.sources_unchanged),
            "crawl/failures": len(self.sources_failed),
            "crawl/polls_degraded": len(self.sources_degraded),
            "crawl/polls_aborted": len(self.sources_aborted),
            "crawl/skipped": len(self.sources_skipped),
            "crawl/pages": self.pages_fetched,
            "crawl/pages_failed": self.pages_failed,
            "crawl/pages_irrelevant": self.pages_irrelevant,
            "crawl/items_new": self.items_new,
            "crawl/items_duplicate": self.items_duplicate,
            "crawl/items_version": self.items_version,
            "crawl/estimates_new": len(self.new_estimates),
            "crawl/alerts_queued": len(self.alerts),
            "crawl/seconds": round(self.duration, 3),
        }
