"""A local name the gazetteer lacks is one place in every script (estimates/name_keys.py, reader._quarter_of)."""
from __future__ import annotations

import pytest

from estimates import extract, gazetteer
from estimates.name_keys import a_settlement, key


@pytest.mark.parametrize("names", [
    ("حي المشلب", "al-Mashlab", "al-Mashlab neighbourhood", "quartier d'al-Mashlab", "Mashlab"),
    ("حديقة حي الفردوس", "al-Firdaws park", "jardin al-Ferdous", "al-Firdous"),
    ("حي الحيدرية", "al-Haidariya", "Haidariyah"),
    ("الحوك", "al-Hawk", "Al Hawk district", "Hawk"),
    ("حي الحاج يوسف", "Haj Yousif", "Hajj Yusuf"),
])
def test_one_name_in_three_scripts_has_one_key(names: tuple[str, ...]) -> None:
    assert len({key(n) for n in names}) == 1 and key(names[0]) is not None


@pytest.mark.parametrize("a, b", [("al-Mashlab", "al-Mishraq"), ("حي الحيدرية", "حي الحمدانية"),
                                  ("al-Hawk", "al-Hali"), ("Sukkari", "Sakhour")])
def test_different_names_have_different_keys(a: str, b: str) -> None:
    assert key(a) != key(b)


@pytest.mark.parametrize("name", ["حديقة منزل مهجور", "the abandoned garden", "بلدة عين عيسى", "the village of Abu Maria",
                                  "", "a"])
def test_words_and_settlements_have_no_key(name: str) -> None:
    assert key(name) is None


def test_a_village_named_so_in_the_quote_is_a_settlement() -> None:
    assert a_settlement("Umm Sheet", "fleeing Tal Afar near the village of Umm Sheet, killing six")
    assert not a_settlement("al-Mashlab", "strikes on the al-Mashlab district killed 27")


def test_a_quarter_in_arabic_and_in_english_is_one_place_inside_its_city() -> None:
    (ar,) = extract("قال ناشطون إن غارة على حي المشلب في مدينة الرقة أسفرت عن مقتل 31 مدنيا.")
    (en,) = extract("Activists said an air strike on the al-Mashlab district of Raqqa killed 31 civilians.")
    assert ar.place_id == en.place_id and gazetteer.QUARTER_MARK in ar.place_id
    assert gazetteer.within(ar.place_id, gazetteer.lookup("Raqqa").id)  # a watch of Raqqa holds it
    assert gazetteer.get(ar.place_id).kind == "district"


def test_a_landmark_stays_in_its_anchors_place() -> None:
    (e,) = extract("A strike on the al-Nuri mosque in Mosul's Old City killed 12 people.")
    assert gazetteer.QUARTER_MARK not in (e.place_id or "")


def test_a_quarter_id_of_no_city_is_no_entry() -> None:
    assert gazetteer.get("iso:IQ~mSlb") is None and gazetteer.get("geonames:172955~m-1") is None


def test_a_quarter_takes_the_city_named_right_after_it_not_the_storys() -> None:
    text = ("Raqqa - Air strikes killed 17 civilians in the al-Badu quarter of Raqqa city.\n\n"
            "Activists said 14 civilians were killed in raids on the al-Hamidiyah neighbourhood of Deir Ezzor city.")
    (e,) = [e for e in extract(text) if e.low == 14]
    assert gazetteer.within(e.place_id, gazetteer.lookup("Deir ez-Zor").id)


def test_a_buildings_kind_word_is_no_part_of_its_name() -> None:
    assert key("مستشفى النهضة") == key("al-Nahda hospital") is not None
    assert key("سوق المخيم") is None  # "the camp's market": a kind word, no name


def test_a_landmark_the_gazetteer_lacks_lies_in_the_storys_city() -> None:
    text = ("A drone strike hit a hospital in El Fasher on Tuesday, killing 23 civilians.\n\n"
            "The Sudan Doctors Network gave a separate count of 17 people killed in the attack on al-Nahda hospital.")
    e = next(e for e in extract(text) if e.low == 17)
    assert e.place_id == gazetteer.lookup("El Fasher").id and e.claimant == "Sudan Doctors Network"
