"""The bytes each archived story was read from, kept as WARC records: evidence of what was served, and when.

A story's text can be edited or taken down; a monitor must then show exactly what was published. Every
response that becomes an item (crawled, imported or backfilled) is written as a WARC/1.1 response record
with its HTTP headers, followed by its request record when there was one, into rolling gzip WARC files in a
folder beside the archive. Each record is its own gzip member, so a capture is a byte range (file, offset,
length) that can be copied out as-is into another WARC (`export`) and replayed by pywb or the Wayback
Machine's tools. Digests are SHA-256 (`WARC-Payload-Digest: sha256:<base32>`), recorded on the item too.

The writer is warcio's, the reference writer that pywb itself reads with; reading back for `verify` uses
fastwarc, which reads several times faster (bench/import.py). A file is written by one process at a time (an
advisory lock): a crawl pass and an import running together each write their own file.
"""
from __future__ import annotations

import base64
import fcntl
import hashlib
import io
import os
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url
from warcio.statusandheaders import StatusAndHeaders
from warcio.utils import Digester
from warcio.warcwriter import WARCWriter

PREFIX = "casualty-watch"
SUFFIX = ".warc.gz"
MAX_FILE_BYTES = 1024 * 1024 * 1024  # a WARC file rolls over past this (1 GiB, as Heritrix and Browsertrix do)
# Headers that describe how the bytes crossed the wire, not the payload kept: the body is stored as the
# crawler read it (decompressed, de-chunked), so these would make a replay tool decode it twice.
_WIRE_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


@dataclass(frozen=True, slots=True)
class CaptureSpec:
    """Where captures go ([captures] in the config): a folder, and the size at which a file rolls over."""

    folder: str
    max_bytes: int = MAX_FILE_BYTES


@dataclass(frozen=True, slots=True)
class CaptureIn:
    """One response as it was served: what the crawler or an imported WARC record held."""

    url: str
    body: bytes
    captured: datetime  # WARC-Date: when it was served (fetched, or the imported record's own date)
    status: int = 200
    reason: str = "OK"
    headers: tuple[tuple[str, str], ...] = ()  # the HTTP response headers as received
    request_headers: tuple[tuple[str, str], ...] | None = None  # the request that fetched it, when known
    method: str = "GET"
    origin: str = "crawl"  # crawl, import or backfill
    source_record: str | None = None  # an imported record's WARC-Record-ID, kept as WARC-Refers-To

    @property
    def payload_digest(self) -> str:
        return payload_digest(self.body)


@dataclass(frozen=True, slots=True)
class CaptureRef:
    """Where a capture lies: the gzip members of its response (and request) record in one WARC file."""

    file: str  # name inside the captures folder
    offset: int
    length: int
    payload_digest: str
    record_id: str
    stored_digest: str  # SHA-256 of the stored (compressed) bytes: a flipped byte anywhere in them shows


def payload_digest(body: bytes) -> str:
    """SHA-256 of a payload, written as WARC writes it: `sha256:` and base32."""
    return "sha256:" + base64.b32encode(hashlib.sha256(body).digest()).decode("ascii")


def stored_digest(raw: bytes) -> str:
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def beside(database_url: str) -> str:
    """The default captures folder: `<archive>-captures` beside a SQLite file, `./captures` for a server."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        db = Path(url.database)
        return str(db.with_name(db.stem + "-captures"))
    return "captures"


class _Sha256Writer(WARCWriter):
    """warcio's writer with SHA-256 digests (its default is SHA-1, which the Berkeley Protocol's hashing
    guidance and WARC 1.1 users have moved past)."""

    @staticmethod
    def _create_digester() -> Digester:
        return Digester("sha256")


@dataclass
class CaptureFiles:
    """Rolling gzip WARC files in `folder`, appended to by one process at a time."""

    folder: str
    max_bytes: int = MAX_FILE_BYTES
    _file: io.BufferedWriter | None = field(default=None, init=False, repr=False)
    _name: str | None = field(default=None, init=False, repr=False)

    def write(self, capture: CaptureIn) -> CaptureRef:
        """Append one capture (response record, then its request) and flush it to disk before returning, so a
        row naming it is never committed for bytes still in a buffer."""
        handle, name = self._open()
        writer = _Sha256Writer(handle, gzip=True, warc_version="1.1")
        offset = handle.tell()
        record_id = f"<urn:uuid:{uuid.uuid4()}>"
        digest = capture.payload_digest
        warc_headers = {"WARC-Record-ID": record_id, "WARC-Date": _warc_date(capture.captured),
                        "WARC-Payload-Digest": digest}
        if capture.source_record:
            warc_headers["WARC-Refers-To"] = capture.source_record
        http = StatusAndHeaders(f"{capture.status} {capture.reason}".strip(), _payload_headers(capture),
                                protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(capture.url, "response", payload=io.BytesIO(capture.body),
                                                      length=len(capture.body), warc_headers_dict=warc_headers,
                                                      http_headers=http))
        if capture.request_headers is not None:
            request = StatusAndHeaders(f"{capture.method} {_target(capture.url)} HTTP/1.1",
                                       list(capture.request_headers), is_http_request=True)
            writer.write_record(writer.create_warc_record(
                capture.url, "request", warc_headers_dict={"WARC-Concurrent-To": record_id,
                                                           "WARC-Date": _warc_date(capture.captured)},
                http_headers=request))
        handle.flush()
        os.fsync(handle.fileno())
        length = handle.tell() - offset
        return CaptureRef(file=name, offset=offset, length=length, payload_digest=digest, record_id=record_id,
                          stored_digest=stored_digest(read_capture(self.folder, name, offset, length)))

    def close(self) -> None:
        if self._file is not None:
            self._file.close()  # closing releases the lock
            self._file = self._name = None

    def _open(self) -> tuple[io.BufferedWriter, str]:
        if self._file is not None and self._file.tell() < self.max_bytes:
            assert self._name is not None
            return self._file, self._name
        self.close()
        Path(self.folder).mkdir(parents=True, exist_ok=True)
        for name in _names_newest_first(self.folder):  # carry on the newest file no other process holds
            path = Path(self.folder, name)
            if path.stat().st_size >= self.max_bytes:
                break
            handle = open(path, "ab")
            if _locked(handle):
                self._file, self._name = handle, name
                return handle, name
            handle.close()
        name = f"{PREFIX}-{datetime.now(UTC):%Y%m%d%H%M%S%f}-{os.getpid()}{SUFFIX}"
        handle = open(Path(self.folder, name), "ab")
        if not _locked(handle):  # pragma: no cover  (a new name per process and microsecond)
            handle.close()
            raise OSError(f"cannot lock new capture file {name}")
        self._file, self._name = handle, name
        return handle, name


def read_capture(folder: str, ref_file: str, offset: int, length: int) -> bytes:
    """The raw gzip members of one capture, as written."""
    with open(Path(folder, ref_file), "rb") as handle:
        handle.seek(offset)
        data = handle.read(length)
    if len(data) != length:
        raise OSError(f"{ref_file} ends before offset {offset + length:,} (truncated)")
    return data


@dataclass(frozen=True, slots=True)
class Problem:
    capture_id: int
    file: str
    what: str


def check_capture(raw: bytes, expected_digest: str, expected_stored: str | None = None) -> str | None:
    """Why one capture's bytes are not what was recorded, or None: the stored bytes must hash as when they
    were written (a flipped byte in a gzip header escapes gzip's own CRC), then decompress, parse as a WARC
    response record, and hash (payload and block) to the digests recorded."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    if expected_stored is not None and stored_digest(raw) != expected_stored:
        return "the stored bytes changed (SHA-256 of the capture's byte range differs)"
    try:
        for record in ArchiveIterator(io.BytesIO(raw), record_types=WarcRecordType.response, parse_http=False):
            block = record.reader.read()
            recorded_block = record.headers.get("WARC-Block-Digest")
            recorded_payload = record.headers.get("WARC-Payload-Digest")
            break
        else:
            return "unreadable: no WARC response record at the recorded offset"
    except Exception as exc:  # noqa: BLE001  (fastwarc raises on a corrupt gzip member)
        return f"unreadable: {exc}"
    if recorded_block and recorded_block != payload_digest(block):
        return "block digest mismatch (the record's bytes changed)"
    body = block.split(b"\r\n\r\n", 1)[1] if b"\r\n\r\n" in block else b""
    actual = payload_digest(body)
    if actual != expected_digest:
        return f"payload digest mismatch: recorded {expected_digest}, file has {actual}"
    if recorded_payload != expected_digest:
        return "the record's WARC-Payload-Digest differs from the archive's"
    return None


def verify(folder: str, captures: Iterable[tuple[int, str, int, int, str, str | None]]) -> Iterator[Problem]:
    """Re-read and re-hash every capture (id, file, offset, length, payload digest, stored digest); yield
    what does not match."""
    missing: set[str] = set()
    for capture_id, name, offset, length, digest, stored in captures:
        if name in missing or not Path(folder, name).is_file():
            missing.add(name)
            yield Problem(capture_id, name, "file missing")
            continue
        try:
            raw = read_capture(folder, name, offset, length)
        except OSError as exc:
            yield Problem(capture_id, name, str(exc))
            continue
        why = check_capture(raw, digest, stored)
        if why:
            yield Problem(capture_id, name, why)


def _payload_headers(capture: CaptureIn) -> list[tuple[str, str]]:
    headers = [(k, v) for k, v in capture.headers if k.lower() not in _WIRE_HEADERS]
    headers.append(("Content-Length", str(len(capture.body))))
    return headers


def _target(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _warc_date(when: datetime) -> str:
    when = when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _names_newest_first(folder: str) -> list[str]:
    return sorted((p.name for p in Path(folder).glob(f"{PREFIX}-*{SUFFIX}")), reverse=True)


def _locked(handle: io.BufferedWriter) -> bool:
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True
