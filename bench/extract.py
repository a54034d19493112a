"""Throughput of estimates.extract() on real-length news paragraphs (one core).

Builds a seeded corpus of ~80-150-word paragraphs from templates: casualty and non-casualty, English and
Arabic, then times extract() over it and prints paragraphs/second. Target: at least 2,000/s.

usage: python bench/extract.py [--paragraphs N] [--repeat R]
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from estimates import extract  # noqa: E402

EN_CASUALTY = [
    "At least {n} civilians were killed in west Mosul on {day}, {who} said.",
    "{Who} says more than {n} people died in air strikes on the {hood} district.",
    "The death toll from the bombing in {city} has risen to {n}, according to {who}.",
    "An air strike killed {n} people, including {m} children, residents told Reuters.",
    "Between {n} and {n2} civilians were killed during the battle for {city}, an investigation found.",
    "Doctors said they had treated {n} people wounded by sniper fire and mortar rounds.",
    "{Who} put the number of missing residents at over {n}.",
]
EN_FILLER = [
    "Iraqi forces advanced slowly through the narrow streets of the Old City, backed by coalition aircraft.",
    "Aid agencies warned that food and clean water were running out in the besieged neighbourhoods.",
    "The offensive, launched in October 2016, involved about 100,000 troops and militia fighters.",
    "Residents described weeks spent sheltering in basements as shells fell on the houses above them.",
    "The United Nations has appealed for $985 million to fund its humanitarian response this year.",
    "Officials said reconstruction could take a decade and cost billions of dollars.",
    "Many families returned to the eastern districts after the fighting moved across the Tigris.",
    "The prime minister visited the city on Sunday and promised to rebuild its bridges and hospitals.",
    "Engineers began clearing rubble from the main roads leading to the university campus.",
    "A spokesman for the coalition said its strikes followed strict rules of engagement.",
]
AR_CASUALTY = [
    "قتل {n} مدنيا وأصيب {m} آخرون في غارة جوية على حي {ahood} غرب الموصل.",
    "أعلنت وزارة الصحة مقتل أكثر من {n} مدني في الجانب الأيمن من المدينة.",
    "قال مصدر أمني إن {n} شخصا قتلوا في انفجار سيارة مفخخة.",
    "ارتفعت حصيلة ضحايا التفجير إلى {n} قتيلا، بحسب مصادر طبية.",
]
AR_FILLER = [
    "وتواصل القوات العراقية تقدمها في أحياء المدينة القديمة وسط مقاومة شديدة من مسلحي التنظيم.",
    "وحذرت منظمات الإغاثة من نقص حاد في الغذاء والمياه الصالحة للشرب داخل الأحياء المحاصرة.",
    "وبدأت العمليات العسكرية في تشرين الأول عام 2016 بمشاركة عشرات الآلاف من الجنود.",
    "وعاد آلاف النازحين إلى منازلهم في الجانب الأيسر بعد تحسن الأوضاع الأمنية.",
    "وأكد رئيس الوزراء أن الحكومة ستعمل على إعادة إعمار الجسور والمستشفيات المدمرة.",
    "وتقدر كلفة إعادة الإعمار بمليارات الدولارات بحسب تقديرات أولية.",
]
WHO = ["the UN", "Airwars", "Amnesty International", "a local official", "the health ministry", "police"]
HOODS = ["al-Thawra", "Zanjili", "Yarmouk", "al-Jadida", "Nabi Yunus"]
AR_HOODS = ["الزنجيلي", "اليرموك", "الثورة", "الجديدة"]
CITIES = ["Mosul", "Raqqa", "Aleppo", "Tal Afar"]


def paragraph(rng: random.Random, lang: str, casualty: bool) -> str:
    filler, templates = (EN_FILLER, EN_CASUALTY) if lang == "en" else (AR_FILLER, AR_CASUALTY)
    sentences = rng.sample(filler, k=min(len(filler), rng.randint(5, 7)))
    if casualty:
        n = rng.choice([12, 27, 105, 326, 1200, 2117, 5805, 9000, 40000])
        who = rng.choice(WHO)
        fields = dict(n=f"{n:,}", n2=f"{n * 2:,}", m=rng.randint(2, 11), day="Thursday", who=who,
                      Who=who[0].upper() + who[1:], hood=rng.choice(HOODS), city=rng.choice(CITIES),
                      ahood=rng.choice(AR_HOODS))
        for _ in range(rng.randint(1, 2)):
            sentences.insert(rng.randint(0, len(sentences)), rng.choice(templates).format(**fields))
    return " ".join(sentences)


def corpus(size: int, seed: int = 2017) -> list[str]:
    rng = random.Random(seed)
    return [paragraph(rng, "ar" if (i // 2) % 4 == 3 else "en", casualty=i % 2 == 0) for i in range(size)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    paragraphs = corpus(args.paragraphs)
    words = sum(len(p.split()) for p in paragraphs) / len(paragraphs)
    extract(paragraphs[0])  # warm up lazily built caches
    best, found = float("inf"), 0
    for _ in range(args.repeat):
        started = time.perf_counter()
        found = sum(len(extract(p)) for p in paragraphs)
        best = min(best, time.perf_counter() - started)
    print(f"{len(paragraphs)} paragraphs (~{words:.0f} words, half with casualty figures, 1/4 Arabic): "
          f"{found} estimates, {len(paragraphs) / best:,.0f} paragraphs/second (best of {args.repeat})")


if __name__ == "__main__":
    main()
