"""Timing of estimates.gazetteer: build, lookup(), and find() on 300-character news paragraphs.

    .venv/bin/python bench/gazetteer.py [--repeat 5] [--no-regex]

Prints, on one core:
- the build in fresh child processes: from the sources (cache off) and from the build cache, each split
  into the lookup tables (first lookup()) and the automaton (first find()); targets: under 1.5 s;
- lookup() per name over English, Arabic and French names (hits and misses);
- find() per paragraph (~300 characters, English, Arabic and French, cut from the labelled cases in
  tests/data) with the Aho-Corasick automaton the module uses, and with the alternative the choice was
  measured against: one compiled regex (a trie of the same keys, tried at every word start) feeding the
  same checks; target: under 50 µs after warm-up;
- the memory the gazetteer adds (peak resident size of the child that builds it, less the same child
  without it).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from estimates import gazetteer  # noqa: E402

TARGET_BUILD_S = 1.5
TARGET_FIND_US = 50.0
NAMES = ["Mosul", "Mossoul", "الموصل", "بالموصل", "Al Mawsil", "west Mosul", "الساحل الأيمن", "Raqqa", "الرقة",
         "Alep", "Bagdad", "Bassorah", "Nineveh", "نينوى", "Iraq", "Irak", "العراق", "Tripoli", "Gaza Strip",
         "Sadr City", "Tal Afar", "Hammam al-Alil", "Khan Younis", "Kharkiv", "Atlantis", "Zzyzx", "Paris",
         "Deir ez-Zor", "ouest de Mossoul", "the Old City"]

CHILD = """
import json, resource, sys, time
from estimates import gazetteer
out = {}
if sys.argv[1] == "build":
    t1 = time.perf_counter(); gazetteer.lookup("Mosul")
    t2 = time.perf_counter(); gazetteer.find("Mosul")
    out = {"tables": t2 - t1, "automaton": time.perf_counter() - t2}
out["rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps(out))
"""


def child(cache: str, what: str = "build") -> tuple[dict[str, float], int]:
    """One fresh interpreter: the build's timings and its peak resident size (kB)."""
    env = {**os.environ, gazetteer.CACHE_ENV: cache}
    out = json.loads(subprocess.run([sys.executable, "-c", CHILD, what], cwd=ROOT, env=env, capture_output=True,
                                    text=True, check=True).stdout)
    return out, out.pop("rss_kb")


def bench_build(repeat: int) -> None:
    _, base_kb = child("off", "none")
    cold = [child("off") for _ in range(max(1, repeat // 2))]
    with tempfile.TemporaryDirectory() as cache:
        child(cache)  # writes the cache
        warm = [child(cache) for _ in range(repeat)]
    for label, runs in (("from sources", cold), ("from cache", warm)):
        tables = statistics.median(r["tables"] for r, _ in runs)
        auto = statistics.median(r["automaton"] for r, _ in runs)
        print(f"build {label:12}: tables {tables:5.2f} s + automaton {auto:4.2f} s = {tables + auto:4.2f} s "
              f"(target {TARGET_BUILD_S} s)")
    print(f"memory added: {(max(kb for _, kb in cold) - base_kb) / 1024:.0f} MB peak while building from sources, "
          f"{(max(kb for _, kb in warm) - base_kb) / 1024:.0f} MB from cache")


def bench_lookup(repeat: int) -> None:
    gazetteer.lookup("Mosul")
    n = 2000
    best = min(_time(lambda: [gazetteer.lookup(x) for x in NAMES], n // len(NAMES)) for _ in range(repeat))
    print(f"lookup(): {best / (n // len(NAMES) * len(NAMES)) * 1e6:.1f} µs per name ({len(NAMES)} names, hits "
          "and misses)")


def paragraphs() -> list[str]:
    """~300-character paragraphs cut at word boundaries from the labelled cases (en, ar, fr)."""
    texts = []
    for path in [ROOT / "tests/data/estimates_cases.jsonl", *sorted((ROOT / "tests/data/blind").rglob("*.jsonl"))]:
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    out, cur = [], ""
    for word in " ".join(texts).split():
        cur = f"{cur} {word}" if cur else word
        if len(cur) >= 300:
            out.append(cur)
            cur = ""
    return out


class RegexFinder:
    """find() with one compiled regex instead of the automaton: the same keys as a trie-shaped alternation,
    tried at every word start (a lookahead, so that every start is a candidate as with the automaton), then
    the same word-end, capital and longest-match checks."""

    def __init__(self, finder: "gazetteer._Finder") -> None:
        self.table = {key[1:]: value for key, value in finder.automaton.items()}
        self.regex = re.compile(r"(?<= )(?=(" + _trie(self.table) + r")(?: |$))")
        self.text_table = finder.table

    def find(self, text: str) -> list[tuple[int, int, gazetteer.Entry]]:
        marks = not text.isascii() and gazetteer._MARKS.search(text)
        base = gazetteer._MARKS.sub("", text) if marks else text
        norm = " " + gazetteer._fold_text(base, self.text_table)
        hits = []
        for m in self.regex.finditer(norm):
            key = m.group(1)
            length, skip, caps, entry, short = self.table[key]
            start = m.start() - 1 + skip
            end = m.start() - 1 + len(key)
            if caps and not all(base[start + o].isupper() for o in caps):
                continue
            if short and base[start:end].isupper():
                continue
            hits.append((start, end, entry))
        chosen = gazetteer._longest(hits)
        if base is text or not chosen:
            return chosen
        back = gazetteer._offsets_back(text)
        return [(back(s), back(e - 1) + 1, x) for s, e, x in chosen]


def _trie(words: dict[str, object]) -> str:
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        optional = "" in node
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and not optional else "(?:" + "|".join(alts) + ")"
        if optional:
            body = (body if len(alts) > 1 else f"(?:{body})") + "?"
        return body

    sys.setrecursionlimit(10_000)
    return emit(trie)


def bench_find(repeat: int, with_regex: bool) -> None:
    paras = paragraphs()
    finder = gazetteer._gazetteer().finder()
    finders = [("Aho-Corasick automaton", finder.find)]
    if with_regex:
        t = time.perf_counter()
        rx = RegexFinder(finder)
        print(f"regex alternative: compiled in {time.perf_counter() - t:.1f} s ({len(rx.table)} keys)")
        same = sum(rx.find(p) == finder.find(p) for p in paras)
        print(f"  same spans as the automaton on {same}/{len(paras)} paragraphs")
        finders.append(("one compiled regex", rx.find))
    avg = statistics.mean(map(len, paras))
    for label, fn in finders:
        for p in paras[:50]:
            fn(p)  # warm-up
        best = min(_time(lambda: [fn(p) for p in paras], 1) for _ in range(repeat))
        print(f"find() with {label:22}: {best / len(paras) * 1e6:6.1f} µs per paragraph "
              f"({len(paras)} paragraphs of {avg:.0f} characters; target {TARGET_FIND_US:.0f} µs)")


def _time(fn, times: int) -> float:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    for _ in range(times):
        fn()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-regex", action="store_true", help="skip the regex alternative (its compile is slow)")
    ap.add_argument("--no-build", action="store_true", help="skip the child-process build timings")
    args = ap.parse_args()
    if not args.no_build:
        bench_build(args.repeat)
    bench_lookup(args.repeat)
    bench_find(args.repeat, not args.no_regex)


if __name__ == "__main__":
    main()
