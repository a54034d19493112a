"""Whether a figure counts one event or a whole campaign, and the period it covers.

A monitor reads "17 bodies were found at an execution site" and "9,000 died in the nine-month battle" as
different things: the first is an incident, the second a toll. The sentence usually says which, by a period
("between October 2016 and July 2017", "since October"), a single event ("an air strike", "the bombing"),
a campaign ("the battle", "so far") or a day ("on Tuesday"). Each cue is a language's pattern (PATTERNS
`period_range`, `period_since`, `period_in`, `one_event`, `campaign`, `one_day`; month names in
MONTH_NUMBERS); the rules below are tried in order and the first that answers wins. A sentence with no cue
gives no kind: the archive then decides from the other stories that state the estimate (a toll by default).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .language import Language
from .text import norm_ar

_YEAR = re.compile(r"(?:19|20)\d\d")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
# "said on Tuesday" dates the statement, not the deaths: a day right after a verb of saying is no cue
SAYING_BEFORE = re.compile(r"(?:said|told|announced|reported|stated|added|says|released|published|issued|"
                           r"a\s+déclaré|a\s+indiqué|publié|قال|قالت|اعلن|اعلنت|ذكر|ذكرت|افاد|افادت)\s+"
                           r"(?:on\s+|le\s+|يوم\s+)?$", re.IGNORECASE)
SAYING_AFTER = re.compile(r"\s*,?\s*(?:said|told|announced|reported|stated|added|released|published|issued|"
                          r"a\s+déclaré|a\s+annoncé|a\s+indiqué)\b", re.IGNORECASE)  # "on Thursday said"


@dataclass(frozen=True, slots=True)
class Period:
    start: str | None  # "2016-10"
    end: str | None


@dataclass(frozen=True, slots=True)
class Kind:
    """What one sentence says about its figure: kind ("toll", "incident" or None) and period."""

    kind: str | None
    period: Period | None = None


def read_kind(sentence: str, lang: Language) -> Kind:
    """The first rule of KIND_RULES that answers for the sentence; the period whichever rule answers."""
    text = (norm_ar(sentence) if lang.arabic else sentence).translate(_DIGITS)
    dated = _YEAR.search(text) is not None  # every period names a year
    if not dated and not _any_cue(lang).search(text):
        return NO_KIND
    period = stated_period(text, lang) if dated else None
    for rule in KIND_RULES:
        kind = rule(text, lang, period)
        if kind is not None:
            return Kind(kind, period)
    return Kind(None, period)


NO_KIND = Kind(None, None)
_CUES: dict[str, re.Pattern[str]] = {}


def _any_cue(lang: Language) -> re.Pattern[str]:
    """Every cue of the undated rules in one pattern: most sentences have none, and one search says so."""
    hit = _CUES.get(lang.code)
    if hit is None:
        parts = [lang.pattern(name).pattern for name in ("months_span", "one_event", "campaign", "one_day")]
        hit = _CUES[lang.code] = re.compile("|".join(f"(?:{p})" for p in parts), 0 if lang.arabic else re.IGNORECASE)
    return hit


def kind_of(sentence: str, lang: str | None) -> tuple[str | None, str | None, str | None]:
    """(kind, period start, period end) of a quoted sentence in the language `lang` names, as plain values
    for rooms that hold quotes but not the reader (an archive made before kinds were read)."""
    from .language import language

    said = read_kind(sentence, language(lang))
    return said.kind, said.period.start if said.period else None, said.period.end if said.period else None


def stated_period(text: str, lang: Language) -> Period | None:
    """A range of months or years, a start ("since October 2016"), or one year or month ("in March 2017")."""
    m = lang.pattern("period_range").search(text)
    if m and m.group("y2"):
        end_month = _month(m.group("m2"), lang)
        start_year = m.group("y1") or m.group("y2")
        start_month = _month(m.group("m1"), lang)
        if m.group("m1") or m.group("y1"):
            return Period(_ym(start_year, start_month or 1), _ym(m.group("y2"), end_month or 12))
    m = lang.pattern("period_since").search(text)
    if m and m.group("y1"):
        return Period(_ym(m.group("y1"), _month(m.group("m1"), lang) or 1), None)
    m = lang.pattern("period_in").search(text)
    if m and m.group("y1"):
        month = _month(m.group("m1"), lang)
        return Period(_ym(m.group("y1"), month or 1), _ym(m.group("y1"), month or 12))
    return None


def _month(word: str | None, lang: Language) -> int | None:
    if not word:
        return None
    key = word.rstrip(".").lower() if not lang.arabic else word
    table = lang.lex.MONTH_NUMBERS
    if lang.arabic:
        table = {norm_ar(k): v for k, v in table.items()}
    return table.get(key)


def _ym(year: str, month: int) -> str:
    return f"{int(year):04d}-{month:02d}"


# -- the rules, in order --------------------------------------------------------------------------------

def over_a_period(text: str, lang: Language, period: Period | None) -> str | None:
    """'between October 2016 and July 2017', 'since October 2016': a count over months is a toll (a single
    year or month, 'in March 2017', dates an incident as often as a toll, so it decides nothing)."""
    if period is None:
        return None
    spans = lang.pattern("period_range").search(text) or lang.pattern("period_since").search(text)
    return "toll" if spans else None


def months_apart(text: str, lang: Language, period: Period | None) -> str | None:
    """'between 19 February and 19 June', 'from mid-February to mid-June': months with no year (PATTERNS
    `months_span`) are a period too, and a count over months is a toll."""
    return "toll" if lang.pattern("months_span").search(text) else None


def one_event(text: str, lang: Language, period: Period | None) -> str | None:
    """'an air strike', 'the bombing', 'a mass grave', 'غارة', 'l'attentat': one event, an incident."""
    return "incident" if lang.pattern("one_event").search(text) else None


def a_campaign(text: str, lang: Language, period: Period | None) -> str | None:
    """'in the battle for Mosul', 'so far', 'the offensive', 'منذ', 'au total': a count over a campaign."""
    return "toll" if lang.pattern("campaign").search(text) else None


def one_day(text: str, lang: Language, period: Period | None) -> str | None:
    """'on Tuesday', 'yesterday', 'أمس', 'hier': a day's deaths, unless the day is when someone spoke."""
    for m in lang.pattern("one_day").finditer(text):
        if not SAYING_BEFORE.search(text, 0, m.start()) and not SAYING_AFTER.match(text, m.end()):
            return "incident"
    return None


KIND_RULES: tuple[Callable[[str, Language, Period | None], str | None], ...] = (
    over_a_period, months_apart, one_event, a_campaign, one_day)
