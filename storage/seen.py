"""Seen URLs: every page fetched, relevant or not, so the next pass skips it unless its feed says it changed.

A pass marks URLs in batches (`mark_seen_many`): it reads hundreds of irrelevant pages, and one write
transaction each would cost more than reading them.
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import col, select

from .base import ArchiveBase, utcnow
from .dialect import insert_for
from .records import SeenInfo, SeenMark
from .tables import SeenUrl
from .urls import canonical_url


class SeenMixin(ArchiveBase):
    def seen(self, urls: Iterable[str]) -> dict[str, SeenInfo]:
        """Which of `urls` were fetched before, keyed by the URL as given."""
        by_key = {canonical_url(u): u for u in urls}
        found: dict[str, SeenInfo] = {}
        keys = list(by_key)
        with self.reading() as s:
            for i in range(0, len(keys), 500):
                for row in s.exec(select(SeenUrl).where(col(SeenUrl.url).in_(keys[i:i + 500]))):
                    found[by_key[row.url]] = SeenInfo(url=row.url, updated=row.updated, relevant=row.relevant)
        return found

    def mark_seen(self, url: str, *, source: str | None, updated: str | None = None, relevant: bool = False) -> None:
        self.mark_seen_many([SeenMark(url=url, source=source, updated=updated, relevant=relevant)])

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
