"""Engines and schema: SQLite (WAL, busy timeout, BEGIN IMMEDIATE for writers) or PostgreSQL, same code.

The schema is created and upgraded by Alembic migrations (`storage/migrations`) on first use.
"""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url

MIGRATIONS = Path(__file__).parent / "migrations"
IMMEDIATE = "cw_immediate"  # execution option: this SQLite transaction writes, so take the write lock first
# FTS5's virtual table and its shadow tables: made by raw SQL in a migration, invisible to the models.
FTS_TABLES = frozenset({"item_fts", "item_fts_data", "item_fts_idx", "item_fts_docsize", "item_fts_config",
                        "item_fts_content"})


def sqlite_file(url: str) -> Path | None:
    """The file a SQLite URL names (None for PostgreSQL, an in-memory database or a URI filename)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:" \
            or parsed.database.startswith("file:"):
        return None
    return Path(parsed.database).expanduser()


def read_only_file(path: Path) -> bool:
    """Whether an existing SQLite file cannot be written: its mode has no write bit, or its folder cannot take
    the journal. Mode bits count as well as access(): as root, access() allows writing a 0444 file, and SQLite
    would write through the mark its owner set."""
    return not _writable(path) or not _writable(path.parent)


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and bool(path.stat().st_mode & 0o222)


def make_engine(url: str, *, read_only: bool = False) -> Engine:
    """An engine for `url` with the dialect settings a concurrent archive needs.

    `read_only`: every connection refuses to write (SQLite opens the file with mode=ro, so a missing file is an
    error rather than a new empty archive; PostgreSQL sessions default to read-only transactions)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        engine = create_engine(parsed, pool_pre_ping=True)
        if read_only:
            @event.listens_for(engine, "connect")
            def _read_only(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
                with dbapi_conn.cursor() as cur:
                    cur.execute("SET default_transaction_read_only = on")
                dbapi_conn.commit()
        return engine
    if read_only:
        if not parsed.database or parsed.database == ":memory:":
            raise ValueError("a read-only archive must be a file")
        path = Path(parsed.database).expanduser().resolve()
        if not path.is_file():
            raise ValueError(f"no archive file at {path}")
        # sqlite3's URI form: the file is opened O_RDONLY whoever runs this (root too); immutable=1 when the
        # folder cannot hold the WAL index (-shm) a read-only reader of a WAL archive otherwise has to create
        shm = path.with_name(path.name + "-shm")
        immutable = "&immutable=1" if not shm.exists() and not _writable(path.parent) else ""
        parsed = parsed.set(database=f"file:{quote(str(path))}?mode=ro{immutable}", query={"uri": "true"})
    elif parsed.database and parsed.database != ":memory:":
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(parsed, connect_args={"timeout": 30, "check_same_thread": False})
    _sqlite_pragmas(engine, read_only=read_only)
    return engine


def _sqlite_pragmas(engine: Engine, *, read_only: bool = False) -> None:
    # pysqlite opens transactions lazily and never with IMMEDIATE; take over BEGIN so writers lock up front
    # instead of failing with "database is locked" on upgrade (SQLAlchemy docs, "Serializable isolation").
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        if not read_only:  # a read-only connection cannot change the journal mode (archives are WAL already)
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(IMMEDIATE) else "BEGIN")


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration (creates it on an empty database)."""
    if is_current(engine):
        return
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def is_current(engine: Engine) -> bool:
    """Whether the schema is at the newest migration: `upgrade` then skips Alembic's start-up cost (every command
    opens the archive), and a read-only archive (serve) refuses to open otherwise."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    if not inspect(engine).has_table("alembic_version"):
        return False
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision() == head
