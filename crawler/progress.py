"""A live line on the terminal (stderr) while a pass runs: pages done of pages queued, and what was found."""
from __future__ import annotations

from typing import Any

from .summary import PassSummary


class PassProgress:
    """rich's Progress bar, fed by the spider; its own thread redraws a few times a second."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(TextColumn("[bold]crawl[/bold]"), BarColumn(), MofNCompleteColumn(),
                                  TextColumn("{task.description}"), TimeElapsedColumn(),
                                  console=Console(stderr=True), transient=True)
        self._task: Any = None

    def __enter__(self) -> PassProgress:
        self._progress.start()
        self._task = self._progress.add_task("", total=None)
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

    def update(self, summary: PassSummary, *, done: int, total: int) -> None:
        failed = len(summary.sources_failed)
        text = (f"new {summary.items_new} · dup {summary.items_duplicate} · estimates {len(summary.new_estimates)}"
                + (f" · sources failed {failed}" if failed else ""))
        self._progress.update(self._task, completed=done, total=max(total, done), description=text)
