"""Outcome words ("killed", "deaths", "wounded", "مقتل", "جرحى") and blockers ("displaced", "نزح").

A mention carries its outcome and its grammatical kind, which decides how it may reach a figure
(see linking.py): "verb" (killed: active or passive), "intrans" (died, dead, missing: only ever said of
the victims), "noun" (deaths, toll, casualties) and, in Arabic, "vn" (verbal noun: مقتل, إصابة).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .patterns import AR_BLOCKERS, AR_OUTCOME_TABLE, AR_OUTCOMES, EN_BLOCKERS, EN_OUTCOME_TABLE, EN_OUTCOMES

_REGEX = {False: (EN_OUTCOMES, EN_OUTCOME_TABLE), True: (AR_OUTCOMES, AR_OUTCOME_TABLE)}
_BLOCKERS = {False: EN_BLOCKERS, True: AR_BLOCKERS}


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    outcome: str
    kind: str


def _mention(m: re.Match[str], table: list[tuple[str, str]]) -> Mention:
    outcome, kind = table[int(m.lastgroup[1:])]  # type: ignore[index]
    return Mention(m.start(), m.end(), outcome, kind)


def find(text: str, arabic: bool) -> list[Mention]:
    """All outcome mentions of a sentence, left to right."""
    regex, table = _REGEX[arabic]
    return [_mention(m, table) for m in regex.finditer(text)]


def mention_at(text: str, pos: int, arabic: bool) -> Mention | None:
    """The outcome mention starting exactly at `pos`, if any."""
    regex, table = _REGEX[arabic]
    m = regex.match(text, pos)
    return _mention(m, table) if m else None


def blocker_in(text: str, start: int, end: int, arabic: bool) -> re.Match[str] | None:
    """First blocker ("displaced", "fled", "نزح") in text[start:end]."""
    return _BLOCKERS[arabic].search(text, start, end)
