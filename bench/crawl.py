"""Crawl throughput: `casualty-watch crawl` against a bare Scrapy spider on the same local web.

    .venv/bin/python bench/crawl.py [--articles 2000] [--feeds 20] [--rounds 2]

Generates a web of news articles in RSS feeds (bench/webgen.py; ~5% report Mosul casualty figures), serves it
from a separate process on 127.0.0.1, then alternates, `--rounds` times: a bare Scrapy spider that fetches the
same feeds and articles and parses nothing, and `casualty-watch crawl` (concurrency 32, per_host 32, delay 0s)
on a fresh archive. Each rate is articles fetched / wall time of the whole child process (start-up included
for both); the ratio is the median of each round's ratio, as the two runs of a round share the machine's load. Checks every relevant article and its estimate were archived, then runs a second pass over the
unchanged web and checks it requested no article page. Prints both rates, the ratio and peak memory.
Target: ratio >= 0.7.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = sys.executable
CLI = str(Path(sys.executable).parent / "casualty-watch")
TARGET = 0.7


def main() -> int:
    parser = argparse.ArgumentParser(description="casualty-watch crawl vs a bare Scrapy spider")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the generated web and archives")
    args = parser.parse_args()

    sys.path.insert(0, str(HERE))
    from webgen import generate

    work = Path(tempfile.mkdtemp(prefix="cw-bench-"))
    manifest = generate(work, articles=args.articles, feeds=args.feeds)
    server, base = _serve(work)
    try:
        return _measure(work, base, manifest, args.rounds)
    finally:
        server.terminate()
        server.wait()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _measure(work: Path, base: str, manifest: dict, rounds: int) -> int:
    n_articles, n_relevant = len(manifest["articles"]), len(manifest["relevant"])
    print(f"web: {n_articles} articles ({n_relevant} relevant) in {len(manifest['feeds'])} feeds at {base}")
    bare_rates, cw_rates, peaks = [], [], {"bare": 0, "casualty-watch": 0}
    config = None
    for r in range(1, rounds + 1):
        wall, rss, _ = _child([PYTHON, __file__, "_bare", str(work / "manifest.json"), base])
        fetched = _stats(base, reset=True)["articles"]
        bare_rates.append(fetched / wall)
        peaks["bare"] = max(peaks["bare"], rss)
        print(f"round {r}: bare spider     {fetched} articles in {wall:6.2f}s = {fetched / wall:6.1f}/s, "
              f"peak {rss / 1024:.0f} MB")

        config = _config(work / f"round{r}", base, manifest)
        wall, rss, out = _child([CLI, "-c", str(config), "crawl", "--json"])
        fetched = _stats(base, reset=True)["articles"]
        summary = json.loads(out)
        cw_rates.append(fetched / wall)
        peaks["casualty-watch"] = max(peaks["casualty-watch"], rss)
        print(f"round {r}: casualty-watch  {fetched} articles in {wall:6.2f}s = {fetched / wall:6.1f}/s, "
              f"peak {rss / 1024:.0f} MB (pass {summary['duration']:.2f}s, {summary['items_new']} new items, "
              f"{len(summary['new_estimates'])} new estimates)")
        _check_archive(work / f"round{r}", n_relevant, summary)

    assert config is not None
    _stats(base, reset=True)
    wall, _, out = _child([CLI, "-c", str(config), "crawl", "--json"])
    second = _stats(base, reset=True)
    summary = json.loads(out)
    print(f"second pass: {second['articles']} article requests, {second['feeds']} feed requests "
          f"({len(summary['sources_unchanged'])} sources unchanged) in {wall:.2f}s")

    bare, cw = statistics.median(bare_rates), statistics.median(cw_rates)
    # Paired: each round's two runs are adjacent in time, so they share the machine's load of the moment.
    ratio = statistics.median(c / b for c, b in zip(cw_rates, bare_rates))
    print(f"\nbare spider:    {bare:6.1f} articles/s (median of {rounds}), peak memory {peaks['bare'] / 1024:.0f} MB")
    print(f"casualty-watch: {cw:6.1f} articles/s (median of {rounds}), peak memory "
          f"{peaks['casualty-watch'] / 1024:.0f} MB")
    print(f"ratio:          {ratio:.2f} (median of the rounds' ratios; target >= {TARGET})")
    ok = ratio >= TARGET and second["articles"] == 0
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


def _check_archive(folder: Path, n_relevant: int, summary: dict) -> None:
    sys.path.insert(0, str(ROOT))
    from storage import Archive

    archive = Archive(f"sqlite:///{folder / 'archive.db'}")
    totals = archive.totals()
    archive.close()
    if totals["items"] != n_relevant or totals["estimates"] != n_relevant or summary["sources_failed"]:
        raise SystemExit(f"archive check failed: {totals} for {n_relevant} relevant articles; "
                         f"errors {summary['errors']}")
    print(f"         archive: {totals['items']} items, {totals['estimates']} estimates "
          f"(every relevant article and its figure)")


def _config(folder: Path, base: str, manifest: dict) -> Path:
    folder.mkdir(parents=True)
    sources = "".join(f'[[source]]\nname = "feed-{i}"\nfeed = "{base}{path}"\n\n'
                      for i, path in enumerate(manifest["feeds"]))
    path = folder / "casualty-watch.toml"
    path.write_text(f'database = "sqlite:///{folder / "archive.db"}"\n\n'
                    '[crawl]\nconcurrency = 32\nper_host = 32\ndelay = "0s"\ntimeout = "30s"\n\n' + sources)
    return path


def _child(cmd: list[str]) -> tuple[float, int, str]:
    """Run a child to completion: (wall seconds, peak RSS in KB, stdout)."""
    out_path = Path(tempfile.mkstemp(prefix="cw-bench-out-")[1])
    started = time.perf_counter()
    with out_path.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, cwd=ROOT)
        stderr = proc.stderr.read() if proc.stderr else b""
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = out_path.read_text()
    out_path.unlink()
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed ({proc.returncode}): {stderr.decode(errors='replace')[-2000:]}")
    return wall, usage.ru_maxrss, text


def _serve(work: Path) -> tuple[subprocess.Popen, str]:
    port_file = work / "port"
    server = subprocess.Popen([PYTHON, str(HERE / "webgen.py"), "serve", str(work / "site"),
                               "--port-file", str(port_file)])
    for _ in range(100):
        if port_file.exists() and port_file.read_text().strip():
            return server, f"http://127.0.0.1:{port_file.read_text().strip()}"
        time.sleep(0.05)
    server.terminate()
    raise SystemExit("the static server did not start")


def _stats(base: str, *, reset: bool = False) -> dict:
    with urllib.request.urlopen(f"{base}/_stats" + ("?reset=1" if reset else "")) as r:
        return json.load(r)


def _bare(manifest_path: str, base: str) -> None:
    """The baseline: fetch the feeds and every article with the same concurrency, and parse nothing."""
    import scrapy
    from scrapy.crawler import CrawlerProcess

    manifest = json.loads(Path(manifest_path).read_text())
    urls = [base + p for p in manifest["feeds"] + manifest["articles"]]

    class Bare(scrapy.Spider):
        name = "bare"

        async def start(self):  # type: ignore[no-untyped-def]
            for url in urls:
                yield scrapy.Request(url, callback=self.parse, dont_filter=True)

        def parse(self, response):  # type: ignore[no-untyped-def]
            return None

    process = CrawlerProcess({
        "CONCURRENT_REQUESTS": 32, "CONCURRENT_REQUESTS_PER_DOMAIN": 32, "DOWNLOAD_DELAY": 0,
        "ROBOTSTXT_OBEY": True, "TELNETCONSOLE_ENABLED": False, "REMOTE_CONTROL_ENABLED": False,
        "LOG_LEVEL": "WARNING", "COOKIES_ENABLED": False, "USER_AGENT": "bench-bare",
    })
    process.crawl(Bare)
    process.start()


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_bare":
        _bare(sys.argv[2], sys.argv[3])
        sys.exit(0)
    sys.exit(main())
