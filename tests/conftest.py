"""Shared fixtures: real archives on SQLite (a file in tmp_path) and on the real PostgreSQL server.

PostgreSQL: `CASUALTY_WATCH_TEST_PG` (default postgresql+psycopg://postgres@127.0.0.1:5432/test). Each test gets
its own schema, dropped afterwards, so runs never see each other. Unreachable server: skip, except under CI=true.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, text

PG_URL = os.environ.get("CASUALTY_WATCH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL is required under CI=true: {reason}")
    pytest.skip(f"PostgreSQL unreachable: {reason}")


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A URL whose connections live in a fresh schema of the test database."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    try:
        admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # noqa: BLE001  (any failure to reach the server means "unavailable")
        _pg_unavailable(str(exc).splitlines()[0])
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options={quote(f'-csearch_path={schema}')}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path) -> str:  # type: ignore[no-untyped-def]
    return f"sqlite:///{tmp_path / 'archive.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request) -> str:  # type: ignore[no-untyped-def]
    """Each test using it runs once on SQLite and once on PostgreSQL."""
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")


@pytest.fixture
def archive(db_url: str):  # type: ignore[no-untyped-def]
    from storage import Archive

    arch = Archive(db_url)
    yield arch
    arch.close()


# Sources in tests poll local servers every second or two; the config's floor (a minute) is for real sites.
# tests/test_cli_errors.py proves the floor holds when this variable is absent.
os.environ.setdefault("CASUALTY_WATCH_MIN_INTERVAL", "1s")
