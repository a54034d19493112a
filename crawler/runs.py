"""One source's part in a pass: requests in flight, what its index said, how it ended."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from .spec import SourceSpec

Outcome = Literal["ok", "degraded", "unchanged", "failed", "aborted"]
MAX_REASONS = 4  # reasons for skipping named in the source's health, each with a count and its first URL


@dataclass
class SourceRun:
    spec: SourceSpec
    etag: str | None = None  # validators the source's last poll stored, sent as If-None-Match/-Modified-Since
    last_modified: str | None = None
    failures_before: int = 0
    pending: int = 0  # requests of this source not yet answered (index, child sitemaps, articles)
    unchanged: bool = False  # the index answered 304
    new_etag: str | None = None
    new_last_modified: str | None = None
    complete: bool = True  # every article read or permanently dead: safe to store the new validators
    error: str | None = None
    retry_after: float | None = None
    aborted: str | None = None  # why the pass ended before this source's poll did
    finished: bool = False
    skipped: Counter[str] = field(default_factory=Counter)  # entries, pages and sitemaps left, by reason
    first_skipped: dict[str, str | None] = field(default_factory=dict)  # reason -> the first URL it cost
    sitemaps: set[str] = field(default_factory=set)  # canonical URLs of the sitemaps requested this pass
    entries_taken: int = 0

    @property
    def name(self) -> str:
        return self.spec.name

    def fail(self, message: str, *, retry_after: float | None = None) -> None:
        """Keep the first error: later ones (child sitemaps) are usually its consequences."""
        if self.error is None:
            self.error = message
        if retry_after is not None:
            self.retry_after = max(retry_after, self.retry_after or 0.0)

    def skip(self, reason: str, detail: str | None = None, count: int = 1) -> None:
        """One entry, page or child sitemap left out while the rest of the source goes on: counted by reason,
        and the first few named, so the source's health says what was lost instead of only the log."""
        self.skipped[reason] += count
        self.first_skipped.setdefault(reason, detail)

    @property
    def outcome(self) -> Outcome:
        if self.error is not None:
            return "failed"
        if self.aborted is not None:
            return "aborted"
        if self.skipped:
            return "degraded"
        return "unchanged" if self.unchanged else "ok"

    def health(self) -> str | None:
        """The one line kept as the source's last_error: the failure, why the poll was cut short, or what was
        skipped (None when the poll went well)."""
        if self.error is not None:
            return self.error
        if self.aborted is not None:
            return self.aborted
        if not self.skipped:
            return None
        count = sum(self.skipped.values())
        parts = []
        for reason, times in list(self.skipped.items())[:MAX_REASONS]:
            first = self.first_skipped.get(reason)
            where = f"{times:,}, first {first}" if times > 1 and first else (f"{times:,}" if times > 1 else first)
            parts.append(f"{reason} ({where})" if where else reason)
        others = len(self.skipped) - MAX_REASONS
        tail = f"; and {others} other reason(s)" if others > 0 else ""
        return f"{count:,} skipped: " + "; ".join(parts) + tail

    def validators(self) -> tuple[str | None, str | None]:
        """What to store for the next conditional request: nothing new unless this poll read everything it
        listed, so articles that failed for now are listed (and retried) again next pass."""
        if self.outcome not in ("ok", "degraded") or not self.complete:
            return None, None
        return self.new_etag, self.new_last_modified
