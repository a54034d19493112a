"""The archive's data version: a cheap value that changes whenever anyone commits a change to the archive.

Readers that cache what they read (the API, web/cache.py) key their answers by it, so a crawl pass, an import or
a correction made on the command line makes the next read go to the database again.

- SQLite: `PRAGMA data_version` on one connection held for the purpose: it changes when any other connection,
  in any process, commits (https://sqlite.org/pragma.html#pragma_data_version). The holder never writes.
- PostgreSQL: the current snapshot (`pg_current_snapshot()`: xmin, xmax and the transactions in progress). Two
  reads with the same snapshot see the same committed data; it moves when a writing transaction starts or ends
  (read-only transactions take no transaction id), in this database or another of the same server, which at
  worst costs a needless fresh read.
"""
from __future__ import annotations

import threading

from sqlalchemy import Engine, text


class DataVersion:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        self._held = None  # SQLite: the DBAPI connection PRAGMA data_version is asked on
        self._generation = 0  # which held connection: each counts from its own start

    def read(self) -> str:
        """The version now; raises the database's error when it does not answer."""
        with self._lock:
            if self.engine.dialect.name != "sqlite":
                with self.engine.connect() as conn:
                    return str(conn.execute(text("SELECT pg_current_snapshot()::text")).scalar_one())
            try:
                if self._held is None:
                    self._held = self.engine.raw_connection()
                    self._generation += 1
                cur = self._held.cursor()
                try:
                    cur.execute("PRAGMA data_version")
                    return f"{self._generation}:{cur.fetchone()[0]}"
                finally:
                    cur.close()
            except Exception:
                self._drop()
                raise

    def close(self) -> None:
        with self._lock:
            self._drop()

    def _drop(self) -> None:
        if self._held is not None:
            try:
                self._held.invalidate()  # never back into the pool: a new connection starts a new count
            except Exception:  # noqa: BLE001  (closing a broken connection)
                pass
            self._held = None
