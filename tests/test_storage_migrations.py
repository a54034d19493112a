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
                and not (type_ == "index" and name in ("ix_item_search", "ix_item_listing", "ix_item_first_copy"))})
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


def test_an_archive_of_0003_upgrades_and_is_resolved_again_without_alerts(db_url: str) -> None:
    """Two rows the exact-key rules of old kept apart ("9,000 to 11,000" and "more than 9,000") are one
    estimate after the upgrade; its date is the first story's publication; no alert is added."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    from storage.db import MIGRATIONS, make_engine

    engine = make_engine(db_url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
    rows = [
        "INSERT INTO item (id, url, source, published, fetched, text, content_hash, version) VALUES "
        "(1, 'https://a.example/1', 'a', '2017-12-20 10:00:00', '2026-11-01 10:00:00', 'x', 'h1', 1), "
        "(2, 'https://b.example/2', 'b', '2018-01-05 10:00:00', '2026-11-01 11:00:00', 'y', 'h2', 1)",
        "INSERT INTO estimate (id, key, low, high, qualifier, outcome, victims, place, quote, first_seen, "
        "first_item_id, claimant) VALUES "
        "(1, 'mosul|killed|civilian|9000|11000', 9000, 11000, 'range', 'killed', 'civilians', 'Mosul', 'q1', "
        "'2026-11-01 10:00:00', 1, 'Associated Press'), "
        "(2, 'mosul|killed|unknown|9000|', 9000, NULL, 'more_than', 'killed', 'people', 'Mosul', 'q2', "
        "'2026-11-01 11:00:00', 2, NULL)",
        "INSERT INTO mention (estimate_id, item_id, quote, qualifier, claimant, seen) VALUES "
        "(1, 1, 'q1', 'range', 'Associated Press', '2026-11-01 10:00:00'), "
        "(2, 2, 'q2', 'more_than', NULL, '2026-11-01 11:00:00')",
        "INSERT INTO alert (message_id, channel, event, subject, estimate_id, created, state, attempts, "
        "next_attempt) VALUES ('m1', 'console', 'estimate.new', 'estimate:1', 1, '2026-11-01 10:00:00', 'sent', 1, "
        "'2026-11-01 10:00:00'), ('m2', 'console', 'estimate.new', 'estimate:2', 2, '2026-11-01 11:00:00', 'sent', "
        "1, '2026-11-01 11:00:00')",
    ]
    with engine.begin() as conn:
        for sql in rows:
            conn.execute(text(sql))
    engine.dispose()
    archive = Archive(db_url)
    try:
        (est,) = archive.estimates()
        assert (est["id"], est["low"], est["high"], est["mentions"]) == (1, 9000, 11000, 2)
        assert est["first_stated"].startswith("2017-12-20") and est["first_stated_from"] == "published"
        assert est["claimants"] == ["Associated Press"] and est["kind"] == "toll"
        assert archive.estimate(2)["merged_into"] == 1
        assert len(archive.alerts()) == 2
    finally:
        archive.close()
