"""One `Language` per language the reader knows, built from its data module (lexicon.py, lexicon_ar.py,
lexicon_fr.py).

A data module holds word lists (UPPER_CASE names) and `PATTERNS`: the constructions too irregular for a
word list, as regex fragments that may name a word list as `<LIST_NAME>` (replaced by an alternation of
that list, longest entry first). The stages ask a language for a pattern by name; a pattern the language
does not define never matches, so a new language may start with a few lists and grow. Adding a language
means adding a data module and registering it in `LANGUAGES`: the stages do not change.

`arabic` is a fact about the script, not the language: Arabic-script rules read a normalised spelling
(text.norm_ar) and strip proclitics (و ف ب ل ال) that Latin-script rules never see.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import ModuleType

from . import lexicon as _en
from . import lexicon_ar as _ar
from . import lexicon_fr as _fr
from .patterns import alternation
from .text import norm_ar

NEVER = re.compile(r"(?!)")  # the pattern of a construction a language does not define
_PLACEHOLDER = re.compile(r"<([A-Z][A-Z0-9_]*)>")
_FRAGMENT = re.compile(r"<@([a-z][a-z0-9_]*)>")  # another entry of PATTERNS, spliced in


@dataclass(frozen=True, eq=False)
class Language:
    """A language's data and the patterns compiled from it (each compiled once, on first use)."""

    code: str
    arabic: bool
    lex: ModuleType
    _compiled: dict[tuple[str, int], re.Pattern[str]] = field(default_factory=dict, repr=False)
    _sets: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _default: dict[str, re.Pattern[str]] = field(default_factory=dict, repr=False)

    def words(self, name: str) -> list[str]:
        """A word list of the data module ([] when the language has none)."""
        value = getattr(self.lex, name, None)
        if value is None:
            return []
        if isinstance(value, dict):
            return [w for ws in value.values() for w in ws]
        return list(value)

    def set_of(self, name: str) -> frozenset[str]:
        """The word list `name` as a set of lower-case (or normalised Arabic) words, built once."""
        hit = self._sets.get(name)
        if hit is None:
            hit = self._sets[name] = frozenset(norm_ar(w) if self.arabic else w.lower() for w in self.words(name))
        return hit

    def alternation(self, name: str) -> str:
        """The word list `name` as a regex alternation (never matching when empty)."""
        words = self.words(name)
        return alternation(words, arabic=self.arabic) if words else "(?!)"

    def expand(self, pattern: str) -> str:
        """A pattern with its `<LIST_NAME>` placeholders replaced by the lists' alternations."""
        patterns = getattr(self.lex, "PATTERNS", {})
        pattern = _FRAGMENT.sub(lambda m: self.expand(patterns.get(m.group(1), "(?!)")), pattern)
        if self.arabic:  # written in ordinary spelling, read against the normalised one
            pattern = norm_ar(pattern)
        return _PLACEHOLDER.sub(lambda m: self.alternation(m.group(1)), pattern)

    def has(self, name: str) -> bool:
        return name in getattr(self.lex, "PATTERNS", {})

    def pattern(self, name: str, flags: int | None = None) -> re.Pattern[str]:
        """The construction `name` of PATTERNS, compiled (Latin script: case-insensitive unless `flags`
        says otherwise); NEVER when the language does not define it. Called for every figure: the common
        case is one dictionary look-up."""
        if flags is None:
            hit = self._default.get(name)
            if hit is None:
                hit = self._default[name] = self._compile(name, 0 if self.arabic else re.IGNORECASE)
            return hit
        key = (name, flags)
        hit = self._compiled.get(key)
        if hit is None:
            hit = self._compiled[key] = self._compile(name, flags)
        return hit

    def _compile(self, name: str, flags: int) -> re.Pattern[str]:
        source = getattr(self.lex, "PATTERNS", {}).get(name)
        return NEVER if source is None else re.compile(self.expand(source), flags)


ENGLISH = Language("en", False, _en)
ARABIC = Language("ar", True, _ar)
FRENCH = Language("fr", False, _fr)
LANGUAGES: dict[str, Language] = {lang.code: lang for lang in (ENGLISH, ARABIC, FRENCH)}
LATIN = [lang for lang in LANGUAGES.values() if not lang.arabic]


def language(code: str | None) -> Language:
    """The language of a code ('en', 'fr-FR', 'ar'); English for codes the reader has no data for."""
    return LANGUAGES.get((code or "en").split("-")[0].split("_")[0].lower(), ENGLISH)


DETECT_SAMPLE = 600  # characters: about a hundred words, enough function words to tell languages apart


def detect_latin(sample: str) -> Language:
    """The Latin-script language with the most of its function words (data: DETECT_WORDS) in the sample."""
    words = set(sample[:DETECT_SAMPLE].lower().split())
    best, best_hits = ENGLISH, 0
    for lang in LATIN:
        hits = len(words.intersection(lang.set_of("DETECT_WORDS")))
        if hits > best_hits:
            best, best_hits = lang, hits
    return best
