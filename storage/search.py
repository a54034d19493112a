"""Full-text search over first copies: FTS5 on SQLite, a tsvector with a GIN index on PostgreSQL.

Ranking (bm25 on SQLite, ts_rank_cd on PostgreSQL) must read every story it ranks. A word found in most
stories ("Mosul" in a Mosul watch) would rank the whole archive on every search: 120-400 ms at 100,000
stories. So each search ranks the newest RANK_WINDOW matching stories (after the since/source filters) and
returns them best first: exact whenever fewer stories match, and newest-first as the tie-break between
relevance and recency otherwise. Snippets are made only for the page returned. (`bench/search.py`.)
"""
from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import bindparam, text
from sqlmodel import col, select
from sqlmodel.sql.sqltypes import UTCDateTime

from .base import ArchiveBase
from .queries import items_with_copies
from .tables import Item

_TOKEN = re.compile(r"\w+", re.UNICODE)
RANK_WINDOW = 1000  # matching stories ranked per search, newest first; see the module docstring

_SQLITE = (
    "SELECT top.id, snippet(item_fts, 1, '[', ']', '…', 16), top.r FROM ("
    " SELECT id, r FROM ("
    "  SELECT item_fts.rowid AS id, bm25(item_fts, 4.0, 1.0) AS r"
    "  FROM item_fts CROSS JOIN item ON item.id = item_fts.rowid"  # CROSS JOIN: the full-text index leads
    "  WHERE item_fts MATCH :q AND item.duplicate_of IS NULL{filters}"
    "  ORDER BY item_fts.rowid DESC LIMIT :window)"
    " ORDER BY r, id DESC LIMIT :limit OFFSET :offset) AS top "
    "CROSS JOIN item_fts ON item_fts.rowid = top.id WHERE item_fts MATCH :q "
    "ORDER BY top.r, top.id DESC"
)
_POSTGRES = (
    "SELECT hit.id, ts_headline('english', left(item.text, 20000), websearch_to_tsquery('english', :q), "
    "'StartSel=[,StopSel=],MaxWords=30,MinWords=12'), hit.r FROM ("
    " SELECT c.id, -ts_rank_cd(c.search, websearch_to_tsquery('english', :q)) AS r FROM ("
    "  SELECT item.id, item.search FROM item"
    "  WHERE item.search @@ websearch_to_tsquery('english', :q) AND item.duplicate_of IS NULL{filters}"
    "  ORDER BY item.id DESC LIMIT :window) c"
    " ORDER BY r, c.id DESC LIMIT :limit OFFSET :offset) hit "
    "JOIN item ON item.id = hit.id ORDER BY hit.r, hit.id DESC"
)


def fts5_query(q: str) -> str | None:
    """The user's words as an FTS5 query that cannot be a syntax error: every word required, quoted."""
    words = _TOKEN.findall(q)
    return " ".join(f'"{w}"' for w in words) if words else None


class SearchMixin(ArchiveBase):
    def search(self, q: str, *, since: datetime | None = None, source: str | None = None, limit: int = 20,
               offset: int = 0) -> list[dict]:
        """Items matching every word of `q`, best first, each story once, with a snippet."""
        if self.dialect == "sqlite":
            match = fts5_query(q)
            hits = self._run(_SQLITE, match, since, source, limit, offset) if match else []
        else:
            hits = self._run(_POSTGRES, q, since, source, limit, offset) if _TOKEN.search(q) else []
        if not hits:
            return []
        with self.reading() as s:
            rows = {r.id: r for r in s.exec(select(Item).where(col(Item.id).in_([h[0] for h in hits])))}
            dicts = {d["id"]: d for d in items_with_copies(s, list(rows.values()))}
        return [{**dicts[i], "snippet": snippet, "rank": rank} for i, snippet, rank in hits if i in dicts]

    def _run(self, template: str, q: str, since, source, limit: int, offset: int) -> list[tuple[int, str, float]]:  # type: ignore[no-untyped-def]
        params: dict[str, object] = {"q": q, "limit": limit, "offset": offset, "window": RANK_WINDOW}
        filters = ""
        if since is not None:
            filters += " AND (item.published >= :since OR (item.published IS NULL AND item.fetched >= :since))"
            params["since"] = since
        if source:
            filters += " AND item.source = :source"
            params["source"] = source
        stmt = text(template.format(filters=filters))
        if since is not None:
            stmt = stmt.bindparams(bindparam("since", type_=UTCDateTime()))
        with self.reading() as s:
            return [(int(a), b or "", float(c)) for a, b, c in s.connection().execute(stmt, params)]
