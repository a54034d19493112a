"""Sources: what is configured, and how each poll went (validators, failures, back-off)."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from sqlmodel import select

from .base import ArchiveBase, utcnow
from .records import SourceState
from .tables import Source


class SourceLike(Protocol):
    name: str
    kind: str
    url: str
    every: float


class SourcesMixin(ArchiveBase):
    def sync_sources(self, specs: Iterable[SourceLike]) -> bool:
        """Make the source table match config; a source whose URL changed forgets its validators. Returns
        whether anything changed. When nothing would, nothing is written, so a command that only reads
        (`sources`) works on a read-only archive and takes no write lock from a running service."""
        specs = list(specs)
        with self.reading() as s:
            rows = {r.name: (r.kind, r.url, r.every) for r in s.exec(select(Source))}
        if all(rows.get(spec.name) == (spec.kind, spec.url, spec.every) for spec in specs):
            return False
        with self.writing() as s:
            rows = {r.name: r for r in s.exec(select(Source))}
            for spec in specs:
                row = rows.get(spec.name)
                if row is None:
                    s.add(Source(name=spec.name, kind=spec.kind, url=spec.url, every=spec.every))
                    continue
                if row.url != spec.url or row.kind != spec.kind:
                    row.etag = row.last_modified = None
                row.kind, row.url, row.every = spec.kind, spec.url, spec.every
                s.add(row)
        return True

    def sources(self) -> list[SourceState]:
        with self.reading() as s:
            return [_state(r) for r in s.exec(select(Source).order_by(Source.name))]

    def source(self, name: str) -> SourceState | None:
        with self.reading() as s:
            row = s.exec(select(Source).where(Source.name == name)).first()
            return _state(row) if row else None

    def record_poll(self, name: str, outcome: str, *, etag: str | None = None, last_modified: str | None = None,
                    error: str | None = None, backoff_until: datetime | None = None,
                    at: datetime | None = None) -> SourceState:
        """Record one poll: outcome is ok, degraded (read, with entries skipped, `error` naming them), unchanged,
        failed, or aborted (the pass stopped before the poll ended: not the source's fault, so neither a failure
        nor a success; the validators stay as they were so the next poll reads everything again).
        Failures count up; success resets them."""
        at = at or utcnow()
        with self.writing() as s:
            row = s.exec(select(Source).where(Source.name == name)).one()
            row.last_polled = at
            row.status = outcome
            if outcome == "failed":
                row.consecutive_failures += 1
                row.last_error = (error or "failed")[:1000]
                row.backoff_until = backoff_until
            elif outcome == "aborted":
                row.last_error = (error or "aborted")[:1000]
            else:
                row.consecutive_failures = 0
                row.last_error = error[:1000] if error else None
                row.backoff_until = None
                row.last_ok = at
                if etag is not None or last_modified is not None:
                    row.etag, row.last_modified = etag, last_modified
            s.add(row)
            return _state(row)

    def mark_failing_alerted(self, name: str, value: bool) -> None:
        with self.writing() as s:
            row = s.exec(select(Source).where(Source.name == name)).one()
            row.failing_alerted = value
            s.add(row)

    def failing_alerted(self, name: str) -> bool:
        with self.reading() as s:
            row = s.exec(select(Source).where(Source.name == name)).first()
            return bool(row and row.failing_alerted)


def _state(r: Source) -> SourceState:
    return SourceState(name=r.name, kind=r.kind, url=r.url, every=r.every, etag=r.etag,
                       last_modified=r.last_modified, last_polled=r.last_polled, last_ok=r.last_ok, status=r.status,
                       consecutive_failures=r.consecutive_failures, last_error=r.last_error,
                       backoff_until=r.backoff_until)
