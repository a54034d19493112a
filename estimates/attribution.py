"""Who made the estimate (the claimant), not the outlet repeating it.

Attributions are found once per sentence, each with the offset it sits at, by the named rules of three
registries at the end of this module (LATIN_RULES, ARABIC_RULES, SHARED_RULES; each rule's docstring shows
its construction, and its words and patterns are the language's data). The constructions:
- subject + reporting verb: "Amnesty International says", "..., residents said", "X told Y that Z believes"
  (the innermost one, nearest before the figure, wins: Z);
- "according to X", "..., said X", "citing X"; never a phrase opening with a preposition or a time word
  ("..., UNRWA, said in its latest report" -> the subject before "said", with its appositive:
  "the UN agency for Palestinian refugees, UNRWA"; "X, a New York-based group, said on Monday" -> X);
- "X's estimate/tally/count", "figures released by X", "the Associated Press tally of", "a UN estimate of";
- Arabic: "أعلنت وزارة الصحة ...", "بحسب X", "وفقا لـ X".
A figure takes the nearest attribution before it, else the nearest after it. Pronoun subjects ("He said",
"It said", Arabic "وأضاف أن" with no subject) are marked `pronoun`: the reader then takes the named
claimant of the previous sentence ("Police chief X told reporters ... . He said 27 people were killed").
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache

from . import lexicon_ar as ar
from . import claimants, gazetteer, places
from .language import ARABIC, LATIN, Language
from .patterns import AR_LEFT, alternation, word_set
from .text import RuleText, dateline_end, has_arabic, norm_ar

MAX_WORDS = 10
# "قائد عمليات تحرير تلعفر الفريق الركن عبد الأمير يار الله": an Arabic title runs long before the name
AR_MAX_WORDS = 10


@dataclass(frozen=True, slots=True)
class Attribution:
    pos: int          # where it sits (end of the reporting verb, or start of "according to")
    claimant: str | None
    speech: bool = True  # "said", "told", "according to"; False for "recorded", "counted", "X's tally"
    pronoun: bool = False  # "he/she/they/it said": the speaker was named earlier
    bound: int | None = None  # "the 200 initially reported by local officials": only the figure ending here


_DIGIT = re.compile(r"\d")
# What the stages below read off a Latin-script language (see language.py; the patterns are its PATTERNS):
# case-sensitive patterns are compiled with flags 0, the others case-insensitively.
_CASED = 0


def _p(lang: Language, name: str) -> re.Pattern[str]:
    """A claimant pattern of `lang`, case-insensitive."""
    return lang.pattern(name)


def _c(lang: Language, name: str) -> re.Pattern[str]:
    """A claimant pattern of `lang` where a capital letter matters."""
    return lang.pattern(name, _CASED)


_AR_THAT = re.compile(r"\s*(?:ب)?[ا](?:ن|نه|نها|نهم)(?!\w)")  # normalised أن / إن / بأن / أنه
_AR_THAT_BEFORE = re.compile(r"(?<!\w)(?:ب)?[ا](?:نه|نها|نهم)\s*$")

# a reporting verb, and the pronoun it may govern: "أفاد به المتحدث" (data: VERB_PRONOUNS)
_AR_PRONOUN = alternation(ar.VERB_PRONOUNS, arabic=True)
_AR_VERBS = re.compile(rf"{AR_LEFT}(?:[وف])?{alternation(ar.REPORT_VERBS, arabic=True)}(?!\w)(?:\s+{_AR_PRONOUN}(?!\w))?")
# (a whole word, or one ending in the ل that joins the next: "وفقا للأمم"; "وفقدان" is no "وفق")
_AR_ACCORDING = re.compile(rf"{AR_LEFT}(?:[وف])?{alternation(ar.ACCORDING, arabic=True)}(?:(?<=ل)|(?!\w))\s*(?:ـ\s*)?"
                           rf"(?:{alternation(ar.REPORT_VERBS, arabic=True)}(?:ه|\s+{_AR_PRONOUN})?\s+)?")  # "وفق ما أفاد به"
_AR_TOKEN = re.compile(r"\s*(«[^«»\d]{1,40}»|[^\s،,.؛:؟!()\"«»]+)")  # a quoted name is one: "منظمة «إيروورز»"
_AR_PREP_PRONOUN = re.compile(rf"\s*{alternation(ar.PREP_PRONOUNS, arabic=True)}(?!\w)")
_AR_STOPS = word_set(ar.CLAIMANT_STOPS, arabic=True)


Spans = list[tuple[int, int]]  # the sentence's outcome words: no claimant is read out of one
Rule = Callable[[RuleText, Spans], Iterable["Attribution"]]


def find(rt: RuleText, outcome_spans: Spans) -> list[Attribution]:
    """All attributions of a sentence, sorted by position: every rule of the script's registry
    (ARABIC_RULES or LATIN_RULES, then SHARED_RULES) contributes what it finds; the reader picks by
    position (nearest before the figure)."""
    found = [a for rule in (*(ARABIC_RULES if rt.arabic else LATIN_RULES), *SHARED_RULES)
             for a in rule(rt, outcome_spans)]
    if not rt.arabic:
        found = _outside_quotes(rt.text, found)
    return _relayed(rt, sorted(found, key=lambda a: a.pos))


def _outlet(claimant: str, lang: Language) -> bool:
    """"the rebel-run al-Masirah TV", "the state news agency SANA", "Reuters": a medium carrying claims."""
    body = claimants.resolve(claimant, lang.code)
    return (body is not None and body.kind == "news agency") or lang.pattern("outlet").search(claimant) is not None


RELAY_REACH = 90  # characters between the outlet's attribution and the ", citing" that follows it


def _relayed(rt: RuleText, found: list[Attribution]) -> list[Attribution]:
    """"..., the rebel-run al-Masirah TV reported, citing the health office in Hajjah": the outlet relays;
    the claim is the cited body's. An outlet's attribution just before a ", citing X" is dropped (a body
    citing evidence keeps its claim: "the U.N. human rights office said, citing testimony")."""
    relay = rt.lang.pattern("relay_lead")
    dropped: set[int] = set()
    for b in found:
        lead = relay.search(rt.text, max(0, b.pos - 3)) if b.claimant else None
        if lead is None or lead.end() != b.pos:
            continue
        # the outlet's verb before the relay ("X reported, citing Y"), or after it ("L'agence Sana, citant une
        # source militaire, a fait état de")
        for a in found:
            if a is not b and a.claimant and abs(b.pos - a.pos) <= RELAY_REACH and \
                    not _DIGIT.search(rt.text, min(a.pos, b.pos), max(a.pos, b.pos)) and _outlet(a.claimant, rt.lang):
                dropped.add(id(a))
    return [a for a in found if id(a) not in dropped] if dropped else found


_QUOTED = re.compile(r"[\"“](?P<q>[^\"“”]{8,}?)[,.]?[\"”]")


def _outside_quotes(text: str, found: list[Attribution]) -> list[Attribution]:
    """'"Families tell us at least nine relatives are missing," said Colonel Ibrahim': the quotation is the
    speaker's claim, whoever it mentions as telling; attributions inside a quote that a speaker's verb
    follows are dropped."""
    if '"' not in text and "“" not in text:
        return found
    dropped: set[int] = set()
    for m in _QUOTED.finditer(text):
        speakers = [a for a in found if m.end() - 3 <= a.pos <= m.end() + 40 and a.speech and a.claimant]
        if speakers:
            dropped.update(id(a) for a in found if m.start("q") <= a.pos < speakers[0].pos)
    return [a for a in found if id(a) not in dropped]


# Headline speaker: "UN: 2,521 civilians killed", "وزارة الصحة في غزة: ارتفاع عدد الشهداء ...". A short
# name opening the sentence and closed by a colon; not a place ("Mosul: ..."), a date or a label ("Update:").
_HEADLINE = re.compile(r"\s*(?P<np>[^\s\d:;,.،؛\"“”«»()][^\d:;,.،؛\"“”«»()]{0,50}?)\s*:\s*\S")

def _headline_labels() -> frozenset[str]:
    """Words that open a headline without naming a speaker ("Update:", "عاجل:"), every language's."""
    global _LABELS
    if _LABELS is None:
        _LABELS = frozenset(w for lang in (ARABIC, *LATIN) for w in lang.set_of("HEADLINE_LABELS"))
    return _LABELS


_LABELS: frozenset[str] | None = None
_LIST_MARKS = frozenset("-•*–—·▪")
_HEADLINE_WORDS = 5


def headline_speaker(rt: RuleText, outcome_spans: Spans) -> list[Attribution]:
    """"UN: 2,521 civilians killed", "وزارة الصحة في غزة: ارتفاع عدد الشهداء": a short name before a colon."""
    m = _HEADLINE.match(rt.text)
    if m is None or _overlaps(m.start("np"), m.end("np"), outcome_spans):
        return []
    np = m.group("np").strip()
    if np[0] in _LIST_MARKS or rt.lang.pattern("list_marker").match(np):
        return []  # "- الخرطوم: 34 قتيلا", "أولاً – المدينة القديمة: 412 جثة": a list's row, not a speaker
    words = np.split()
    labels = _headline_labels()
    if len(words) > _HEADLINE_WORDS or np.lower() in labels or words[0].lower() in labels:
        return []
    if not rt.arabic and (not np[0].isupper() or words[0].lower() in rt.lang.set_of("NON_CLAIMANTS")):
        return []
    if rt.arabic and words[0] in _AR_STOPS:
        return []
    named = places.find(RuleText.of(np, rt.lang), None)
    if any(len(p.name) >= len(np) - 2 for p in named) or _an_event_at(np, named, rt.lang) or \
            (gazetteer.lookup(np) is not None and not _known_body(np, rt.lang)) or \
            words[0].lower() in rt.lang.set_of("HEADLINE_EVENTS"):
        return []  # "Mosul: 40 civilians killed" and "RDC :" name a place, "Khasfa exhumation: ..." an event
        # there, and "Bombardement de Kyeshero :" an event wherever it was
    # not a speaker's verb: "Mosul offensive: 3,000 civilians dead, officials say" -> the officials
    return [Attribution(m.end("np"), rt.span(m.start("np"), m.start("np") + len(np)), speech=False)]


def _an_event_at(np: str, named: list[places.Place], lang: Language) -> bool:
    """A place and an event word make the whole lead ("Khasfa exhumation", "Mosul offensive", "Mossoul,
    la bataille"): an event, not a speaker (data: HEADLINE_EVENTS)."""
    if not named:
        return False
    rest = np
    for p in sorted(named, key=lambda p: -p.start):
        rest = rest[:p.start] + " " + rest[p.end:]
    words = re.sub(r"[’']s\b|[,’']", " ", rest).lower().split()
    words = [w for w in words if w not in lang.set_of("ARTICLES")]
    events = lang.set_of("HEADLINE_EVENTS")
    return bool(words) and (" ".join(words) in events or all(w in events for w in words))


# A wire headline's trailing source: "At least 7 killed in double bombing in Tal Afar - police".
_TRAILING_SOURCE = re.compile(r"\s[-–—]\s+(?P<np>(?:[A-Za-z][\w.&'-]*\s+){0,3}[A-Za-z][\w.&'-]*)\s*$")


def trailing_source(rt: RuleText, outcome_spans: Spans) -> list[Attribution]:
    """"At least 7 killed in double bombing in Tal Afar - police", "(Source: Iraqi Red Crescent)"."""
    if rt.arabic:
        row = _row_source(rt, rt.text.rstrip(" ."), outcome_spans)
        return [row] if row is not None else []
    lang = rt.lang
    text = rt.text.rstrip(" .")
    label = _c(lang, "source_label").search(text)  # "... 1,041 injured (Source: Iraqi Red Crescent)."
    if label is not None:
        return [Attribution(label.start(), (label.group("np") or label.group("np2")).strip())]
    cells = _cell_sources(rt, text, outcome_spans)
    if cells:
        return cells
    row = _row_source(rt, text, outcome_spans)
    if row is not None:
        return [row]
    m = _TRAILING_SOURCE.search(text)
    if m is None or m.group("np").split()[0].lower() in lang.set_of("NON_CLAIMANTS") or \
            m.group("np").lower() in lang.set_of("OUTLETS"):
        return []  # "- Reuters" names the outlet repeating the claim, not who made it
    if any(len(p.name) >= len(m.group("np")) - 2 for p in places.find(RuleText.of(m.group("np"), lang), None)):
        return []  # "... - Mosul" is a dateline, not a source
    return [Attribution(m.start(), m.group("np"))]


ROW_SOURCE_WORDS = 7
_CELL = re.compile(r"[^|;]+")


def _cell_sources(rt: RuleText, text: str, outcome_spans: Spans) -> list[Attribution]:
    """"Casualties and losses: 11 Peshmerga killed, 49 wounded (KRG claim) | 300+ militants killed (Peshmerga
    claim)": each cell of an infobox row (or its part after a semicolon) closes on its own source, which is
    its figures' and no other cell's."""
    if "|" not in text:
        return []
    found = []
    according = _p(rt.lang, "according")
    for cell in _CELL.finditer(text):
        if according.search(cell.group()):
            return []  # "(selon l'armée)": according_to reads each
        row = _row_source(rt, cell.group().rstrip(), [(s - cell.start(), e - cell.start()) for s, e in outcome_spans])
        # counted from the cell's start: before its figures, after the cell before's; a cell with no source of
        # its own ends the reach of the one before
        found.append(replace(row, pos=cell.start()) if row is not None else Attribution(cell.start(), None))
    return found if sum(1 for a in found if a.claimant) > 1 else []


def _row_source(rt: RuleText, text: str, outcome_spans: Spans) -> Attribution | None:
    """"- Donetsk region: 3 killed, 9 wounded (governor Vadym Filashkin)": a row's closing brackets name its
    source. Not a note ("(est.)"), an outlet ("(AP)"), a place ("(Nineveh)") or an acronym glossing the words
    before it ("... Red Cross (ICRC)"). Not a speaker either: a subject and its verb before the figure win."""
    lang = rt.lang
    m = lang.pattern("row_source").search(text)
    group = "np" if m is not None and m.group("np") else "np2"  # np2: a dash's (Arabic rows)
    if m is None or not m.groupdict().get(group) or _overlaps(m.start(group), m.end(group), outcome_spans):
        return None
    if rt.arabic and not lang.pattern("list_marker").match(text.lstrip()) and text.lstrip()[:1] not in _LIST_MARKS:
        return None  # in Arabic prose a closing bracket glosses ("(واع)"); only a list's row names its source
    np = m.group(group).strip()
    words = np.split()
    if len(words) > ROW_SOURCE_WORDS or np.lower() in lang.set_of("BRACKET_NOTES") or \
            np.lower() in lang.set_of("OUTLETS") or words[0].lower() in lang.set_of("NON_CLAIMANTS"):
        return None
    if len(words) == 1 and np.isupper() and text[:m.start()].rstrip()[-1:].isalpha() and not m.groupdict().get("claim"):
        return None  # "the International Committee of the Red Cross (ICRC)": the name's acronym (not "(KRG claim)")
    if any(len(p.name) >= len(np) - 2 for p in places.find(RuleText.of(np, lang), None)):
        return None
    claimant = rt.span(m.start(group), m.end(group)).strip() if rt.arabic else _clean(np, lang)
    return Attribution(m.start(), claimant, speech=False) if claimant else None


def choose(attributions: list[Attribution], fig_start: int, fig_end: int) -> str | None:
    a = chosen(attributions, fig_start, fig_end)
    return a.claimant if a else None


def chosen(attributions: list[Attribution], fig_start: int, fig_end: int) -> Attribution | None:
    """Nearest attribution before the figure, else the nearest after it. A speaker after the figure
    beats a record-keeper before it: "The morgue registered 2,000 deaths, a doctor said" -> the doctor."""
    bound = [a for a in attributions if a.bound is not None]
    for a in bound:
        if fig_start < a.bound <= fig_end:
            return a
    if bound:
        attributions = [a for a in attributions if a.bound is None]
    before = [a for a in attributions if a.pos <= fig_start]
    after = [a for a in attributions if a.pos >= fig_end]
    if before and after and after[0].claimant and before[-1].claimant is None and not before[-1].pronoun:
        return after[0]  # "كما قتل 650 ...، بحسب المرصد": a verb naming nobody before, a name after
    if before and not (after and after[0].speech and after[0].claimant and not before[-1].speech):
        a = before[-1]
        if a.claimant is None and not a.speech and not a.pronoun:
            # "The Israeli military said ... that an initial review found that no more than 10": the review
            # names nobody; it is the speaker's
            speakers = [b for b in before[:-1] if b.claimant and b.speech]
            return speakers[-1] if speakers else a
        return a
    return after[0] if after else None


# "وأضاف المصدر"، "وأضافت المنظمة الدولية"، "بحسب المرصد": the body or source named before, by its kind
_AR_ANAPHOR = re.compile(alternation(ar.ANAPHORS, arabic=True))


def anaphoric(claimant: str | None) -> bool:
    """"the agency", "the group", "المصدر": a body named earlier, in any language the reader knows."""
    if claimant is None:
        return False
    if has_arabic(claimant):
        return _AR_ANAPHOR.fullmatch(norm_ar(claimant.strip())) is not None
    words = claimant.split()
    if len(words) > 1 and words[-1].endswith("s") and not any(
            words[0].lower() in lang.set_of("DEFINITE_DETERMINERS") | lang.set_of("POSSESSIVE_PRONOUNS") for lang in LATIN):
        return False  # "Rights groups have put the toll at 670": some groups, none named before
    return any(_p(lang, "anaphor").fullmatch(claimant.strip()) is not None for lang in LATIN)


def named_before(attributions: list[Attribution], pos: int) -> str | None:
    """The nearest named, non-anaphoric claimant sitting before `pos`."""
    for a in reversed(attributions):
        if a.pos < pos and a.claimant and not anaphoric(a.claimant):
            return a.claimant
    return None


def named(attributions: list[Attribution]) -> str | None:
    """The last named claimant of a sentence (a speaker preferred): what a later "he said" refers to."""
    names = [a for a in attributions if a.claimant]
    speakers = [a for a in names if a.speech]
    return (speakers or names)[-1].claimant if names else None


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _clean(np: str, lang: Language) -> str | None:
    """A claimant phrase as a name: dateline, possessive, trailing clause and leading article cut off; None
    when it is a pronoun, too long, or holds a digit."""
    np = np.strip().strip("\"'“”‘’ ")
    np = np[dateline_end(np):]
    np = _DATELINE_TAIL.sub("", np)  # "Iraq — The Kurdistan Region's Ministry": a dateline's country, cut at its comma
    staff = _p(lang, "role_at_body").match(np)  # "a doctor at the Qayyarah field hospital": who, and where
    if staff is not None:  # (the "at" is no trailing clause here: the hospital is whom the doctor speaks for)
        np = staff.group() + _p(lang, "trim").sub("", np[staff.end():])
    else:
        poss = _c(lang, "possessive").match(np)  # "Reuters' review of morgue records found": Reuters
        np = _p(lang, "trim").sub("", poss.group("np") if poss else np)
    np = _p(lang, "article").sub("", _p(lang, "lead_conj").sub("", np)).strip()
    words = np.split()
    # "WHO" in capitals is the World Health Organization, not a pronoun
    non = words and words[0].lower() in lang.set_of("NON_CLAIMANTS") and not (len(words[0]) > 2 and words[0].isupper())
    non = non or (0 < len(words) <= 2 and words[0].lower() in lang.set_of("WEEKDAYS"))  # "Le bilan, vendredi soir, ..."
    if not words or (len(words) > MAX_WORDS and not _long_name(np, words, lang)) or non or _DIGIT.search(np):
        return None
    return np


_DATELINE_TAIL = re.compile(r"^(?:[A-ZÀ-Ý][\w.'’-]*\s?){1,3}\s*[—–]\s+")
PROPER_MAX_WORDS = 14  # "the General Authority for the Search and Identification of Missing Persons"


def _long_name(np: str, words: list[str], lang: Language) -> bool:
    """A phrase over MAX_WORDS is still a name when the registry knows it, or when it is one proper name."""
    return _known_body(np, lang) or (len(words) <= PROPER_MAX_WORDS and _c(lang, "proper").fullmatch(np) is not None)


def _known_body(np: str, lang: Language) -> bool:
    """A long phrase that is a body's name ("L'Office de secours et de travaux des Nations unies pour les
    réfugiés de Palestine dans le Proche-Orient (UNRWA)"): the registry knows it, so its length is no objection."""
    return claimants.resolve(np, lang.code) is not None


_LIVE_TIME = re.compile(r"\d{2}\s*[–—-]\s+")  # the minutes of a live entry's "18:20 – " before its subject


def subject_verb(rt: RuleText, outcome_spans: Spans) -> list[Attribution]:
    """"Amnesty International says", "Figures released by the Health Ministry show", "it documented": a
    subject and its reporting verb (a pronoun subject is marked: someone named before)."""
    text, lang = rt.text, rt.lang
    non, pronouns = lang.set_of("NON_CLAIMANTS"), lang.set_of("PRONOUNS")
    said, speech_verbs = lang.set_of("SAID_VERBS"), lang.set_of("SPEECH_VERBS")
    data_words, articles = lang.set_of("DATA_NOUNS"), lang.set_of("ARTICLES")
    data_by = _c(lang, "data_by")
    out = []
    for m in _p(lang, "subject").finditer(text):
        raw, raw_start = m.group("np"), m.start("np")
        clock = _LIVE_TIME.match(raw) if text[:raw_start].rstrip().endswith(":") else None
        if clock is not None:  # "18:20 – The Nineveh health directorate has raised": a live entry's time
            raw, raw_start = raw[clock.end():], raw_start + clock.end()
        comma = text.rfind(",", m.end("np"), m.start("verb"))
        if comma >= 0 and _p(lang, "closing_verb").match(text, comma):
            continue  # "..., the district's mayor, Oleh Marchenko, said.": closing_verb reads it
        year = _p(lang, "np_year").search(raw) if _DIGIT.search(raw) else None  # "An AP investigation in 2017 put it"
        raw = raw[:year.start()] if year is not None else raw
        by = data_by.search(raw)  # "Figures released by the Health Ministry show ..."
        if by is None and _overlaps(raw_start, m.end("np"), outcome_spans) or _DIGIT.search(raw):
            continue
        if (len(raw.split()) > MAX_WORDS + 4 and not _known_body(raw, lang)) or \
                raw.strip().lower() in articles:
            continue  # "An estimated 3,000": a qualifier, not a subject and its verb
        if raw.split()[0] in said:
            continue  # "UNRWA, said in its latest situation report": not "said ..." + "report"
        if raw.strip().lower() in _headline_labels():
            continue  # "Aleppo bombing: live updates": a label, not "live" + a verb
        if _p(lang, "according").match(raw) or _p(lang, "figure_lead").match(raw) or \
                _p(lang, "preposition").match(raw):
            continue  # "According to hospital records", "nearly ten times the number previously reported",
            # "In its report": no subject and its verb
        if raw.strip().lower() in non and raw.strip().lower() not in pronouns:
            continue  # "... and now believed 352": no subject here; the speaker is the one before
        if _p(lang, "claim_verb").match(m.group("verb")) and _p(lang, "lives").match(text, m.end("verb")):
            continue  # "the shelling claimed 19 lives" is no attribution
        if _p(lang, "noun_use").match(text, m.end("verb")) or _p(lang, "passive").search(raw):
            continue
        if _p(lang, "participle").match(text, m.end("verb")) and raw.strip().lower() in data_words:
            continue
        if _p(lang, "no_subject").match(raw.strip()):  # "X, which compiles ..., has recorded"
            comma = text.rfind(",", max(0, raw_start - 3), raw_start)
            if comma >= 0:
                first = raw.split()[0]  # a reporting verb itself ("estimated in a report"), or an
                verb_end = raw_start + len(first) if _p(lang, "verbs").fullmatch(first) else m.end("verb")  # aux
                out.extend(replace(a, pos=verb_end) for a in _comma_subject(text, comma, outcome_spans, lang))
            continue
        if _p(lang, "relative_lead").match(raw):
            comma = text.rfind(",", raw_start, m.start("verb"))
            out.extend(replace(a, pos=m.end("verb")) for a in _comma_subject(text, comma, outcome_spans, lang))
            continue
        if "," in text[m.end("np"):m.start("verb")] and _p(lang, "set_off_description").match(raw):
            # "Amnesty's report, 'At any cost', documents", "A doctor at the M10 hospital, one of the last still
            # working, told Reuters": a description set off by commas; its subject is before it
            comma = text.rfind(",", max(0, raw_start - COMMA_REACH), raw_start)
            if comma >= 0:
                out.extend(replace(a, pos=m.end("verb")) for a in _comma_subject(text, comma, outcome_spans, lang))
            continue
        speech = m.group("verb").lower() in speech_verbs
        np = by.group("np") if by else raw
        if by is None:
            np = _inner_subject(np, lang)
        pronoun = np.strip().lower() in pronouns  # "it documented", "they counted": someone named before
        claimant = _clean(np, lang)
        if claimant and by is None and not pronoun and claimant[:1].islower() and \
                text[:raw_start].rstrip().endswith(","):  # "Iraq Body Count, le projet qui recense ..., a indiqué"
            claimant = _opening_name(text, raw_start, lang) or claimant
        if claimant and by is None and not pronoun:
            claimant = _appositive(text, raw_start, claimant, outcome_spans, lang)
        out.append(Attribution(m.end("verb"), claimant, speech, pronoun))
    return out


def _inner_subject(np: str, lang: Language) -> str:
    """The subject inside a phrase ending at a reporting verb: after a relative pronoun ("five civilians who
    the report says died": the report; PATTERNS `inner_relative`), or a pronoun ending it ("bringing the
    number of civilians it acknowledges killing": it)."""
    words = np.split()
    if len(words) < 2:
        return np
    rel = None
    for rel in _p(lang, "inner_relative").finditer(np):
        pass
    if rel is not None and rel.start() > 0 and np[rel.end():].strip():  # (not "that an initial review found")
        return np[rel.end():]
    return words[-1] if words[-1].lower() in lang.set_of("PRONOUNS") else np


def described_subject(rt: RuleText, outcome_spans: Spans) -> list[Attribution]:
    """"Airwars, a London-based monitoring group, attributes ...": a name, its description, its verb."""
    text, lang = rt.text, rt.lang
    if not _c(lang, "a_comma").search(text):
        return []
    out = []
    for m in _c(lang, "described").finditer(text):
        name = _clean(m.group("np"), lang)
        if name and (_c(lang, "proper").fullmatch(name) or _known_body(name, lang)) and \
                not _p(lang, "not_speaker").match(name) and \
                not _overlaps(m.start("np"), m.end("np"), outcome_spans):
            out.append(Attribution(m.end("verb"), name, m.group("verb").lower() in lang.set_of("SPEECH_VERBS")))
    return out


def verb_then_speaker(rt: RuleText, outcome_spans: Spans) -> list[Attribution]:
    """"..., said X", "according to X", "citing X"; "..., said X, a spokesman for Y" (Y's claim); never a
    phrase opening with a preposition or a time word (then the subject before the comma speaks)."""
    text, lang = rt.text, rt.lang
    data_by = _c(lang, "data_by")
    out = []
    for m in _p(lang, "after_verb").finditer(text):
        lead_comma = m.group("lead").lstrip()[:1] in ",;"
        if _p(lang, "not_speaker").match(m.group("np")) or (lead_comma and _p(lang, "figure_lead").match(m.group("np"))):
            time = _p(lang, "time_lead").match(m.group("np"))  # ", said on Tuesday the governor of Nineveh"
            rest = m.group("np")[time.end():] if time else ""
            if rest and not _p(lang, "not_speaker").match(rest) and _clean(rest, lang):
                # "a déclaré jeudi Ahmed Qaïd, porte-parole du ministère de la Santé": the body
                out.append(Attribution(m.start(), _role_body(text, m.end("np"), lang) or
                                       _with_name(text, m.end("np"), _clean(rest, lang), lang)))
            elif lead_comma:
                # "..., UNRWA, said in its latest situation report": the speaker is the subject before "said"
                out.extend(_comma_subject(text, m.start(), outcome_spans, lang))
            continue
        np = data_by.search(m.group("np"))
        claimant = _clean(np.group("np") if np else m.group("np"), lang)
        if np is None and claimant is not None and claimant.lower() in lang.set_of("DATA_NOUNS"):
            # "according to a statement posted on its Facebook page": a record no name owns; "its" is whoever the
            # sentence (or the one before) named
            owned = any(w.lower() in lang.set_of("POSSESSIVE_PRONOUNS") for w in m.group("np").split())
            out.append(Attribution(m.start(), None, pronoun=owned))
            continue
        at = text.find(claimant, m.start("np")) if claimant and lead_comma else -1
        if at >= 0 and _overlaps(at, at + len(claimant), outcome_spans):  # type: ignore[arg-type]
            claimant = None  # ", a fait état de trois policiers tués": the verb's object, no speaker
        if claimant is None and lead_comma:
            # "A morgue official, who asked not to be named, said the department had registered 2,658":
            # what follows "said" is what was said; the speaker is the subject before the comma
            out.extend(_comma_subject(text, m.start(), outcome_spans, lang))
            continue
        body = _role_body(text, m.end("np"), lang) if claimant else None
        out.append(Attribution(m.start(), body or _with_name(text, m.end("np"), claimant, lang)))
    return out


def _with_name(text: str, np_end: int, claimant: str | None, lang: Language) -> str | None:
    """"..., said the region's governor, Vadym Filashkin.": the role and the name set off after it."""
    name = _c(lang, "name_after").match(text, np_end) if claimant else None
    if name is None or len(claimant.split()) + len(name.group("name").split()) > MAX_WORDS:  # type: ignore[union-attr]
        return claimant
    return f"{claimant}, {name.group('name')}"


def _role_body(text: str, np_end: int, lang: Language) -> str | None:
    """"..., said X, a spokesman for the civil defence", "..., said X, who heads the Raqqa Civil Council's
    team": the body the speaker speaks for."""
    role = _p(lang, "role_of_body").match(text, np_end)
    return _clean(role.group("body"), lang) if role else None


def closing_verb(rt: RuleText, outcome_spans: Spans) -> list[Attribution]:
    """"..., the region's governor, Vyacheslav Gladkov, said.", "..., a local tribal leader, Sheikh Nazhan
    al-Luhaibi, told Rudaw on Friday": the verb closes the clause; its subject is set off before the comma
    (and whoever was told is only the outlet)."""
    out: list[Attribution] = []
    for m in _p(rt.lang, "closing_verb").finditer(rt.text):
        out.extend(_comma_subject(rt.text, m.start(), outcome_spans, rt.lang))
    return out


def quoted_as_saying(rt: RuleText, outcome_spans: Spans) -> list[Attribution]:
    """"the state news agency SANA quoted a police source as saying": the source quoted made the claim."""
    out = []
    for m in _p(rt.lang, "quoted_as").finditer(rt.text):
        claimant = _clean(m.group("np"), rt.lang)
        if claimant and not _overlaps(m.start("np"), m.end("np"), outcome_spans):
            out.append(Attribution(m.start("np"), claimant))
    return out


def figure_by(rt: RuleText, outcome_spans: Spans) -> list[Attribution]:
    """"the 200 initially reported by local officials": a claimant for the figure it follows only."""
    out = []
    for m in _c(rt.lang, "figure_by").finditer(rt.text):
        claimant = _clean(m.group("np"), rt.lang)
        if claimant:
            out.append(Attribution(m.start("np"), claimant, bound=m.end("num")))
    return out


def _record_rule(name: str, rule_name: str, doc: str, needs: tuple[str, ...] = ()) -> Rule:
    """A rule naming the body whose record states the figure (pattern `name` of the language's PATTERNS);
    `needs`: characters one of which its construction cannot do without (a sentence with none skips it)."""
    def rule(rt: RuleText, outcome_spans: Spans) -> list[Attribution]:
        if needs and not any(c in rt.text for c in needs):
            return []
        out = []
        for m in _c(rt.lang, name).finditer(rt.text):
            if name == "np_data" and _overlaps(m.start("np"), m.end("np"), outcome_spans):
                continue  # "the Mosul death toll of": no claimant
            if name == "np_data" and _p(rt.lang, "modifier_only").search(m.group("np")):
                continue  # "a UN-backed survey found": the survey is the subject of "found" (subject_verb)
            claimant = _clean(m.group("np"), rt.lang)
            if claimant:
                out.append(Attribution(m.start(), claimant, False))
        return out
    rule.__name__ = rule.__qualname__ = rule_name
    rule.__doc__ = doc
    return rule


owner_possessive = _record_rule("possessive", "owner_possessive",
                                '"Airwars\' tally", "the coalition\'s estimate": the record\'s owner.', ("'", "’"))
released_by = _record_rule("data_by", "released_by", '"figures released by the Health Ministry": the author.')
body_record = _record_rule("np_data", "body_record", '"the Associated Press tally of", "a UN estimate of".')
participle_by = _record_rule("participle_by", "participle_by", '"recensées par Airwars": the author after it.')


COMMA_REACH = 80  # characters looked back from the comma for the subject


@cache
def _comma_subject_re(lang: Language) -> re.Pattern[str]:
    """The subject set off by a comma before ", said": "..., the UN agency for Palestinian refugees, UNRWA, said";
    a title's dot is no stop in it ("..., Dr. Omer al-Khidir, said")."""
    title = lang.expand("<@title_dot>")
    return re.compile(rf"(?:^|[,;:\"“”]\s*)(?P<np>(?:{title}|[^\s,;:\"“”.\d])(?:{title}|[^,;:\"“”.\d]){{0,70}}?)\s*$",
                      re.IGNORECASE)


def _comma_subject(text: str, comma: int, outcome_spans: list[tuple[int, int]], lang: Language) -> list[Attribution]:
    end = comma
    for skip in (_p(lang, "age"), _p(lang, "relative")):  # "Umm Ahmed, 52, said"; "The blogger, who ..., said"
        m = skip.search(text, max(0, end - COMMA_REACH), end)
        end = m.start() if m else end
    sub = _comma_subject_re(lang).search(text, max(0, end - COMMA_REACH), end)
    if sub is None or _overlaps(sub.start("np"), sub.end("np"), outcome_spans):
        return []
    claimant = _clean(sub.group("np"), lang)
    if claimant is None or claimant.lower() in lang.set_of("PRONOUNS"):
        return []
    if lang.pattern("owned_role").search(text, max(0, sub.start("np") - COMMA_REACH), sub.start("np")):
        # "..., its director, Dr. Hassan Fadhil, told Rudaw": the body named before speaks through him
        return [Attribution(comma, None, True, pronoun=True)]
    opening = _opening_name(text, sub.start("np"), lang)
    if opening is not None and claimant[:1].islower():
        # "Iraq Body Count, the project that tallies deaths from media, hospital and morgue records, said":
        # the description's own commas leave a piece of it before "said"; the name opening the sentence speaks
        return [Attribution(comma, opening)]
    if _p(lang, "a_description").match(sub.group("np")):  # "Human Rights Watch, a New York-based group, said"
        named = _comma_subject_re(lang).search(text, max(0, sub.start() - COMMA_REACH), sub.start())
        name = _clean(named.group("np"), lang) if named else None
        if name and _c(lang, "proper").fullmatch(name) and not _overlaps(named.start("np"), named.end("np"), outcome_spans):
            return [Attribution(comma, name)]
    return [Attribution(comma, _appositive(text, sub.start("np"), claimant, outcome_spans, lang))]


APPOSITIVE_REACH = 90


def _opening_name(text: str, before: int, lang: Language) -> str | None:
    """The proper name opening the sentence (after its dateline) when a description set off by a comma follows
    it (PATTERNS `opening_described`) and runs on to `before`."""
    start = dateline_end(text)
    m = _c(lang, "opening_described").match(text, start)
    if m is None or m.end() > before or any(c in text[m.end():before] for c in ".;:\"“”"):
        return None
    return _clean(m.group("np"), lang)


def _appositive(text: str, np_start: int, claimant: str, outcome_spans: list[tuple[int, int]],
                lang: Language) -> str:
    """"the UN agency for Palestinian refugees, UNRWA, said": a proper-name subject set off by a comma
    after a "the ..." phrase is that phrase's name; the claimant is both."""
    particles = lang.set_of("NAME_PARTICLES")
    named = [w[:1].isupper() or w.split("-")[0].lower() in particles for w in claimant.split()]
    if not named[-1] or sum(named) * 2 < len(named):  # a name, perhaps after its title ("le général Nabil Abdallah")
        return claimant
    m = _c(lang, "appositive").search(text, max(0, np_start - APPOSITIVE_REACH), np_start)
    if m is None or _overlaps(m.start("np"), m.end("np"), outcome_spans) or _p(lang, "time_clause").match(m.group("np")):
        return claimant  # (nor is a fronted time clause: "A year after the market strike, Amnesty says")
    combined = f"{m.group('np').strip()}, {claimant}"
    return combined if len(combined.split()) <= MAX_WORDS else claimant


def _ar_np(rt: RuleText, pos: int, outcome_spans: list[tuple[int, int]]) -> str | None:
    span = _ar_np_span(rt, pos, outcome_spans)
    return rt.span(*span) if span else None


def _ar_np_span(rt: RuleText, pos: int, outcome_spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Up to AR_MAX_WORDS words after `pos`, stopping at a function word, a figure or an outcome word. A generic
    source ("مصدر", "مسؤول", "متحدث") goes on through "في"/"من"/"باسم" to the body it speaks for:
    "مصدر في الشرطة", "مسؤول في الدفاع المدني"."""
    start = end = None
    words = 0
    for _ in range(AR_MAX_WORDS):
        m = _AR_TOKEN.match(rt.text, pos)
        if m is None or _DIGIT.search(m.group(1)):
            break
        if m.group(1) in _AR_STOPS and not (
                start is not None and words <= 3 and m.group(1) in _AR_SOURCE_LINKS
                and _AR_GENERIC.match(rt.text, start)):
            break
        if _overlaps(m.start(1), m.end(1), outcome_spans) or (start is not None and _AR_VERBS.fullmatch(m.group(1))):
            break  # "لمسؤول عسكري أمريكي تحدث شريطة ...": a reporting verb ends the name
        start = m.start(1) if start is None else start
        end, pos = m.end(1), m.end()
        words += 1
        if rt.text[pos:pos + 1] in "،,.":
            break
    return (start, end) if start is not None and end is not None else None


# "بحسب بيان لوزارة الداخلية", "وبحسب إحصاءات دائرة الطب العدلي": the record named first, its author after.
_AR_RECORD = re.compile(rf"\s*{alternation(ar.RECORD_NOUNS, arabic=True)}(?:\s+(?:صادر|صادره)\s+عن|\s+عن)?(?=\s)")
_AR_MADE_BY = re.compile(rf"\s+{alternation(ar.RECORD_MADE_BY, arabic=True)}(?!\w)")  # "إحصاء (أجرته) رويترز"
# "نقلت وكالة فرانس برس عن مصدر أمني": the outlet repeats; the source after عن made the claim.
_AR_RECORD_OF = re.compile(rf"\s*{alternation(ar.RECORD_NOUNS + ['تحقيق', 'دراسة', 'مسح'], arabic=True)}\s+ل")
# Adjectives on a record: "بحسب تقديرات عسكرية أمريكية" (then the record itself is the claimant).
_AR_ADJECTIVE = re.compile(r"\s+" + alternation(ar.RECORD_ADJECTIVES, arabic=True) + r"(?!\w)")
_AR_ADJECTIVES = re.compile(rf"(?:{_AR_ADJECTIVE.pattern})+")
_AR_FROM = re.compile(r"\s*عن\s")
_AR_GLOSS = re.compile(r"\s*\([^()\d]{1,20}\)")  # an outlet's acronym after its name
_AR_RECORD_BY = re.compile(rf"\s*{alternation(ar.RECORD_NOUNS + ['تحقيق', 'دراسة', 'مسح'], arabic=True)}"
                           rf"(?:\s+(?:[^\s،,.]+)){{0,2}}?{_AR_MADE_BY.pattern}")
_AR_RELAY = word_set(ar.RELAY_VERBS, arabic=True)
_AR_GENERIC = re.compile(rf"(?:ال)?{alternation(ar.GENERIC_SOURCES, arabic=True)}(?!\w)")
_AR_SOURCE_LINKS = word_set(ar.SOURCE_LINKS, arabic=True)


def _strip_l(np: str) -> str:
    """'لوزارة الداخلية' -> 'وزارة الداخلية', 'للأمم' -> 'الأمم', 'للجنة' -> 'اللجنة' (ل + the article)."""
    if np.startswith("لـ"):
        return np[2:].lstrip()
    if np.startswith("للجن"):
        return "ال" + np[1:]
    if np.startswith("لل"):
        return "ال" + np[2:]
    if np.startswith("ل") and not np.startswith("لجن"):
        return np[1:]
    return np


def verb_subject(rt: RuleText, outcome_spans: Spans) -> list[Attribution]:
    """"أعلنت وزارة الصحة", "كشف تحقيق لوكالة أسوشيتد برس" (the record's author), "نقلت X عن Y" (Y's
    claim), "وأضاف أن" with no subject (a pronoun: someone named before): a reporting verb, then its subject."""
    return list(_ar_after(rt, outcome_spans, _AR_VERBS))


def according_to(rt: RuleText, outcome_spans: Spans) -> list[Attribution]:
    """"بحسب X", "وفقا لـ X", "بحسب تقديرات عسكرية أمريكية" (the record and its adjectives)."""
    return list(_ar_after(rt, outcome_spans, _AR_ACCORDING))


def _ar_after(rt: RuleText, outcome_spans: Spans, regex: re.Pattern[str]) -> Iterator[Attribution]:
    for m in regex.finditer(rt.text):
        pos, record = m.end(), None
        if regex is _AR_ACCORDING:
            record = _AR_RECORD.match(rt.text, pos)
            pos = record.end() if record else pos
            made = _AR_MADE_BY.match(rt.text, pos) if record else None
            pos = made.end() if made else pos  # "حسب إحصاء أجرته وكالة رويترز": the count's author
        if regex is _AR_VERBS:  # "أفاد تقرير مشترك أصدرته بعثة الأمم المتحدة": the record's author
            made = _AR_RECORD_BY.match(rt.text, pos)
            np = _ar_np(rt, made.end(), outcome_spans) if made else None
            if np:
                yield Attribution(m.end(), np, True, False)
                continue
        of = _AR_RECORD_OF.match(rt.text, pos) if regex is _AR_VERBS else None
        if of is not None:  # "كشف تحقيق لوكالة أسوشيتد برس": the record's author made the claim
            np = _ar_np(rt, of.end(), outcome_spans)
            np = ("ا" + np) if np and rt.text[of.end()] == "ل" else np  # للأمم -> الأمم
            yield Attribution(m.end(), np, True, False)
            continue
        aside = _AR_PREP_PRONOUN.match(rt.text, pos) if regex is _AR_VERBS else None
        pos = aside.end() if aside else pos  # "وثقت فيه مقتل": no subject here
        described = False
        if of is None and record is not None and _AR_ADJECTIVE.match(rt.text, record.end()):
            pos, record, described = record.start(), None, True  # "بحسب تقديرات عسكرية أمريكية"
        span = _ar_np_span(rt, pos, outcome_spans)
        np = rt.span(*span) if span else _ar_unnamed(rt, pos, regex is _AR_ACCORDING, described)
        role = ARABIC.pattern("role_of_body").match(rt.text, span[1]) if span else None
        if role is not None:  # "قال أحمد الجبوري، المتحدث باسم دائرة صحة نينوى، إن": the body he speaks for
            np = _ar_np(rt, role.end(), outcome_spans) or np
        elif span is not None and np:  # "قال حاكم منطقة ميكولايف، فيتالي كيم، إن": the role and the name
            name = ARABIC.pattern("name_after").match(rt.text, span[1])
            if name is not None and not any(w in _AR_STOPS or _AR_VERBS.fullmatch(w) or _AR_GENERIC.fullmatch(w)
                                            for w in name.group("name").split()):
                np = rt.span(span[0], name.end("name"))
        if np and record is not None:
            np = _strip_l(np)
        elif np and m.group().endswith("ل") and np.startswith("ل"):
            # "وفقا للأمم المتحدة": ل + الأمم, written لل; "للجنة": ل + اللجنة (a noun starting with ل)
            np = "ال" + (np if np.startswith("لجن") else np[1:])
        if np and regex is _AR_VERBS and _relay(m.group()):
            span = _ar_np_span(rt, m.end(), outcome_spans)
            gloss = _AR_GLOSS.match(rt.text, span[1]) if span else None  # "وكالة الأنباء العراقية (واع) عن"
            frm = _AR_FROM.match(rt.text, gloss.end() if gloss else span[1]) if span else None
            source = _ar_np(rt, frm.end(), outcome_spans) if frm else None
            np = source or np
        medium = ARABIC.pattern("verb_aside").match(rt.text, m.end()) if np is None and regex is _AR_VERBS else None
        if np is None and regex is _AR_VERBS:
            np = _ar_subject_before(rt, m.start(), outcome_spans)  # "إن الاستخبارات الكردية تقدر أن"
        pronoun = np is None and regex is _AR_VERBS and (
            aside is not None or  # "وثقت فيه"
            _AR_RELATIVE.search(rt.text, max(0, m.start() - 10), m.start()) is not None or  # "، الذي أشار"
            _AR_THAT.match(rt.text, medium.end() if medium else m.end()) is not None or  # "وأضاف (في بيان) أن ..."
            _AR_THAT_BEFORE.search(rt.text, max(0, m.start() - 8), m.start()) is not None)  # "إنها وثقت"
        yield Attribution(m.end(), np, True, pronoun)


_AR_RELATIVE = re.compile(rf"(?<!\w)و?{alternation(ar.RELATIVE_PRONOUNS, arabic=True)}\s+$")
_AR_SUBJECT_BEFORE = re.compile(r"(?:(?<!\w)(?:ب)?ان|^)\s+(?P<np>[^\s\d،,.؛:«»()]+(?:\s+[^\s\d،,.؛:«»()]+){0,4}?)\s+$")
AR_SUBJECT_REACH = 60  # characters looked back from a verb for "إن X" before it


def _ar_subject_before(rt: RuleText, verb_start: int, outcome_spans: Spans) -> str | None:
    """"... إن الاستخبارات الكردية تقدر أن": a subject after "إن/أن" and before its (imperfect) verb."""
    m = _AR_SUBJECT_BEFORE.search(rt.text, max(0, verb_start - AR_SUBJECT_REACH), verb_start)
    if m is None or _overlaps(m.start("np"), m.end("np"), outcome_spans):
        return None
    words = m.group("np").split()
    if any(w in _AR_STOPS or _AR_VERBS.fullmatch(w) for w in words):
        return None
    return rt.span(m.start("np"), m.end("np"))


def subject_before_verb(rt: RuleText, outcome_spans: Spans) -> list[Attribution]:
    """"وكان المرصد السوري قد وثق", "وكانت السلطات العراقية ذكرت": the subject before its verb, after كان.
    Listed after the verb-first rules: at the same verb, the subject before it wins (sorting is stable)."""
    return [Attribution(m.end("verb"), rt.span(m.start("np"), m.end("np")).strip(), True, False)
            for m in ARABIC.pattern("subject_before_verb").finditer(rt.text)
            if not _overlaps(m.start("np"), m.end("np"), outcome_spans)]


def record_made_by(rt: RuleText, outcome_spans: Spans) -> list[Attribution]:
    """"بحسب إحصاء أجرته رويترز": the author after the count."""
    out = []
    for m in ARABIC.pattern("record_made_by").finditer(rt.text):
        np = _ar_np(rt, m.end(), outcome_spans)
        if np:
            out.append(Attribution(m.start(), np, True, False))
    return out


def _ar_unnamed(rt: RuleText, pos: int, according: bool, described: bool) -> str | None:
    """What a stop word hides: "بحسب بيان عسكري" (a record and its adjectives: the record is the claimant),
    "وبحسب الحصيلة،" (a count named before: resolved as an anaphor)."""
    tok = _AR_TOKEN.match(rt.text, pos) if according else None
    if tok is None:
        return None
    if described:
        adjectives = _AR_ADJECTIVES.match(rt.text, tok.end())
        return rt.span(tok.start(1), adjectives.end() if adjectives else tok.end(1)).strip()
    return rt.span(tok.start(1), tok.end(1)) if anaphoric(rt.span(tok.start(1), tok.end(1))) else None


def _relay(verb: str) -> bool:
    verb = verb.strip()
    return verb in _AR_RELAY or (verb[:1] in "وف" and verb[1:] in _AR_RELAY)


# The registries find() runs, in order (all contribute; the order settles ties at one position).
LATIN_RULES: tuple[Rule, ...] = (subject_verb, described_subject, verb_then_speaker, closing_verb, quoted_as_saying,
                                 figure_by, owner_possessive, released_by, body_record, participle_by)
ARABIC_RULES: tuple[Rule, ...] = (verb_subject, according_to, subject_before_verb, record_made_by)
SHARED_RULES: tuple[Rule, ...] = (headline_speaker, trailing_source)  # both scripts
