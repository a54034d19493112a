"""Which outcome a figure reports: the rules that tie a figure to an outcome word.

Tried in order, first hit wins (each rule is one short function):
1. head    - the noun after the figure is the outcome: "326 civilian deaths", "20,000 dead", "120 قتيلا".
2. before  - an outcome verb governs the figure: "killed 27 people", "مقتل 3 آلاف", "أصيب ٢٥٠".
3. after   - the figure's noun is the subject of an outcome predicate: "231 civilians had been shot dead",
             "1,500 civilians wounded by sniper fire"; a blocker first ("were displaced") rejects.
4. toll    - a toll noun earlier states its value: "the death toll rose to 240", "put the number of
             missing residents at over 2,000", "ارتفعت حصيلة القتلى إلى 120".
(then graves, and part_of: a part of the dead is dead, "Nineveh accounted for 604 of the dead".)
(before all: a verb that takes people away, "abducted 9 men", "خطفوا 9 رجال", blocks the figure it governs;
 with rule 2, a table label: "Civilians killed: 1,212"; after 1-3, wounded who "later died" are killed.)
"lost" (kind "lost") reaches a figure only by rule 2 and only when the figure counts people: "have lost
nearly 1,000 soldiers", "the family lost 11 relatives" -> killed; "lost 5,000 homes", "lost 30 percent",
"lost 12 seats" -> nothing.
(5. inherit - lists and subsets take their neighbour's outcome; see reader.py.)
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .figures import Figure
from .heads import Head
from .language import Language
from .outcomes import Mention, blocker_in, mention_at

BLOCKED = "blocked"
AFTER_WINDOW = 90
TOLL_WINDOW = 110
_TOLL_PUNCT = re.compile(r"[.;!?؛]")


@dataclass(frozen=True, slots=True)
class Link:
    outcome: str
    rule: str
    mention: Mention | None  # the outcome word used (None for inherited links)


def link(text: str, fig: Figure, head: Head, mentions: list[Mention], prev_end: int, next_start: int,
         lang: Language) -> Link | str | None:
    """The outcome of `fig`, BLOCKED when a blocker rules it out, None when nothing ties it."""
    if _blocker_governs(text, fig, prev_end, lang):
        return BLOCKED  # "خطفوا 9 رجال وقتلوا 4 آخرين", "abducted 9 men and killed 4": the 9 were taken
    found = _head(text, head, next_start, lang) or _before(text, fig, head, mentions, prev_end, lang) or \
        _label(text, fig, mentions, lang) or _of_the(text, fig, mentions, lang)
    if found:
        return _unless_died(found, text, head.end, next_start, lang)
    if head.victims is None:  # a bare figure after a toll noun states the toll: "casualties topped 1,000 ..."
        toll = _toll(text, fig, mentions, prev_end, lang)
        if toll is not None:
            return toll
    after = _after(text, head, mentions, next_start, lang)
    if isinstance(after, Link) and after.mention is not None:
        return _unless_died(after, text, after.mention.end, next_start, lang)
    if after is not None:
        return after
    return _toll(text, fig, mentions, prev_end, lang) or _graves(text, fig, head, mentions, lang) or \
        _part_of(text, fig, head, lang)


PART_OF_REACH = 15  # characters before a partitive figure looked at for "all but", "sauf"


def _part_of(text: str, fig: Figure, head: Head, lang: Language) -> Link | None:
    """"Nineveh accounted for 604 of the dead", "48 des blessés": a part of the dead is dead, of the wounded
    wounded, when no predicate after it says otherwise ("48 of the wounded later died": rule 3 first); not the
    part left out ("all but three of those killed", PATTERNS `part_of_not`) nor a state of the wounded ("a dozen
    of the wounded were in critical condition", `part_of_state`)."""
    if head.group is None or lang.pattern("part_of_state").match(text, head.end) or \
            lang.pattern("part_of_not").search(text, max(0, fig.start - PART_OF_REACH), fig.start):
        return None
    return Link(head.group.outcome, "part_of", head.group)


def _blocker_governs(text: str, fig: Figure, prev_end: int, lang: Language) -> bool:
    start = max(prev_end, fig.start - 40)
    last = None
    while (b := blocker_in(text, start, fig.start, lang)) is not None:
        last, start = b, b.end()
    return last is not None and not lang.pattern("copula").fullmatch(last.group()) and \
        lang.pattern("gap").fullmatch(text, last.end(), fig.start) is not None  # "registered 2,658 bodies" counts them


def _unless_died(found: Link, text: str, start: int, next_start: int, lang: Language) -> Link:
    """The wounded the figure counts died later: "Thirty-seven people wounded in the bombing later died"."""
    if found.outcome != "injured":
        return found
    end = min(start + AFTER_WINDOW, next_start, len(text))
    stop = lang.pattern("stop").search(text, start, end)
    end = stop.start() if stop else end
    comma = _COMMA.search(text, start, end)  # "أصيب 300 جندي، توفي 40 منهم": the verb has its own figure
    died = lang.pattern("died_later").search(text, start, comma.start() if comma else end) is not None
    return Link("killed", "died of wounds", found.mention) if died else found


_COMMA = re.compile(r"[,،]")


def _graves(text: str, fig: Figure, head: Head, mentions: list[Mention], lang: Language) -> Link | None:
    """A count of victims or bodies in a sentence about graves is a count of the dead."""
    if lang.arabic or not lang.pattern("victims_noun").search(text, fig.end, head.end):
        return None
    grave = next((m for m in mentions if m.kind == "grave"), None)
    return Link("killed", "graves", grave) if grave else None


def _active(text: str, m: Mention, next_start: int, lang: Language) -> bool:
    """'... fighters killed 12 civilians': the verb takes the next figure as object (not passive)."""
    if lang.pattern("aux").search(text, max(0, m.start - 30), m.start):
        return False
    if next_start >= len(text.rstrip()):
        return False  # no figure follows: "UN: 2,521 civilians killed" (a headline has no full stop)
    return m.end <= next_start and lang.pattern("gap").fullmatch(text, m.end, next_start) is not None


def _head(text: str, head: Head, next_start: int, lang: Language) -> Link | None:
    m = head.outcome
    if m is None or m.kind in ("lost", "grave") or (m.kind == "verb" and not lang.arabic and _active(text, m, next_start, lang)):
        return None
    if lang.arabic and m.outcome == "killed":  # "90 ضحية بين قتيل وجريح": victims, the dead and the wounded
        both = lang.pattern("both").match(text, head.end)
        if both is not None:
            return Link("casualties", "head", mention_at(text, both.end(), lang) or m)
    return Link(m.outcome, "head", m)


# "Civilians killed: 1,212 | Civilians injured: 2,843": a label, its outcome, a colon, the figure
_LABEL = re.compile(r"(?:^|[|;•\n]\s*)(?:[^\W\d_](?:[^\W\d_]|[ -]){0,30}?)?\s*$")  # "Deaths: 19" has no label word


def _label(text: str, fig: Figure, mentions: list[Mention], lang: Language) -> Link | None:
    if lang.arabic:
        return None
    i = _ending_by(mentions, fig.start)
    m = mentions[i - 1] if i else None
    if m is not None and _COLON.fullmatch(text, m.end, fig.start) and _LABEL.search(text, 0, m.start):
        return Link(m.outcome, "label", m)
    return None


_COLON = re.compile(r"\s*:\s*")


def _outcome_follows(text: str, pos: int, mentions: list[Mention]) -> bool:
    """An outcome word right after `pos` (only spaces between), not opening a clause of its own with و/ف
    ("فقدت 37 من عناصرها وأصيب 112 آخرون")."""
    i = bisect_left(mentions, pos, key=_start)
    return i < len(mentions) and not text[pos:mentions[i].start].strip() and text[mentions[i].start] not in "وف"


def _of_the(text: str, fig: Figure, mentions: list[Mention], lang: Language) -> Link | None:
    """"Of the dead, 512 were civilians", "Parmi les morts, 512 civils": the group named before the comma is
    the outcome of the figure after it (pattern "of_the_lead", ending where the outcome word starts)."""
    i = _ending_by(mentions, fig.start)
    m = mentions[i - 1] if i else None
    if m is None or not _COMMA.fullmatch(text, m.end, fig.start):
        return None
    lead = lang.pattern("of_the_lead").search(text, max(0, m.start - OF_THE_REACH), m.start)
    return Link(m.outcome, "of_the", m) if lead is not None else None


_COMMA = re.compile(r"\s*[,،]\s*")
OF_THE_REACH = 20  # characters before the outcome word for "of the", "parmi les"


def _start(m: Mention) -> int:
    return m.start


def _end(m: Mention) -> int:
    return m.end


def _ending_by(mentions: list[Mention], pos: int) -> int:
    """How many mentions end at or before `pos` (they are in text order and never overlap): a sentence of a
    hundred figures costs a hundred look-ups, not ten thousand."""
    return bisect_right(mentions, pos, key=_end)


def _before(text: str, fig: Figure, head: Head, mentions: list[Mention], prev_end: int,
            lang: Language) -> Link | None:
    kinds = ("verb", "vn", *(("lost",) if head.victims else ())) if lang.arabic else \
        ("verb", "lost") if head.victims else ("verb",)
    for k in range(_ending_by(mentions, fig.start) - 1, -1, -1):
        m = mentions[k]
        if m.start < prev_end:
            break
        if m.kind == "lost" and _outcome_follows(text, head.end, mentions):
            continue  # "فقدت 1060 جنديا بين قتيل وجريح": the words after say what was lost
        if m.kind in kinds and (lang.pattern("gap").fullmatch(text, m.end, fig.start) or
                                (not lang.arabic and lang.pattern("companion").fullmatch(text, m.end, fig.start))):
            return Link(m.outcome, "before", m)
        if lang.arabic and (m.kind in ("verb", *kinds[2:]) or lang.pattern("bare_verb").fullmatch(text, m.start, m.end)) and \
                lang.pattern("subject_gap").fullmatch(text, m.end, fig.start):
            return Link(m.outcome, "before", m)  # VSO: "أعدم تنظيم داعش 40 مدنيا", "قتل مسلحو داعش 84 مدنيا"
        if lang.arabic and lang.pattern("active_plural").fullmatch(text, m.start, m.end) and lang.pattern("gap").fullmatch(text, m.end, fig.start):
            return Link(m.outcome, "before", m)  # "مسلحو داعش قتلوا 84 مدنيا": with an object, "they killed"
        break
    return None


def _after(text: str, head: Head, mentions: list[Mention], next_start: int, lang: Language) -> Link | str | None:
    end = min(head.end + AFTER_WINDOW, next_start, len(text))
    stop = lang.pattern("stop").search(text, head.end, end)
    end = stop.start() if stop else end
    blocker = blocker_in(text, head.end, end, lang)
    for m in mentions[bisect_left(mentions, head.end, key=_start):]:  # mentions are in text order
        if m.start >= end:
            break
        if blocker and blocker.start() < m.start:
            if lang.pattern("copula").fullmatch(blocker.group()) and lang.pattern("copula_gap").fullmatch(text, blocker.end(), m.start) \
                    and m.kind == "intrans":
                blocker = None  # "3,000 civilians remain unaccounted for"
            elif _modifier_blocker(text, head, blocker, m, lang):
                blocker = None
            else:
                return BLOCKED
        if m.kind == "grave" or (m.kind == "noun" and not (lang.arabic and not text[head.end:m.start].strip())):
            continue
        if m.kind in ("vn", "lost") or (m.kind == "verb" and _active(text, m, next_start, lang)):
            return None
        return Link(m.outcome, "after", m)
    return BLOCKED if blocker else None


def _modifier_blocker(text: str, head: Head, blocker: re.Match[str], m: Mention, lang: Language) -> bool:
    """True when `blocker` sits in a relative/participial clause on the head and `m` is the main verb."""
    lead = text[head.end:blocker.start()]
    if not lang.arabic:
        lead = lang.pattern("and_noun_lead").sub("", lead, count=1)  # "2,500 women [and children] abducted by IS ..."
    word = blocker.group().lower()
    participle = not lang.arabic and not lead.strip() and (
        word.endswith("ing") or (word.endswith("ed") and lang.pattern("by_agent").match(text, blocker.end()) is not None))
    if not participle and not lang.pattern("rel_clause").fullmatch(lead):
        return False
    if "," in text[blocker.end():m.start] or "،" in text[blocker.end():m.start]:
        return False
    if lang.arabic:
        return m.kind == "intrans"
    return lang.pattern("main_aux").search(text, max(0, m.start - 25), m.start) is not None


def _toll(text: str, fig: Figure, mentions: list[Mention], prev_end: int, lang: Language) -> Link | None:
    for k in range(_ending_by(mentions, fig.start) - 1, -1, -1):
        m = mentions[k]
        if m.kind == "grave":
            continue
        if m.start < prev_end or fig.start - m.end > TOLL_WINDOW or m.kind == "lost":
            return None
        gap_ok = lang.pattern("toll_end").search(text[m.end:fig.start]) or lang.pattern("toll_start").match(text, fig.start) \
            or (lang.arabic and lang.pattern("count_noun").search(text, max(0, m.start - 8), m.start))
        if not gap_ok or _TOLL_PUNCT.search(text, m.end, fig.start) or blocker_in(text, m.end, fig.start, lang):
            return None
        return Link(m.outcome, "toll", m)
    return None
