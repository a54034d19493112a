"""When to try an alert again: a plain rule, so it can be tested without a network.

Schedule from the Standard Webhooks guidance (see ../shared/NOTES.md): immediately, then 5 s, 5 min, 30 min,
2 h, 5 h, 10 h, 10 h, each with +-20 % jitter so a receiver coming back up is not hit by every sender at once.
After the last one the alert fails for good; `casualty-watch alerts retry ID` puts it back.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

DEFAULT_DELAYS = (5.0, 300.0, 1800.0, 7200.0, 18000.0, 36000.0, 36000.0)
MAX_RETRY_AFTER = 86400.0  # a Retry-After beyond a day is a misconfigured server, not a plan


@dataclass(frozen=True, slots=True)
class Backoff:
    """`delays[n-1]` is the wait after the n-th failed attempt; no entry left means give up."""

    delays: tuple[float, ...] = DEFAULT_DELAYS
    jitter: float = 0.2

    @property
    def max_attempts(self) -> int:
        return len(self.delays) + 1

    def next_attempt(self, attempts: int, now: datetime, *, retry_after: float | None = None,
                     rng: random.Random | None = None) -> datetime | None:
        """When to try again after `attempts` failed attempts, or None to give up.

        A server's Retry-After wins over the schedule (it said when it can take the message), capped at a day.
        """
        if attempts >= self.max_attempts:
            return None
        if retry_after is not None:
            return now + timedelta(seconds=min(max(retry_after, 0.0), MAX_RETRY_AFTER))
        base = self.delays[max(attempts, 1) - 1]
        spread = (rng or random).uniform(1 - self.jitter, 1 + self.jitter)
        return now + timedelta(seconds=base * spread)


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date (RFC 9110, 10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max((when - now).total_seconds(), 0.0)
