"""Repeated reads from memory: the API's answers cached per worker, keyed by URL and the archive's data version.

A pure ASGI middleware (no BaseHTTPMiddleware task per request) inside the guard, so only requests the guard let
through are answered from it. For `GET /api/...`:

- The data version (storage/version.py) is read at most every CHECK_EVERY seconds per worker; when it moved
  (a crawl pass stored a story, a correction was made) every cached answer is dropped. A read can so lag a write
  by up to CHECK_EVERY.
- Each 200 answer carries `ETag` (a digest of its bytes, so every worker gives the same tag for the same answer)
  and `Cache-Control: private, no-cache`: the browser asks again with `If-None-Match` and gets an empty 304 while
  nothing changed, which costs no query once the answer is cached (the page's own polling).
- Concurrent misses for one URL make one query: the others wait for its answer.
"""
from __future__ import annotations

import asyncio
import hashlib
import time
from collections import OrderedDict
from collections.abc import Callable

import anyio.to_thread
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CHECK_EVERY = 0.5  # seconds between two reads of the data version, per worker
MAX_BYTES = 64 * 2**20  # cached answers per worker
MAX_ENTRY = 4 * 2**20  # a larger answer is sent, not kept
CACHE_CONTROL = b"private, no-cache"


Entry = tuple[int, list[tuple[bytes, bytes]], bytes, bytes | None]  # status, headers, body, ETag


class ReadCache:
    def __init__(self, app: ASGIApp, *, version: Callable[[], str], prefixes: tuple[str, ...],
                 check_every: float = CHECK_EVERY, max_bytes: int = MAX_BYTES) -> None:
        self.app = app
        self.read_version = version
        self.prefixes = prefixes
        self.check_every = check_every
        self.max_bytes = max_bytes
        self.entries: OrderedDict[str, Entry] = OrderedDict()
        self.size = 0
        self._version: str | None = None
        self._checked = -1e9
        self._lock: asyncio.Lock | None = None
        self._pending: dict[str, asyncio.Future] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith(self.prefixes):
            await self.app(scope, receive, send)
            if scope["type"] == "http" and scope["method"] not in ("GET", "HEAD"):
                self._checked = -1e9  # a correction went through this worker: look again before the next read
            return
        # A client that says `Cache-Control: no-cache` (the page, right after a correction that another worker
        # may have made) costs one version check, never a stale answer.
        fresh = b"no-cache" in (_header(scope, b"cache-control") or b"")
        if fresh:
            self._checked = -1e9
        version = await self._current_version()
        if version is None:  # the database does not answer: no promises; the app says 503
            await self.app(scope, receive, send)
            return
        # The Host is part of the key: the feeds write absolute links from it, and one client's forged Host
        # must not become every reader's links.
        key = (_header(scope, b"host") or b"").decode("latin-1") + " " + scope["path"] + "?" + \
            scope["query_string"].decode("latin-1")
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
        elif key in self._pending:  # the same read is under way: wait for its answer
            entry = await asyncio.shield(self._pending[key])
        if entry is None:
            entry = await self._fill(scope, receive, key, version)
        status, headers, body, etag = entry
        if etag is not None and _matches(_header(scope, b"if-none-match"), etag):
            await send({"type": "http.response.start", "status": 304,
                        "headers": [(b"etag", etag), (b"cache-control", CACHE_CONTROL)]})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def _fill(self, scope: Scope, receive: Receive, key: str, version: str) -> Entry:
        """Run the app for `key` and keep its answer when it is a 200 (the one waiting future lets concurrent
        requests for the same URL share it)."""
        waiting: asyncio.Future = asyncio.get_running_loop().create_future()
        self._pending[key] = waiting
        status, headers, chunks = 500, [], []

        async def collect(message: Message) -> None:
            nonlocal status, headers
            if message["type"] == "http.response.start":
                status, headers = message["status"], list(message.get("headers", []))
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        shared: Entry | None = None
        try:
            await self.app(scope, receive, collect)
            body = b"".join(chunks)
            if status != 200 or any(k.lower() == b"set-cookie" for k, _ in headers):
                return status, headers, body, None
            # The ETag is the answer's own digest: every worker gives the same one for the same bytes.
            etag = b'"' + hashlib.blake2b(body, digest_size=16).hexdigest().encode() + b'"'
            headers = [*((k, v) for k, v in headers if k.lower() not in (b"etag", b"cache-control")),
                       (b"etag", etag), (b"cache-control", CACHE_CONTROL)]
            shared = (status, headers, body, etag)
            if version == self._version and len(body) <= MAX_ENTRY:  # not read before the version moved
                self._keep(key, shared)
            return shared
        finally:
            self._pending.pop(key, None)
            waiting.set_result(shared)  # None: the waiters run the app themselves

    def _keep(self, key: str, entry: Entry) -> None:
        old = self.entries.pop(key, None)
        if old is not None:
            self.size -= len(old[2]) + len(key)
        self.entries[key] = entry
        self.size += len(entry[2]) + len(key)
        while self.size > self.max_bytes and self.entries:
            k, e = self.entries.popitem(last=False)
            self.size -= len(e[2]) + len(k)

    async def _current_version(self) -> str | None:
        if time.monotonic() - self._checked < self.check_every:
            return self._version
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            if time.monotonic() - self._checked >= self.check_every:
                try:
                    version: str | None = await anyio.to_thread.run_sync(self.read_version)
                except Exception:  # noqa: BLE001  (any database failure: answer uncached)
                    version = None
                self._checked = time.monotonic()
                if version != self._version:
                    self.entries.clear()
                    self.size = 0
                    self._version = version
        return self._version


def _header(scope: Scope, name: bytes) -> bytes | None:
    for k, v in scope["headers"]:
        if k == name:
            return v
    return None


def _matches(if_none_match: bytes | None, etag: bytes) -> bool:
    """RFC 9110 13.1.2: a weak comparison against each listed tag, or `*`."""
    if not if_none_match:
        return False
    tags = [t.strip() for t in if_none_match.split(b",")]
    return b"*" in tags or any(t.removeprefix(b"W/") == etag for t in tags)


async def _replay(entry: tuple[int, list[tuple[bytes, bytes]], bytes], send: Send) -> None:
    status, headers, body = entry
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
