"""The read-only JSON API. Item and estimate shapes are the archive's own dicts, as `--json` prints them.

The routes are `async def` and read the archive on the worker's event loop, one request at a time in the
order they came, on purpose: as `def` routes they ran on threads while the read cache answered its hits on the
loop, so hits went first and every miss queued for the GIL behind them. bench/load.py, 100,000 stories, two
workers, 20 clients: p50 0.6 ms but p95 50-52 ms on threads; p50 5.3 ms and p95 16 ms on the loop, at the same
3,200 requests/s. A read is a few milliseconds of SQLite (PostgreSQL: of waiting for the server), and the
workers are processes, so the cores stay busy. Routes that may wait long stay on threads: corrections (a
write waits for SQLite's lock), sign-in (Argon2), the feeds.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from alerts.rules import redact_url
from storage import Archive, EstimateFilter
from storage.queries import item_key

from .answer import Answer
from .filters import estimate_filter
from .params import MAX_ID, MAX_QUERY, Cursor, clean_text, decode_cursor, encode_cursor, parse_since, query_tag

ItemId = Annotated[int, Path(ge=1, le=MAX_ID, description="an item id")]
EstimateId = Annotated[int, Path(ge=1, le=MAX_ID, description="an estimate id")]

router = APIRouter(prefix="/api", default_response_class=Answer)


async def archive_of(request: Request) -> Archive:
    return request.app.state.archive


ArchiveDep = Annotated[Archive, Depends(archive_of)]


@router.get("/items", summary="Stories, newest first by publication date; full-text and best first when q is given")
async def items(archive: ArchiveDep,
                q: Annotated[str | None, Query(max_length=MAX_QUERY, description="words that must all appear")] = None,
                since: Annotated[str | None, Query(description="only stories published since this date")] = None,
                source: Annotated[str | None, Query(max_length=200, description="only this source")] = None,
                limit: Annotated[int, Query(ge=1, le=500)] = 50,
                cursor: Annotated[str | None, Query(max_length=200, description="`next` of the previous page")] = None,
                ) -> Answer:
    q, source = clean_text("q", q), clean_text("source", source)
    when = parse_since(since)
    if q is None:
        page = decode_cursor(cursor, search=False, tag="")
        rows = archive.items(since=when, source=source, limit=limit + 1, before=page.before,
                             before_date=page.before_date)
        more = len(rows) > limit
        rows = rows[:limit]
        last_date, last_id = item_key(rows[-1]) if more else (None, None)
        nxt = encode_cursor(Cursor(before=last_id, before_date=last_date), "") if more else None
        return Answer({"items": rows, "next": nxt})
    tag = query_tag(q, when, source)
    page = decode_cursor(cursor, search=True, tag=tag)
    rows = archive.search(q, since=when, source=source, limit=limit + 1, offset=page.offset)
    more = len(rows) > limit
    nxt = encode_cursor(Cursor(offset=page.offset + limit), tag) if more else None
    return Answer({"items": rows[:limit], "next": nxt})


@router.get("/items/{item_id}", summary="One story with its text, earlier versions and the estimates it states")
async def item(archive: ArchiveDep, item_id: ItemId) -> Answer:
    found = archive.item(item_id)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no item {item_id}")
    return Answer(found)


@router.get("/estimates", summary="Distinct estimates, latest first stated first, with how many stories carry each")
async def estimates(archive: ArchiveDep, where: Annotated[EstimateFilter, Depends(estimate_filter)],
                    limit: Annotated[int, Query(ge=1, le=10000)] = 1000) -> Answer:
    return Answer({"estimates": archive.estimates(where=where, limit=limit)})


@router.get("/estimates/{estimate_id}", summary="One estimate with every story that states it")
async def estimate(archive: ArchiveDep, estimate_id: EstimateId) -> Answer:
    found = archive.estimate(estimate_id)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no estimate {estimate_id}")
    return Answer(found)


@router.get("/sources", summary="The sources and their health")
async def sources(archive: ArchiveDep) -> Answer:
    # A feed URL can carry an API key in its query string; the API may be reachable beyond this machine.
    return Answer({"sources": [{**s.to_dict(), "url": redact_url(s.url)} for s in archive.sources()]})
