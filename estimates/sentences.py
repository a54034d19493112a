"""Sentence splitting for news text, English and Arabic.

A figure is read with the words of its own sentence only, so the splitter must not cut at "U.S." or
"No. 5", nor run two sentences together. Very long "sentences" (tables, garbage, text without stops)
are cut into bounded chunks so that no rule ever scans an unbounded window.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from .language import LATIN

MAX_SENTENCE = 1200

# A stop (.!? Arabic ?) plus closing quotes/brackets, then space; or any line break.
_BOUNDARY = re.compile(r"[.!?\u061F\u06D4]+[\"'\u201d\u2019)\]]*(?=\s)|\n")
_WORD_BEFORE = re.compile(r"([^\W\d_](?:[^\W\d_]|\.)*)\.?$")
# Every Latin-script language's abbreviations (data: ABBREVIATIONS): a story may quote another language.
_ABBREVIATIONS = frozenset(w.lower().rstrip(".") for lang in LATIN for w in lang.words("ABBREVIATIONS"))
_LONGEST = max(map(len, _ABBREVIATIONS), default=0)


def _is_abbreviation(text: str, stop: int) -> bool:
    """True when the '.' at `stop` ends an abbreviation or an initial rather than a sentence."""
    space = text.rfind(" ", max(0, stop - 12), stop)
    if space >= 0 and stop - space > _LONGEST + 1 and text[space + 1:stop].isalpha():
        return False  # a word of letters longer than any abbreviation: most sentence ends
    m = _WORD_BEFORE.search(text, max(0, stop - 12), stop + 1)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    return word in _ABBREVIATIONS or len(word) == 1


def _soft_wrap(text: str, newline: int) -> bool:
    """A line break inside a sentence (hard-wrapped text, PDF lines) rather than between paragraphs.

    It is soft when the next line goes on in lower case, or when the line before is long and ends without a
    stop; a blank line, or a short line such as a headline, always ends the sentence.
    """
    line_start = text.rfind("\n", 0, newline) + 1
    line = text[line_start:newline].rstrip()
    rest = text[newline + 1:newline + 3]
    if not line or not rest.strip() or rest[0] == "\n":
        return False
    if line[-1] in _STOPS:
        return False
    nxt = rest.lstrip()[:1]
    line_end = text.find("\n", newline + 1)
    following = text[newline + 1:line_end if line_end >= 0 else len(text)]
    if "|" in following or "\t" in following or "  " in following.strip():
        return False  # a table's row (bars, tabs, or a PDF's columns aligned with spaces) starts
    if nxt in _BULLETS:
        return False  # a list item starts: "• Mossoul-Ouest (févr. – juil. 2017) : 1 800 à 2 600 civils tués"
    return nxt.islower() or len(line) >= _WRAPPED_LINE


_STOPS = frozenset(".!?:;\u061F\u06D4\u2026\"'\u201d\u2019)]")
_BULLETS = frozenset("-•*–—·▪")
_WRAPPED_LINE = 60  # a line this long without a stop was wrapped, not ended (headlines are shorter)


def _chunks(start: int, end: int, text: str) -> Iterator[tuple[int, int]]:
    """Cut an over-long span at whitespace into pieces of at most MAX_SENTENCE characters."""
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        yield start, cut
        start = cut
    yield start, end


def split(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) offsets of the sentences of `text`, whitespace trimmed."""
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group() != "\n" and text[m.start()] == "." and _is_abbreviation(text, m.start()):
            continue
        if m.group() == "\n" and _soft_wrap(text, m.start()):
            continue
        yield from _trimmed(text, start, m.end())
        start = m.end()
    yield from _trimmed(text, start, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    span = text[start:end]
    stripped = span.strip()
    if stripped:
        start += len(span) - len(span.lstrip())
        yield from _chunks(start, start + len(stripped), text)
