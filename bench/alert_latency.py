"""Alert latency: time from a new entry appearing in a feed to its alert arriving at a webhook receiver.

Runs the real service (`casualty-watch run`, every = "5s") against a feed served on 127.0.0.1, publishes one
new story per round at a random moment, and times the signed webhook carrying its estimate. Target: every
round under every + 2 s.

    .venv/bin/python bench/alert_latency.py [--rounds 12] [--every 5]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from standardwebhooks.webhooks import Webhook

SECRET = "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
CLI = str(Path(sys.executable).with_name("casualty-watch"))
CLAIMANTS = ["Kurdish intelligence", "the Associated Press", "Amnesty International", "Airwars",
             "Iraq Body Count", "the UN human rights office", "the Nineveh health directorate", "the coalition"]


class Receiver:
    def __init__(self) -> None:
        self.arrivals: dict[int, float] = {}
        self.cond = threading.Condition()
        verifier, receiver = Webhook(SECRET), self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                payload = verifier.verify(body, {k.lower(): v for k, v in self.headers.items()})
                with receiver.cond:
                    if payload.get("type") == "estimate.new":
                        receiver.arrivals.setdefault(payload["estimate"]["low"], time.monotonic())
                    receiver.cond.notify_all()
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def wait(self, low: int, timeout: float) -> float | None:
        with self.cond:
            self.cond.wait_for(lambda: low in self.arrivals, timeout)
            return self.arrivals.get(low)


class Outlet:
    def __init__(self, root: Path) -> None:
        self.root, self.entries = root, []
        handler = partial(_Quiet, directory=str(root))
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self._write_feed()

    def publish(self, n: int, low: int) -> None:
        claimant = CLAIMANTS[n % len(CLAIMANTS)]
        title = f"Report {n}: {low:,} civilians killed in Mosul"
        text = (f"<p>More than {low:,} civilians were killed in the battle for Mosul, according to {claimant}, "
                f"in report number {n} on the toll of the offensive.</p><p>Rescue teams are still recovering "
                f"bodies from the rubble of the Old City, round {n}.</p>")
        (self.root / f"story-{n}.html").write_text(
            f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<article><h1>{title}</h1>{text}</article></body></html>", encoding="utf-8")
        self.entries.insert(0, (f"/story-{n}.html", title))
        self._write_feed()

    def _write_feed(self) -> None:
        items = "".join(f"<item><title>{t}</title><link>{self.base}{p}</link><guid>{self.base}{p}</guid>"
                        f"<pubDate>Thu, 20 Jul 2017 10:00:00 +0000</pubDate></item>" for p, t in self.entries)
        tmp = self.root / "feed.tmp"
        tmp.write_text(f"<?xml version='1.0'?><rss version='2.0'><channel><title>Outlet</title>"
                       f"<link>{self.base}/</link><description>d</description>{items}</channel></rss>")
        tmp.replace(self.root / "feed.xml")


class _Quiet(SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() != "last-modified":  # no validators: every poll reads the feed
            super().send_header(keyword, value)

    def log_message(self, *args: object) -> None:
        pass


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=12)
    ap.add_argument("--every", type=float, default=5.0)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cw-latency-"))
    (work / "web").mkdir()
    receiver, outlet = Receiver(), Outlet(work / "web")
    config = work / "casualty-watch.toml"
    config.write_text("\n".join([
        f'database = "sqlite:///{work / "archive.db"}"', "[watch]", 'places = ["Mosul"]',
        "[crawl]", 'delay = "0s"', 'timeout = "5s"',
        "[[source]]", 'name = "outlet"', f'feed = "{outlet.base}/feed.xml"', f'every = "{args.every:g}s"',
        "[[alert]]", f'webhook = "{receiver.url}"', f'secret = "{SECRET}"', ""]))
    log = (work / "run.log").open("wb")
    # intervals under a minute are a config error outside tests and benches: lower the floor for this run
    env = {**os.environ, "CASUALTY_WATCH_MIN_INTERVAL": f"{min(args.every, 1.0):g}s"}
    proc = subprocess.Popen([CLI, "-c", str(config), "run", "--log-level", "info"], stderr=log, env=env)
    try:
        time.sleep(args.every + 3)  # the start-up poll (an empty feed) and the child warm-up
        rng = random.Random(5)
        latencies = []
        for n in range(1, args.rounds + 1):
            time.sleep(rng.uniform(0, args.every))  # publish at a random point of the polling cycle
            low = 1000 + 37 * n
            outlet.publish(n, low)
            published = time.monotonic()
            arrived = receiver.wait(low, timeout=args.every * 4 + 30)
            if arrived is None:
                print(f"round {n}: no alert within {args.every * 4 + 30:.0f} s (see {work / 'run.log'})")
                continue
            latencies.append(arrived - published)
            print(f"round {n:2d}: alert after {latencies[-1]:.2f} s")
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(15)
    target = args.every + 2
    if not latencies:
        sys.exit("no alert arrived")
    print(json.dumps({"every_s": args.every, "rounds": len(latencies), "target_s": target,
                      "min_s": round(min(latencies), 2), "median_s": round(statistics.median(latencies), 2),
                      "mean_s": round(statistics.mean(latencies), 2), "max_s": round(max(latencies), 2),
                      "under_target": sum(x < target for x in latencies)}))
    if os.environ.get("KEEP") is None:
        import shutil

        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
