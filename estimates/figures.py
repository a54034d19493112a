"""Figures: numbers grown into ranges and qualified bounds, minus numbers that are no head count.

A figure is "between 9,000 and 11,000", "more than 40,000", "about 9,400", "up to 11,000", "27". This
module knows nothing of outcomes; it only says which numbers could be counts and how they are bounded.
Rejected here: dates, years next to a month, times, ages, percentages, money, multipliers, ordinals,
compound adjectives ("3,000-word", "nine-month") and identifiers ("issue 2570", "Resolution 2170").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from functools import cache

from . import lexicon_ar as ar
from .language import Language
from .numbers import Number, find as find_numbers
from .patterns import alternation
from .text import norm_ar


@dataclass(frozen=True, slots=True)
class Figure:
    """A candidate count. [start, end) covers qualifier and numbers; `yearish` marks a bare 19xx/20xx."""

    start: int
    end: int
    low: int | None
    high: int | None
    qualifier: str
    yearish: bool
    small_word: bool  # "one"/"a": needs an explicit noun to count as a figure
    noun: str | None = None  # an Arabic dual counts itself: "جنديان" is two soldiers (its singular: "جندي")
    outcome: str | None = None  # ... and a dual of an outcome noun is its own outcome: "قتيلان" is two killed


@cache
def _qual_before(lang: Language) -> re.Pattern[str]:
    """'more than', 'at least', 'نحو' before a number: one named group per qualifier."""
    groups = "|".join(f"(?P<{name}>{alternation(words, arabic=lang.arabic)})"
                      for name, words in lang.lex.QUALIFIERS_BEFORE.items())
    prefix = "(?:[وب])?" if lang.arabic else ""  # "وبأكثر من"
    return re.compile(rf"(?<!\w){prefix}(?:{groups})\s*$", re.IGNORECASE)


@cache
def _qual_after(lang: Language) -> re.Pattern[str]:
    """'or more', 'plus', 'على الأقل' after a number (in Arabic, after its noun: "30 مدنيا على الأقل")."""
    groups = "|".join(f"(?P<{name}>{alternation(words, arabic=lang.arabic)})"
                      for name, words in lang.lex.QUALIFIERS_AFTER.items())
    lead = r"\s*(?:\S+\s+)?" if lang.arabic else r"\s*"
    return re.compile(rf"{lead}(?:{groups})(?!\w)", re.IGNORECASE)


@cache
def _words_before(lang: Language, name: str) -> re.Pattern[str]:
    """A word of the list `name` right before a number: "between", "from"."""
    return re.compile(rf"(?<!\w){lang.alternation(name)}\s*$", re.IGNORECASE)


@cache
def _link(lang: Language, name: str) -> re.Pattern[str]:
    """A word of the list `name` joining two numbers: "and", "to", "-"."""
    return re.compile(rf"\s*{lang.alternation(name)}\s*", re.IGNORECASE)


@cache
def _change(lang: Language) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){lang.alternation('CHANGE_VERBS')}(?!\w)", re.IGNORECASE)


# Numbers read per sentence: a sentence of prose holds a handful, a table's row a dozen; a chunk of a
# thousand numbers is garbage or an attack ("killed 40 killed 40 ..."), and reading each would cost
# ~0.2 ms, so a 1 MB page of them 20 s. Tables of one figure per line are read line by line (tables.py).
MAX_NUMBERS = 30


def find(text: str, lang: Language) -> list[Figure]:
    """Candidate figures of one (rule-normalised) sentence, left to right (the first MAX_NUMBERS numbers)."""
    nums = find_numbers(text, lang)[:MAX_NUMBERS]
    out: list[Figure] = []
    i = 0
    while i < len(nums):
        n, nxt = nums[i], nums[i + 1] if i + 1 < len(nums) else None
        if nxt is not None and _is_change(text, n, nxt, lang):
            i += 1
            continue
        pair = _range(text, n, nxt, lang) if nxt is not None else None
        fig = pair or _single(text, n, lang)
        i += 2 if pair else 1
        if fig is not None:
            out.append(fig)
    if lang.arabic:
        duals = [f for f in _duals(text) if not any(o.start < f.end and f.start < o.end for o in out)]
        out = sorted(out + duals, key=lambda f: f.start) if duals else out
    return out


# Arabic duals (see lexicon_ar.DUALS_*), matched on the normalised sentence.
_DUAL_SINGULAR = {norm_ar(k): norm_ar(v) for k, v in {**ar.DUALS_BROKEN, **ar.DUALS_SOUND}.items()}
_DUAL_OUTCOME = {norm_ar(k): v for k, v in ar.DUALS_OUTCOME.items()}
_DUAL = re.compile(
    rf"(?<!\w)(?:[وف])?(?P<noun>{alternation(ar.DUALS_BROKEN, arabic=True)}(?=ان|ين)|"
    rf"{alternation(ar.DUALS_SOUND, arabic=True)}(?=ان))(?:ان|ين)(?!\w)|"
    rf"(?<!\w)(?:[وف])?(?P<outcome>{alternation(ar.DUALS_OUTCOME, arabic=True)})(?:ان|ين)(?!\w)")


def _duals(text: str) -> list[Figure]:
    return [Figure(m.start("noun"), m.end(), 2, 2, "exact", False, False, noun=_DUAL_SINGULAR[m.group("noun")])
            if m.group("noun") else
            Figure(m.start("outcome"), m.end(), 2, 2, "exact", False, False, outcome=_DUAL_OUTCOME[m.group("outcome")])
            for m in _DUAL.finditer(text)]


def _rejected(text: str, n: Number, lang: Language) -> bool:
    """True when the number is a date, age, percentage, sum, multiplier or identifier."""
    if lang.pattern("not_count_after").match(text, n.end):
        return True
    if (n.value <= 31 or _yearish(n)) and lang.pattern("month_before").search(text, max(0, n.start - 30), n.start):
        return True
    return lang.pattern("not_count_before").search(text, max(0, n.start - 30), n.start) is not None


def _qualifier(text: str, start: int, lang: Language) -> tuple[str, int]:
    m = _qual_before(lang).search(text, max(0, start - 45), start)
    if m is None:
        return "exact", start
    return m.lastgroup or "exact", m.start()


def _trailing(text: str, end: int, lang: Language) -> tuple[str | None, int]:
    m = _qual_after(lang).match(text, end)
    return (m.lastgroup, m.end()) if m else (None, end)


def _yearish(n: Number) -> bool:
    return n.plain and len(n.digits) == 4 and 1900 <= n.value <= 2100


def _single(text: str, n: Number, lang: Language) -> Figure | None:
    if _rejected(text, n, lang):
        return None
    qual, start = _qualifier(text, n.start, lang)
    if qual == "exact":
        trail, _ = _trailing(text, n.end, lang)
        qual = trail or qual
    low, high = _bounds(qual, n.value)
    small = not n.digits and lang.pattern("small_word").match(text[n.start:n.end].strip()) is not None
    return Figure(start, n.end, low, high, qual, _yearish(n), small)


def _bounds(qualifier: str, value: int) -> tuple[int | None, int | None]:
    if qualifier in ("at_least", "more_than"):
        return value, None
    if qualifier == "up_to":
        return None, value
    return value, value


def _is_change(text: str, n: Number, nxt: Number, lang: Language) -> bool:
    """'rose from 120 to 240': drop the old figure."""
    if not _link(lang, "RANGE_TO").fullmatch(text, n.end, nxt.start):
        return False
    if not _words_before(lang, "CHANGE_FROM").search(text, max(0, n.start - 8), n.start):
        return False
    return _change(lang).search(text, max(0, n.start - 80), n.start) is not None


def _thousands_shared(n: Number, nxt: Number) -> bool:
    """A bare small low end before a high end written in whole thousands: "de 9 à 11 000 morts"."""
    return n.scale == 1 and n.plain and n.value < 1000 and nxt.value >= 1000 and nxt.value % 1000 == 0 \
        and n.value * 1000 < nxt.value and not nxt.plain


def _range(text: str, n: Number, nxt: Number, lang: Language) -> Figure | None:
    """'between 3,000 and 5,000', '9,000 to 11,000', '9,000-11,000', 'بين 3 و5 آلاف' -> range figure."""
    between = _words_before(lang, "RANGE_OPENERS").search(text, max(0, n.start - 30), n.start)
    link = _link(lang, "RANGE_AND") if between else _link(lang, "RANGE_TO")
    years = (_yearish(n) and _yearish(nxt)) if between else (_yearish(n) or _yearish(nxt))
    if not link.fullmatch(text, n.end, nxt.start) or years:  # "between 1900 and 2400 civilians", not "2014-2017"
        return None
    low = n.value
    if n.scale == 1 and nxt.scale > 1 and low * nxt.scale <= nxt.value * 10:
        low *= nxt.scale  # "between three and five thousand"
    elif _thousands_shared(n, nxt):
        low *= 1000  # "9 à 11 000", "9 to 11,000": the high end's thousands are the low end's too
    if low >= nxt.value or lang.pattern("not_count_after").match(text, nxt.end):
        return None
    start = between.start() if between else n.start
    return Figure(start, nxt.end, low, nxt.value, "range", False, False)
