"""Atom and JSON Feed of new estimates, with the page's filters, so anyone can follow the archive in their reader.

Atom is written by feedgen (it escapes every field and gets the namespaces and dates right). JSON Feed 1.1 is
a JSON document of the same entries; no well-kept Python writer for it exists, and the shape is four keys deep.
An entry's `updated` is when the estimate entered the archive (what a reader orders new entries by); its
`published` is when the claim was first stated.
"""
from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response

from alerts.describe import headline
from storage import Archive, EstimateFilter

from .filters import estimate_filter

FEED_SIZE = 50
# Characters XML 1.0 cannot hold at all: crawled text that carries them would make the feed unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

router = APIRouter(prefix="/feeds")


def _archive(request: Request) -> Archive:
    return request.app.state.archive


def _text(value: object) -> str:
    return _NOT_XML.sub("", str(value or ""))


def _when(value: str | None) -> datetime:
    parsed = datetime.fromisoformat(value) if value else datetime(1970, 1, 1, tzinfo=UTC)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _entries(archive: Archive, where: EstimateFilter, limit: int) -> list[dict]:
    rows = archive.estimates(where=where, order="seen", limit=limit + 50)
    return [e for e in rows if e["status"] != "rejected"][:limit]  # rejected: a person said it is no estimate


def _given(where: EstimateFilter | None) -> dict[str, object]:
    """The filters as a person typed them: dates as days."""
    return {k: (v.date().isoformat() if isinstance(v, datetime) else v)
            for k, v in (where.given() if where else {}).items()}


def _title(where: EstimateFilter) -> str:
    about = ", ".join(f"{k} {v}" for k, v in _given(where).items())
    return "casualty-watch: new estimates" + (f" ({about})" if about else "")


def _page_link(request: Request, estimate_id: int | None = None, where: EstimateFilter | None = None) -> str:
    params = _given(where)
    if estimate_id is not None:
        params["estimate"] = estimate_id
    base = str(request.base_url)
    return base + (f"?{urlencode(params)}" if params else "")


def _summary(e: dict) -> str:
    stated = (e.get("first_stated") or "")[:10]
    told = f"{e['mentions']} stor{'y' if e['mentions'] == 1 else 'ies'}"
    first = f" First story: {e['url']}" if e.get("url") else ""
    return f"“{e['quote']}” First stated {stated}; {told}.{first}"


Limit = Annotated[int, Query(ge=1, le=500, description="entries in the feed")]


@router.get("/estimates.atom", summary="New estimates as an Atom feed (takes the estimate filters)")
def atom(request: Request, where: Annotated[EstimateFilter, Depends(estimate_filter)], limit: Limit = FEED_SIZE,
         ) -> Response:
    from feedgen.feed import FeedGenerator

    archive = _archive(request)
    entries = _entries(archive, where, limit)
    fg = FeedGenerator()
    fg.id(_page_link(request, where=where))
    fg.title(_text(_title(where)))
    fg.link(href=str(request.url), rel="self")
    fg.link(href=_page_link(request, where=where), rel="alternate")
    fg.updated(max((_when(e["first_seen"]) for e in entries), default=datetime(1970, 1, 1, tzinfo=UTC)))
    for e in reversed(entries):  # feedgen puts the last added first
        fe = fg.add_entry()
        fe.id(_page_link(request, e["id"]))
        fe.title(_text(headline(e)))
        fe.link(href=_page_link(request, e["id"]), rel="alternate")
        # No rel="related" link to the first story: feedgen 1.0 drops an entry link's rel, which would make it a
        # second "alternate". The first story's address is in the summary, and in the JSON Feed's external_url.
        fe.published(_when(e["first_stated"]))
        fe.updated(_when(e["first_seen"]))
        fe.summary(_text(_summary(e)))
        for name in e.get("claimants") or []:
            fe.author(name=_text(name))
        if e.get("kind"):
            fe.category(term=e["kind"])
    return Response(fg.atom_str(pretty=True), media_type="application/atom+xml; charset=utf-8")


@router.get("/estimates.json", summary="New estimates as a JSON Feed 1.1 (takes the estimate filters)")
def json_feed(request: Request, where: Annotated[EstimateFilter, Depends(estimate_filter)],
              limit: Limit = FEED_SIZE) -> Response:
    entries = _entries(_archive(request), where, limit)
    items: list[dict[str, Any]] = []
    for e in entries:
        item: dict[str, Any] = {
            "id": _page_link(request, e["id"]), "url": _page_link(request, e["id"]), "title": headline(e),
            "content_text": _summary(e), "date_published": _when(e["first_stated"]).isoformat(),
            "date_modified": _when(e["first_seen"]).isoformat(), "tags": [e["kind"], e["outcome"]],
            "authors": [{"name": n} for n in e.get("claimants") or []], "_casualty_watch": e}
        if e.get("url"):
            item["external_url"] = e["url"]
        items.append(item)
    body = {"version": "https://jsonfeed.org/version/1.1", "title": _title(where),
            "home_page_url": _page_link(request, where=where), "feed_url": str(request.url), "items": items}
    return JSONResponse(body, media_type="application/feed+json")
