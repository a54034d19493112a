"""What follows a one-off pass (`casualty-watch crawl`): source health alerts, then deliver before exiting.

A pass's alert whose first attempt failed with a short retry (e.g. 503 with Retry-After: 2, or the 5 s step)
is waited for, up to `patience` seconds in all, so a brief hiccup does not leave it to the next crawl.
"""
from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from netpolicy.retry_after import DEFAULT_CAP

from .backoff import Backoff
from .channels import build_channels, close_channels
from .delivery import Deliverer
from .health import check_sources
from .rules import AlertRule


@dataclass(frozen=True, slots=True)
class Settled:
    sent: int
    pending: int
    failed: int


def settle_pass(archive: Any, rules: Sequence[AlertRule], *, failing_after: int, sources: Sequence[str],
                alert_ids: Sequence[int], patience: float = 30.0, send_timeout: float = 10.0,
                max_retry_after: float = DEFAULT_CAP) -> Settled:
    """Queue source-health alerts, then deliver this pass's alerts, waiting up to `patience` for short retries.

    `max_retry_after` (Config.max_retry_after) bounds a receiver's Retry-After, as it does in `run`.
    """
    channels = build_channels(rules, timeout=send_timeout)
    try:
        mine = list(alert_ids) + check_sources(archive, list(channels), failing_after=failing_after, names=sources)
        deliverer = Deliverer(archive, channels, backoff=Backoff(max_retry_after=max_retry_after),
                              send_timeout=send_timeout)
        deadline = time.monotonic() + patience
        deliverer.deliver_due()
        while (wait := _next_retry(archive, mine)) is not None and time.monotonic() + wait < deadline:
            time.sleep(max(wait, 0.0))
            deliverer.deliver_due()
    finally:
        close_channels(channels)
    states = [a.state for a in (archive.alert(i) for i in mine) if a is not None]
    return Settled(sent=states.count("sent"), pending=states.count("pending"),
                   failed=len(states) - states.count("sent") - states.count("pending"))


def _next_retry(archive: Any, ids: Sequence[int]) -> float | None:
    """Seconds until the first of these alerts is due again, or None when none is pending."""
    now = datetime.now(UTC)
    waits = [(a.next_attempt - now).total_seconds() for a in (archive.alert(i) for i in ids)
             if a is not None and a.state == "pending"]
    return min(waits) if waits else None
