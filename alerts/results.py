"""What one delivery attempt came to, and the rule that sorts HTTP answers into sent, retry, fail and gone."""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from netpolicy.retry_after import parse_retry_after


@dataclass(frozen=True, slots=True)
class SendResult:
    """ok: delivered. retry: a passing failure (network, timeout, 5xx, 429). gone: the endpoint is no more."""

    ok: bool
    status: int | None = None
    error: str | None = None
    retry: bool = False
    retry_after: float | None = None
    gone: bool = False

    @classmethod
    def sent(cls, status: int | None = None) -> "SendResult":
        return cls(ok=True, status=status)

    @classmethod
    def transient(cls, error: str, *, status: int | None = None, retry_after: float | None = None) -> "SendResult":
        return cls(ok=False, status=status, error=error, retry=True, retry_after=retry_after)

    @classmethod
    def permanent(cls, error: str, *, status: int | None = None, gone: bool = False) -> "SendResult":
        return cls(ok=False, status=status, error=error, gone=gone)


def http_result(status: int, reason: str, retry_after: str | bytes | None, now: datetime, *,
                cap: float = math.inf) -> SendResult:
    """2xx sent; 5xx, 408 and 429 retried (429/503 honour Retry-After); 410 gone; any other 4xx fails for good.

    The channel that calls this does not know the configured cap, so by default the wait is reported as the
    server asked (still finite and >= 0: see netpolicy.retry_after) and the Deliverer's Backoff, which was
    given `max_retry_after`, bounds it. A caller that knows the cap may pass it.
    """
    label = f"HTTP {status} {reason}".strip()
    if 200 <= status < 300:
        return SendResult.sent(status)
    if status >= 500 or status in (408, 429):
        wait = parse_retry_after(retry_after, now, cap=cap)
        return SendResult.transient(label, status=status, retry_after=wait)
    if status == 410:
        return SendResult.permanent(label, status=status, gone=True)
    return SendResult.permanent(label, status=status)
