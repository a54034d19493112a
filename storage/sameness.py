"""When a story's figure restates a known estimate, and when it revises one: the rules, on plain values.

A mention restates an estimate when all of these hold (issue 10):
- the same outcome (or "casualties"/"victims" for the very numbers of a death toll) and the same place (its
  gazetteer id, else its folded name; a part of a city has an id of its own, so west Mosul is not Mosul);
- compatible victims: the same group, or one side only "people";
- compatible figures: the same numbers, or an open bound on the same side of a known range ("more than
  9,000" and "up to 11,000" restate "9,000 to 11,000"; "at least 11,000" does not: it is a revision), or a
  rewrite that rounds a known figure ("nearly 40" for 39, "more than 1,200" for 1,230);
- a place nested in the other (al-Zanjili in west Mosul, Mosul in Nineveh) restates it too, when no
  estimate at the mention's own place does: outlets place one incident at different levels. A country is
  never the nest (a city's figure the same as a nationwide one is a misattribution, not a restatement).
Wording, qualifier, outlet and the claimant's wording never make a new estimate. Where a mention restates
two estimates it joins the one at its own place, then the one with the same claimant, else the earliest
stated, so the outcome does not depend on the order stories arrived in (a rounding crawled before the
figure it is nearest to can join another it also rounds: README, "What is left").

A revision is a new estimate: other figures for the same place, outcome and victims from the same claimant.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol, TypeVar

EARLIEST_PUBLICATION = datetime(1990, 1, 1).astimezone()  # no news site existed before; an older date is a default
FUTURE_SLACK = timedelta(days=1)  # a publication date this far after we fetched the story is a wrong date
_SPACES = re.compile(r"\s+")
_THE = re.compile(r"^the\s+")


class Stated(Protocol):
    """What the rules compare: a statement, or the estimate it might restate."""

    low: int | None
    high: int | None
    qualifier: str
    outcome: str
    victims_group: str
    claimant: str | None
    claimant_id: str | None


def place_key(place: str | None, place_id: str | None) -> str:
    """One key for every spelling of one place: the gazetteer id, else the folded name, else ''."""
    if place_id:
        return place_id
    if not place:
        return ""
    return _THE.sub("", _SPACES.sub(" ", place.casefold()).strip())


def victims_agree(a: str, b: str) -> bool:
    """The same group, or one side only 'people' (a wire that writes 'people' restates 'civilians')."""
    return a == b or "unknown" in (a, b)


def figures_agree(a: Stated, b: Stated) -> bool:
    """The same numbers, or an open bound equal to the same end of the other's range."""
    numbers_a = {v for v in (a.low, a.high) if v is not None}
    numbers_b = {v for v in (b.low, b.high) if v is not None}
    if numbers_a == numbers_b:  # "over 40,000" and "some 40,000"; not "up to 11,000" and "more than 11,000"
        return _side(a) is None or _side(b) is None or _side(a) == _side(b)
    return _bound_of_range(a, b) or _bound_of_range(b, a)


def _side(e: Stated) -> str | None:
    """'lower' for "more than N", 'upper' for "up to N", None for a point or a range."""
    if e.low is not None and e.high is None:
        return "lower"
    if e.low is None and e.high is not None:
        return "upper"
    return None


def _bound_of_range(bound: Stated, known: Stated) -> bool:
    if known.low is None or known.high is None or known.low == known.high:
        return False
    if bound.high is None and bound.low is not None:  # "more than 9,000", "9,000+"
        return bound.low == known.low
    if bound.low is None and bound.high is not None:  # "up to 11,000", "as many as 11,000"
        return bound.high == known.high
    return False


def rounds(a: Stated, b: Stated) -> bool:
    """One side rewrites the other's figure rounded, on the side the rounding leans: "about 40" or "nearly
    40" for 39, "more than 1,200" for 1,230 (wire rewrites do this)."""
    return _rounding_of(a, b) or _rounding_of(b, a)


def rounds_another(m: Stated, others: Iterable[Stated]) -> bool:
    """`m` rounds one of `others` ("nearly 40" beside 39): an estimate shows the figure, not its rounding."""
    figures = {(o.low, o.high, o.qualifier) for o in others}  # a claim's mentions repeat a few figures
    return any(_rounding_of(m, o) for o in (_Figure(*f) for f in figures))


@dataclass(frozen=True, slots=True)
class _Figure:
    low: int | None
    high: int | None
    qualifier: str


ROUNDING_SLACK = 0.15  # a rounded rewrite is off by at most this share of the figure it rounds
_EXACT = ("exact", "at_least", "more_than", "up_to", "range")  # qualifiers a point figure is not rounded by


def _rounding_of(r: Stated, known: Stated) -> bool:
    """`r` rounds the figure `known` states, or the low end of its range or bound: "more than 9,000" for
    "9,200 to 11,400" or for "at least 9,230" (rounded down), "nearly 40" or "about 40" for 39 (to the
    nearest: not for 47). A cap ("no more than 50") is never a rounding: it is another claim."""
    if r.low is not None and r.high is None:
        if known.low is None or (known.high is None and _round(known.low)):
            return False  # a bound that is itself round ("more than 2,300") is no figure a rewrite rounds further
        return r.low < known.low and (r.low in _roundings(known.low, "down") or
                                      (r.low in _half_roundings(known.low) and not _claimed_apart(r, known)))
    if r.low is None and r.high is not None:
        return False  # "no more than 50", "up to 4,000": a cap is a claim of its own ("nearly" is read "about")
    if known.low is None or known.low != known.high:
        return False
    return r.low is not None and r.low == r.high and r.qualifier not in _EXACT and \
        r.low in _roundings(known.low, "nearest")


def _round(n: int) -> bool:
    """Two trailing zeros or more (2,300; 5,000): already a rounded figure."""
    return n >= 100 and n % 100 == 0


def _roundings(n: int, way: str) -> set[int]:
    """`n` rounded `way` (down, up, nearest) to one or two significant figures, where that moves it by little."""
    out = set()
    for digits in (1, 2):
        unit = 10 ** max(len(str(n)) - digits, 0)
        r = {"down": n // unit * unit, "up": -(-n // unit) * unit, "nearest": (n + unit // 2) // unit * unit}[way]
        if r != n and r > 0 and abs(r - n) <= ROUNDING_SLACK * n:
            out.add(r)
    return out


def _claimed_apart(a: Stated, b: Stated) -> bool:
    """Both name a claimant, and not the same one (a bare figure, as rounds_another passes, names none)."""
    return bool(getattr(a, "claimant", None) and getattr(b, "claimant", None)) and not same_claimant(a, b)


def _half_roundings(n: int) -> set[int]:
    """`n` rounded down to half a unit of one or two significant figures ("more than 15" for 16, "أكثر من 250"
    for 263): a rewrite's rounding when nobody else is named for it (a rival's "at least 25" beside 27 is its
    own count)."""
    out = set()
    for digits in (1, 2):
        unit = 10 ** max(len(str(n)) - digits, 0) // 2
        r = n // unit * unit if unit >= 5 else n
        if r != n and r > 0 and abs(r - n) <= ROUNDING_SLACK * n:
            out.add(r)
    return out


def restates(mention: Stated, known: Stated) -> bool:
    return (victims_agree(mention.victims_group, known.victims_group) and outcomes_agree(mention, known)
            and (figures_agree(mention, known) or rounds(mention, known)))


LOOSE_OUTCOMES = {"killed": ("killed", "casualties"), "casualties": ("casualties", "killed")}


def outcomes_agree(a: Stated, b: Stated) -> bool:
    """The same outcome; or "victims"/"casualties" for the same numbers as a death toll ("au moins 5 000
    victimes" after "at least 5,000 people were buried there"): a looser word, not another claim."""
    if a.outcome == b.outcome:
        return True
    return b.outcome in LOOSE_OUTCOMES.get(a.outcome, ()) and (_numbers(a) == _numbers(b) and _side(a) == _side(b)
                                                               or rounds(a, b))


def _numbers(e: Stated) -> set[int]:
    return {v for v in (e.low, e.high) if v is not None}


class Placed(Stated, Protocol):
    place_key: str
    place_within: str | None


P = TypeVar("P", bound=Placed)


def within_key(within: Sequence[str]) -> str | None:
    """A place's nests as the archive stores them ("|geonames:99072|iso:IQ-NI|"), nearest first."""
    return f"|{'|'.join(within)}|" if within else None


def nested(a: Placed, b: Placed) -> bool:
    """One place lies inside the other (their keys differ)."""
    return bool(a.place_key and b.place_key and a.place_key != b.place_key
                and (f"|{b.place_key}|" in (a.place_within or "") or f"|{a.place_key}|" in (b.place_within or "")))


def same_claimant(a: Stated, b: Stated) -> bool:
    """The same body (its registry id), else the same words; an unnamed claimant is nobody's."""
    if a.claimant_id and b.claimant_id:
        return a.claimant_id == b.claimant_id
    return bool(a.claimant and b.claimant and a.claimant.casefold() == b.claimant.casefold())


def joined(mention: P, candidates: Sequence[P], earliest: Callable[[P], tuple]) -> P | None:
    """The estimate a mention restates: at its own place before a nested one, then the same claimant's
    earliest, else the earliest stated; a rounding that fits several joins the nearest figure."""
    here = [c for c in candidates if c.place_key == mention.place_key and restates(mention, c)]
    matches = here or [c for c in candidates if nested(mention, c) and restates(mention, c)]
    if not matches:
        return None
    own = [c for c in matches if same_claimant(mention, c)]
    exact = [c for c in own or matches if not rounds(mention, c)]  # "about 70" beside 66 and 73: the nearest
    return min(exact, key=earliest) if exact else min(own or matches, key=lambda c: (abs(_size(c) - _size(mention)),
                                                                                      earliest(c)))


class Dated(Placed, Protocol):
    kind: str | None
    first_stated: datetime | None
    first_item_id: int | None


D = TypeVar("D", bound=Dated)


def revises(later: Dated, candidates: Iterable[D]) -> D | None:
    """The estimate `later` revises, if any: the same claimant's figure for the same place (or one nested in
    it: a toll told for al-Zanjili, then for west Mosul), outcome, victims
    and kind, first stated earlier in another story, of the same order (within REVISION_FACTOR). "3,200 of
    those deaths" told beside "9,000 to 11,000" in the story that first told both is a part of it, not a
    revision; a toll rising from 18 to 24 in the evening's update is one. Of several, the latest stated,
    then the nearest in size."""
    if later.first_stated is None:
        return None
    size = _size(later)
    fits = [c for c in candidates if c.first_stated is not None and c.first_stated <= later.first_stated
            and c.first_item_id != later.first_item_id and (c.place_key == later.place_key or nested(c, later))
            and c.outcome == later.outcome
            and victims_agree(later.victims_group, c.victims_group) and (later.kind or "toll") == (c.kind or "toll")
            and same_claimant(later, c) and not figures_agree(later, c) and not rounds(later, c)
            and size and _size(c) and max(size, _size(c)) <= REVISION_FACTOR * min(size, _size(c))]
    if not fits:
        return None
    return max(fits, key=lambda c: _revision_rank(c, size))


def _revision_rank(c: Dated, size: int) -> tuple:
    """Of several figures a later one revises: the latest stated, then the nearest in size."""
    return (c.first_stated, -abs(_size(c) - size))


def may_take_over(later: Dated, new: Dated, current: Dated | None) -> bool:
    """Whether `new` could be the figure `later` revises in place of `current` (the one it revises now):
    it fits, and ranks at least as high (an equal rank is a tie `revises` breaks by order)."""
    if revises(later, (new,)) is not new:
        return False
    return current is None or _revision_rank(new, _size(later)) >= _revision_rank(current, _size(later))


REVISION_FACTOR = 3  # a revision rarely more than triples, or cuts to a third, the figure it revises


def revision_links(live: Sequence[D], wanted: set[int] | None = None) -> list[D | None]:
    """`revises(e, live[:i])` for every estimate `e = live[i]` of a list sorted earliest first, without trying
    every earlier estimate against every later one (an archive holding thousands of one claimant's figures
    for one city made that the cost of archiving a story).

    Only the same claimant's figures can be revised, so each estimate is tried against those (by registry id,
    and by name for those without one). The revised one is the latest stated, so they are tried latest
    first, and once one fits only those stated at that same moment can still compete; `revises` then picks
    among them exactly as it would among all. With `wanted` (positions), only those are looked up (the rest
    are None)."""
    by_id: dict[str, list[int]] = {}
    by_name: dict[str, list[int]] = {}
    out: list[D | None] = []
    for i, est in enumerate(live):
        fits: list[D] = []
        if est.first_stated is not None and (wanted is None or i in wanted):
            top: datetime | None = None
            for j in reversed(_same_claimant_positions(est, by_id, by_name)):
                c = live[j]
                if c.first_stated is None:
                    continue
                if top is not None and c.first_stated < top:
                    break
                if revises(est, (c,)) is c:
                    fits.append(c)
                    top = c.first_stated
        out.append(revises(est, reversed(fits)) if fits else None)
        if est.claimant_id:
            by_id.setdefault(est.claimant_id, []).append(i)
        if est.claimant:
            by_name.setdefault(est.claimant.casefold(), []).append(i)
    return out


def _same_claimant_positions(est: Stated, by_id: dict[str, list[int]], by_name: dict[str, list[int]]) -> list[int]:
    """Positions of the earlier estimates `same_claimant` could accept, in order (a superset is fine: the
    rule itself is applied to each)."""
    found: set[int] = set()
    if est.claimant_id:
        found.update(by_id.get(est.claimant_id, ()))
    if est.claimant:
        found.update(by_name.get(est.claimant.casefold(), ()))
    return sorted(found)


def _size(e: Stated) -> int:
    return max(v for v in (e.low, e.high, 0) if v is not None)


def informative(low: int | None, high: int | None, group: str) -> tuple[int, int, int]:
    """How much a statement says, to pick the one an estimate shows: a named group, both ends, any figure."""
    return (int(group != "unknown"), int(low is not None and high is not None and low != high),
            int(low is not None or high is not None))


def stated_date(published: datetime | None, fetched: datetime) -> tuple[datetime, str]:
    """When a story stated its figures: its publication date when that is believable, else when we fetched
    it (and the caller says so). A date before any news site or after the fetch is a default or a typo."""
    if published is not None:
        aware = published if published.tzinfo else published.astimezone()
        if EARLIEST_PUBLICATION <= aware <= fetched + FUTURE_SLACK:
            return aware, "published"
    return fetched, "fetched"
