"""Places a figure is tied to, by rule plus the caller's watched names.

Specificity ranks: 4 neighbourhood/district/Old City/market, 3 part of a city ("west Mosul",
"غرب الموصل"), 2 city (and watched names), 1 province, 0 country. A figure takes the most specific
place of its sentence (ties: the nearest); with none, the article's most-mentioned place.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from .patterns import AR_LEFT, AR_RIGHT, Folded, alternation
from .text import RuleText, dateline_end, norm_ar

CITIES = ["Mosul", "Raqqa", "Aleppo", "Gaza", "Gaza City", "Fallujah", "Falluja", "Ramadi", "Tikrit",
          "Baghdad", "Erbil", "Irbil", "Kirkuk", "Tal Afar", "Tel Afar", "Hawija", "Sinjar", "Qayyarah",
          "Qayyara", "Hammam al-Alil", "Bartella", "Bashiqa", "Baiji", "Samarra", "Basra", "Najaf", "Karbala",
          "Deir ez-Zor", "Deir ez-Zour", "Deir al-Zour", "Idlib", "Homs", "Hama", "Damascus", "Douma",
          "Eastern Ghouta", "Ghouta", "Kobani", "Manbij", "Palmyra", "Sanaa", "Hodeidah", "Taiz", "Aden",
          "Khan Younis", "Rafah", "Jabalia", "Beit Hanoun", "Mariupol", "Sirte", "Benghazi", "Tripoli",
          "Marawi", "Mogadishu", "Bakhmut", "Kharkiv", "Kabul",
          # Iraqi and Syrian towns of the war against IS (not those spelled like common words: Hit, بلد, الباب)
          "Hammam al-Alil", "Hamam al-Alil", "Haditha", "Heet", "Anah", "Rawa", "al-Qaim", "Qaim", "Rutba",
          "Karma", "Saqlawiyah", "Amiriyat al-Fallujah", "Abu Ghraib", "Baaj", "Tal Keif", "Tel Keppe",
          "Qaraqosh", "Bakhdida", "Hamdaniya", "Shirqat", "Makhmour", "Zummar", "Badush", "Gwer",
          "Hilla", "Kut", "Nasiriyah", "Diwaniyah", "Baquba", "Baqubah", "Muqdadiya", "Jalawla", "Khanaqin",
          "Tuz Khurmatu", "Dohuk", "Duhok", "Sulaymaniyah", "Amerli", "Balad", "Dujail", "Tarmiyah", "Kocho",
          "Mayadeen", "al-Mayadeen", "Abu Kamal", "Albu Kamal", "Tabqa", "Hajin", "Baghouz", "Tal Abyad",
          "Hasakah", "Qamishli", "al-Bab", "Jarablus", "Mansoura", "al-Mansoura", "Shaddadi", "Imam Gharbi"]
# Named quarters that carry no "district"/"neighbourhood" word in news copy.
NEIGHBOURHOODS = ["Karrada", "Sadr City", "Kadhimiya", "Adhamiya", "Zanjili", "al-Zanjili", "Yarmouk",
                  "al-Yarmouk", "Mosul al-Jadida", "Bab Sinjar", "Bab al-Tob", "Nabi Yunus", "Wadi Hajar",
                  "al-Dawasa", "Ghazlani", "al-Tayaran", "Gogjali", "al-Karama", "al-Zahra", "al-Rifai",
                  "al-Shifa", "al-Maidan", "al-Farouq", "Old Mosul", "Nuri mosque", "al-Nuri mosque",
                  "Shujaiya", "Shejaiya", "Bustan al-Qasr", "al-Sukkari", "Eastern Ghouta"]
PROVINCES = ["Nineveh", "Ninewa", "Ninawa", "Nineveh province", "Nineveh governorate", "Nineveh Plains",
             "Anbar", "Salahuddin", "Diyala", "Kurdistan", "Gaza Strip", "West Bank"]
COUNTRIES = ["Iraq", "Syria", "Yemen", "Libya", "Afghanistan", "Ukraine", "Somalia", "Lebanon", "Israel"]
AR_CITIES = ["الموصل", "الرقة", "حلب", "غزة", "الفلوجة", "الرمادي", "تكريت", "بغداد", "أربيل", "كركوك", "تلعفر",
             "الحويجة", "سنجار", "القيارة", "حمام العليل", "برطلة", "بعشيقة", "بيجي", "سامراء", "البصرة",
             "دير الزور", "إدلب", "حمص", "حماة", "دمشق", "دوما", "الغوطة", "صنعاء", "الحديدة", "تعز", "عدن",
             "خان يونس", "رفح", "الموصل الجديدة", "حديثة", "هيت", "عنة", "راوة", "القائم", "الرطبة", "الكرمة",
             "الصقلاوية", "أبو غريب", "البعاج", "تلكيف", "قرقوش", "بخديدا", "الحمدانية", "الشرقاط", "مخمور",
             "زمار", "بادوش", "الحلة", "الكوت", "الناصرية", "الديوانية", "بعقوبة", "المقدادية", "جلولاء",
             "خانقين", "طوز خورماتو", "دهوك", "السليمانية", "آمرلي", "الدجيل", "الطارمية", "كوجو",
             "الميادين", "البوكمال", "الطبقة", "هجين", "الباغوز", "تل أبيض", "الحسكة", "القامشلي", "منبج",
             "جرابلس", "المنصورة", "الشدادي", "الخازر", "إمام غربي", "الخالص", "بلدروز", "الضلوعية", "سبايكر"]
AR_PROVINCES = ["نينوى", "الأنبار", "صلاح الدين", "ديالى", "محافظة نينوى", "سهل نينوى"]
AR_COUNTRIES = ["العراق", "سوريا", "سورية", "اليمن", "ليبيا", "لبنان"]
_DIRECTIONS = r"(?:west(?:ern)?|east(?:ern)?|north(?:ern)?|south(?:ern)?|old)"
_AR_DIRECTIONS = r"(?:غرب|شرق|شمال|جنوب|غربي|شرقي|شمالي|جنوبي|ايمن|ايسر)"
_AR_NOT_NAME = r"(?:قرب|في|من|على|عند|شمال|جنوب|شرق|غرب|داخل|خارج|الى|للنازحين|ب|تابعه|واقعه|" \
    r"شعبي|شعبيه|مزدحم|مزدحمه|مكتظ|مكتظه|رئيسي|رئيسيه|محلي|تجاري|كبير|كبيره|صغير|صغيره|مجاور|مجاوره|سكني|سكنيه)"
_LOCAL_NOUNS = r"(?:district|neighbou?rhood|quarter|market|camp|village|suburb|area|square|hospital|town|" \
    r"checkpoint|prison|bridge|airport|mosque|school)"

_EN_RULES = [
    (4, re.compile(r"\b(?:the\s+)?Old\s+City(?:\s+of\s+[A-Z][\w-]+)?")),
    (4, re.compile(rf"\b(?:the\s+)?(?:(?:al|el|Al|El)-)?[A-Z][\w'-]*(?:\s+(?:al-|Al-)?[A-Z][\w'-]*){{0,2}}"
                   rf"\s+{_LOCAL_NOUNS}\b")),
    (4, re.compile(rf"\b{_LOCAL_NOUNS}\s+of\s+(?:(?:al|el|Al|El)-)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?")),
    (4, re.compile(r"\bMosul\s+al-Jadida\b|\bBab\s+al-[A-Z]\w+")),
    (4, Folded(rf"\b{alternation(NEIGHBOURHOODS)}\b")),
    (3, Folded(rf"\b{_DIRECTIONS}\s+{alternation(CITIES)}\b")),
    (2, Folded(rf"\b{alternation(CITIES)}\b")),
    (1, Folded(rf"\b{alternation(PROVINCES)}\b")),
    (0, Folded(rf"\b{alternation(COUNTRIES)}\b")),
]
_AR_CITY = alternation(AR_CITIES, arabic=True)
_AR_RULES = [
    (4, re.compile(rf"{AR_LEFT}(?:[وفب])?(?:ال)?مدينه\s+القديمه(?:\s+(?:في|من|ب)\s*{_AR_CITY})?")),
    (4, re.compile(rf"{AR_LEFT}(?:[وفب])?(?:حي|منطقه|سوق|مخيم|قريه|ناحيه|قضاء|بلده)\s+(?!{_AR_NOT_NAME}(?!\w))[^\s،,.]+"
                   rf"(?:\s+ال[^\s،,.]+)?")),
    (3, re.compile(rf"{AR_LEFT}(?:[وفب])?(?:{_AR_DIRECTIONS}\s+{_AR_CITY}|(?:ال)?(?:جانب|ساحل)\s+ال(?:ايمن|ايسر)"
                   rf"(?:\s+(?:من|ل)\s*(?:مدينه\s+)?{_AR_CITY})?)")),
    (2, re.compile(rf"{AR_LEFT}(?:[وفب]|لل)?{_AR_CITY}{AR_RIGHT}")),
    (1, re.compile(rf"{AR_LEFT}(?:[وفب])?{alternation(AR_PROVINCES, arabic=True)}{AR_RIGHT}")),
    # not "قوات سوريا الديمقراطية" (the SDF, a force)
    (0, re.compile(rf"{AR_LEFT}(?:[وفب]|لل)?{alternation(AR_COUNTRIES, arabic=True)}{AR_RIGHT}(?!\s+الديمقراطيه)")),
]
_AR_PREFIX_STRIP = re.compile(r"^(?:[وفب](?=ال|[^ا]{3,}))")
# names that start with one of those letters: "بعشيقة" is Bashiqa, not "in Ashiqa"
_AR_OWN_PREFIX = frozenset(norm_ar(n) for n in AR_CITIES if n[0] in "وفب")
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_KIND_OF = re.compile(r"^(?:the\s+)?(?:town|village|city|suburb|area)\s+of\s+", re.IGNORECASE)
_LEADING_WORD = re.compile(r"^(?:the\s+)?(?:The|A|An|This|That|In|On|At)\s+")
# A wire dateline ("ERBIL, Iraq (AP) —") says where the story was filed, not where the deaths were: a place in
# it ranks as a province, so any town the text names wins over it and a country does not.
DATELINE_RANK = 1
_LOCAL_FALSE = re.compile(r"^(?:the\s+)?(?:The|A|An|This|That|In|On|At|Mosul\s+area)\b")


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


def find(rt: RuleText, watched: Folded | None, min_rank: int = 0, max_rank: int = 4) -> list[Place]:
    """Places of a sentence; overlapping matches keep the most specific. The article-level fallback
    asks only for towns and provinces (max_rank=2), which is also much cheaper on long texts. A place in an
    opening dateline ranks as a province: any town the text names wins over it, a country does not."""
    found: list[Place] = []
    low = rt.text.lower()
    for rank, regex in (_AR_RULES if rt.arabic else _EN_RULES):
        if not min_rank <= rank <= max_rank:
            continue
        matches = regex.finditer(rt.text, low) if isinstance(regex, Folded) else regex.finditer(rt.text)
        for m in matches:
            _add(found, _place(rt, m.start(), m.end(), rank))
    if watched is not None:
        for m in watched.finditer(rt.text, low):
            _add(found, _place(rt, m.start(), m.end(), 2))
    filed = 0 if rt.arabic else dateline_end(rt.text)
    return [p if p.start >= filed else replace(p, rank=min(p.rank, DATELINE_RANK)) for p in found if p.name]


def _place(rt: RuleText, start: int, end: int, rank: int) -> Place:
    """The place as written; an empty name marks a non-place ("the hospital", "This market")."""
    name = rt.span(start, end).strip()
    if rt.arabic:
        norm = norm_ar(name)
        keep = name.startswith(("ال", "أل")) or norm in _AR_OWN_PREFIX or norm.startswith("بلده")
        return Place(start, end, rank, name if keep else _AR_PREFIX_STRIP.sub("", name))
    if rank > 0:
        name = _THE.sub("", name)
    if rank == 4 and _LOCAL_FALSE.match(name) and not name.lower().startswith("old"):
        name = _LEADING_WORD.sub("", name)
    if rank == 4:
        name = _KIND_OF.sub("", name)  # "the town of Hajin" -> "Hajin"
    if rank == 4 and not (name[:1].isupper() or name.startswith(("al-", "el-"))):
        name = ""
    return Place(start, end, rank, name)


def _add(found: list[Place], new: Place) -> None:
    for p in found:
        if p.start < new.end and new.start < p.end:
            return  # an earlier (more specific) rule already covers this text
    found.append(new)


def choose(places: list[Place], pos: int) -> str | None:
    """Most specific place, nearest to the figure on ties."""
    if not places:
        return None
    best = max(places, key=lambda p: (p.rank, -abs(p.start - pos)))
    return best.name


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
