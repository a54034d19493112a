"""The one value type the reader hands out.

An `Estimate` is plain data: the storage and alert rooms copy it, so it is frozen and carries nothing
but JSON-ready fields (`to_dict`).
"""
from __future__ import annotations

from dataclasses import dataclass

QUALIFIERS = ("exact", "about", "at_least", "more_than", "up_to", "range")
OUTCOMES = ("killed", "injured", "missing", "casualties")
VICTIMS = ("civilians", "children", "women", "people", "combatants", "security forces")


@dataclass(frozen=True, slots=True)
class Estimate:
    """One casualty figure read from one sentence.

    `low`/`high` follow the issue's convention: a point figure ("9,606", "about 9,400") has low == high;
    an open bound leaves the other side None ("more than 40,000" -> 40000/None, "up to 11,000" ->
    None/11000); a range keeps both ends.
    """

    low: int | None
    high: int | None
    qualifier: str
    outcome: str
    victims: str
    place: str | None
    claimant: str | None
    quote: str
    lang: str
    # the claimant as the text writes it ("the Associated Press"); `claimant` is the body's canonical name
    # ("Associated Press (AP)") when the text names the body itself (estimates/data/claimants.toml), else
    # the same words (a person or part of a body: "the UN humanitarian coordinator")
    claimant_text: str | None = None
    claimant_id: str | None = None  # the body's key in the registry ("ap"), whatever words name it
    place_id: str | None = None  # the place's gazetteer entry ("geonames:99072" for Mosul), when it has one
    # "toll" (a count over a campaign or period) or "incident" (one event) when the sentence says which
    # (estimates/kinds.py), else None; the period it covers as "YYYY-MM" months, where the sentence states it
    # the gazetteer entry estimates are compared by: a neighbourhood's district, else place_id (gazetteer.area)
    area_id: str | None = None
    # the places area_id lies in, nearest first, short of its country ("cw:iq-mosul-west" -> Mosul, Nineveh):
    # outlets place one incident at different levels, and the archive compares nested places
    area_within: tuple[str, ...] = ()
    kind: str | None = None
    period_start: str | None = None
    period_end: str | None = None

    @property
    def group(self) -> str:
        """The victims' group (civilian, combatant, unknown): what "compatible victims" compares."""
        from .identity import victims_group

        return victims_group(self.victims)

    def to_dict(self) -> dict:
        """JSON-ready dict with exactly the documented keys (the CLI and the scorer read these)."""
        return {
            "low": self.low,
            "high": self.high,
            "qualifier": self.qualifier,
            "outcome": self.outcome,
            "victims": self.victims,
            "place": self.place,
            "claimant": self.claimant,
            "claimant_text": self.claimant_text,
            "claimant_id": self.claimant_id,
            "place_id": self.place_id,
            "kind": self.kind,
            "period": ({"start": self.period_start, "end": self.period_end}
                       if self.period_start or self.period_end else None),
            "quote": self.quote,
            "lang": self.lang,
        }
