"""Languages as data (estimates/language.py): each language is a data module; the stages ask it for word
lists and named patterns. These tests hold the machinery and the data modules to that contract."""
from __future__ import annotations

import re

import pytest

from estimates import extract
from estimates.language import ARABIC, ENGLISH, FRENCH, LANGUAGES, LATIN, NEVER, language
from estimates.text import detect_lang


@pytest.mark.parametrize("text, code", [
    ("At least 40 civilians were killed in the strike on the market, the ministry said.", "en"),
    ("Au moins 40 civils ont été tués dans la frappe sur le marché, selon le ministère.", "fr"),
    ("قتل 40 مدنيا على الأقل في الغارة على السوق بحسب الوزارة.", "ar"),
])
def test_the_language_of_a_text_is_told_by_script_then_function_words(text, code):
    assert detect_lang(text) == code


def test_a_story_without_a_language_is_read_in_the_one_detected():
    (e,) = extract("Au moins 40 civils ont été tués à Mossoul, selon l'ONU.")
    assert (e.low, e.outcome, e.victims, e.place, e.lang) == (40, "killed", "civilians", "Mossoul", "fr")


@pytest.mark.parametrize("code, lang", [("fr-FR", FRENCH), ("AR", ARABIC), ("en_GB", ENGLISH), ("de", ENGLISH),
                                        (None, ENGLISH)])
def test_a_code_names_its_language_and_one_without_data_reads_as_english(code, lang):
    assert language(code) is lang


def test_a_construction_a_language_does_not_define_never_matches():
    assert ENGLISH.pattern("no such construction") is NEVER
    assert NEVER.search("anything at all") is None


def test_patterns_name_word_lists_and_other_patterns():
    assert re.fullmatch(ENGLISH.expand("<RANGE_OPENERS>"), "between some")
    assert ENGLISH.expand("<NO_SUCH_LIST>") == "(?!)"
    assert ENGLISH.pattern("relative").search("A morgue official, who asked not to be named")  # <@relative_lead>


def test_arabic_patterns_are_written_in_ordinary_spelling_and_read_normalised():
    # "إلى" in the data matches the normalised "الي" the Arabic rules read
    assert ARABIC.pattern("revised").search("خفضت الوزارة الحصيلة الي ")


def test_every_latin_language_defines_what_english_defines_or_says_it_has_no_such_construction():
    """A pattern missing from a language silently turns a rule off: a data module lists the constructions it
    does not have (NOT_USED), so that a missing one is a decision, not an accident."""
    wanted = set(ENGLISH.lex.PATTERNS)
    for lang in LATIN:
        missing = wanted - set(lang.lex.PATTERNS) - set(getattr(lang.lex, "NOT_USED", ()))
        assert not missing, f"{lang.code} lacks {sorted(missing)}"


@pytest.mark.parametrize("lang", list(LANGUAGES.values()), ids=lambda lang: lang.code)
def test_every_place_rule_names_a_pattern_of_its_language(lang):
    for rank, name, how, *needs in lang.lex.PLACE_RULES:
        assert name in lang.lex.PATTERNS and 0 <= rank <= 4 and how in ("cased", "folded")
        assert lang.pattern(name) is not NEVER
        assert len(needs) <= 1 and all(lang.words(list_name) for list_name in needs)  # a word list it has


@pytest.mark.parametrize("lang", list(LANGUAGES.values()), ids=lambda lang: lang.code)
def test_every_pattern_of_every_language_compiles(lang):
    for name in lang.lex.PATTERNS:
        assert lang.pattern(name) is not NEVER, name


def test_arabic_normalisation_remembers_sentences_but_not_pages():
    from estimates import text

    text._norm_remembered.cache_clear()  # other tests may have filled it to its bound
    page = "قُتل " * 1000  # 5,000 characters
    assert text.norm_ar(page) == "قتل " * 1000
    assert text._norm_remembered.cache_info().currsize == 0
    assert text.norm_ar("قُتل 12 مدنيا في غارة") == "قتل 12 مدنيا في غاره"
    assert text._norm_remembered.cache_info().currsize == 1
