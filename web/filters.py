"""The estimate filters as query parameters: the same names on the API, the feeds and the page's URL."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query

from storage import EstimateFilter
from storage.filters import KINDS, OUTCOMES, STATUSES, VICTIM_GROUPS

from .params import BadParameter, clean_text, parse_since, parse_until

# The vocabularies are storage's (the CLI checks against the same tuples); Literal makes FastAPI refuse the rest.
Outcome = Literal[OUTCOMES]  # type: ignore[valid-type]
Kind = Literal[KINDS]  # type: ignore[valid-type]
Status = Literal[STATUSES]  # type: ignore[valid-type]
Victims = Literal[VICTIM_GROUPS]  # type: ignore[valid-type]


async def estimate_filter(
        place: Annotated[str | None, Query(max_length=200, description="place name contains this")] = None,
        outcome: Annotated[Outcome | None, Query()] = None,
        kind: Annotated[Kind | None, Query(description="a toll or one incident")] = None,
        status: Annotated[Status | None, Query()] = None,
        victims: Annotated[Victims | None, Query(description="civilian, combatant or unknown (only \"people\")")] = None,
        claimant: Annotated[str | None, Query(max_length=200, description="claimant's name contains this")] = None,
        since: Annotated[str | None, Query(description="first stated on or after this date")] = None,
        until: Annotated[str | None, Query(description="first stated by the end of this date, month or year")] = None,
) -> EstimateFilter:
    """A FastAPI dependency: every route that lists estimates reads its filters here, so they cannot drift."""
    start, end = parse_since(since), parse_until(until)
    if start is not None and end is not None and start > end:
        raise BadParameter("until", "is before since")
    return EstimateFilter(place=clean_text("place", place), outcome=outcome, kind=kind, status=status,
                          victims=victims, claimant=clean_text("claimant", claimant), since=start, until=end)
