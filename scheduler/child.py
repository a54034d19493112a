"""One crawl pass in a child process with a hard time limit, so a stuck or crashing crawl never takes the
service down, and Twisted's reactor (which cannot restart, scrapy#2941) starts fresh every pass.

The child is started with the 'spawn' method (no forked copy of the service's threads and connections) and
handed plain values only. To take Python and Scrapy's start-up off the alert latency, the next pass's child is
started ahead of time and waits, warmed up, for its request. A child dies with its parent (PR_SET_PDEATHSIG),
so a kill -9 of the service leaves no crawl running behind it; what that crawl had archived stays archived.

The 'spawn' method also starts multiprocessing's resource tracker, a helper child of the service that would
otherwise exit only after the service has (when it sees its pipe closed): `stop_resource_tracker` ends it
before the service exits, so a stopped service leaves no child process at all.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

log = logging.getLogger("casualty_watch.scheduler")

_SPAWN = multiprocessing.get_context("spawn")


@dataclass(frozen=True, slots=True)
class PassRequest:
    """Everything a pass needs, as picklable plain values."""

    database: str
    sources: tuple[Any, ...]  # crawler.spec.SourceSpec
    politeness: Any  # crawler.spec.Politeness
    watch: Any  # crawler.spec.Watch
    route: Callable[[Any], Any] | None = None  # alerts.routing.Router
    force: bool = False
    captures: Any = None  # storage.captures.CaptureSpec: the folder served bytes are kept in (storage/captures.py), if any


@dataclass(frozen=True, slots=True)
class PassResult:
    """The pass's summary (PassSummary.to_dict()) or why there is none."""

    summary: dict[str, Any] | None
    error: str | None = None
    seconds: float = 0.0
    names: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.summary is not None


class PassProcess:
    """Runs passes one at a time, each in its own child; keeps one warm child waiting for the next."""

    def __init__(self, *, log_level: int = logging.INFO, warm: bool = True, grace: float = 3.0) -> None:
        self.log_level, self.warm, self.grace = log_level, warm, grace
        self._standby: tuple[Any, Connection] | None = None
        self._current: Any = None  # the child running a pass, for close() if the pass is not ended in time

    def run(self, request: PassRequest, *, limit: float, stop: threading.Event) -> PassResult:
        """Run one pass; abandon it (terminate the child) when `stop` is set or after `limit` seconds."""
        names = tuple(s.name for s in request.sources)
        started = time.monotonic()
        proc, conn = self._take()
        self._current = proc
        outcome: tuple[dict | None, str | None] = (None, "pass process did not report")
        try:
            conn.send(request)
            outcome = self._await(proc, conn, started + limit, stop, limit)
        except (OSError, EOFError) as exc:
            outcome = (None, f"pass process failed to start: {exc}")
        finally:
            # a pass that reported is let exit by itself; an abandoned one is ended at once (its writes are
            # transactions: what it committed stays, what it had in flight is rolled back)
            self._finish(proc, conn, patience=self.grace if outcome[0] is not None else 0.0)
            self._current = None
        if self.warm and not stop.is_set():
            self._standby = self._spawn()
            if stop.is_set():  # the service began stopping while the spare was being started: no spare
                self.close()
        summary, error = outcome
        return PassResult(summary=summary, error=error, seconds=time.monotonic() - started, names=names)

    def close(self) -> None:
        """End the warm spare, and the pass child too if one is still running (the pass's thread did not end it
        in time): terminate, then kill; bounded (about 2 s per child at worst)."""
        standby, self._standby = self._standby, None
        if standby is not None:
            self._finish(*standby, patience=0.0)
        current = self._current
        if current is not None and current.is_alive():
            # its pipe belongs to the pass's thread: only signal the child, that thread sees it die
            log.warning("the pass child (pid %s) was still running at close: ending it", current.pid)
            _end(current, grace=0.5)

    def _take(self) -> tuple[Any, Connection]:
        standby, self._standby = self._standby, None
        if standby is not None and standby[0].is_alive():
            return standby
        if standby is not None:
            self._finish(*standby, patience=0.0)
        return self._spawn()

    def _spawn(self) -> tuple[Any, Connection]:
        parent_end, child_end = _SPAWN.Pipe(duplex=True)
        proc = _SPAWN.Process(target=child_main, args=(child_end, os.getpid(), self.log_level),
                              name="casualty-watch-pass", daemon=True)
        proc.start()
        child_end.close()
        return proc, parent_end

    def _await(self, proc: Any, conn: Connection, deadline: float, stop: threading.Event,
               limit: float) -> tuple[dict | None, str | None]:
        while True:
            if conn.poll(0.1):
                try:
                    kind, value = conn.recv()
                except EOFError:
                    return None, _died(proc)
                return (value, None) if kind == "ok" else (None, value)
            if not proc.is_alive() and not conn.poll(0):
                return None, _died(proc)
            if stop.is_set():
                return None, "abandoned: the service is stopping"
            if time.monotonic() > deadline:
                return None, f"abandoned: the pass ran past its {limit:.0f} s limit"

    def _finish(self, proc: Any, conn: Connection, patience: float) -> None:
        """Let the child exit by itself for `patience` s, then terminate it, then kill it (Scrapy's graceful
        shutdown on SIGTERM waits for downloads in flight: 1.5 s is all it gets)."""
        conn.close()
        if patience > 0:
            proc.join(patience)
        _end(proc)


def _end(proc: Any, grace: float = 1.5) -> None:
    """Terminate the child, give it `grace` s, then kill it; bounded (a killed child is reaped at once, short
    of an uninterruptible kernel wait, which the final bounded join leaves behind rather than hang on)."""
    if proc.is_alive():
        proc.terminate()
        proc.join(grace)
    if proc.is_alive():
        proc.kill()
        proc.join(0.5)
    if proc.is_alive():
        log.warning("pass child (pid %s) did not exit after SIGKILL", proc.pid)


def stop_resource_tracker(timeout: float = 1.0) -> None:
    """End multiprocessing's resource tracker, which starting a 'spawn' child starts as a child of this process.

    Left alone it exits only after this process has (when every end of its pipe is closed), a moment later, or
    longer on a loaded machine: a supervisor or test that checks for leftover children right after the service
    exited sees it still running. Call this last, once every pass child has ended (they hold its pipe too):
    closing our end then lets it exit at once. It ignores SIGTERM and SIGINT, so after `timeout` it is killed
    (the passes register no resources with it: nothing is left for it to clean up). Python >= 3.11.
    """
    from multiprocessing import resource_tracker

    tracker = resource_tracker._resource_tracker
    with tracker._lock:
        fd, pid = tracker._fd, tracker._pid
        if fd is None:
            return  # never started in this process
        tracker._fd, tracker._pid = None, None  # a later spawn starts a fresh one
    try:
        os.close(fd)
    except OSError:
        pass
    if pid is None:
        return
    deadline = time.monotonic() + timeout
    try:
        while os.waitpid(pid, os.WNOHANG) == (0, 0):
            if time.monotonic() > deadline:
                log.debug("resource tracker (pid %s) still running after %.1f s: killing it", pid, timeout)
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                return
            time.sleep(0.01)
    except (ChildProcessError, ProcessLookupError):
        pass  # already reaped


def _died(proc: Any) -> str:
    proc.join(1.0)
    code = proc.exitcode
    if code is not None and code < 0:
        try:
            return f"pass process killed by {signal.Signals(-code).name}"
        except ValueError:
            pass
    return f"pass process exited with code {code} before reporting"


def child_main(conn: Connection, parent_pid: int, log_level: int) -> None:
    """The child: warm up, wait for one request, run it, report, exit."""
    _die_with_parent(parent_pid)
    from netpolicy.redact import redact_logs

    redact_logs()  # a spawned child starts with the stock record factory: redact here too (Scrapy's handler)
    logging.getLogger().setLevel(log_level)  # Scrapy installs the stderr handler when the crawl starts
    import_error = ""
    try:
        from crawler import run_pass  # the slow import, done before the request arrives
    except Exception as exc:  # noqa: BLE001 - reported to the parent as the pass's error
        run_pass, import_error = None, f"cannot load the crawler: {type(exc).__name__}: {exc}"
    try:
        request: PassRequest = conn.recv()
    except (EOFError, OSError):
        return  # the parent went away or no longer needs us
    if run_pass is None:
        conn.send(("error", import_error))
        return
    try:
        summary = run_pass(database=request.database, sources=list(request.sources), politeness=request.politeness,
                           watch=request.watch, route=request.route, progress=False, force=request.force,
                           captures=request.captures)
        conn.send(("ok", summary.to_dict()))
    except BaseException as exc:  # noqa: BLE001 - anything at all becomes the pass's error, one line
        first = str(exc).splitlines()[0] if str(exc) else ""
        conn.send(("error", f"{type(exc).__name__}: {first}"[:500]))
    finally:
        conn.close()
        _exit_now()


def _exit_now() -> None:
    """Exit without waiting for threads a finished crawl may leave behind (everything is committed by now)."""
    import sys

    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(0)


def _die_with_parent(parent_pid: int) -> None:
    """Linux: SIGKILL this child when the parent dies, so a killed service leaves no orphan crawl."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent_pid:  # the parent died before the prctl took effect
        os._exit(1)
