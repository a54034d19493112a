"""Reading documents off the crawl's thread, so a long PDF or a heavy page never holds up other sources.

Scrapy answers every source from one reactor thread: a document read inside a callback stops every other
download and callback until it is done (a 1.4 KB PDF claiming a million pages held a pass for minutes). PDFs
and long pages that `screen` cannot settle from their raw bytes are read here, in a small pool of worker
threads: pdfium and lxml release the GIL while they work, and the reader's own limits
(`ReadLimits`: pages, characters, seconds) bound each document. The estimates are read in the same thread,
since a long report is also long to read for figures.
"""
from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from .article import Reading, read_screened
from .document import ReadLimits, sniff
from .relevance import Relevance

WORKERS = 2  # this machine's cores; more threads only queue on the GIL
# Pages smaller than this are read where they arrived: a ~5 KB article reads in ~10 ms, less than the cost of
# handing it to a thread and back (measured: reading every relevant page in a worker cost a tenth of a pass's
# throughput, the reactor waiting on the GIL), and too little to hold up anything. PDFs always go to a worker.
OFFLOAD_BYTES = 256 * 1024
GRACE = 5.0  # seconds past max_read_seconds before the pass stops waiting (pdfium stops between pages)
Estimate = Callable[[Any], Sequence[Any]]  # Document -> estimates


@dataclass(frozen=True, slots=True)
class Read:
    reading: Reading
    estimates: Sequence[Any] | None = None  # for relevant documents


class DocumentReader:
    def __init__(self, relevance: Relevance, limits: ReadLimits, estimate: Estimate,
                 workers: int = WORKERS) -> None:
        self.relevance, self.limits, self.estimate = relevance, limits, estimate
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="cw-read")

    def offloads(self, body: bytes, url: str, content_type: str | None) -> bool:
        """Whether this page is worth a worker thread: a PDF, or a page long enough to take a while."""
        return len(body) >= OFFLOAD_BYTES or sniff(body, content_type or url) == "pdf"

    def read_here(self, body: bytes, url: str, content_type: str | None) -> Read:
        """Read a small page in the calling thread."""
        return self._work(body, url, content_type)

    async def read(self, body: bytes, url: str, content_type: str | None) -> Read:
        """The page read and judged in a worker; past the time limit the pass stops waiting for it."""
        loop = asyncio.get_running_loop()
        work = loop.run_in_executor(self._pool, self._work, body, url, content_type)
        try:
            return await asyncio.wait_for(work, self.limits.max_seconds + GRACE)
        except TimeoutError:
            return Read(Reading("unreadable", failed=True,
                                reason=f"reading took longer than {self.limits.max_seconds:g} s (max_read_time)"))

    def _work(self, body: bytes, url: str, content_type: str | None) -> Read:
        reading = read_screened(body, url, content_type, self.relevance, self.limits)
        if reading.verdict != "relevant" or reading.document is None:
            return Read(reading)
        try:
            return Read(reading, self.estimate(reading.document))
        except Exception:  # noqa: BLE001  (archived without figures is better than lost; the recorder retries)
            return Read(reading, None)

    def close(self) -> None:
        """Stop taking work; a reading still running is not waited for (its result is no longer wanted)."""
        self._pool.shutdown(wait=False, cancel_futures=True)
