"""[watch] places resolve to gazetteer entries: "Mosul" also watches الموصل, Mossoul and west Mosul, and a
user can watch a province or a country (casualty_watch.config.watch_for, alerts.routing.Router)."""
from __future__ import annotations

from alerts.routing import make_router
from alerts.rules import AlertRule
from casualty_watch.config import watch_for
from estimates import extract

RULES = (AlertRule(kind="console"),)


def _router(*places: str):
    w = watch_for(places)
    return make_router(RULES, w.places, w.place_ids)


def test_a_watched_city_brings_its_other_spellings():
    w = watch_for(["Mosul"])
    assert {"Mosul", "الموصل", "Mossoul", "Al Mawsil"} <= set(w.places)
    assert w.place_ids == ("geonames:99072",)


def test_a_name_the_gazetteer_does_not_know_is_watched_as_written():
    w = watch_for(["Hasansham camp"])
    assert w.places == ("Hasansham camp",) and w.place_ids == ()


def test_an_estimate_in_a_part_of_a_watched_city_alerts():
    (e,) = extract("At least 40 civilians were killed in west Mosul.")
    assert e.place_id == "cw:iq-mosul-west"
    assert _router("Mosul")(e) == ["console"]


def test_an_arabic_estimate_alerts_a_user_who_wrote_the_english_name():
    (e,) = extract("قتل 40 مدنيا في الموصل")
    assert _router("Mosul")(e) == ["console"]


def test_a_watched_province_or_country_takes_the_towns_inside_it():
    (e,) = extract("At least 40 civilians were killed in Mosul.")
    assert _router("Nineveh")(e) == ["console"]
    assert _router("Iraq")(e) == ["console"]
    assert _router("Syria")(e) == []


def test_an_estimate_elsewhere_does_not_alert():
    (e,) = extract("At least 40 civilians were killed in Raqqa.")
    assert _router("Mosul", "Nineveh")(e) == []
