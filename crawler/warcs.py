"""Reading web archives: the HTTP responses in a WARC or WARC.gz file, one at a time, resumable by offset.

fastwarc reads (bench/import.py: about 7x warcio's rate on the same file, and the import's irrelevant records
are bounded by it). Damage is expected, in files pulled from other people's crawls: a truncated last record,
a corrupt gzip member, a record whose headers do not parse. Each is reported as `Damaged` with its offset
and the file goes on from the next gzip member (or the next `WARC/` line of an uncompressed file); nothing is
fatal but an unreadable file.
"""
from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecordType

GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_MAGIC = b"WARC/1."
SCAN_CHUNK = 1 << 20
SUFFIXES = (".warc", ".warc.gz", ".arc.gz", ".warc.gzip")


@dataclass(frozen=True, slots=True)
class Served:
    """One HTTP response as a WARC record holds it."""

    url: str
    date: datetime  # WARC-Date
    status: int
    reason: str
    headers: tuple[tuple[str, str], ...]
    body: bytes  # the payload, cut at `max_bytes` (then `cut` is True)
    record_id: str | None
    offset: int  # where the record starts in the file
    cut: bool = False

    @property
    def content_type(self) -> str | None:
        for name, value in self.headers:
            if name.lower() == "content-type":
                return value
        return None


@dataclass(frozen=True, slots=True)
class Damaged:
    """A record that could not be read; the file goes on after it."""

    offset: int
    why: str


@dataclass(frozen=True, slots=True)
class Screened:
    """A response the caller's `screen` settled from its payload alone (most of a news crawl: irrelevant);
    nothing more of it is read."""

    offset: int
    verdict: Any
    size: int


@dataclass(frozen=True, slots=True)
class Skipped:
    """A record read but not a response to import (a revisit, which holds no payload of its own)."""

    offset: int
    why: str


Record = Served | Screened | Damaged | Skipped
Screen = Callable[[bytes, str, str | None], Any]  # (payload, URL, Content-Type) -> a verdict, or None to read it


def warc_files(paths: list[str]) -> list[Path]:
    """The WARC files named, folders searched for them (sorted, so an import walks them in a stable order);
    a path that is neither raises FileNotFoundError naming it."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(SUFFIXES)))
        elif path.is_file():
            found.append(path)
        else:
            raise FileNotFoundError(f"no such file or folder: {raw}")
    return list(dict.fromkeys(found))


def responses(path: Path, *, start: int = 0, max_bytes: int = 60 * 1024 * 1024,
              screen: Screen | None = None) -> Iterator[Record]:
    """Every response record from `start` on, each with its offset; damage is reported and stepped over.

    Each record is held back until the next one is read: fastwarc reads a gzip member cut short at the end
    of a file as a record with part of its payload, so the last one is yielded only once its member is
    known to be whole.

    `screen` sees each 200 response's payload first; what it settles is yielded as `Screened`, without the
    headers and dates a `Served` reads (the import's cost on irrelevant records is mostly this loop)."""
    gzipped = _is_gzip(path)
    with open(path, "rb") as handle:
        size = handle.seek(0, 2)
        position = start
        while position < size:
            pending: Record | None = None
            try:
                for record in _records(handle, position, max_bytes, screen):
                    if pending is not None:
                        yield pending
                    pending = record
            except (OSError, ValueError, UnicodeError) as exc:
                if pending is not None:
                    yield pending
                bad = _after(handle, pending.offset, gzipped) if pending is not None else position
                if gzipped:  # the records between (requests, metadata) are whole: the damage is past them
                    bad = _first_bad_member(handle, bad, size)
                yield Damaged(bad, f"unreadable record: {exc}")
                position = _next_start(handle, bad + 1, gzipped)
                continue
            if pending is None:
                if not _blank_tail(handle, position):
                    yield Damaged(position, "no WARC record found")
                return
            if not gzipped:
                yield pending
                return
            end = _member_end(handle, pending.offset)
            if end is None:
                yield Damaged(pending.offset, "truncated record at the end of the file")
                return
            yield pending
            bad = _first_bad_member(handle, end, size)  # fastwarc stops quietly at a member cut short
            if bad >= size:
                return
            position = _next_start(handle, bad + 1, gzipped)
            yield Damaged(bad, "truncated record at the end of the file" if position >= size else
                          "unreadable record: a gzip member cut short")


def _records(handle: BinaryIO, position: int, max_bytes: int, screen: Screen | None) -> Iterator[Record]:
    handle.seek(position)
    wanted = WarcRecordType.response | WarcRecordType.revisit
    for record in ArchiveIterator(handle, record_types=wanted, parse_http=True):
        offset = record.stream_pos
        if record.record_type == WarcRecordType.revisit:
            yield Skipped(offset, "revisit record (its payload is in another record)")
            continue
        http = record.http_headers
        if http is None:
            yield Skipped(offset, "response without HTTP headers")
            continue
        if screen is not None and http.status_code == 200:
            body = _payload(record, max_bytes)
            if len(body) <= max_bytes:
                verdict = screen(body, record.headers.get("WARC-Target-URI", ""), http.get("Content-Type"))
                if verdict is not None:
                    yield Screened(offset, verdict, len(body))
                    continue
            yield _served(record, http, offset, max_bytes, body)
            continue
        yield _served(record, http, offset, max_bytes)


def _served(record, http, offset: int, max_bytes: int, body: bytes | None = None) -> Served:  # type: ignore[no-untyped-def]
    if body is None:
        body = _payload(record, max_bytes)
    cut = len(body) > max_bytes
    date = record.record_date or datetime.now(UTC)
    if date.tzinfo is None:
        date = date.replace(tzinfo=UTC)
    return Served(url=record.headers.get("WARC-Target-URI", "").strip("<>"), date=date,
                  status=http.status_code or 0, reason=http.reason_phrase or "", headers=tuple(http.items()),
                  body=body[:max_bytes], record_id=record.record_id, offset=offset, cut=cut)


def _payload(record, max_bytes: int) -> bytes:  # type: ignore[no-untyped-def]
    """The payload, at most `max_bytes` + 1 of it (one more tells it was cut). A record's block length is
    known, so a size is asked for only when the payload may be longer: fastwarc allocates what `read(n)` asks
    for, and asking for the cap on every record halved the read rate."""
    if record.content_length <= max_bytes:
        return record.reader.read()
    return record.reader.read(max_bytes + 1)


def _is_gzip(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(3) == GZIP_MAGIC


def _after(handle: BinaryIO, offset: int, gzipped: bool) -> int:
    """Where the next record after the one at `offset` starts (always past `offset`)."""
    end = _member_end(handle, offset) if gzipped else None
    return end if end is not None and end > offset else _next_start(handle, offset + 1, gzipped)


def _first_bad_member(handle: BinaryIO, offset: int, size: int) -> int:
    while offset < size:
        end = _member_end(handle, offset)
        if end is None or end <= offset:
            return offset
        offset = end
    return offset


def _member_end(handle: BinaryIO, offset: int) -> int | None:
    """Where the gzip member starting at `offset` ends, or None when it is cut short or corrupt."""
    handle.seek(offset)
    inflate = zlib.decompressobj(wbits=31)
    consumed = 0
    while not inflate.eof:
        chunk = handle.read(SCAN_CHUNK)
        if not chunk:
            return None
        try:
            inflate.decompress(chunk)
        except zlib.error:
            return None
        consumed += len(chunk)
    return offset + consumed - len(inflate.unused_data)


def _next_start(handle: BinaryIO, offset: int, gzipped: bool) -> int:
    """The next place a record may start at or after `offset` (end of file if none)."""
    magic = GZIP_MAGIC if gzipped else WARC_MAGIC
    handle.seek(offset)
    carry = b""
    base = offset
    while True:
        chunk = handle.read(SCAN_CHUNK)
        if not chunk:
            return handle.seek(0, 2)
        data = carry + chunk
        found = data.find(magic)
        if found >= 0:
            return base - len(carry) + found
        carry = data[-(len(magic) - 1):]
        base += len(chunk)


def _blank_tail(handle: BinaryIO, position: int) -> bool:
    handle.seek(position)
    return not handle.read(4096).strip()
