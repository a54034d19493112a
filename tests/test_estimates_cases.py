"""Scores the labelled case file (tests/data/estimates_cases.jsonl) with the dev-set scorer's match rule:
same set of figures and same outcome group; optional gold is ignored; extras count unless allowed."""
import json
from collections import defaultdict
from pathlib import Path

import pytest

from estimates import extract

CASES = Path(__file__).parent / "data" / "estimates_cases.jsonl"
OUTCOME = {"killed": "killed", "injured": "injured", "missing": "missing", "casualties": "casualties"}
GROUP = {"civilians": "civ", "children": "civ", "women": "civ", "combatants": "cmb", "security forces": "cmb",
         "people": "any"}
THRESHOLDS = {"en": {"f1": 0.9, "victims": 0.9, "claimant": 0.8}, "ar": {"f1": 0.85, "victims": 0.9, "claimant": 0.8}}


def _figures(e: dict) -> frozenset:
    return frozenset(v for v in (e.get("low"), e.get("high")) if v is not None)


def _score_doc(doc: dict, got: list[dict], s: dict) -> None:
    used = [False] * len(got)
    for g in doc["gold"]:
        hit = next((i for i, p in enumerate(got) if not used[i] and _figures(p) == _figures(g)
                    and OUTCOME.get(p["outcome"]) == g["outcome"]), None)
        if hit is None:
            s["fn"] += not g["optional"]
            continue
        used[hit] = True
        if g["optional"]:
            continue
        s["tp"] += 1
        p = got[hit]
        if g["victims"]:
            s["vict_n"] += 1
            s["vict_ok"] += GROUP.get(p["victims"]) == GROUP[g["victims"]]
        if g["claimant"]:
            s["cl_n"] += 1
            s["cl_ok"] += g["claimant"].lower() in str(p["claimant"] or "").lower()
    s["fp"] += 0 if doc["allow_extra"] else used.count(False)


@pytest.fixture(scope="module")
def scores() -> dict:
    stats: dict = defaultdict(lambda: defaultdict(int))
    for line in CASES.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        got = [e.to_dict() for e in extract(doc["text"], lang=doc["lang"])]
        _score_doc(doc, got, stats[doc["lang"]])
    return stats


def test_case_file_is_big_and_balanced():
    docs = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines()]
    assert len(docs) >= 150
    assert sum(d["lang"] == "ar" for d in docs) >= 40
    assert sum(not d["gold"] for d in docs) >= 30  # negative cases


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_f1(scores, lang):
    s = scores[lang]
    p = s["tp"] / (s["tp"] + s["fp"])
    r = s["tp"] / (s["tp"] + s["fn"])
    assert 2 * p * r / (p + r) >= THRESHOLDS[lang]["f1"], dict(s)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_victims_and_claimant_accuracy(scores, lang):
    s = scores[lang]
    assert s["vict_ok"] / s["vict_n"] >= THRESHOLDS[lang]["victims"], dict(s)
    assert s["cl_ok"] / s["cl_n"] >= THRESHOLDS[lang]["claimant"], dict(s)
