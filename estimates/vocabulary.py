"""The reader's vocabulary as others need it: the crawler's relevance gate asks here, so it keeps every page
the reader would read figures from ("Militants executed 40 people in Mosul" was dropped by a gate with its own
word list while `extract()` read 40 killed from it).

Two questions, from the same data as the reader: `gate_stems` (literal stems, cheap enough for raw bytes) and
`mentions_outcome` (the reader's own outcome phrases, exact, for text).
"""
from __future__ import annotations

from . import lexicon as en
from . import lexicon_ar as ar
from .patterns import AR_OUTCOMES, EN_OUTCOMES
from .text import has_arabic, norm_ar


def gate_stems() -> tuple[str, ...]:
    """Every language's gate stems, each once."""
    return tuple(dict.fromkeys([*en.GATE_STEMS, *ar.GATE_STEMS]))


def mentions_outcome(text: str) -> bool:
    """Whether `text` holds a word of death, injury or disappearance the reader links figures to."""
    if EN_OUTCOMES.search(text) is not None:
        return True
    return has_arabic(text) and AR_OUTCOMES.search(norm_ar(text)) is not None
