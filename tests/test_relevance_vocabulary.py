"""One vocabulary for relevance and reading: the crawler's gate keeps every page the reader would read a
figure from (it once kept its own word list, and dropped "Militants executed 40 people in Mosul")."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.relevance import for_places
from estimates import extract
from estimates.vocabulary import gate_stems, mentions_outcome
from webfixtures import article

PLACES = ["Mosul", "الموصل"]
DATA = Path(__file__).parent / "data"
CASES = [DATA / "estimates_cases.jsonl", DATA / "estimates_cases_fr.jsonl", *sorted((DATA / "blind").rglob("*.jsonl"))]


@pytest.mark.parametrize("sentence", [
    "Militants executed 40 people in Mosul on Tuesday.",
    "Islamic State fighters beheaded 12 men in Mosul, residents said.",
    "Gunmen murdered a family of six in west Mosul.",
    "Nine people were hurt when a shell hit a market in Mosul.",
    "Sixty-three residents of Mosul perished in the collapse.",
    "أعدم التنظيم 40 شخصا في الموصل",
    "لقي 12 مدنيا مصرعهم في الموصل",
])
def test_death_words_past_the_old_list_are_read_not_dropped(sentence: str) -> None:
    rel = for_places(PLACES)
    assert extract(sentence), "the reader reads a figure here"
    assert rel.matters(sentence) and rel.might_matter(article("x", [sentence]).encode())


def test_every_labelled_case_the_reader_reads_passes_the_gate() -> None:
    """A watched place and any figure the reader finds: the gate on the text and on the page's bytes (UTF-8 and,
    for Arabic, windows-1256) must let it through."""
    rel = for_places(PLACES)
    checked, dropped = 0, []
    for doc in (json.loads(line) for path in CASES for line in path.read_text(encoding="utf-8").splitlines()):
        text = doc["text"]
        if not extract(text, lang=doc["lang"]) or not rel._text_place.search(text):
            continue
        checked += 1
        page = article("x", [text], lang=doc["lang"])
        encodings = ["utf-8", "cp1256"] if doc["lang"] == "ar" else ["utf-8"]
        if not rel.matters(text) or not all(rel.might_matter(page.encode(e, "replace")) for e in encodings):
            dropped.append(doc["id"])
    assert checked >= 240 and dropped == [], dropped


def test_the_gate_stays_a_gate() -> None:
    rel = for_places(PLACES)
    assert not rel.matters("Mosul dam", "Repairs to the Mosul dam will finish next year, the ministry said.")
    assert not rel.might_matter(article("x", ["The Mosul book fair opened with 40 publishers."]).encode())
    assert not mentions_outcome("The Mosul book fair opened with 40 publishers.")
    assert "execut" in gate_stems() and "قتل" in gate_stems()


def test_every_latin_outcome_phrase_the_reader_matches_holds_a_gate_stem() -> None:
    """The byte gate asks the stems alone on pages without Arabic script: every outcome phrase the reader
    finds in the labelled English and French cases must contain one, or its page would be dropped unread."""
    from estimates.language import language
    from estimates.outcomes import outcome_table

    stems = [s.lower() for s in gate_stems()]
    found, missing = 0, set()
    for doc in (json.loads(line) for path in CASES for line in path.read_text(encoding="utf-8").splitlines()):
        lang = language(doc.get("lang"))
        if lang.arabic:
            continue
        for match in outcome_table(lang)[0].finditer(doc["text"]):
            found += 1
            phrase = match.group().lower()
            if not any(stem in phrase for stem in stems):
                missing.add(phrase)
    assert found > 500 and not missing, sorted(missing)
