"""Reading the archive from the command line: sources, items, search, estimates, export."""
from __future__ import annotations

import csv
import io
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Optional

import typer
from dateutil import parser as dateparser

from ..context import state
from ..output import print_json, print_table

ITEM_COLUMNS = [("id", "id"), ("published", "published"), ("source", "source"), ("title", "title"),
                ("url", "url"), ("also_at", "also at")]
ESTIMATE_COLUMNS = [("id", "id"), ("figure", "figure"), ("outcome", "outcome"), ("victims", "victims"),
                    ("place", "place"), ("claimant", "claimant"), ("first_seen", "first seen"),
                    ("mentions", "stories")]

JsonFlag = Annotated[bool, typer.Option("--json", help="Print one JSON array to stdout.")]
Since = Annotated[Optional[str], typer.Option("--since", metavar="DATE", help="Only items published since DATE (e.g. 2017-07-01).")]
SourceName = Annotated[Optional[str], typer.Option("--source", metavar="NAME", help="Only items from this source.")]
Limit = Annotated[int, typer.Option("--limit", min=1, max=100000, help="At most this many.")]


def parse_since(value: str | None) -> datetime | None:
    """A user's date as an aware UTC datetime (naive dates are taken as UTC)."""
    if value is None:
        return None
    try:
        parsed = dateparser.parse(value)
    except (ValueError, OverflowError):
        raise typer.BadParameter(f"not a date: {value!r} (use e.g. 2017-07-01)", param_hint="--since") from None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def figure(e: dict) -> str:
    """'40,000', '9,000-11,000', '>40,000', '≤11,000' for the human table."""
    low, high = e.get("low"), e.get("high")
    if low is not None and high is not None:
        return f"{low:,}" if low == high else f"{low:,}–{high:,}"
    if low is not None:
        return f"≥{low:,}" if e.get("qualifier") == "at_least" else f">{low:,}"
    return f"≤{high:,}" if high is not None else "?"


def sources(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Each source with its kind, interval, last poll, status, failures and last error."""
    st = state(ctx)
    archive = st.archive()
    archive.sync_sources(st.config().sources)
    rows = [s.to_dict() for s in archive.sources()]
    if as_json:
        print_json(rows)
        return
    print_table(rows, [("name", "name"), ("kind", "kind"), ("every", "every (s)"), ("last_polled", "last poll"),
                       ("status", "status"), ("failures", "failures"), ("last_error", "last error")],
                empty="no sources configured")


def items(ctx: typer.Context, since: Since = None, source: SourceName = None, limit: Limit = 50,
          as_json: JsonFlag = False) -> None:
    """Archived stories, newest first, each once (copies listed under 'also at')."""
    rows = state(ctx).archive().items(since=parse_since(since), source=source, limit=limit)
    print_json(rows) if as_json else print_table(rows, ITEM_COLUMNS, empty="no items")


def search(ctx: typer.Context, query: Annotated[str, typer.Argument(help="Words to look for (all must match).")],
           since: Since = None, source: SourceName = None, limit: Limit = 20, as_json: JsonFlag = False) -> None:
    """Full-text search of the archive, best first, each story once."""
    if not query.strip():
        raise typer.BadParameter("empty query", param_hint="QUERY")
    rows = state(ctx).archive().search(query, since=parse_since(since), source=source, limit=limit)
    if as_json:
        print_json(rows)
    else:
        print_table(rows, [("id", "id"), ("title", "title"), ("snippet", "snippet"), ("url", "url")],
                    empty="no matches")


def estimates(ctx: typer.Context,
              place: Annotated[Optional[str], typer.Option("--place", metavar="P", help="Only places containing P.")] = None,
              as_json: JsonFlag = False) -> None:
    """The distinct casualty estimates, newest first, with how many stories carry each."""
    rows = state(ctx).archive().estimates(place=place)
    if as_json:
        print_json(rows)
    else:
        print_table([{**r, "figure": figure(r)} for r in rows], ESTIMATE_COLUMNS, empty="no estimates")


def export(ctx: typer.Context,
           what: Annotated[str, typer.Option("--what", help="items or estimates")],
           fmt: Annotated[str, typer.Option("--format", help="csv or jsonl")],
           output: Annotated[Optional[Path], typer.Option("-o", "--output", help="File to write (else stdout).")] = None,
           ) -> None:
    """Export every item or estimate as CSV or JSON lines."""
    if what not in ("items", "estimates"):
        raise typer.BadParameter(f"{what!r} is not one of items, estimates", param_hint="--what")
    if fmt not in ("csv", "jsonl"):
        raise typer.BadParameter(f"{fmt!r} is not one of csv, jsonl", param_hint="--format")
    archive = state(ctx).archive()
    rows = archive.estimates() if what == "estimates" else _all_items(archive)
    text = _as_csv(rows) if fmt == "csv" else "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise typer.BadParameter(f"cannot write {output}: {exc.strerror}", param_hint="--output") from None
    typer.echo(f"wrote {len(rows)} {what} to {output}", err=True)


def _all_items(archive) -> list[dict]:  # type: ignore[no-untyped-def]
    rows: list[dict] = []
    before = None
    while page := archive.items(limit=1000, before=before):
        rows.extend(page)
        before = page[-1]["id"]
    return rows


def _as_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    if rows:
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]))
        writer.writeheader()
        for row in rows:
            writer.writerow({k: " ".join(v) if isinstance(v, list) else v for k, v in row.items()})
    return buf.getvalue()


def register(app: typer.Typer) -> None:
    app.command("sources")(sources)
    app.command("items")(items)
    app.command("search")(search)
    app.command("estimates")(estimates)
    app.command("export")(export)
