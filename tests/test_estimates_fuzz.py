"""Garbage in never raises and stays fast (a seeded, hypothesis-free fuzz)."""
import random
import time

from estimates import extract

ALPHABET = ("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 ,.;:!?-–—()[]'\"%$/\n\t"
            "\x00\x01\x07\x1b\u200b\u202f\u00a0 قتلمدنيأصيبجرحىالموصل ٠١٢٣٤٥٦٧٨٩٬٫،؟ 😀")
WORDS = ["killed", "dead", "wounded", "civilians", "more", "than", "between", "and", "at", "least", "40,000",
         "sixty-three", "thousand", "مقتل", "أكثر", "من", "آلاف", "٩٦٠٦", "Mosul", "said", "according", "to",
         "1.2m", "-", "year-old", "per", "cent", "were", "troops", "displaced", ",", ".", "the", "بين", "و"]


def test_random_characters_never_raise():
    rng = random.Random(1234)
    for _ in range(500):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 400)))
        for e in extract(text):
            assert e.outcome in ("killed", "injured", "missing", "casualties")


def test_random_casualty_words_never_raise_and_stay_consistent():
    rng = random.Random(99)
    for _ in range(2000):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 40)))
        for e in extract(text):
            assert e.low is not None or e.high is not None
            if e.low is not None and e.high is not None:
                assert e.low <= e.high
            assert e.qualifier in ("exact", "about", "at_least", "more_than", "up_to", "range")
            assert e.to_dict()["quote"]


def test_one_megabyte_is_fast():
    rng = random.Random(7)
    chunk = " ".join(rng.choice(WORDS) for _ in range(2000))
    text = (chunk + " ") * (1_000_000 // len(chunk) + 1)
    started = time.perf_counter()
    extract(text[:1_000_000])
    assert time.perf_counter() - started < 20


def test_one_megabyte_without_stops_or_spaces():
    started = time.perf_counter()
    extract("1" * 500_000 + "killed" + "ق" * 500_000)
    extract(("killed 40 " * 100_000)[:1_000_000])
    assert time.perf_counter() - started < 20


def test_empty_and_whitespace():
    assert extract("") == []
    assert extract("   \n\n\t") == []
    assert extract("killed") == []
