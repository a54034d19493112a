"""When a failing source may be polled again: exponential in its consecutive failures, with jitter.

Doubling from the source's own interval keeps a briefly broken source on its usual rhythm while a dead one
fades to at most a day (or its interval, if longer); the jitter keeps many failing sources from coming back
in one synchronised burst (changedetection.io #580).

A server's Retry-After is a floor, bounded by `cap` (`Politeness.max_retry_after`): the back-off is the longer
of the failure schedule and min(Retry-After, cap). So a huge or far Retry-After is recorded as a failure with a
back-off of at most the cap (never an OverflowError that would lose the failure), while a small cap never makes a
dead source polled *more* often than its schedule says: the schedule keeps its own bound, max(every, a day),
plus jitter. Whatever the inputs, the result is a datetime that can be stored.
"""
from __future__ import annotations

import random
from datetime import datetime, timedelta

from netpolicy.retry_after import DEFAULT_CAP, LONGEST_WAIT, bounded_wait

MAX_DELAY = 86400.0
JITTER = 0.2
_MAX_DOUBLINGS = 32  # 2**32 intervals is far past any bound; keeps `2 ** n` a float for any failure count


def backoff_until(failures: int, every: float, now: datetime, *, retry_after: float | None = None,
                  cap: float = DEFAULT_CAP, rng: random.Random | None = None) -> datetime:
    """The earliest time the next poll may start after `failures` failed polls in a row (failures >= 1)."""
    delay = _scheduled(failures, every, rng or random.Random())
    floor = bounded_wait(retry_after, cap)
    if floor is not None:
        delay = max(delay, floor)
    return now + timedelta(seconds=min(delay, LONGEST_WAIT))  # an absurd `every` must not overflow either


def _scheduled(failures: int, every: float, rng: random.Random) -> float:
    """The failure schedule alone: doubling from the interval, bounded by max(every, a day), jittered."""
    bound = max(every, MAX_DELAY)
    delay = min(max(every, 60.0) * 2.0 ** min(max(failures - 1, 0), _MAX_DOUBLINGS), bound)
    return delay * (1 + rng.uniform(-JITTER, JITTER))
