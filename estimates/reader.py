"""extract(): text in, casualty estimates out. Reads top to bottom:

prefilter (outcome stems, patterns.Stems) -> sentences -> figures -> heads -> outcome links (linking.py)
-> inheritance -> victims (VICTIM_RULES, first answer wins), claimant (attribution.py's registries), place
-> elliptical figures ("307 civilians killed and 273 wounded") -> outcome tables (tables.py) -> article-level
place fallback -> one estimate per identity (a bare restatement of a figure the story gives with its victims
is dropped) -> the place's gazetteer id. Every stage reads its words and patterns from the sentence's
`Language` (language.py): the story's language for Latin script, Arabic for Arabic script.
A pronoun claimant ("He said"), and a sentence naming no source at all, take the source named within the
LOOK_BACK sentences before; a quotation left open takes the speaker named in the next sentence.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

from . import attribution, claimants, figures, gazetteer, heads, kinds, linking, name_keys, outcomes, places, \
    sentences, tables
from .figures import Figure
from .heads import Head
from .identity import identity_key, victims_group
from .language import ARABIC, ENGLISH, LATIN, Language, language
from .linking import Link
from .model import Estimate
from .patterns import Folded, Stems
from .text import RuleText, dateline_end, detect_lang, has_arabic, norm_ar

# The patterns each stage asks its language for (language.py) are named in the data modules' PATTERNS.


@cache
def _outcome_gate(lang: Language) -> Stems:
    """A stem of the language's outcome words (data: OUTCOME_STEMS, OUTCOME_WORD_STEMS; Arabic: the words of
    its outcome phrases, normalised: only a sentence holding one can hold an outcome)."""
    if lang.arabic:
        # a phrase's longest word will do (every word of a phrase must be there for it to match)
        # (and the stem of a dual outcome noun: "انتشلت جثتين" holds no "جثة")
        return Stems({norm_ar(max(w.split(), key=len)) for p, _, _ in lang.lex.OUTCOME_PHRASES for w in p.split("|")} |
                     {norm_ar(stem) for stem in lang.lex.DUALS_OUTCOME})
    return Stems(lang.words("OUTCOME_STEMS"), lang.words("OUTCOME_WORD_STEMS"))


@dataclass(slots=True)
class _Read:
    """One linked figure of one sentence, before place fallback."""
    fig: Figure
    head: Head
    link: Link
    group: str | None = None  # "87 wounded civilians ..., 12 of whom later died": the antecedent's victims


def extract(text: str, *, lang: str | None = None, places: Sequence[str] = ()) -> list[Estimate]:
    """Every casualty estimate in `text` (see the package docstring and model.Estimate)."""
    if not text:
        return []
    norm = _arabic_norm(text)
    if lang is None and not _has_outcome(text, norm, _latin_gate()):  # most texts: no language detection paid
        return []
    art_lang = lang or detect_lang(text)
    latin = language(art_lang)
    latin = ENGLISH if latin.arabic else latin  # the language of an Arabic story's Latin-script sentences
    if not _has_outcome(text, norm, _outcome_gate(latin)) or not _has_number(text, norm, latin):
        return []
    watched = places_regex(places)
    found: list[Estimate] = []
    claimants_of: dict[Span, str | None] = {}  # each sentence's claimant read once, however many ask

    def named(span: Span) -> str | None:
        if span not in claimants_of:
            claimants_of[span] = _named_in(text, span, latin)
        return claimants_of[span]

    site = _Once(lambda: _story_site(text, watched, latin))  # type: ignore[misc]
    for start, end, prev, nxt in _candidate_sentences(text, latin):
        previous = _Once(lambda p=prev: _named_back(text, named, p, latin))  # type: ignore[misc]
        following = _Once(lambda n=nxt: named(n))  # type: ignore[misc]
        read = _read_sentence(text[start:end], art_lang, latin, watched, previous, following, site,
                              lambda: _last_whole(found, latin))
        read = _refers_back(read, text[start:end], found, latin, text[max(0, start - REFERS_BACK_REACH):start])
        found.extend(_of_those(read, text[start:end], found, latin))
    found.extend(tables.read(text, latin, watched))  # "Month | Killed | Injured" and the rows under it
    found.extend(tables.read_list(text, latin, watched))  # "Civilian deaths, by district:" and "- Old City: 3,120"
    headline = _headline(text)
    found = [_with_kind(e) for e in _headline_places(found, headline)]  # each sentence's kind, read once
    story_town = _Once(lambda: _article_place(text, watched, latin))  # type: ignore[misc]
    if any(e.place is None for e in found):
        town = story_town()
        narrow = _narrowed(town, found)
        found = [e if e.place or not town else replace(e, place=narrow if e.kind == "incident" else
                                                         _war_country(e, town) or _the_province(e, town) or town)
                 for e in found]
    found = _site_named_later(found, text, latin, watched)
    found = _rows_victims(text, found, latin)
    return _incident_places(_with_place_id(e, story_town) for e in _unique(found, headline))


_TITLE_END = re.compile(r": ?\n")  # a line ending in a colon: a list's title
TITLE_LINES = 12  # list rows looked back over for their title


def _rows_victims(text: str, found: list[Estimate], latin: Language) -> list[Estimate]:
    """"حصيلة الضحايا المدنيين في عدد من المحافظات:" then "- تعز: 9 قتلى و22 جريحا": a list's rows count whom its
    title names, when a row names no one itself."""
    if _TITLE_END.search(text) is None:
        return found
    lines = text.split("\n")
    out = []
    for e in found:
        if e.victims != "people" or not e.quote or e.quote.lstrip()[:1] not in "-•*–—·▪":
            out.append(e)
            continue
        row = next((i for i, line in enumerate(lines) if line.strip() == e.quote.strip()), None)
        title = next((lines[j] for j in range(row - 1, max(-1, row - TITLE_LINES), -1)
                      if lines[j].rstrip().endswith(":")), None) if row is not None else None
        group = _named_group(title, latin) if title else None
        out.append(replace(e, victims=group) if group else e)
    return out


def _named_group(title: str, latin: Language) -> str | None:
    """The victims a list's title names ("Civilian casualties by province:", "حصيلة الضحايا المدنيين:")."""
    lang = ARABIC if has_arabic(title) else latin
    words = re.findall(r"[^\W\d_]+", norm_ar(title) if lang.arabic else title)
    groups = [g for w in words if (g := _victim_class(w, lang)) != "people"]
    return groups[0] if len(set(groups)) == 1 else None


def _war_country(e: Estimate, town: str) -> str | None:
    """"The war has killed more than 10,000 people", in a story about Hodeidah: a whole war's toll is the
    country's, not the story's town's (PATTERNS `whole_war`)."""
    lang = language(e.lang)
    if not lang.pattern("whole_war").search(norm_ar(e.quote) if lang.arabic else e.quote):
        return None
    return _enclosing(town, "country")


def _the_province(e: Estimate, town: str) -> str | None:
    """"3,400 civilians had been killed across the province since January", in a story about Fallujah: the
    province the story's town lies in (PATTERNS `the_province`), not the town; "À l'échelle du pays, ... 726
    civils tués" (`the_country`), its country."""
    lang = language(e.lang)
    quote = e.quote.replace(e.claimant_text, " ") if e.claimant_text else e.quote  # "مكتب حقوق الإنسان في المحافظة"
    quote = norm_ar(quote) if lang.arabic else quote
    kind = "province" if lang.pattern("the_province").search(quote) else \
        "country" if lang.pattern("the_country").search(quote) else None
    return _enclosing(town, kind) if kind is not None else None


def _enclosing(town: str, kind: str) -> str | None:
    """The name of the province or the country (`kind`) the story's town lies in."""
    entry = _entry_of(town)
    scope = next((a for a in gazetteer.ancestors(entry.id) if a.kind == kind), None) if entry else None
    return scope.name if scope is not None else None


class _Once:
    """A claimant asked for by many figures of a sentence, or by none: read on the first ask only
    (functools.cache costs more to set up than most sentences spend asking)."""

    __slots__ = ("_read", "_value", "_done")

    def __init__(self, read: Callable[[], str | None]) -> None:
        self._read, self._value, self._done = read, None, False

    def __call__(self) -> str | None:
        if not self._done:
            self._value, self._done = self._read(), True
        return self._value


def _with_place_id(e: Estimate, town: Callable[[], str | None] = lambda: None) -> Estimate:
    """The place's gazetteer entry, when the gazetteer knows the name as written or as "City's Quarter"
    ("Mosul's al-Jadida district": al-Jadida, which lies in Mosul); a local name it does not know is a quarter
    of the city it lies in (its landmark's anchor, else the story's town), keyed across scripts."""
    if e.place is None:
        return e
    entry = _not_abroad(_entry_of(e.place), e.place, town, e.quote, language(e.lang))
    anchor = gazetteer.get(e.place_id) if entry is None and e.place_id else None  # its landmark's anchor
    landmark = entry is None and places.a_landmark(e.place)
    if entry is None and (anchor is None or anchor.kind in ("city", "district")) and not landmark and \
            not name_keys.a_settlement(e.place, e.quote):
        entry = _quarter_of(e.place, e.place_id, town, e.quote)  # a quarter (of its city), not a hospital in one
    if entry is None and landmark and (anchor is None or anchor.kind == "city"):
        # "جامع الفرقان في حي الجولان": the building stands in the quarter named after it, the place other outlets
        # name ("a mosque in al-Jolan"), so their mentions compare
        quarter = places.quarter_holding(e.place, RuleText.of(e.quote, language(e.lang)))
        entry = _quarter_of(quarter, e.place_id, town, e.quote) if quarter else None
    entry = entry or anchor
    if entry is None and landmark and name_keys.key(e.place) is not None:
        entry = _city_after(e.place, e.quote) or _city_of_story(town)  # "the attack on al-Nahda hospital": its city
    if entry is None:  # a story's landmark a placeless figure took ("Idlib market"): _landmark_anchor never saw it
        entry = _named_after(e.place, language(e.lang))
    if entry is None:
        return e
    area = gazetteer.area(entry.id)
    return replace(e, place_id=entry.id, area_id=area, area_within=gazetteer.nests(area))


_LOCAL_KIND = re.compile(r"\s(?:district|neighbou?rhood|quarter)$|^(?:quartier|حي|محلة)\s", re.IGNORECASE)


def _not_abroad(entry: gazetteer.Entry | None, place: str, town: Callable[[], str | None],
                quote: str = "", lang: Language = ENGLISH) -> gazetteer.Entry | None:
    """"the al-Shuhada district of southern Fallujah", "state media said rebel shells killed six civilians in
    al-Hamdaniya" (a story from Aleppo): a quarter whose bare name is a town in another country (Ash Shuhada,
    Egypt; Iraq's Hamdaniya) is the story's quarter, not that town: when its kind word says so, or when it is an
    article and a name no bigger than ABROAD_TOWN_PEOPLE (a capital abroad stays itself)."""
    if entry is None or entry.kind != "city":
        return entry
    article = _ARTICLE_NAME.match(place) or re.search(rf"\b(?:al|el)-{re.escape(place)}\b", quote, re.IGNORECASE)
    if not _LOCAL_KIND.search(place) and not (article and entry.population < ABROAD_TOWN_PEOPLE):
        return entry
    at = quote.find(place)
    if at >= 0 and lang.pattern("bearing_after").match(quote, at + len(place)):
        return entry  # a town with its bearing from the city is no quarter of it: "al-Karama, 35 km east of Raqqa"
    home = _story_entry(town)
    return None if home is not None and home.country != entry.country else entry


ABROAD_TOWN_PEOPLE = 100_000
_ARTICLE_NAME = re.compile(r"^(?:al-|el-|ال)", re.IGNORECASE)


QUARTER_CITY_REACH = 40  # characters after a quarter's name looked at for its city ("... of Deir Ezzor city")


def _city_after(place: str, quote: str) -> gazetteer.Entry | None:
    """"the al-Hamidiyah neighbourhood of Deir Ezzor city": the city named right after a quarter is its own."""
    at = quote.find(place)
    if at < 0:
        return None
    after = quote[at + len(place):at + len(place) + QUARTER_CITY_REACH]
    for _, _, entry in gazetteer.find(after):
        city = _city_of(entry.id)
        if city is not None:
            return city
    return None


def _quarter_of(place: str, anchor_id: str | None, town: Callable[[], str | None],
                quote: str = "") -> gazetteer.Entry | None:
    """"حي المشلب", "al-Mashlab", "le quartier d'al-Mashlab": a local name the gazetteer lacks is one quarter of
    its city however it is written (name_keys.key), so that a story's Arabic and English mentions compare."""
    owner = _POSSESSIVE.match(place)  # "Raqqa's al-Hurriya neighbourhood": al-Hurriya, a quarter of Raqqa
    name_key = name_keys.key(owner.group("part") if owner else place)
    if name_key is None:
        return None
    city = (_city_of(anchor_id) if anchor_id else _city_after(place, quote)) or _city_of_story(town)
    if city is None or name_key == name_keys.key(city.name):
        return None
    side = gazetteer.side_of(place, city.id)  # "الأحياء الشرقية": the story's city's east, no quarter of it
    return side or gazetteer.get(f"{city.id}{gazetteer.QUARTER_MARK}{name_key}")


def _story_entry(town: Callable[[], str | None]) -> gazetteer.Entry | None:
    """The gazetteer entry of the story's town (reader._article_place), if it has one."""
    story = town()
    return _entry_of(story) if story else None


def _city_of_story(town: Callable[[], str | None]) -> gazetteer.Entry | None:
    found = _story_entry(town)
    return _city_of(found.id) if found is not None else None


def _city_of(entry_id: str) -> gazetteer.Entry | None:
    """The city an entry is or lies in (a district's city; None for a province or a country)."""
    entry = gazetteer.get(entry_id)
    if entry is None:
        return None
    return next((a for a in (entry, *gazetteer.ancestors(entry.id)) if a.kind == "city"), None)


def _entry_of(place: str) -> gazetteer.Entry | None:
    return gazetteer.lookup(place) or _possessive_entry(place) or _kindless_entry(place)


_KIND_AFTER = re.compile(r"\s+(?:district|sub-?district|governorate|province|city|town|village|neighbou?rhood|quarter|"
                         r"area|region)$", re.IGNORECASE)


def _kindless_entry(place: str) -> gazetteer.Entry | None:
    """"Tal Afar district", "Qayyara town": the known name before an English kind word (the town's entry
    for its district: the gazetteer holds towns, and a district's toll is its town's area)."""
    bare = _KIND_AFTER.sub("", place)
    return gazetteer.lookup(bare) if bare != place else None


_POSSESSIVE = re.compile(r"^(?P<city>[^']{2,40})['’]s\s+(?P<part>.{2,60})$")


def _possessive_entry(place: str) -> gazetteer.Entry | None:
    m = _POSSESSIVE.match(place)
    if m is None:
        return None
    city, part = gazetteer.lookup(m.group("city")), gazetteer.lookup(m.group("part"))
    if city is None or part is None or not gazetteer.within(part.id, city.id):
        return None
    return part


def _incident_places(found: Iterable[Estimate]) -> list[Estimate]:
    """"The directorate also raised its count of injured to 17" says nothing of one event, but the story
    told one at that place ("an air strike on a house in al-Zanjili"): a figure no sentence types, at the
    place of an incident of the same story, is that incident's."""
    out = list(found)
    at = {e.place for e in out if e.kind == "incident" and e.place}
    return [replace(e, kind="incident") if e.kind is None and e.place in at else e for e in out]


def _with_kind(e: Estimate) -> Estimate:
    """Toll or incident, and the period, as the quoted sentence states them."""
    said = kinds.read_kind(e.quote, language(e.lang))
    if said.kind is None and said.period is None:
        return e
    period = said.period
    return replace(e, kind=said.kind, period_start=period.start if period else None,
                   period_end=period.end if period else None)


@cache
def _latin_gate() -> Stems:
    """Every Latin-script language's outcome stems in one automaton: the gate before the language is known."""
    return Stems([w for lang in LATIN for w in lang.words("OUTCOME_STEMS")],
                 [w for lang in LATIN for w in lang.words("OUTCOME_WORD_STEMS")])


def _has_outcome(text: str, norm: str | None, gate: Stems) -> bool:
    """An outcome stem of `gate` (a Latin-script language's, or every one's: _latin_gate), or an Arabic one
    in the normalised spelling `norm` (short vowels hide stems; None: the text has no Arabic script)."""
    return gate.search(text) or (norm is not None and _outcome_gate(ARABIC).search(norm))


def _has_number(text: str, norm: str | None, latin: Language) -> bool:
    """Something number-like: digits, or a number word of the language (an Arabic dual is a number too)."""
    if latin.pattern("number_gate").search(text):
        return True
    return norm is not None and ARABIC.pattern("number_gate").search(norm) is not None


def _arabic_norm(text: str) -> str | None:
    """The normalised spelling the Arabic gates read, computed once per text (None: no Arabic script)."""
    return norm_ar(text) if has_arabic(text) else None


Span = tuple[int, int]


def _candidate_sentences(text: str, latin: Language) -> Iterator[tuple[int, int, list[Span], Span]]:
    """Sentences holding an outcome stem and something number-like, each with the spans of up to
    LOOK_BACK sentences before it (nearest first) and of the sentence after it. The outcome stems are found
    once for the whole text; only sentences containing one pay for the number test."""
    spans = list(sentences.split(text))
    around = [(spans[max(0, i - LOOK_BACK):i][::-1], (spans[i + 1] if i + 1 < len(spans) else (0, 0)))
              for i in range(len(spans))]
    if has_arabic(text):  # normalising may shift offsets: test sentence by sentence
        for (start, end), (prev, nxt) in zip(spans, around):
            sentence = text[start:end]
            norm = _arabic_norm(sentence)
            if _has_outcome(sentence, norm, _outcome_gate(latin)) and _has_number(sentence, norm, latin):
                yield start, end, prev, nxt
        return
    hits = sorted(_outcome_gate(latin).starts(text))
    if not hits:
        return
    for (start, end), (prev, nxt) in zip(spans, around):
        i = bisect_left(hits, start)
        if i < len(hits) and hits[i] < end and latin.pattern("number_gate").search(text, start, end):
            yield start, end, prev, nxt


LOOK_BACK = 3


def _named_back(text: str, named: Callable[[Span], str | None], spans: list[Span], latin: Language) -> str | None:
    """Who the sentences before speak for: "He said ...", or a sentence naming no source at all in a run
    of reporting ("Human Rights Watch documented: ... . An air strike killed 22 civilians."). The nearest
    named claimant within LOOK_BACK sentences; for the sentence just before, its opening name will do
    ("Dr. Hassan al-Tai has run the morgue since 2017. He said ...")."""
    fallback = None
    for i, span in enumerate(spans):
        name = named(span) or (_opening_name(text, span, latin) if i == 0 else None)
        if name and not attribution.anaphoric(name):
            return name
        fallback = fallback or name  # "The rights group said ... . In one strike, it said, ...": who the
        # group is may be named a sentence further back
    return fallback


def _opening_name(text: str, span: Span, latin: Language) -> str | None:
    m = latin.pattern("opening_name", 0).match(text, span[0], span[1])
    return (m.group(1) or m.group(2)) if m else None


def _named_in(text: str, span: tuple[int, int], latin: Language) -> str | None:
    """The named claimant of the sentence at `span` (what "He said" in the next sentence refers to)."""
    if span[1] <= span[0]:
        return None
    rt = RuleText.of(text[span[0]:span[1]], latin)
    spans = [(m.start, m.end) for m in outcomes.find(rt.text, rt.lang)]
    return attribution.named(attribution.find(rt, spans))


def places_regex(names: Sequence[str]) -> Folded | None:
    return places.watched_regex(tuple(names)) if names else None


def _one_line(text: str | None) -> str | None:
    """Quotes and names as one line: the source text may be hard-wrapped (PDFs, plain text)."""
    return " ".join(text.split()) if text is not None else None


def _headline(text: str) -> str | None:
    """The first line when the text has more than one: a headline, as a story's text starts."""
    first, _, rest = text.partition("\n")
    return _one_line(first) if rest.strip() else None


def _unique(found: list[Estimate], headline: str | None = None) -> list[Estimate]:
    """One estimate per identity within an article: the first mention that names a claimant, else the first.

    Headlines state a figure bare ("UN: at least 2,521 killed") before the body attributes it; the attributed
    sentence is the better quote and names who made the claim.
    """
    best: dict[str, Estimate] = {}
    for e in found:
        key = identity_key(e)
        if key not in best or (best[key].claimant is None and e.claimant is not None):
            best[key] = e
    # "Zebari: 40,000 killed" over a body saying "more than 40,000 civilians": the same figure told less
    # precisely in the same story is a restatement, not a second estimate
    specific = {_unknown_key(e) for e in best.values() if victims_group(e.victims) != "unknown"}
    kept = [e for e in best.values() if victims_group(e.victims) != "unknown" or
            (_unknown_key(e) not in specific and not _told_more_narrowly(e, best.values()))]
    # "مقتل ثلاثة جنود بهجوم لداعش جنوب الموصل" over a body placing the attack more exactly: a bare headline
    # figure the body states with a source is the same estimate, whatever place each names
    attributed = {_placeless_key(e) for e in kept if e.claimant is not None}
    return [e for e in kept if not (headline and e.quote == headline and e.claimant is None
                                    and _placeless_key(e) in attributed)]


SITE_NOUN_REACH = 40  # characters either side of a local name looked at for the site noun that introduces it


def _site_named_later(found: list[Estimate], text: str, latin: Language, watched: Folded | None) -> list[Estimate]:
    """"Shells struck a crowded market in the besieged city of El Fasher, killing 18" ... "the shells hit the
    market in the Awlad al-Reif neighbourhood"; "dans le bombardement d'un marché d'El-Facher" ... "le marché du
    quartier d'Oulad el-Rif": a figure placed in a city by a nameless site (PATTERNS `nameless_site`) is at the
    one local place the story names beside the same noun elsewhere."""
    nameless = [(i, m) for i, e in enumerate(found) if e.place and e.lang == latin.code and
                (m := latin.pattern("nameless_site").search(e.quote)) is not None and _a_city(e.place)]
    if not nameless:
        return found
    local = [p for p in places.find(RuleText.of(text, latin), watched, min_rank=4, max_rank=4) if p.name]
    out = list(found)
    for i, m in nameless:
        noun = m.group("noun").casefold()
        named = {name_keys.key(p.name) or p.name.casefold(): p.name for p in local
                 if p.name not in found[i].quote and "\n" not in p.name and not _a_city(p.name) and
                 found[i].place.casefold() not in p.name.casefold() and  # "Hodeidah market": the city's own
                 noun in text[max(0, p.start - SITE_NOUN_REACH):p.end + SITE_NOUN_REACH].casefold()}
        if len(named) == 1:
            out[i] = replace(found[i], place=next(iter(named.values())))
    return out


def _a_city(place: str) -> bool:
    entry = _entry_of(place)
    return entry is not None and entry.kind == "city"


def _told_more_narrowly(e: Estimate, others: Iterable[Estimate]) -> bool:
    """"Alep : 11 morts" over a body's "11 civils tués ... dans les quartiers ouest d'Alep": the same figure for
    a group and a place inside the bare one's is the same claim, told more precisely."""
    where = _entry_of(e.place) if e.place else None
    if where is None:
        return False
    for o in others:
        if o is e or victims_group(o.victims) == "unknown" or (o.low, o.high, o.outcome) != (e.low, e.high, e.outcome):
            continue
        inner = _entry_of(o.place) if o.place else None
        if inner is not None and gazetteer.within(inner.id, where.id):
            return True
    return False


def _of_those(read: list[Estimate], sentence: str, before: list[Estimate], latin: Language) -> list[Estimate]:
    """"It attributed 612 of those deaths to strikes on Zanjili", after "1,847 civilian deaths": a part of a
    toll told before (PATTERNS `of_those`) counts whom that toll counted, when it names no one itself."""
    if not before or all(e.victims != "people" for e in read):
        return read
    lang = ARABIC if has_arabic(sentence) else latin
    text = norm_ar(sentence) if lang.arabic else sentence
    parts = {re.sub(r"\D", "", text[max(0, m.start() - PART_REACH):m.start()]) for m in lang.pattern("of_those").finditer(text)}
    if not parts:
        return read
    out = []
    for e in read:
        n = str(e.low if e.low is not None else e.high)
        told = next((b for b in reversed(before) if b.outcome == e.outcome and b.victims != "people"), None) \
            if e.victims == "people" and any(p.endswith(n) for p in parts) else None  # the part itself, not
        out.append(replace(e, victims=told.victims) if told is not None else e)  # "39 people" beside it
    return out


PART_REACH = 12  # characters before "of those deaths" holding its figure


def _refers_back(read: list[Estimate], sentence: str, before: list[Estimate], latin: Language,
                 preceding: str) -> list[Estimate]:
    """"Amnesty had put the toll from that strike at 150", "Another 1,673 were wounded", "36 autres civils",
    "killed nine of his relatives there": a figure that points back at an event, count or place just told
    (PATTERNS `refers_back`) and names no place of its own is in the place of the last figure that had one,
    else of the last place the text named before it. (Any placeless figure taking the previous sentence's
    place measured worse on the blind rounds: most are the story's, not the last sentence's.)"""
    if not read or all(e.place for e in read):
        return read
    lang = ARABIC if has_arabic(sentence) else latin
    text = norm_ar(sentence) if lang.arabic else sentence
    if not lang.pattern("refers_back").search(text):
        return read
    last = next((e.place for e in reversed(before) if e.place), None) or _last_place(preceding, latin)
    if last is None:
        return read
    return [e if e.place else replace(e, place=last) for e in read]


REFERS_BACK_REACH = 600  # characters before the sentence searched for the place it points back at


def _last_place(preceding: str, latin: Language) -> str | None:
    if not preceding.strip():
        return None
    rt = RuleText.of(preceding, ARABIC if has_arabic(preceding) else latin)
    found = places.find(rt, None)
    filed = places.dateline_of(rt) if preceding.startswith(rt.original[:1]) else 0
    named = [p for p in found if p.start >= filed]
    return max(named, key=lambda p: p.end).name if named else None


def _headline_places(found: list[Estimate], headline: str | None) -> list[Estimate]:
    """"Coalition: 817 civilians killed by strikes since 2014" names no place; the body sentence that states
    the same figure does ("in Iraq and Syria"), and that is the headline's place, not the story's."""
    if not headline:
        return found
    placed = {_placeless_key(e): e.place for e in found if e.place and e.quote != headline}
    return [replace(e, place=placed[_placeless_key(e)])
            if e.quote == headline and e.place is None and _placeless_key(e) in placed else e for e in found]


def _placeless_key(e: Estimate) -> str:
    return identity_key(e, place=None)


def _unknown_key(e: Estimate) -> str:
    return identity_key(e, victims="people")


SHORT_STORY = 3000  # characters: a story naming no town may have its district as its place ("Sadr City")


def _article_place(text: str, watched: Folded | None, latin: Language) -> str | None:
    rt = RuleText.of(text, latin)
    # the whole story is scanned: the gazetteer's towns only when the rules know none of its places
    found = places.find(rt, watched, min_rank=0, max_rank=2, gazetteer_last=True)
    filed = places.dateline_of(rt)
    if filed and not any(p.start >= filed for p in found):  # no town named outside the dateline: a site
        sites = [p for p in places.find(rt, watched, min_rank=4, max_rank=4) if p.start >= filed]  # it names,
        return places.most_mentioned(sites) or places.in_dateline(rt, filed) or places.most_mentioned(found)  # else it
    found = _without_body_dateline(text, found, latin)
    town = places.most_mentioned(found)
    if town is not None and (part := _part_told_more(rt, watched, town, found)) is not None:
        return part
    if town is not None and (site := _site_told_more(rt, watched, town, found)) is not None:
        return site
    if town is not None or len(text) > SHORT_STORY:
        return town
    return places.most_mentioned(places.find(rt, watched, min_rank=3, max_rank=4, gazetteer_last=True))


def _narrowed(town: str | None, found: list[Estimate]) -> str | None:
    """The story's town, or the part of it where its first placed figure is ("An air strike brought down a
    house in the al-Zanjili district of west Mosul, killing 18": the later "the toll has risen to 24" is
    al-Zanjili's too). A first figure elsewhere (Tikrit in a Mosul story) leaves the town, and only a figure
    its sentence ties to one event is narrowed: "9,000 died in the nine-month battle" is the town's whatever
    part the story is about, and so is an unplaced count of bodies a hospital received."""
    lead = next((e.place for e in found if e.place), None)
    if town is None or lead is None:
        return town
    inner, outer = _entry_of(lead), gazetteer.lookup(town)
    if inner is None or outer is None or inner.id == outer.id or not gazetteer.within(inner.id, outer.id):
        return town
    return lead


def _part_told_more(rt: RuleText, watched: Folded | None, town: str, towns: list[places.Place]) -> str | None:
    """A story about west Mosul names the city mostly as part of "west Mosul": when one part of the town
    is named more often than the town on its own, the part is the story's place. `towns`: the story's
    places of town rank and above, as _article_place found them."""
    entry = gazetteer.lookup(town)
    if entry is None:
        return None
    parts = [p for p in places.find(rt, watched, min_rank=3, max_rank=3, gazetteer_last=True)
             if (e := gazetteer.lookup(p.name)) is not None and e.id != entry.id and gazetteer.within(e.id, entry.id)]
    if not parts:
        return None
    alone = sum(1 for p in towns if p.name.casefold() == town.casefold()
                and not any(q.start <= p.start and p.end <= q.end for q in parts))  # not the "Mosul" of "west Mosul"
    part = places.most_mentioned(parts)
    told = sum(1 for p in parts if part is not None and p.name.casefold() == part.casefold())
    return part if told > alone else None


def _without_body_dateline(text: str, found: list[places.Place], latin: Language) -> list[places.Place]:
    """A headline, then "BAGHDAD (Reuters) - A sinkhole south of Mosul ...": the body's dateline says where
    the story was filed, as an opening one does; its town counts once less (when the story names another)."""
    first, _, body = text.partition("\n")
    body = body.lstrip()
    if not first.strip() or not body:
        return found
    body_rt = RuleText.of(body, latin)
    town = places.in_dateline(body_rt, places.dateline_of(body_rt))
    if town is None:
        return found
    at = next((i for i, p in enumerate(found) if p.name.casefold() == town.casefold() and p.start >= len(first)), None)
    if at is None or all(p.name.casefold() == town.casefold() for p in found):
        return found
    return found[:at] + found[at + 1:]


NEAR_REACH = 40  # characters before a town looked at for "near", "15km south of", "au sud de"


def _site_told_more(rt: RuleText, watched: Folded | None, town: str, towns: list[places.Place]) -> str | None:
    """A story about a site outside a town (the al-Khasfa sinkhole "south of Mosul", "près de Mossoul") names
    the town mostly to say where the site lies: when a district-level place the town does not hold is named
    at least as often as the town outside such phrases (PATTERNS `near_of`), the site is the story's place.
    So it is when the town is named once and a site (outside it or in it) more often ("At Khasfa, families
    wait" filed from Mosul, with one line on Raqqa; "حي اليرموك" twice beside "نينوى" once)."""
    entry = gazetteer.lookup(town)
    if entry is None or entry.parent is None:
        return None
    named = [p for p in towns if p.name.casefold() == town.casefold()]
    alone = sum(1 for p in named if not _a_bearing(rt, p.start))
    weak = len(named) <= WEAK_TOWN
    if alone == len(named) and not weak:
        return None  # the town is never only a bearing: it is the story's place (and the scan below is dear)
    told, first = _places_told(rt, watched, min_rank=4)
    told.pop(entry.id, None)
    outside = [(n, eid) for eid, n in told.most_common() if not gazetteer.within(eid, entry.id)
               and gazetteer.within(eid, entry.parent)]
    if outside and alone < len(named) and outside[0][0] >= alone:  # the town is the site's bearing
        return first[outside[0][1]]
    if told and weak and told.most_common(1)[0][1] > len(named):  # a town named once, a site (in it or not) more
        return first[told.most_common(1)[0][0]]
    return None


WEAK_TOWN = 1  # a town named this often, or less, yields to a site the story names more


def _read_sentence(raw: str, lang: str, latin: Language, watched: Folded | None,
                   previous: Callable[[], str | None] = lambda: None,
                   following: Callable[[], str | None] = lambda: None,
                   site: Callable[[], tuple[str, ...]] = tuple,
                   told: Callable[[], Estimate | None] = lambda: None) -> list[Estimate]:
    rt = RuleText.of(raw, latin)
    figs = figures.find(rt.text, rt.lang)
    if not figs:
        return []
    mentions = outcomes.find(rt.text, rt.lang)
    if not mentions and not any(f.outcome for f in figs):  # "نقل جريحان إلى المستشفى": the dual is its own
        return []
    reads = _not_retracted(list(_link_all(rt, figs, mentions)), rt)
    if not reads:
        return []
    spans = [(m.start, m.end) for m in mentions]
    attributions = attribution.find(rt, spans)
    sentence_places = _this_town(_unknown_town(_not_the_countrys(_not_the_seat(_not_a_bearing(
        _not_a_direction_after(places.find(rt, watched), rt), rt, site), rt), rt), rt, attributions) or _row_label(rt), rt)
    if not attributions and _opens_quote(rt.text):
        # "'More than a thousand people have died here. I dug the graves,' said a gravedigger": the quote
        # goes on into the next sentence, which names the speaker
        attributions = [attribution.Attribution(len(rt.text), following())]
    elif not attributions:  # no source named here: the run of reporting goes on (see _named_back)
        attributions = [attribution.Attribution(0, None, True, pronoun=True)]
    found = [_estimate(rt, r, attributions, _not_a_later_parts(sentence_places, reads, i, rt), lang, previous, site)
             for i, r in enumerate(reads)]
    return _others_told_before(rt, reads, _elliptic(rt, reads, found), told)


def _others_told_before(rt: RuleText, reads: list[_Read], found: list[Estimate],
                        told: Callable[[], Estimate | None]) -> list[Estimate]:
    """"... killing at least 24 soldiers, a military official said. Forty-one others were wounded": a sentence
    opening on "N others" (PATTERNS `others`) of another outcome counts more of the victims told just before."""
    if not found or found[0].victims != "people" or reads[0].fig.start > OPENING_REACH or \
            rt.lang.pattern("others").fullmatch(rt.text, reads[0].fig.end, reads[0].head.end) is None:
        return found
    before = told()
    if before is None or before.victims == "people" or before.outcome == found[0].outcome:
        return found
    return [replace(found[0], victims=before.victims), *found[1:]]


def _last_whole(found: list[Estimate], latin: Language) -> Estimate | None:
    """The last estimate told, or the whole its sentence told before a part ("26 people, among them 14
    soldiers": the 26; PATTERNS `part_lead`, a word not a comma)."""
    if not found:
        return None
    last = found[-1]
    same = [e for e in found if e.quote == last.quote]
    lang = ARABIC if has_arabic(last.quote) else latin
    text = norm_ar(last.quote) if lang.arabic else last.quote
    lead = lang.pattern("part_lead")
    parted = any((m := lead.search(text, max(0, d.start() - PART_LEAD_REACH), d.start())) is not None and
                 any(c.isalpha() for c in m.group()) for d in _FIGURE_START.finditer(text))
    return same[0] if parted and len(same) > 1 else last


_FIGURE_START = re.compile(r"(?<![\d,.])\d")


OPENING_REACH = 12  # characters from a sentence's start to the figure that opens it ("Another 41 others")


PART_LEAD_REACH = 20  # characters before a part's figure looked at for ", dont", "including"


def _not_a_later_parts(found: list[places.Place], reads: list[_Read], i: int, rt: RuleText) -> list[places.Place]:
    """"27 personnes dans la province d'Idleb, dont 11 à Ariha", "مقتل 219 مدنياً في محافظة نينوى، بينهم 151 في
    مدينة الموصل وحدها و68 في أقضية تلعفر وسنجار": places from a later bare figure of the same outcome led as
    a part (PATTERNS `part_lead`: a comma, "including", "dont", بينهم) and holding a place of its own (see
    _right_after) on are the parts', not the whole's, when the whole's sentence names one before them."""
    if len(found) < 2 or i == len(reads) - 1:
        return found
    fig, outcome, lead = reads[i].fig, reads[i].link.outcome, rt.lang.pattern("part_lead")
    part = next((r for r in reads[i + 1:] if r.fig.start > fig.end and r.link.outcome == outcome and
                 lead.search(rt.text, max(fig.end, r.fig.start - PART_LEAD_REACH), r.fig.start) and
                 _right_after(found, r, rt) is not found), None)
    kept = [p for p in found if p.start < part.fig.start] if part is not None else []
    return kept or found


def _not_retracted(reads: list[_Read], rt: RuleText) -> list[_Read]:
    """"Correction: an earlier version of this story said seven soldiers had been killed", "ذكرت نسخة سابقة من
    هذا الخبر أن الحصيلة بلغت 81 قتيلاً، والصحيح أن ...": what an outlet's own earlier version said (PATTERNS
    `earlier_version`), up to the figure it now gives (`correct_now`), is withdrawn, nobody's claim."""
    said = rt.lang.pattern("earlier_version").search(rt.text) if reads else None
    if said is None:
        return reads
    now = rt.lang.pattern("correct_now").search(rt.text, said.end())
    end = now.start() if now is not None else len(rt.text)
    return [r for r in reads if not said.end() <= r.fig.start < end]


def _this_town(found: list[places.Place], rt: RuleText) -> list[places.Place]:
    """"BARTELLA, Iraq — A car bomb exploded at the entrance to this Christian town east of Mosul": the town the
    lead points at (PATTERNS `this_town`) is the dateline's, the most specific place its sentence names."""
    m = rt.lang.pattern("this_town").search(rt.text)
    filed = places.dateline_of(rt) if m is not None else 0
    town = places.in_dateline(rt, filed) if filed else None
    if town is None:
        return found
    return [*found, places.Place(m.start(), m.end(), places.KIND_RANK["district"], town)]


UNKNOWN_TOWN_RANK = 2  # a name the gazetteer lacks after "in", "near": a town, below any district the rules found


def _unknown_town(found: list[places.Place], rt: RuleText,
                  attributions: list[attribution.Attribution] = ()) -> list[places.Place]:
    """"attacked an army post near Tabatol in Niger's Tillaberi region", "kills 6 at a mosque in Konduga": when
    the sentence names no town, a capitalised name after a preposition of place (PATTERNS `unknown_town`), before
    any province or country it names, that is no known place, body or month is the town the gazetteer lacks
    ("killed 7 in Zaporizhzhia region, 3 in Orikhiv": the 7 are the region's). A town inside a source's name
    is no town of the sentence's ("a camp in North Darfur's Tawila ..., a nurse at the Tawila camp clinic said")."""
    sources = [a.claimant for a in attributions if a.claimant]
    if rt.arabic or any(p.rank >= UNKNOWN_TOWN_RANK and not any(p.name in c for c in sources) for p in found):
        return found
    for m in rt.lang.pattern("unknown_town", 0).finditer(rt.text):
        name = m.group("name")
        if any(p.start < m.start() for p in found):
            break  # only before the province it lies in ("in Borova, in the Kharkiv region"), not after it
            # (but "in North Darfur's Tawila": the province owns the town)
        if _town_lacked(name, rt):
            return [*found, places.Place(m.start("name"), m.end("name"), UNKNOWN_TOWN_RANK, name)]
    return _event_site(found, rt)


def _town_lacked(name: str, rt: RuleText) -> bool:
    """A capitalised name that is a town the gazetteer lacks: no known place (but for a small town abroad that
    an article opens, "al-Rashidiya" in Mosul named like a town of the Emirates: _not_abroad places it), and no
    known body."""
    entry = gazetteer.lookup(name)
    lacked = entry is None or (entry.kind == "city" and _ARTICLE_NAME.match(name) is not None and
                               entry.population < ABROAD_TOWN_PEOPLE)
    return lacked and claimants.resolve(name, rt.lang.code) is None


def _event_site(found: list[places.Place], rt: RuleText) -> list[places.Place]:
    """"raised the toll from the al-Jamiaa rocket attack to 15", "les roquettes d'al-Jamiaa": an event named by
    the place it struck (PATTERNS `event_site`), when the sentence names no town, is that place's; not one named
    by who did it ("the Israeli strike", "the Islamic State attack": a modifier or a known body)."""
    modifiers, adjectives = rt.lang.set_of("MODIFIERS"), rt.lang.set_of("LOCAL_ADJECTIVES")
    for m in rt.lang.pattern("event_site", 0).finditer(rt.text):
        name = m.group("name")
        if any(w.lower() in modifiers or w.lower() in adjectives for w in name.split()):
            continue
        if _town_lacked(name, rt):
            return [*found, places.Place(m.start("name"), m.end("name"), UNKNOWN_TOWN_RANK, name)]
    return found


_ROW_LABEL = re.compile(r"\s*[-•*–—·▪]\s*(?P<label>[^\d:|\n،,()]{2,40}?)\s*:\s*\S")
ROW_LABEL_WORDS = 3
ROW_LABEL_RANK = 2  # a list row's unknown label names a town or an area: anything more specific in the row wins


def _row_label(rt: RuleText) -> list[places.Place]:
    """"- الضالع: 5 قتلى — السلطة المحلية": a list row whose label the gazetteer does not know still names the
    row's place (not a total, a group or a date: data NON_PLACE_LABELS, MONTHS, WEEKDAYS)."""
    m = _ROW_LABEL.match(rt.text)
    if m is None:
        return []
    label = m.group("label").strip()
    lang = rt.lang
    named = label[:1].isupper() or label.lower().startswith(("al-", "el-"))  # "- al-Noor : 5 morts"
    if len(label.split()) > ROW_LABEL_WORDS or outcomes.find(label, lang) or (not rt.arabic and not named):
        return []
    folded = norm_ar(label) if rt.arabic else label.lower()
    if any(folded in lang.set_of(name) for name in ("NON_PLACE_LABELS", "MONTHS", "WEEKDAYS")):
        return []
    if any(w in lang.set_of("BODY_HEADS") for w in folded.split()):
        return []  # "- Internal Security Forces: seven civilians killed": the row's source, not its place
    start = m.start("label")
    return [places.Place(start, start + len(label), ROW_LABEL_RANK, rt.span(start, start + len(label)))]


_QUOTES = re.compile(r"['‘’\"“”«»]")


def _opens_quote(text: str) -> bool:
    """The sentence opens a quotation it does not close (apostrophes inside words aside)."""
    stripped = text.lstrip()
    if not stripped or stripped[0] not in "'‘\"“«":
        return False
    marks = [m.start() for m in _QUOTES.finditer(text) if not _inside_word(text, m.start())]
    return len(marks) % 2 == 1


def _inside_word(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


def _elliptic(rt: RuleText, reads: list[_Read], found: list[Estimate]) -> list[Estimate]:
    """'307 civilians had been killed and 273 wounded', 'مقتل 23 مدنيا وإصابة 45 آخرين': a second figure
    with no victims noun of its own (or only 'others'), joined by 'and'/'و', counts the same victims
    (and has the same claimant) as the figure before it."""
    text, lang = rt.text, rt.lang
    for i in range(1, len(reads)):
        prev, cur, r = found[i - 1], found[i], reads[i]
        if i > 1 and _a_named_part(rt, reads[i - 1]) and found[i - 2].outcome == prev.outcome:
            prev = found[i - 2]  # "قتل ثلاثة مدنيين، بينهم طفلان، وأصيب سبعة آخرون": the others are the civilians'
        if prev.victims == "people" or cur.victims != "people":
            continue
        others = lang.pattern("others").fullmatch(text, r.fig.end, r.head.end) is not None
        if r.head.victims is not None and not others:
            continue
        # "45 policemen were wounded, while 9 others were killed": "others" are more of the same group.
        if others and i > 1 and found[i - 2].victims != prev.victims and found[i - 2].outcome == prev.outcome:
            continue  # "14 civilians and two soldiers ..., while 22 others were wounded": a mixed group
        gap = (reads[i - 1].head.end, r.fig.start)
        if others or lang.pattern("ellipsis_gap").fullmatch(text, *gap) or lang.pattern("revised").search(text, *gap):
            named = cur if cur.claimant else prev
            found[i] = replace(cur, victims=prev.victims, claimant=named.claimant, claimant_text=named.claimant_text,
                               claimant_id=named.claimant_id)
    return found


def _a_named_part(rt: RuleText, r: _Read) -> bool:
    """A figure led as a part of the one before by a word ("بينهم طفلان", "including two children"; PATTERNS
    `part_lead`), not by a comma alone."""
    lead = rt.lang.pattern("part_lead").search(rt.text, max(0, r.fig.start - PART_LEAD_REACH), r.fig.start)
    return lead is not None and any(c.isalpha() for c in lead.group())


def _head_of(text: str, fig: Figure, lang: Language) -> heads.Head:
    """The noun phrase after the figure; an Arabic dual is its own noun ("جنديان": soldiers), or its own
    outcome ("قتيلان": two killed, "توفي جريحان": two of the wounded died)."""
    head = heads.read(text, fig.end, lang)
    if fig.noun is not None and head.victims is None:
        head = replace(head, victims=_victim_class(fig.noun, lang))
    if fig.outcome is not None and head.outcome is None:
        died = outcomes.died_before(text, fig.start, lang)
        head = replace(head, end=fig.end, outcome=outcomes.Mention(fig.start, fig.end, died or fig.outcome, "noun"))
    return head


def _link_all(rt: RuleText, figs: list[Figure], mentions: list[outcomes.Mention]) -> Iterator[_Read]:
    text, lang = rt.text, rt.lang
    hs = [_head_of(text, f, lang) for f in figs]
    kept = [i for i, (f, h) in enumerate(zip(figs, hs))
            if _countable(text, f, h, lang) or (i and not h.blocked and (_gapped(text, hs[i - 1], f, h, lang) or
                                                                      _distributed(text, hs[i - 1], f, h, lang)))]
    figs, hs = [figs[i] for i in kept], [hs[i] for i in kept]
    links: list[Link | str | None] = []
    for i, (f, h) in enumerate(zip(figs, hs)):
        prev_end = hs[i - 1].end if i else 0
        next_start = figs[i + 1].start if i + 1 < len(figs) else len(text)
        links.append(linking.link(text, f, h, mentions, prev_end, next_start, lang))
    _inherit(text, figs, hs, links, lang)
    _sum_of_dead_and_wounded(figs, links)
    groups: list[str | None] = []
    for i, (f, h, lk) in enumerate(zip(figs, hs, links)):
        # the antecedent is the figure before; "64 hurt, 7 of them critically, 5 of whom died": through a
        # partitive before it to its own antecedent
        of_whom = i > 0 and h.victims is None and (
            lang.pattern("of_whom").match(text, f.end) is not None or
            lang.pattern("subset_lead").search(text, max(hs[i - 1].end, f.start - SUBSET_REACH), f.start) is not None)
        part = isinstance(lk, Link) and lk.rule == PART  # "..., followed by Kharkiv region with 103": its children
        groups.append((hs[i - 1].victims or groups[i - 1]) if of_whom or part else None)
        if isinstance(lk, Link):
            yield _Read(f, h, lk, groups[i])


SUBSET_REACH = 25  # characters before a figure looked at for "of which", "dont", "منهم"
REVISED_REACH = 130  # characters before a figure looked at for "revised to", "bringing the number ... to"


SPEAKER_REACH = 30  # characters before "un"/"une" looked at for the verb or "selon" that makes it a speaker's


def _countable(text: str, f: Figure, h: Head, lang: Language) -> bool:
    """Rules that veto a figure whatever its outcome: counted things, bare years, a lone 'one'."""
    if h.blocked:
        return False
    named = h.victims is not None or h.outcome is not None
    if f.small_word and not named:
        return False
    if f.small_word and lang.pattern("speaker_lead").search(text, max(0, f.start - SPEAKER_REACH), f.start):
        return False  # "a affirmé un médecin de l'hôpital, où les blessés ont été évacués": the speaker, not one
    if f.small_word and h.victims is None and h.outcome is not None and \
            text[h.outcome.start:h.outcome.end].lower() in lang.set_of("TOLL_NOUNS"):
        return False  # "Un bilan près de dix fois supérieur": an article before a toll, not one
    # a year-like number is a count when a victims or outcome noun follows it ("1962 were injured" aside):
    # "1964 décès violents", "1987 injuries"; never after a year's preposition ("in 2017 deaths rose")
    if f.yearish and h.victims is None and h.outcome is not None and h.outcome.kind == "noun":
        return not lang.pattern("year_before_outcome").search(text, max(0, f.start - 15), f.start)
    if f.yearish and (h.victims is None or lang.pattern("year_word").search(text, max(0, f.start - 15), f.start)):
        return False
    return True


def _inherit(text: str, figs: list[Figure], hs: list[Head], links: list, lang: Language) -> None:
    """Subsets and lists take a neighbour's outcome: 'killed 27 people, including 11 children',
    '10 soldiers and 5 civilians were killed'; a revision takes the figure it revises: 'the toll, first put
    at more than 200, was later revised to 105'."""
    for _ in range(2):
        for i in range(len(figs)):
            if links[i] is not None or hs[i].blocked:
                continue
            before = links[i - 1] if i > 0 and isinstance(links[i - 1], Link) else None
            after = links[i + 1] if i + 1 < len(figs) and isinstance(links[i + 1], Link) else None
            if before and lang.pattern("including").fullmatch(text, hs[i - 1].end, figs[i].start):
                links[i] = Link(before.outcome, "inherit", None)
            elif after and hs[i].victims is not None and \
                    lang.pattern("including").fullmatch(text, hs[i].end, figs[i + 1].start):
                links[i] = Link(after.outcome, "inherit", None)
            elif before and hs[i].outcome is None and \
                    lang.pattern("subset_lead").search(text, max(hs[i - 1].end, figs[i].start - SUBSET_REACH), figs[i].start):
                links[i] = Link(before.outcome, "inherit", None)  # "..., dont 962 dans la province de Ninive"
            elif before and hs[i].outcome is None and hs[i].victims is not None and \
                    lang.pattern("of_whom").match(text, figs[i].end) and \
                    _after_comma(text, hs[i - 1].end, figs[i].start):
                links[i] = Link(before.outcome, "inherit", None)  # "1,031 people killed, 227 of them civilians"
            elif before and (_gapped(text, hs[i - 1], figs[i], hs[i], lang) or
                             _distributed(text, hs[i - 1], figs[i], hs[i], lang)):
                links[i] = Link(before.outcome, "inherit", None)  # "Twelve died in Maarat al-Numan and five in Saraqeb"
            elif before and (_placed_part(text, figs, hs, i, lang) or _followed_with(text, hs[i - 1], figs[i], hs[i], lang)):
                links[i] = Link(before.outcome, PART, None)  # "..., including 12 in a school in Gaza City"
            elif before and (lang.pattern("others").fullmatch(text, figs[i].end, hs[i].end) or  # "... and 9 others ..."
                             lang.pattern("revised").search(text, max(hs[i - 1].end, figs[i].start - REVISED_REACH),
                                                            figs[i].start)):
                links[i] = Link(before.outcome, "inherit", None)


def _sum_of_dead_and_wounded(figs: list[Figure], links: list) -> None:
    """"1200 ضحية بينهم 430 قتيلا و770 مصابا", "41 victims, 15 dead and 26 wounded": a figure the next two add up
    to, one of them dead and the other wounded, counts both: casualties, whatever its own noun says."""
    for i in range(len(figs) - 2):
        whole, a, b = links[i], links[i + 1], links[i + 2]
        if not all(isinstance(x, Link) for x in (whole, a, b)) or whole.outcome == "casualties" or \
                {a.outcome, b.outcome} != {"killed", "injured"}:
            continue
        if figs[i].low is not None and figs[i].low == figs[i].high and \
                _value(figs[i + 1]) + _value(figs[i + 2]) == figs[i].low:
            links[i] = Link("casualties", whole.rule, whole.mention)


def _gapped(text: str, prev: Head, f: Figure, h: Head, lang: Language) -> bool:
    """"Nine were killed in Khan Younis and five in Deir el-Balah": a bare figure after "and", then a place,
    shares the verb of the figure before (PATTERNS `gap_and`, `gap_where`)."""
    if not _bare_after(prev, f, h):
        return False
    gap = text[prev.end:f.start] + ("و" if lang.arabic and text.startswith("و", f.start) else "")  # "وتسعة في"
    return lang.pattern("gap_and").fullmatch(gap) is not None and lang.pattern("gap_where").match(text, f.end) is not None


def _bare_after(prev: Head, f: Figure, h: Head) -> bool:
    """A figure naming neither outcome nor victims, after the head of the figure before: one that may share its
    verb or count part of it (_gapped, _distributed, _placed_part, _followed_with)."""
    return h.outcome is None and h.victims is None and prev.end <= f.start


DIST_REACH = 200  # characters back from a part to the colon that opens its list
_LIST_GAP = re.compile(r".*(?:[:,،]|\s(?:and|et|و))\s*$", re.DOTALL)


def _distributed(text: str, prev: Head, f: Figure, h: Head, lang: Language) -> bool:
    """"244 bodies had been recovered from the Old City in the week to Saturday: 131 from the al-Maidan area, 68
    from around Bab al-Tob and 45 from the riverbank": the parts of a count after a colon, each a bare figure
    before its place (PATTERNS `dist_where`), count what the count counted."""
    if not _bare_after(prev, f, h):
        return False
    gap = text[prev.end:f.start]
    return ":" in text[max(0, f.start - DIST_REACH):f.start] and "." not in gap and _LIST_GAP.match(gap) is not None \
        and lang.pattern("dist_where").match(text, f.end) is not None


PART = "part"  # the link rule of a placed part of the figure before (_placed_part, _followed_with)
PART_GAP = 120  # characters from a whole to its placed part led by a subset word ("..., the service said, 11 of them in")
COMMA_PART_GAP = 60  # ... led by a comma alone ("killed 6 people in Kharkiv region, 2 in Sumy")


def _placed_part(text: str, figs: list[Figure], hs: list[Head], i: int, lang: Language) -> bool:
    """"killed 38 Palestinians across Gaza, including 12 in a school in Gaza City", "killed 26 people ..., 11 of
    them in Tariq al-Bab", "killed 6 people in Kharkiv region, 2 in Sumy": a bare figure before its place (PATTERNS
    `part_where`), led by a subset word (`part_lead`) or followed by "of them", is a part of the figure before, so
    counts what it counted (a part is smaller than its whole); led by a comma alone, it shares the verb before."""
    f, h = figs[i], hs[i]
    if not _bare_after(hs[i - 1], f, h):
        return False
    gap = text[hs[i - 1].end:f.start]
    if _SENTENCE_STOP.search(gap) or len(gap) > PART_GAP:
        return False
    of_them = lang.pattern("of_whom").match(text, f.end)
    if lang.pattern("part_where").match(text, of_them.end() if of_them else f.end) is None:
        return False
    lead = lang.pattern("part_lead").search(gap)
    if of_them is None and lead is not None and lead.group().strip() in ",،":  # a sibling: "..., 2 in Sumy"
        return len(gap) <= COMMA_PART_GAP
    return (of_them is not None or lead is not None) and 0 < _value(f) < _value(figs[i - 1])


_SENTENCE_STOP = re.compile(r"[.;!?؛:]")


def _value(f: Figure) -> int:
    return f.high if f.high is not None else (f.low or 0)


def _followed_with(text: str, prev: Head, f: Figure, h: Head, lang: Language) -> bool:
    """"Nineveh accounted for 604 of the dead, followed by Baghdad with 311 and Anbar with 187": the later places of
    a ranking, each "with" its bare figure (PATTERNS `with_lead`), count what the first place's figure counted; so
    does a figure it is compared with ("مقتل 2430 مدنيا في الجانب الأيمن، مقارنة بـ760 في الأيسر", `compared_lead`)."""
    if not _bare_after(prev, f, h):
        return False
    gap = text[prev.end:f.start]
    return len(gap) <= COMMA_PART_GAP and not _SENTENCE_STOP.search(gap) and \
        (lang.pattern("with_lead").search(gap) is not None or lang.pattern("compared_lead").search(gap) is not None)


def _after_comma(text: str, start: int, end: int) -> bool:
    """The figure at `end` opens a clause after a comma, close to the figure before (a subset of it)."""
    gap = text[start:end]
    return len(gap) <= SUBSET_REACH and gap.rstrip().endswith((",", "،"))


def _victims(text: str, r: _Read, lang: Language) -> str:
    """Who the figure counts: the first rule of VICTIM_RULES that names them, else "people"."""
    for rule in VICTIM_RULES:
        found = rule(text, r, lang)
        if found is not None:
            return found
    return "people"


VictimRule = Callable[[str, "_Read", Language], "str | None"]


def head_names_them(text: str, r: _Read, lang: Language) -> str | None:
    """"326 civilian deaths", "120 قتيلا من المدنيين": the figure's own noun, when it says more than people."""
    return r.head.victims if r.head.victims and r.head.victims != "people" else None


def losing_side(text: str, r: _Read, lang: Language) -> str | None:
    """"Iraqi security forces lost around 1,200 killed", "The army's 15th Division lost 37 men"."""
    return _losing_side(text, r.fig.start, lang)


def predicate_group(text: str, r: _Read, lang: Language) -> str | None:
    """"Of the dead, 512 were civilians": the group the figure is said to be (a figure with no noun of its own)."""
    if r.head.victims is not None or r.link.rule != "of_the":
        return None
    m = lang.pattern("were_noun").match(text, r.fig.end)
    return _victim_class(m.group(1), lang) if m else None


def remains_of(text: str, r: _Read, lang: Language) -> str | None:
    """"300 bodies of ISIS militants", "جثث 40 من عناصر داعش": whose bodies they are (PATTERNS `remains_of`)."""
    m = lang.pattern("remains_of").match(text, r.fig.end)
    if m is None:
        return None
    return _victim_class(m.group("noun"), lang) if m.group("noun") else "combatants"


def head_people(text: str, r: _Read, lang: Language) -> str | None:
    """"40 people were killed": people, unless a toll names its victims better (the rules below)."""
    return r.head.victims if r.head.victims and r.link.rule != "toll" else None


def antecedent_group(text: str, r: _Read, lang: Language) -> str | None:
    """"87 wounded civilians ..., 12 of whom later died": the antecedent's victims."""
    return r.group


def among_after(text: str, r: _Read, lang: Language) -> str | None:
    """"2,000 killed, among them civilians", "في صفوف القوات": the ranks named after the figure."""
    ranks = lang.pattern("ranks").match(text, r.head.end)
    return _ranks_class(ranks, lang) if ranks else None


def number_of(text: str, r: _Read, lang: Language) -> str | None:
    """"the number of civilians killed (at 40,000)": the victims of the counted outcome."""
    m = r.link.mention
    if r.link.rule not in ("before", "toll") or m is None:
        return None
    hit = lang.pattern("number_of").search(text, max(0, m.start - NUMBER_OF_REACH), m.start)
    return _victim_class(hit.group(1), lang) if hit else None


def label_word(text: str, r: _Read, lang: Language) -> str | None:
    """"Civilians killed: 1,212", "the civilian death toll ... 240": a victims word before the outcome."""
    m = r.link.mention
    if r.link.rule not in ("toll", "label") or m is None:
        return None
    hits = list(lang.pattern("victim_word").finditer(text, max(0, m.start - LABEL_REACH), r.fig.start))
    return _victim_class(hits[-1].group(1), lang) if hits else None


def ranks_before(text: str, r: _Read, lang: Language) -> str | None:
    """"عدد القتلى في صفوف القوات العراقية ... 1,200 قتيل": the ranks named before a counted noun."""
    if r.link.rule not in ("head", "toll"):
        return None
    found = list(lang.pattern("ranks_before").finditer(text, max(0, r.fig.start - GROUP_REACH), r.fig.start))
    if found and (found[-1].group("s") or found[-1].group("c")):
        return _ranks_class(found[-1], lang)
    return None


def toll_owner(text: str, r: _Read, lang: Language) -> str | None:
    """"Peshmerga casualties in the Bashiqa operation stood at 22 dead": the toll's owner."""
    if r.link.rule != "head":
        return None
    owner = lang.pattern("toll_owner").search(text, max(0, r.fig.start - TOLL_OWNER_REACH), r.fig.start)
    if owner and _victim_class(owner.group(1), lang) != "people":
        return _victim_class(owner.group(1), lang)
    return None


def group_before(text: str, r: _Read, lang: Language) -> str | None:
    """"among the civilians ... 54 dead": the last group named before a counted noun."""
    if r.link.rule != "head":
        return None
    classes = [_victim_class(h.group(1) or h.group(2), lang)
               for h in lang.pattern("group_before").finditer(text, max(0, r.fig.start - GROUP_REACH), r.fig.start)]
    named = [c for c in classes if c != "people"]
    return named[-1] if named else None


# Tried in order, first answer wins (each rule's docstring shows its construction).
VICTIM_RULES: tuple[VictimRule, ...] = (head_names_them, losing_side, predicate_group, remains_of, head_people,
                                        antecedent_group,
                                        among_after,
                                        number_of, label_word, ranks_before, toll_owner, group_before)


# Characters looked back from a figure or its outcome word for who it counts.
NUMBER_OF_REACH = 70   # "the number of civilians killed (at 40,000)"
LABEL_REACH = 30       # "Civilians killed: (1,212)"
GROUP_REACH = 80       # "among the civilians ...", "في صفوف القوات ..."
TOLL_OWNER_REACH = 90  # "Peshmerga casualties in the Bashiqa operation stood at (22 dead)"
LOST_NEAR_REACH = {False: 12, True: 8}  # "lost (37)", "فقدت (37)"
LOST_SUBJECT_REACH = 80


def _losing_side(text: str, fig_start: int, lang: Language) -> str | None:
    """"X lost 37 men", "X suffered 1,200 killed", "الشرطة الاتحادية فقدت 37 قتيلا": the side that lost them."""
    if not lang.pattern("lost_near").search(text, max(0, fig_start - LOST_NEAR_REACH[lang.arabic]), fig_start):
        return None  # the subject search below is dear; most figures follow no "lost"
    m = lang.pattern("lost_subject").search(text, max(0, fig_start - LOST_SUBJECT_REACH), fig_start)
    if m is None:
        return None
    if lang.arabic:
        return "security forces" if m.group("s") else "combatants"
    units = lang.set_of("UNIT_WORDS")
    victims = heads.victims_table(lang)
    classes = [victims.get(w) or heads.modifier_class(w, lang) or ("security forces" if w in units else None)
               for w in m.group("np").lower().split()]
    named = [c for c in classes if c in ("security forces", "combatants")]
    return named[-1] if named else None


def _side_of(claimant: str, lang: Language) -> str | None:
    """The side a claimant speaks for ("وزارة شؤون البيشمركة", "the Ministry of Peshmerga": security forces)."""
    lang = ARABIC if has_arabic(claimant) else lang
    m = lang.pattern("side").search(norm_ar(claimant) if lang.arabic else claimant)
    return None if m is None else "security forces" if m.group("s") else "combatants"


def _not_in(found: list[places.Place], claimant: str | None, rt: RuleText,
            site: Callable[[], tuple[str, ...]] = tuple) -> list[places.Place]:
    """"a medical source in Kirkuk said 23 soldiers were killed": where the source sits is not where the
    figure happened; without another place in the sentence the article's place applies. Only the places
    inside the claimant's own words go, and the one right after them that seats it (PATTERNS `seat_of`:
    "the civil defence in Nineveh said the toll rose to 158") when the sentence names another place ("the
    ministry in Sanaa said 68 were killed in Saada") or the story is about a place inside that seat (`site`:
    al-Rifai), not when it is about the seat ("وزارة الصحة في قطاع غزة"): "the Mission for Iraq
    said ... killed across Iraq" keeps the second."""
    if not claimant:
        return found
    written = norm_ar(claimant) if rt.arabic else claimant
    spans, at = [], rt.text.find(written)
    while at >= 0:  # str.find: a regex per claimant would fill re's cache with names
        spans.append((at, at + len(written)))
        at = rt.text.find(written, at + 1)
    if not spans and not _named_here(written, rt.text):
        return found  # a speaker from another sentence ("ووثق التقرير ... من العراق": the report's, not its author's)
    if not spans:  # a name the reader rebuilt from this sentence's words: by name, as before
        return [p for p in found if p.name not in claimant]
    kept = [p for p in found if not any(s <= p.start and p.end <= e for s, e in spans)]
    if not any(p.rank >= UNKNOWN_TOWN_RANK for p in kept):  # "the mayor of Tal Afar said 181 civilians were killed"
        kept += [p for p in found if p not in kept and _office_of(rt, p)]
    seat = rt.lang.pattern("seat_of")  # "مديرية الدفاع المدني في نينوى", "the civil defence in Nineveh": its seat,
    # (not where an agent acted: "un poste utilisé par l'armée à Daraban" is where the army used it)
    agent = rt.lang.pattern("agent_before")
    spans = [(s, e) for s, e in spans if not agent.search(rt.text, max(0, s - AGENT_REACH), s)]
    seats = [p for p in kept if any(e <= p.start and seat.fullmatch(rt.text, e, p.start) for _, e in spans)]
    if not seats:
        return kept
    filed = places.dateline_of(rt)  # "... في صنعاء ... في محافظة صعدة": the figure's own place (not the dateline's)
    others = [p for p in kept if p not in seats and p.rank > 0 and p.start >= filed]
    inside = [e for s in seats if (e := _entry_of(s.name)) is not None]
    if others or any(gazetteer.within(s, e.id) and s != e.id for s in site() for e in inside):  # or the story's, inside it
        return [p for p in kept if p not in seats]
    return kept


OFFICE_REACH = 30  # characters before a place looked at for the office that governs it ("the mayor of")


def _office_of(rt: RuleText, p: places.Place) -> bool:
    """A town inside its own governor's or mayor's title ("le maire de Tal Afar", "Tal Afar mayor", "قائممقام
    قضاء تلعفر"; PATTERNS `office_of`, `office_after`): the figure that office gives is the town's, when the
    sentence names no other town."""
    return p.rank >= UNKNOWN_TOWN_RANK and (
        rt.lang.pattern("office_of").search(rt.text, max(0, p.start - OFFICE_REACH), p.start) is not None or
        rt.lang.pattern("office_after").match(rt.text, p.end) is not None)


def _named_after(place: str, lang: Language) -> gazetteer.Entry | None:
    """The known place a landmark is named after, once its kind word goes (PATTERNS `landmark_kind`):
    "the al-Shifa hospital" -> al-Shifa, "Idlib market" -> Idlib."""
    written = norm_ar(place) if lang.arabic else place
    bare = lang.pattern("landmark_kind").sub("", written).strip()
    return _entry_of(bare) if bare and bare != written else None


def _landmark_anchor(place: str | None, found: list[places.Place], rt: RuleText) -> str | None:
    """"the al-Shifa hospital", "the al-Nuri mosque in Mosul's Old City": a landmark the gazetteer does not
    know stands in the place its name holds once its kind word goes (PATTERNS `landmark_kind`: al-Shifa),
    else in the known place that follows it (the most specific of them: the Old City). The gazetteer id of
    that place, so the landmark's figures compare with the district's; None when the landmark is known."""
    if place is None or _entry_of(place) is not None:
        return None
    owner = _POSSESSIVE.match(place)  # "Raqqa's al-Badu neighbourhood": a quarter the gazetteer lacks, in Raqqa
    if owner is not None and (city := gazetteer.lookup(owner.group("city"))) is not None:
        if city.kind not in ("country", "province"):
            return city.id
        place = owner.group("part")  # "Sudan's El Fasher hospital": the hospital's town says more than its country
    entry = _named_after(place, rt.lang)
    if entry is not None:
        return entry.id
    at = next((p for p in found if p.name == place), None)
    if at is None:
        return None
    after = [(p.rank, at.end - p.start, e) for p in found if 0 <= p.start - at.end <= ANCHOR_REACH
             and not _a_bearing(rt, p.start) and (e := _entry_of(p.name)) is not None]
    if after:
        return max(after, key=lambda t: (t[0], t[1]))[2].id
    # "families fleeing Tal Afar near the village of Abu Maria": a village the gazetteer does not know lies by
    # the nearest town its sentence names (so a watch of the province holds it)
    towns = [(abs(p.start - at.start), e) for p in found if p is not at and p.rank >= 2
             and (e := _entry_of(p.name)) is not None and e.kind != "country"]
    return min(towns, key=lambda t: t[0])[1].id if towns else None


def _near_before(rt: RuleText, start: int) -> re.Match[str] | None:
    """The "near", "south of", "au sud de" (PATTERNS `near_of`) right before the place at `start`, if any."""
    return rt.lang.pattern("near_of").search(rt.text, max(0, start - NEAR_REACH), start)


def _a_bearing(rt: RuleText, start: int) -> bool:
    return _near_before(rt, start) is not None


ANCHOR_REACH = 40  # characters from a landmark to the known place it lies in ("mosque in Mosul's Old City")


def _scoped(found: list[places.Place], rt: RuleText) -> list[places.Place]:
    """"3,298 civilian deaths across Iraq in 2017, the year Mosul was retaken": a place the sentence gives as
    the figure's scope (PATTERNS `scope_before`: across, throughout, dans tout le, في جميع أنحاء) is its
    place, however specific the others."""
    scope = rt.lang.pattern("scope_before")
    scoped = [p for p in found if scope.search(rt.text, max(0, p.start - SCOPE_REACH), p.start)]
    return scoped or found


SCOPE_REACH = 25  # characters before a place looked at for "across", "throughout"


def _not_the_seat(found: list[places.Place], rt: RuleText) -> list[places.Place]:
    """"A doctor at a field hospital in Hammam al-Alil said it had received 38 bodies from the strike": the
    hospital's town (PATTERNS `source_seat`) is where the count was made, not where the deaths were, when
    the sentence points back at the event (`event_back`); the figure then takes the event's place."""
    seats = [p for p in found if rt.lang.pattern("source_seat").search(rt.text, max(0, p.start - SEAT_REACH), p.start)]
    if not seats or not rt.lang.pattern("event_back").search(rt.text):
        return found
    seats += [q for q in found if q not in seats and any(  # "في ناحية حمام العليل، جنوبي الموصل،": its bearing
        0 < q.start - s.end <= SEAT_APPOSITION and not rt.text[s.end:q.start].strip(" ,،") for s in seats)]
    plain = {p.name.casefold() for p in found if p not in seats}
    return [p for p in found if p not in seats or p.name.casefold() in plain]


def _not_the_countrys(found: list[places.Place], rt: RuleText) -> list[places.Place]:
    """"between 140 and 230 civilians were likely killed in the incident, the deadliest we have tracked in
    Iraq": a figure pointing back at an event (PATTERNS `event_back`) is the event's, not a country's the
    sentence names in passing."""
    if not found or any(p.rank > 0 for p in found) or not rt.lang.pattern("event_back").search(rt.text):
        return found
    return []


AGENT_REACH = 8  # characters before a claimant's words looked at for "by", "par", "من قبل"
SEAT_REACH = 40  # characters before a place looked at for the hospital that sits there
SEAT_APPOSITION = 3  # characters of comma and space between the seat and the bearing describing it


def _sites_bearing(rt: RuleText, start: int, found: list[places.Place], filed: int) -> re.Match[str] | None:
    """The "near", "south of" (PATTERNS `near_of`) before the town at `start` when it places a site: a site
    noun before it ("the al-Khasfa sinkhole near Mosul", `site_before`) or a place right before it ("Tal Afar,
    à l'ouest de Mossoul", outside the dateline ending at `filed`); not "were killed near Hawija"."""
    near = _near_before(rt, start)
    if near is None:
        return None
    if rt.lang.pattern("site_before").search(rt.text, max(0, near.start() - SITE_REACH), near.start()):
        return near
    return near if any(0 <= near.start() - q.end <= APPOSITION_REACH and filed <= q.start < start and q.rank > 0
                       and not rt.text[q.end:near.start()].strip(" ,،") and not _a_bearing(rt, q.start)
                       for q in found) else None  # not "West of Mosul, near Tal Afar": a bearing after a bearing


SITE_REACH = 40  # characters before a bearing looked at for the site it places
APPOSITION_REACH = 30  # characters from a named site to the bearing placing it (", a town some ")


def _not_a_direction_after(found: list[places.Place], rt: RuleText) -> list[places.Place]:
    """"مقبرة جماعية قرب معمل إسمنت بادوش شمال غربي الموصل": a direction of a town right after another place
    (PATTERNS `direction_bearing`) says where that place lies, not a part of the town (not west Mosul)."""
    bearing = rt.lang.pattern("direction_bearing")
    gone = [p for p in found if any(0 <= p.start - q.end <= BEARING_GAP and bearing.fullmatch(rt.text, q.end, p.end)
                                    for q in found if q is not p and q.start < p.start)]
    return [p for p in found if p not in gone] if gone else found


BEARING_GAP = 45  # characters between a place and the town whose direction places it (", شمال ", "، على بعد 50 كم غرب ")


def _not_a_bearing(found: list[places.Place], rt: RuleText,
                   site: Callable[[], tuple[str, ...]]) -> list[places.Place]:
    """"A sinkhole south of Mosul ... may hold 5,000 bodies": a town named to say where a site lies
    (_sites_bearing) is not the figure's place when the sentence names another ("Hammam al-Alil, a town
    15km south of Mosul") or the story names the site near that town (`site`: _story_site, al-Khasfa): the
    site's is, and so neither the dateline's town nor a country. "A checkpoint near Hilla" in a story naming
    no such site stays Hilla's. A town also named plainly in the sentence stays."""
    filed = places.dateline_of(rt)
    nears = {id(p): m for p in found if p.rank <= 2 and (m := _sites_bearing(rt, p.start, found, filed)) is not None}
    bearings = [p for p in found if id(p) in nears]
    if not bearings:
        return found
    plain = {p.name.casefold() for p in found if p not in bearings}
    if any(0 <= nears[id(b)].start() - q.end <= APPOSITION_REACH and filed <= q.start < b.start and q.rank > 0
           for b in bearings for q in found if q not in bearings):  # "Hammam al-Alil, a town 15km south of Mosul"
        return [p for p in found if p not in bearings or p.name.casefold() in plain]
    towns = [e for p in bearings if (e := _entry_of(p.name)) is not None]
    if not any(e.parent and gazetteer.within(s, e.parent) and not gazetteer.within(s, e.id)
               for s in site() for e in towns):
        return found
    return [p for p in found if p not in bearings and p.start >= filed and p.rank > 0]


def _story_site(text: str, watched: Folded | None, latin: Language) -> tuple[str, ...]:
    """The places a story names twice or more below the country (gazetteer ids), for _not_a_bearing: the site
    a bearing places is among them (al-Khasfa, Badush) when the story is about it."""
    told, _ = _places_told(RuleText.of(text, latin), watched, min_rank=2)
    return tuple(eid for eid, n in told.most_common() if n >= SITE_TOLD)


def _places_told(rt: RuleText, watched: Folded | None, min_rank: int) -> tuple[Counter[str], dict[str, str]]:
    """How often a text names each gazetteer place from `min_rank` up to a neighbourhood, and each one's
    first spelling."""
    told: Counter[str] = Counter()
    first: dict[str, str] = {}
    for p in places.find(rt, watched, min_rank=min_rank, max_rank=4):
        e = _entry_of(p.name)
        if e is not None:
            told[e.id] += 1
            first.setdefault(e.id, p.name)
    return told, first


SITE_TOLD = 2  # times a story names the site it is about


def _named_here(claimant: str, text: str) -> bool:
    """Whether the claimant's first word is in the sentence: the reader rebuilt it from these words."""
    first = claimant.split(maxsplit=1)[0] if claimant.strip() else ""
    return bool(first) and first in text


RIGHT_AFTER_REACH = 40  # characters after a bare figure's preposition that hold its place


def _right_after(found: list[places.Place], r: _Read, rt: RuleText) -> list[places.Place]:
    """"a tué 16 civils à El-Obeid et neuf à Oum Rouwaba": a bare figure followed by a preposition and a place
    (PATTERNS `gap_where`) is that place's, whatever the sentence names before it."""
    if not found or r.head.victims is not None:
        return found
    ranked = rt.lang.pattern("with_lead").search(rt.text, max(0, r.fig.start - COMMA_PART_GAP), r.fig.start)
    if ranked is not None:  # "followed by Baghdad with 311 and Anbar with 187": the place before "with"
        return [p for p in found if ranked.start() <= p.start < r.fig.start] or found
    of_them = rt.lang.pattern("of_whom").match(rt.text, r.fig.end)  # "11 of them in Tariq al-Bab"
    end = of_them.end() if of_them is not None else r.fig.end
    if rt.lang.pattern("gap_where").match(rt.text, end) is None and rt.lang.pattern("part_where").match(rt.text, end) is None:
        return found
    after = [p for p in found if end < p.start <= end + RIGHT_AFTER_REACH]
    if after or rt.arabic:
        return after or found
    dates = rt.lang.set_of("MONTHS") | rt.lang.set_of("WEEKDAYS")
    named = next((m for m in _CAPITALISED.finditer(rt.text, end, end + RIGHT_AFTER_REACH)
                  if m.group().split()[0].lower() not in dates), None)  # "et neuf à Oum Rouwaba": a town unknown
    return [places.Place(named.start(), named.end(), ROW_LABEL_RANK, named.group())] if named else found


_CAPITALISED = re.compile(r"(?:(?:al|el)-)?[A-ZÀ-Ý][\w'’-]+(?:\s+(?:(?:al|el)-)?[A-ZÀ-Ý][\w'’-]+){0,2}")


def _in_own_clause(found: list[places.Place], r: _Read, rt: RuleText) -> list[places.Place]:
    """"Baghdad was worst hit with 55 casualties, followed by Nineveh where 8 were killed": a place named in
    one clause does not leak into the next (PATTERNS `clause_break`: "followed by", "while", "tandis que",
    "فيما", a semicolon or a colon). The figure takes its own clause's places when it names any."""
    if len(found) < 2:
        return found
    breaks = [m.start() for m in rt.lang.pattern("clause_break").finditer(rt.text)]
    if not breaks:
        return found
    start = max((b for b in breaks if b <= r.fig.start), default=0)
    end = min((b for b in breaks if b > r.fig.start), default=len(rt.text))
    own = [p for p in found if start <= p.start < end]
    return own or found


def _before_later_clause(found: list[places.Place], r: _Read, rt: RuleText) -> list[places.Place]:
    """"11,000 civilians were killed in the battle to retake Mosul, according to a count that adds bodies
    recovered from the Old City": a place in the attribution after the figure's clause (PATTERNS
    `later_clause`: according to, selon, وفق) is the source's, not the figure's, when a place lies between
    the figure and it. ("after shelling on Jolan" is where the deaths were: "after" is no such clause.)"""
    if len(found) < 2:
        return found
    m = rt.lang.pattern("later_clause").search(rt.text, max(r.fig.end, r.head.end))
    if m is None:
        return found
    between = [p for p in found if r.fig.start <= p.start and p.end <= m.start()]
    if between:
        return between
    filed = places.dateline_of(rt)  # "Put Mosul first, where 9,000 were killed, according to ...": before the figure
    before = [p for p in found if filed <= p.start and p.end <= m.start()]  # (but never the dateline)
    return before or found


def _in_battle_frame(found: list[places.Place], r: _Read, rt: RuleText) -> list[places.Place]:
    """"قتلوا في معركة استعادة الموصل ... إلى ما بين 11 ألفا و13 ألف قتيل، بعد انتشال الجثث من المدينة القديمة":
    the battle named in the figure's clause (PATTERNS `battle_of`) frames the toll; a place after the next
    comma is the cause's or the context's. But the battle's place only names the campaign when the figure has
    a place of its own after it or after its outcome word ("قتلوا في محافظة نينوى خلال عمليات استعادة الموصل إلى
    2903"): "2,521 civilians were killed in Ninewa during the campaign to retake Mosul"
    is Ninewa's, "In the battle for Mosul, 300 were killed in the Old City" the Old City's."""
    if len(found) < 2:
        return found
    battle = rt.lang.pattern("battle_of")
    framed = [p for p in found if battle.search(rt.text, max(0, p.start - BATTLE_REACH), p.start)]
    if not framed:
        return found
    comma = _COMMA.search(rt.text, max(r.fig.end, r.head.end))
    kept = [p for p in found if comma is None or p.start < comma.start() or p in framed]
    said = r.link.mention.start if r.link.mention is not None else r.fig.start
    located = [p for p in kept if p not in framed and p.start >= min(said, r.fig.start)]
    return located or kept


BATTLE_REACH = 60  # characters: "pour chasser le groupe État islamique (EI) de " before its place
_COMMA = re.compile(r"[,،;؛](?!\d)")  # not the comma of "1,673"


def _ranks_class(m: re.Match[str], lang: Language) -> str:
    named = m.groupdict()
    if named.get("v"):
        return _victim_class(named["v"], lang)
    return "security forces" if named.get("s") else "combatants"


def _victim_class(word: str, lang: Language) -> str:
    word = word.lower()
    if lang.arabic:
        key = heads.ar_lookup(word, heads.AR_VICTIMS)
        return heads.AR_VICTIMS[key] if key else "people"
    return "civilians" if word == "civilian" else heads.victims_table(lang).get(word, "people")


def _body_named_in(rt: RuleText, pos: int, anaphor: str, lang: str) -> str | None:
    """"Médecins Sans Frontières (MSF) teams ... treated 116 wounded patients ..., the organisation said": a
    definite anaphor whose body the sentence itself names before it, though not as a speaker (never the
    dateline's outlet), when the noun can stand for that kind of body (data: ANAPHOR_KINDS)."""
    words = anaphor.lower().split()
    kinds = getattr(rt.lang.lex, "ANAPHOR_KINDS", {}).get(words[-1]) if len(words) > 1 else None
    if not kinds or words[0] not in rt.lang.set_of("DEFINITE_DETERMINERS"):
        return None
    body = claimants.resolve(rt.span(dateline_end(rt.text), pos), lang)
    return body.name(lang) if body is not None and body.kind in kinds else None


def _estimate(rt: RuleText, r: _Read, attributions: list[attribution.Attribution],
              sentence_places: list[places.Place], lang: str,
              previous: Callable[[], str | None] = lambda: None,
              site: Callable[[], tuple[str, ...]] = tuple) -> Estimate:
    f = r.fig
    a = attribution.chosen(attributions, f.start, r.head.end)
    claimant = a.claimant if a else None
    if a is not None and a.pronoun:  # "قالت البعثة في تقرير إنها وثقت ...": the speaker before, else before that
        claimant = attribution.named_before(attributions, a.pos) or previous()
    elif a is not None and attribution.anaphoric(claimant):
        claimant = attribution.named_before(attributions, a.pos) or _body_named_in(rt, a.pos, claimant, lang) \
            or previous() or claimant
    victims = _victims(rt.text, r, rt.lang)
    if victims in ("people", "combatants") and claimant and rt.lang.pattern("own_members").match(rt.text, f.end):
        victims = _side_of(claimant, rt.lang) or victims  # "1,815 of its fighters", "64 من مقاتليها": its own side
    as_written = _one_line(claimant)
    canonical, body = claimants.named(as_written, lang)
    place = places.choose(_scoped(_in_battle_frame(_before_later_clause(
        _in_own_clause(_right_after(_not_in(sentence_places, claimant, rt, site), r, rt), r, rt), r, rt), r, rt), rt),
        f.start, rt.text, rt.lang)
    return Estimate(
        low=f.low, high=f.high, qualifier=f.qualifier, outcome=r.link.outcome,
        victims=victims,
        place=_one_line(place), place_id=_landmark_anchor(place, sentence_places, rt),
        claimant=canonical, claimant_text=as_written, claimant_id=body,
        quote=_one_line(rt.original) or "", lang=lang,
    )
