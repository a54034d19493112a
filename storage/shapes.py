"""The JSON shapes of items and estimates, shared by the command line, exports, the API and alert payloads."""
from __future__ import annotations

from datetime import datetime

from .tables import Estimate, Item


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def item_dict(row: Item, also_at: list[str]) -> dict:
    return {"id": row.id, "url": row.url, "title": row.title, "source": row.source, "published": iso(row.published),
            "fetched": iso(row.fetched), "language": row.language, "also_at": also_at}


def estimate_dict(row: Estimate, *, url: str | None, source: str | None, mentions: int) -> dict:
    return {"id": row.id, "low": row.low, "high": row.high, "qualifier": row.qualifier, "outcome": row.outcome,
            "victims": row.victims, "place": row.place, "place_id": row.place_id, "claimant": row.claimant,
            "claimant_text": row.claimant_text, "claimant_id": row.claimant_id, "quote": row.quote,
            "first_seen": iso(row.first_seen), "url": url, "source": source, "mentions": mentions}
