"""Each named rule of the reader's registries, on a sentence it decides: with the rule the reader gives the
expected answer; with that rule taken out of its registry the answer changes. So a rule that stops
firing, or a registry that loses a rule, fails here by name."""
from __future__ import annotations

from types import ModuleType

import pytest

from estimates import attribution, extract, reader

VICTIMS = [
    ("head_names_them", "ar", "قال مسؤول محلي إن حصيلة القتلى بلغت 63 مدنيا.", "civilians"),
    ("losing_side", "en", "The brigade lost 27 men in the first week of the assault, officers said.", "security forces"),
    ("predicate_group", "en", "Of the dead, 512 were civilians, the monitor said.", "civilians"),
    ("remains_of", "en", "Workers collected around 300 bodies of ISIS militants from the Old City, the municipality "
     "said.", "combatants"),
    ("head_people", "en", "The bombing killed 54 people, among them civilians.", "people"),
    ("antecedent_group", "en", "The army said 250 soldiers were wounded in the assault, 31 of whom died.",
     "security forces"),
    ("among_after", "ar", "أسفر التفجير عن سقوط 25 قتيلا في صفوف القوات الأمنية.", "security forces"),
    ("number_of", "en", "Kurdish intelligence put the number of civilians killed at over 40,000.", "civilians"),
    ("label_word", "en", "The toll among civilians rose to 212, the monitor said.", "civilians"),
    ("ranks_before", "ar", "وصل عدد القتلى في صفوف القوات العراقية منذ بدء الحملة إلى نحو 1,200 قتيل.",
     "security forces"),
    ("toll_owner", "en", "Peshmerga casualties in the Bashiqa operation stood at 22 dead and 87 wounded.",
     "security forces"),
    ("group_before", "ar", "بلغت حصيلة الضحايا المدنيين في الرقة أكثر من 1800 قتيل، وفق المرصد السوري.", "civilians"),
]

CLAIMANTS = [
    ("LATIN_RULES", "subject_verb", "en", "Medics said the blast left 18 dead and 40 wounded.", "Medics"),
    ("LATIN_RULES", "described_subject", "en", "Airwars, a London-based monitoring group, attributes between "
     "1,066 and 1,579 likely civilian deaths in Mosul to coalition actions.", "Airwars"),
    ("LATIN_RULES", "verb_then_speaker", "fr", "Le bilan est de 17, selon un responsable de l'hôpital.",
     "responsable de l'hôpital"),
    ("LATIN_RULES", "closing_verb", "en", "Shelling on the market killed nine people, the district's mayor, Oleh "
     "Marchenko, said.", "the district's mayor, Oleh Marchenko"),
    ("LATIN_RULES", "quoted_as_saying", "en", "A car bomb near the mosque killed 12 worshippers, the Iraqi News Agency "
     "quoted a civil defence officer as saying.", "civil defence officer"),
    ("LATIN_RULES", "figure_by", "en", "A household survey by researchers from two universities estimated that "
     "between 6,500 and 8,000 residents of Mosul died violently during the battle. Their findings suggest that "
     "the true toll may be as much as five times the figure of 1,260 released by the Nineveh health directorate.",
     "the Nineveh health directorate"),
    ("LATIN_RULES", "owner_possessive", "en", "Airwars' count of at least 1,400 civilian deaths in Raqqa was cited "
     "by lawmakers on Tuesday.", "Airwars"),
    ("LATIN_RULES", "released_by", "en", "Figures compiled by the Iraqi Red Crescent show 1,023 people injured by "
     "explosive remnants of war.", "the Iraqi Red Crescent"),
    ("LATIN_RULES", "body_record", "en", "A Save the Children analysis of 1,200 child deaths in Yemen was released "
     "on Wednesday.", "Save the Children"),
    ("LATIN_RULES", "participle_by", "fr", "Pas moins de 426 civils ont été tués dans 45 attaques documentées par "
     "Amnesty International.", "Amnesty International"),
    ("ARABIC_RULES", "verb_subject", "ar", "أعلنت وزارة الصحة مقتل 3 آلاف مدني في الموصل.", "وزارة الصحة"),
    ("ARABIC_RULES", "according_to", "ar", "وفقا للجنة الدولية للصليب الأحمر، قتل 14 مدنيا.",
     "اللجنة الدولية للصليب الأحمر"),
    ("ARABIC_RULES", "subject_before_verb", "ar", "وكانت الحكومة العراقية قد قدرت عدد القتلى المدنيين في المعركة "
     "بنحو 1260 شخصاً.", "الحكومة العراقية"),
    ("ARABIC_RULES", "record_made_by", "ar", "وأظهرت حصيلة أعدتها وكالة فرانس برس مقتل 45 مدنيا.", "وكالة فرانس برس"),
    ("SHARED_RULES", "headline_speaker", "ar", "الدفاع المدني: انتشال 48 جثة من تحت الأنقاض", "الدفاع المدني"),
    ("SHARED_RULES", "trailing_source", "en", "At least 7 killed in double bombing in Tal Afar - police", "police"),
]


def _without(module: ModuleType, registry: str, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    rules = getattr(module, registry)
    assert name in [r.__name__ for r in rules], f"{name} is not in {registry}"
    monkeypatch.setattr(module, registry, tuple(r for r in rules if r.__name__ != name))


@pytest.mark.parametrize("name, lang, text, victims", VICTIMS, ids=[c[0] for c in VICTIMS])
def test_victim_rule_decides_its_sentence(name: str, lang: str, text: str, victims: str,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    assert [e.victims for e in extract(text, lang=lang)][-1] == victims
    _without(reader, "VICTIM_RULES", name, monkeypatch)
    assert [e.victims for e in extract(text, lang=lang)][-1] != victims


@pytest.mark.parametrize("registry, name, lang, text, claimant", CLAIMANTS, ids=[c[1] for c in CLAIMANTS])
def test_claimant_rule_decides_its_sentence(registry: str, name: str, lang: str, text: str, claimant: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert extract(text, lang=lang)[-1].claimant_text == claimant
    _without(attribution, registry, name, monkeypatch)
    assert extract(text, lang=lang)[-1].claimant_text != claimant


def test_every_rule_of_every_registry_has_a_test_and_a_docstring() -> None:
    tested = {c[0] for c in VICTIMS} | {c[1] for c in CLAIMANTS}
    rules = [*reader.VICTIM_RULES, *attribution.LATIN_RULES, *attribution.ARABIC_RULES, *attribution.SHARED_RULES]
    assert {r.__name__ for r in rules} == tested
    assert all(r.__doc__ for r in rules)
