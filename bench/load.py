"""The HTTP API under load: concurrent clients on mixed routes against the real `casualty-watch serve`.

    .venv/bin/python bench/load.py [--items 100000] [--clients 20 100] [--workers 1 N] [--seconds 20] [--keep FILE]
                                   [--database URL] [--client httpx|raw] [--unique-searches]

Fills an archive with bench/search.py's synthetic stories (or reuses `--keep FILE` once filled, or an existing
`--database URL`), adds estimates stated by a few stories each (straight into the tables, as the bulk loader does:
bench data, not crawled), starts `casualty-watch serve --workers W` as a subprocess for each W, and drives it from
this process (httpx's async client, or `--client raw`, a bare asyncio one: see drive): C clients, each with its
own keep-alive connection, sending requests back to back for `--seconds`, after a warm-up of as long. Each
request is drawn from the mix a reader of the page makes:

    40%  GET /api/items?q=WORD[ WORD]   words drawn from the archive: half the domain terms and rare names the
                                        stories carry, half English/vocabulary words by their frequency in the text
    20%  GET /api/estimates             the page's table and timeline
    20%  GET /api/items[?source=S]      the newest stories, all or one outlet's
    20%  GET /api/estimates/{id}        an estimate's stories (ids drawn uniformly)

Prints requests/s, p50, p95 and p99 latency and errors for each (workers, clients), and the distinct share of URLs
asked (how much of the run a cache could answer). PATHS URLs are drawn, more than a run asks, and
`--unique-searches` makes every search its own URL (the worst case: no search answered from the cache).
Target (issue 12): 20 clients p95 < 50 ms; 100 clients no errors and p95 < 500 ms. The load generator runs on
the same machine and shares its cores with the server.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote_plus

import httpx
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from search import DOMAIN, RARE, fill, stored, vocabulary  # noqa: E402
from storage import Archive  # noqa: E402

CLI = str(Path(sys.executable).with_name("casualty-watch"))
TARGETS = {20: 50.0, 100: 500.0}  # clients: p95 ms
# URLs drawn per run: more than the fastest run asks (4,000 req/s for 20 s), so no run comes round to the URLs
# it asked first, which its own cache would answer
PATHS = 200_000
CLAIMANTS = ["Airwars", "Iraq Body Count", "the UN human rights office", "Amnesty International", "local officials",
             "the Associated Press", "the Nineveh health directorate", "the coalition"]
PLACES = ["Mosul", "west Mosul", "east Mosul", "al-Jadida", "Old City", "Zanjili", "Hammam al-Alil", "Nineveh"]


def add_estimates(url: str, count: int, per: int = 4, seed: int = 5) -> int:
    """`count` estimates, each stated by 1..2*per stories chosen at random: the mention and estimate rows the
    resolution would have written (bench data, inserted straight into the tables)."""
    from sqlalchemy import func, insert
    from sqlmodel import select

    from storage.tables import Estimate, Item, Mention

    rng = random.Random(seed)
    archive = Archive(url)
    try:
        with archive.reading() as s:
            if s.exec(select(func.count()).select_from(Estimate)).one():
                return 0
            published = dict(s.exec(select(Item.id, Item.published).where(Item.id % 97 == 0)).all())
        ids = sorted(published)
        with archive.writing() as s:
            conn = s.connection()
            for n in range(1, count + 1):
                low = rng.choice([3, 12, 40, 105, 230, 600, 1500, 3000, 9000])
                stories = sorted(rng.sample(ids, rng.randint(1, 2 * per)))
                first = published[stories[0]]
                place, who = rng.choice(PLACES), rng.choice(CLAIMANTS)
                quote = f"At least {low:,} civilians were killed in {place}, according to {who}."
                row = {"key": f"killed|{place.lower()}|{low}|{n}", "low": low, "high": low + rng.choice([0, 0, low // 2]),
                       "qualifier": "at least", "outcome": "killed", "victims": "civilians", "victims_group": "civilian",
                       "place": place, "place_key": place.lower(), "claimant": who, "claimant_text": who, "quote": quote,
                       "lang": "en", "first_seen": first + timedelta(hours=2), "first_stated": first,
                       "first_stated_from": "published", "first_item_id": stories[0], "status": "new"}
                estimate_id = conn.execute(insert(Estimate).values(**row)).inserted_primary_key[0]
                conn.execute(insert(Mention), [
                    {"estimate_id": estimate_id, "item_id": i, "quote": quote, "qualifier": "at least", "claimant": who,
                     "claimant_text": who, "low": row["low"], "high": row["high"], "outcome": "killed",
                     "victims": "civilians", "victims_group": "civilian", "place": place, "lang": "en",
                     "stated": published[i], "stated_from": "published", "seen": published[i] + timedelta(hours=2)}
                    for i in stories])
        return count
    finally:
        archive.close()


def query_words(n: int, seed: int = 3) -> list[str]:
    """Search terms drawn from the archive: domain terms and rare names, and words by their frequency."""
    rng = np.random.default_rng(seed)
    words = vocabulary()
    weights = 1.0 / np.arange(1, len(words) + 1) ** 1.07
    weights /= weights.sum()
    named = list(DOMAIN) + RARE
    two = rng.random(n) < 0.2  # a fifth of the searches are two words
    by_name = rng.random((n, 2)) < 0.5  # half the words a domain term or rare name, half by frequency
    names = rng.integers(len(named), size=(n, 2))
    frequent = rng.choice(len(words), size=(n, 2), p=weights)
    return [" ".join(named[names[k, j]] if by_name[k, j] else words[frequent[k, j]] for j in range(1 + two[k]))
            for k in range(n)]


@contextmanager
def serving(url: str, workers: int, tmp: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    config = tmp / f"load-{workers}.toml"
    config.write_text(f'database = "{url}"\n', encoding="utf-8")
    log = tmp / f"serve-{workers}.log"
    with log.open("wb") as err:
        proc = subprocess.Popen([CLI, "--config", str(config), "serve", "--port", "0", "--workers", str(workers)],
                                stdout=subprocess.DEVNULL, stderr=err)
    try:
        deadline = time.monotonic() + 60
        base = None
        while base is None:
            found = re.search(r"on (http://127\.0\.0\.1:\d+)/", log.read_text())
            if found:
                base = found.group(1)
            elif proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"serve did not start: {log.read_text()}")
            else:
                time.sleep(0.1)
        ready = 0
        while ready < workers * 4:  # every worker up: answers on several fresh connections in a row
            try:
                ready += httpx.get(f"{base}/healthz", timeout=2).status_code == 200
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"serve did not answer: {log.read_text()}")
                time.sleep(0.2)
        yield base, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def requests_mix(n: int, estimate_ids: list[int], seed: int, unique_searches: bool = False) -> list[str]:
    """`unique_searches`: every search its own URL (a `&n=K` the API ignores), so no search is a cache hit."""
    rng = random.Random(seed)
    words = query_words(n, seed=seed)
    out = []
    for k in range(n):
        r = rng.random()
        if r < 0.4:
            out.append(f"/api/items?q={quote_plus(words[k])}&limit=20"  # the page asks for 20
                       + (f"&n={k}" if unique_searches else ""))
        elif r < 0.6:
            out.append("/api/estimates")
        elif r < 0.8:
            out.append("/api/items" if rng.random() < 0.5 else f"/api/items?source=outlet-{rng.randrange(40)}")
        else:
            out.append(f"/api/estimates/{rng.choice(estimate_ids)}")
    return out


async def drive(base: str, clients: int, seconds: float, paths: list[str], kind: str = "httpx") -> dict:
    """`clients` connections sending back to back for `seconds`; latencies of the requests that finished.

    `kind` "httpx": httpx's async client, one connection each. "raw": a minimal HTTP/1.1 keep-alive client on
    asyncio streams (request line, status line, Content-Length body), which costs this process several times
    less CPU per request than httpx: on a 2-core machine the load generator's own CPU otherwise shows up as
    server latency."""
    times: list[float] = []
    errors: dict[str, int] = {}
    cursor = 0
    stop = time.monotonic() + seconds
    host, port = base.removeprefix("http://").rsplit(":", 1)

    kinds: dict[str, list[float]] = {}

    def record(t0: float, ok: bool, what: str, path: str) -> None:
        took = (time.perf_counter() - t0) * 1000
        times.append(took)
        kinds.setdefault(route(path), []).append(took)
        if not ok:
            errors[what] = errors.get(what, 0) + 1

    async def httpx_client() -> None:
        nonlocal cursor
        async with httpx.AsyncClient(base_url=base, timeout=30, limits=httpx.Limits(max_connections=1)) as http:
            while time.monotonic() < stop:
                path = paths[cursor % len(paths)]
                cursor += 1
                t0 = time.perf_counter()
                try:
                    response = await http.get(path)
                    await response.aread()
                    record(t0, response.status_code == 200, str(response.status_code), path)
                except httpx.HTTPError as exc:
                    record(t0, False, type(exc).__name__, path)

    async def raw_client() -> None:
        nonlocal cursor
        reader = writer = None
        while time.monotonic() < stop:
            path = paths[cursor % len(paths)]
            cursor += 1
            t0 = time.perf_counter()
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection(host, int(port))
                writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
                head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 30)
                status = head[9:12].decode()
                length = int(re.search(rb"(?i)\r\ncontent-length: *(\d+)", head).group(1))
                await reader.readexactly(length)
                record(t0, status == "200", status, path)
            except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, AttributeError) as exc:
                record(t0, False, type(exc).__name__, path)
                if writer is not None:
                    writer.close()
                reader = writer = None
        if writer is not None:
            writer.close()

    t0 = time.monotonic()
    await asyncio.gather(*((raw_client if kind == "raw" else httpx_client)() for _ in range(clients)))
    took = time.monotonic() - t0
    times.sort()
    return {"requests": len(times), "rate": len(times) / took, "p50": statistics.median(times),
            "p95": times[int(0.95 * (len(times) - 1))], "p99": times[int(0.99 * (len(times) - 1))],
            "errors": errors, "asked": cursor,
            "kinds": {k: (statistics.median(v), sorted(v)[int(0.95 * (len(v) - 1))], len(v)) for k, v in kinds.items()}}


def route(path: str) -> str:
    """The kind of a request, for the per-route figures: /api/items?q, /api/estimates/{id}, ..."""
    base, _, query = path.partition("?")
    base = re.sub(r"/\d+$", "/{id}", base)
    return base + ("?q" if "q=" in query else "?source" if "source=" in query else "")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=100_000)
    ap.add_argument("--estimates", type=int, default=1500)
    ap.add_argument("--clients", type=int, nargs="+", default=[20, 100])
    ap.add_argument("--workers", type=int, nargs="+", default=[1, os.cpu_count() or 1])
    ap.add_argument("--seconds", type=float, default=20.0, help="measured seconds per run (after as long a warm-up)")
    ap.add_argument("--keep", metavar="FILE", help="SQLite archive file to fill once and reuse")
    ap.add_argument("--unique-searches", action="store_true",
                    help="every search its own URL, so none is answered from the cache (the worst case)")
    ap.add_argument("--client", choices=("httpx", "raw"), default="httpx", help="the load generator (see drive)")
    ap.add_argument("--database", metavar="URL", help="an archive already filled (e.g. PostgreSQL); not changed "
                    "but for the estimates added once")
    args = ap.parse_args()
    if args.client == "raw":
        try:  # the generator's own CPU is taken from the server it measures: libuv's loop costs it less
            import uvloop
            uvloop.install()
        except ImportError:
            pass
    with tempfile.TemporaryDirectory(prefix="cw-load-") as tmpdir:
        tmp = Path(tmpdir)
        url = args.database or f"sqlite:///{Path(args.keep).resolve() if args.keep else tmp / 'archive.db'}"
        if not args.database:
            have = stored(url) if args.keep and Path(args.keep).exists() else 0
            if not have:
                took = fill(url, args.items)
                print(f"loaded {args.items:,} stories in {took:.0f} s", file=sys.stderr)
            elif have != args.items:
                raise SystemExit(f"{args.keep} holds {have:,} stories, not {args.items:,}")
        if add_estimates(url, args.estimates):
            print(f"added {args.estimates:,} estimates", file=sys.stderr)
        archive = Archive(url)
        estimate_ids = [e["id"] for e in archive.estimates(limit=100_000)]
        archive.close()
        paths = requests_mix(PATHS, estimate_ids, seed=1, unique_searches=args.unique_searches)
        print(f"{len(set(paths)):,} distinct URLs among {len(paths):,} drawn", file=sys.stderr)
        rows = []
        for workers in args.workers:
            with serving(url, workers, tmp) as (base, _proc):
                for clients in args.clients:
                    asyncio.run(drive(base, clients, args.seconds, paths[::-1], args.client))  # warm-up
                    got = asyncio.run(drive(base, clients, args.seconds, paths, args.client))
                    rows.append((workers, clients, got))
                    print(f"workers {workers} clients {clients}: {got['rate']:.0f} req/s, p50 {got['p50']:.1f} ms, "
                          f"p95 {got['p95']:.1f} ms, errors {sum(got['errors'].values())}; " + ", ".join(
                              f"{k} p50 {a:.1f} p95 {b:.1f} (n={n})" for k, (a, b, n) in sorted(got["kinds"].items())),
                          file=sys.stderr)
    print(f"\nmixed GETs on {args.items:,} stories, {args.estimates:,} estimates; {args.seconds:.0f} s per run after "
          f"a warm-up of as long; {args.client} load generator on the same {os.cpu_count()} cores\n")
    print(f"{'workers':>7} {'clients':>7} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>6}  "
          f"distinct  target")
    ok = True
    for workers, clients, got in rows:
        distinct = len(set(paths[:got["asked"]])) / max(1, got["asked"])
        target = TARGETS.get(clients)
        met = target is None or (got["p95"] < target and not got["errors"])
        ok &= met or workers == 1
        print(f"{workers:7d} {clients:7d} {got['rate']:7.0f} {got['p50']:7.1f} {got['p95']:7.1f} {got['p99']:7.1f} "
              f"{sum(got['errors'].values()):6d}  {distinct:7.1%}  "
              f"{'-' if target is None else ('yes' if met else 'NO')} {got['errors'] or ''}")
    by = {(w, c): g["rate"] for w, c, g in rows}
    for clients in args.clients:
        if (1, clients) in by and len(args.workers) > 1:
            best = max(w for w in args.workers)
            print(f"clients {clients}: workers {best} / workers 1 = {by[(best, clients)] / by[(1, clients)]:.2f}x req/s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
