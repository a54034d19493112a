"""Outcome tables (estimates/tables.py): a header row naming outcomes, rows of figures under it."""
from __future__ import annotations

from estimates import extract

EN_TABLE = """UNAMI monthly civilian casualty figures, Nineveh governorate
Month | Killed | Injured
February 2017 | 306 | 517
March 2017 | 532 | 645"""

AR_TABLE = """حصيلة الضحايا المدنيين لشهر أيار بحسب بعثة يونامي
المحافظة | قتلى | جرحى
نينوى | 211 | 96
الأنبار | 38 | 71"""


def _rows(text: str, lang: str | None = None) -> list[tuple]:
    return sorted((e.low, e.outcome, e.victims, e.place, e.claimant_id) for e in extract(text, lang=lang))


def test_each_cell_takes_its_columns_outcome_and_the_titles_place_victims_and_claimant():
    assert _rows(EN_TABLE) == [(306, "killed", "civilians", "Nineveh governorate", "unami"),
                               (517, "injured", "civilians", "Nineveh governorate", "unami"),
                               (532, "killed", "civilians", "Nineveh governorate", "unami"),
                               (645, "injured", "civilians", "Nineveh governorate", "unami")]


def test_a_row_naming_a_place_places_its_figures_there():
    rows = _rows(AR_TABLE)
    assert (211, "killed", "civilians", "نينوى", "unami") in rows
    assert (71, "injured", "civilians", "الأنبار", "unami") in rows and len(rows) == 4


def test_a_table_whose_header_names_no_outcome_gives_nothing():
    assert extract("Province | Displaced | Returned\nNineveh | 306 | 517\nAnbar | 40 | 12") == []


def test_a_table_ends_at_the_first_row_of_another_shape():
    text = EN_TABLE + "\nTotal for the quarter was revised | 1,300 | 2,000 | 12"
    assert [e.low for e in extract(text)].count(1300) == 0


def test_a_titled_list_gives_each_row_the_titles_outcome_victims_and_claimant():
    text = ("Civilian deaths recorded by the Nineveh health directorate, by district (Oct 2016 – Jul 2017):\n"
            "- Old City: 3,120\n- Zanjili: 1,045\n- Hammam al-Alil: 8 – 25 (estimate)\n"
            "Officials said the totals excluded bodies still under rubble.")
    assert [(e.low, e.high, e.outcome, e.victims, e.place, e.claimant_text) for e in extract(text, lang="en")] == [
        (3120, 3120, "killed", "civilians", "Old City", "Nineveh health directorate"),
        (1045, 1045, "killed", "civilians", "Zanjili", "Nineveh health directorate"),
        (8, 25, "killed", "civilians", "Hammam al-Alil", "Nineveh health directorate")]


def test_list_rows_labelled_by_dates_keep_the_titles_place():
    text = "Bilan mensuel des civils tués à Raqqa, selon l'OSDH :\n- juin 2017 : 256\n- juillet 2017 : 433"
    assert [(e.low, e.place) for e in extract(text, lang="fr")] == [(256, "Raqqa"), (433, "Raqqa")]


def test_one_row_is_no_list_and_a_title_without_an_outcome_makes_none():
    assert extract("Civilian deaths by district:\n- Old City: 3,120", lang="en") == []
    assert extract("Aid deliveries by district:\n- Old City: 3,120\n- Zanjili: 1,045", lang="en") == []


def test_a_pdfs_space_aligned_table_is_read_like_a_barred_one():
    text = ("Civilian casualties reported by regional military administrations, 7-13 July\n"
            "Region            Killed   Injured\n"
            "Donetsk               14        52\n"
            "Kharkiv                9        61\n"
            "Totals compiled by the Kyiv Independent.")
    assert [(e.low, e.outcome, e.place) for e in extract(text, lang="en")] == [
        (14, "killed", "Donetsk"), (52, "injured", "Donetsk"), (9, "killed", "Kharkiv"), (61, "injured", "Kharkiv")]


def test_prose_with_double_spaces_is_no_table():
    text = "Police said  the blast killed 12 people.  Another 30 were wounded in the market."
    assert [(e.low, e.outcome) for e in extract(text, lang="en")] == [(12, "killed"), (30, "injured")]
