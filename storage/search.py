"""Full-text search over first copies: FTS5 on SQLite, a tsvector with a GIN index on PostgreSQL.

Ranking (bm25 on SQLite, ts_rank_cd on PostgreSQL) must read every story it ranks. A word found in most
stories ("Mosul" in a Mosul watch) would rank the whole archive on every search: 120-400 ms at 100,000
stories. So each search ranks the newest RANK_WINDOW matching stories (after the since/source filters) and
returns them best first: exact whenever fewer stories match, and newest-first as the tie-break between
relevance and recency otherwise. Snippets are made only for the page returned. (`bench/search.py`.)

SQLite's bm25 also reads, for each word, every story in the archive that has it (its IDF). For a word in
more than RANK_SHARE of the stories that read costs more than the search (33 ms for "Mosul" at 1,000,000
stories) and weighs little: bm25 gives a word in half the stories an IDF of about 0, and clamps it to 1e-6
above that. So such words must match but do not rank: the others rank the window alone, and when every word
is that common the window is returned newest first with rank 0. A word's share is counted among the newest
PROBE stories (a bounded read of its index).

PostgreSQL applies the same rule with each word's share from the planner's statistics (ANALYZE, which
autovacuum runs); it ranks the newest PG_RANK_WINDOW matches, and makes headlines from 500 characters
around the rarest word (ts_headline parses all it is given).
"""
from __future__ import annotations

import re
import sqlite3
import time
from datetime import datetime

from sqlalchemy import bindparam, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import col, select
from sqlmodel.sql.sqltypes import UTCDateTime

from .base import ArchiveBase
from .queries import items_with_copies
from .shapes import item_columns
from .tables import Item

_TOKEN = re.compile(r"\w+", re.UNICODE)
RANK_WINDOW = 1000  # matching stories ranked per search, newest first; see the module docstring
PG_RANK_WINDOW = 400  # on PostgreSQL at most these: reading a story's tsvector to rank it costs ~15 µs there

# The newest matching first copies: the full-text index leads (CROSS JOIN), rowid order needs no sort; each
# match is probed in the first copies' ids (migration 0009), not in the table's pages of text.
_SQLITE_WINDOW = (
    "SELECT item_fts.rowid FROM item_fts CROSS JOIN item INDEXED BY ix_item_first_copy ON item.id = item_fts.rowid"
    " WHERE item_fts MATCH :q AND item.duplicate_of IS NULL{filters}"
    " ORDER BY item_fts.rowid DESC LIMIT :window"
)
_SQLITE_RANK = ("SELECT rowid, bm25(item_fts, 4.0, 1.0) FROM item_fts"
                " WHERE item_fts MATCH :q AND rowid BETWEEN :low AND :high")
_SQLITE_SHARE = "SELECT count(*) FROM item_fts WHERE item_fts MATCH :q AND rowid > :after"
# Snippets for one page in one pass over the page's rowid range: `rowid = ?` per story would seek the
# doclist of every word again (0.4 ms a story for "Mosul" at 1,000,000); `+` keeps the IN list a filter.
_SQLITE_SNIPPETS = ("SELECT rowid, snippet(item_fts, 1, '[', ']', '…', 16) FROM item_fts"
                    " WHERE item_fts MATCH :q AND rowid BETWEEN :low AND :high AND +rowid IN ({ids})")
RANK_SHARE = 0.25  # a word in more of the stories matches but does not rank (see the module docstring)
PROBE = 2000  # newest stories a word's share is counted among
_PG_QUERY = "websearch_to_tsquery('english', :q)"
# The window, on bitmap scans of the GIN index (and the primary key above :floor): the planner, not counting
# the cost of reading each story's tsvector, would walk the primary key backwards testing every story,
# 8,000 of them for a word in 12% (45 ms at 100,000).
_PG_WINDOW = (
    "SELECT c.id, -ts_rank_cd(c.search, websearch_to_tsquery('english', :ranked)) AS r FROM ("
    " SELECT item.id, item.search FROM item"
    " WHERE item.search @@ " + _PG_QUERY + " AND item.duplicate_of IS NULL AND item.id > :floor{filters}"
    " ORDER BY item.id DESC LIMIT :window) c"
)
# Every word in most stories: newest first, read backwards along the primary key (a few stories per hit).
_PG_NEWEST = (
    "SELECT item.id, 0.0 FROM item WHERE item.search @@ " + _PG_QUERY + " AND item.duplicate_of IS NULL{filters}"
    " ORDER BY item.id DESC LIMIT :limit OFFSET :offset"
)
# ts_headline parses all the text it is given (0.8 ms a story): give it 500 characters around the first
# place the rarest word's stem appears (the story's start when it does not appear as such)
_PG_HEADLINES = (
    "SELECT id, ts_headline('english', substr(text, greatest(1, strpos(lower(text), :stem) - 200), 500), "
    + _PG_QUERY + ", 'StartSel=[,StopSel=],MaxWords=30,MinWords=12') FROM item WHERE id = ANY(:ids)"
)
# Each lexeme's share of the stories, from the planner's statistics (ANALYZE; autovacuum keeps them):
# most_common_elem_freqs holds the listed lexemes' frequencies, then the least and the greatest.
_PG_STATS = (
    "SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs FROM pg_stats s "
    "JOIN pg_class c ON c.oid = 'item'::regclass JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE s.schemaname = n.nspname AND s.tablename = 'item' AND s.attname = 'search'"
)
STATS_EVERY = 300.0  # seconds a process keeps the lexeme statistics


def fts5_query(q: str) -> str | None:
    """The user's words as an FTS5 query that cannot be a syntax error: every word required, quoted."""
    words = _TOKEN.findall(q)
    return " ".join(f'"{w}"' for w in words) if words else None


def _rankable(cur, words: list[str]) -> list[str]:  # type: ignore[no-untyped-def]
    """The words found in at most RANK_SHARE of the newest PROBE stories (all of them in a small archive)."""
    newest = cur.execute("SELECT max(id) FROM item").fetchone()[0] or 0
    if newest <= PROBE:
        return words
    after = newest - PROBE
    return [w for w in words
            if cur.execute(_SQLITE_SHARE, {"q": f'"{w}"', "after": after}).fetchone()[0] <= RANK_SHARE * PROBE]


def _filters(since: datetime | None, source: str | None, params: dict[str, object]) -> str:
    filters = ""
    if since is not None:
        filters += " AND (item.published >= :since OR (item.published IS NULL AND item.fetched >= :since))"
        params["since"] = since
    if source:
        filters += " AND item.source = :source"
        params["source"] = source
    return filters


class SearchMixin(ArchiveBase):
    def search(self, q: str, *, since: datetime | None = None, source: str | None = None, limit: int = 20,
               offset: int = 0) -> list[dict]:
        """Items matching every word of `q`, best first, each story once, with a snippet."""
        if self.dialect == "sqlite":
            hits = self._sqlite(q, since, source, limit, offset)
        else:
            hits = self._postgres(q, since, source, limit, offset) if _TOKEN.search(q) else []
        if not hits:
            return []
        # Core on a bare connection, not an ORM session: the page's rows are plain tuples (an ORM session and
        # its compile step were a tenth of a search's CPU under bench/load.py)
        with self.engine.connect() as conn:
            rows = conn.execute(select(*item_columns()).where(col(Item.id).in_([h[0] for h in hits]))).all()
            dicts = {d["id"]: d for d in items_with_copies(conn, rows)}
        return [{**dicts[i], "snippet": snippet, "rank": rank} for i, snippet, rank in hits if i in dicts]

    def _sqlite(self, q: str, since: datetime | None, source: str | None, limit: int,
                offset: int) -> list[tuple[int, str, float]]:
        """The window (newest matching), ranked by the words that are not in most stories, then snippets.
        On the driver's own cursor: a window is 1,000 rows, and SQLAlchemy's rows cost 7 µs each."""
        words = list(dict.fromkeys(_TOKEN.findall(q)))
        if not words:
            return []
        match = " ".join(f'"{w}"' for w in words)
        params: dict[str, object] = {"q": match, "window": RANK_WINDOW}
        sql = _SQLITE_WINDOW.format(filters=_filters(since, source, params))
        with self.engine.connect() as conn:
            if since is not None:
                params["since"] = UTCDateTime().bind_processor(conn.dialect)(since)  # type: ignore[misc]
            cur = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            try:  # the driver's errors as SQLAlchemy's, as every other query raises them (a 503, not a 500)
                window = [r[0] for r in cur.execute(sql, params).fetchall()]
                if not window:
                    return []
                ranked = _rankable(cur, words)
                if ranked:
                    scores = dict(cur.execute(_SQLITE_RANK, {"q": " ".join(f'"{w}"' for w in ranked),
                                                             "low": window[-1], "high": window[0]}).fetchall())
                    order = sorted(window, key=lambda i: (scores.get(i, 0.0), -i))
                else:  # every word is in most stories: newest first
                    scores, order = {}, window
                page = order[offset:offset + limit]
                if not page:
                    return []
                snippets = dict(cur.execute(_SQLITE_SNIPPETS.format(ids=",".join(map(str, page))),
                                            {"q": match, "low": min(page), "high": max(page)}).fetchall())
            except sqlite3.Error as exc:
                raise DBAPIError.instance(sql, params, exc, sqlite3.Error) from exc
            finally:
                cur.close()
        return [(i, snippets.get(i) or "", float(scores.get(i, 0.0))) for i in page]

    def _postgres(self, q: str, since: datetime | None, source: str | None, limit: int,
                  offset: int) -> list[tuple[int, str, float]]:
        """As on SQLite: words in more than RANK_SHARE of the stories match but do not rank; the window is
        read on bitmap scans, above an id floor guessed from the words' shares (and again without it when
        the guess left fewer than RANK_WINDOW)."""
        words = list(dict.fromkeys(_TOKEN.findall(q)))
        params: dict[str, object] = {"q": q, "limit": limit, "offset": offset, "window": RANK_WINDOW}
        filters = _filters(since, source, params)
        with self.engine.connect() as conn:
            stems, shares = self._pg_shares(conn, words)
            ranked = [w for w in words if shares.get(w, 0.0) <= RANK_SHARE]
            if not ranked:
                hits = [(int(i), float(r)) for i, r in conn.execute(self._pg_text(_PG_NEWEST, filters, since), params)]
            else:
                params["ranked"] = " ".join(ranked)
                share = 1.0
                for w in words:
                    share *= max(shares.get(w, 1.0), 1e-9)  # words taken as independent; unknown: no floor
                window_size = min(RANK_WINDOW, PG_RANK_WINDOW)
                params["window"] = window_size
                newest = conn.execute(text("SELECT max(id) FROM item")).scalar() or 0
                # a floor only when far more stories match than the window takes
                floor = int(newest - 1.3 * window_size / share) if share * newest > 3 * window_size else 0
                # for this transaction only (the connection goes back to the pool rolled back)
                conn.execute(text("SET LOCAL enable_indexscan = off"))
                conn.execute(text("SET LOCAL enable_seqscan = off"))
                window_sql = self._pg_text(_PG_WINDOW, filters, since)
                window = list(conn.execute(window_sql, {**params, "floor": floor}))
                if len(window) < window_size and floor > 0:
                    window = list(conn.execute(window_sql, {**params, "floor": 0}))
                order = sorted(((int(i), float(r)) for i, r in window), key=lambda h: (h[1], -h[0]))
                hits = order[offset:offset + limit]
            if not hits:
                return []
            rarest = min((w for w in words if stems.get(w)), key=lambda w: shares.get(w, 0.0), default=None)
            stem = stems[rarest][0] if rarest else ""
            lines = dict(conn.execute(text(_PG_HEADLINES), {"q": q, "ids": [i for i, _ in hits],
                                                            "stem": stem}).all())
        return [(i, lines.get(i) or "", r) for i, r in hits]

    @staticmethod
    def _pg_text(template: str, filters: str, since: datetime | None):  # type: ignore[no-untyped-def]
        stmt = text(template.format(filters=filters))
        return stmt.bindparams(bindparam("since", type_=UTCDateTime())) if since is not None else stmt

    def _pg_shares(self, conn, words: list[str]) -> tuple[dict[str, list[str]], dict[str, float]]:  # type: ignore[no-untyped-def]
        """Each word's stems, and its share of the stories (its stem's, from the statistics; none while there
        are no statistics yet, so every word ranks). A stop word has no stem and ranks nothing: share 1."""
        now = time.monotonic()
        cached = getattr(self, "_pg_stats", None)
        if cached is None or now - cached[0] > STATS_EVERY:
            row = conn.execute(text(_PG_STATS)).first()
            freqs: dict[str, float] | None = None
            if row is not None and row[0]:
                elems, values = row
                freqs = dict(zip(elems, values))
                freqs[""] = values[len(elems)]  # below the least listed: at most this share
            cached = (now, freqs)
            self._pg_stats = cached
        freqs = cached[1]
        stems = {w: list(st) for w, st in conn.execute(text(
            "SELECT w, tsvector_to_array(to_tsvector('english', w)) FROM unnest(CAST(:words AS text[])) AS w"),
            {"words": words})}
        if not freqs:
            return stems, {}
        return stems, {w: max((freqs.get(st, freqs[""]) for st in stems[w]), default=1.0) for w in words}

