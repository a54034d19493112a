"""Import throughput: `casualty-watch import` against the WARC library's bare read rate on the same file.

    .venv/bin/python bench/import.py [--records 100000] [--relevant 0.05] [--rounds 3]

Writes a seeded WARC.gz of news pages (~6 KB of HTML each; `--relevant` of them report a Mosul casualty figure,
each story its own words so none folds into another as a near-duplicate), each response followed by its
request record as crawlers write them. The relevant stories repeat `--distinct` claims (five claimants, four
places of the city), as coverage repeats a few figures many times; `--distinct 0` gives every story its own
figure, the worst case for resolving each against the archive. Then, `--rounds` times and alternating: fastwarc reading every
response payload and doing nothing with it (the bare rate), warcio doing the same (the library not chosen),
and `casualty-watch import` on a fresh archive with captures kept. A second file of only the irrelevant
records measures what the import costs where it should cost least.

Targets (issue 13): irrelevant records within 2x of the bare read rate (ratio >= 0.5), and the whole import at
least as fast per relevant item as a live crawl pass (`bench/crawl.py`: articles/s x its 5% relevant share).
The import's rate is records / its own duration (the summary's, from opening the archive to the last
record); the rate over the whole child process, Python's start-up and imports included, is printed beside
it. The bare reads are timed over their loop. Checks every relevant record became an item with its estimate and its capture.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = str(Path(sys.executable).parent / "casualty-watch")
WORDS = ("council budget river bridge market school clinic bakery street roof orchard field tower gate square "
         "garden shop road hill farm truck minister election parliament weather football league season match "
         "museum festival film bank rates prices harvest rain flood port airline train").split()


CLAIMANTS = ("the UN", "Airwars", "Amnesty International", "the health ministry", "Iraq Body Count")
PLACES = ("west Mosul", "east Mosul", "the Old City of Mosul", "Hammam al-Alil, south of Mosul")


def claims(rnd: random.Random, distinct: int) -> list[str]:
    """The distinct claims the relevant stories repeat: news carries a few figures many times over."""
    return [f"At least {rnd.randint(10, 5000)} civilians were killed in {rnd.choice(PLACES)} during the fighting, "
            f"{rnd.choice(CLAIMANTS)} said" for _ in range(distinct)]


_STOCK: list[str] = []


def page(rnd: random.Random, i: int, relevant: bool, said: list[str]) -> bytes:
    if not _STOCK:
        _STOCK.extend(" ".join(rnd.choice(WORDS) for _ in range(90)).capitalize() + "." for _ in range(400))
    if relevant:  # words of its own, so that no relevant story folds into another as a near-duplicate
        paragraphs = [" ".join(rnd.choice(WORDS) for _ in range(90)).capitalize() + "." for _ in range(6)]
    else:
        paragraphs = rnd.sample(_STOCK, 6)
    if relevant:
        paragraphs.insert(1, f"{rnd.choice(said)} in report {i}.")
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    nav = "".join(f'<li><a href="/section/{k}">Section {k}</a></li>' for k in range(40))
    return (f"<html><head><title>Story {i}</title><meta property=\"article:published_time\" "
            f"content=\"2017-0{1 + i % 9}-1{i % 10}T10:00:00Z\"></head><body><nav><ul>{nav}</ul></nav>"
            f"<article><h1>Story {i}</h1>{body}</article><footer>(c) Example News</footer></body></html>").encode()


def write(path: Path, n: int, share: float, *, distinct: int = 0, only_irrelevant: bool = False) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rnd = random.Random(13)
    said = claims(rnd, distinct or max(round(n * share), 1))
    step = round(1 / share) if share else 0
    relevant = 0
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for i in range(n):
            is_relevant = bool(step) and i % step == 0
            if is_relevant and only_irrelevant:
                continue
            relevant += is_relevant
            body = page(rnd, i, is_relevant, said)
            url = f"http://news{i % 40}.example/story/{i}"
            date = f"2017-0{1 + i % 9}-1{i % 10}T12:00:00Z"
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                               ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                               warc_headers_dict={"WARC-Date": date})
            writer.write_record(record)
            request = StatusAndHeaders(f"GET /story/{i} HTTP/1.1", [("Host", f"news{i % 40}.example")],
                                       is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request, warc_headers_dict={
                "WARC-Date": date, "WARC-Concurrent-To": record.rec_headers.get_header("WARC-Record-ID")}))
    return relevant


def bare_fastwarc(path: Path) -> tuple[int, float]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    started = time.perf_counter()
    n = 0
    with open(path, "rb") as handle:
        for record in ArchiveIterator(handle, record_types=WarcRecordType.response, parse_http=True):
            record.reader.read()
            n += 1
    return n, time.perf_counter() - started


def bare_warcio(path: Path) -> tuple[int, float]:
    from warcio.archiveiterator import ArchiveIterator

    started = time.perf_counter()
    n = 0
    with open(path, "rb") as handle:
        for record in ArchiveIterator(handle):
            if record.rec_type == "response":
                record.content_stream().read()
                n += 1
    return n, time.perf_counter() - started


def run_import(work: Path, warc: Path) -> tuple[dict, float, float]:
    work.mkdir(parents=True)
    config = work / "cw.toml"
    config.write_text(f'database = "sqlite:///{work / "a.db"}"\n', encoding="utf-8")
    started = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", CLI, "-c", str(config), "import", str(warc), "--json"],
                          capture_output=True, text=True)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"import failed: {proc.stderr[-2000:]}")
    peak_kb = float(proc.stderr.strip().splitlines()[-1])
    return json.loads(proc.stdout), wall, peak_kb / 1024


def check(work: Path, relevant: int) -> None:
    sys.path.insert(0, str(ROOT))
    from sqlmodel import func, select

    from storage import Archive
    from storage.tables import Capture, Item

    archive = Archive(f"sqlite:///{work / 'a.db'}")
    with archive.reading() as s:
        items = s.exec(select(func.count()).select_from(Item)).one()
        captures = s.exec(select(func.count()).select_from(Capture)).one()
    estimates = len(archive.estimates())
    if not items == captures == relevant or not estimates:
        raise SystemExit(f"archive check failed: {items} items, {captures} captures, {estimates} estimates "
                         f"for {relevant} relevant records")
    print(f"         archive: {items} items, {captures} captures, {estimates} estimates")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--relevant", type=float, default=0.05)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--distinct", type=int, default=300, help="distinct claims the relevant stories repeat "
                    "(0: every story its own figure, the worst case for resolution)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="cw-import-bench-") as tmp:
        folder = Path(tmp)
        mixed, plain = folder / "mixed.warc.gz", folder / "irrelevant.warc.gz"
        relevant = write(mixed, args.records, args.relevant, distinct=args.distinct)
        write(plain, args.records, args.relevant, only_irrelevant=True)
        size = mixed.stat().st_size / 1e6
        print(f"file: {args.records:,} responses ({relevant:,} relevant), {size:,.0f} MB gzipped; "
              f"irrelevant-only file {plain.stat().st_size / 1e6:,.0f} MB")
        rates: dict[str, list[float]] = {k: [] for k in ("fastwarc", "warcio", "fastwarc-irr", "irrelevant",
                                                         "irrelevant-wall", "whole", "relevant")}
        peaks: list[float] = []
        for r in range(args.rounds):
            n, t = bare_fastwarc(mixed)
            rates["fastwarc"].append(n / t)
            n, t = bare_warcio(mixed)
            rates["warcio"].append(n / t)
            n_irr, t = bare_fastwarc(plain)
            rates["fastwarc-irr"].append(n_irr / t)
            summary, wall, peak = run_import(folder / f"irr{r}", plain)
            rates["irrelevant"].append(summary["records"] / summary["duration"])
            rates["irrelevant-wall"].append(summary["records"] / wall)
            summary, wall, peak = run_import(folder / f"whole{r}", mixed)
            rates["whole"].append(summary["records"] / wall)
            rates["relevant"].append(summary["relevant"] / wall)
            peaks.append(peak)
            print(f"round {r}: fastwarc {rates['fastwarc'][-1]:,.0f}/s, warcio {rates['warcio'][-1]:,.0f}/s, "
                  f"import irrelevant-only {rates['irrelevant'][-1]:,.0f}/s ({rates['irrelevant-wall'][-1]:,.0f}/s "
                  f"with the process's start-up; bare on that file "
                  f"{rates['fastwarc-irr'][-1]:,.0f}/s), whole import {rates['whole'][-1]:,.0f} records/s = "
                  f"{rates['relevant'][-1]:,.1f} relevant items/s ({wall:.1f} s, peak {peak:,.0f} MB)")
            check(folder / f"whole{r}", relevant)
            os.system(f"rm -rf {folder / f'irr{r}'} {folder / f'whole{r}'}")
        med = {k: statistics.median(v) for k, v in rates.items()}
        print(f"\nbare read, fastwarc: {med['fastwarc']:,.0f} records/s ({med['fastwarc'] * size / args.records:,.1f} MB/s)"
              f"; warcio: {med['warcio']:,.0f} records/s (fastwarc {med['fastwarc'] / med['warcio']:.1f}x)")
        ratio = med["irrelevant"] / med["fastwarc-irr"]
        print(f"irrelevant records: import {med['irrelevant']:,.0f}/s ({med['irrelevant-wall']:,.0f}/s with the "
              f"process's start-up) beside bare {med['fastwarc-irr']:,.0f}/s: ratio {ratio:.2f} (target >= 0.5)")
        print(f"whole import: {med['whole']:,.0f} records/s, {med['relevant']:,.1f} relevant items/s, "
              f"peak memory {max(peaks):,.0f} MB (compare bench/crawl.py: articles/s x 0.05)")


if __name__ == "__main__":
    main()
