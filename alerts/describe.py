"""Estimates and source events as the short English phrases people read in subjects, logs and the console.

"more than 40,000 civilians killed in Mosul (Kurdish intelligence)": the figure with its qualifier, who, what,
where and who says so, in the order a headline would put them; "17 people killed in one incident in Mosul"
for a figure the stories give for one event, so nobody reads it as the battle's toll.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Qualifier words as the estimates room may name them; an unknown one is shown with its underscores as spaces.
_QUALIFIERS = {
    "exact": "", "exactly": "", "none": "", "": "",
    "about": "about", "approximately": "about", "around": "about", "roughly": "about", "estimated": "an estimated",
    "more_than": "more than", "over": "more than", "above": "more than", "at_least": "at least",
    "fewer_than": "fewer than", "less_than": "fewer than", "under": "fewer than",
    "up_to": "up to", "at_most": "up to",
}


def figure_words(low: int | None, high: int | None, qualifier: str | None) -> str:
    """'more than 40,000', '9,000 to 11,000', 'up to 326'; 'an unknown number of' when no figure was read."""
    if low is not None and high is not None and low != high:
        return f"{low:,} to {high:,}"
    value = low if low is not None else high
    if value is None:
        return "an unknown number of"
    word = _QUALIFIERS.get((qualifier or "").lower(), (qualifier or "").replace("_", " "))
    if word == "" and low is None:  # only an upper bound was given
        word = "up to"
    return f"{word} {value:,}".strip()


def headline(estimate: Mapping[str, Any]) -> str:
    """One estimate as a headline-like phrase (no trailing full stop)."""
    figure = figure_words(estimate.get("low"), estimate.get("high"), estimate.get("qualifier"))
    victims = estimate.get("victims") or "people"
    outcome = estimate.get("outcome") or "casualties"
    text = f"{figure} {victims} {outcome}" if outcome != "casualties" else f"{figure} casualties among {victims}"
    if estimate.get("kind") == "incident":  # one strike or one grave, not the campaign's toll
        text += " in one incident"
    if estimate.get("place"):
        text += f" in {estimate['place']}"
    if estimate.get("claimant"):
        text += f" ({estimate['claimant']})"
    return text


def source_line(event: str, source: Mapping[str, Any]) -> str:
    """'Source failing: reliefweb-iraq (5 failed polls in a row; last error: HTTP 503)' or 'Source recovered: ...'."""
    name = source.get("name", "?")
    if event == "source.recovered":
        return f"Source recovered: {name}"
    failures = source.get("failures")
    text = f"Source failing: {name} ({failures} failed polls in a row"
    if source.get("last_error"):
        text += f"; last error: {source['last_error']}"
    return text + ")"
