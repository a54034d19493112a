"""Is a page worth reading? It must name a watched place and speak of casualties.

Two checks with the reader's own vocabulary (estimates.vocabulary), so nothing the reader would read figures
from is dropped unread: `might_matter` runs on the raw bytes before any decoding or parsing (most pages a news
feed links to are about something else, and this makes them cost little more than their download); `matters`
runs on the extracted text and decides. The byte check looks for each place and the languages' gate stems in
UTF-8 and, for Arabic script, in windows-1256 too, so legacy-encoded Arabic pages are not dropped before
decoding; a page naming a place but none of the stems is decoded and asked the reader's outcome phrases.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from estimates.vocabulary import gate_stems, mentions_outcome

from .charset import decode

_LEGACY = ("cp1256",)
# An Arabic letter in UTF-8, or three in a row in windows-1256 (never so in UTF-8, whose lead and continuation
# bytes alternate): pages in Arabic script, which may hide a word from the stems.
_ARABIC_SCRIPT = re.compile(rb"[\xd8-\xdb][\x80-\xbf]|[\xc1-\xd6\xd8-\xdb\xdd-\xdf\xe1\xe3-\xe6\xec\xed]{3}")  # Arabic pages still served in windows-1256


@dataclass(frozen=True)
class Relevance:
    """The compiled checks for one watch list; build once per pass with `for_places`."""

    places: tuple[str, ...]
    _raw_places: AnyOf  # lower-case, every encoding
    _raw_words: AnyOf
    _text_place: re.Pattern[str]
    _text_word: re.Pattern[str]
    _place_refs: re.Pattern[bytes] | None  # a character reference to a letter of a non-ASCII place name

    def might_matter(self, raw: bytes) -> bool:
        """Cheap pre-check on undecoded bytes: False means the page certainly does not matter.

        `bytes.lower()` and one Aho-Corasick pass per list (`AnyOf`) are native loops, about 13 µs on a 6 KB
        page; one regex alternation with IGNORECASE over the same terms costs several times that."""
        low = raw.lower()
        if self._raw_places.found(low):
            if self._raw_words.found(low):
                return True
            # Arabic written with diacritics or other hamza forms can hide a word from the stems: a page in
            # Arabic script that names a place is asked the reader's own (normalising) outcome phrases
            if _ARABIC_SCRIPT.search(raw) is not None and mentions_outcome(decode(raw)[0]):
                return True
        return self._places_as_refs(raw)

    def _places_as_refs(self, raw: bytes) -> bool:
        # Some CMSs write every non-ASCII letter as a character reference (&#1575;&#1604;...): no byte check
        # can see those words, so such pages are decided on their unescaped text instead.
        refs = self._place_refs
        return refs is not None and refs.search(raw) is not None and \
            self.matters(html.unescape(raw.decode("utf-8", "replace")))

    def matters(self, *texts: str | None) -> bool:
        """The decision on extracted text (title, body): names a watched place and speaks of casualties."""
        joined = "\n".join(t for t in texts if t)
        if self._text_place.search(joined) is None:
            return False
        return self._text_word.search(joined) is not None or mentions_outcome(joined)


class AnyOf:
    """Whether any of some byte strings occurs in a text: one pass of the Rust aho-corasick crate
    (ahocorasick-rs), whose SIMD prefilter reads a 6 KB page in about 11 µs where `term in page` for each of
    a watch's 32 spellings took 69 µs and pyahocorasick 30 µs (bench/import.py). A term containing another
    is dropped first: it can only match where the shorter one does."""

    __slots__ = ("terms", "_auto")

    def __init__(self, terms: Iterable[bytes]) -> None:
        import ahocorasick_rs

        given = tuple(dict.fromkeys(terms))
        self.terms = tuple(t for t in given if t and not any(o != t and o and o in t for o in given))
        self._auto = ahocorasick_rs.BytesAhoCorasick(list(self.terms)) if self.terms else None

    def found(self, data: bytes) -> bool:
        return self._auto is not None and bool(self._auto.find_matches_as_indexes(data))


def for_places(places: Sequence[str], words: Iterable[str] | None = None) -> Relevance:
    spellings = [s for p in places for s in _spellings(p)]
    words = tuple(gate_stems() if words is None else words)
    return Relevance(
        places=tuple(places),
        _raw_places=AnyOf(_encodings(spellings)),
        _raw_words=AnyOf(_encodings(words)),
        _text_place=re.compile("|".join(re.escape(s) for s in spellings), re.IGNORECASE),
        _text_word=re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE),
        _place_refs=_char_refs("".join(spellings)),
    )


def _char_refs(text: str) -> re.Pattern[bytes] | None:
    """`&#1605;` or `&#x645;` for any non-ASCII letter of `text`; None when it has none."""
    points = sorted({ord(c) for c in text if not c.isascii()})
    if not points:
        return None
    decimal = "|".join(str(p) for p in points)
    hexa = "|".join(f"{p:x}" for p in points)
    return re.compile(f"&#(?:0*(?:{decimal})|[xX]0*(?:{hexa}));".encode(), re.IGNORECASE)


def _spellings(place: str) -> list[str]:
    """A place as it appears in running text: Arabic "al-" names lose their alif after the preposition li- (للموصل)."""
    place = place.strip()
    out = [place]
    if place.startswith("ال") and len(place) > 3:
        out.append("لل" + place[2:])
    return out


def _encodings(terms: Iterable[str]) -> tuple[bytes, ...]:
    """Every term lower-cased, in UTF-8 and, where it encodes, the legacy Arabic charset; longest first."""
    encoded: set[bytes] = set()
    for term in terms:
        low = term.lower()
        encoded.add(low.encode("utf-8").lower())
        if not low.isascii():
            for charset in _LEGACY:
                try:
                    encoded.add(low.encode(charset).lower())
                except UnicodeEncodeError:
                    pass
    return tuple(sorted(encoded, key=len, reverse=True))
