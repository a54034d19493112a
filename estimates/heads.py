"""What a figure counts: the noun phrase right after it.

"27 people", "1,000 Iraqi troops", "326 civilian deaths", "2,117 bodies", "12 homes", "3 آلاف مدني".
The head tells the victims ("children", "security forces"), may itself be the outcome ("deaths",
"wounded", "قتيلا"), or shows that the figure counts something else ("homes", "days", "عائلة").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import lexicon_ar as ar
from .language import ARABIC, Language
from .outcomes import Mention, mention_at
from .patterns import alternation, word_set

_EN_WORD = re.compile(r"\s*(?:-\s*)?(?:['‘’\"“”]\s*)?([^\W\d_][\w'’.-]*)", re.UNICODE)
_AR_WORD = re.compile(r"\s*([^\s،,.؛:]+)")


@cache
def victims_table(lang: Language) -> dict[str, str]:
    """Each victims noun of the language (lower case) and its class."""
    return {w: cls for cls, words in lang.lex.VICTIM_NOUNS.items() for w in word_set(words, arabic=lang.arabic)}


@cache
def _modifiers(lang: Language) -> dict[str, str | None]:
    return {w: cls for cls, words in lang.lex.MODIFIERS.items() for w in word_set(words)}


@cache
def _not_victims(lang: Language) -> frozenset[str]:
    return word_set(lang.lex.NOT_VICTIMS)


AR_VICTIMS = victims_table(ARABIC)
_AR_NOT = word_set(ar.NOT_VICTIMS, arabic=True)
_AR_MEMBERS = word_set(ar.MEMBER_NOUNS, arabic=True)
_AR_PREFIXES = ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل")
MAX_MODIFIERS = 3
_ACRONYM = re.compile(r"[A-Z]{3,6}")  # "SDF", "PKK", "YPG" (not "U.S.", "UN": a body's members are no side)


@dataclass(frozen=True, slots=True)
class Head:
    """`end` is where the noun phrase stops (after-window starts there)."""

    end: int
    victims: str | None = None
    outcome: Mention | None = None
    blocked: bool = False
    group: Mention | None = None  # "604 of the dead": the outcome word naming the whole a partitive counts part of


def read(text: str, pos: int, lang: Language) -> Head:
    """The head of the figure ending at `pos`."""
    return _read_ar(text, pos) if lang.arabic else _read_latin(text, pos, lang)


@cache
def _after_qualifier(lang: Language) -> re.Pattern[str]:
    """A qualifier written after its figure in words ("two or more", "300 or so"): the head comes after it."""
    words = [w for w in lang.words("QUALIFIERS_AFTER") if w[:1].isalpha()]
    signs = [w for w in lang.words("QUALIFIERS_AFTER") if not w[:1].isalpha()]  # "300+ militants killed"
    alternatives = [rf"\s+(?:{'|'.join(re.escape(w) for w in sorted(words, key=len, reverse=True))})\b"] if words else []
    alternatives += [rf"(?:{'|'.join(re.escape(w) for w in sorted(signs, key=len, reverse=True))})(?!\w)"] if signs else []
    return re.compile("|".join(alternatives) or r"(?!)", re.IGNORECASE)


def _read_latin(text: str, pos: int, lang: Language) -> Head:
    after = _after_qualifier(lang).match(text, pos)  # "deaths reported by two or more sources": sources counted
    pos = after.end() if after is not None else pos
    victims, modifiers, not_victims = victims_table(lang), _modifiers(lang), _not_victims(lang)
    units_of_people, relative_group = lang.set_of("UNITS_OF_PEOPLE"), lang.set_of("RELATIVE_GROUP")
    partitive_words = lang.set_of("PARTITIVE")
    flag: str | None = None
    acronym = False  # the word before was an acronym ("SDF")
    partitive = False  # "48 of the wounded later died": 'wounded' names the group, not the outcome
    for _ in range(MAX_MODIFIERS + 1):
        m = _EN_WORD.match(text, pos)
        if m is None:
            break
        word = m.group(1).lower().rstrip(".'’")
        outcome = mention_at(text, m.start(1), lang)
        if outcome is not None and partitive:
            pred = lang.pattern("were_noun").match(text, outcome.end)
            if pred and pred.group(1).lower() in victims:  # "31 of the dead were children"
                return Head(pred.end(), _latin_victims(text, pred.end(), pred.group(1).lower(), lang)[1], outcome)
            if outcome.kind == "noun":  # "280 of those deaths": part of a count of deaths is deaths
                return _outcome_head(text, outcome, flag, lang)
            return Head(outcome.end, flag or "people", group=outcome)
        if outcome is not None:
            return _outcome_head(text, outcome, flag, lang)
        # "48 of the wounded later died": the outcome word names the group; "40 of whom died", "35 of
        # them died": a relative pronoun is the group, and the outcome word after it is the predicate.
        partitive = (partitive or word in partitive_words) and word not in relative_group
        if word in units_of_people and not _next_is_victims(text, m.end(), lang):
            return Head(m.start(1), flag, None, True)  # "one family lost ...": counts families, not people
        pair = _EN_WORD.match(text, m.end())  # a victims noun of two words: "casques bleus", "hommes armés"
        two = f"{word} {pair.group(1).lower().rstrip('.’')}" if pair is not None else ""  # (its full stop aside)
        if pair is not None and two in victims and not _next_is_outcome_noun(text, pair.end(), lang):
            return Head(*_latin_victims(text, pair.end(), two, lang))
        if word in lang.set_of("MEMBER_NOUNS") and acronym and flag is None:
            return Head(m.end(), "combatants")  # "54 SDF members", "12 PKK members": an armed group's, by its acronym
        if word in victims and not (word in modifiers and _next_is_noun(text, m.end(), lang)) \
                and not _next_is_outcome_noun(text, m.end(), lang):
            return Head(*_latin_victims(text, m.end(), word, lang))
        if word in modifiers and word in not_victims and not _next_is_noun(text, m.end(), lang):
            return Head(m.start(1), flag, None, True)  # "430 000 déplacés": the displaced counted, no noun after
        if word in modifiers or (m.group(1)[0].isupper() and word not in not_victims) or word in victims:
            flag = modifiers.get(word) or victims.get(word) or flag
            acronym = _ACRONYM.fullmatch(m.group(1)) is not None
            pos = m.end()
            continue
        if partitive and word.endswith(("'s", "’s")):  # "1,996 of the year's deaths", "of the war's dead"
            pos = m.end()
            continue
        return Head(m.start(1), flag, None, word in not_victims)
    return Head(pos, flag)


def modifier_class(word: str, lang: Language) -> str | None:
    """The victims class a modifier implies ("army" -> security forces, "isis" -> combatants), if any."""
    return _modifiers(lang).get(word)


def _outcome_head(text: str, outcome: Mention, flag: str | None, lang: Language) -> Head:
    """'326 civilian deaths', '1,700 wounded civilians': the victims noun may follow the outcome word."""
    m = _EN_WORD.match(text, outcome.end)
    if m and m.group(1).lower() in victims_table(lang) and outcome.kind != "noun":
        return Head(*_latin_victims(text, m.end(), m.group(1).lower(), lang), outcome)
    return Head(outcome.end, flag, outcome)


def _next_is_noun(text: str, pos: int, lang: Language) -> bool:
    m = _EN_WORD.match(text, pos)
    if m is None:
        return False
    word = m.group(1).lower()
    return word in victims_table(lang) or mention_at(text, m.start(1), lang) is not None


def _next_is_victims(text: str, pos: int, lang: Language) -> bool:
    m = _EN_WORD.match(text, pos)
    return m is not None and m.group(1).lower() in victims_table(lang)


def _next_is_outcome_noun(text: str, pos: int, lang: Language) -> bool:
    """'1,200 child deaths', '40 soldier fatalities': the victims word modifies an outcome noun."""
    m = _EN_WORD.match(text, pos)
    if m is None:
        return False
    outcome = mention_at(text, m.start(1), lang)
    return outcome is not None and outcome.kind == "noun"


_CIVILIAN = frozenset({"civilians", "women", "children"})


def _latin_victims(text: str, end: int, word: str, lang: Language) -> tuple[int, str]:
    """The victims class of the noun `word` ending at `end`, and where its phrase ends."""
    victims = victims_table(lang)
    cls = victims[word]
    if word in lang.set_of("MEMBER_NOUNS"):
        m = lang.pattern("members_of").match(text, end)
        if m:
            return m.end(), "combatants" if m.group("c") else "security forces"
        m = lang.pattern("of_family").match(text, end)
        if m:
            return m.end(), cls
    post = lang.pattern("post_modifiers").match(text, end)  # "policiers fédéraux" (none in English)
    end = post.end() if post else end
    m = lang.pattern("and_noun").match(text, end)
    other = victims.get(m.group(1).lower()) if m else None
    if other is None or other == cls:
        return end, cls
    if cls in _CIVILIAN and other in _CIVILIAN:
        return end, "civilians"  # "women and children", "civilians and children"
    return end, "people"  # "soldiers and civilians": a mixed count


def ar_lookup(word: str, table: dict[str, str] | frozenset[str]) -> str | None:
    if word in table:
        return word
    for p in _AR_PREFIXES:
        if word.startswith(p) and word[len(p):] in table:
            return word[len(p):]
    for suffix in _AR_POSSESSIVES:  # "من عناصرها", "من مقاتليه": members of the body named before
        stem = word[:-len(suffix)]
        if word.endswith(suffix) and len(stem) > 2 and stem in _AR_MEMBERS and stem in table:
            return stem
    return None


_AR_POSSESSIVES = ("ها", "هم", "ه", "نا")


_AR_MEMBER_GAP = re.compile(r"\s+(?:من\s+|في\s+)?")
_AR_SECURITY_AT = re.compile(
    r"(?:ال)?" + alternation(sorted({w[2:] if w.startswith("ال") else w
                                    for w in word_set(ar.SECURITY_CONTEXT, arabic=True)}), arabic=True)
    + r"(?!\w)")


_AR_GROUP_AT = re.compile(r"\s+" + alternation(ar.COMBATANT_GROUPS, arabic=True) + r"(?!\w)")


def _ar_after_member(text: str, pos: int) -> int:
    """Where the body a member noun belongs to starts: "عناصر [من] [ال]شرطة"."""
    m = _AR_MEMBER_GAP.match(text, pos)
    return m.end() if m else pos


def _read_ar(text: str, pos: int) -> Head:
    m = _AR_WORD.match(text, pos)
    if m and m.group(1) == "من":  # partitive: "300 من المدنيين"
        m = _AR_WORD.match(text, m.end())
    if m is None:
        return Head(pos)
    outcome = mention_at(text, m.start(1), ARABIC)
    if outcome is not None and m.group(1).startswith("و") and outcome.kind in ("verb", "vn"):
        return Head(pos)  # "قتل منهم 1,000 وأصيب 4,000": و opens the next clause; its verb is no head
    if outcome is not None:
        victims = _AR_WORD.match(text, outcome.end)  # "2,400 جريح مدني": the victims after the outcome noun
        key = ar_lookup(victims.group(1), AR_VICTIMS) if victims else None
        if key is not None and AR_VICTIMS[key] != "people":
            return Head(victims.end(), AR_VICTIMS[key], outcome)
        return Head(outcome.end, None, outcome)
    key = ar_lookup(m.group(1), AR_VICTIMS)
    if key is not None:
        cls = AR_VICTIMS[key]
        if key in _AR_MEMBERS and _AR_SECURITY_AT.match(text, _ar_after_member(text, m.end())):
            cls = "security forces"  # "عنصرا من الشرطة", "أفراد القوات الأمنية", "منتسبي الحشد"
        group = _AR_GROUP_AT.match(text, m.end()) if cls == "combatants" else None
        return Head(group.end() if group else m.end(), cls)  # "22 من مسلحي داعش": the group is the head's
    word = m.group(1)
    counted = ar_lookup(word, _AR_NOT)  # "12 منزلا": homes counted, the figure is none of ours
    by_a = counted is not None and counted != word and word.startswith(_AR_PREPOSITIONS)
    return Head(m.start(1), None, None, counted is not None and not by_a)  # "أصيب 4 بغارة": by a raid, not raids


_AR_PREPOSITIONS = tuple(ar.PREPOSITION_PROCLITICS)  # a counted noun never carries one
