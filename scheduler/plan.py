"""When each source is next due: plain rules over what the archive says, so a restart resumes the schedule.

The schedule is computed from the archive's `last_polled` at start-up instead of kept in an APScheduler job
store: the archive already knows when each source was polled, and there is then nothing to duplicate or to go
stale when config changes.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Protocol

MAX_JITTER = 300.0  # seconds: spread a 6-hour poll over up to 5 minutes, never more


class Polled(Protocol):
    last_polled: datetime | None
    backoff_until: datetime | None


def jitter_for(every: float) -> float:
    """Random delay added to each poll (a tenth of the interval, at most 5 min) so sites see no bursts."""
    return min(every / 10.0, MAX_JITTER)


def first_due(state: Polled | None, every: float, now: datetime) -> datetime:
    """Never polled: now. Otherwise one interval after the last poll (or when its back-off ends), not before now."""
    if state is None or state.last_polled is None:
        return now
    due = state.last_polled + timedelta(seconds=every)
    if state.backoff_until is not None and state.backoff_until > due:
        due = state.backoff_until
    return max(due, now)


def misfire_grace(every: float) -> int:
    """How late a poll may still run: half an interval, at least a minute.

    APScheduler's default of 1 s would silently skip a poll delayed by a long pass; with coalesce a late poll
    still runs once, and one later than this is folded into the next.
    """
    return int(max(every / 2.0, 60.0))
