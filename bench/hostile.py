"""What hostile sources cost a pass: the real `casualty-watch crawl` against a local web of traps (issue 11).

    .venv/bin/python bench/hostile.py

Serves, from this process on 127.0.0.1: a listing page linking to a 1.4 KB PDF whose page tree claims a
million pages; a sitemap index that lists itself; an index whose 80 children each list 50 more; and a good feed
beside them. Runs one pass in a fresh archive and prints, for the pass: wall time, peak RSS of the crawl
process, archive size; per trap: requests made and the source's recorded health.
Targets (issue 11): the PDF pass < 60 s and < 1.5 GB with the archive < 20 MB; the self-listing index fetched at
most 5 times; the fanning indexes at most 300.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile import pdf_bomb  # noqa: E402
from webfixtures import MOSUL_AP, Site, article, rss, sitemap_index  # noqa: E402

CLI = str(Path(sys.executable).parent / "casualty-watch")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp, Site() as site:
        site.add("/reports", body=b'<html><body><main><a href="/bomb.pdf">Report</a></main></body></html>')
        site.add("/bomb.pdf", body=pdf_bomb(), content_type="application/pdf")
        site.add("/self.xml", content_type="application/xml", body=sitemap_index([site.url("/self.xml")]))
        site.add("/fan.xml", content_type="application/xml",
                 body=sitemap_index([site.url(f"/fan/{i}.xml") for i in range(80)]))
        for i in range(80):
            site.add(f"/fan/{i}.xml", content_type="application/xml",
                     body=sitemap_index([site.url(f"/fan/{i}/{j}.xml") for j in range(50)]))
        site.add("/news/1", body=article("Mosul toll", MOSUL_AP).encode())
        site.add("/feed.xml", content_type="application/rss+xml",
                 body=rss([{"link": site.url("/news/1"), "title": "Mosul toll"}]))
        database = Path(tmp) / "archive.db"
        config = Path(tmp) / "cw.toml"
        config.write_text(f'database = "sqlite:///{database}"\n[crawl]\nconcurrency = 8\nper_host = 4\n'
                          'delay = "0s"\ntimeout = "5s"\n'
                          f'[[source]]\nname = "pdf"\npage = "{site.url("/reports")}"\n'
                          f'[[source]]\nname = "self"\nsitemap = "{site.url("/self.xml")}"\n'
                          f'[[source]]\nname = "fan"\nsitemap = "{site.url("/fan.xml")}"\n'
                          f'[[source]]\nname = "good"\nfeed = "{site.url("/feed.xml")}"\n', encoding="utf-8")
        started = time.monotonic()
        proc = subprocess.run([CLI, "-c", str(config), "crawl", "--json"], capture_output=True, text=True)
        seconds = time.monotonic() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return 1
        summary = json.loads(proc.stdout)
        paths = site.paths()
        from storage import Archive

        archive = Archive(f"sqlite:///{database}")
        health = {s.name: (s.status, s.last_error) for s in archive.sources()}
        pdf_item = next(i for i in archive.items() if i["url"].endswith("/bomb.pdf"))
        truncated = archive.item(pdf_item["id"])["truncated"]
        archive.close()
        size = database.stat().st_size
        print(f"pass: {seconds:.1f} s wall, crawl process peak RSS {peak / 2**20:.0f} MB, archive {size / 2**20:.1f} MB"
              f" (targets < 60 s, < 1536 MB, < 20 MB)")
        print(f"PDF bomb (1,000,000 pages claimed): {paths.count('/bomb.pdf')} request, item says '{truncated}'")
        print(f"self-listing index: {paths.count('/self.xml')} request(s) (target <= 5); health {health['self']}")
        fan = sum(1 for p in paths if p.startswith("/fan"))
        print(f"fanning indexes: {fan} requests (target <= 300); health {health['fan'][0]}: {health['fan'][1]}")
        print(f"good feed beside them: {health['good'][0]}, {summary['items_new']} new item(s) in the pass")
        ok = seconds < 60 and peak < 1.5 * 2**30 and size < 20 * 2**20 and paths.count("/self.xml") <= 5 and fan <= 300
        return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
