"""Toll or incident, and the period a figure covers: each rule of kinds.KIND_RULES on a sentence it decides,
and with that rule taken out the answer changes (so a rule that stops firing fails here by name)."""
from __future__ import annotations

import pytest

from estimates import extract, kinds
from estimates.language import language

RULES = [
    ("over_a_period", "en", "Between October 2016 and July 2017, the strikes killed 9,000 people in Mosul.", "toll"),
    ("over_a_period", "ar", "وثقت المنظمة مقتل 9000 مدني في الموصل بين تشرين الأول 2016 وتموز 2017.", "toll"),
    ("months_apart", "en", "The group estimates that as many as 5,805 civilians may have been killed in west Mosul "
     "between 19 February and 19 June.", "toll"),
    ("months_apart", "fr", "Jusqu'à 5 805 civils ont pu être tués dans l'ouest de Mossoul entre le 19 février et le "
     "19 juin.", "toll"),
    ("one_event", "en", "The bodies of 17 men were found at an execution site in Mosul.", "incident"),
    ("one_event", "en", "Thirteen civilians were wounded when mortar rounds landed on districts of west Mosul.",
     "incident"),
    ("one_event", "ar", "قتل 105 مدنيين في غارة جوية على حي الجديدة في الموصل.", "incident"),
    ("one_event", "fr", "Une frappe aérienne a tué 105 civils à Mossoul.", "incident"),
    ("a_campaign", "en", "An AP investigation found that 9,000 civilians died in the battle for Mosul.", "toll"),
    ("a_campaign", "fr", "Au moins 40 000 civils ont été tués au cours de la bataille de Mossoul.", "toll"),
    ("one_day", "en", "Twelve people were killed in Mosul on Tuesday.", "incident"),
    ("one_day", "ar", "قتل 12 شخصا في الموصل أمس.", "incident"),
]


@pytest.mark.parametrize(("rule", "lang", "sentence", "kind"), RULES, ids=[f"{r[0]}-{r[1]}" for r in RULES])
def test_each_rule_decides_its_sentence(rule: str, lang: str, sentence: str, kind: str,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    assert kinds.read_kind(sentence, language(lang)).kind == kind
    monkeypatch.setattr(kinds, "KIND_RULES", tuple(r for r in kinds.KIND_RULES if r.__name__ != rule))
    assert kinds.read_kind(sentence, language(lang)).kind != kind


def test_every_rule_has_a_case() -> None:
    assert {r.__name__ for r in kinds.KIND_RULES} == {r[0] for r in RULES}


@pytest.mark.parametrize(("lang", "sentence", "start", "end"), [
    ("en", "From October 2016 to July 2017, 9,000 civilians were killed in Mosul.", "2016-10", "2017-07"),
    ("en", "Since October 2016, 5,000 people were killed in Mosul.", "2016-10", None),
    ("en", "In March 2017, 300 civilians were killed in west Mosul.", "2017-03", "2017-03"),
    ("en", "During 2017, 1,200 civilians were killed in Raqqa.", "2017-01", "2017-12"),
    ("fr", "D'octobre 2016 à juillet 2017, 9 000 civils ont été tués à Mossoul.", "2016-10", "2017-07"),
    ("ar", "قتل 40 ألف مدني في الموصل بين تشرين الأول ٢٠١٦ وتموز ٢٠١٧.", "2016-10", "2017-07"),
])
def test_period_stated(lang: str, sentence: str, start: str, end: str | None) -> None:
    period = kinds.read_kind(sentence, language(lang)).period
    assert period is not None and (period.start, period.end) == (start, end)


def test_no_cue_no_kind_and_a_saying_day_is_no_cue() -> None:
    assert kinds.read_kind("12 people were killed in Mosul.", language("en")) == kinds.Kind(None, None)
    assert kinds.read_kind("Police said on Monday that 12 people were killed in Mosul.", language("en")).kind is None
    assert kinds.read_kind("The government on Thursday said that 5,805 killed was exaggerated.", language("en")).kind is None
    assert kinds.read_kind("The report, released Tuesday, said 5,805 were killed.", language("en")).kind is None
    assert kinds.read_kind("Between 9,000 and 11,000 people were killed.", language("en")).period is None


def test_extract_carries_kind_and_period() -> None:
    (e,) = extract("Between October 2016 and July 2017, at least 9,000 civilians were killed in Mosul, the AP found.")
    assert (e.kind, e.period_start, e.period_end) == ("toll", "2016-10", "2017-07")
    assert e.to_dict()["period"] == {"start": "2016-10", "end": "2017-07"}
    (e,) = extract("A car bomb killed 12 people in Mosul.")
    assert e.kind == "incident" and e.to_dict()["period"] is None
