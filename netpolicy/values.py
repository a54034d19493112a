"""Plain values every room reads from outside or shows to people: dates as aware UTC datetimes, ISO strings,
exceptions as one line.

These were written three times (the crawler, the command line, the API), and the copies had begun to differ: one
took "1" for the 1st of this month, another returned None where a third raised. They live here, in the room
every other room may import (it imports none of them), so the command line and the API read `--since` and
`?since=` by the same rule and the crawler dates stories by the same parser.
"""
from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from dateutil import parser as dateparser

# What `--since` and `?since=` take: a year, a month, a day, a full ISO time, or a span back from now.
SINCE_FORMS = "YYYY, YYYY-MM, YYYY-MM-DD, an ISO time like 2017-07-01T12:00Z, or 7d / 24h / 30m back from now"
_ISO_ISH = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?"
                      r"(?:Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$", re.IGNORECASE)
_RELATIVE = re.compile(r"^(\d{1,6})([dhm])$")
_SPAN = {"d": "days", "h": "hours", "m": "minutes"}


def iso(value: datetime | None) -> str | None:
    """A datetime as ISO-8601 text for JSON, or None: the one shape every output uses."""
    return value.isoformat() if value is not None else None


def one_line(exc: BaseException | str) -> str:
    """An error as the first line of its message (its type's name when it has none): a database driver's or a
    PDF library's message can run to many lines, and every message we show or record is one line."""
    text = (str(getattr(exc, "orig", None) or exc) if isinstance(exc, BaseException) else str(exc)).strip()
    first = text.splitlines()[0].strip() if text else ""
    return first or (type(exc).__name__ if isinstance(exc, BaseException) else "")


def to_utc(value: datetime) -> datetime:
    """An aware UTC datetime; a naive one is taken as UTC (dates people and servers write without a zone)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def parse_date(value: str | None) -> datetime | None:
    """Any date string a page, feed or header may carry, as an aware UTC datetime; None when unreadable.

    Lenient on purpose (dateutil reads "Tue, 04 Jul 2017 10:00:00 GMT" and "July 4, 2017"): documents write
    dates every way. What people type is read by `parse_since`, which is strict."""
    if not value:
        return None
    try:
        parsed = dateparser.parse(value)
        if parsed is None:
            return None
        # astimezone raises too: OverflowError for year 1 east of UTC, ValueError for an offset of 24 h or more
        return to_utc(parsed)
    except (ValueError, ArithmeticError):  # ArithmeticError: OverflowError, and decimal's InvalidOperation
        return None


def parse_since(value: str, *, now: datetime | None = None) -> datetime:
    """A date a person typed (`--since`, `?since=`) as an aware UTC datetime; ValueError naming the accepted
    forms otherwise.

    Strict where `parse_date` is lenient: dateutil reads "1" as the 1st of this month and "may" as May of this
    year, so a slip of the keyboard silently became a filter. Only ISO-ish dates (YYYY, YYYY-MM, YYYY-MM-DD,
    full ISO times; a date without a zone is UTC) and spans back from now (7d, 24h, 30m) are taken."""
    text = value.strip()
    span = _RELATIVE.match(text.lower())
    if span:
        return to_utc(now or datetime.now(UTC)) - timedelta(**{_SPAN[span.group(2)]: int(span.group(1))})
    if _ISO_ISH.match(text):
        year, _, rest = text.partition("-")
        try:
            if not rest:
                return datetime(int(year), 1, 1, tzinfo=UTC)
            if len(text) == 7:
                return datetime(int(year), int(rest), 1, tzinfo=UTC)
            return to_utc(datetime.fromisoformat(text.replace("z", "Z").replace("Z", "+00:00")))
        except ValueError:
            pass
    raise ValueError(f"not a date: {value[:40]!r} (use {SINCE_FORMS})")


def parse_until(value: str, *, now: datetime | None = None) -> datetime:
    """The end of the period a person typed as an upper bound (`--until`, `?until=`), so it includes it:
    "2017" is the last instant of 2017, "2017-12" of December, "2017-12-31" of that day; a full time or a span
    back from now is that instant. The forms are `parse_since`'s."""
    start = parse_since(value, now=now)
    text = value.strip()
    if _RELATIVE.match(text.lower()) or not _ISO_ISH.match(text) or len(text) > 10:
        return start
    if len(text) == 4:
        following = start.replace(year=start.year + 1)
    elif len(text) == 7:
        following = start.replace(year=start.year + start.month // 12, month=start.month % 12 + 1)
    else:
        following = start + timedelta(days=1)
    return following - timedelta(microseconds=1)
