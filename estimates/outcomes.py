"""Outcome words ("killed", "deaths", "wounded", "مقتل", "جرحى") and blockers ("displaced", "نزح").

A mention carries its outcome and its grammatical kind, which decides how it may reach a figure
(see linking.py): "verb" (killed: active or passive), "intrans" (died, dead, missing: only ever said of
the victims), "noun" (deaths, toll, casualties) and, in Arabic, "vn" (verbal noun: مقتل, إصابة).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from functools import cache

from .language import Language
from .patterns import AR_LEFT, AR_PREFIX, AR_RIGHT, alternation, outcome_regex


@cache
def outcome_table(lang: Language) -> tuple[re.Pattern[str], list[tuple[str, str]]]:
    """The language's OUTCOME_PHRASES as one regex, with the (outcome, kind) of each group."""
    return outcome_regex(lang.lex.OUTCOME_PHRASES, arabic=lang.arabic)


@cache
def _lowered(lang: Language) -> re.Pattern[str] | None:
    """Latin script: the same regex without IGNORECASE, for lower-cased text (a quarter cheaper; the
    phrases are written in lower case, as patterns.Folded asks)."""
    return None if lang.arabic else re.compile(outcome_table(lang)[0].pattern)


def _matches(text: str, lang: Language, pos: int = -1) -> Any:
    """finditer over the sentence (pos < 0), or the match at `pos`; on lower-cased text when lowering
    keeps every offset."""
    regex, fast = outcome_table(lang)[0], _lowered(lang)
    if fast is not None:
        low = text.lower()
        if len(low) == len(text):
            regex, text = fast, low
    return regex.finditer(text) if pos < 0 else regex.match(text, pos)


@cache
def _blockers(lang: Language) -> re.Pattern[str]:
    words = alternation(lang.words("BLOCKERS"), arabic=lang.arabic)
    if lang.arabic:
        return re.compile(rf"{AR_LEFT}{AR_PREFIX}{words}{AR_RIGHT}")
    return re.compile(rf"\b{words}\b", re.IGNORECASE)


@cache
def _names(lang: Language) -> re.Pattern[str]:
    """NAMES_WITH_OUTCOMES with the capitals they are written with (patterns.alternation folds case)."""
    words = sorted(lang.words("NAMES_WITH_OUTCOMES"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b") \
        if words else re.compile(r"(?!)")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    outcome: str
    kind: str


def _mention(m: re.Match[str], table: list[tuple[str, str]]) -> Mention:
    outcome, kind = table[int(m.lastgroup[1:])]  # type: ignore[index]
    return Mention(m.start(), m.end(), outcome, kind)


def find(text: str, lang: Language) -> list[Mention]:
    """All outcome mentions of a sentence, left to right; none inside a name ("the Commission on Missing
    Persons": data NAMES_WITH_OUTCOMES, matched with its capitals)."""
    table = outcome_table(lang)[1]
    found = [_mention(m, table) for m in _matches(text, lang)]
    if found and not lang.arabic:
        names = [(m.start(), m.end()) for m in _names(lang).finditer(text)]
        if names:
            found = [f for f in found if not any(s <= f.start < e for s, e in names)]
    return _among_them(text, found, lang) if found else found


def _among_them(text: str, found: list[Mention], lang: Language) -> list[Mention]:
    """"Most of the dead were fighters, but at least nine civilians were among them": the pronoun (PATTERNS
    `among_them_back`, its span the group "them") stands for the outcome named before it in the sentence."""
    extra = []
    for m in lang.pattern("among_them_back").finditer(text):
        before = next((f for f in reversed(found) if f.end <= m.start()), None)
        if before is not None:
            extra.append(Mention(m.start("them"), m.end("them"), before.outcome, "intrans"))
    return sorted(found + extra, key=lambda f: f.start) if extra else found


def mention_at(text: str, pos: int, lang: Language) -> Mention | None:
    """The outcome mention starting exactly at `pos`, if any."""
    m = _matches(text, lang, pos)
    return _mention(m, outcome_table(lang)[1]) if m else None


def died_before(text: str, pos: int, lang: Language) -> str | None:
    """"killed" when a verb of death stands right before `pos` ("توفي جريحان": two of the wounded died)."""
    regex, table = outcome_table(lang)
    for m in regex.finditer(text, max(0, pos - DIED_REACH), pos):
        if not text[m.end():pos].strip():
            mention = _mention(m, table)
            return "killed" if mention.outcome == "killed" and mention.kind in ("verb", "intrans") else None
    return None


DIED_REACH = 12  # characters before a dual looked at for its verb


def blocker_in(text: str, start: int, end: int, lang: Language) -> re.Match[str] | None:
    """First blocker ("displaced", "fled", "نزح") in text[start:end]; not one that names the team doing it
    ("انتشلت فرق الإنقاذ 17 جثة": rescue teams recovered 17 bodies; PATTERNS `blocker_team`), nor one that
    names a kind of place (`blocker_place_before`, `blocker_place_after`: "the site for displaced people")."""
    team, place_before, place_after = (lang.pattern("blocker_team"), lang.pattern("blocker_place_before"),
                                       lang.pattern("blocker_place_after"))
    for m in _blockers(lang).finditer(text, start, end):
        if team.search(text, max(0, m.start() - TEAM_REACH), m.start()):
            continue
        if place_before.search(text, max(0, m.start() - TEAM_REACH), m.start()) or place_after.match(text, m.end()):
            continue  # "le site de déplacés de Plaine Savo", "a displacement camp", "مخيم للنازحين": a place's name
        return m
    return None


TEAM_REACH = 12  # characters before a blocker looked at for the team it names ("فرق الإنقاذ")
