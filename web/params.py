"""Query parameters users type by hand: each bad one becomes a 422 with a one-line message, never a 500."""
from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from dateutil import parser as dateparser
from fastapi import HTTPException

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


def parse_since(value: str | None) -> datetime | None:
    """A date as an aware UTC datetime; a date without a zone is taken as UTC (as on the command line)."""
    value = clean_text("since", value)
    if value is None:
        return None
    try:
        parsed = dateparser.parse(value)
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    except (ValueError, OverflowError):
        raise BadParameter("since", f"not a date: {value[:40]!r} (use e.g. 2017-07-01)") from None


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where the next page starts: below an item id (listing) or at an offset (search, ranked)."""

    before: int | None = None
    offset: int = 0


def query_tag(*parts: object) -> str:
    """A short fingerprint of a search, so a cursor from one search is refused by another."""
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:10]


def encode_cursor(cursor: Cursor, tag: str) -> str:
    raw = f"i:{cursor.before}" if cursor.before is not None else f"o:{cursor.offset}:{tag}"
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
