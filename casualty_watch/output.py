"""Printing results: a rich table for people, one JSON array for programs."""
from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def print_table(rows: Sequence[dict], columns: Sequence[tuple[str, str]], *, title: str | None = None,
                empty: str = "nothing yet") -> None:
    """Rows as a table; `columns` are (key, heading). Values are shown as text, never as markup."""
    console = Console(highlight=False)
    if not rows:
        console.print(f"[dim]{empty}[/dim]")
        return
    table = Table(title=title, show_lines=False)
    for _, heading in columns:
        table.add_column(heading, overflow="fold")
    for row in rows:
        table.add_row(*[_cell(row.get(key)) for key, _ in columns])
    console.print(table)


def _cell(value: Any) -> Any:
    from rich.text import Text

    if value is None:
        return Text("-", style="dim")
    if isinstance(value, list):
        value = ", ".join(map(str, value))
    return Text(str(value))  # Text, not a str: crawled titles may contain [markup]


def count(n: int, one: str, many: str | None = None) -> str:
    """'1 syndicated copy', '2 syndicated copies', '0 alerts': a number with its noun in the right number."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"
