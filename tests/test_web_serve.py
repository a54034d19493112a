"""The real `casualty-watch serve` process on a free port, queried over HTTP."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from casualty_watch.config import load
from ports import listening_socket
from storage import Archive
from test_web_data import STORIES, fill

CLI = str(Path(sys.executable).with_name("casualty-watch"))


def write_config(tmp_path: Path, database: str, *, token: bool) -> Path:
    path = tmp_path / "casualty-watch.toml"
    text = f'database = "{database}"\n\n[[source]]\nname = "wire"\nfeed = "https://news.example/rss?key=K"\n'
    if token:
        text += '\n[api]\ntoken = "${CW_TEST_TOKEN}"\n'
    path.write_text(text, encoding="utf-8")
    return path


@contextmanager
def serving(config: Path, tmp_path: Path, env: dict[str, str] | None = None, *, workers: int = 1,
            proc_out: list[subprocess.Popen] | None = None) -> Iterator[str]:
    """`serve --port 0`: the server binds a free port itself and prints it, so no other process can take it
    between our choosing it and the server binding it. `proc_out` receives the process."""
    log = tmp_path / "serve.log"
    with log.open("wb") as err:
        proc = subprocess.Popen([CLI, "--config", str(config), "serve", "--port", "0", "--workers", str(workers)],
                                env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=err)
    if proc_out is not None:
        proc_out.append(proc)
    try:
        base = _wait_for_base(proc, log)
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                pytest.fail(f"serve exited {proc.returncode}: {log.read_text()}")
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("serve did not answer /healthz within 30 s")
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _wait_for_base(proc: subprocess.Popen, log: Path) -> str:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        found = re.search(r"on (http://127\.0\.0\.1:\d+)/", log.read_text())
        if found:
            return found.group(1)
        if proc.poll() is not None:
            pytest.fail(f"serve exited {proc.returncode}: {log.read_text()}")
        time.sleep(0.05)
    pytest.fail("serve did not say where it listens within 30 s")


@pytest.fixture
def filled_sqlite(sqlite_url: str) -> str:
    archive = Archive(sqlite_url)
    fill(archive)
    archive.close()
    return sqlite_url


def test_serve_answers_over_http(tmp_path, filled_sqlite) -> None:  # type: ignore[no-untyped-def]
    config = write_config(tmp_path, filled_sqlite, token=False)
    archive = Archive(filled_sqlite)
    archive.sync_sources(load(str(config)).sources)  # as `watch` does; serve itself does not write
    archive.close()
    with serving(config, tmp_path) as base:
        health = httpx.get(f"{base}/healthz").json()
        assert health["status"] == "ok" and health["version"]
        items = httpx.get(f"{base}/api/items", params={"q": "al-Jadida"}).json()["items"]
        assert [i["url"] for i in items] == ["https://airwars.example/jadida"]
        listing = httpx.get(f"{base}/api/items").json()
        assert len(listing["items"]) == len(STORIES) and listing["next"] is None
        sources = httpx.get(f"{base}/api/sources").json()["sources"]
        assert [s["name"] for s in sources] == ["wire"] and "key=K" not in sources[0]["url"]
        assert "casualty_watch_items" in httpx.get(f"{base}/metrics").text
        assert httpx.get(f"{base}/api/items", params={"limit": -1}).status_code == 422


def test_serve_with_a_token_checks_it(tmp_path, filled_sqlite) -> None:  # type: ignore[no-untyped-def]
    config = write_config(tmp_path, filled_sqlite, token=True)
    with serving(config, tmp_path, env={"CW_TEST_TOKEN": "t0ken"}) as base:
        assert httpx.get(f"{base}/api/items").status_code == 401
        assert httpx.get(f"{base}/api/items", headers={"Authorization": "Bearer nope"}).status_code == 401
        assert httpx.get(f"{base}/api/items", headers={"Authorization": "Bearer t0ken"}).status_code == 200


def test_serve_beyond_loopback_without_a_token_is_a_one_line_error(tmp_path, sqlite_url) -> None:  # type: ignore[no-untyped-def]
    config = write_config(tmp_path, sqlite_url, token=False)
    done = subprocess.run([CLI, "--config", str(config), "serve", "--host", "0.0.0.0", "--port", "0"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "token" in lines[0] and "Traceback" not in done.stderr


def test_serve_on_a_taken_port_is_a_one_line_error(tmp_path, filled_sqlite) -> None:  # type: ignore[no-untyped-def]
    config = write_config(tmp_path, filled_sqlite, token=False)
    with listening_socket() as taken:
        port = taken.getsockname()[1]
        done = subprocess.run([CLI, "--config", str(config), "serve", "--port", str(port)],
                              capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert lines[-1] == f"casualty-watch: cannot listen on 127.0.0.1:{port}: Address already in use"
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("host, loopback", [("127.0.0.1", True), ("127.3.4.5", True), ("localhost", True),
                                            ("::1", True), ("[::1]", True), ("0.0.0.0", False), ("::", False),
                                            ("192.168.1.10", False), ("example.org", False)])
def test_loopback_detection(host, loopback) -> None:  # type: ignore[no-untyped-def]
    from casualty_watch.commands.serve_cmd import is_loopback

    assert is_loopback(host) is loopback


def test_the_listening_socket_says_tcp_so_asyncio_turns_nagle_off() -> None:
    """A socket with proto 0 keeps Nagle on for every answer (asyncio sets TCP_NODELAY only for IPPROTO_TCP):
    bench/search.py measured ~45 ms per request that way instead of ~3 ms."""
    from casualty_watch.commands.serve_cmd import listen

    for host in ("127.0.0.1", "[::1]"):
        with listen(host, 0) as sock:
            assert sock.proto == socket.IPPROTO_TCP
