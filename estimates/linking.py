"""Which outcome a figure reports: the rules that tie a figure to an outcome word.

Tried in order, first hit wins (each rule is one short function):
1. head    - the noun after the figure is the outcome: "326 civilian deaths", "20,000 dead", "120 قتيلا".
2. before  - an outcome verb governs the figure: "killed 27 people", "مقتل 3 آلاف", "أصيب ٢٥٠".
3. after   - the figure's noun is the subject of an outcome predicate: "231 civilians had been shot dead",
             "1,500 civilians wounded by sniper fire"; a blocker first ("were displaced") rejects.
4. toll    - a toll noun earlier states its value: "the death toll rose to 240", "put the number of
             missing residents at over 2,000", "ارتفعت حصيلة القتلى إلى 120".
(before all: a verb that takes people away, "abducted 9 men", "خطفوا 9 رجال", blocks the figure it governs;
 with rule 2, a table label: "Civilians killed: 1,212"; after 1-3, wounded who "later died" are killed.)
"lost" (kind "lost") reaches a figure only by rule 2 and only when the figure counts people: "have lost
nearly 1,000 soldiers", "the family lost 11 relatives" -> killed; "lost 5,000 homes", "lost 30 percent",
"lost 12 seats" -> nothing.
(5. inherit - lists and subsets take their neighbour's outcome; see reader.py.)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon as en
from . import lexicon_ar as ar
from .figures import Figure
from .heads import Head
from .outcomes import Mention, blocker_in, mention_at
from .patterns import alternation

BLOCKED = "blocked"
AFTER_WINDOW = 90
TOLL_WINDOW = 110

_STOP = {
    False: re.compile(r"[;:()\[\]—|]|\s[–-]\s|\b(?:but|while|whereas|although|after|before|when|because|"
                      r"until|which|prompting|forcing|as(?!\s+well\s+as)(?!\s+(?:missing|dead|killed|wounded|injured|"
                      r"unaccounted|deceased|casualties)))\b|"  # not "listed as missing"
                      r"(?<!\bhave\s)(?<!\bhas\s)(?<!\bhad\s)\bsince\b",  # not "have since died"
                      re.IGNORECASE),
    True: re.compile(r"[؛:()|]|(?<!\w)(?:لكن|بينما|بعد|قبل|عندما|حين|اثر|جراء|بسبب|فيما|حيث)(?!\w)"),
}
_GAP = {
    False: re.compile(r"(?:\s+(?:another|a|an|the|total|of|further|additional|in|all|only|just|at|least|"
                      r"nearly|some|estimated|reportedly|allegedly|more|than|over|up|to|almost|about)\b)*\s*"
                      r"(?:['‘\"“]\s*)?",  # a quoted figure: "killed 'as many as 49' militants"
                      re.IGNORECASE),
    True: re.compile(r"(?:\s+(?:ما|من|نحو|حوالي|اكثر|قرابه|اخرين|زهاء|عن|لا|يقل|يقرب|فيها|فيه|منهم|منهن|"
                     r"خلالها))*\s*"),
}
# "killed a woman and her two children", "killed a farmer and his 3 sons"
_COMPANION = re.compile(r"\s+an?\s+[a-z]+\s+and\s+(?:her|his|their)\s+", re.IGNORECASE)
_AR_SUBJECT_GAP = re.compile(r"(?:\s+[^\s\d،,.؛:]+){1,6}\s+(?:(?:اكثر|نحو|حوالي|قرابه|زهاء)\s+(?:من\s+)?)?")
# Spellings that are verbs as well as verbal nouns or passives: with a figure right after, they are active.
_AR_BARE_VERB = re.compile(r"[وف]?قتل")
_AR_ACTIVE_PLURAL = re.compile(r"[وف]?(?:قتلوا|اعدموا)")
_AUX = re.compile(r"\b(?:were|was|been|being|be|are|is|got|get|reportedly|allegedly|all|later|also|"
                  r"feared|believed|thought|confirmed|reported|left)\s+(?:\w+\s+)?$", re.IGNORECASE)
_TOLL_END = {
    False: re.compile(rf"\b{alternation(en.TOLL_LINKS)}\s*(?:['‘\"“]\s*)?$", re.IGNORECASE),  # was 'more than 40,000'"
    True: re.compile(rf"(?<!\w){alternation(ar.TOLL_LINKS, arabic=True)}\s*$|^\s*$"),
}
# The figure phrase itself may carry the link: "exceeded 4,000", "between 9,000 and 10,000", "بأكثر من".
_TOLL_START = {False: re.compile(r"(?:exceed|top|surpass|pass|between)", re.IGNORECASE),
               True: re.compile(r"(?:ب|تجاوز|تخطي|فاق|يفوق|يتجاوز|تتجاوز)")}
_AR_COUNT = re.compile(r"(?<!\w)(?:عدد|حصيله)\s*$")
_TOLL_PUNCT = re.compile(r"[.;!?؛]")
# A blocker inside a modifier of the victims noun does not block the main predicate after it:
# "civilians trying to flee were shot dead", "people who fled the village were later killed",
# "civilians fleeing the city were killed". The blocker must open such a clause right after the head,
# and the outcome must come with an auxiliary (the main verb), with no comma between.
_REL_CLAUSE = {
    False: re.compile(r"\s*(?:(?:who|that)\s+(?:had\s+|have\s+|were\s+|was\s+)?(?:been\s+)?"
                      r"(?:(?:trying|attempting|seeking|hoping|waiting)\s+to\s+)?|"
                      r"(?:trying|attempting|seeking|hoping|waiting)\s+to\s+)", re.IGNORECASE),
    True: re.compile(r"\s*(?:الذين|ممن)\s+(?:كانوا\s+)?(?:يحاولون\s+)?"),
}
_MAIN_AUX = re.compile(r"\b(?:were|was|had\s+been|have\s+been|has\s+been|are|is|remain|remains|remained)\s+(?:later\s+|then\s+|all\s+|"
                       r"still\s+|now\s+)?$",
                       re.IGNORECASE)


_AND_NOUN_LEAD = re.compile(r"^\s*(?:and|or)\s+[^\W\d_]+", re.IGNORECASE)
_BY = re.compile(r"\s+by\s", re.IGNORECASE)  # a passive participle on the head: "abducted by IS"
# A copula blocker followed by its outcome is no blocker: "remain missing", "remained unaccounted for".
_COPULA = re.compile(r"remain(?:s|ed|ing)?|registered|بقي|بقوا|لا\s+يزالون|ما\s+زالوا", re.IGNORECASE)
_COPULA_GAP = re.compile(r"\s+(?:still\s+|officially\s+|listed\s+as\s+|as\s+)?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Link:
    outcome: str
    rule: str
    mention: Mention | None  # the outcome word used (None for inherited links)


def link(text: str, fig: Figure, head: Head, mentions: list[Mention], prev_end: int, next_start: int,
         arabic: bool) -> Link | str | None:
    """The outcome of `fig`, BLOCKED when a blocker rules it out, None when nothing ties it."""
    if _blocker_governs(text, fig, prev_end, arabic):
        return BLOCKED  # "خطفوا 9 رجال وقتلوا 4 آخرين", "abducted 9 men and killed 4": the 9 were taken
    found = _head(text, head, next_start, arabic) or _before(text, fig, head, mentions, prev_end, arabic) or \
        _label(text, fig, mentions, arabic)
    if found:
        return _unless_died(found, text, head.end, next_start, arabic)
    if head.victims is None:  # a bare figure after a toll noun states the toll: "casualties topped 1,000 ..."
        toll = _toll(text, fig, mentions, prev_end, arabic)
        if toll is not None:
            return toll
    after = _after(text, head, mentions, next_start, arabic)
    if isinstance(after, Link) and after.mention is not None:
        return _unless_died(after, text, after.mention.end, next_start, arabic)
    if after is not None:
        return after
    return _toll(text, fig, mentions, prev_end, arabic) or _graves(text, fig, head, mentions, arabic)


def _blocker_governs(text: str, fig: Figure, prev_end: int, arabic: bool) -> bool:
    start = max(prev_end, fig.start - 40)
    last = None
    while (b := blocker_in(text, start, fig.start, arabic)) is not None:
        last, start = b, b.end()
    return last is not None and not _COPULA.fullmatch(last.group()) and \
        _GAP[arabic].fullmatch(text, last.end(), fig.start) is not None  # "registered 2,658 bodies" counts them


_DIED = {False: re.compile(r"\b(?:later\s+|subsequently\s+|since\s+)?(?:died|succumbed)\b", re.IGNORECASE),
         True: re.compile(r"(?<!\w)(?:توفوا|توفي|توفيت|فارقوا\s+الحياه|متاثرين\s+بجروحهم|متاثرا\s+بجروحه)(?!\w)")}


def _unless_died(found: Link, text: str, start: int, next_start: int, arabic: bool) -> Link:
    """The wounded the figure counts died later: "Thirty-seven people wounded in the bombing later died"."""
    if found.outcome != "injured":
        return found
    end = min(start + AFTER_WINDOW, next_start, len(text))
    stop = _STOP[arabic].search(text, start, end)
    end = stop.start() if stop else end
    comma = _COMMA.search(text, start, end)  # "أصيب 300 جندي، توفي 40 منهم": the verb has its own figure
    died = _DIED[arabic].search(text, start, comma.start() if comma else end) is not None
    return Link("killed", "died of wounds", found.mention) if died else found


_COMMA = re.compile(r"[,،]")


_VICTIMS_NOUN = re.compile(r"(?:victims|bodies|remains|corpses)[.,'’]?\s*$", re.IGNORECASE)


def _graves(text: str, fig: Figure, head: Head, mentions: list[Mention], arabic: bool) -> Link | None:
    """A count of victims or bodies in a sentence about graves is a count of the dead."""
    if arabic or not _VICTIMS_NOUN.search(text, fig.end, head.end):
        return None
    grave = next((m for m in mentions if m.kind == "grave"), None)
    return Link("killed", "graves", grave) if grave else None


def _active(text: str, m: Mention, next_start: int) -> bool:
    """'... fighters killed 12 civilians': the verb takes the next figure as object (not passive)."""
    if _AUX.search(text, max(0, m.start - 30), m.start):
        return False
    if next_start >= len(text.rstrip()):
        return False  # no figure follows: "UN: 2,521 civilians killed" (a headline has no full stop)
    return m.end <= next_start and _GAP[False].fullmatch(text, m.end, next_start) is not None


def _head(text: str, head: Head, next_start: int, arabic: bool) -> Link | None:
    m = head.outcome
    if m is None or m.kind in ("lost", "grave") or (m.kind == "verb" and not arabic and _active(text, m, next_start)):
        return None
    if arabic and m.outcome == "killed":  # "90 ضحية بين قتيل وجريح": victims, the dead and the wounded
        both = _AR_BOTH.match(text, head.end)
        if both is not None:
            return Link("casualties", "head", mention_at(text, both.end(), True) or m)
    return Link(m.outcome, "head", m)


_AR_BOTH = re.compile(r"\s*(?:ما\s+)?(?=بين\s+(?:قتيل|قتلي)\s*و\s*(?:جريح|جرحي|مصاب))")
# "Civilians killed: 1,212 | Civilians injured: 2,843": a label, its outcome, a colon, the figure
_LABEL = re.compile(r"(?:^|[|;•\n]\s*)[A-Za-z][A-Za-z -]{0,30}?\s*$")


def _label(text: str, fig: Figure, mentions: list[Mention], arabic: bool) -> Link | None:
    if arabic:
        return None
    before = [m for m in mentions if m.end <= fig.start]
    m = before[-1] if before else None
    if m is not None and _COLON.fullmatch(text, m.end, fig.start) and _LABEL.search(text, 0, m.start):
        return Link(m.outcome, "label", m)
    return None


_COLON = re.compile(r"\s*:\s*")


def _before(text: str, fig: Figure, head: Head, mentions: list[Mention], prev_end: int,
            arabic: bool) -> Link | None:
    kinds = ("verb", "vn") if arabic else ("verb", "lost") if head.victims else ("verb",)
    for m in reversed(mentions):
        if m.end > fig.start:
            continue
        if m.start < prev_end:
            break
        if m.kind in kinds and (_GAP[arabic].fullmatch(text, m.end, fig.start) or
                                (not arabic and _COMPANION.fullmatch(text, m.end, fig.start))):
            return Link(m.outcome, "before", m)
        if arabic and (m.kind == "verb" or _AR_BARE_VERB.fullmatch(text, m.start, m.end)) and \
                _AR_SUBJECT_GAP.fullmatch(text, m.end, fig.start):
            return Link(m.outcome, "before", m)  # VSO: "أعدم تنظيم داعش 40 مدنيا", "قتل مسلحو داعش 84 مدنيا"
        if arabic and _AR_ACTIVE_PLURAL.fullmatch(text, m.start, m.end) and _GAP[True].fullmatch(text, m.end, fig.start):
            return Link(m.outcome, "before", m)  # "مسلحو داعش قتلوا 84 مدنيا": with an object, "they killed"
        break
    return None


def _after(text: str, head: Head, mentions: list[Mention], next_start: int, arabic: bool) -> Link | str | None:
    end = min(head.end + AFTER_WINDOW, next_start, len(text))
    stop = _STOP[arabic].search(text, head.end, end)
    end = stop.start() if stop else end
    blocker = blocker_in(text, head.end, end, arabic)
    for m in mentions:
        if m.start < head.end or m.start >= end:
            continue
        if blocker and blocker.start() < m.start:
            if _COPULA.fullmatch(blocker.group()) and _COPULA_GAP.fullmatch(text, blocker.end(), m.start) \
                    and m.kind == "intrans":
                blocker = None  # "3,000 civilians remain unaccounted for"
            elif _modifier_blocker(text, head, blocker, m, arabic):
                blocker = None
            else:
                return BLOCKED
        if m.kind == "grave" or (m.kind == "noun" and not (arabic and not text[head.end:m.start].strip())):
            continue
        if m.kind in ("vn", "lost") or (m.kind == "verb" and _active(text, m, next_start)):
            return None
        return Link(m.outcome, "after", m)
    return BLOCKED if blocker else None


def _modifier_blocker(text: str, head: Head, blocker: re.Match[str], m: Mention, arabic: bool) -> bool:
    """True when `blocker` sits in a relative/participial clause on the head and `m` is the main verb."""
    lead = text[head.end:blocker.start()]
    if not arabic:
        lead = _AND_NOUN_LEAD.sub("", lead, count=1)  # "2,500 women [and children] abducted by IS ..."
    word = blocker.group().lower()
    participle = not arabic and not lead.strip() and (
        word.endswith("ing") or (word.endswith("ed") and _BY.match(text, blocker.end()) is not None))
    if not participle and not _REL_CLAUSE[arabic].fullmatch(lead):
        return False
    if "," in text[blocker.end():m.start] or "،" in text[blocker.end():m.start]:
        return False
    if arabic:
        return m.kind == "intrans"
    return _MAIN_AUX.search(text, max(0, m.start - 25), m.start) is not None


def _toll(text: str, fig: Figure, mentions: list[Mention], prev_end: int, arabic: bool) -> Link | None:
    for m in reversed(mentions):
        if m.end > fig.start:
            continue
        if m.kind == "grave":
            continue
        if m.start < prev_end or fig.start - m.end > TOLL_WINDOW or m.kind == "lost":
            return None
        gap_ok = _TOLL_END[arabic].search(text[m.end:fig.start]) or _TOLL_START[arabic].match(text, fig.start) \
            or (arabic and _AR_COUNT.search(text, max(0, m.start - 8), m.start))
        if not gap_ok or _TOLL_PUNCT.search(text, m.end, fig.start) or blocker_in(text, m.end, fig.start, arabic):
            return None
        return Link(m.outcome, "toll", m)
    return None
