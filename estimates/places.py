"""Places a figure is tied to, by rule plus the caller's watched names.

Specificity ranks: 4 neighbourhood/district/Old City/market, 3 part of a city ("west Mosul",
"غرب الموصل"), 2 city (and watched names), 1 province, 0 country. A figure takes the most specific
place of its sentence (ties: the nearest); with none, the article's most-mentioned place.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from . import gazetteer, name_keys
from .language import ARABIC, LATIN, Language
from .patterns import Folded, Stems, alternation
from .text import RuleText, dateline_end, has_arabic, norm_ar



@cache
def _rules(lang: Language) -> list[tuple[int, re.Pattern[str] | Folded, Stems | None]]:
    """The language's ranked place rules (data: PLACE_RULES), most specific first. A rule may name a word
    list it cannot match without ("Zanjili district" needs LOCAL_NOUNS): a text holding none of its words
    skips the rule (a stem look-up is far cheaper than the rule's regex)."""
    out: list[tuple[int, re.Pattern[str] | Folded, Stems | None]] = []
    for rank, name, how, *needs in lang.lex.PLACE_RULES:
        regex = Folded(lang.expand(lang.lex.PATTERNS[name])) if how == "folded" else lang.pattern(name, 0)
        out.append((rank, regex, Stems(lang.words(needs[0])) if needs else None))
    return out


_AR_PREFIX_STRIP = re.compile(r"^(?:[وفب](?=ال|[^ا]{3,}))")
# names that start with one of those letters: "بعشيقة" is Bashiqa, not "in Ashiqa"
_AR_OWN_PREFIX = frozenset(norm_ar(n) for n in ARABIC.words("PLACE_CITIES") if n[0] in "وفب")
# A wire dateline ("ERBIL, Iraq (AP) —") says where the story was filed, not where the deaths were: a place in
# it ranks as a province, so any town the text names wins over it and a country does not.
DATELINE_RANK = 1
KIND_RANK = {"district": 4, "city": 2, "province": 1, "country": 0}  # a gazetteer entry's specificity
BRACKET_GAP = 2  # characters between a place and the bracket holding its figures: "Ninive (18 tués"
DIRECTION_REACH = 30  # characters before a place looked at for its direction ("north-west", "شمال غرب")


@dataclass(frozen=True, slots=True)
class Place:
    start: int
    end: int
    rank: int
    name: str


@lru_cache(maxsize=64)
def watched_regex(places: tuple[str, ...]) -> Folded | None:
    """One regex for the caller's watched place names (cached: callers pass the same list each time)."""
    names = [norm_ar(p) for p in places if p.strip()]
    if not names:
        return None
    return Folded(rf"(?<!\w)(?:[وفب]|لل)?{alternation(names)}(?!\w)")


def find(rt: RuleText, watched: Folded | None, min_rank: int = 0, max_rank: int = 4,
         gazetteer_last: bool = False) -> list[Place]:
    """Places of a sentence; overlapping matches keep the most specific. The article-level fallback
    asks only for towns and provinces (max_rank=2), which is also much cheaper on long texts. A place in an
    opening dateline ranks as a province: any town the text names wins over it, a country does not.
    `gazetteer_last`: ask the gazetteer only when the rules found no place (a whole story's scan). Towns in
    the dateline count (at the dateline's rank) only when nothing outside it names a place."""
    found: list[Place] = []
    low = rt.text.lower()
    lowered = len(low) == len(rt.text)
    for rank, regex, needs in _rules(rt.lang):
        if not min_rank <= rank <= max_rank or (needs is not None and not needs.search(low, lowered=lowered)):
            continue
        matches = regex.finditer(rt.text, low) if isinstance(regex, Folded) else regex.finditer(rt.text)
        for m in matches:
            if not rt.lang.pattern("place_owner").match(rt.text, m.end()) and not _led_by(rt, m.start()) and \
                    not (rank == KIND_RANK["district"] and _kind_of_next(rt, m.start(), m.end())):
                _add(found, _place(rt, _with_article(rt, m.start()), m.end(), _province_named(rt, m.start(), rank)))
    if watched is not None:
        for m in watched.finditer(rt.text, low):
            _add(found, _place(rt, m.start(), m.end(), 2))
    filed = dateline_of(rt)
    by_rule = bool(found)
    if gazetteer_last and by_rule:
        return _demote_dateline(found, filed, rt.text)
    dated: list[Place] = []
    for start, end, entry in gazetteer.find(rt.text):  # every other town (and, failing the rules, province)
        rank = KIND_RANK[entry.kind]
        if start < filed and rank >= 2 and min_rank <= DATELINE_RANK <= max_rank:
            dated.append(_place(rt, start, end, DATELINE_RANK, proclitic_left_out=True))
        if not min_rank <= rank <= max_rank or start < filed or (by_rule and rank < 2):
            continue  # a far dateline ("GENEVA (Reuters) -") is where the story was filed
        if rt.lang.pattern("place_not_here", 0).match(rt.text, end) or _in_a_name(rt.text, start, end) or \
                rt.lang.pattern("place_owner").match(rt.text, end) or _led_by(rt, start) or _compound_end(rt.text, start):
            continue  # "the coalition led by Washington", "menée par Washington", "بقيادة الولايات المتحدة"
        if rank == KIND_RANK["city"] and rt.lang.pattern("province_after").match(rt.text, end):
            rank = KIND_RANK["province"]  # "in Niger's Tillaberi region": the region, not its town
        rank = _province_named(rt, start, rank)
        _add(found, _place(rt, _with_article(rt, start), end, rank, proclitic_left_out=True, known=True))
    if dated and not any(p.start >= filed for p in found):  # "KHERSON (Ukraine) - Deux habitants ont été tués"
        for p in dated:
            _add(found, p)
    return _demote_dateline(found, filed, rt.text)


def _with_article(rt: RuleText, start: int) -> int:
    """"al-Shirqat", "el-Fasher": a name's article as written is a part of the name (Latin script)."""
    return start - 3 if not rt.arabic and rt.text[max(0, start - 3):start].lower() in ("al-", "el-") else start


PROVINCE_REACH = 25  # characters before a town's name looked at for "the province of", "la province de"


def _province_named(rt: RuleText, start: int, rank: int) -> int:
    """"la ville de Mhardeh, dans la province de Hama", "the province of Idlib": a town's name after a
    province's kind word (PATTERNS `province_before`) names the province, which ranks as one."""
    if rank == KIND_RANK["city"] and \
            rt.lang.pattern("province_before").search(rt.text, max(0, start - PROVINCE_REACH), start):
        return KIND_RANK["province"]
    return rank


def _kind_of_next(rt: RuleText, start: int, end: int) -> bool:
    """"the Amhara town of Finote Selam", "the Yazidi village of Qiniya": a region or an adjective before a
    kind of place says what the place after "of" (PATTERNS `kind_then_name`) is; that place is the figure's
    (`place_local_of` reads it). Not when the place after "of" is bigger than the one before, which lies in
    it, and the kind is no town's (`town_kind_end`): "the Zanjili neighbourhood of Mosul" is Zanjili."""
    after = rt.lang.pattern("kind_then_name", 0).match(rt.text, end)
    if after is None:
        return False
    written = rt.span(start, end)
    if rt.lang.pattern("town_kind_end").search(written):
        return True  # a town lies in no town: "the Syrian border town of Kobani" is Kobani
    first = rt.lang.pattern("place_the").sub("", written).rsplit(maxsplit=1)[0]
    return _size(after.group("name")) <= _size(first)


def _size(name: str) -> tuple[int, int]:
    """How big the gazetteer says a place is: its kind (a name it lacks is a district's), then its people
    ("the al-Badu district of Raqqa": Togo's Badou is a town too, but Raqqa is the bigger)."""
    entry = gazetteer.lookup(name)
    if entry is None:
        return -KIND_RANK["district"], 0
    return -KIND_RANK[entry.kind], entry.population or 0


NOT_AFTER_REACH = 20  # characters before a gazetteer name looked at for "led by" and its kin


def _led_by(rt: RuleText, start: int) -> bool:
    """"the coalition led by Washington", "menée par Washington", "بقيادة الولايات المتحدة", "حكومة صنعاء": the
    name after these (PATTERNS `place_not_after`) is a leader or a seat of government, not where."""
    return rt.lang.pattern("place_not_after").search(rt.text, max(0, start - NOT_AFTER_REACH), start) is not None


def dateline_of(rt: RuleText) -> int:
    """Where an opening dateline ends (0: none): "ERBIL, Iraq (AP) —", "BEYROUTH, 14 mars (AFP) -", and in
    Arabic "كييف - ", "الرقة (سوريا) - ", "بيروت - أ ف ب / " (pattern "dateline"), when it names a place."""
    if not rt.arabic:
        return dateline_end(rt.text)
    m = rt.lang.pattern("dateline").match(rt.text)
    if m is None or not any(s < m.end("where") for s, _, _ in gazetteer.find(rt.text[:m.end("where")])):
        return 0
    return m.end()


def in_dateline(rt: RuleText, filed: int) -> str | None:
    """The first town of the opening dateline ending at `filed` (dateline_of): the place of a story that
    names none outside it ("KHERSON (Ukraine) - Deux habitants ont été tués ..."; "الرقة (سوريا) - ... في
    المدينة")."""
    if not filed:
        return None
    towns = [(s, e, KIND_RANK[entry.kind]) for s, e, entry in gazetteer.find(rt.text[:filed])
             if KIND_RANK[entry.kind] >= 2]
    return _place(rt, *min(towns), proclitic_left_out=True).name if towns else None


_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")


def _demote_dateline(found: list[Place], filed: int, text: str) -> list[Place]:
    """A place in an opening dateline ranks as a province (any town the text names wins over it), and below
    any place at all the sentence names after it ("ADEN, Yemen (AFP) - ... killed 65 civilians in Yemen");
    nameless matches ("the hospital") are dropped."""
    if any(p.start >= filed and p.name and not _POSSESSIVE_AFTER.match(text, p.end) for p in found):
        # (a possessive names an owner, not where: "in Iraq's battle"); in their own order: "RAQQA, Syria" is Raqqa
        return [p if p.start >= filed else replace(p, rank=p.rank + FILED_ONLY_RANK) for p in found if p.name]
    return [p if p.start >= filed else replace(p, rank=min(p.rank, DATELINE_RANK)) for p in found if p.name]


FILED_ONLY_RANK = -10  # added to a dateline place's rank when the sentence names another: last of all


_POSSESSIVE_END = re.compile(r"[’']s\s+$")
_NAME_WORD = re.compile(r"[A-Z][\w'’-]+\s+(?:(?:al|el|bin|ibn|abu|abou)[-\s])?$")  # "Hamoud al-Jasim"


_HYPHEN_WORD = re.compile(r"(?<![\w-])(?P<word>[^\W\d_]+)-$")


def _compound_end(text: str, start: int) -> bool:
    """"Darey-Kaina": a known name ending a hyphenated name the gazetteer lacks is no place of its own (but
    "al-Kaina" is Kaina with its article)."""
    m = _HYPHEN_WORD.search(text, max(0, start - 30), start)
    return m is not None and not name_keys.latin_article(m.group("word"))


def _in_a_name(text: str, start: int, end: int) -> bool:
    """"Saad Maan", "Abu Hajar": a town's spelling inside a person's name (Latin script: a capitalised word
    right before it that does not open the sentence or follow a colon)."""
    before = _NAME_WORD.search(text, max(0, start - 30), start)
    if before is not None and _POSSESSIVE_END.search(before.group()):
        return False  # "Islamic State's Khasfa grave": an owner, not a first name
    return before is not None and before.start() > 0 and text[before.start() - 1] not in ".:;\n"


def _place(rt: RuleText, start: int, end: int, rank: int, proclitic_left_out: bool = False,
           known: bool = False) -> Place:
    """The place as written; an empty name marks a non-place ("the hospital", "This market"). Where the
    language defines "direction_before" (Arabic), a direction or the countryside just before the place is
    part of its name ("شمال غرب سوريا", "ريف حلب"), at the place's own rank: "ريف دير الزور" is no more
    specific than the town in it. Arabic kind words go ("مدينة تشوغوييف" -> "تشوغوييف"), unless the whole is
    a name the gazetteer knows ("مدينة الصدر"); `proclitic_left_out`: the match already leaves و ب ف out;
    `known`: the gazetteer found the span, so a lower-case kind word opening it is part of the name ("gouffre
    d'al-Khasfa"), not the mark of a nameless place ("the hospital")."""
    if rank != 3:  # part_of_city rules include their direction already
        before = rt.lang.pattern("direction_before").search(rt.text, max(0, start - DIRECTION_REACH), start)
        start = before.start() if before is not None else start
    if rt.arabic:
        kind = rt.lang.pattern("place_kind_of").match(rt.text, start)  # "مدينة تشوغوييف", "مديرية مجزر"
        whole = gazetteer.lookup(rt.span(start, end)) if kind is not None and kind.end() < end else None
        if kind is not None and kind.end() < end and whole is None:
            start, proclitic_left_out = kind.end(), True  # "مقاطعة بيلغورود": the ب is the name's
        elif whole is not None:  # "مدينة الصدر" is Sadr City, a district
            rank = max(rank, KIND_RANK[whole.kind])
    name = rt.span(start, end).strip()
    if rt.arabic:
        norm = norm_ar(name)
        if name.startswith("لل"):
            return Place(start, end, rank, "ال" + name[2:])  # "للموصل": ل + الموصل
        if norm[:1] in "وفب" and _ar_kind_word(norm[1:]):
            return Place(start, end, rank, name[1:])  # "ومطار صنعاء": و + a kind word, never a name's letter
        keep = proclitic_left_out or name.startswith(("ال", "أل")) or norm in _AR_OWN_PREFIX or norm.startswith("بلده")
        return Place(start, end, rank, name if keep else _AR_PREFIX_STRIP.sub("", name))
    lang = rt.lang
    if rank > 0:
        name = lang.pattern("place_the").sub("", name)
    if rank == 4 and lang.pattern("place_local_false", 0).match(name) and not name.lower().startswith("old"):
        name = lang.pattern("place_leading_word", 0).sub("", name)
    if rank == 4 and lang.pattern("place_adjective_only").match(name):
        return Place(start, end, rank, "")  # "a Shi'ite mosque": a kind, no name
    kindless = lang.pattern("place_kind_of").sub("", name)  # "the town of Hajin" -> "Hajin", "la région de Donetsk"
    if kindless != name and lang.pattern("campus_lead").match(name) and \
            (town := gazetteer.lookup(kindless)) is not None and town.kind == "city":
        # "l'université de Mossoul": the campus, not the city (but "le marché d'El-Facher", "l'hôpital de
        # Kirkouk" stay the city's: a market or a hospital is named by its town, a site in it)
        kindless, known = lang.pattern("place_the").sub("", name), True
    if rank == 1 and kindless != name and gazetteer.lookup(kindless) is None:
        rank = 4  # "la région de Jabal al-Zawiya": an area the gazetteer does not know as a province
    elif rank == 4 and kindless != name and (entry := gazetteer.lookup(kindless)) is not None and \
            (entry.kind == "country" or (entry.kind == "city" and lang.pattern("plural_kind_of").match(name))):
        # "Rawa, dernière localité d'Irak", "the eastern neighborhoods of Aleppo": the country's, the city's (not a
        # province's: "the neighbourhood of al-Muthanna" is no governorate)
        rank = KIND_RANK[entry.kind]
    name = kindless
    if rank == 4 and not (known or name[:1].isupper() or name.startswith(("al-", "el-"))):
        name = ""
    return Place(start, end, rank, name)


def _ar_kind_word(norm: str) -> bool:
    """Whether a normalised Arabic name opens with a kind of place ("مطار", "حي", "مدينه"; data: LOCAL_KINDS,
    PLACE_KINDS)."""
    first = norm.split(maxsplit=1)[0] if norm else ""
    return first in ARABIC.set_of("LOCAL_KINDS") or first in ARABIC.set_of("PLACE_KINDS")


def _add(found: list[Place], new: Place) -> None:
    for p in found:
        if p.start < new.end and new.start < p.end:
            return  # an earlier (more specific) rule already covers this text
    found.append(new)


def choose(places: list[Place], pos: int, text: str | None = None, lang: Language | None = None) -> str | None:
    """Most specific place, nearest to the figure on ties; but a figure in brackets right after a place is
    that place's ("Bagdad (31 tués), devant Ninive (18 tués)"). `lang`: the sentence's, for a town set off
    before its district (_in_its_district)."""
    if not places:
        return None
    if text is not None:
        opened = text.rfind("(", 0, pos)
        if opened >= 0 and ")" not in text[opened:pos]:
            for p in places:
                if 0 <= opened - p.end <= BRACKET_GAP:
                    return p.name
    best = max(places, key=lambda p: (p.rank, -abs(p.start - pos)))
    return _first_of_pair(best, places, text, lang).name


_COORDINATED = re.compile(r"\s*(?:,|and|or|et|ou|&)\s*|\s+و\s*|\s+و(?=\S)", re.IGNORECASE)
# "Kobo in Amhara", "مدينة الباب بريف حلب" (read up to the second place's first letter: ب may open it)
_WITHIN = re.compile(r"\s+(?:(?:in|à|dans|في)\s+\S|ب)", re.IGNORECASE)


def _first_of_pair(best: Place, places: list[Place], text: str | None, lang: Language | None = None) -> Place:
    """"air strikes in Saada and Hodeidah governorates that killed at least 287": one figure for places
    named together is given at the first of them (the figure is theirs; the first names the pair). So is
    one for a place named in another of its rank ("مدينة الباب بريف حلب الشرقي"): the first is inside."""
    if text is None:
        return best
    while True:
        before = next((p for p in places if p.rank == best.rank and p.end <= best.start and
                       (_COORDINATED.fullmatch(text, p.end, best.start) or
                        _WITHIN.fullmatch(text, p.end, best.start + 1))), None) or \
            (_in_its_district(best, places, text, lang) if lang is not None else None)
        if before is None:
            return best
        best = before


def _in_its_district(best: Place, places: list[Place], text: str, lang: Language) -> Place | None:
    """"à Daraban, dans le district de Dera Ismail Khan", "in Nasir, in the county of Ulang": a town set off
    before the administrative district it lies in (PATTERNS `in_district`; a district rule's match opens with
    its kind word), not one that holds the district ("Aden, dans le district de Tawahi")."""
    in_district = lang.pattern("in_district")
    return next((p for p in places if KIND_RANK["city"] <= p.rank < best.rank and p.end <= best.start and
                 (m := in_district.match(text, p.end)) is not None and m.end() == best.start and
                 _size(p.name) <= _size(best.name)), None)


def _holds(quarter: Place, building: Place, rt: RuleText) -> bool:
    """"جامع الفرقان في حي الجولان", "the al-Furqan mosque in the northern al-Jolan district": the quarter named
    right after a building (PATTERNS `holding` between them, `landmark_kind` for the building) holds it."""
    return building.end <= quarter.start and \
        rt.lang.pattern("holding").fullmatch(rt.text, building.end, quarter.start + 1) is not None and \
        a_landmark(building.name) and not a_landmark(quarter.name)


def quarter_holding(building: str, rt: RuleText) -> str | None:
    """The quarter named right after a building in a sentence ("جامع الفرقان في حي الجولان": حي الجولان), if any."""
    found = find(rt, None, min_rank=KIND_RANK["district"])
    at = next((p for p in found if p.name == building), None)
    if at is None:
        return None
    return next((q.name for q in found if q.rank == at.rank and _holds(q, at, rt)), None)


def a_landmark(name: str) -> bool:
    """"the al-Furqan mosque", "جامع الفرقان": a building, by its kind word (PATTERNS `landmark_kind`)."""
    if has_arabic(name):
        return ARABIC.pattern("landmark_kind").search(norm_ar(name)) is not None
    return any(lang.pattern("landmark_kind").search(name) for lang in LATIN)


def most_mentioned(all_places: list[Place]) -> str | None:
    """The article's most-mentioned place (case-insensitive), first-seen on ties; countries last."""
    if not all_places:
        return None
    counts = Counter(p.name.casefold() for p in all_places if p.rank > 0) or \
        Counter(p.name.casefold() for p in all_places)
    top = max(counts.values())
    for p in sorted(all_places, key=lambda p: p.start):  # found rule by rule: put back in reading order
        if counts.get(p.name.casefold()) == top:
            return p.name
    return None
