"""The reader's vocabulary as others need it: the crawler's relevance gate asks here, so it keeps every page
the reader would read figures from ("Militants executed 40 people in Mosul" was dropped by a gate with its own
word list while `extract()` read 40 killed from it).

Two questions, from the same data as the reader: `gate_stems` (literal stems, cheap enough for raw bytes) and
`mentions_outcome` (the reader's own outcome phrases, exact, for text).
"""
from __future__ import annotations

from .language import LANGUAGES
from .outcomes import outcome_table
from .text import has_arabic, norm_ar


def gate_stems() -> tuple[str, ...]:
    """Every language's gate stems, each once."""
    return tuple(dict.fromkeys(w for lang in LANGUAGES.values() for w in lang.words("GATE_STEMS")))


def mentions_outcome(text: str) -> bool:
    """Whether `text` holds a word of death, injury or disappearance the reader links figures to, in any
    language the reader knows."""
    arabic = has_arabic(text)
    for lang in LANGUAGES.values():
        if lang.arabic and not arabic:
            continue
        if outcome_table(lang)[0].search(norm_ar(text) if lang.arabic else text) is not None:
            return True
    return False
