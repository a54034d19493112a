"""One source's part in a pass: requests in flight, what its index said, how it ended."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .spec import SourceSpec

Outcome = Literal["ok", "unchanged", "failed"]


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
    finished: bool = False

    @property
    def name(self) -> str:
        return self.spec.name

    def fail(self, message: str, *, retry_after: float | None = None) -> None:
        """Keep the first error: later ones (child sitemaps) are usually its consequences."""
        if self.error is None:
            self.error = message
        if retry_after is not None:
            self.retry_after = max(retry_after, self.retry_after or 0.0)

    @property
    def outcome(self) -> Outcome:
        if self.error is not None:
            return "failed"
        return "unchanged" if self.unchanged else "ok"

    def validators(self) -> tuple[str | None, str | None]:
        """What to store for the next conditional request: nothing new unless this poll read everything it
        listed, so articles that failed for now are listed (and retried) again next pass."""
        if self.outcome != "ok" or not self.complete:
            return None, None
        return self.new_etag, self.new_last_modified
