"""Figures laid out as a table: a header row whose columns name outcomes, rows of numbers under it.

    UNAMI monthly civilian casualty figures, Nineveh governorate
    Month | Killed | Injured
    February 2017 | 306 | 517

UN monthly reports, NGO annexes and wire factboxes set tolls out this way; no sentence holds both a figure
and its outcome, so the sentence reader finds nothing. Here each number cell takes its column's outcome,
its row's place when the first cell names one (else the title's), the victims the title or header name, and
the claimant the title names. Cells are split at "|", tabs or runs of spaces (columns aligned in a PDF's
text); a table ends at the first row with another number of cells.

A list under a title is read the same way (read_list):

    Civilian deaths recorded by the Nineveh health directorate, by district:
    - Old City: 3,120
    - Zanjili: 1,045

the title (a line ending in a colon, naming an outcome) gives each row's outcome, victims and claimant; a
row's label gives its place when it names one ("- juin 2017 : 256" keeps the title's place). Rows naming
their own outcome ("- الخرطوم: 34 قتيلا") are sentences, left to the sentence reader.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from . import attribution, claimants, figures, outcomes, places
from .language import Language
from .model import Estimate
from .patterns import Folded
from .text import RuleText, norm_ar

_CELLS = re.compile(r"\s*(?:\||\t)\s*| {2,}")  # a bar, a tab, or the run of spaces of a PDF's aligned columns
_DIGIT = re.compile(r"\d")
TITLE_LINES = 2  # lines above the header read for the table's title


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    cells: list[str]


def read(text: str, lang: Language, watched: Folded | None) -> list[Estimate]:
    """The estimates of every outcome table in `text` (none when it has no "|" or tab)."""
    if "|" not in text and "\t" not in text and "  " not in text:
        return []
    lines = list(_lines(text))
    found: list[Estimate] = []
    i = 0
    while i < len(lines):
        outcome_of = _header(lines[i], lang)
        if outcome_of is None:
            i += 1
            continue
        title = " ".join(text[ln.start:ln.end] for ln in lines[max(0, i - TITLE_LINES):i])
        context = _Context.of(title, " ".join(lines[i].cells), lang, watched)
        j = i + 1
        while j < len(lines) and len(lines[j].cells) == len(lines[i].cells):
            found.extend(_row(lines[i], lines[j], outcome_of, context, lang, watched))
            j += 1
        i = j
    return found


def read_list(text: str, lang: Language, watched: Folded | None) -> list[Estimate]:
    """The estimates of every titled list of figures in `text` (see the module docstring)."""
    if ":" not in text:
        return []
    lines = text.split("\n")
    found: list[Estimate] = []
    for i, title in enumerate(lines):
        if not title.rstrip().endswith(":") or i + 1 >= len(lines):
            continue
        rt = RuleText.of(title, lang)
        mentions = outcomes.find(rt.text, rt.lang)
        if not mentions:
            continue
        rows = []
        for line in lines[i + 1:]:
            m = _LIST_ROW.match(line)
            row_text = RuleText.of(line, lang) if m is not None else None
            if row_text is None or outcomes.find(row_text.text, row_text.lang):
                break
            rows.append(m)
        if len(rows) < MIN_LIST_ROWS:
            continue
        context = _Context.of(title, "", lang, watched)
        by_place = rt.lang.pattern("by_place_kind").search(rt.text) is not None  # "..., par Etat :"
        for m in rows:
            found.extend(_list_row(m, mentions[0].outcome, context, lang, watched, by_place))
    return found


_LIST_ROW = re.compile(r"\s*(?:[-•*–—·]\s*)?(?P<label>[^\d:|\n][^:|\n]{0,59}?)\s*:\s*(?P<value>[^:|\n]*\d[^:|\n]*?)\s*$")
MIN_LIST_ROWS = 2  # one "label: figure" line under a title is a sentence, two make a list


def _list_row(row: re.Match[str], outcome: str, context: _Context, lang: Language,
              watched: Folded | None, by_place: bool = False) -> Iterator[Estimate]:
    f = _one_figure(row.group("value"), lang)
    if f is None:
        return
    label = row.group("label").strip()
    place = _label_place(RuleText.of(label, lang), watched, label if by_place else context.place)
    yield context.estimate(f, outcome, place, row.group(0).strip(), lang)


def _lines(text: str) -> Iterator[_Line]:
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        cells = [c for c in _CELLS.split(line.strip().strip("|"))]
        yield _Line(start, end, cells)
        start = end + 1


def _header(line: _Line, lang: Language) -> dict[int, str] | None:
    """{column: outcome} when the line is a header: two or more cells, no digits, an outcome in a column
    after the first."""
    if len(line.cells) < 2 or any(_DIGIT.search(c) for c in line.cells):
        return None
    found: dict[int, str] = {}
    for k, cell in enumerate(line.cells[1:], start=1):
        rt = RuleText.of(cell, lang)
        mentions = outcomes.find(rt.text, rt.lang)
        if mentions:
            found[k] = mentions[0].outcome
    return found or None


@dataclass(frozen=True, slots=True)
class _Context:
    claimant: str | None
    claimant_id: str | None
    claimant_text: str | None
    place: str | None
    victims: str

    @classmethod
    def of(cls, title: str, header: str, lang: Language, watched: Folded | None) -> "_Context":
        rt = RuleText.of(title, lang)
        spans = [(m.start, m.end) for m in outcomes.find(rt.text, rt.lang)]
        written = attribution.named(attribution.find(rt, spans)) if title.strip() else None
        body = claimants.resolve(written or title, rt.lang.code) if (written or title.strip()) else None
        if written is None and body is not None:
            written = body.name(rt.lang.code)
        name, body_id = claimants.named(written, rt.lang.code) if written else (None, None)
        place = places.choose(places.find(rt, watched), 0) if title.strip() else None
        return cls(name, body_id, written, place, _victims(f"{title} {header}", lang))

    def estimate(self, f: figures.Figure, outcome: str, place: str | None, quote: str, lang: Language) -> Estimate:
        """A row's figure with what the title says: victims and claimant."""
        return Estimate(low=f.low, high=f.high, qualifier=f.qualifier, outcome=outcome, victims=self.victims,
                        place=place, claimant=self.claimant, quote=quote, lang=lang.code,
                        claimant_text=self.claimant_text, claimant_id=self.claimant_id)


def _places_column(cell: str, lang: Language) -> bool:
    """A first column headed by a kind of place ("Governorate", "État", "المحافظة"; data: TABLE_PLACE_HEADERS)."""
    words = lang.set_of("TABLE_PLACE_HEADERS")
    key = norm_ar(cell.strip()) if lang.arabic else cell.strip().lower()
    return key in words


def _victims(text: str, lang: Language) -> str:
    """The first victims group the title or header names ("civilian casualty figures"), else people."""
    from .heads import AR_VICTIMS, ar_lookup, victims_table

    rt = RuleText.of(text, lang)
    for m in rt.lang.pattern("victim_word").finditer(rt.text):
        word = m.group(1).lower()
        if rt.lang.arabic:
            key = ar_lookup(word, AR_VICTIMS)
            cls = AR_VICTIMS[key] if key else "people"
        else:
            cls = victims_table(rt.lang).get(word, "people")
        if cls != "people":
            return cls
    return "people"


def _row(header: _Line, row: _Line, outcome_of: dict[int, str], context: _Context, lang: Language,
         watched: Folded | None) -> Iterator[Estimate]:
    label = RuleText.of(row.cells[0], lang)
    place = _label_place(label, watched, context.place)
    if place == context.place and _places_column(header.cells[0], label.lang) and row.cells[0].strip():
        place = row.cells[0].strip()  # "| Governorate | Killed |": each row's label is a place, known or not
    quote = " | ".join(f"{h} {c}" if k else c for k, (h, c) in enumerate(zip(header.cells, row.cells)))
    for k, outcome in outcome_of.items():
        f = _one_figure(row.cells[k], lang)
        if f is not None:
            yield context.estimate(f, outcome, place, quote, lang)


def _one_figure(cell: str, lang: Language) -> figures.Figure | None:
    """The figure of a cell or a list row holding one only ("306", "8 – 25", "330 à 450"), nothing but its
    qualifier before it."""
    rt = RuleText.of(cell, lang)
    figs = figures.find(rt.text, rt.lang)
    if len(figs) != 1 or _DIGIT.sub("", rt.text[:figs[0].start]).strip():
        return None
    return figs[0]


def _label_place(label: RuleText, watched: Folded | None, fallback: str | None) -> str | None:
    """The place a row's label names, when the label is that place's name and little else; else `fallback`."""
    named = places.find(label, watched)
    return named[0].name if named and len(named[0].name) >= len(label.original.strip()) - 2 else fallback
