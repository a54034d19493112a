"""extract(): text in, casualty estimates out. Reads top to bottom:

prefilter -> sentences -> figures -> heads -> outcome links -> inheritance -> victims, claimant, place
-> elliptical figures ("307 civilians killed and 273 wounded") -> article-level place fallback -> one
estimate per identity (a bare restatement of a figure the story gives with its victims is dropped).
A pronoun claimant ("He said"), and a sentence naming no source at all, take the source named within the
LOOK_BACK sentences before; a quotation left open takes the speaker named in the next sentence.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

from . import attribution, figures, heads, linking, outcomes, places, sentences
from . import lexicon as en
from . import lexicon_ar as ar
from .figures import Figure
from .heads import Head
from .identity import identity_key, victims_group
from .linking import Link
from .model import Estimate
from .patterns import AR_LEFT, AR_PREFIX, AR_RIGHT, Folded, alternation
from .text import RuleText, detect_lang, has_arabic, norm_ar

# Cheap gates: an article (and then a sentence) needs an outcome stem and something number-like.
_OUTCOME_GATE = Folded(
    r"kill|dead|death|died|bod(?:y|ies)|wound|injur|casualt|missing|perish|execut|fatalit|lives|slain|massacr|"
    r"toll|murder|slaughter|hurt|maim|corpse|\blos[tie]|unaccounted|disappeared|behead|martyr|"
    r"lynched|gunned|drown|starv|froze|buried|vanished|grave")
_OUTCOME_GATE_AR = re.compile(alternation([w for p, _, _ in ar.OUTCOME_PHRASES for w in p.split("|")], arabic=True))
# an Arabic dual is a number too ("قتل جنديان"), spelled with or without hamza on the raw text
_DUAL_GATE = alternation([*ar.DUALS_BROKEN, *ar.DUALS_SOUND, *map(norm_ar, ar.DUALS_BROKEN)]) + r"(?:ان|ين)(?!\w)"
_NUMBER_GATE = re.compile(
    r"\d|" + _DUAL_GATE + r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen)\b|لف|لاف|مئ|مائ|ثلاث|ربع|خمس|ست|سبع|"
    r"ثمان|تسع|عشر|واحد|اثن|مليون|ملاي", re.IGNORECASE)

_INCLUDING = {
    False: re.compile(r"\s*,?\s*(?:\(\s*)?(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|most\s+of\s+them|"
                      r"mostly|and|as\s+well\s+as|plus|along\s+with|together\s+with|(?:were|are|was)\s+among"
                      r"(?:\s+the)?|among(?:\s+the)?|,)?\s*(?:(?:her|his|their)\s+)?", re.IGNORECASE),  # "a woman and her two children"
    # a qualifier may follow the head first: "1130 مدنيا على الأقل، بينهم 270 طفلا"
    # "28 عنصرا من التنظيم و9 من مقاتلي قسد": the first group's name may sit between
    True: re.compile(r"(?:\s*(?:علي\s+الاقل|تقريبا))?(?:\s+من\s+(?:[^\s\d،,.]+\s+){0,2}?[^\s\d،,.]+(?=\s*[،,]?\s*و))?"
                     r"\s*[،,]?\s*(?:بينهم|بينهن|من\s+بينهم|منهم|و|مقابل|اضافه\s+الي|فضلا\s+عن|،)?\s*"),
}
_YEAR_WORD = re.compile(rf"\b{alternation(en.YEAR_PREPOSITIONS)}\s*$", re.IGNORECASE)
_AMONG = re.compile(r"\bamong\s+(?:the\s+)?(?:\w+\s+)?(civilians|children|women|troops|soldiers|fighters|"
                    r"militants|residents|people)\b|\b(civilian)\b", re.IGNORECASE)
# "حصيلة الضحايا المدنيين ... 1800 قتيل": the victims sit next to the toll noun, not the figure.
_AR_TOLL_VICTIMS = re.compile(  # a lookahead, so that overlapping pairs are all seen
    rf"(?=(?:ضحايا|قتلي|جرحي|مصابين|مفقودين|حصيله|صفوف)\s+(?:من\s+)?{AR_PREFIX}"
    rf"({alternation([w for c in ar.VICTIM_NOUNS.values() for w in c], arabic=True)}){AR_RIGHT}())")
_EN_VICTIM_WORD = re.compile(
    rf"\b({alternation([w for c in en.VICTIM_NOUNS.values() for w in c if w not in ('others', 'members')])}"
    r"|civilian)\b", re.IGNORECASE)
_AR_VICTIM_WORD = re.compile(
    rf"{AR_LEFT}{AR_PREFIX}({alternation([w for c in ar.VICTIM_NOUNS.values() for w in c], arabic=True)}){AR_RIGHT}")


# Elliptical second figure: "had been killed and 273", " وإصابة 45", " قتلوا وأصيب 30".
_ELLIPSIS_GAP = {
    False: re.compile(r"(?:[^,.;:()\d]|\b(?:19|20)\d\d\b){0,40}?,?\s*\b(?:and|while|with)\s+(?:[a-z]+\s+)?",
                      re.IGNORECASE),
    True: re.compile(r"(?:\s+[^\s\d،,.؛:]+){0,2}\s+و[^\s\d،,.؛:]*\s*"),
}
_OTHERS = {False: re.compile(r"\s*(?:others|more)\.?", re.IGNORECASE), True: re.compile(r"\s*(?:اخرين|اخرون)")}
# "put the number of civilians killed at 40,000": the victims sit between the count noun and the verb.
_EN_NUMBER_OF = re.compile(
    rf"\b(?:number|numbers|toll|count|tally|total)\s+(?:of|among)\s+(?:the\s+)?(?:[\w-]+\s+)?"
    rf"({alternation([w for c in en.VICTIM_NOUNS.values() for w in c if w not in ('others', 'members')])})"
    r"\s+(?:who\s+(?:were|had\s+been|have\s+been)\s+)?$", re.IGNORECASE)

# A partitive relative figure counts part of the figure before it: "300 soldiers were wounded, 40 of whom
# died", "1,200 children were injured; 35 of them have since died", "أصيب 300 جندي توفي 40 منهم".
_OF_WHOM = {False: re.compile(r"\s+of\s+(?:whom|them)\b", re.IGNORECASE),
            True: re.compile(r"\s*(?:منهم|منهن|من\s+بينهم)(?!\w)")}
_AR_RANK_GROUPS = (
    rf"(?:{AR_PREFIX}(?P<v>{alternation([w for c in ar.VICTIM_NOUNS.values() for w in c], arabic=True)})|"
    rf"(?P<s>(?:ال)?{alternation(ar.SECURITY_CONTEXT, arabic=True)})|"
    rf"(?P<c>{alternation(ar.COMBATANT_GROUPS, arabic=True)})){AR_RIGHT}")
# The group after the outcome: "800 dead among civilians", "45 casualties among the security forces",
# "800 قتيل وجريح في صفوف المدنيين", "30 قتيلا في صفوف القوات الأمنية", "40 في صفوف مسلحي داعش".
_RANKS = {
    False: re.compile(
        r"\s*,?\s*\bamong\s+(?:the\s+)?(?:[\w-]+\s+)?"
        rf"(?P<v>{alternation([w for c in en.VICTIM_NOUNS.values() for w in c if w not in ('others', 'members')])}"
        r"|civilian)\b", re.IGNORECASE),
    True: re.compile(rf"\s*(?:في\s+صفوف|بين|من\s+بين|من)\s+{_AR_RANK_GROUPS}"),
}


# A revision of the figure before: "..., was later revised by the Pentagon to 105", "خفضت ... إلى 31".
_REVISED = {
    False: re.compile(r"\b(?:revised|raised|lowered|cut|reduced|updated|increased|corrected|adjusted|"
                      r"downgraded|upgraded)\b[^.;:]{0,40}?\bto\s*$|"
                      # a second source's figure for the same count: "though the coalition put the number at three"
                      r"\bput\s+(?:the|its|their|that)\s+(?:number|figure|toll|count|total|tally)\s+at\s*$|"
                      # the same count elsewhere or before: "compared with about 90 in Raqqa"
                      r"\b(?:compared\s+(?:with|to)|against|versus|vs\.?)\s*$", re.IGNORECASE),
    True: re.compile(r"(?<!\w)(?:خفض|خفضت|رفع|رفعت|عدل|عدلت|حدث|حدثت)(?!\w)[^.؛:]{0,40}?(?<!\w)الي\s*$|"
                     r"(?<!\w)(?:مقارنه|قياسا)\s*$|"  # "مقارنة بنحو 1,400 في الرقة"
                     # a second source's figure: "تقدر منظمات مستقلة أن العدد الحقيقي يفوق عشرة آلاف"
                     r"(?<!\w)(?:العدد|الرقم|الحصيله)(?:\s+(?:الحقيقي|الفعلي))?\s*(?:هو\s*|بلغ\s*|يبلغ\s*)?$"),
}

# ... and before a toll's figure: "عدد القتلى في صفوف القوات العراقية ... إلى نحو 1,200 قتيل"
_AR_RANKS_BEFORE = re.compile(rf"صفوف\s+{_AR_RANK_GROUPS}")


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
    if not _has_outcome(text) or not _NUMBER_GATE.search(text):
        return []
    art_lang = lang or detect_lang(text)
    watched = places_regex(places)
    found: list[Estimate] = []
    named = cache(lambda span: _named_in(text, span))
    for start, end, prev, nxt in _candidate_sentences(text):
        # once per sentence, however many of its figures ask; each sentence's claimant read once
        previous = cache(lambda p=prev: _named_back(text, named, p))  # type: ignore[misc]
        following = cache(lambda n=nxt: named(n))  # type: ignore[misc]
        found.extend(_read_sentence(text[start:end], art_lang, watched, previous, following))
    if any(e.place is None for e in found):
        fallback = _article_place(text, watched)
        found = [e if e.place or not fallback else replace(e, place=fallback) for e in found]
    return _unique(found, _headline(text))


def _has_outcome(text: str) -> bool:
    """An outcome stem anywhere (Arabic checked on the normalised spelling: short vowels hide stems)."""
    if has_arabic(text) and _OUTCOME_GATE_AR.search(norm_ar(text)):
        return True
    return _OUTCOME_GATE.search(text) is not None


Span = tuple[int, int]


def _candidate_sentences(text: str) -> Iterator[tuple[int, int, list[Span], Span]]:
    """Sentences holding an outcome stem and something number-like, each with the spans of up to
    LOOK_BACK sentences before it (nearest first) and of the sentence after it. The outcome stems are found
    once for the whole text; only sentences containing one pay for the number test."""
    spans = list(sentences.split(text))
    around = [(spans[max(0, i - LOOK_BACK):i][::-1], (spans[i + 1] if i + 1 < len(spans) else (0, 0)))
              for i in range(len(spans))]
    if has_arabic(text):  # normalising may shift offsets: test sentence by sentence
        for (start, end), (prev, nxt) in zip(spans, around):
            if _has_outcome(text[start:end]) and _NUMBER_GATE.search(text, start, end):
                yield start, end, prev, nxt
        return
    low = text.lower()
    hits = [m.start() for m in _OUTCOME_GATE.finditer(text, low)]
    if not hits:
        return
    for (start, end), (prev, nxt) in zip(spans, around):
        i = bisect_left(hits, start)
        if i < len(hits) and hits[i] < end and _NUMBER_GATE.search(text, start, end):
            yield start, end, prev, nxt


LOOK_BACK = 3


def _named_back(text: str, named: Callable[[Span], str | None], spans: list[Span]) -> str | None:
    """Who the sentences before speak for: "He said ...", or a sentence naming no source at all in a run
    of reporting ("Human Rights Watch documented: ... . An air strike killed 22 civilians."). The nearest
    named claimant within LOOK_BACK sentences; for the sentence just before, its opening name will do
    ("Dr. Hassan al-Tai has run the morgue since 2017. He said ...")."""
    fallback = None
    for i, span in enumerate(spans):
        name = named(span) or (_opening_name(text, span) if i == 0 else None)
        if name and not attribution.anaphoric(name):
            return name
        fallback = fallback or name  # "The rights group said ... . In one strike, it said, ...": who the
        # group is may be named a sentence further back
    return fallback


_OPENING_NAME = re.compile(r"\s*((?:(?:Dr|Mr|Mrs|Ms|Gen|Lt|Col|Maj|Capt|Brig|Sgt|Prof)\.\s+)*"
                           r"[A-Z][\w'’-]+(?:\s+(?:al-|bin\s+|abu\s+)?[A-Z][\w'’-]+){1,3})\s+"
                           r"(?:has|had|is|was|runs|ran|heads|headed|leads|led|directs|directed|works|worked|"
                           r"interviewed|visited|published|issued|released|conducted|investigated|examined)\b|"
                           # "The coalition has conducted more than 14,000 strikes. ... it assessed that ..."
                           r"\s*(The\s+(?:US-led\s+)?coalition|The\s+Pentagon|The\s+government)\s+(?:has\s+|had\s+)?"
                           r"[a-z]+(?:ed|s)\b")


def _opening_name(text: str, span: Span) -> str | None:
    m = _OPENING_NAME.match(text, span[0], span[1])
    return (m.group(1) or m.group(2)) if m else None


def _named_in(text: str, span: tuple[int, int]) -> str | None:
    """The named claimant of the sentence at `span` (what "He said" in the next sentence refers to)."""
    if span[1] <= span[0]:
        return None
    rt = RuleText.of(text[span[0]:span[1]])
    spans = [(m.start, m.end) for m in outcomes.find(rt.text, rt.arabic)]
    return attribution.named(attribution.find(rt, rt.arabic, spans))


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
    kept = [e for e in best.values() if victims_group(e.victims) != "unknown" or _unknown_key(e) not in specific]
    # "مقتل ثلاثة جنود بهجوم لداعش جنوب الموصل" over a body placing the attack more exactly: a bare headline
    # figure the body states with a source is the same estimate, whatever place each names
    attributed = {_placeless_key(e) for e in kept if e.claimant is not None}
    return [e for e in kept if not (headline and e.quote == headline and e.claimant is None
                                    and _placeless_key(e) in attributed)]


def _placeless_key(e: Estimate) -> str:
    return identity_key(replace(e, place=None))


def _unknown_key(e: Estimate) -> str:
    return identity_key(replace(e, victims="people"))


SHORT_STORY = 3000  # characters: a story naming no town may have its district as its place ("Sadr City")


def _article_place(text: str, watched: Folded | None) -> str | None:
    rt = RuleText.of(text)
    town = places.most_mentioned(places.find(rt, watched, min_rank=0, max_rank=2))
    if town is not None or len(text) > SHORT_STORY:
        return town
    return places.most_mentioned(places.find(rt, watched, min_rank=3, max_rank=4))


def _read_sentence(raw: str, lang: str, watched: Folded | None,
                   previous: Callable[[], str | None] = lambda: None,
                   following: Callable[[], str | None] = lambda: None) -> list[Estimate]:
    rt = RuleText.of(raw)
    figs = figures.find(rt.text, rt.arabic)
    if not figs:
        return []
    mentions = outcomes.find(rt.text, rt.arabic)
    if not mentions:
        return []
    reads = list(_link_all(rt, figs, mentions))
    if not reads:
        return []
    spans = [(m.start, m.end) for m in mentions]
    attributions = attribution.find(rt, rt.arabic, spans)
    sentence_places = places.find(rt, watched)
    if not attributions and _opens_quote(rt.text):
        # "'More than a thousand people have died here. I dug the graves,' said a gravedigger": the quote
        # goes on into the next sentence, which names the speaker
        attributions = [attribution.Attribution(len(rt.text), following())]
    elif not attributions:  # no source named here: the run of reporting goes on (see _named_back)
        attributions = [attribution.Attribution(0, None, True, pronoun=True)]
    found = [_estimate(rt, r, attributions, sentence_places, lang, previous) for r in reads]
    return _elliptic(rt, reads, found)


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
    text, arabic = rt.text, rt.arabic
    for i in range(1, len(reads)):
        prev, cur, r = found[i - 1], found[i], reads[i]
        if prev.victims == "people" or cur.victims != "people":
            continue
        others = _OTHERS[arabic].fullmatch(text, r.fig.end, r.head.end) is not None
        if r.head.victims is not None and not others:
            continue
        # "45 policemen were wounded, while 9 others were killed": "others" are more of the same group.
        if others and i > 1 and found[i - 2].victims != prev.victims and found[i - 2].outcome == prev.outcome:
            continue  # "14 civilians and two soldiers ..., while 22 others were wounded": a mixed group
        gap = (reads[i - 1].head.end, r.fig.start)
        if others or _ELLIPSIS_GAP[arabic].fullmatch(text, *gap) or _REVISED[arabic].search(text, *gap):
            found[i] = replace(cur, victims=prev.victims, claimant=cur.claimant or prev.claimant)
    return found


def _head_of(text: str, fig: Figure, arabic: bool) -> heads.Head:
    """The noun phrase after the figure; an Arabic dual is its own noun ("جنديان": soldiers)."""
    head = heads.read(text, fig.end, arabic)
    if fig.noun is not None and head.victims is None:
        head = replace(head, victims=_victim_class(fig.noun, arabic))
    return head


def _link_all(rt: RuleText, figs: list[Figure], mentions: list[outcomes.Mention]) -> Iterator[_Read]:
    text, arabic = rt.text, rt.arabic
    hs = [_head_of(text, f, arabic) for f in figs]
    kept = [i for i, (f, h) in enumerate(zip(figs, hs)) if _countable(text, f, h)]
    figs, hs = [figs[i] for i in kept], [hs[i] for i in kept]
    links: list[Link | str | None] = []
    for i, (f, h) in enumerate(zip(figs, hs)):
        prev_end = hs[i - 1].end if i else 0
        next_start = figs[i + 1].start if i + 1 < len(figs) else len(text)
        links.append(linking.link(text, f, h, mentions, prev_end, next_start, arabic))
    _inherit(text, figs, hs, links, arabic)
    groups: list[str | None] = []
    for i, (f, h, lk) in enumerate(zip(figs, hs, links)):
        # the antecedent is the figure before; "64 hurt, 7 of them critically, 5 of whom died": through a
        # partitive before it to its own antecedent
        of_whom = i > 0 and h.victims is None and _OF_WHOM[arabic].match(text, f.end) is not None
        groups.append((hs[i - 1].victims or groups[i - 1]) if of_whom else None)
        if isinstance(lk, Link):
            yield _Read(f, h, lk, groups[i])


def _countable(text: str, f: Figure, h: Head) -> bool:
    """Rules that veto a figure whatever its outcome: counted things, bare years, a lone 'one'."""
    if h.blocked:
        return False
    named = h.victims is not None or h.outcome is not None
    if f.small_word and not named:
        return False
    if f.yearish and (h.victims is None or _YEAR_WORD.search(text, max(0, f.start - 15), f.start)):
        return False
    return True


def _inherit(text: str, figs: list[Figure], hs: list[Head], links: list, arabic: bool) -> None:
    """Subsets and lists take a neighbour's outcome: 'killed 27 people, including 11 children',
    '10 soldiers and 5 civilians were killed'; a revision takes the figure it revises: 'the toll, first put
    at more than 200, was later revised to 105'."""
    for _ in range(2):
        for i in range(len(figs)):
            if links[i] is not None or hs[i].blocked:
                continue
            before = links[i - 1] if i > 0 and isinstance(links[i - 1], Link) else None
            after = links[i + 1] if i + 1 < len(figs) and isinstance(links[i + 1], Link) else None
            if before and _INCLUDING[arabic].fullmatch(text, hs[i - 1].end, figs[i].start):
                links[i] = Link(before.outcome, "inherit", None)
            elif after and hs[i].victims is not None and \
                    _INCLUDING[arabic].fullmatch(text, hs[i].end, figs[i + 1].start):
                links[i] = Link(after.outcome, "inherit", None)
            elif before and (_OTHERS[arabic].fullmatch(text, figs[i].end, hs[i].end) or  # "... and 9 others ..."
                             _REVISED[arabic].search(text, max(hs[i - 1].end, figs[i].start - 60), figs[i].start)):
                links[i] = Link(before.outcome, "inherit", None)


def _victims(text: str, r: _Read, arabic: bool) -> str:
    if r.head.victims and r.head.victims != "people":
        return r.head.victims
    side = _losing_side_ar(text, r.fig.start) if arabic else _losing_side(text, r.fig.start)
    if side:
        return side  # "Iraqi security forces lost around 1,200 killed", "The army's 15th Division lost 37 men"
    if r.head.victims and r.link.rule != "toll":
        return r.head.victims
    # a toll may name its victims better than the figure's noun: "عدد القتلى المدنيين ... بلغ 1,260 شخصا"
    if r.group:
        return r.group
    ranks = _RANKS[arabic].match(text, r.head.end)
    if ranks:
        return _ranks_class(ranks, arabic)
    m = r.link.mention
    if r.link.rule in ("before", "toll") and m is not None and not arabic:
        hit = _EN_NUMBER_OF.search(text, max(0, m.start - 70), m.start)
        if hit:
            return _victim_class(hit.group(1), arabic)
    if r.link.rule in ("toll", "label") and m is not None:  # label: "Civilians killed: 1,212"
        regex = _AR_VICTIM_WORD if arabic else _EN_VICTIM_WORD
        hits = list(regex.finditer(text, max(0, m.start - 30), r.fig.start))
        if hits:
            return _victim_class(hits[-1].group(1), arabic)
    if r.link.rule in ("head", "toll") and arabic:
        ranks = list(_AR_RANKS_BEFORE.finditer(text, max(0, r.fig.start - 80), r.fig.start))
        if ranks and (ranks[-1].group("s") or ranks[-1].group("c")):
            return _ranks_class(ranks[-1], arabic)  # "عدد القتلى في صفوف القوات العراقية ... 1,200 قتيل"
    if r.link.rule == "head" and not arabic:
        owner = _EN_TOLL_OWNER.search(text, max(0, r.fig.start - 90), r.fig.start)
        if owner and _victim_class(owner.group(1), arabic) != "people":
            return _victim_class(owner.group(1), arabic)  # "Peshmerga casualties ... stood at 22 dead"
    if r.link.rule == "head":
        regex = _AR_TOLL_VICTIMS if arabic else _AMONG
        classes = [_victim_class(h.group(1) or h.group(2), arabic)
                   for h in regex.finditer(text, max(0, r.fig.start - 80), r.fig.start)]
        named = [c for c in classes if c != "people"]
        return named[-1] if named else "people"
    return "people"


# "X lost 37 men", "X suffered 1,200 killed": X is the side the dead belonged to.
_LOST_SUBJECT = re.compile(r"(?P<np>(?:[\w'’.-]+\s+){1,6}?)(?:have\s+|has\s+|had\s+)?(?:lost|suffered)\s+$",
                           re.IGNORECASE)
_UNIT_WORDS = frozenset({"division", "brigade", "battalion", "regiment", "corps", "unit", "units", "service",
                         "army's", "army’s", "division's"})


_LOST_NEAR = {False: re.compile(r"(?:lost|suffered)\s+$", re.IGNORECASE),
              True: re.compile(r"(?<!\w)(?:فقد|فقدت|خسر|خسرت)\s*$")}


def _losing_side(text: str, fig_start: int) -> str | None:
    if not _LOST_NEAR[False].search(text, max(0, fig_start - 12), fig_start):
        return None  # the subject search below is dear; most figures follow no "lost"
    m = _LOST_SUBJECT.search(text, max(0, fig_start - 80), fig_start)
    if m is None:
        return None
    classes = [heads.EN_VICTIMS.get(w) or heads.modifier_class(w) or ("security forces" if w in _UNIT_WORDS else None)
               for w in m.group("np").lower().split()]
    named = [c for c in classes if c in ("security forces", "combatants")]
    return named[-1] if named else None


_AR_LOST_SUBJECT = re.compile(
    rf"(?:(?P<s>(?:ال)?{alternation(ar.SECURITY_CONTEXT, arabic=True)})|(?P<c>{alternation(ar.COMBATANT_GROUPS, arabic=True)}))"
    r"(?:\s+[^\s\d،,.؛:]+){0,2}\s+(?:فقد|فقدت|خسر|خسرت)\s*$")


def _losing_side_ar(text: str, fig_start: int) -> str | None:
    """"الشرطة الاتحادية فقدت 37 قتيلا": the side that lost them."""
    if not _LOST_NEAR[True].search(text, max(0, fig_start - 8), fig_start):
        return None
    m = _AR_LOST_SUBJECT.search(text, max(0, fig_start - 80), fig_start)
    return None if m is None else "security forces" if m.group("s") else "combatants"


# "64 من مقاتليها", "7 من عناصرها", "45 من مقاتليه": members of the claimant's own side.
_AR_OWN_MEMBERS = re.compile(r"\s*(?:من\s+)?(?:مقاتلي|عناصر|منتسبي|افراد|جنود|اعضاء)(?:ها|ه|هم|نا)(?!\w)")
_AR_SIDE = re.compile(rf"(?:(?P<s>{alternation(ar.SECURITY_CONTEXT + ['البيشمركه', 'الحشد', 'وزاره الدفاع'], arabic=True)})|"
                      rf"(?P<c>{alternation(ar.COMBATANT_GROUPS, arabic=True)}))")


def _ar_side_of(claimant: str) -> str | None:
    m = _AR_SIDE.search(norm_ar(claimant))
    return None if m is None else "security forces" if m.group("s") else "combatants"


# "Peshmerga casualties in the Bashiqa operation stood at 22 dead and 87 wounded": whose toll it is
_EN_TOLL_OWNER = re.compile(r"\b([A-Za-z-]+)\s+(?:casualties|losses|death\s+toll|toll|deaths)\b[^.;:]{0,60}?\b"
                            r"(?:stood\s+at|reached|rose\s+to|climbed\s+to|totall?ed|were|was|at)\s+$", re.IGNORECASE)


def _not_in(found: list[places.Place], claimant: str | None) -> list[places.Place]:
    """"a medical source in Kirkuk said 23 soldiers were killed": where the source sits is not where the
    figure happened; without another place in the sentence the article's place applies."""
    return [p for p in found if not (claimant and p.name in claimant)] if claimant else found


def _ranks_class(m: re.Match[str], arabic: bool) -> str:
    named = m.groupdict()
    if named.get("v"):
        return _victim_class(named["v"], arabic)
    return "security forces" if named.get("s") else "combatants"


def _victim_class(word: str, arabic: bool) -> str:
    word = word.lower()
    if arabic:
        key = heads.ar_lookup(word, heads.AR_VICTIMS)
        return heads.AR_VICTIMS[key] if key else "people"
    return "civilians" if word == "civilian" else heads.EN_VICTIMS.get(word, "people")


def _estimate(rt: RuleText, r: _Read, attributions: list[attribution.Attribution],
              sentence_places: list[places.Place], lang: str,
              previous: Callable[[], str | None] = lambda: None) -> Estimate:
    f = r.fig
    a = attribution.chosen(attributions, f.start, r.head.end)
    claimant = a.claimant if a else None
    if a is not None and a.pronoun:  # "قالت البعثة في تقرير إنها وثقت ...": the speaker before, else before that
        claimant = attribution.named_before(attributions, a.pos) or previous()
    elif a is not None and attribution.anaphoric(claimant):
        claimant = attribution.named_before(attributions, a.pos) or previous() or claimant
    victims = _victims(rt.text, r, rt.arabic)
    if victims == "people" and claimant and rt.arabic and _AR_OWN_MEMBERS.match(rt.text, f.end):
        victims = _ar_side_of(claimant) or victims  # "قالت وزارة شؤون البيشمركة إن 64 من مقاتليها قتلوا"
    return Estimate(
        low=f.low, high=f.high, qualifier=f.qualifier, outcome=r.link.outcome,
        victims=victims,
        place=_one_line(places.choose(_not_in(sentence_places, claimant), f.start)),
        claimant=_one_line(claimant),
        quote=_one_line(rt.original) or "", lang=lang,
    )
