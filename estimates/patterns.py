"""Regex building blocks for the word lists (each language compiles its own on first use: language.py).

Kept apart from the lists so that a person extending the reader edits data, not regex syntax.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .text import norm_ar

# Arabic prefixes: conjunction (و ف), preposition (ب ل ك), article (ال / لل).
AR_PREFIX = r"(?:[وف])?(?:[بلك])?(?:ال|ل)?"
AR_LEFT = r"(?<![\w])"
AR_RIGHT = r"(?![\w])"


class Folded:
    """A case-insensitive regex run as a case-sensitive one over lowercased text: `re` is several times
    faster on long literal alternations that way. Falls back to IGNORECASE when lowercasing changes the
    text's length (offsets would shift). Write the pattern's literal parts in lowercase."""

    __slots__ = ("fast", "slow")

    def __init__(self, pattern: str) -> None:
        self.fast = re.compile(pattern)
        self.slow = re.compile(pattern, re.IGNORECASE)

    def _pick(self, text: str, low: str | None) -> tuple[re.Pattern[str], str]:
        low = text.lower() if low is None else low
        return (self.fast, low) if len(low) == len(text) else (self.slow, text)

    def finditer(self, text: str, low: str | None = None):
        regex, subject = self._pick(text, low)
        return regex.finditer(subject)

    def search(self, text: str, low: str | None = None) -> re.Match[str] | None:
        regex, subject = self._pick(text, low)
        return regex.search(subject)


class Stems:
    """Literal stems found anywhere in a text, case-insensitively: one pass of an Aho-Corasick automaton
    (pyahocorasick), about five times cheaper than the same stems as a regex, for the gates every text and
    sentence goes through. `word_start` stems count only where a word starts ("lost", not "closed")."""

    __slots__ = ("_auto", "_anywhere")

    def __init__(self, stems: Iterable[str], word_start: Iterable[str] = ()) -> None:
        import ahocorasick
        auto = ahocorasick.Automaton()
        word_start = list(word_start)
        for stem in stems:
            auto.add_word(stem.lower(), (len(stem), False))
        for stem in word_start:
            auto.add_word(stem.lower(), (len(stem), True))
        self._anywhere = not word_start  # every stem counts wherever it is: the first hit answers search()
        if len(auto):
            auto.make_automaton()
            self._auto = auto
        else:
            self._auto = None

    def starts(self, text: str, lowered: bool = False) -> Iterator[int]:
        """Where stems start, in text order (overlapping stems each count). `lowered`: the caller has
        lower-cased the text already (patterns.lower_in_place)."""
        if self._auto is None:
            return
        low = text if lowered else lower_in_place(text)
        for end, (size, word_start) in self._auto.iter(low):
            start = end - size + 1
            if word_start and start and (low[start - 1].isalnum() or low[start - 1] == "_"):
                continue
            yield start

    def search(self, text: str, lowered: bool = False) -> bool:
        if self._auto is not None and self._anywhere:
            return next(self._auto.iter(text if lowered else lower_in_place(text)), None) is not None
        return next(self.starts(text, lowered), None) is not None


def lower_in_place(text: str) -> str:
    """Lower case with every character where it was ("İ" lowers to two characters: keep the first)."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower()[:1] for c in text)


def phrase(text: str) -> str:
    """Regex for one list entry: escaped, any whitespace run between words."""
    return r"\s+".join(re.escape(w) for w in text.split())


def alternation(words: Iterable[str], *, arabic: bool = False) -> str:
    """Non-capturing alternation in which the longest entry wins ('more than' beats 'more').

    Written as a trie ("mo(?:re(?:\\s+than)?|rtar)"): `re` tries a flat alternation's entries one by one at
    every position, so a list of 500 towns cost 500 tests per character; the trie costs one per letter
    matched. Entries matching at one position all lie on one path of the trie and the deeper one is tried
    first, so what matches is exactly what the longest-first flat alternation matched."""
    items = {norm_ar(w) if arabic else w.lower() for w in words}
    trie: dict = {}
    for item in items:
        node = trie
        for unit in _units(item):
            node = node.setdefault(unit, {})
        node[_END] = {}
    return "(?:" + _emit(trie) + ")"


_END = ""  # the trie key marking "an entry ends here"
_SPACE = " "  # the trie key of a whitespace run between words


def _units(item: str) -> list[str]:
    """An entry's characters, each run of whitespace between its words as one unit."""
    out: list[str] = []
    for i, word in enumerate(item.split()):
        if i:
            out.append(_SPACE)
        out.extend(word)
    return out


def _emit(node: dict) -> str:
    branches = [(r"\s+" if unit == _SPACE else re.escape(unit)) + _emit(child)
                for unit, child in sorted(node.items()) if unit != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:  # an entry ends here and longer ones go on: the longer are tried first
        return body + "?" if body.startswith("(?:") and len(branches) > 1 else "(?:" + body + ")?"
    return body


def word_set(words: Iterable[str], *, arabic: bool = False) -> frozenset[str]:
    return frozenset(norm_ar(w) if arabic else w.lower() for w in words)


def ar_map(mapping: dict[str, int]) -> dict[str, int]:
    return {norm_ar(k): v for k, v in mapping.items()}


def outcome_regex(rows: list[tuple[str, str, str]], *, arabic: bool) -> tuple[re.Pattern[str], list[tuple[str, str]]]:
    """One regex with a named group per row; `lastgroup` indexes the (outcome, kind) table."""
    parts, table = [], []
    for i, (pattern, outcome, kind) in enumerate(rows):
        if arabic:
            body = "|".join(phrase(norm_ar(p)) for p in pattern.split("|"))
            parts.append(f"(?P<g{i}>{AR_LEFT}{AR_PREFIX}(?:{body}){AR_RIGHT})")
        else:
            parts.append(rf"(?P<g{i}>\b(?:{pattern})\b(?!-))")
        table.append((outcome, kind))
    return re.compile("|".join(parts), re.IGNORECASE), table

