"""The crawler room: one pass over the due sources (feeds, sitemaps, listing pages), reading each relevant
story into the archive. `run_pass` may be called once per process (see crawler/runner.py).

`run_pass` and `CrawlError` load on first use: the config imports `crawler.spec` for every command, and
most commands never crawl.
"""
from typing import Any

from .summary import PassSummary

__all__ = ["CrawlError", "PassSummary", "run_pass"]


def __getattr__(name: str) -> Any:
    if name in ("run_pass", "CrawlError"):
        from . import runner

        return getattr(runner, name)
    raise AttributeError(f"module 'crawler' has no attribute {name!r}")
