"""The read-only JSON API. Item and estimate shapes are the archive's own dicts, as `--json` prints them."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from alerts.rules import redact_url
from storage import Archive, EstimateFilter
from storage.queries import item_key

from .filters import estimate_filter
from .params import MAX_ID, MAX_QUERY, Cursor, clean_text, decode_cursor, encode_cursor, parse_since, query_tag

ItemId = Annotated[int, Path(ge=1, le=MAX_ID, description="an item id")]
EstimateId = Annotated[int, Path(ge=1, le=MAX_ID, description="an estimate id")]

router = APIRouter(prefix="/api")


def archive_of(request: Request) -> Archive:
    return request.app.state.archive


ArchiveDep = Annotated[Archive, Depends(archive_of)]


@router.get("/items", summary="Stories, newest first by publication date; full-text and best first when q is given")
def items(archive: ArchiveDep,
          q: Annotated[str | None, Query(max_length=MAX_QUERY, description="words that must all appear")] = None,
          since: Annotated[str | None, Query(description="only stories published since this date")] = None,
          source: Annotated[str | None, Query(max_length=200, description="only this source")] = None,
          limit: Annotated[int, Query(ge=1, le=500)] = 50,
          cursor: Annotated[str | None, Query(max_length=200, description="`next` of the previous page")] = None,
          ) -> dict:
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
        return {"items": rows, "next": nxt}
    tag = query_tag(q, when, source)
    page = decode_cursor(cursor, search=True, tag=tag)
    rows = archive.search(q, since=when, source=source, limit=limit + 1, offset=page.offset)
    more = len(rows) > limit
    nxt = encode_cursor(Cursor(offset=page.offset + limit), tag) if more else None
    return {"items": rows[:limit], "next": nxt}


@router.get("/items/{item_id}", summary="One story with its text, earlier versions and the estimates it states")
def item(archive: ArchiveDep, item_id: ItemId) -> dict:
    found = archive.item(item_id)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no item {item_id}")
    return found


@router.get("/estimates", summary="Distinct estimates, latest first stated first, with how many stories carry each")
def estimates(archive: ArchiveDep, where: Annotated[EstimateFilter, Depends(estimate_filter)],
              limit: Annotated[int, Query(ge=1, le=10000)] = 1000) -> dict:
    return {"estimates": archive.estimates(where=where, limit=limit)}


@router.get("/estimates/{estimate_id}", summary="One estimate with every story that states it")
def estimate(archive: ArchiveDep, estimate_id: EstimateId) -> dict:
    found = archive.estimate(estimate_id)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no estimate {estimate_id}")
    return found


@router.get("/sources", summary="The sources and their health")
def sources(archive: ArchiveDep) -> dict:
    # A feed URL can carry an API key in its query string; the API may be reachable beyond this machine.
    return {"sources": [{**s.to_dict(), "url": redact_url(s.url)} for s in archive.sources()]}
