"""Web archive files for tests: real WARC.gz written with warcio, as Heritrix, Browsertrix or the Wayback
Machine's exports write them (one gzip member per record, request records beside responses), and a real
pywb serving a collection built from them."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import httpx
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from ports import closed_port

PAGE = """<html><head><title>{title}</title><meta property="article:published_time" content="{published}">
</head><body><article><h1>{title}</h1><p>{lead}</p>
<p>Residents described weeks spent sheltering in basements as shells fell on the houses above them, and aid
agencies warned that food and clean water were running out in the besieged neighbourhoods.</p>
<p>Engineers began clearing rubble from the main roads leading to the university campus on Sunday.</p>
</article></body></html>"""


@dataclass(frozen=True)
class Rec:
    url: str
    body: bytes
    date: str  # WARC-Date, ISO 8601 UTC
    content_type: str = "text/html; charset=utf-8"
    status: str = "200 OK"
    kind: str = "response"


def story(url: str, title: str, lead: str, *, published: str, date: str) -> Rec:
    return Rec(url, PAGE.format(title=title, lead=lead, published=published).encode("utf-8"), date)


AP = story("http://apnews.example/mosul-toll", "Mosul toll far higher than reported",
           "MOSUL, Iraq (AP) - Between 9,000 and 11,000 civilians were killed in the battle for Mosul, an "
           "Associated Press investigation found.", published="2017-12-20T10:00:00Z", date="2017-12-21T08:00:00Z")
KURDS = story("http://other.example/kurds", "Kurdish intelligence figure",
              "More than 40,000 civilians were killed in Mosul, according to Kurdish intelligence.",
              published="2017-07-19T10:00:00Z", date="2017-07-20T08:00:00Z")
WEATHER = story("http://news.example/weather", "Weather", "Rain is expected across the country this week.",
                published="2017-12-20T10:00:00Z", date="2017-12-21T09:00:00Z")
IMAGE = Rec("http://other.example/img.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "2017-07-20T08:00:00Z",
            content_type="image/png")


def write_warc(path: Path, records: Iterable[Rec], *, gzip: bool = True) -> list[int]:
    """Write the records (each response followed by its request); returns each response's offset."""
    offsets = []
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        for r in records:
            offsets.append(handle.tell())
            if r.kind == "revisit":
                writer.write_record(writer.create_revisit_record(r.url, "sha1:AAAA", r.url, r.date))
                continue
            http = StatusAndHeaders(r.status, [("Content-Type", r.content_type), ("Content-Length", str(len(r.body)))],
                                    protocol="HTTP/1.1")
            response = writer.create_warc_record(r.url, "response", payload=io.BytesIO(r.body), http_headers=http,
                                                 warc_headers_dict={"WARC-Date": r.date})
            writer.write_record(response)
            request = StatusAndHeaders(f"GET {r.url} HTTP/1.1", [("User-Agent", "test")], is_http_request=True)
            writer.write_record(writer.create_warc_record(
                r.url, "request", http_headers=request,
                warc_headers_dict={"WARC-Date": r.date,
                                   "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID")}))
    return offsets


def filler(n: int, *, start: int = 0) -> list[Rec]:
    """Irrelevant pages: what most of a news crawl is."""
    return [story(f"http://news.example/story/{i}", f"Story {i}", "The city council met to discuss the budget.",
                  published="2017-03-01T10:00:00Z", date="2017-03-02T10:00:00Z") for i in range(start, start + n)]


_WORDS = ("river bridge market school clinic mosque bakery street bus roof well orchard field tower gate square wall "
          "garden shop road hill farm camp truck").split()


def unique(i: int) -> str:
    """Sentences of their own for story `i`, so that stories are not folded as near-duplicates of each other."""
    return " ".join(f"The {_WORDS[(i * 7 + k) % len(_WORDS)]} {_WORDS[(i * 3 + k * 5) % len(_WORDS)]} number "
                    f"{i * 100 + k} was seen." for k in range(30))


WAYBACK = Path(sys.executable).with_name("wayback")


class Pywb:
    """A real pywb on 127.0.0.1 serving one collection built from WARC files (no rewriting needed: the
    backfill asks for id_ captures and the CDX API)."""

    def __init__(self, root: Path, collection: str, warcs: list[Path]) -> None:
        from pywb.indexer.cdxindexer import write_multi_cdx_index

        self.root, self.collection = root, collection
        archive = root / "collections" / collection / "archive"
        indexes = root / "collections" / collection / "indexes"
        archive.mkdir(parents=True)
        indexes.mkdir(parents=True)
        for w in warcs:
            shutil.copy(w, archive)
        write_multi_cdx_index(str(indexes / "index.cdxj"), [str(archive)], sort=True, surt_ordered=True, cdxj=True,
                              recurse=True, rel_root=str(archive))
        self._log = open(root / "wayback.log", "wb")
        for _ in range(3):  # wayback binds its own port: one taken between picking and binding is tried again
            self.port = closed_port()
            if self._start():
                return
        raise RuntimeError("pywb did not start: " + (root / "wayback.log").read_text(errors="replace")[-2000:])

    def _start(self) -> bool:
        self.proc = subprocess.Popen([str(WAYBACK), "-b", "127.0.0.1", "-p", str(self.port), "-d", str(self.root)],
                                     cwd=self.root, stdout=self._log, stderr=subprocess.STDOUT,
                                     start_new_session=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return False
            try:
                if httpx.get(f"{self.base}/cdx?url=x&limit=1", timeout=1).status_code == 200:
                    return True
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        self.proc.kill()
        return False

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/{self.collection}"

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self._log.close()
