"""What an alert says, as its own types: built from an outbox row, never from the table rows themselves.

The webhook body carries the same estimate and item shapes as `estimates --json` and `items --json`, so a
receiver can treat it like any other export.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Protocol

from .describe import headline, source_line

ESTIMATE_NEW = "estimate.new"
SOURCE_EVENTS = ("source.failing", "source.recovered")


class OutboxRow(Protocol):
    """What a channel needs of an outbox row (storage.AlertOut has it)."""

    id: int
    message_id: str
    channel: str
    event: str
    subject: str
    source: str | None
    detail: str | None
    estimate: dict | None
    item: dict | None


class PayloadError(ValueError):
    """The alert cannot be rendered (e.g. its estimate was deleted); retrying will not help."""


@dataclass(frozen=True, slots=True)
class Message:
    """One alert ready for any channel: the JSON body, a one-line summary, and the story link if any."""

    body: dict[str, Any]
    summary: str
    link: str | None = None
    quote: str | None = None

    def json(self) -> str:
        return json.dumps(self.body, ensure_ascii=False, separators=(",", ":"))


def message_for(alert: OutboxRow) -> Message:
    """The message an outbox row stands for; PayloadError when the row cannot be rendered."""
    if alert.event == ESTIMATE_NEW:
        if not alert.estimate:
            raise PayloadError(f"alert {alert.id}: its estimate is no longer in the archive")
        link = (alert.item or {}).get("url") or alert.estimate.get("url")
        return Message(body={"type": ESTIMATE_NEW, "estimate": alert.estimate, "item": alert.item},
                       summary=_opening(alert.estimate) + headline(alert.estimate), link=link,
                       quote=alert.estimate.get("quote"))
    if alert.event in SOURCE_EVENTS:
        source = source_detail(alert)
        return Message(body={"type": alert.event, "source": source}, summary=source_line(alert.event, source),
                       link=source.get("url"))
    raise PayloadError(f"alert {alert.id}: unknown event {alert.event!r}")


def _opening(estimate: dict[str, Any]) -> str:
    """'Revised estimate: ' when it revises an earlier figure of the same claimant, else 'New estimate: '."""
    return "Revised estimate: " if estimate.get("revises") else "New estimate: "


def source_detail(alert: OutboxRow) -> dict[str, Any]:
    """The source's state as recorded when the alert was queued (so every retry says the same thing)."""
    try:
        detail = json.loads(alert.detail) if alert.detail else {}
    except json.JSONDecodeError:
        detail = {}
    if not isinstance(detail, dict):
        detail = {}
    detail.setdefault("name", alert.source)
    return detail
