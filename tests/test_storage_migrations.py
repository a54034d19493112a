"""The Alembic migrations build exactly the schema the models describe, on both databases."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from storage import Archive
from storage.db import FTS_TABLES


def test_migrated_schema_matches_the_models(db_url: str) -> None:
    archive = Archive(db_url)
    with archive.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={
            "include_object": lambda obj, name, type_, reflected, compare_to:
                not (type_ == "table" and name in FTS_TABLES) and not (type_ == "column" and name == "search")
                and not (type_ == "index" and name == "ix_item_search")})
        diffs = compare_metadata(ctx, SQLModel.metadata)
    archive.close()
    assert diffs == [], "models changed without a migration: add one under storage/migrations/versions"


def test_full_text_structures_exist(db_url: str) -> None:
    archive = Archive(db_url)
    insp = inspect(archive.engine)
    if archive.dialect == "sqlite":
        assert "item_fts" in insp.get_table_names()
    else:
        assert "search" in {c["name"] for c in insp.get_columns("item")}
        assert "ix_item_search" in {i["name"] for i in insp.get_indexes("item")}
    archive.close()
