"""Full-text search over first copies: FTS5 on SQLite, a tsvector with a GIN index on PostgreSQL."""
from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import bindparam, text
from sqlmodel.sql.sqltypes import UTCDateTime
from sqlmodel import col, select

from .base import ArchiveBase
from .queries import items_with_copies
from .tables import Item

_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts5_query(q: str) -> str | None:
    """The user's words as an FTS5 query that cannot be a syntax error: every word required, quoted."""
    words = _TOKEN.findall(q)
    return " ".join(f'"{w}"' for w in words) if words else None


class SearchMixin(ArchiveBase):
    def search(self, q: str, *, since: datetime | None = None, source: str | None = None, limit: int = 20,
               offset: int = 0) -> list[dict]:
        """Items matching every word of `q`, best first, each story once, with a snippet."""
        if self.dialect == "sqlite":
            hits = self._search_sqlite(q, since, source, limit, offset)
        else:
            hits = self._search_postgres(q, since, source, limit, offset)
        if not hits:
            return []
        with self.reading() as s:
            rows = {r.id: r for r in s.exec(select(Item).where(col(Item.id).in_([h[0] for h in hits])))}
            dicts = {d["id"]: d for d in items_with_copies(s, list(rows.values()))}
        return [{**dicts[i], "snippet": snippet, "rank": rank} for i, snippet, rank in hits if i in dicts]

    def _search_sqlite(self, q: str, since, source, limit: int, offset: int) -> list[tuple[int, str, float]]:  # type: ignore[no-untyped-def]
        match = fts5_query(q)
        if match is None:
            return []
        sql = ("SELECT item.id, snippet(item_fts, 1, '[', ']', '…', 16), bm25(item_fts, 4.0, 1.0) AS r "
               "FROM item_fts JOIN item ON item.id = item_fts.rowid "
               "WHERE item_fts MATCH :q AND item.duplicate_of IS NULL")
        return self._run(sql, match, since, source, limit, offset, "r")

    def _search_postgres(self, q: str, since, source, limit: int, offset: int) -> list[tuple[int, str, float]]:  # type: ignore[no-untyped-def]
        if not _TOKEN.search(q):
            return []
        sql = ("SELECT hit.id, ts_headline('english', left(hit.text, 20000), websearch_to_tsquery('english', :q), "
               "'StartSel=[,StopSel=],MaxWords=30,MinWords=12'), hit.r FROM ("
               "SELECT item.id, item.text, -ts_rank_cd(item.search, websearch_to_tsquery('english', :q)) AS r "
               "FROM item WHERE item.search @@ websearch_to_tsquery('english', :q) AND item.duplicate_of IS NULL")
        return self._run(sql, q, since, source, limit, offset, "r", close=") hit ORDER BY hit.r, hit.id DESC")

    def _run(self, sql: str, q: str, since, source, limit: int, offset: int, order: str,  # type: ignore[no-untyped-def]
             close: str = "") -> list[tuple[int, str, float]]:
        params: dict[str, object] = {"q": q, "limit": limit, "offset": offset}
        if since is not None:
            sql += " AND (item.published >= :since OR (item.published IS NULL AND item.fetched >= :since))"
            params["since"] = since
        if source:
            sql += " AND item.source = :source"
            params["source"] = source
        sql += f" ORDER BY {order}, item.id DESC LIMIT :limit OFFSET :offset" + close
        stmt = text(sql)
        if since is not None:
            stmt = stmt.bindparams(bindparam("since", type_=UTCDateTime()))
        with self.reading() as s:
            return [(int(a), b or "", float(c)) for a, b, c in s.connection().execute(stmt, params)]
