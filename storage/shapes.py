"""The JSON shapes of items and estimates, shared by the command line, exports, the API and alert payloads."""
from __future__ import annotations

from netpolicy.values import iso

from .tables import Estimate, Item

__all__ = ["iso", "item_columns", "item_dict", "estimate_dict"]


def item_columns() -> tuple:
    """The columns `item_dict` reads: a listing or a search selects these alone, not whole rows (a story's
    text, hashes and versions cost a search page about 1 ms to load as ORM objects)."""
    return (Item.id, Item.url, Item.title, Item.source, Item.published, Item.fetched, Item.language)


def item_dict(row: Item, also_at: list[str]) -> dict:
    return {"id": row.id, "url": row.url, "title": row.title, "source": row.source, "published": iso(row.published),
            "fetched": iso(row.fetched), "language": row.language, "also_at": also_at}


def estimate_dict(row: Estimate, *, url: str | None, source: str | None, mentions: int,
                  claimants: list[str] | None = None) -> dict:
    """`kind` is "toll" unless a story says the figure is one incident; `claimants` every body that has
    stated it, the first being `claimant`; `first_stated_from` says whether `first_stated` is a publication
    date or, for a story without a believable one, when we fetched it."""
    return {"id": row.id, "low": row.low, "high": row.high, "qualifier": row.qualifier, "outcome": row.outcome,
            "victims": row.victims, "victims_group": row.victims_group, "place": row.place,
            "place_id": row.place_id, "claimant": row.claimant, "claimant_text": row.claimant_text,
            "claimant_id": row.claimant_id, "claimants": claimants if claimants is not None else
            ([row.claimant] if row.claimant else []), "quote": row.quote, "kind": row.kind or "toll",
            "period": ({"start": row.period_start, "end": row.period_end}
                       if row.period_start or row.period_end else None),
            "first_seen": iso(row.first_seen), "first_stated": iso(row.first_stated or row.first_seen),
            "first_stated_from": row.first_stated_from or "fetched", "revises": row.revises, "status": row.status,
            "merged_into": row.merged_into, "url": url, "source": source, "mentions": mentions}
