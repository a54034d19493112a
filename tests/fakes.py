"""A stand-in estimate for archive tests that should not depend on the reader's rules."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Est:
    """Has what storage.records.EstimateLike asks of an estimate, with Mosul civilian deaths as defaults."""

    low: int | None
    high: int | None
    outcome: str = "killed"
    victims: str = "civilians"
    place: str | None = "Mosul"
    claimant: str | None = None
    qualifier: str = "exact"
    quote: str = "q"
    lang: str = "en"
    claimant_text: str | None = None
    claimant_id: str | None = None
    place_id: str | None = None


def key(e: Est) -> str:
    """The same shape of identity as estimates.identity_key: place, outcome, victims, figures."""
    return f"{(e.place or '').casefold()}|{e.outcome}|{e.victims}|{e.low}|{e.high}"
