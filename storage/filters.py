"""What a reader can ask of the estimates: one definition shared by the API, the page, the feeds and the CLI.

The page keeps these in its URL's query string and the API takes the same names, so a view a person has
bookmarked is the same question a program asks (`/?victims=civilian&kind=toll` and
`/api/estimates?victims=civilian&kind=toll`).
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime

OUTCOMES = ("killed", "injured", "missing", "casualties")
KINDS = ("toll", "incident")
STATUSES = ("new", "confirmed", "rejected")
VICTIM_GROUPS = ("civilian", "combatant", "unknown")  # Estimate.victims_group: what "compatible victims" compares


@dataclass(frozen=True, slots=True)
class EstimateFilter:
    """Each field narrows the list; None leaves it open. Text fields match case-insensitively within the name
    (a claimant matches its canonical name or the words a story used); `since`/`until` bound `first_stated`."""

    place: str | None = None
    outcome: str | None = None
    kind: str | None = None
    status: str | None = None
    victims: str | None = None
    claimant: str | None = None
    since: datetime | None = None
    until: datetime | None = None

    def given(self) -> dict[str, object]:
        """The fields that narrow, for a feed's title and its page link."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None}
