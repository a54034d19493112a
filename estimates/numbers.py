"""Finding and valuing numbers: digits (any grouping, Arabic-Indic too), English and Arabic number words.

Only exact amounts become numbers. Vague amounts ("dozens", "thousands", "عشرات", "آلاف" alone) are not
numbers at all: the issue says they give no figure.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from . import lexicon as en
from . import lexicon_ar as ar
from .patterns import alternation, ar_map, norm_ar

if TYPE_CHECKING:
    from .language import Language


@dataclass(frozen=True, slots=True)
class Number:
    """A number found in text. `scale` is the multiplier a scale word supplied (1 if none); `plain` is True
    for bare digits with no grouping or scale (the only shape a year, an issue number or a time can take)."""

    start: int
    end: int
    value: int
    scale: int
    plain: bool
    digits: str  # the digits as written, '' for words


# Digits: grouped by comma, Arabic separator, dot or a (thin/nb) space, or plain with optional decimals.
# Not preceded by a digit/separator and not followed by / or : (dates "17/10", times "10:30").
_DIGITS = (
    r"(?<![\d.,\u066b\u066c/:])"
    r"(?P<d>\d{1,3}(?:,\d{3})+(?![\d])|\d{1,3}(?:\u066c\d{3})+|\d{1,3}(?:\.\d{3})+(?![\d.])"
    r"|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d])|\d+(?:[.\u066b]\d+)?)"
    r"(?![\d/:])"
)
_SCALE_WORDS = {**en.SCALES, **ar_map(ar.SCALE_WORDS)}
_SCALE = (
    rf"(?:(?P<sfx>{alternation(en.SUFFIX_SCALES)})(?![\w])"
    rf"|\s*(?P<sw>{alternation(en.SCALES)}|{alternation(ar.SCALE_WORDS, arabic=True)})(?![\w]))?"
)
_EN_WORDS = {**en.UNITS, **en.TENS, **en.SCALES, "hundred": 100, "dozen": 12}
_EN_WORD = alternation(_EN_WORDS)
_EN_SEQ = (
    rf"\b(?P<w>half\s+an?\s+(?:million|billion)|(?:an?\s+)?{_EN_WORD}"
    rf"(?:(?:\s*-\s*|\s+and\s+|\s+){_EN_WORD})*)\b"
)
_AR_UNITS, _AR_TEN, _AR_TENS = ar_map(ar.UNITS), ar_map(ar.TEN), ar_map(ar.TENS)
_AR_HUNDRED, _AR_HUNDREDS = ar_map(ar.HUNDRED), ar_map(ar.HUNDREDS)
_AR_THOUSAND, _AR_TWO_THOUSAND = ar_map(ar.THOUSAND), ar_map(ar.TWO_THOUSAND)
_AR_MILLION, _AR_TWO_MILLION = ar_map(ar.MILLION), ar_map(ar.TWO_MILLION)
_AR_ALL = {**_AR_UNITS, **_AR_TEN, **_AR_TENS, **_AR_HUNDRED, **_AR_HUNDREDS, **_AR_THOUSAND,
           **_AR_TWO_THOUSAND, **_AR_MILLION, **_AR_TWO_MILLION}
_AR_WORD = alternation(list(_AR_ALL) + [ar.HALF], arabic=True)
_AR_SEQ = rf"(?<![\w])و?(?P<a>{_AR_WORD}(?:\s+(?:و\s*)?{_AR_WORD}|\s*و{_AR_WORD})*)(?![\w])"

NUMBER = re.compile(rf"{_DIGITS}{_SCALE}|{_EN_SEQ}|{_AR_SEQ}", re.IGNORECASE)
_AR_SCALE_END = re.compile(rf"{alternation(ar.SCALE_WORDS, arabic=True)}$")
_VAGUE_AR = frozenset(norm_ar(w) for w in ("آلاف", "ملايين"))


_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
# "27 ألفاً و19", "ثلاثة آلاف و500": a thousands/millions figure and a smaller remainder joined by و are one
# number (a range "بين 3 و5 آلاف" never has a scale word on its first member).
_AR_AND = re.compile(r"\s*و\s*")
_JOINS_AND = frozenset(["hundred", *en.SCALES])


def find(text: str, lang: Language | None = None) -> list[Number]:
    """All exact numbers in `text`, left to right: digits in any grouping, and number words of `lang`
    (English and Arabic both when no language is given)."""
    out: list[Number] = []
    if lang is not None and lang.code not in _OWN_READERS:
        return _find_latin(text, lang)
    for m in NUMBER.finditer(text):
        if m.group("w") is not None and _AND.search(m.group("w")):
            out.extend(_split_words(text, m.start(), m.end()))
            continue
        if m.group("a") is not None and len(pieces := _split_ar(text, m.start(), m.end())) > 1:
            out.extend(pieces)  # "بين ثلاثة آلاف وخمسة آلاف": two numbers, a range's ends
            continue
        num = _read(m)
        if num is None:
            continue
        prev = out[-1] if out else None
        if prev is not None and _ar_compound(text, prev, num):
            out[-1] = Number(prev.start, num.end, prev.value + num.value, prev.scale, False, prev.digits)
            continue
        out.append(num)
    return out


def _ar_compound(text: str, big: Number, rest: Number) -> bool:
    """'27 ألفا و19' -> 27,019: an Arabic scale word, و, and a remainder below that scale."""
    if big.scale < 1000 or rest.value >= big.scale or big.value % big.scale:
        return False
    if not _AR_AND.fullmatch(text, big.end, rest.start):
        return False
    return _AR_SCALE_END.search(text, big.start, big.end) is not None


def _split_words(text: str, start: int, end: int) -> list[Number]:
    """'a hundred and five' is one number, 'two and three' two: 'and' joins only after hundred/thousand."""
    pieces, seg_start = [], start
    for a in _AND.finditer(text, start, end):
        before = text[seg_start:a.start()].lower().split()[-1:]
        after = text[a.end():end].lower().split()[:1]
        if not (before and before[0] in _JOINS_AND and after and after[0] not in ("a", "an")):
            pieces.append((seg_start, a.start()))
            seg_start = a.end()
    pieces.append((seg_start, end))
    return _word_numbers(text, pieces, english_words)


def _word_numbers(text: str, pieces: list[tuple[int, int]], read: Callable[[str], int | None]) -> list[Number]:
    """The numbers written in words at `pieces`, each read by `read` (English or Arabic)."""
    out = []
    for a, b in pieces:
        value = read(text[a:b])
        if value is not None:
            out.append(Number(a, b, value, _word_scale(text[a:b]), False, ""))
    return out


_AR_AND_WORD = re.compile(r"\s+و\s*|(?<=\s)و(?=\w)")


def _split_ar(text: str, start: int, end: int) -> list[Number]:
    """'ثلاثة آلاف وخمسة آلاف' is two numbers: after a scale word, و joins only a smaller remainder."""
    cuts, seg = [], start
    for a in _AR_AND_WORD.finditer(text, start, end):
        before, after = text[seg:a.start()], text[a.end():end]
        big = _word_scale(before)
        if big >= 1000 and _AR_SCALE_END.search(norm_ar(before).rstrip()) and _word_scale(after) >= big:
            cuts.append((seg, a.start()))
            seg = a.end()
    if not cuts:
        return []
    cuts.append((seg, end))
    return _word_numbers(text, cuts, arabic_words)


def _read(m: re.Match[str]) -> Number | None:
    if m.group("d") is not None:
        return _read_digits(m)
    if m.group("w") is not None:
        value = english_words(m.group("w"))
        return None if value is None else Number(m.start(), m.end(), value, _word_scale(m.group("w")), False, "")
    # "واثنين في ميكولايف": "and two", a count, not an adjective (the و outside the number word)
    value = arabic_words(m.group("a"), joined=m.start("a") > m.start() and m.group().startswith("و"))
    return None if value is None else Number(m.start(), m.end(), value, _word_scale(m.group("a")), False, "")


def _read_digits(m: re.Match[str], scale: int | None = None, marks: str = ".") -> Number | None:
    """The value of a digit match, times its scale word (read from the match unless given). Before a scale
    word a short fraction in one of `marks` is a decimal ("1.5 million"; French "1,5 million"); elsewhere
    "40.000" is a grouped thousand."""
    groups = m.groupdict()
    raw = groups.get("dec") or m.group("d")
    if len(raw) > 15:
        return None  # a digit run this long is an identifier or garbage, never a head count
    if scale is None:
        scale_word = (groups.get("sfx") or groups.get("sw") or "").lower()
        scale = en.SUFFIX_SCALES.get(scale_word) or _SCALE_WORDS.get(norm_ar(scale_word), 1)
    if scale > 1 and re.fullmatch(rf"\d{{1,3}}[{re.escape(marks)}]\d{{1,3}}", raw):
        value = float(raw.replace(",", "."))
    else:
        value = digits_value(raw)
    if value is None:
        return None
    total = value * scale
    if total != int(total):
        return None  # "2.5" of something is not a head count
    plain = scale == 1 and raw.isdigit()
    return Number(m.start(), m.end(), int(total), scale, plain, raw)


def digits_value(raw: str) -> float | None:
    """Value of a digit string with grouping separators or a decimal point (ASCII or Arabic-Indic)."""
    if re.fullmatch(r"\d{1,3}(?:([,.\u066c \u00a0\u2009\u202f])\d{3})+", raw):
        return float(int(re.sub(r"\D", "", raw)))
    cleaned = raw.replace("\u066b", ".")
    try:
        return float(cleaned) if "." in cleaned else float(int(cleaned))
    except ValueError:
        return None


def _word_scale(words: str) -> int:
    low = norm_ar(words.lower())
    for name, value in sorted(_SCALE_WORDS.items(), key=lambda kv: -kv[1]):
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", low):
            return value
    return 1


def english_words(text: str) -> int | None:
    """'sixty-three' -> 63, 'a hundred and five' -> 105, 'half a million' -> 500000.
    A leading bare scale ('thousand', as in 'several thousand') is vague -> None."""
    tokens = [t for t in re.split(r"[\s-]+", text.lower()) if t and t != "and"]
    if tokens[:1] == ["half"]:
        return _SCALE_WORDS.get(tokens[-1], 0) // 2 or None
    if tokens[0] in ("a", "an"):
        tokens = tokens[1:]
        if not tokens or tokens[0] not in ("hundred", "dozen", *en.SCALES):
            return None
        tokens = ["one", *tokens]
    if tokens[0] in ("hundred", "dozen", *en.SCALES):
        return None
    total = current = 0
    for t in tokens:
        if t in en.SCALES:
            total += (current or 1) * en.SCALES[t]
            current = 0
        elif t == "hundred":
            current = (current or 1) * 100
        elif t == "dozen":
            current = (current or 1) * 12
        else:
            current += _EN_WORDS[t]
    return total + current or None


def arabic_words(text: str, joined: bool = False) -> int | None:
    """'ثلاثة آلاف' -> 3000, 'خمسة وعشرون' -> 25, 'ألف' -> 1000; 'آلاف' alone -> None (vague); a lone one or two
    only when `joined` to what comes before by و."""
    words = [w[1:] if w.startswith("و") and w[1:] in _AR_ALL else w
             for w in norm_ar(text).replace("و ", "و").split()]
    if words == [norm_ar(ar.HALF)] or words[0] in _VAGUE_AR:
        return None
    if words[0] == norm_ar(ar.HALF):
        return (_SCALE_WORDS.get(words[-1], 0) // 2) or None
    if len(words) == 1 and _AR_UNITS.get(words[0], 0) in (1, 2) and not joined:
        return None  # "عائلة واحدة", "طفلين اثنين": adjectives after their noun ("واثنين في ميكولايف" counts)
    total = current = 0
    for w in words:
        if w in _AR_UNITS or w in _AR_TENS or w in _AR_HUNDREDS:
            current += _AR_UNITS.get(w) or _AR_TENS.get(w) or _AR_HUNDREDS[w]
        elif w in _AR_TEN:
            current += 10
        elif w in _AR_HUNDRED:
            current = (current or 1) * 100
        elif w in _AR_THOUSAND or w in _AR_MILLION:
            total += (current or 1) * (_AR_THOUSAND.get(w) or _AR_MILLION[w])
            current = 0
        elif w in _AR_TWO_THOUSAND or w in _AR_TWO_MILLION:
            total += (_AR_TWO_THOUSAND.get(w) or _AR_TWO_MILLION[w]) * (current or 1)
            current = 0
        else:
            return None
    return total + current or None


# --- number words of any other Latin-script language, from its data (UNITS, TENS, HUNDREDS, SCALES) ------
# English and Arabic have readers of their own above ("a hundred and five", Arabic duals and gender); a
# language added as data alone is read by the rules below: units and tens add, a hundred word multiplies
# what precedes it, a scale word closes a group ("deux cent mille" = 200,000), JOIN_WORDS are skipped
# ("vingt et un"), a compound is written with hyphens or spaces ("quatre-vingt-dix-sept").
_OWN_READERS = frozenset({"en", "ar"})


@cache
def _latin_tables(lang: Language) -> tuple[re.Pattern[str], dict[str, tuple[str, int]]]:
    kinds: dict[str, tuple[str, int]] = {}
    for name, kind in (("UNITS", "add"), ("TENS", "add"), ("HUNDREDS", "times"), ("SCALES", "scale")):
        for word, value in (getattr(lang.lex, name, None) or {}).items():
            kinds[word.lower()] = (kind, value)
    words = alternation(kinds) if kinds else "(?!)"
    joins = alternation(lang.words("JOIN_WORDS")) if lang.words("JOIN_WORDS") else "(?!)"
    scales = {**(getattr(lang.lex, "SCALES", None) or {})}
    scale_re = alternation(scales) if scales else "(?!)"
    suffix = getattr(lang.lex, "SUFFIX_SCALES", None) or {}
    suffix_re = alternation(suffix) if suffix else "(?!)"
    seq = rf"(?<![\w-])(?P<w>{words}(?:(?:\s*-\s*|\s+(?:{joins}\s+)?){words})*)(?![\w-])"
    # a decimal before a scale word, in the language's own mark: "1,5 million" (French), "2.5 million"
    mark = re.escape(getattr(lang.lex, "DECIMAL_MARK", "."))
    decimal = rf"(?<![\d.,])(?P<dec>\d{{1,3}}{mark}\d{{1,3}})(?=\s*{scale_re}(?![\w]))"
    digits = rf"(?:{decimal}|{_DIGITS})(?:(?P<sfx>{suffix_re})(?![\w])|\s*(?P<sw>{scale_re})(?![\w]))?"
    return re.compile(rf"{digits}|{seq}", re.IGNORECASE), kinds


def _find_latin(text: str, lang: Language) -> list[Number]:
    regex, kinds = _latin_tables(lang)
    out = []
    for m in regex.finditer(text):
        if m.group("d") is not None or m.group("dec") is not None:
            scale_word = (m.group("sfx") or m.group("sw") or "").lower()
            num = _read_digits(m, kinds.get(scale_word, ("", 1))[1] if scale_word else 1,
                               getattr(lang.lex, "DECIMAL_MARK", ".") + ".")
        else:
            num = _latin_value(m.group("w"), kinds, lang, m.start(), m.end())
        if num is not None:
            out.append(num)
    return out


def _latin_value(words: str, kinds: dict[str, tuple[str, int]], lang: Language, start: int,
                 end: int) -> Number | None:
    """'quatre-vingt-dix-sept' -> 97, 'deux cent mille' -> 200000; a bare scale word ('mille') counts one
    thousand, but 'milliers' is vague and is no entry of SCALES."""
    regex = _latin_token(lang)
    total = current = 0
    scale = 1
    for t in regex.findall(words.lower()):
        kind, value = kinds[t]
        if kind == "add":
            current += value
        elif kind == "times":
            current = (current or 1) * value
        else:
            total += (current or 1) * value
            current = 0
            scale = max(scale, value)
    value = total + current
    return Number(start, end, value, scale, False, "") if value else None


@cache
def _latin_token(lang: Language) -> re.Pattern[str]:
    return re.compile(alternation(_latin_tables(lang)[1]))
