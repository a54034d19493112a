"""Run extract() over a JSONL file of {"id", "text"[, "lang"]} and write {"id", "estimates"} lines.

usage: python bench/score_dev.py IN.jsonl OUT.jsonl
then:  python /work/shared/eval/score_extract.py IN.jsonl OUT.jsonl
The estimates list is exactly [e.to_dict() for e in extract(text, lang=lang)], as the CLI writes it.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from estimates import extract  # noqa: E402


def main(src: str, dst: str) -> int:
    with open(src, encoding="utf-8") as fin, open(dst, "w", encoding="utf-8") as fout:
        for line in fin:
            if not line.strip():
                continue
            doc = json.loads(line)
            found = [e.to_dict() for e in extract(doc["text"], lang=doc.get("lang"))]
            fout.write(json.dumps({"id": doc["id"], "estimates": found}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
