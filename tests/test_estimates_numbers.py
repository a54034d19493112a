"""Number parsing, English and Arabic (estimates/numbers.py)."""
import pytest

from estimates.numbers import arabic_words, english_words, find
from estimates.text import norm_ar


def values(text: str) -> list[int]:
    return [n.value for n in find(text)]


@pytest.mark.parametrize("text, expected", [
    ("40,000", [40000]), ("40 000", [40000]), ("40.000", [40000]), ("40k", [40000]), ("40K", [40000]),
    ("1.2m", [1200000]), ("1.5 million", [1500000]), ("9,606", [9606]), ("12 000", [12000]),
    ("2 million", [2000000]), ("40 thousand", [40000]), ("1,066", [1066]), ("3", [3]),
    ("12\u202f000", [12000]), ("1.500 million", [1500000]),
])
def test_digits(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text", ["17/10/2016", "10:30", "2.5", "0.75"])
def test_digit_shapes_that_are_not_counts(text):
    assert values(text) == []


@pytest.mark.parametrize("text, expected", [
    ("forty thousand", 40000), ("sixty-three", 63), ("a hundred and five", 105), ("one hundred thousand", 100000),
    ("two hundred and fifty", 250), ("half a million", 500000), ("a dozen", 12), ("eleven", 11),
    ("one hundred and five thousand", 105000), ("Twenty-three", 23),
])
def test_english_words(text, expected):
    assert values(text) == [expected]


@pytest.mark.parametrize("text", ["several thousand", "dozens", "hundreds", "thousands", "tens of thousands"])
def test_vague_amounts_give_no_number(text):
    assert values(text) == []


def test_and_joins_only_after_a_scale():
    assert values("two and three") == [2, 3]
    assert values("sixty-three and a hundred and five") == [63, 105]


def test_english_words_parser_rejects_bare_scale():
    assert english_words("thousand") is None
    assert english_words("a thousand") == 1000


@pytest.mark.parametrize("text, expected", [
    ("٩٦٠٦", 9606), ("١٢٬٠٠٠", 12000), ("٢٥٠", 250), ("۱۲۰۰", 1200), ("3 آلاف", 3000), ("11 ألفا", 11000),
    ("ثلاثة آلاف", 3000), ("خمسة وعشرون", 25), ("ألف", 1000), ("ألفين", 2000), ("مئة", 100), ("مائتي", 200),
    ("ثلاثمائة ألف", 300000), ("نصف مليون", 500000), ("عشرة", 10), ("ثلاثة عشر", 13), ("مليون", 1000000),
    ("1.5 مليون", 1500000),
])
def test_arabic(text, expected):
    assert values(norm_ar(text)) == [expected]


@pytest.mark.parametrize("text", ["آلاف", "عشرات", "مئات", "الآلاف", "عشرات الآلاف"])
def test_arabic_vague(text):
    assert values(norm_ar(text)) == []


def test_arabic_words_parser_direct():
    assert arabic_words(norm_ar("أربعة آلاف")) == 4000
    assert arabic_words(norm_ar("آلاف")) is None


def test_year_is_plain_and_grouped_is_not():
    (year,) = find("2017")
    (grouped,) = find("2,017")
    assert year.plain and not grouped.plain
