"""Search latency over HTTP on a 100,000-story archive, on SQLite and on PostgreSQL.

    .venv/bin/python bench/search.py [--items 100000] [--runs 40] [--db sqlite|postgresql|both] [--keep FILE]
                                     [--pg-schema NAME]

Fills a fresh archive with synthetic news stories (Zipf-distributed vocabulary, ~450 words each, "Mosul" in
nearly every story as in a real Mosul watch, a handful of rare names in five stories each), serves it with
the real app under uvicorn in a child process, and times `GET /api/items?q=...` from this process for rare,
medium and common terms. Target: p95 under 50 ms. PostgreSQL gets a schema of its own, dropped afterwards
(CASUALTY_WATCH_BENCH_PG, default the test database).
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import socket
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import httpx
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from casualty_watch.commands.serve_cmd import listen  # noqa: E402
from storage import Archive, ItemIn  # noqa: E402

PG_ADMIN = os.environ.get("CASUALTY_WATCH_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
TARGET_P95_MS = 50.0
RARE = ["zanjili", "hadba", "mushairfa", "ghizlani", "qayyarah", "hammam", "tammuz", "rashidiya", "yarimja",
        "bartella"]
DOMAIN = {"mosul": 0.95, "civilians": 0.45, "killed": 0.4, "coalition": 0.35, "airstrike": 0.12,
          "displaced": 0.2, "hospital": 0.15, "children": 0.25}
QUERIES = {
    "rare": RARE,
    "medium (airstrike, ~12%)": ["airstrike"],
    "common (mosul, ~95%)": ["mosul"],
    "two common words": ["mosul civilians"],
}
ENGLISH = ("the of and to in a is that for it as was with be by on not he this are or his from at which but "
           "have an they you were her she there been one all we their has would when if so what out up more "
           "said about into than them can only other new some could time these two may first then do any like "
           "my now over such our man me even most made after also did many before must through back years where "
           "much your way well down should because each just those people how too little state good very make "
           "world still own see men work long get here between both life being under never day same another know "
           "while last might us great old year off come since against go came right used take three city west "
           "east old forces fighting government officials report war siege battle families residents").split()


def vocabulary(size: int = 30000, seed: int = 7) -> list[str]:
    """Common English words first, then made-up words: Zipf weights give a realistic long tail."""
    rng = np.random.default_rng(seed)
    syllables = ["ka", "ri", "mo", "sul", "na", "di", "ha", "ber", "tal", "qu", "zi", "lo", "fa", "an", "esh",
                 "ul", "om", "ya", "ter", "mar", "gen", "pol", "vic", "ster"]
    words = list(dict.fromkeys(ENGLISH))
    seen = set(words) | set(RARE) | set(DOMAIN)
    while len(words) < size:
        w = "".join(rng.choice(syllables, size=rng.integers(2, 5)))
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words


def stories(n: int, seed: int = 11) -> Iterator[ItemIn]:
    """The same stories `rng.choice(..., p=weights)` would draw (the same random numbers through the same
    cumulative weights), drawn without rebuilding the 30,000-word cumulative sum for every story: a
    1,000,000-story archive then fills in minutes, not most of an hour."""
    rng = np.random.default_rng(seed)
    words = vocabulary()
    weights = 1.0 / np.arange(1, len(words) + 1) ** 1.07
    weights /= weights.sum()
    cdf = weights.cumsum()
    cdf /= cdf[-1]

    def draw(size: int) -> list[str]:
        return [words[k] for k in cdf.searchsorted(rng.random(size), side="right").tolist()]

    rare_docs = {int(d): w for w in RARE for d in rng.choice(n, size=5, replace=False)}
    start = datetime(2016, 10, 17, tzinfo=UTC)
    for i in range(n):
        length = int(rng.integers(250, 650))
        body = draw(length)
        for term, share in DOMAIN.items():
            if rng.random() < share:
                for _ in range(int(rng.integers(1, 4))):
                    body.insert(int(rng.integers(0, len(body))), term)
        if i in rare_docs:
            body.insert(int(rng.integers(0, len(body))), rare_docs[i])
        sentences = [" ".join(body[k:k + 18]).capitalize() + "." for k in range(0, len(body), 18)]
        title = " ".join(draw(7)).capitalize()
        yield ItemIn(url=f"https://outlet{i % 40}.example/news/{i}", title=title, text=" ".join(sentences),
                     source=f"outlet-{i % 40}", published=start + timedelta(minutes=7 * i), language="en")


def _serve(url: str, sock: socket.socket) -> None:
    import uvicorn

    from web.app import create_app

    app = create_app(url, token=None, require_token=False, version="bench")
    uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False)).run(sockets=[sock])


@contextmanager
def server(url: str) -> Iterator[str]:
    """uvicorn in a child process, on a socket bound here and handed down (no port for another process to take)."""
    sock = listen("127.0.0.1", 0)
    port = sock.getsockname()[1]
    proc = multiprocessing.get_context("spawn").Process(target=_serve, args=(url, sock), daemon=True)
    proc.start()
    sock.close()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"{base}/healthz", timeout=1)
            break
        except httpx.TransportError:
            if time.monotonic() > deadline or not proc.is_alive():
                raise SystemExit("the server did not start")
            time.sleep(0.1)
    try:
        yield base
    finally:
        proc.terminate()
        proc.join(10)


def measure(base: str, runs: int) -> dict[str, tuple[float, float, int]]:
    """p50, p95 (ms) and hits on the first page for each kind of query. Each request is a URL of its own (an
    ignored `run` parameter), so serve's read cache never answers: this times the search."""
    out = {}
    with httpx.Client(base_url=base, timeout=60) as client:
        for label, terms in QUERIES.items():
            for term in terms[:3]:  # warm the caches a real server would have warm
                client.get("/api/items", params={"q": term, "limit": 20, "run": "warm"}).raise_for_status()
            times, hits = [], 0
            for k in range(runs):
                term = terms[k % len(terms)]
                t0 = time.perf_counter()
                response = client.get("/api/items", params={"q": term, "limit": 20, "run": k})
                times.append((time.perf_counter() - t0) * 1000)
                response.raise_for_status()
                hits = max(hits, len(response.json()["items"]))
            times.sort()
            out[label] = (statistics.median(times), times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)],
                          hits)
    return out


def fill(url: str, n: int) -> float:
    archive = Archive(url)
    t0 = time.perf_counter()
    archive.bulk_load_items(stories(n))
    archive.refresh_statistics()
    archive.close()
    return time.perf_counter() - t0


@contextmanager
def pg_schema(keep: str | None = None) -> Iterator[str]:
    """A fresh schema, dropped afterwards; or the schema `keep` (made once, kept for later runs)."""
    from sqlalchemy import create_engine, text

    schema = keep or f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    sep = "&" if "?" in PG_ADMIN else "?"
    try:
        yield f"{PG_ADMIN}{sep}options={quote(f'-csearch_path={schema}')}"
    finally:
        if not keep:
            with admin.connect() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@contextmanager
def sqlite_file(keep: str | None = None) -> Iterator[str]:
    """A fresh archive in a temporary folder, or the file `keep` (filled once, reused by later runs)."""
    if keep:
        yield f"sqlite:///{Path(keep).resolve()}"
        return
    with tempfile.TemporaryDirectory(prefix="cw-bench-") as tmp:
        yield f"sqlite:///{tmp}/archive.db"


def stored(url: str) -> int:
    """How many stories an archive holds (0 for a new file)."""
    archive = Archive(url)
    try:
        return archive.totals()["items"]
    finally:
        archive.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=40, help="requests per kind of query")
    ap.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    ap.add_argument("--keep", metavar="FILE", help="SQLite: fill this archive file once and reuse it in later runs "
                    "(a 1,000,000-story archive takes ~20 min to fill)")
    ap.add_argument("--pg-schema", metavar="NAME", help="PostgreSQL: fill this schema once and keep it (drop it "
                    "yourself)")
    args = ap.parse_args()
    rows = []
    for db in (("sqlite", "postgresql") if args.db == "both" else (args.db,)):
        keep = args.keep if db == "sqlite" else args.pg_schema
        with (sqlite_file(keep) if db == "sqlite" else pg_schema(keep)) as url:
            have = stored(url) if keep else 0
            if have and have != args.items:
                raise SystemExit(f"{keep} holds {have:,} stories, not {args.items:,}")
            if not have:
                took = fill(url, args.items)
                print(f"{db}: loaded {args.items:,} stories in {took:.0f} s", file=sys.stderr)
            with server(url) as base:
                for label, (p50, p95, hits) in measure(base, args.runs).items():
                    rows.append((db, label, p50, p95, hits))
    print(f"\nGET /api/items?q=...&limit=20 on {args.items:,} stories, {args.runs} requests each "
          f"(target p95 < {TARGET_P95_MS:.0f} ms)\n")
    print(f"{'database':<11} {'query':<26} {'p50 ms':>8} {'p95 ms':>8} {'hits':>5}  ok")
    for db, label, p50, p95, hits in rows:
        print(f"{db:<11} {label:<26} {p50:8.1f} {p95:8.1f} {hits:5d}  {'yes' if p95 < TARGET_P95_MS else 'NO'}")
    return 0 if all(r[3] < TARGET_P95_MS for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
