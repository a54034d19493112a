"""Estimates for archive tests that should not depend on the reader's rules: the real value type, built by
hand with Mosul civilian deaths as defaults."""
from __future__ import annotations

from estimates import Estimate


def Est(low: int | None, high: int | None, *, outcome: str = "killed", victims: str = "civilians",  # noqa: N802
        place: str | None = "Mosul", claimant: str | None = None, qualifier: str = "exact", quote: str = "q",
        lang: str = "en", **more: str | None) -> Estimate:
    """An estimate as the reader would hand it over (`more`: claimant_text, place_id, kind, ...)."""
    return Estimate(low=low, high=high, qualifier=qualifier, outcome=outcome, victims=victims, place=place,
                    claimant=claimant, quote=quote, lang=lang, **more)  # type: ignore[arg-type]


def key(e: Estimate) -> str:
    """The same shape of identity as estimates.identity_key: place, outcome, victims, figures."""
    return f"{(e.place or '').casefold()}|{e.outcome}|{e.victims}|{e.low}|{e.high}"
