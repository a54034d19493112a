"""Which channels hear about a new estimate: the ones whose filters it passes, for a watched place."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from .rules import AlertRule


class EstimateFields(Protocol):
    low: int | None
    high: int | None
    outcome: str
    victims: str
    place: str | None
    place_id: str | None


@dataclass(frozen=True, slots=True)
class Router:
    """Picklable (it crosses into the crawl's child process) and pure: rules in, channel names out."""

    rules: tuple[AlertRule, ...]
    places: tuple[str, ...] = ()
    place_ids: tuple[str, ...] = ()  # gazetteer entries of the watched places

    def __call__(self, est: EstimateFields) -> list[str]:
        if not self.watched(est.place, getattr(est, "place_id", None)):
            return []
        return [r.channel for r in self.rules
                if r.wants(outcome=est.outcome, victims=est.victims, low=est.low, high=est.high,
                           kind=getattr(est, "kind", None))]

    def watched(self, place: str | None, place_id: str | None = None) -> bool:
        """An estimate with no place came from an item that names a watched place, so it counts. A place
        the gazetteer knows counts when it lies inside a watched one (west Mosul in Mosul, Mosul in
        Nineveh); any other place when its name holds a watched name."""
        if place is None or not self.places:
            return True
        if place_id is not None and self.place_ids:
            from estimates.gazetteer import within

            if any(within(place_id, watched) for watched in self.place_ids):
                return True
        folded = place.casefold()
        return any(p.casefold() in folded for p in self.places)


def make_router(rules: Sequence[AlertRule], places: Sequence[str], place_ids: Sequence[str] = ()) -> Router:
    return Router(rules=tuple(rules), places=tuple(places), place_ids=tuple(place_ids))
