"""One scheduler per archive, enforced by a lock the operating system drops when the holder dies.

SQLite: an fcntl lock on a file next to the database. PostgreSQL: a session advisory lock on a connection held
for the service's life, keyed by database and schema (tests run many archives in one database). Neither
outlives a kill -9, so a crashed service never blocks its restart.
"""
from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import make_url


class AlreadyRunning(Exception):
    """Another scheduler holds this archive."""


class ArchiveLock:
    def __init__(self, database: str, engine: Any = None) -> None:
        self.database, self._engine = database, engine
        self._fd: int | None = None
        self._conn: Any = None
        self.path: Path | None = None

    def acquire(self) -> "ArchiveLock":
        url = make_url(self.database)
        if url.get_backend_name() == "postgresql":
            self._acquire_pg()
        else:
            self._acquire_file(url.database)
        return self

    def _acquire_file(self, database: str | None) -> None:
        if not database or database == ":memory:":
            return  # an in-memory archive cannot be shared
        self.path = Path(database).expanduser().resolve().with_name(Path(database).name + ".lock")
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_pid(fd)
            os.close(fd)
            raise AlreadyRunning(f"another casualty-watch run{holder} is using this archive "
                                 f"(lock {self.path})") from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    def _acquire_pg(self) -> None:
        if self._engine is None:
            raise ValueError("a PostgreSQL lock needs the archive's engine")
        conn = self._engine.connect()
        key = "casualty-watch scheduler:"
        got = conn.execute(text("SELECT pg_try_advisory_lock(hashtext(:k || current_database() || '.' || "
                                "current_schema()))"), {"k": key}).scalar()
        conn.commit()  # end the implicit transaction; a session lock outlives it
        if not got:
            conn.close()
            raise AlreadyRunning("another casualty-watch run is using this archive (PostgreSQL advisory lock held)")
        self._conn = conn

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None
        if self._conn is not None:
            try:
                # invalidate, not just close: a pooled connection would keep the session, and the lock, alive
                self._conn.invalidate()
                self._conn.close()
            finally:
                self._conn = None

    def __enter__(self) -> "ArchiveLock":
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def _read_pid(fd: int) -> str:
    try:
        pid = os.pread(fd, 32, 0).decode().strip()
    except OSError:
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""
