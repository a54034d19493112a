"""The shared dev set, scored by the official scorer, when present on this machine."""
import importlib.util
import json
from pathlib import Path

import pytest

from estimates import extract

DEV = Path("/work/shared/eval/extract_dev.jsonl")
SCORER = Path("/work/shared/eval/score_extract.py")


@pytest.mark.skipif(not (DEV.exists() and SCORER.exists()), reason="shared dev set not present")
def test_dev_set_scores(tmp_path):
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for line in DEV.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            found = [e.to_dict() for e in extract(doc["text"], lang=doc["lang"])]
            out.write(json.dumps({"id": doc["id"], "estimates": found}, ensure_ascii=False) + "\n")
    spec = importlib.util.spec_from_file_location("score_extract", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    result, _ = scorer.main(str(DEV), str(pred))
    assert result["en"]["F1"] >= 0.9 and result["ar"]["F1"] >= 0.8, result
    assert result["en"]["victims"] >= 0.9 and result["en"]["claimant"] >= 0.8, result
