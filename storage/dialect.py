"""The one place that knows SQLite and PostgreSQL spell upserts differently."""
from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite


def insert_for(dialect: str, table: Any) -> Any:
    """An INSERT that supports on_conflict_do_nothing/do_update on this dialect."""
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)
