"""Script handling: language detection and Arabic normalisation.

Arabic press spells the same word with or without hamza on alef, with ta marbuta or ha, with or without
short vowels and tatweel. Rules are written once against a normalised spelling; `ArabicText` keeps a map
back to the original so that quotes, places and claimants are returned as written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .language import Language

_ARABIC_CHAR = re.compile(r"[\u0600-\u06FF\u0750-\u077F]")
_ARABIC_LETTERS = re.compile(r"[\u0621-\u064A]")
_LATIN_LETTERS = re.compile(r"[A-Za-z]")
# Short vowels, tanween, shadda, sukun, superscript alef and tatweel carry no meaning for the rules.
_DIACRITICS = re.compile(r"[\u064B-\u0652\u0670\u0640]")
_LETTER_MAP = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


def has_arabic(text: str) -> bool:
    """True when the text holds any Arabic-script character (cheap routing test per sentence)."""
    return _ARABIC_CHAR.search(text) is not None


def detect_lang(text: str) -> str:
    """'ar' when Arabic letters make up at least 30% of the letters in the first 4,000 characters; else the
    Latin-script language whose function words are commonest (language.detect_latin)."""
    from .language import detect_latin
    sample = text[:4000]
    if not has_arabic(sample):  # the common case: no letter to count
        return detect_latin(sample).code
    ar = _ARABIC_LETTERS.subn("", sample)[1]  # a count without building a list of matches
    la = _LATIN_LETTERS.subn("", sample)[1]
    return "ar" if ar and ar >= 0.3 * (ar + la) else detect_latin(sample).code


# A wire dateline opening a story or a clause: "ERBIL, Iraq (AP) —", "BAGHDAD (Reuters) -", "AL-QAIM — ".
# The city is in capitals; English only (Arabic datelines have no such mark).
_DATELINE = re.compile(r"^\s*(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)?)?"
                       r"(?:,\s*\d{1,2}\s+[^\W\d]+\.?|,\s*[^\W\d]+\.?\s+\d{1,2})?"  # ", 14 mars", ", March 14"
                       r"\s*(?:\([^()\n]{1,40}\))?"
                       # AFP's French wire writes the town in title case, always with its bracket: "Kiev (AFP) -",
                       # "Erbil (Irak) (AFP) -"
                       r"|[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+){0,2}\s*(?:\([^()\n]{1,40}\)\s*){1,2}"
                       # a press release's: "Geneva, 19 August –", "New York, 12 March 2025 –"
                       r"|[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+){0,2},\s*(?:\d{1,2}\s+[A-Z][a-zé]+\.?|[A-Z][a-zé]+\.?\s+\d{1,2})"
                       r"(?:,?\s+\d{4})?)\s*(?:[—–-]+|//)\s+")  # "//": The National's "BAGHDAD // The number ..."


def dateline_end(text: str) -> int:
    """Where a wire dateline opening `text` ends (0: none): it says where the story was filed."""
    m = _DATELINE.match(text)
    return m.end() if m else 0


def norm_ar(text: str) -> str:
    """Normalised spelling used by every Arabic rule and word list (not length-preserving). A sentence's is
    remembered: the stages normalise the same sentence several times, and hashing it is cheaper than mapping
    it; a whole page is not (4,096 pages of a megabyte each would be kept)."""
    return _norm_remembered(text) if len(text) <= NORM_CACHE_CHARS else _norm(text)


NORM_CACHE_CHARS = 2000  # longer than any sentence the reader reads (sentences.MAX_SENTENCE is 1,200)


def _norm(text: str) -> str:
    return _DIACRITICS.sub("", text).translate(_LETTER_MAP)


_norm_remembered = lru_cache(maxsize=4096)(_norm)


@dataclass(frozen=True, slots=True)
class RuleText:
    """The text the rules read (normalised when Arabic) plus the map back to the original's offsets."""

    original: str
    text: str
    index: tuple[int, ...] | None  # None when nothing was removed: offsets are the same
    arabic: bool
    lang: "Language"

    @classmethod
    def of(cls, original: str, lang: "Language | None" = None) -> "RuleText":
        """Latin-script text passes through untouched, read in `lang` (the article's language; English when
        none is given); Arabic-script text is read as Arabic, normalised (see module docstring)."""
        from .language import ARABIC, ENGLISH
        if not has_arabic(original):
            latin = ENGLISH if lang is None or lang.arabic else lang
            return cls(original, original, None, False, latin)
        if not _DIACRITICS.search(original):
            return cls(original, original.translate(_LETTER_MAP), None, True, ARABIC)
        kept = [i for i, ch in enumerate(original) if not _DIACRITICS.match(ch)]
        text = "".join(original[i] for i in kept).translate(_LETTER_MAP)
        return cls(original, text, tuple(kept), True, ARABIC)

    def span(self, start: int, end: int) -> str:
        """The original text behind normalised offsets [start, end)."""
        if self.index is None or start >= end:
            return self.original[start:end]
        return self.original[self.index[start]: self.index[end - 1] + 1]
