"""Source health: one alert when a source has failed N polls in a row, one more when it next succeeds.

Each failing spell gets its own subject, fixed by the last success before it, so the archive's
(channel, event, subject) uniqueness makes queueing idempotent: a crash between queueing and marking the
source as alerted cannot send the alert twice.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import Any, Protocol

from .describe import source_line

log = logging.getLogger("casualty_watch.alerts")


class HealthArchive(Protocol):
    def sources(self) -> list[Any]: ...
    def failing_alerted(self, name: str) -> bool: ...
    def mark_failing_alerted(self, name: str, value: bool) -> None: ...
    def queue_alert(self, channel: str, event: str, subject: str, **fields: object) -> int | None: ...
    def set_fact(self, key: str, value: str) -> None: ...
    def fact(self, key: str) -> str | None: ...


def check_sources(archive: HealthArchive, channels: Sequence[str], *, failing_after: int,
                  names: Sequence[str] | None = None) -> list[int]:
    """Queue source.failing / source.recovered alerts as needed; returns the new alert ids."""
    queued: list[int] = []
    for state in archive.sources():
        if names is not None and state.name not in names:
            continue
        alerted = archive.failing_alerted(state.name)
        if state.consecutive_failures >= failing_after and not alerted:
            queued += _announce(archive, channels, state, "source.failing")
        elif alerted and state.consecutive_failures == 0:
            queued += _announce(archive, channels, state, "source.recovered")
    return queued


def _announce(archive: HealthArchive, channels: Sequence[str], state: Any, event: str) -> list[int]:
    fact = f"failing-spell:{state.name}"
    if event == "source.failing":
        since = state.last_ok.isoformat() if state.last_ok else "never"
        spell = f"source:{state.name}:after:{since}"
        archive.set_fact(fact, spell)
    else:
        spell = archive.fact(fact) or f"source:{state.name}:after:unknown"
    detail = json.dumps(state.to_dict(), ensure_ascii=False)
    ids = [i for ch in channels
           if (i := archive.queue_alert(ch, event, spell, source=state.name, detail=detail)) is not None]
    archive.mark_failing_alerted(state.name, event == "source.failing")
    line = source_line(event, state.to_dict())
    (log.warning if event == "source.failing" else log.info)("%s", line)
    return ids
