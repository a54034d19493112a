"""When to try an alert again: a plain rule, so it can be tested without a network.

Schedule from the Standard Webhooks guidance (see ../shared/NOTES.md): immediately, then 5 s, 5 min, 30 min,
2 h, 5 h, 10 h, 10 h, each with +-20 % jitter so a receiver coming back up is not hit by every sender at once.
After the last one the alert fails for good; `casualty-watch alerts retry ID` puts it back.

A receiver's Retry-After (read by netpolicy.retry_after, the crawler's parser too) overrides the schedule,
bounded by `max_retry_after` (the config's top-level `max_retry_after`, a day by default): a receiver answering
503 with a date in 2099 is tried again at most that far away, not in 2099.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from netpolicy.retry_after import DEFAULT_CAP, bounded_wait

DEFAULT_DELAYS = (5.0, 300.0, 1800.0, 7200.0, 18000.0, 36000.0, 36000.0)


@dataclass(frozen=True, slots=True)
class Backoff:
    """`delays[n-1]` is the wait after the n-th failed attempt; no entry left means give up."""

    delays: tuple[float, ...] = DEFAULT_DELAYS
    jitter: float = 0.2
    max_retry_after: float = DEFAULT_CAP  # seconds; Config.max_retry_after

    @property
    def max_attempts(self) -> int:
        return len(self.delays) + 1

    def next_attempt(self, attempts: int, now: datetime, *, retry_after: float | None = None,
                     rng: random.Random | None = None) -> datetime | None:
        """When to try again after `attempts` failed attempts, or None to give up.

        A server's Retry-After wins over the schedule (it said when it can take the message), bounded by
        `max_retry_after`; a NaN one is ignored. It does not buy extra attempts: the count still runs out.
        """
        if attempts >= self.max_attempts:
            return None
        wait = bounded_wait(retry_after, self.max_retry_after)
        if wait is not None:
            return now + timedelta(seconds=wait)
        base = self.delays[max(attempts, 1) - 1]
        spread = (rng or random).uniform(1 - self.jitter, 1 + self.jitter)
        return now + timedelta(seconds=base * spread)

