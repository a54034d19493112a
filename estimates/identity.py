"""When two estimates are the same one (the archive's unique key).

Rule, kept deliberately simple: same place (casefolded, leading "the" dropped, spaces collapsed), same
outcome, same victims group (civilian / combatant / unknown) and same figures, where the figures are the
set of numbers stated. So "over 40,000 civilians were killed" (40000/None) and "some 40,000 civilian
deaths" (40000/40000) in Mosul are one estimate: "mosul|killed|civilian|40000|". A range keeps both
ends: "mosul|killed|unknown|9000|11000". Wording, qualifier, claimant and quote do not count.
"""
from __future__ import annotations

import re

from .model import Estimate

_GROUPS = {"civilians": "civilian", "children": "civilian", "women": "civilian",
           "combatants": "combatant", "security forces": "combatant", "people": "unknown"}
_SPACES = re.compile(r"\s+")
_THE = re.compile(r"^the\s+")


def victims_group(victims: str) -> str:
    """'civilian' (civilians, children, women), 'combatant' (combatants, security forces), else 'unknown'."""
    return _GROUPS.get(victims, "unknown")


def normalise_place(place: str | None) -> str:
    if not place:
        return ""
    return _THE.sub("", _SPACES.sub(" ", place.casefold()).strip())


_SAME = object()  # identity_key's "the estimate's own value"


def identity_key(e: Estimate, *, place: str | None | object = _SAME, victims: str | object = _SAME) -> str:
    """'place|outcome|group|low|high' with the stated numbers: a point figure gives 'N|', a range 'LO|HI'.
    `place` / `victims`: the key the estimate would have with that place or victims (the reader asks)."""
    figures = sorted({v for v in (e.low, e.high) if v is not None})
    low = str(figures[0]) if figures else ""
    high = str(figures[-1]) if len(figures) > 1 else ""
    where = normalise_place(e.place if place is _SAME else place)  # type: ignore[arg-type]
    group = victims_group(e.victims if victims is _SAME else victims)  # type: ignore[arg-type]
    return f"{where}|{e.outcome}|{group}|{low}|{high}"
