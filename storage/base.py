"""What every part of the archive shares: the engine and how to open a reading or writing session."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import Engine
from sqlmodel import Session

from .db import IMMEDIATE


def utcnow() -> datetime:
    return datetime.now(UTC)


class ArchiveBase:
    """Holds the engine; the query mixins build on it."""

    engine: Engine
    read_only: bool = False  # the file or folder cannot be written, or the caller asked (serve)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with Session(self.engine) as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One write transaction, committed on success; on SQLite it holds the write lock from its start.

        On a read-only archive: ArchiveReadOnly, one line naming the archive, before the driver's error."""
        if self.read_only:
            from .errors import ArchiveReadOnly

            url = getattr(self, "display_url", "")
            raise ArchiveReadOnly(f"archive {url} is read-only (its file or folder cannot be written); "
                                  "this needs to write to it")
        bind = self.engine.execution_options(**{IMMEDIATE: True}) if self.dialect == "sqlite" else self.engine
        with Session(bind, expire_on_commit=False) as session, session.begin():
            yield session
