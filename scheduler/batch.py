"""Sources falling due together are crawled in one pass: each pass pays Scrapy's start-up once, not per source.

The per-source jobs only mark their source due; the dispatcher takes everything due within a short gathering
window and hands it to one pass.
"""
from __future__ import annotations

import threading
import time


class DueSources:
    """A set of source names waiting for the next pass, in the order they fell due."""

    def __init__(self) -> None:
        self._names: dict[str, None] = {}
        self._cond = threading.Condition()

    def add(self, name: str) -> None:
        with self._cond:
            self._names[name] = None
            self._cond.notify_all()

    def pending(self) -> list[str]:
        with self._cond:
            return list(self._names)

    def take(self, *, gather: float, stop: threading.Event, wait: float = 0.5) -> list[str]:
        """Wait up to `wait` s for a due source, then `gather` s more for others, and return them all."""
        with self._cond:
            if not self._names:
                self._cond.wait(wait)
            if not self._names or stop.is_set():
                return []
        deadline = time.monotonic() + gather
        while not stop.is_set() and (left := deadline - time.monotonic()) > 0:
            stop.wait(min(left, 0.1))
        with self._cond:
            names, self._names = list(self._names), {}
        return names

    def wake(self) -> None:
        with self._cond:
            self._cond.notify_all()
