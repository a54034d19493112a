"""When a failing source may be polled again: exponential in its consecutive failures, with jitter.

Doubling from the source's own interval keeps a briefly broken source on its usual rhythm while a dead one
fades to at most a day (or its interval, if longer); the jitter keeps many failing sources from coming back
in one synchronised burst (changedetection.io #580). A server's Retry-After is a floor.
"""
from __future__ import annotations

import random
from datetime import datetime, timedelta

MAX_DELAY = 86400.0
JITTER = 0.2


def backoff_until(failures: int, every: float, now: datetime, *, retry_after: float | None = None,
                  rng: random.Random | None = None) -> datetime:
    """The earliest time the next poll may start after `failures` failed polls in a row (failures >= 1)."""
    rng = rng or random.Random()
    cap = max(every, MAX_DELAY)
    delay = min(max(every, 60.0) * 2 ** max(failures - 1, 0), cap)
    delay *= 1 + rng.uniform(-JITTER, JITTER)
    if retry_after is not None:
        delay = max(delay, retry_after)
    return now + timedelta(seconds=delay)
