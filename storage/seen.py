"""Seen URLs: every page fetched, relevant or not, so the next pass skips it unless its feed says it changed."""
from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import col, select

from .base import ArchiveBase, utcnow
from .dialect import insert_for
from .records import SeenInfo
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
        now = utcnow()
        values = dict(url=canonical_url(url), source=source, first_seen=now, last_fetched=now, updated=updated,
                      relevant=relevant)
        with self.writing() as s:
            stmt = insert_for(self.dialect, SeenUrl).values(**values)
            stmt = stmt.on_conflict_do_update(index_elements=["url"], set_=dict(
                last_fetched=now, updated=updated, relevant=relevant))
            s.exec(stmt)  # type: ignore[call-overload]
