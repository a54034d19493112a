"""Query parameters users type by hand: each bad one becomes a 422 with a one-line message, never a 500."""
from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fastapi import HTTPException

from netpolicy.values import parse_since as read_since
from netpolicy.values import parse_until as read_until

MAX_ID = 2**31 - 1  # PostgreSQL `integer`: a larger id would be a database error, not "not found"
MAX_OFFSET = 1_000_000
MAX_QUERY = 500  # characters of `q`; longer is not a search anyone types


class BadParameter(HTTPException):
    """A query parameter the API cannot use; the message names it."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(status_code=422, detail=f"{name}: {problem}")


def clean_text(name: str, value: str | None) -> str | None:
    """Blank means "not given"; NUL cannot be stored or compared by PostgreSQL, so it is refused."""
    if value is None or not value.strip():
        return None
    if "\x00" in value:
        raise BadParameter(name, "must not contain NUL characters")
    return value.strip()


def parse_since(value: str | None, name: str = "since") -> datetime | None:
    """A date as an aware UTC datetime, by the command line's rule (netpolicy.values.parse_since: ISO-ish
    dates or 7d/24h, a date without a zone taken as UTC), so `?since=` and `--since` agree on what "1" is."""
    return _date(name, value, read_since)


def parse_until(value: str | None, name: str = "until") -> datetime | None:
    """An upper bound that includes the period it names ("2017-12" ends with December), as `--until` reads it."""
    return _date(name, value, read_until)


def _date(name: str, value: str | None, read: Callable[[str], datetime]) -> datetime | None:
    value = clean_text(name, value)
    if value is None:
        return None
    try:
        return read(value)
    except (ValueError, OverflowError) as exc:
        raise BadParameter(name, str(exc)) from None


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where the next page starts: after an item's (sort date, id) key (listing, newest first by publication
    date) or at an offset (search, ranked). A listing cursor from before dates were in it has only the id."""

    before: int | None = None
    offset: int = 0
    before_date: datetime | None = None


def query_tag(*parts: object) -> str:
    """A short fingerprint of a search, so a cursor from one search is refused by another."""
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:10]


def encode_cursor(cursor: Cursor, tag: str) -> str:
    """Opaque to clients: base64 of "k:<microseconds since 1970>:<id>", "i:<id>" or "o:<offset>:<tag>"."""
    if cursor.before is not None and cursor.before_date is not None:
        raw = f"k:{_micros(cursor.before_date)}:{cursor.before}"
    elif cursor.before is not None:
        raw = f"i:{cursor.before}"
    else:
        raw = f"o:{cursor.offset}:{tag}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(value: str | None, *, search: bool, tag: str) -> Cursor:
    """The cursor a previous page handed out; anything else is a 422, not a guess."""
    if value is None or value == "":
        return Cursor()
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode("ascii")
        kind, _, rest = raw.partition(":")
        if kind == "i" and not search:
            before = int(rest)
            if 1 <= before <= MAX_ID:
                return Cursor(before=before)
        elif kind == "k" and not search:
            micros_text, _, id_text = rest.partition(":")
            before, micros = int(id_text), int(micros_text)
            if 1 <= before <= MAX_ID and 0 <= micros <= _MAX_MICROS:
                return Cursor(before=before, before_date=_EPOCH + timedelta(microseconds=micros))
        elif kind == "o" and search:
            offset_text, _, cursor_tag = rest.partition(":")
            offset = int(offset_text)
            if cursor_tag != tag:
                raise BadParameter("cursor", "belongs to another query; start again without it")
            if 0 <= offset <= MAX_OFFSET:
                return Cursor(offset=offset)
    except (ValueError, UnicodeDecodeError, binascii.Error):
        pass
    raise BadParameter("cursor", "not a cursor this API handed out (use the `next` value of the previous page)")


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MAX_MICROS = int((datetime(9999, 12, 31, tzinfo=UTC) - _EPOCH).total_seconds()) * 1_000_000


def _micros(when: datetime) -> int:
    """Whole microseconds since 1970, so the cursor carries the date exactly (no float, no time zone)."""
    delta = (when if when.tzinfo else when.replace(tzinfo=UTC)) - _EPOCH
    return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds
