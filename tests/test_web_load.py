"""`serve` under load: worker processes, the read cache and its ETags, and an archive serve cannot write.

Real `casualty-watch serve` processes on free ports, queried over HTTP; the cache itself under real uvicorn.
"""
from __future__ import annotations

import asyncio
import hashlib
import os
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from ports import listening_socket
from storage import Archive, ItemIn
from test_web_serve import CLI, filled_sqlite, serving, write_config  # noqa: F401 (fixture)
from web.cache import ReadCache


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        out += [int(c) for c in (task / "children").read_text().split()]
    return out


def _socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue  # closed meanwhile
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    return inodes


def _server_side(server_port: int, client_port: int) -> str | None:
    """The inode of the server's end of the loopback connection from `client_port`."""
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote = fields[1].split(":"), fields[2].split(":")
        if int(local[1], 16) == server_port and int(remote[1], 16) == client_port:
            return fields[9]
    return None


def _workers_of(serve_pid: int) -> list[int]:
    return [w for w in _children(serve_pid) if "spawn_main" in Path(f"/proc/{w}/cmdline").read_text()]


@contextmanager
def _two_workers(tmp_path: Path, database: str) -> Iterator[tuple[int, list[int]]]:
    """`serve --workers 2` on the archive: its port and its two worker processes' pids."""
    config = write_config(tmp_path, database, token=False)
    procs: list[subprocess.Popen] = []
    with serving(config, tmp_path, workers=2, proc_out=procs) as base:
        workers = _workers_of(procs[0].pid)
        assert len(workers) == 2, workers
        yield int(base.rsplit(":", 1)[1]), workers


def _answer_each(server_port: int, workers: list[int], count: int) -> list[int]:
    """Open `count` connections at once, ask each for /healthz, and say which worker holds each one's server
    end (0: none found)."""
    conns = [socket.create_connection(("127.0.0.1", server_port)) for _ in range(count)]
    try:
        for conn in conns:
            conn.sendall(b"GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n")
        for conn in conns:
            assert conn.recv(65536).startswith(b"HTTP/1.1 200 ")
        held = {w: _socket_inodes(w) for w in workers}
        out = []
        for conn in conns:
            inode = _server_side(server_port, conn.getsockname()[1])
            out.append(next((w for w, inodes in held.items() if inode in inodes), 0))
        return out
    finally:
        for conn in conns:
            conn.close()


def test_serve_with_two_workers_answers_from_both(tmp_path, filled_sqlite) -> None:  # type: ignore[no-untyped-def]
    """Two worker processes accept on the port: connections are answered by both (found by which
    process holds the server's end of each connection)."""
    with _two_workers(tmp_path, filled_sqlite) as (server_port, workers):
        answered_by: set[int] = set()
        deadline = time.monotonic() + 30
        while len(answered_by) < 2 and time.monotonic() < deadline:
            answered_by |= set(_answer_each(server_port, workers, 8)) - {0}
        assert len(answered_by) == 2, f"only worker(s) {answered_by} of {workers} answered"


def test_a_burst_of_connections_is_shared_between_the_workers(tmp_path, filled_sqlite) -> None:  # type: ignore[no-untyped-def]
    """40 keep-alive connections opened at once: with one shared socket the first worker to wake accepted
    nearly all of them (asyncio accepts the whole queue per wake-up); each worker's own SO_REUSEPORT socket
    lets the kernel spread them. Binomial(40, 1/2) gives fewer than 10 to one side about once in 5,000 runs."""
    with _two_workers(tmp_path, filled_sqlite) as (server_port, workers):
        held_by = _answer_each(server_port, workers, 40)
        share = {w: held_by.count(w) for w in workers}
        assert sum(share.values()) == 40 and min(share.values()) >= 10, share


def test_the_workers_listen_on_one_port_in_a_reuse_port_group() -> None:
    """One socket per worker, all on the port the first was given, each with SO_REUSEPORT (Linux)."""
    from casualty_watch.commands.serve_cmd import listen
    from web.workers import BALANCED, listening_group

    assert BALANCED  # the test machines are Linux
    group = listening_group(lambda port, reuse: listen("127.0.0.1", port, reuse), 0, 3)
    try:
        assert len(group) == 3 and len({s.getsockname() for s in group}) == 1
        assert all(s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT) for s in group)
    finally:
        for sock in group:
            sock.close()
    single = listening_group(lambda port, reuse: listen("127.0.0.1", port, reuse), 0, 1)
    try:  # one worker: one plain socket, which no other process can join
        assert len(single) == 1 and not single[0].getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT)
    finally:
        single[0].close()


def test_the_api_reads_on_the_event_loop_in_arrival_order() -> None:
    """The read routes are coroutines, so a worker answers its requests in the order they came (web/api.py
    has the measurement: on threads, the cache's hits went first and the misses' p95 tripled)."""
    import inspect

    from fastapi.routing import APIRoute

    from web import api

    reads = [r for r in api.router.routes if isinstance(r, APIRoute) and "GET" in r.methods]
    assert len(reads) >= 5
    assert all(inspect.iscoroutinefunction(r.endpoint) for r in reads), [r.path for r in reads]


def test_an_etag_round_trip_gives_304_from_every_worker(tmp_path, filled_sqlite) -> None:  # type: ignore[no-untyped-def]
    config = write_config(tmp_path, filled_sqlite, token=False)
    with serving(config, tmp_path, workers=2) as base:
        first = httpx.get(f"{base}/api/estimates")
        assert first.status_code == 200 and first.json()["estimates"]
        etag = first.headers["etag"]
        assert etag.startswith('"') and first.headers["cache-control"] == "private, no-cache"
        for _ in range(10):  # fresh connections, so both workers are asked: the same answer has the same tag
            again = httpx.get(f"{base}/api/estimates", headers={"If-None-Match": etag})
            assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
            assert again.headers["x-content-type-options"] == "nosniff"  # the guard's headers still come
        other = httpx.get(f"{base}/api/estimates", headers={"If-None-Match": '"not-this"'})
        assert other.status_code == 200 and other.content == first.content
        assert httpx.get(f"{base}/api/items", headers={"If-None-Match": etag}).status_code == 200  # another URL
        assert "etag" not in httpx.get(f"{base}/healthz").headers  # only the archive's answers are cached


def test_a_write_to_the_archive_shows_in_the_next_reads(tmp_path, filled_sqlite) -> None:  # type: ignore[no-untyped-def]
    """A crawl's commit moves the data version: every worker drops what it cached, and the old ETag no longer
    matches."""
    config = write_config(tmp_path, filled_sqlite, token=False)
    with serving(config, tmp_path, workers=2) as base:
        before = httpx.get(f"{base}/api/items", params={"q": "Qaraqosh"})
        assert before.status_code == 200 and before.json()["items"] == []
        listing = httpx.get(f"{base}/api/items")
        for _ in range(5):  # cached by both workers
            assert httpx.get(f"{base}/api/items", params={"q": "Qaraqosh"}).json()["items"] == []
        archive = Archive(filled_sqlite)
        archive.bulk_load_items([ItemIn(url="https://news.example/qaraqosh", title="Return to Qaraqosh",
                                        text="Families returned to Qaraqosh, east of Mosul.", source="wire",
                                        published=datetime(2017, 9, 1, tzinfo=UTC), language="en")])
        archive.close()
        deadline = time.monotonic() + 5
        seen = []
        while time.monotonic() < deadline:
            seen = [httpx.get(f"{base}/api/items", params={"q": "Qaraqosh"}).json()["items"] for _ in range(4)]
            if all(seen):
                break
            time.sleep(0.1)
        assert all(s and s[0]["url"] == "https://news.example/qaraqosh" for s in seen), seen
        fresh = httpx.get(f"{base}/api/items", headers={"If-None-Match": listing.headers["etag"]})
        assert fresh.status_code == 200 and fresh.headers["etag"] != listing.headers["etag"]
        assert len(fresh.json()["items"]) == len(listing.json()["items"]) + 1


def test_serve_neither_writes_nor_takes_sources_from_config(tmp_path, filled_sqlite) -> None:  # type: ignore[no-untyped-def]
    """The config names a source the archive has never polled: serve shows the archive's sources (none)."""
    config = write_config(tmp_path, filled_sqlite, token=False)
    with serving(config, tmp_path) as base:
        assert httpx.get(f"{base}/api/sources").json()["sources"] == []
    archive = Archive(filled_sqlite)
    assert archive.sources() == []
    archive.close()


def test_serve_on_a_missing_archive_is_a_one_line_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "nowhere" / "archive.db"
    config = write_config(tmp_path, f"sqlite:///{missing}", token=False)
    done = subprocess.run([CLI, "--config", str(config), "serve", "--port", "0"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr and "archive" in lines[0], done.stderr
    assert not missing.parent.exists()  # nothing made on the way


def test_serve_on_a_read_only_archive_file_starts_and_answers(tmp_path, filled_sqlite) -> None:  # type: ignore[no-untyped-def]
    """chmod 0444: serve starts, answers, and its workers hold the file open read-only (O_RDONLY), so not even
    root could write through them; the file's bytes are unchanged afterwards."""
    path = Path(filled_sqlite.removeprefix("sqlite:///"))
    Archive(filled_sqlite).close()  # the last writer's close checkpoints the WAL into the file
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    path.chmod(0o444)
    try:
        config = write_config(tmp_path, filled_sqlite, token=False)
        procs: list[subprocess.Popen] = []
        with serving(config, tmp_path, workers=2, proc_out=procs) as base:
            for _ in range(6):
                assert httpx.get(f"{base}/api/items", params={"q": "Mosul"}).json()["items"]
                assert httpx.get(f"{base}/api/estimates").json()["estimates"]
            modes = []
            for worker in _children(procs[0].pid):  # the workers (and any helper process) of serve
                for fd in Path(f"/proc/{worker}/fd").iterdir():
                    try:
                        if os.readlink(fd) == str(path):
                            flags = int(Path(f"/proc/{worker}/fdinfo/{fd.name}").read_text().split()[3], 8)
                            modes.append(flags & os.O_ACCMODE)
                    except OSError:
                        continue
            assert modes and all(m == os.O_RDONLY for m in modes), modes
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    finally:
        path.chmod(0o644)


# The cache itself, in front of a small app that counts what reaches it.

class Counting:
    """An ASGI app answering GET /api/items?... with how often it was asked, after `delay` seconds."""

    def __init__(self, delay: float = 0.0) -> None:
        self.calls = 0
        self.delay = delay

    async def __call__(self, scope, receive, send) -> None:  # type: ignore[no-untyped-def]
        self.calls += 1
        await asyncio.sleep(self.delay)
        status = 404 if scope["path"] == "/api/items/missing" else 200
        body = f'{{"calls": {self.calls}, "q": "{scope["query_string"].decode()}"}}'.encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


@pytest.fixture
def cached() -> Iterator[tuple[str, Counting, list[str]]]:
    import uvicorn

    inner = Counting(delay=0.2)
    version = ["v1"]
    app = ReadCache(inner, version=lambda: version[0], prefixes=("/api/items",), check_every=0.0)
    sock = listening_socket()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}", inner, version
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


def test_the_cache_asks_the_app_once_per_url_and_version(cached) -> None:  # type: ignore[no-untyped-def]
    base, inner, version = cached
    with httpx.Client(base_url=base) as c:
        a = c.get("/api/items?q=mosul")
        assert c.get("/api/items?q=mosul").content == a.content and inner.calls == 1
        assert c.get("/api/items?q=other").json()["calls"] == 2  # another query string is another answer
        assert c.get("/api/other").json()["calls"] == 3 and c.get("/api/other").json()["calls"] == 4  # not cached
        assert c.get("/api/items/missing").status_code == 404 and c.get("/api/items/missing").status_code == 404
        assert inner.calls == 6  # errors are not kept
        version[0] = "v2"  # a write committed
        b = c.get("/api/items?q=mosul")
        assert b.json()["calls"] == 7 and b.headers["etag"] != a.headers["etag"]


def test_concurrent_misses_for_one_url_make_one_call(cached) -> None:  # type: ignore[no-untyped-def]
    base, inner, _version = cached

    async def many() -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=base, limits=httpx.Limits(max_connections=20)) as c:
            return await asyncio.gather(*(c.get("/api/items?q=together") for _ in range(20)))

    answers = asyncio.run(many())
    assert {r.status_code for r in answers} == {200} and len({r.content for r in answers}) == 1
    assert inner.calls == 1
