"""Bulk loading for benchmarks: many stories at once, skipping deduplication so a 100,000-item archive
fills in a minute. The rows land in the real tables, so triggers and generated columns index them exactly
as `store_item` would; never use this for crawled stories (it does not fold copies)."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import insert

from .base import ArchiveBase, utcnow
from .fingerprint import content_hash
from .records import ItemIn
from .tables import Item
from .urls import canonical_url


class BulkMixin(ArchiveBase):
    def bulk_load_items(self, items: Iterable[ItemIn], *, batch: int = 2000) -> int:
        """Insert stories as first copies in batches (one transaction each); returns how many."""
        now = utcnow()
        count, rows = 0, []
        for item in items:
            rows.append({"url": canonical_url(item.url), "title": item.title, "source": item.source,
                         "outlet": item.outlet, "author": item.author, "published": item.published,
                         "fetched": now, "language": item.language, "text": item.text,
                         "content_hash": content_hash(item.text), "version": 1})
            if len(rows) >= batch:
                count += self._insert_rows(rows)
                rows = []
        if rows:
            count += self._insert_rows(rows)
        return count

    def _insert_rows(self, rows: list[dict]) -> int:
        with self.writing() as s:
            s.connection().execute(insert(Item), rows)
        return len(rows)

    def refresh_statistics(self) -> None:
        """PostgreSQL: update the planner's statistics after a bulk load, as autovacuum would minutes later.

        Not on SQLite: nothing runs ANALYZE on a real archive, and its statistics count the NULLs of
        `duplicate_of` as one value shared by every row, steering the planner away from that index."""
        from sqlalchemy import text

        if self.dialect != "postgresql":
            return
        with self.engine.connect() as conn:
            conn.execute(text("ANALYZE"))
            conn.commit()
