"""Every labelled case its own test, so a regression names the sentence it broke.

The aggregate scores (tests/test_estimates_cases.py) pass at F1 0.9 while the reader scores 0.99: about 95
cases could break before they noticed. Here each case passes when the reader finds exactly its gold figures
(the scorer's match rule: same figures, same outcome; optional gold ignored; no extras unless allowed) and, for
each figure, the victims group, the claimant and the place the gold names.

Cases the reader gets wrong today are listed in tests/data/estimates_known_failures.txt, with the problem. The
list can only shrink: a listed case that passes fails its test until its line is removed, and a case not
listed that fails is a regression.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from estimates import extract

DATA = Path(__file__).parent / "data"
# every labelled set: the written cases (English and Arabic, French), and every blind round once scored
CASE_FILES = [DATA / "estimates_cases.jsonl", DATA / "estimates_cases_fr.jsonl", *sorted((DATA / "blind").rglob("*.jsonl"))]
KNOWN = DATA / "estimates_known_failures.txt"
OUTCOME = {"killed": "killed", "injured": "injured", "missing": "missing", "casualties": "casualties"}
GROUP = {"civilians": "civ", "children": "civ", "women": "civ", "combatants": "cmb", "security forces": "cmb",
         "people": "any"}


def _cases() -> list[dict]:
    return [json.loads(line) for path in CASE_FILES for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def _known() -> dict[str, str]:
    out = {}
    for line in KNOWN.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            case_id, _, why = line.partition(" ")
            out[case_id] = why.strip()
    return out


def _figures(e: dict) -> frozenset:
    return frozenset(v for v in (e.get("low"), e.get("high")) if v is not None)


def problems(doc: dict, got: list[dict]) -> list[str]:
    """What the reader got wrong in one case, one short line each (empty: the case passes)."""
    out: list[str] = []
    used = [False] * len(got)
    for g in doc["gold"]:
        hit = next((i for i, p in enumerate(got) if not used[i] and _figures(p) == _figures(g)
                    and OUTCOME.get(p["outcome"]) == g["outcome"]), None)
        label = f"{g['low']}-{g['high']} {g['outcome']}"
        if hit is None:
            if not g["optional"]:
                out.append(f"missed {label}")
            continue
        used[hit] = True
        if g["optional"]:
            continue
        p = got[hit]
        if g.get("victims") and GROUP.get(p["victims"]) != GROUP.get(g["victims"]):
            out.append(f"{label}: victims {p['victims']} (gold {g['victims']})")
        if g.get("claimant") and g["claimant"].lower() not in str(p.get("claimant") or "").lower():
            out.append(f"{label}: claimant {p.get('claimant')!r} (gold {g['claimant']!r})")
        if g.get("place") and g["place"].lower() not in str(p.get("place") or "").lower():
            out.append(f"{label}: place {p.get('place')!r} (gold {g['place']!r})")
    if not doc["allow_extra"]:
        out += [f"extra {p['low']}-{p['high']} {p['outcome']}" for i, p in enumerate(got) if not used[i]]
    return out


CASES = _cases()
KNOWN_FAILURES = _known()


def test_case_ids_are_unique_and_known_failures_exist() -> None:
    ids = [d["id"] for d in CASES]
    assert len(ids) == len(set(ids))
    assert set(KNOWN_FAILURES) <= set(ids), sorted(set(KNOWN_FAILURES) - set(ids))


@pytest.mark.parametrize("doc", CASES, ids=[d["id"] for d in CASES])
def test_case(doc: dict) -> None:
    got = [e.to_dict() for e in extract(doc["text"], lang=doc["lang"])]
    wrong = problems(doc, got)
    known = KNOWN_FAILURES.get(doc["id"])
    if known is not None:
        if not wrong:
            pytest.fail(f"{doc['id']} now passes: remove it from {KNOWN.name} (the list only shrinks)")
        pytest.xfail(f"known failure: {known}")
    assert not wrong, f"{doc['id']}: {'; '.join(wrong)}\n{doc['text']}"
