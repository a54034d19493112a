"""Figures: numbers grown into ranges and qualified bounds, minus numbers that are no head count.

A figure is "between 9,000 and 11,000", "more than 40,000", "about 9,400", "up to 11,000", "27". This
module knows nothing of outcomes; it only says which numbers could be counts and how they are bounded.
Rejected here: dates, years next to a month, times, ages, percentages, money, multipliers, ordinals,
compound adjectives ("3,000-word", "nine-month") and identifiers ("issue 2570", "Resolution 2170").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon as en
from . import lexicon_ar as ar
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


def _qualifier_regex(table: dict[str, list[str]], *, arabic: bool, trailing: bool) -> re.Pattern[str]:
    groups = "|".join(f"(?P<{name}>{alternation(words, arabic=arabic)})" for name, words in table.items())
    if trailing:
        lead = r"\s*(?:\S+\s+)?" if arabic else r"\s*"
        return re.compile(rf"{lead}(?:{groups})(?!\w)", re.IGNORECASE)
    prefix = "(?:[وب])?" if arabic else ""
    return re.compile(rf"(?<!\w){prefix}(?:{groups})\s*$", re.IGNORECASE)


_QUAL_BEFORE = {False: _qualifier_regex(en.QUALIFIERS_BEFORE, arabic=False, trailing=False),
                True: _qualifier_regex(ar.QUALIFIERS_BEFORE, arabic=True, trailing=False)}
_QUAL_AFTER = {False: _qualifier_regex(en.QUALIFIERS_AFTER, arabic=False, trailing=True),
               True: _qualifier_regex(ar.QUALIFIERS_AFTER, arabic=True, trailing=True)}

_BETWEEN = {False: re.compile(r"\bbetween\s+(?:an\s+estimated\s+|some\s+)?$", re.IGNORECASE),
            True: re.compile(r"(?<!\w)(?:ما\s+)?بين\s*$")}
_BETWEEN_LINK = {False: re.compile(r"\s*(?:and|-|–|—)\s*", re.IGNORECASE), True: re.compile(r"\s*و\s*")}
_RANGE_LINK = {False: re.compile(r"\s*(?:to|-|–|—|or)\s*", re.IGNORECASE),
               True: re.compile(r"\s*(?:الي|-|–|او)\s*")}
# "rose from 120 to 240": a change, not a range; only the new figure stands.
_FROM = {False: re.compile(r"\bfrom\s*$", re.IGNORECASE), True: re.compile(r"(?<!\w)من\s*$")}
_CHANGE = re.compile(r"\b(?:rose|risen|rise|rising|increased|climbed|jumped|grew|raised|revised|up|went)\b|"
                     r"(?<!\w)(?:ارتفع|ارتفعت|ارتفاع|زاد|زادت)(?!\w)", re.IGNORECASE)

_MONTHS_EN = alternation([m for m in en.MONTHS if m != "may"])
_MONTHS_AR = alternation(ar.MONTHS, arabic=True)
_REJECT_AFTER = {
    False: re.compile(
        r"\s*(?:%|per\s*cent\b|percent\b|pc\b|percentage\b)|-(?!plus\b|odd\b)[^\W\d]|(?:st|nd|rd|th)\b|"
        r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|gmt\b|hrs\b|bc\b)|\s*(?:times|fold)\b|"
        r"\s*(?:dollars|usd|euros?|pounds|dinars?|riyals?|lira)\b|"
        r"\s*(?:in|out\s+of)\s+(?:\d|every\b|ten\b|five\b|three\b|four\b|two\b|a\s+(?:hundred|thousand|million)\b)|"
        rf"\s*(?:year|month|week|day)s?[\s-]+old\b|\s*(?:of\s+)?{_MONTHS_EN}\b|\s*may\s+\d",
        re.IGNORECASE),
    True: re.compile(
        r"\s*(?:%|٪)|\s*" + alternation(["بالمئة", "بالمائة", "في المئة", "في المائة", "مرة", "مرات",
                                          "أضعاف", "ضعفا", "دولار", "دينار", "عاما", "سنوات"], arabic=True)
        + rf"(?!\w)|\s*{_MONTHS_AR}(?!\w)"),
}
_REJECT_BEFORE = {
    False: re.compile(
        rf"(?:[$£€¥]|US\$|USD|EUR|GBP)\s*$|\b{alternation(en.IDENTIFIER_WORDS)}\s*$|"
        r"\bage[sd]?\s+(?:of\s+|between\s+|under\s+|over\s+)?$|[-–]\s*$|"
        # a strength, not a loss: "out of a force of roughly 6,000", "a city with a population of 1.5 million"
        r"\b(?:force|forces|garrison|contingent|strength|population|army)\s+of\s+(?:[a-z]+\s+){0,2}$|"
        r"\b(?:ages?|aged)\s+\d+\s*(?:to|and|-)\s*$",
        re.IGNORECASE),
    True: re.compile(rf"(?<!\w){alternation(ar.IDENTIFIER_WORDS, arabic=True)}\s*$|\$\s*$|"
                     r"(?<!\w)كل\s*$"),  # a ratio: "واحد من كل خمسة جرحى"
}
# A month before a number makes it a day or a year ("October 17", "تشرين الأول/أكتوبر 2016"), not a count:
# "منذ 17 تشرين الأول/أكتوبر 7200 جريح" goes on to a head count.
_MONTH_BEFORE = {False: re.compile(rf"\b(?:{_MONTHS_EN}\.?|may)\s*$", re.IGNORECASE),
                 True: re.compile(rf"(?<!\w){_MONTHS_AR}\s*$")}
_SMALL_WORDS = re.compile(r"(?:an?|one)$", re.IGNORECASE)


def find(text: str, arabic: bool) -> list[Figure]:
    """Candidate figures of one (rule-normalised) sentence, left to right."""
    nums = find_numbers(text)
    out: list[Figure] = []
    i = 0
    while i < len(nums):
        n, nxt = nums[i], nums[i + 1] if i + 1 < len(nums) else None
        if nxt is not None and _is_change(text, n, nxt, arabic):
            i += 1
            continue
        pair = _range(text, n, nxt, arabic) if nxt is not None else None
        fig = pair or _single(text, n, arabic)
        i += 2 if pair else 1
        if fig is not None:
            out.append(fig)
    if arabic:
        duals = [f for f in _duals(text) if not any(o.start < f.end and f.start < o.end for o in out)]
        out = sorted(out + duals, key=lambda f: f.start) if duals else out
    return out


# Arabic duals (see lexicon_ar.DUALS_*), matched on the normalised sentence.
_DUAL_SINGULAR = {norm_ar(k): norm_ar(v) for k, v in {**ar.DUALS_BROKEN, **ar.DUALS_SOUND}.items()}
_DUAL = re.compile(
    rf"(?<!\w)(?:[وف])?(?P<noun>{alternation(ar.DUALS_BROKEN, arabic=True)}(?=ان|ين)|"
    rf"{alternation(ar.DUALS_SOUND, arabic=True)}(?=ان))(?:ان|ين)(?!\w)")


def _duals(text: str) -> list[Figure]:
    return [Figure(m.start("noun"), m.end(), 2, 2, "exact", False, False, noun=_DUAL_SINGULAR[m.group("noun")])
            for m in _DUAL.finditer(text)]


def _rejected(text: str, n: Number, arabic: bool) -> bool:
    """True when the number is a date, age, percentage, sum, multiplier or identifier."""
    if _REJECT_AFTER[arabic].match(text, n.end):
        return True
    if (n.value <= 31 or _yearish(n)) and _MONTH_BEFORE[arabic].search(text, max(0, n.start - 30), n.start):
        return True
    return _REJECT_BEFORE[arabic].search(text, max(0, n.start - 30), n.start) is not None


def _qualifier(text: str, start: int, arabic: bool) -> tuple[str, int]:
    m = _QUAL_BEFORE[arabic].search(text, max(0, start - 45), start)
    if m is None:
        return "exact", start
    return m.lastgroup or "exact", m.start()


def _trailing(text: str, end: int, arabic: bool) -> tuple[str | None, int]:
    m = _QUAL_AFTER[arabic].match(text, end)
    return (m.lastgroup, m.end()) if m else (None, end)


def _yearish(n: Number) -> bool:
    return n.plain and len(n.digits) == 4 and 1900 <= n.value <= 2100


def _single(text: str, n: Number, arabic: bool) -> Figure | None:
    if _rejected(text, n, arabic):
        return None
    qual, start = _qualifier(text, n.start, arabic)
    if qual == "exact":
        trail, _ = _trailing(text, n.end, arabic)
        qual = trail or qual
    low, high = _bounds(qual, n.value)
    small = not n.digits and _SMALL_WORDS.match(text[n.start:n.end].strip()) is not None
    return Figure(start, n.end, low, high, qual, _yearish(n), small)


def _bounds(qualifier: str, value: int) -> tuple[int | None, int | None]:
    if qualifier in ("at_least", "more_than"):
        return value, None
    if qualifier == "up_to":
        return None, value
    return value, value


def _is_change(text: str, n: Number, nxt: Number, arabic: bool) -> bool:
    """'rose from 120 to 240': drop the old figure."""
    if not _RANGE_LINK[arabic].fullmatch(text, n.end, nxt.start):
        return False
    if not _FROM[arabic].search(text, max(0, n.start - 8), n.start):
        return False
    return _CHANGE.search(text, max(0, n.start - 80), n.start) is not None


def _range(text: str, n: Number, nxt: Number, arabic: bool) -> Figure | None:
    """'between 3,000 and 5,000', '9,000 to 11,000', '9,000-11,000', 'بين 3 و5 آلاف' -> range figure."""
    between = _BETWEEN[arabic].search(text, max(0, n.start - 30), n.start)
    link = _BETWEEN_LINK[arabic] if between else _RANGE_LINK[arabic]
    years = (_yearish(n) and _yearish(nxt)) if between else (_yearish(n) or _yearish(nxt))
    if not link.fullmatch(text, n.end, nxt.start) or years:  # "between 1900 and 2400 civilians", not "2014-2017"
        return None
    low = n.value
    if n.scale == 1 and nxt.scale > 1 and low * nxt.scale <= nxt.value * 10:
        low *= nxt.scale  # "between three and five thousand"
    if low >= nxt.value or _REJECT_AFTER[arabic].match(text, nxt.end):
        return None
    start = between.start() if between else n.start
    return Figure(start, nxt.end, low, nxt.value, "range", False, False)
