"""Claimant registry: the phrase that names who made a claim, resolved to one canonical body.

The reader returns the claimant as written ("an AP investigation", "the Associated Press", "وكالة
أسوشيتد برس", "l'ONU"). Counting, comparing and alerting need one key per body, so the same claim is
not three claimants. The bodies, their names and every way the press writes them live in
`data/claimants.toml`, which a linguist or journalist edits without reading this file; its header
lists the borderline choices.

    >>> resolve("an AP investigation").id
    'ap'
    >>> canonical("l'ONU", "fr")
    'Organisation des Nations unies (ONU)'
    >>> canonical("a senior Kurdish official")
    'a senior Kurdish official'

Matching rules (the words each rule needs are data, in the file's [rules] table):
1. Normalise the phrase and every alias the same way, so one spelling in the data covers the rest:
   case folded; Latin accents dropped; Arabic hamza on alef (أ إ آ -> ا), ؤ -> و, ئ -> ي, taa
   marbuta (ة -> ه), alef maqsura (ى -> ي), short vowels, shadda and tatweel dropped ([rules.letters],
   then every combining mark); dotted acronyms joined ("U.N." -> "UN"); curly apostrophes made
   straight; the possessive "'s" dropped ("the Pentagon's report"); French elision split ("l'ONU"
   -> "l' ONU"); a leading article dropped ("the", "an", "l'", "la", ...), but never an all-capitals
   acronym, so "UN" is not the French article "un".
2. Words are runs of letters and digits; a hyphen or apostrophe inside joins them into one word, so
   "UN-backed", "ONU-Habitat" and "ISIS-held" do not contain "UN", "ONU", "ISIS". An alias written
   with a hyphen also matches with spaces ("Croix Rouge").
3. An alias matches as whole words anywhere in the phrase: "a senior UNAMI official", "an official at
   the UN", "a spokesman for the coalition" all name their body: a person at a body is that body.
   Arabic proclitics (و ف, then ب ل; ل + ال written لل) are tolerated on an alias's first word.
4. The longest match wins (in words, then letters, then the leftmost): "UN human rights office" is
   OHCHR, not the UN. A `not_bodies` phrase takes part like an alias but names nobody: "coalition
   government" outlasts "coalition". A language's `not_bodies` also override the other languages'
   aliases in text of that language (French "SDF" are homeless people).
5. `exact_case` aliases match only with the case written: "WHO said" is the WHO, "who said" is no one.
6. Two different bodies joined only by a coordinator ("and", ",", "et", Arabic و ...) are a joint
   claim: no single body, so the phrase stays as written. A body right after a relay ("told",
   "quoted by", "cité par", "في تصريح" ...) is the outlet that carried the claim and is ignored.
7. A phrase with no alias names no body: `resolve` gives None and `canonical` the words as written.

Every language's aliases are tried whatever `lang` says: Arabic copy writes "CJTF-OIR", French copy
"Human Rights Watch", and the reader labels French text "en". The language chooses the display name
and which `not_bodies` outrank aliases. The data may not give one alias to two bodies (the loader
refuses the file, naming both), so trying every language never makes a name mean two things.

Speed: `resolve` runs for every estimate. Each language's alias index (a dict from an alias's first
word to the aliases starting with it, longest first) is built once, at first use; a phrase of n
words costs n dictionary look-ups plus a few tuple comparisons, and results are memoised
(functools.lru_cache). A claimant phrase is a few words, so a per-word index answers faster than an
automaton over the phrase would (pyahocorasick serves the gates and the gazetteer, which scan whole texts).
"""
from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

__all__ = ["Body", "KINDS", "Registry", "RegistryError", "SIDES", "bodies", "body", "canonical", "load",
           "registry", "resolve"]

KINDS = frozenset({"news agency", "un", "ngo", "monitor", "government", "military", "intelligence", "medical",
                   "armed group"})
SIDES = frozenset({"security forces", "combatants"})

_BODY_KEYS = frozenset({"kind", "side", "name", "aliases", "exact_case"})
_RULE_KEYS = frozenset({"languages", "articles", "ar_proclitics", "coordinators", "relays", "not_bodies", "letters"})
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# Typography, not language: apostrophes and hyphens in one form, dashes and invisible marks out.
_TYPOGRAPHY = {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "\u2010": "-", "\u2011": "-",
               "\u2012": " ", "\u2013": " ", "\u2014": " ", "\u2015": " ", "\u2212": " ", "\u00ad": "",
               "\u200b": "", "\u200c": "", "\u200d": "", "\u200e": "", "\u200f": "", "\u061c": "",
               "\ufeff": "", "،": ",", "؛": " "}
# Combining marks (Latin accents, Arabic short vowels, shadda, hamza above/below) in the BMP: dropped.
_COMBINING = {cp: None for cp in range(0x300, 0x10000) if unicodedata.combining(chr(cp))}
# Anything but ASCII and plain Arabic letters/digits may hide an accent or a compatibility form: NFKD it.
_NEEDS_NFKD = re.compile(r"[^\x00-\x7f\u0621-\u063a\u0641-\u064a\u0660-\u0669]")
_DOTTED = re.compile(r"(?<![^\W\d_])(?:[A-Za-z]\.){2,}")          # "U.S.", "U.N."
_POSSESSIVE = re.compile(r"(?<=[^\W_])'[sS](?![^\W_])|(?<=[sS])'(?![^\W_])")  # "Iraq's", "officials'"
_ELIDED = r"(?i:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)"
_ELISION = re.compile(rf"(?<![^\W_])({_ELIDED})'(?=[^\W_])")       # "l'ONU" -> "l ONU" (article "l'" = "l")
_TOKEN = re.compile(r"[^\W_]+(?:['-][^\W_]+)*|[,/&]")
_SEPARATORS = frozenset({",", "/", "&"})


class RegistryError(ValueError):
    """The claimant file is not usable; the message lists every problem, each naming its body."""


@dataclass(frozen=True, slots=True)
class Body:
    """One claimant body. `names` holds the display name per language code ("en" always)."""

    id: str
    names: Mapping[str, str]
    kind: str
    side: str | None

    def __hash__(self) -> int:  # `names` is a mapping: hash on the stable key, which equality implies
        return hash(self.id)

    def name(self, lang: str = "en") -> str:
        """The display name in `lang`, falling back to English when the data gives none."""
        return self.names.get(_lang(lang)) or self.names["en"]


@dataclass(frozen=True, slots=True)
class _Alias:
    body: str | None               # None: a not_bodies phrase (names nobody, outranks what it contains)
    size: int                      # words
    letters: int                   # characters, the tie-break after words
    exact: tuple[str, ...] | None  # the words with their case, when the alias is exact_case


@functools.lru_cache(maxsize=256)
def _lang(lang: str | None) -> str:
    """'fr-FR', 'FR', 'fr_CA' -> 'fr': names and not_bodies are per primary language."""
    return (lang or "en").strip().lower().replace("_", "-").split("-")[0]


class _Normaliser:
    """Turns a phrase into its words twice over: folded (for matching) and with case kept (exact_case)."""

    def __init__(self, letters: Mapping[str, str], articles: Iterable[str], conjunctions: Iterable[str],
                 prepositions: Iterable[str]) -> None:
        self._table = str.maketrans({**_COMBINING, **_TYPOGRAPHY, **letters})
        # ASCII text skips the table unless the data folds an ASCII letter ("`" is the only built-in one).
        self._ascii_folds = any(k < 128 and k != ord("`") for k in self._table)
        self.articles = frozenset(self.fold(a) for a in articles)
        self._conj = tuple(conjunctions)
        self._preps = tuple(prepositions)
        self.clitic_start = frozenset(c[0] for c in (*self._conj, *self._preps))
        self._heads: dict[str, tuple[tuple[str, str], ...]] = {}

    def fold(self, text: str) -> str:
        """One word or phrase, folded as the matcher sees it (for word lists: articles, relays)."""
        return " ".join(self.words(text, drop_articles=False)[0])

    def split(self, text: str, *, drop_articles: bool = True) -> tuple[tuple[str, ...], str, int]:
        """(folded words, source, skip): the words with case kept are `_TOKEN.findall(source)[skip:]`,
        computed only when an exact_case alias needs them (most phrases never do)."""
        if text.isascii() and not self._ascii_folds:
            s = text.replace("`", "'") if "`" in text else text
        else:
            s = text.translate(self._table)
        if not s.isascii() and _NEEDS_NFKD.search(s):
            s = unicodedata.normalize("NFKD", s).translate(self._table)
        if "." in s:
            s = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), s)
        if "'" in s:
            s = _ELISION.sub(r"\1 ", _POSSESSIVE.sub("", s))
        low = s.lower()
        folded = _TOKEN.findall(low) if len(low) == len(s) else []
        if not folded or len(low) != len(s):
            kept = _TOKEN.findall(s)
            if len(folded) != len(kept):  # lowercasing changed a length ("İ"): fold word by word
                folded = [w.lower() for w in kept]
                s = " ".join(k if len(k) == len(f) else f for k, f in zip(kept, folded))
        skip = 0
        if drop_articles:
            articles = self.articles
            while skip < len(folded) and (folded[skip] in articles or folded[skip] in _SEPARATORS):
                if folded[skip] in articles and _acronym(_TOKEN.findall(s)[skip]):
                    break  # "UN" is not the French article "un"
                skip += 1
        return tuple(folded[skip:]), s, skip

    def words(self, text: str, *, drop_articles: bool = True) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The phrase's words twice over: folded (for matching) and with case kept (for exact_case)."""
        folded, source, skip = self.split(text, drop_articles=drop_articles)
        return folded, tuple(_TOKEN.findall(source)[skip:])

    def heads(self, word: str) -> tuple[tuple[str, str], ...]:
        """The word, then the word without each Arabic proclitic it may carry: ((word, clitic), ...)."""
        found = self._heads.get(word)
        if found is None:
            out = []
            if word[0] in self.clitic_start:
                for conj in ("", *self._conj):
                    if conj and not word.startswith(conj):
                        continue
                    rest = word[len(conj):]
                    if conj:
                        out.append((rest, conj))
                    for prep in self._preps:
                        if rest.startswith(prep):
                            tail = rest[len(prep):]
                            out.append((tail, conj + prep))
                            if prep == "ل" and tail.startswith("ل"):  # ل + ال is written لل
                                out.append(("ا" + tail, conj + prep))
            found = ((word, ""), *((w, c) for w, c in out if len(w) >= 2))
            if len(self._heads) < 100_000:
                self._heads[word] = found
        return found


def _acronym(word: str) -> bool:
    letters = word.replace("'", "")
    return len(letters) >= 2 and letters.isupper()


def _str_list(value: Any, where: str, errors: list[str]) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        errors.append(f"{where}: expected a list of non-empty strings")
        return []
    return value


def _per_language(value: Any, where: str, languages: frozenset[str], errors: list[str]) -> dict[str, list[str]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        errors.append(f"{where}: expected a table of language = [...]")
        return {}
    out = {}
    for lang, items in value.items():
        if lang not in languages:
            errors.append(f"{where}.{lang}: unknown language (rules.languages: {sorted(languages)})")
        out[lang] = _str_list(items, f"{where}.{lang}", errors)
    return out


class Registry:
    """The bodies of one claimant file and the per-language alias indexes built from it."""

    def __init__(self, raw: Mapping[str, Any], source: str = "<claimants>") -> None:
        errors: list[str] = []
        for key in raw:
            if key not in ("rules", "bodies"):
                errors.append(f"unknown top-level table [{key}] (expected [rules] and [bodies.ID])")
        rules = raw.get("rules", {})
        for key in rules:
            if key not in _RULE_KEYS:
                errors.append(f"rules.{key}: unknown rule")
        languages = frozenset(_str_list(rules.get("languages", ["en"]), "rules.languages", errors))
        if "en" not in languages:
            errors.append("rules.languages must include 'en' (every body's required name)")
        letters = rules.get("letters", {})
        if not isinstance(letters, dict) or not all(isinstance(k, str) and len(k) == 1 and isinstance(v, str)
                                                     for k, v in letters.items()):
            errors.append("rules.letters: expected single characters mapped to strings")
            letters = {}
        clitics = rules.get("ar_proclitics", {})
        articles = _per_language(rules.get("articles"), "rules.articles", languages, errors)
        self._norm = _Normaliser(letters, [a for items in articles.values() for a in items],
                                 _str_list(clitics.get("conjunctions", []), "rules.ar_proclitics.conjunctions", errors),
                                 _str_list(clitics.get("prepositions", []), "rules.ar_proclitics.prepositions", errors))
        self._coordinators = frozenset(self._norm.fold(c) for c in
                                       _str_list(rules.get("coordinators", []), "rules.coordinators", errors))
        relays = _per_language(rules.get("relays"), "rules.relays", languages, errors)
        self._relays = tuple(sorted({w for items in relays.values() for r in items
                                     if (w := self._norm.words(r, drop_articles=False)[0])}, key=len, reverse=True))
        self._relay_ends = frozenset(r[-1] for r in self._relays)
        not_bodies = _per_language(rules.get("not_bodies"), "rules.not_bodies", languages, errors)

        self.bodies: Mapping[str, Body]
        self.source = source
        found: dict[str, Body] = {}
        written: dict[str, list[str]] = {}
        owner: dict[tuple[str, ...], tuple[str, str]] = {}          # folded words -> (body id, as written)
        alias_langs: dict[tuple[str, ...], set[str]] = {}           # which languages list the key
        entries: dict[tuple[str, ...], _Alias] = {}
        raw_bodies = raw.get("bodies", {})
        if not isinstance(raw_bodies, dict) or not raw_bodies:
            errors.append("no [bodies.ID] tables")
            raw_bodies = {}

        def add(body_id: str, text: str, lang: str | None, exact: bool) -> None:
            folded, kept = self._norm.words(text)
            if not folded:
                errors.append(f"bodies.{body_id}: alias {text!r} has no words once normalised")
                return
            if exact and not any(c.isupper() for c in text):
                errors.append(f"bodies.{body_id}: exact_case alias {text!r} has no capital letter; list it in aliases")
            prior = owner.get(folded)
            if prior is not None and prior[0] != body_id:
                errors.append(f"alias {text!r} of bodies.{body_id} is also {prior[1]!r} of bodies.{prior[0]} "
                              "(an alias may name one body only)")
                return
            if prior is not None:
                old = entries[folded]
                if (old.exact is not None) != exact:
                    errors.append(f"bodies.{body_id}: {text!r} is listed both with and without exact_case")
                if lang:
                    alias_langs.setdefault(folded, set()).add(lang)
                return
            owner[folded] = (body_id, text)
            if lang:
                alias_langs.setdefault(folded, set()).add(lang)
            entries[folded] = _Alias(body_id, len(folded), sum(map(len, folded)), kept if exact else None)
            written[body_id].append(text)

        for body_id, spec in raw_bodies.items():
            where = f"bodies.{body_id}"
            if not _ID.fullmatch(body_id):
                errors.append(f"{where}: id must be lowercase words joined by hyphens")
            if not isinstance(spec, dict):
                errors.append(f"{where}: expected a table")
                continue
            for key in spec:
                if key not in _BODY_KEYS:
                    errors.append(f"{where}.{key}: unknown field (expected {', '.join(sorted(_BODY_KEYS))})")
            names = spec.get("name", {})
            if not isinstance(names, dict):
                errors.append(f"{where}.name: expected a table of language = \"...\"")
                names = {}
            if not isinstance(names.get("en"), str) or not names["en"].strip():
                errors.append(f"{where}: name.en (the English display name) is required")
                names = {**names, "en": body_id}
            for lang, value in names.items():
                if lang not in languages:
                    errors.append(f"{where}.name.{lang}: unknown language")
                if not isinstance(value, str) or not value.strip():
                    errors.append(f"{where}.name.{lang}: expected a non-empty string")
            kind = spec.get("kind")
            if kind not in KINDS:
                errors.append(f"{where}.kind: {kind!r} is not one of {sorted(KINDS)}")
            side = spec.get("side")
            if side is not None and side not in SIDES:
                errors.append(f"{where}.side: {side!r} is not one of {sorted(SIDES)} (leave it out for none)")
            aliases = _per_language(spec.get("aliases"), f"{where}.aliases", languages, errors)
            exact = _str_list(spec.get("exact_case", []), f"{where}.exact_case", errors)
            if not exact and not any(aliases.values()):
                errors.append(f"{where}: at least one alias (aliases.LANG or exact_case) is required")
            written[body_id] = []
            found[body_id] = Body(body_id, MappingProxyType({k: " ".join(str(v).split()) for k, v in names.items()}),
                                  str(kind), side)
            for text in exact:
                add(body_id, text, None, True)
            for lang, items in aliases.items():
                for text in items:
                    add(body_id, text, lang, False)
        # Display names resolve to their body too (after every explicit alias, which they never override).
        for body_id, b in found.items():
            for lang, text in b.names.items():
                folded = self._norm.words(text)[0]
                holder = owner.get(folded)
                if folded and holder is None:
                    add(body_id, text, lang, False)
                elif folded and holder[0] != body_id:
                    errors.append(f"bodies.{body_id}.name.{lang} {text!r} is the alias {holder[1]!r} "
                                  f"of bodies.{holder[0]} (a display name must name its own body)")
        blocked: dict[str, dict[tuple[str, ...], _Alias]] = {}
        for lang, items in not_bodies.items():
            for text in items:
                folded = self._norm.words(text)[0]
                if not folded:
                    errors.append(f"rules.not_bodies.{lang}: {text!r} has no words once normalised")
                elif lang in alias_langs.get(folded, ()):
                    errors.append(f"rules.not_bodies.{lang}: {text!r} is also an {lang} alias of "
                                  f"bodies.{owner[folded][0]}")
                else:
                    blocked.setdefault(lang, {})[folded] = _Alias(None, len(folded),
                                                                  sum(map(len, folded)), None)
        if errors:
            raise RegistryError(f"{source}: {len(errors)} problem(s):\n  " + "\n  ".join(errors))
        # A hyphenated alias also matches with spaces, unless that spelling is another alias already.
        for folded, alias in list(entries.items()):
            if any("-" in w for w in folded):
                spaced = tuple(p for w in folded for p in w.split("-") if p)
                if spaced not in entries:
                    kept = None if alias.exact is None else tuple(p for w in alias.exact for p in w.split("-") if p)
                    entries[spaced] = _Alias(alias.body, len(spaced), alias.letters, kept)
        self.bodies = MappingProxyType(found)
        self._written = {k: tuple(v) for k, v in written.items()}
        self._entries = entries
        self._blocked = blocked
        self._indexes: dict[str, dict] = {}

    # ── lookup ───────────────────────────────────────────────────────────────────────────────────
    def aliases(self, body_id: str) -> tuple[str, ...]:
        """The body's aliases as written in the data (display names included), for tools and tests."""
        return self._written.get(body_id, ())

    def key(self, text: str) -> str:
        """The normalised form the matcher compares (words joined by spaces): two aliases clash iff equal."""
        return " ".join(self._norm.words(text)[0])

    def _index(self, lang: str) -> dict:
        """A word trie of the aliases for text in `lang`, built once per language at first use.

        Each node maps the next folded word to its child; the key None holds the alias ending there.
        Matching walks it from every word of the phrase, so a phrase costs its length, not the data's."""
        root = self._indexes.get(lang)
        if root is not None:
            return root
        merged = dict(self._entries)
        for other, phrases in self._blocked.items():
            if other != lang:
                for folded, alias in phrases.items():
                    merged.setdefault(folded, alias)   # another language's blocker never hides an alias
        merged.update(self._blocked.get(lang, {}))      # this language's blockers do (false friends)
        root = {}
        for folded, alias in merged.items():
            node = root
            for word in folded:
                node = node.setdefault(word, {})
            node[None] = alias
        self._indexes[lang] = root
        return root

    def resolve(self, as_written: str | None, lang: str = "en") -> Body | None:
        """The body the phrase names, or None when it names none (see the module docstring's rules)."""
        if not as_written:
            return None
        norm = self._norm
        folded, source, skip = norm.split(as_written)
        n = len(folded)
        if not n:
            return None
        index = self._index(_lang(lang))
        clitic_start = norm.clitic_start
        kept: tuple[str, ...] | None = None
        found: list[tuple[int, int, int, int, _Alias, str]] = []  # (-words, -letters, start, end, alias, clitic)
        for i, word in enumerate(folded):
            for head, clitic in (norm.heads(word) if word[0] in clitic_start else ((word, ""),)):
                node = index.get(head)
                end = i + 1
                while node is not None:
                    alias = node.get(None)
                    if alias is not None:
                        if alias.exact is not None:
                            if kept is None:
                                kept = tuple(_TOKEN.findall(source)[skip:])
                                if len(kept) != n:  # cannot happen for real text; never guess the case
                                    kept = ()
                            ok = not clitic and kept[i:end] == alias.exact
                        else:
                            ok = True
                        if ok and not (alias.body is not None and i and self._relayed(folded, i)):
                            found.append((-alias.size, -alias.letters, i, end, alias, clitic))
                    if end >= n:
                        break
                    node = node.get(folded[end])
                    end += 1
        if not found:
            return None
        if len(found) > 1:
            found.sort(key=lambda m: m[:3])
            taken = [False] * n
            chosen = []
            for m in found:
                if not any(taken[m[2]:m[3]]):
                    taken[m[2]:m[3]] = [True] * (m[3] - m[2])
                    chosen.append(m)
            winner = next((m[4].body for m in chosen if m[4].body is not None), None)
            if winner is None or (len(chosen) > 1 and self._joint(folded, chosen)):
                return None
        else:
            winner = found[0][4].body
            if winner is None:
                return None
        return self.bodies[winner]

    def _relayed(self, folded: tuple[str, ...], start: int) -> bool:
        """'told the AP', 'quoted by Reuters', 'في تصريح لوكالة ...': the body is the outlet, not the claimant."""
        j = start
        articles = self._norm.articles
        while j > 0 and folded[j - 1] in articles:
            j -= 1
        if not j or folded[j - 1] not in self._relay_ends:
            return False
        return any(j >= len(r) and folded[j - len(r):j] == r for r in self._relays)

    def _joint(self, folded: tuple[str, ...], chosen: list[tuple[int, int, int, int, _Alias, str]]) -> bool:
        """Two different bodies joined only by 'and', ',', 'et', و ... : a joint claim names no single body."""
        named = sorted((m for m in chosen if m[4].body is not None), key=lambda m: m[2])
        for a, b in zip(named, named[1:]):
            if a[4].body == b[4].body:
                continue
            gap = folded[a[3]:b[2]]
            joined = b[5].startswith("و") or any(w in self._coordinators for w in gap)
            if joined and all(w in self._coordinators or w in self._norm.articles for w in gap):
                return True
        return False

    def canonical(self, as_written: str | None, lang: str = "en") -> str | None:
        """The body's name in `lang` (English when it has none), else the phrase on one line, stripped."""
        if as_written is None:
            return None
        found = self.resolve(as_written, lang)
        return found.name(lang) if found is not None else " ".join(as_written.split())


def load(path: str | Path | None = None) -> Registry:
    """Read and check a claimant file (the shipped one by default). Raises RegistryError on any problem."""
    if path is None:
        ref = resources.files(__package__ or "estimates").joinpath("data/claimants.toml")
        text, source = ref.read_text(encoding="utf-8"), "estimates/data/claimants.toml"
    else:
        text, source = Path(path).read_text(encoding="utf-8"), str(path)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"{source}: not valid TOML: {exc}") from exc
    return Registry(raw, source)


@functools.cache
def registry() -> Registry:
    """The shipped registry, loaded and checked once per process."""
    return load()


@functools.lru_cache(maxsize=32768)
def resolve(as_written: str, lang: str = "en") -> Body | None:
    """The canonical body `as_written` names, or None for a description that names none."""
    return registry().resolve(as_written, lang)


def canonical(as_written: str | None, lang: str = "en") -> str | None:
    """The body's name in `lang` (falling back to English), else the words as written on one line,
    stripped; None stays None."""
    if as_written is None:
        return None
    found = resolve(as_written, lang)
    return found.name(lang) if found is not None else " ".join(as_written.split())


def body(body_id: str) -> Body | None:
    """The body with this id, or None."""
    return registry().bodies.get(body_id)


def bodies() -> tuple[Body, ...]:
    """Every body, in file order."""
    return tuple(registry().bodies.values())


def named(as_written: str | None, lang: str = "en") -> tuple[str | None, str | None]:
    """(claimant, body id) for an estimate. The claimant is the body's canonical name when that name keeps
    every word the text gives ("the Associated Press", "AP" -> "Associated Press (AP)"); a person or a part
    of a body keeps the text's words, which say more ("the UN humanitarian coordinator", "an AP
    investigation"), and the body's id still says whose claim it is. No body: the words, and None."""
    if as_written is None:
        return None, None
    written = " ".join(as_written.split())
    found = resolve(written, lang)
    if found is None:
        return written, None
    name = found.name(lang)
    core = _TRAILING_POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", written)).casefold()
    return (name if core and core in name.casefold() else written), found.id


# "the", "an", "l'", "la": what the canonical name may drop of the words as written
_LEADING_ARTICLE = re.compile(r"^(?:the|an?|l['’]|la|le|les)\s*(?=\S)", re.IGNORECASE)
_TRAILING_POSSESSIVE = re.compile(r"['’]s?$")  # "Amnesty International's"
