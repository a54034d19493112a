"""How long a server asks us to wait (`Retry-After`, RFC 9110 10.2.3), read one way by the crawler and the alerts.

A header is something a stranger wrote: it may be a date a century away, a number too big for a timedelta, a
float, a negative, or bytes from no known charset. So there is one parser, it never raises, and every wait it
returns is already bounded by the caller's cap (`Politeness.max_retry_after` for the crawler,
`Config.max_retry_after` for the alerts: the top-level `max_retry_after` key, a day by default). A wait longer than
the cap is taken *as* the cap: the server plainly wants a long pause, and we honour it up to what we accept.

| value                                     | result                                      |
|-------------------------------------------|---------------------------------------------|
| `"120"` (delta-seconds, `1*DIGIT`)        | `120.0`, at most `cap`                      |
| `"999999999999"`                          | `cap`                                       |
| more than `MAX_DIGITS` significant digits | `None` (no server means that; garbage)      |
| an HTTP-date in the future                | seconds until then, at most `cap`           |
| an HTTP-date in the past                  | `0.0`                                       |
| a date with no zone (or `-0000`)          | read as UTC: HTTP-dates are GMT             |
| RFC 850 / asctime dates (obsolete forms)  | accepted, as RFC 9110 tells recipients to   |
| `None`, `""`, `"-5"`, `"1.5"`, `"1e400"`, | `None`                                      |
| `"NaN"`, `"soon"`, non-ASCII, `b"\\xff"`  |                                             |
"""
from __future__ import annotations

import math
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

DEFAULT_CAP = 86400.0  # a day: longer than that is a misconfigured server, not a plan
MAX_DIGITS = 18  # 10**18 s is 30 billion years; a longer number is not a wait anyone meant
LONGEST_WAIT = 10 * 366 * 86400.0  # above any sane cap; keeps `now + wait` a datetime whatever the cap says
MAX_LENGTH = 64  # the longest HTTP-date form (RFC 850, with its weekday spelled out) is under 40 characters

_DELTA = re.compile(r"[0-9]+")  # ASCII digits only: str.isdigit() also takes "²" and "٣", which int() refuses


def parse_retry_after(value: str | bytes | None, now: datetime, *, cap: float) -> float | None:
    """Seconds to wait, in [0, cap], from a Retry-After value; None when the value says nothing usable.

    `now` is the moment the response arrived (a naive one is taken as UTC). Never raises: a hostile or broken
    header must not cost the caller its bookkeeping (a crawl that could not record a failure never backed off).
    """
    text = _text(value)
    if text is None:
        return None
    if _DELTA.fullmatch(text):
        digits = text.lstrip("0") or "0"
        return None if len(digits) > MAX_DIGITS else bounded_wait(float(int(digits)), cap)
    seconds = _seconds_until(text, now)
    return None if seconds is None else bounded_wait(seconds, cap)


def bounded_wait(seconds: float | None, cap: float) -> float | None:
    """`seconds` clamped to [0, cap]; None for None or NaN (a wait that cannot be compared is no wait).

    Shared by the parser and by the two back-off rules, which also take waits handed to them by other code.
    A NaN or negative cap counts as 0, so a bad cap can only shorten waits; an infinite or absurd one (the
    config accepts "99999999d") still stops at LONGEST_WAIT, so the result always fits a timedelta.
    """
    if seconds is None or math.isnan(seconds):
        return None
    limit = min(cap, LONGEST_WAIT) if cap >= 0 else 0.0  # NaN -> 0: every comparison with NaN is False
    return min(max(seconds, 0.0), limit)


def _text(value: str | bytes | None) -> str | None:
    """The header as stripped ASCII text, or None. Both grammars (digits, HTTP-date) are pure ASCII."""
    if value is None:
        return None
    if isinstance(value, bytes):
        try:
            value = value.decode("ascii")
        except UnicodeDecodeError:
            return None
    text = value.strip(" \t")  # OWS around a field value (RFC 9110 5.5)
    if not text or len(text) > MAX_LENGTH or not text.isascii():
        return None
    return text


def _seconds_until(text: str, now: datetime) -> float | None:
    """Seconds from `now` to the HTTP-date `text` (negative when past), or None when it is not a date."""
    try:
        when = parsedate_to_datetime(text)
    except Exception:  # noqa: BLE001 - email.utils raises ValueError, TypeError, IndexError... on odd input
        return None
    if when is None:  # older Pythons returned None instead of raising
        return None
    # RFC 9110 10.2.3 / 5.6.7: an HTTP-date is always GMT; email.utils leaves a date without a zone (or with
    # RFC 5322's "-0000", "zone unknown") naive, and the sender can only have meant GMT.
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    try:
        return (when - now).total_seconds()
    except OverflowError:
        return None
