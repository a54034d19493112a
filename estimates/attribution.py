"""Who made the estimate (the claimant), not the outlet repeating it.

Attributions are found once per sentence, each with the offset it sits at:
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
from dataclasses import dataclass, replace

from . import lexicon as en
from . import lexicon_ar as ar
from . import places
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


# "The coalition raised its tally of civilians killed ... to 1,114": revising one's own count attributes it.
_VERBS = alternation(en.REPORT_VERBS)[:-1] + r"|(?:raised|revised|updated|lowered|increased|cut|reduced)" \
    rf"(?=\s+(?:its|their|his|her|the)\s+(?:\w+\s+)?(?i:{alternation(en.DATA_NOUNS)})\b))"
_SPEECH = frozenset(en.SPEECH_VERBS)
_EN_SUBJECT = re.compile(
    r"(?:^|(?<=[,;:\"“”])\s*|\b(?:that|and|but|while|as|where|though|although|whereas)\s+)"
    r"(?P<np>[^\s,;:\"“”](?:[^,;:\"“”.]|\.(?=\s*\w)){0,70}?)"
    r"(?:\s+(?:has|have|had|also|previously|earlier|now|later|would|will|recently|separately|itself|"
    r"only|last\s+\w+|on\s+\w+day|this\s+\w+|had\s+previously)|"
    r"\s*,\s*(?:for\s+(?:its|their|his|her)\s+(?:own\s+)?part|however|meanwhile|in\s+turn|too|though)\s*,)*"
    rf"\s+(?P<verb>(?-i:{_VERBS}))\b",
    re.IGNORECASE)
_EN_DESCRIBED = re.compile(
    r"(?:^|(?<=[,;:\"“”])\s*|\b(?:that|and|but|while|as|where|though|although|whereas)\s+)"
    r"(?P<np>[A-Z][^,;:\"“”.\d]{0,50}?),\s*an?\s[^,;:\"“”]{2,70},\s*"
    rf"(?P<verb>(?-i:{_VERBS}))\b")
_A_COMMA = re.compile(r",\s*an?\s")
_EN_AFTER_VERB = re.compile(
    r"(?P<lead>\baccording\s+to|[,;]['\"”’]?\s*(?:said|says|say|reported|added|noted)|\bciting|\bcited(?!\s+by)|"
    r"\bquoting|(?:^|(?<=[,;(]))\s*per(?=\s+(?!cent\b|capita\b|annum\b|day\b|week\b|month\b|year\b|hour\b|"
    r"person\b|head\b|kilo|square\b|\d)))\s+"
    r"(?P<np>[^,.;:()]{2,90})", re.IGNORECASE)
# "..., UNRWA, said in its latest report", "..., said on Thursday": what follows "said" is no speaker when
# it opens with a preposition or a time word; the subject before "said" is the speaker.
_EN_NOT_SPEAKER = re.compile(
    r"(?:in|on|at|during|after|before|since|over|within|throughout|through|via|with|without|from|for|to|"
    r"into|while|when|as|that|last|this|next|yesterday|today|tonight|earlier|later|late|early|again|also|"
    rf"{alternation(en.WEEKDAYS)}|{alternation(en.MONTHS)})\b", re.IGNORECASE)
# An appositive before a named subject: "..., the UN agency for Palestinian refugees, UNRWA, said".
_EN_APPOSITIVE = re.compile(r"(?:^|[,;]\s*)(?P<np>[Tt]he\s[^,;:\"“”().\d]{2,70}?),\s*$")
_EN_TIME_LEAD = re.compile(
    rf"(?:(?:on\s+|last\s+|this\s+)?{alternation(en.WEEKDAYS)}|yesterday|today|earlier|"
    r"(?:last|this|earlier\s+this)\s+(?:week|month|year|morning|evening|night))\s+", re.IGNORECASE)
# The subject set off by a comma before ", said": "..., the UN agency for Palestinian refugees, UNRWA, said".
_EN_COMMA_SUBJECT = re.compile(r"(?:^|[,;:\"“”]\s*)(?P<np>[^\s,;:\"“”.\d][^,;:\"“”.\d]{0,70}?)\s*$")
_AGE = re.compile(r",\s*(?:aged\s+)?\d{1,3}\s*$")
# "The blogger, who documented ..., said", "A senior CTS officer, speaking on condition of anonymity, said"
_RELATIVE_LEAD = r"(?:who|which|speaking|talking|writing|asked|quoted)\s"
_RELATIVE = re.compile(rf",\s*{_RELATIVE_LEAD}[^,;:\"“”]{{1,70}}$", re.IGNORECASE)
_A_DESCRIPTION = re.compile(r"\s*an?\s", re.IGNORECASE)
_PROPER = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w.&'-]*(?:\s+(?:(?:of|for|the|and|on|in)\s+)*[A-Z][\w.&'-]*)*")
# "said in its latest situation report" is no subject of "report".
_SAID = frozenset(("said", "told", "added", "noted", "stated", "explained", "insisted", "stressed", "warned"))
_DATA = alternation(en.DATA_NOUNS)
_EN_POSSESSIVE = re.compile(
    r"(?P<np>(?:[Tt]he\s+(?:[a-z][\w-]*\s+){0,2})?(?:[A-Z][\w.&-]*\s+){0,4}[A-Za-z][\w.&-]*)(?:'s|’s|'|’)\s+"
    rf"(?:(?:own|latest|new|updated|conservative|preliminary|official|final|initial)\s+)*{_DATA}\b")
# "The Associated Press tally of", "A UN estimate of", "An Iraq Body Count analysis of": an article, a
# capitalised name (lower-case words may follow the first: "UN human rights office"), a data noun, "of".
_EN_NP_DATA = re.compile(
    r"(?:^|(?<=\s))(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?P<np>[A-Z][\w.&-]*(?:\s+[A-Za-z][\w.&-]*){0,4}?)\s+"
    rf"(?:(?:own|latest|new|updated|conservative|preliminary|official|final|initial)\s+)*"
    rf"{alternation(en.NP_DATA_NOUNS)}\s+(?:of|puts|put|shows|showed|found|finds|lists)\b")
_EN_BY = re.compile(
    rf"\b(?i:{alternation(w for w in en.DATA_NOUNS if w != 'toll')})\s+"
    r"(?:\w+(?:ed|en)\s+(?:to\s+[^,.;:()]{1,30}?\s+)?)?"
    r"(?:by\s+(?=an?\s+[a-z])|(?:by|from|of)\s+(?=the\s+[A-Za-z]|[A-Z]))(?P<np>[^,.;:()]{1,60})")
# "the figure of 1,260 released by the Nineveh health directorate": the figure's own source, named after it
_EN_FIGURE_BY = re.compile(
    r"(?P<num>\d(?:[\d,.]*\d)?)(?:\s+[a-z]+){0,2}\s+(?:released|published|issued|given|announced|compiled|reported|"
    r"recorded|provided|documented|confirmed|verified|cited)\s+by\s+(?P<np>[^,.;:()]{2,60})")
_EN_TRIM = re.compile(
    r"\s+(?:on|last|this|in\s+(?:a|an|its|their|his|her)|(?-i:who|which|that)|published|released|issued|"
    r"earlier|late|early|told|to(?!\s+(?-i:[A-Z]))|at|as|citing|quoted|via|over|during|since|said|says|and\s+(?:the|a)|"
    r"estimated|believes|found|while|after|when|put|show|shows|showed|suggest|suggests|indicate|indicates)\b.*$|\s+(?:has|have|had)$", re.IGNORECASE)
_MODIFIER_ONLY = re.compile(r"-(?:backed|led|based|run|funded|sponsored)$", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:an?\s+|by\s+|one\s+(?!of\b)(?=\S+\s+\S))", re.IGNORECASE)
_FIGURE_LEAD = re.compile(r"(?:\d|(?:at\s+least|more\s+than|about|nearly|some|up\s+to|as\s+many\s+as)\s)",
                          re.IGNORECASE)
_PREPOSITION = re.compile(r"(?:in|on|at|for|from|with|by|during|after|before|under)\s", re.IGNORECASE)
_LEAD_CONJ = re.compile(r"^(?:though|although|whereas|while|but|and|yet)\s+(?=\S+\s)", re.IGNORECASE)
_ACCORDING = re.compile(r"\s*according\s+to\b", re.IGNORECASE)
_NON = en.NON_CLAIMANTS
_DATA_WORDS = frozenset(en.DATA_NOUNS)
# "received reports of 12 people wounded", "records of": the verb's spelling used as a noun
_NOUN_USE = re.compile(r"\s+of\b", re.IGNORECASE)
# "Figures compiled by the Iraqi Red Crescent show": a participle, its agent after "by" (see _EN_BY)
_PARTICIPLE = re.compile(r"\s+by\b", re.IGNORECASE)
# "were found dumped", "the figure could not be independently verified": a passive, no one attributing
_PASSIVE = re.compile(r"(?:^|\s)(?:be|been|being|was|were|is|are)(?:\s+\w+ly)?\s*$", re.IGNORECASE)
# "A morgue official, who asked not to be named, said": the clause after the comma is no subject
_RELATIVE_START = re.compile(_RELATIVE_LEAD, re.IGNORECASE)
# "WASHINGTON — A senior US military official said": a dateline before the subject
_PRONOUNS = frozenset(("he", "she", "they", "it"))
_ARTICLES = frozenset(("a", "an", "the"))
_AR_THAT = re.compile(r"\s*(?:ب)?[ا](?:ن|نه|نها|نهم)(?!\w)")  # normalised أن / إن / بأن / أنه
_AR_THAT_BEFORE = re.compile(r"(?<!\w)(?:ب)?[ا](?:نه|نها|نهم)\s*$")
_DIGIT = re.compile(r"\d")
# "the shelling claimed 19 lives" / "claimed the lives of" (but "claims 16,467 militants have been killed")
_LIVES = re.compile(r"\s+(?:the\s+)?(?:lives|(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+)?[\d,.]+"
                    r"(?:\s+\w+){0,2}\s+lives\b)", re.IGNORECASE)

_AR_VERBS = re.compile(rf"{AR_LEFT}(?:[وف])?{alternation(ar.REPORT_VERBS, arabic=True)}(?!\w)")
_AR_ACCORDING = re.compile(rf"{AR_LEFT}(?:[وف])?{alternation(ar.ACCORDING, arabic=True)}\s*(?:ـ\s*)?"
                           rf"(?:{alternation(ar.REPORT_VERBS, arabic=True)}(?:ه)?\s+)?")
_AR_TOKEN = re.compile(r"\s*([^\s،,.؛:؟!()\"«»]+)")
_AR_STOPS = word_set(ar.CLAIMANT_STOPS, arabic=True)


def find(rt: RuleText, arabic: bool, outcome_spans: list[tuple[int, int]]) -> list[Attribution]:
    """All attributions of a sentence, sorted by position."""
    found = _find_ar(rt, outcome_spans) if arabic else _find_en(rt.text, outcome_spans)
    found.extend(_headline(rt, outcome_spans))
    found.extend(_trailing(rt))
    if not arabic:
        found = _outside_quotes(rt.text, found)
    return sorted(found, key=lambda a: a.pos)


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
_HEADLINE_LABELS = word_set(
    ["update", "updated", "breaking", "live", "exclusive", "watch", "video", "photos", "analysis", "opinion",
     "factbox", "timeline", "explainer", "correction", "note", "editor's note", "q&a", "interview", "report",
     "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
     "عاجل", "تحديث", "بالفيديو", "بالصور", "فيديو", "صور", "تقرير", "حصري", "خاص", "تحليل", "مقابلة",
     *en.MONTHS])
_HEADLINE_WORDS = 5


def _headline(rt: RuleText, outcome_spans: list[tuple[int, int]]) -> list[Attribution]:
    m = _HEADLINE.match(rt.text)
    if m is None or _overlaps(m.start("np"), m.end("np"), outcome_spans):
        return []
    np = m.group("np").strip()
    words = np.split()
    if len(words) > _HEADLINE_WORDS or np.lower() in _HEADLINE_LABELS or words[0].lower() in _HEADLINE_LABELS:
        return []
    if not rt.arabic and (not np[0].isupper() or words[0].lower() in _NON):
        return []
    if rt.arabic and words[0] in _AR_STOPS:
        return []
    if any(len(p.name) >= len(np) - 2 for p in places.find(RuleText.of(np), None)):
        return []  # "Mosul: 40 civilians killed" names a place, not a speaker
    # not a speaker's verb: "Mosul offensive: 3,000 civilians dead, officials say" -> the officials
    return [Attribution(m.end("np"), rt.span(m.start("np"), m.start("np") + len(np)), speech=False)]


# A wire headline's trailing source: "At least 7 killed in double bombing in Tal Afar - police".
_TRAILING_SOURCE = re.compile(r"\s[-–—]\s+(?P<np>(?:[A-Za-z][\w.&'-]*\s+){0,3}[A-Za-z][\w.&'-]*)\s*$")

_OUTLETS = word_set(["reuters", "ap", "afp", "bbc", "cnn", "al jazeera", "xinhua", "dpa", "ani", "upi", "efe",
                     "anadolu", "rudaw", "sky news", "nyt", "the guardian", "the independent", "the new york times",
                     "the washington post", "associated press", "agence france-presse", "report", "video"])


_SOURCE_LABEL = re.compile(r"[(\[]\s*Sources?\s*:\s*(?P<np>[^()\[\];]{2,60}?)\s*[)\]]|"
                           r"(?:^|[.;|]\s*)Sources?\s*:\s*(?P<np2>[^()\[\];.]{2,60}?)\s*$")


def _trailing(rt: RuleText) -> list[Attribution]:
    if rt.arabic:
        return []
    text = rt.text.rstrip(" .")
    label = _SOURCE_LABEL.search(text)  # "... 1,041 injured (Source: Iraqi Red Crescent)."
    if label is not None:
        return [Attribution(label.start(), (label.group("np") or label.group("np2")).strip())]
    m = _TRAILING_SOURCE.search(text)
    if m is None or m.group("np").split()[0].lower() in _NON or m.group("np").lower() in _OUTLETS:
        return []  # "- Reuters" names the outlet repeating the claim, not who made it
    if any(len(p.name) >= len(m.group("np")) - 2 for p in places.find(RuleText.of(m.group("np")), None)):
        return []  # "... - Mosul" is a dateline, not a source
    return [Attribution(m.start(), m.group("np"))]


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
        return before[-1]
    return after[0] if after else None


# "the agency believes", "the group says": a body named earlier ("A senior UN official told reporters that
# the agency believes ..."); the named speaker before it, or in the previous sentence, is the claimant.
_ANAPHOR = re.compile(r"(?:its|their)\s+(?:own\s+|latest\s+|new\s+)?(?:findings|figures|data|estimates?|count|tally)|"
                      r"(?:the|this|that|its|his|her|their)\s+(?:own\s+)?"
                      r"(?:(?:[A-Za-z]+-based|rights|human\s+rights|monitoring|aid|relief|research|war)\s+)?(?:agency|group|organi[sz]ation|ministry|"
                      r"office|mission|body|monitor|watchdog|charity|department|observatory|agencies|"
                      r"organi[sz]ations|groups|ministries|institution|authority|authorities|network|"
                      r"committee|commission|team|unit|researchers|investigators|report|study|survey|"
                      r"investigation|inquiry|review|monitors|analysts|experts|authors)", re.IGNORECASE)


# "وأضاف المصدر"، "وأضافت المنظمة الدولية"، "بحسب المرصد": the body or source named before, by its kind
_AR_ANAPHOR = re.compile(alternation(ar.ANAPHORS, arabic=True))


def anaphoric(claimant: str | None) -> bool:
    if claimant is None:
        return False
    if has_arabic(claimant):
        return _AR_ANAPHOR.fullmatch(norm_ar(claimant.strip())) is not None
    return _ANAPHOR.fullmatch(claimant.strip()) is not None


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


def _clean_en(np: str) -> str | None:
    np = np.strip().strip("\"'“”‘’ ")
    np = np[dateline_end(np):]
    poss = _EN_POSSESSIVE.match(np)  # "Reuters' review of morgue records found": Reuters
    np = _EN_TRIM.sub("", poss.group("np") if poss else np)
    np = _ARTICLE.sub("", _LEAD_CONJ.sub("", np)).strip()
    words = np.split()
    # "WHO" in capitals is the World Health Organization, not a pronoun
    non = words and words[0].lower() in _NON and not (len(words[0]) > 2 and words[0].isupper())
    if not words or len(words) > MAX_WORDS or non or _DIGIT.search(np):
        return None
    return np


def _find_en(text: str, outcome_spans: list[tuple[int, int]]) -> list[Attribution]:
    out = []
    for m in _EN_SUBJECT.finditer(text):
        by = _EN_BY.search(m.group("np"))  # "Figures released by the Health Ministry show ..."
        if by is None and _overlaps(m.start("np"), m.end("np"), outcome_spans) or _DIGIT.search(m.group("np")):
            continue
        if len(m.group("np").split()) > MAX_WORDS + 4 or m.group("np").strip().lower() in _ARTICLES:
            continue  # "An estimated 3,000": a qualifier, not a subject and its verb
        if m.group("np").split()[0] in _SAID:
            continue  # "UNRWA, said in its latest situation report": not "said ..." + "report"
        if _ACCORDING.match(m.group("np")) or _FIGURE_LEAD.match(m.group("np")) or _PREPOSITION.match(m.group("np")):
            continue  # "According to hospital records", "nearly ten times the number previously reported",
            # "In its report": no subject and its verb
        if m.group("np").strip().lower() in _NON and m.group("np").strip().lower() not in _PRONOUNS:
            continue  # "... and now believed 352": no subject here; the speaker is the one before
        if m.group("verb").lower().startswith("claim") and _LIVES.match(text, m.end("verb")):
            continue  # "the shelling claimed 19 lives" is no attribution
        if _NOUN_USE.match(text, m.end("verb")) or _PASSIVE.search(m.group("np")):
            continue
        if _PARTICIPLE.match(text, m.end("verb")) and m.group("np").strip().lower() in _DATA_WORDS:
            continue
        if _RELATIVE_START.match(m.group("np")):
            comma = text.rfind(",", m.start("np"), m.start("verb"))
            out.extend(replace(a, pos=m.end("verb")) for a in _comma_subject(text, comma, outcome_spans))
            continue
        speech = m.group("verb").lower() in _SPEECH
        np = by.group("np") if by else m.group("np")
        pronoun = np.strip().lower() in _PRONOUNS  # "it documented", "they counted": someone named before
        claimant = _clean_en(np)
        if claimant and by is None and not pronoun:
            claimant = _appositive(text, m.start("np"), claimant, outcome_spans)
        out.append(Attribution(m.end("verb"), claimant, speech, pronoun))
    described = _EN_DESCRIBED.finditer(text) if _A_COMMA.search(text) else ()
    for m in described:  # "Airwars, a London-based monitoring group, attributes ..."
        name = _clean_en(m.group("np"))
        if name and _PROPER.fullmatch(name) and not _EN_NOT_SPEAKER.match(name) and \
                not _overlaps(m.start("np"), m.end("np"), outcome_spans):
            out.append(Attribution(m.end("verb"), name, m.group("verb").lower() in _SPEECH))
    for m in _EN_AFTER_VERB.finditer(text):
        if _EN_NOT_SPEAKER.match(m.group("np")) or (m.group("lead")[0] in ",;" and _FIGURE_LEAD.match(m.group("np"))):
            time = _EN_TIME_LEAD.match(m.group("np"))  # ", said on Tuesday the governor of Nineveh"
            rest = m.group("np")[time.end():] if time else ""
            if rest and not _EN_NOT_SPEAKER.match(rest) and _clean_en(rest):
                out.append(Attribution(m.start(), _clean_en(rest)))
            elif m.group("lead")[0] in ",;":
                # "..., UNRWA, said in its latest situation report": the speaker is the subject before "said"
                out.extend(_comma_subject(text, m.start(), outcome_spans))
            continue
        np = _EN_BY.search(m.group("np"))
        claimant = _clean_en(np.group("np") if np else m.group("np"))
        if claimant is None and m.group("lead")[0] in ",;":
            # "A morgue official, who asked not to be named, said the department had registered 2,658":
            # what follows "said" is what was said; the speaker is the subject before the comma
            out.extend(_comma_subject(text, m.start(), outcome_spans))
            continue
        out.append(Attribution(m.start(), claimant))
    for m in _EN_FIGURE_BY.finditer(text):
        claimant = _clean_en(m.group("np"))
        if claimant:
            out.append(Attribution(m.start("np"), claimant, bound=m.end("num")))
    for regex in (_EN_POSSESSIVE, _EN_BY, _EN_NP_DATA):
        for m in regex.finditer(text):
            if regex is _EN_NP_DATA and _overlaps(m.start("np"), m.end("np"), outcome_spans):
                continue  # "the Mosul death toll of": no claimant
            if regex is _EN_NP_DATA and _MODIFIER_ONLY.search(m.group("np")):
                continue  # "a UN-backed survey found": the survey is the subject of "found" (above)
            claimant = _clean_en(m.group("np"))
            if claimant:
                out.append(Attribution(m.start(), claimant, False))
    return out


def _comma_subject(text: str, comma: int, outcome_spans: list[tuple[int, int]]) -> list[Attribution]:
    end = comma
    for skip in (_AGE, _RELATIVE):  # "Umm Ahmed, 52, said"; "The blogger, who documented ..., said"
        m = skip.search(text, max(0, end - 80), end)
        end = m.start() if m else end
    sub = _EN_COMMA_SUBJECT.search(text, max(0, end - 80), end)
    if sub is None or _overlaps(sub.start("np"), sub.end("np"), outcome_spans):
        return []
    claimant = _clean_en(sub.group("np"))
    if claimant is None or claimant.lower() in _PRONOUNS:
        return []
    if _A_DESCRIPTION.match(sub.group("np")):  # "Human Rights Watch, a New York-based group, said on Monday"
        named = _EN_COMMA_SUBJECT.search(text, max(0, sub.start() - 80), sub.start())
        name = _clean_en(named.group("np")) if named else None
        if name and _PROPER.fullmatch(name) and not _overlaps(named.start("np"), named.end("np"), outcome_spans):
            return [Attribution(comma, name)]
    return [Attribution(comma, _appositive(text, sub.start("np"), claimant, outcome_spans))]


def _appositive(text: str, np_start: int, claimant: str, outcome_spans: list[tuple[int, int]]) -> str:
    """"the UN agency for Palestinian refugees, UNRWA, said": a proper-name subject set off by a comma
    after a "the ..." phrase is that phrase's name; the claimant is both."""
    if not all(w[:1].isupper() for w in claimant.split()):
        return claimant
    m = _EN_APPOSITIVE.search(text, max(0, np_start - 90), np_start)
    if m is None or _overlaps(m.start("np"), m.end("np"), outcome_spans):
        return claimant
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
# "نقلت وكالة فرانس برس عن مصدر أمني": the outlet repeats; the source after عن made the claim.
_AR_RECORD_OF = re.compile(rf"\s*{alternation(ar.RECORD_NOUNS + ['تحقيق', 'دراسة', 'مسح'], arabic=True)}\s+ل")
# Adjectives on a record: "بحسب تقديرات عسكرية أمريكية" (then the record itself is the claimant).
_AR_ADJECTIVE = re.compile(r"\s+" + alternation(
    ["عسكرية", "أمريكية", "أميركية", "رسمية", "حكومية", "أممية", "محلية", "أمنية", "طبية", "صحية", "عراقية",
     "كردية", "دولية", "غربية", "مستقلة", "أولية", "إعلامية", "صحفية", "استخباراتية", "استخبارية",
     "عسكري", "رسمي", "حكومي", "أممي", "أمني", "طبي", "صحي", "عراقي", "كردي", "دولي", "أولي"], arabic=True)
    + r"(?!\w)")
_AR_ADJECTIVES = re.compile(rf"(?:{_AR_ADJECTIVE.pattern})+")
_AR_FROM = re.compile(r"\s*عن\s")
_AR_RELAY = word_set(ar.RELAY_VERBS, arabic=True)
_AR_GENERIC = re.compile(rf"(?:ال)?{alternation(ar.GENERIC_SOURCES, arabic=True)}(?!\w)")
_AR_SOURCE_LINKS = word_set(["في", "من", "باسم"], arabic=True)


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


def _find_ar(rt: RuleText, outcome_spans: list[tuple[int, int]]) -> list[Attribution]:
    out = []
    for regex in (_AR_VERBS, _AR_ACCORDING):
        for m in regex.finditer(rt.text):
            pos, record = m.end(), None
            if regex is _AR_ACCORDING:
                record = _AR_RECORD.match(rt.text, pos)
                pos = record.end() if record else pos
            of = _AR_RECORD_OF.match(rt.text, pos) if regex is _AR_VERBS else None
            if of is not None:  # "كشف تحقيق لوكالة أسوشيتد برس": the record's author made the claim
                np = _ar_np(rt, of.end(), outcome_spans)
                np = ("ا" + np) if np and rt.text[of.end()] == "ل" else np  # للأمم -> الأمم
                out.append(Attribution(m.end(), np, True, False))
                continue
            described = False
            if of is None and record is not None and _AR_ADJECTIVE.match(rt.text, record.end()):
                pos, record, described = record.start(), None, True  # "بحسب تقديرات عسكرية أمريكية"
            np = _ar_np(rt, pos, outcome_spans) or _ar_unnamed(rt, pos, regex is _AR_ACCORDING, described)
            if np and record is not None:
                np = _strip_l(np)
            elif np and m.group().endswith("ل") and np.startswith("ل"):
                # "وفقا للأمم المتحدة": ل + الأمم, written لل; "للجنة": ل + اللجنة (a noun starting with ل)
                np = "ال" + (np if np.startswith("لجن") else np[1:])
            if np and regex is _AR_VERBS and _relay(m.group()):
                span = _ar_np_span(rt, m.end(), outcome_spans)
                frm = _AR_FROM.match(rt.text, span[1]) if span else None
                source = _ar_np(rt, frm.end(), outcome_spans) if frm else None
                np = source or np
            pronoun = np is None and regex is _AR_VERBS and (
                _AR_THAT.match(rt.text, m.end()) is not None or  # "وأضاف أن ..."
                _AR_THAT_BEFORE.search(rt.text, max(0, m.start() - 8), m.start()) is not None)  # "إنها وثقت"
            out.append(Attribution(m.end(), np, True, pronoun))
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
