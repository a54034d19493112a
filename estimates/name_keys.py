"""One key for a local name the gazetteer does not know, whatever the script it is written in.

A quarter, a garden or a village that no gazetteer lists is reported as "حي المشلب" by Arabic outlets,
"al-Mashlab" by the wires and "le quartier d'al-Mashlab" by French papers. Without one key for the three,
each is its own place, and one grave or one strike becomes three estimates and three alerts. The key is
the name's consonants written one way (data/name_keys.toml says which, and why vowels, w and y go):

    >>> key("حي المشلب"), key("al-Mashlab neighbourhood"), key("quartier d'al-Mashlab")
    ('mSlb', 'mSlb', 'mSlb')
    >>> key("حديقة الفردوس") == key("al-Firdaws park") == key("jardin al-Ferdous")
    True

The kind words every language's data lists (English and French LOCAL_NOUNS, Arabic LOCAL_KINDS and
PLACE_KINDS) are no part of a name and go first; a village's or a town's name gets no key (it is a place of
its own, not a quarter: the file's [settlements]). A key this rough only means "the same place" near one city:
the reader joins it to the city the quarter lies in (reader._quarter_of), never compares it on its own.
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

from .text import has_arabic, norm_ar

MIN_CONSONANTS = 2  # a key shorter than this says too little to join two names
_THE = re.compile(r"^the\s+", re.IGNORECASE)


class _Data(NamedTuple):
    arabic: dict[str, str]        # letter -> sound class
    groups: re.Pattern[str]       # the Latin letter groups, longest first
    latin: dict[str, str]         # letter group -> sound class
    ar_articles: tuple[str, ...]
    latin_articles: tuple[str, ...]
    kinds: frozenset[str]         # words that are no part of a name
    settlements: frozenset[str]   # words that make a place a village or a town of its own
    name_leads: frozenset[str]    # Arabic words that open a name of two words ("أبو سليم", "تل الزلط")
    quarters: frozenset[str]      # Arabic words for a quarter named after a landmark ("حي الجامعة")


@cache
def _data() -> _Data:
    raw = tomllib.loads(resources.files("estimates").joinpath("data/name_keys.toml").read_text(encoding="utf-8"))
    latin = dict(raw["latin"])
    groups = re.compile("|".join(re.escape(g) for g in sorted(latin, key=len, reverse=True)))
    from .language import ARABIC, LATIN  # the kind words are the languages' data
    kinds = {_folded(w) for lang in LATIN for w in lang.words("LOCAL_NOUNS")}  # as names are: "marché" is "marche"
    kinds |= {norm_ar(w) for w in (*ARABIC.words("LOCAL_KINDS"), *ARABIC.words("PLACE_KINDS"))}
    kinds |= {norm_ar(w) if has_arabic(w) else _folded(w) for w in raw["kinds"]["words"]}
    settlements = frozenset(norm_ar(w) if has_arabic(w) else _folded(w) for w in raw["settlements"]["words"])
    return _Data(dict(raw["arabic"]), groups, latin, tuple(raw["articles"]["arabic"]),
                 tuple(raw["articles"]["latin"]), frozenset(kinds), settlements,
                 frozenset(norm_ar(w) for w in ARABIC.words("NAME_LEADS")),
                 frozenset(norm_ar(w) for w in raw["quarters"]["words"]))


@lru_cache(maxsize=4096)
def key(name: str | None) -> str | None:
    """The name's consonant key, or None when it has too few consonants to mean anything."""
    if not name:
        return None
    data = _data()
    if has_arabic(name):
        written = norm_ar(name).split()
        if any(w.lstrip("وفب") in data.settlements or w in data.settlements for w in written):
            return None  # "بلدة عين عيسى": a town of its own
        words = [w for w in written if w not in data.kinds and _without(w, data.ar_articles) not in data.kinds]
        if not words and len(written) == 2 and written[0] in data.quarters and written[1].startswith("ال"):
            words = written[-1:]  # "حي الجامعة": the University quarter, named after a landmark (not "سوق المخيم")
        if not any(w.startswith("ال") for w in words) and len(words) > 1 and words[0] not in data.name_leads:
            return None  # "حديقة منزل مهجور" (an abandoned house's garden): words, not a name ("أبو سليم" is one)
        words = [_without(w.lstrip("وفب") if w[1:].startswith("ال") else w, data.ar_articles) for w in words]
        sounds = "".join(data.arabic.get(ch, "") for ch in "".join(words))
    else:
        folded = _folded(name)
        written = re.split(r"[\s'’]+", folded)
        if any(w in data.settlements for w in written):
            return None  # "the village of Abu Maria": a village of its own
        if not (_THE.sub("", name)[:1].isupper() or re.search(r"(?<!\w)(?:al|el)-", folded)):
            return None  # "the abandoned house's garden": words, not a name
        words = [_without(w + " ", data.latin_articles).strip() for w in written if w and w not in data.kinds]
        sounds = "".join(data.latin.get(m.group(), "") for w in words for m in data.groups.finditer(w))
    sounds = re.sub(r"(.)\1+", r"\1", sounds)
    if sounds.endswith("h") and len(sounds) > MIN_CONSONANTS:
        sounds = sounds[:-1]  # "الحيدرية" (taa marbuta), "Raqqah"
    return sounds if len(sounds) >= MIN_CONSONANTS else None


def latin_article(word: str) -> bool:
    """Whether a Latin-script word is the Arabic article as transliterated ("al", "el", "ash": the file's
    [articles]), so that "al-Kaina" is Kaina with its article, not a hyphenated name."""
    return f"{word.casefold()}-" in _data().latin_articles


def _folded(text: str) -> str:
    """Lower case without accents: "Marché" and "marche" are one word here."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _without(word: str, articles: tuple[str, ...]) -> str:
    for article in articles:
        if word.startswith(article) and len(word) > len(article):
            return word[len(article):]
    return word


SETTLEMENT_REACH = 3  # words before a name looked at for "village of", "قرية"


def a_settlement(place: str, quote: str) -> bool:
    """"near the village of Umm Sheet", "قرية كوجو": the quote names the place a village or a town (the
    file's [settlements]), one of its own rather than a quarter."""
    at = quote.find(place)
    if at < 0:
        return False
    settlements = _data().settlements
    before = quote[:at].split()[-SETTLEMENT_REACH:]
    return any((norm_ar(w) if has_arabic(w) else w.casefold().strip(",;:")) in settlements for w in before)
