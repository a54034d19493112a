"""Marking many URLs seen in one transaction: a crawl pass reads hundreds of irrelevant pages, and one write
transaction each would cost more than reading them."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .base import ArchiveBase, utcnow
from .dialect import insert_for
from .tables import SeenUrl
from .urls import canonical_url


@dataclass(frozen=True, slots=True)
class SeenMark:
    url: str
    source: str | None = None
    updated: str | None = None  # the feed/sitemap's updated date for this URL, if it gave one
    relevant: bool = False


class SeenBatchMixin(ArchiveBase):
    def mark_seen_many(self, marks: Iterable[SeenMark]) -> int:
        """Upsert every mark (the last mark of a URL wins); returns how many URLs were written."""
        now = utcnow()
        rows: dict[str, dict] = {}
        for m in marks:
            url = canonical_url(m.url)
            rows[url] = dict(url=url, source=m.source, first_seen=now, last_fetched=now, updated=m.updated,
                             relevant=m.relevant)
        if not rows:
            return 0
        stmt = insert_for(self.dialect, SeenUrl)
        stmt = stmt.on_conflict_do_update(index_elements=["url"], set_=dict(
            last_fetched=stmt.excluded.last_fetched, updated=stmt.excluded.updated, relevant=stmt.excluded.relevant))
        with self.writing() as s:
            s.connection().execute(stmt, list(rows.values()))
        return len(rows)
