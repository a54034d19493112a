"""Plain values that cross the archive's door, in and out (never the table rows themselves)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol


class EstimateLike(Protocol):
    """What the archive needs of an estimate (estimates.Estimate has it)."""

    low: int | None
    high: int | None
    qualifier: str
    outcome: str
    victims: str
    place: str | None
    claimant: str | None
    quote: str
    lang: str
    claimant_text: str | None
    claimant_id: str | None
    place_id: str | None
    area_id: str | None  # the gazetteer entry sameness compares (a neighbourhood's district), else place_id
    kind: str | None  # toll, incident, or None when the sentence does not say
    period_start: str | None
    period_end: str | None

    @property
    def group(self) -> str: ...  # civilian, combatant or unknown


@dataclass(frozen=True, slots=True)
class ItemIn:
    """A story as the crawler read it."""

    url: str
    text: str
    source: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: datetime | None = None
    language: str | None = None
    other_urls: tuple[str, ...] = ()  # rel=canonical target, AMP/mobile variants, the URL before redirects
    truncated: str | None = None  # where reading stopped at a limit, if it did
    fetched: datetime | None = None  # when it was served, if not now (an imported WARC record's WARC-Date)


@dataclass(frozen=True, slots=True)
class StoredItem:
    """What archiving one story did. status: new, duplicate, version or unchanged."""

    item_id: int
    status: str
    original_id: int
    new_estimates: tuple[int, ...] = ()
    known_estimates: tuple[int, ...] = ()
    alerts: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceState:
    """A source's polling state and health."""

    name: str
    kind: str
    url: str
    every: float
    etag: str | None
    last_modified: str | None
    last_polled: datetime | None
    last_ok: datetime | None
    status: str
    consecutive_failures: int
    last_error: str | None
    backoff_until: datetime | None

    def to_dict(self) -> dict:
        return {"name": self.name, "kind": self.kind, "url": self.url, "every": self.every,
                "last_polled": _iso(self.last_polled), "last_ok": _iso(self.last_ok), "status": self.status,
                "failures": self.consecutive_failures, "last_error": self.last_error,
                "backoff_until": _iso(self.backoff_until)}


@dataclass(frozen=True, slots=True)
class SeenMark:
    """A URL the crawler fetched, to record as seen."""

    url: str
    source: str | None = None
    updated: str | None = None  # the feed/sitemap's updated date for this URL, if it gave one
    relevant: bool = False


@dataclass(frozen=True, slots=True)
class SeenInfo:
    url: str
    updated: str | None
    relevant: bool


@dataclass(slots=True)
class AlertOut:
    """An outbox row with what delivering it needs."""

    id: int
    message_id: str
    channel: str
    event: str
    subject: str
    state: str
    attempts: int
    created: datetime
    next_attempt: datetime
    last_error: str | None
    delivered: datetime | None
    estimate_id: int | None
    item_id: int | None
    source: str | None
    detail: str | None
    estimate: dict | None = None
    item: dict | None = None
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"id": self.id, "message_id": self.message_id, "channel": self.channel, "event": self.event,
                "state": self.state, "attempts": self.attempts, "created": _iso(self.created),
                "next_attempt": _iso(self.next_attempt) if self.state == "pending" else None,
                "last_error": self.last_error, "delivered": _iso(self.delivered),
                "estimate_id": self.estimate_id, "item_id": self.item_id, "source": self.source,
                "detail": self.detail}


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None
