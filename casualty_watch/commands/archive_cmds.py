"""Reading the archive from the command line: sources, items, search, estimates, export."""
from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Annotated, Optional

import typer

from netpolicy.values import parse_since as read_since
from netpolicy.values import parse_until as read_until

from ..context import state
from ..durations import format_duration
from ..errors import CasualtyWatchError, UsageError
from ..output import count as counted
from ..output import print_json, print_table

ITEM_COLUMNS = [("id", "id"), ("published", "published"), ("source", "source"), ("title", "title"),
                ("url", "url"), ("also_at", "also at")]
ESTIMATE_COLUMNS = [("id", "id"), ("figure", "figure"), ("outcome", "outcome"), ("victims", "victims"),
                    ("place", "place"), ("claimant", "claimant"), ("first_seen", "first seen"),
                    ("mentions", "stories")]

MENTION_COLUMNS = [("mention_id", "mention"), ("stated", "stated"), ("figure", "figure"), ("claimant", "claimant"),
                   ("outlet", "outlet"), ("url", "url")]

JsonFlag = Annotated[bool, typer.Option("--json", help="Print one JSON array to stdout.")]
Since = Annotated[Optional[str], typer.Option("--since", metavar="DATE", help="Only items published since DATE (YYYY, YYYY-MM, "
                                                                          "YYYY-MM-DD, an ISO time, or 7d / 24h back).")]
SourceName = Annotated[Optional[str], typer.Option("--source", metavar="NAME", help="Only items from this source.")]
Limit = Annotated[int, typer.Option("--limit", metavar="N", min=1, max=100000, help="At most N (1 to 100,000).")]


def parse_since(value: str | None, flag: str = "--since") -> datetime | None:
    """A user's date as an aware UTC datetime, by the rule the API's ?since= follows too (netpolicy.values):
    ISO-ish dates only, so `--since 1` is an error rather than the 1st of this month."""
    return _date(value, read_since, flag)


def parse_until(value: str | None) -> datetime | None:
    """The end of the day, month or year typed, so `--until 2017` includes December (as `?until=` does)."""
    return _date(value, read_until, "--until")


def _date(value: str | None, read: Callable[[str], datetime], flag: str) -> datetime | None:
    if value is None:
        return None
    try:
        return read(value)
    except (ValueError, OverflowError) as exc:
        raise typer.BadParameter(str(exc), param_hint=flag) from None


def known_source(ctx: typer.Context, name: str | None) -> str | None:
    """`--source NAME` as `crawl --source` checks it: a name the config does not know is a mistake to say
    (naming the known ones), not a filter that quietly matches nothing. A name the archive holds stories
    under (a source since removed from the config, "import:HOST" for imported files) is known too."""
    if name is None:
        return None
    st = state(ctx)
    configured = {s.name for s in st.config().sources}
    if name in configured:
        return name
    archive = st.archive()
    try:
        archived = set(archive.item_sources())
    finally:
        archive.close()
    if name in archived:
        return name
    names = sorted(configured | archived)
    hint = ", ".join(names[:20]) + (f" and {len(names) - 20} more" if len(names) > 20 else "") or "none configured"
    raise UsageError(f"unknown source {name!r} (known: {hint})")  # one line, however many imports there were


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
    archive.sync_sources(st.config().sources)  # writes only when the config changed (a read-only archive reads)
    rows = [s.to_dict() for s in archive.sources()]
    if as_json:
        print_json(rows)  # `every` in seconds, for programs
        return
    for row in rows:
        row["every"] = format_duration(row["every"])
    print_table(rows, [("name", "name"), ("kind", "kind"), ("every", "every"), ("last_polled", "last poll"),
                       ("status", "status"), ("failures", "failures"), ("last_error", "last error")],
                empty="no sources configured")


def items(ctx: typer.Context, since: Since = None, source: SourceName = None, limit: Limit = 50,
          as_json: JsonFlag = False) -> None:
    """Archived stories, newest published first (fetch time for a story without a date), each once (copies
    listed under 'also at')."""
    when, source = parse_since(since), known_source(ctx, source)
    rows = state(ctx).archive().items(since=when, source=source, limit=limit)
    print_json(rows) if as_json else print_table(rows, ITEM_COLUMNS, empty="no items")


def search(ctx: typer.Context, query: Annotated[str, typer.Argument(metavar="QUERY", help="Words to look for (all must match).")],
           since: Since = None, source: SourceName = None, limit: Limit = 20, as_json: JsonFlag = False) -> None:
    """Full-text search of the archive, best first, each story once."""
    if not query.strip():
        raise typer.BadParameter("empty query", param_hint="QUERY")
    when, source = parse_since(since), known_source(ctx, source)
    rows = state(ctx).archive().search(query, since=when, source=source, limit=limit)
    if as_json:
        print_json(rows)
    else:
        print_table(rows, [("id", "id"), ("title", "title"), ("snippet", "snippet"), ("url", "url")],
                    empty="no matches")


Kind = Annotated[Optional[str], typer.Option("--kind", metavar="KIND", help="Only tolls or only incidents (toll, incident).")]
Status = Annotated[Optional[str], typer.Option("--status", metavar="S", help="Only new, confirmed or rejected estimates.")]
Why = Annotated[Optional[str], typer.Option("--why", metavar="TEXT", help="The reason, kept with the correction.")]
EstimateId = Annotated[int, typer.Argument(metavar="ID", min=1, help="An estimate's id (see `estimates`).")]

estimates_app = typer.Typer(help="The distinct casualty estimates, and corrections to them.", no_args_is_help=False,
                            rich_markup_mode=None,
                            invoke_without_command=True, add_completion=False)


def _one_of(value: str | None, allowed: tuple[str, ...], flag: str) -> str | None:
    if value is not None and value not in allowed:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(allowed)}", param_hint=flag)
    return value


@estimates_app.callback()
def estimates(ctx: typer.Context,
              place: Annotated[Optional[str], typer.Option("--place", metavar="P", help="Only places containing P.")] = None,
              kind: Kind = None, status: Status = None,
              victims: Annotated[Optional[str], typer.Option("--victims", metavar="GROUP",
                                 help="Only civilian, combatant or unknown (only \"people\") victims.")] = None,
              outcome: Annotated[Optional[str], typer.Option("--outcome", metavar="O",
                                 help="Only killed, injured, missing or casualties.")] = None,
              claimant: Annotated[Optional[str], typer.Option("--claimant", metavar="C",
                                  help="Only claimants whose name (or words as written) contains C.")] = None,
              since: Annotated[Optional[str], typer.Option("--since", metavar="DATE",
                               help="Only estimates first stated since DATE.")] = None,
              until: Annotated[Optional[str], typer.Option("--until", metavar="DATE",
                               help="Only estimates first stated by the end of DATE (a day, month or year).")] = None,
              as_json: JsonFlag = False) -> None:
    """The distinct casualty estimates, latest first stated first, with how many stories carry each; the filters
    are the page's and the API's (`/api/estimates?victims=...`)."""
    from storage import EstimateFilter
    from storage.filters import KINDS, OUTCOMES, STATUSES, VICTIM_GROUPS

    if ctx.invoked_subcommand is not None:
        return
    where = EstimateFilter(place=place, kind=_one_of(kind, KINDS, "--kind"),
                           status=_one_of(status, STATUSES, "--status"),
                           victims=_one_of(victims, VICTIM_GROUPS, "--victims"),
                           outcome=_one_of(outcome, OUTCOMES, "--outcome"), claimant=claimant,
                           since=parse_since(since), until=parse_until(until))
    if where.since and where.until and where.since > where.until:
        raise typer.BadParameter("is before --since", param_hint="--until")
    rows = state(ctx).archive().estimates(where=where)
    if as_json:
        print_json(rows)
    else:
        print_table([{**r, "figure": figure(r)} for r in rows], ESTIMATE_COLUMNS, empty="no estimates")


@estimates_app.command("show")
def show(ctx: typer.Context, estimate_id: EstimateId, as_json: JsonFlag = False) -> None:
    """One estimate with every story that states it (each a mention, by id) and its corrections."""
    est = state(ctx).archive().estimate(estimate_id)
    if est is None:
        raise typer.BadParameter(f"no estimate {estimate_id}", param_hint="ID")
    if as_json:
        print_json(est)
        return
    typer.echo(f"estimate {est['id']}: {figure(est)} {est['victims']} {est['outcome']} in {est['place'] or '?'} "
               f"({est['kind']}, {est['status']}; first stated {(est['first_stated'] or '')[:10]} by "
               f"{est['claimant'] or 'unnamed'})")
    print_table([{**m, "stated": (m["stated"] or "")[:10], "figure": figure(m)} for m in est["stories"]],
                MENTION_COLUMNS, empty="no stories")


@estimates_app.command("merge")
def merge(ctx: typer.Context, into: EstimateId,
          other: Annotated[int, typer.Argument(metavar="OTHER", min=1, help="The estimate to fold into ID.")],
          why: Why = None) -> None:
    """Fold OTHER into ID, mentions and all (the same estimate, which the rules kept apart)."""
    _correct(ctx, lambda a: a.merge_estimates(into, other, why=why), f"merged estimate {other} into {into}")


@estimates_app.command("split")
def split(ctx: typer.Context, estimate_id: EstimateId,
          mention: Annotated[int, typer.Option("--mention", metavar="M", min=1, help="The mention to take out (see `estimates show ID`).")],
          why: Why = None) -> None:
    """Undo a wrong fold: mention M of estimate ID becomes an estimate of its own."""
    done = _correct(ctx, lambda a: a.split_estimate(estimate_id, mention, why=why), None)
    typer.echo(f"split mention {mention} out of estimate {estimate_id} as estimate {done['new']}", err=True)


@estimates_app.command("reject")
def reject(ctx: typer.Context, estimate_id: EstimateId, why: Why = None) -> None:
    """Not an estimate: it never alerts, and later mentions of it fold into it quietly."""
    _correct(ctx, lambda a: a.reject_estimate(estimate_id, why=why), f"rejected estimate {estimate_id}")


@estimates_app.command("confirm")
def confirm(ctx: typer.Context, estimate_id: EstimateId, why: Why = None) -> None:
    """A person checked the figure against its sources."""
    _correct(ctx, lambda a: a.confirm_estimate(estimate_id, why=why), f"confirmed estimate {estimate_id}")


def _correct(ctx: typer.Context, act, said: str | None) -> dict:  # type: ignore[no-untyped-def]
    from storage import CorrectionError

    try:
        done = act(state(ctx).archive(write=True))
    except CorrectionError as exc:
        raise typer.BadParameter(str(exc), param_hint="ID") from None
    if said:
        typer.echo(said, err=True)
    return done


Place = Annotated[Optional[str], typer.Option("--place", metavar="NAME",
                  help="captures only: items stating an estimate whose place contains NAME.")]


def export(ctx: typer.Context,
           what: Annotated[str, typer.Option("--what", metavar="WHAT", help="items, estimates or captures")],
           fmt: Annotated[Optional[str], typer.Option("--format", metavar="FORMAT", help="csv or jsonl (captures are always WARC)")] = None,
           output: Annotated[Optional[Path], typer.Option("-o", "--output", metavar="PATH", help="File to write (else stdout).")] = None,
           place: Place = None,
           since: Annotated[Optional[str], typer.Option("--since", metavar="DATE",
                            help="captures only: items published (else fetched) since DATE.")] = None,
           ) -> None:
    """Export every item or estimate as CSV or JSON lines, or the captures of a query as one WARC.gz file."""
    if what not in ("items", "estimates", "captures"):
        raise typer.BadParameter(f"{what!r} is not one of items, estimates, captures", param_hint="--what")
    if what == "captures":
        if fmt not in (None, "warc"):
            raise typer.BadParameter("captures are exported as WARC (leave out --format)", param_hint="--format")
        _export_captures(ctx, output, place=place, since=parse_since(since))
        return
    if place is not None or since is not None:
        raise typer.BadParameter("--place and --since are for --what captures", param_hint="--place/--since")
    if fmt not in ("csv", "jsonl"):
        raise typer.BadParameter(f"{fmt!r} is not one of csv, jsonl" if fmt else "--format csv or jsonl is needed",
                                 param_hint="--format")
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
    typer.echo(f"wrote {counted(len(rows), what[:-1], what)} to {output}", err=True)


def _export_captures(ctx: typer.Context, output: Path | None, *, place: str | None, since) -> None:  # type: ignore[no-untyped-def]
    """The captures' stored bytes, concatenated: each is a whole gzip member, so the result is a valid
    .warc.gz that pywb or the Wayback Machine's tools index and replay as it is."""
    archive = state(ctx).archive()
    if archive.captures is None:
        raise typer.BadParameter("no captures are kept ([captures] keep = false)", param_hint="--what")
    count = 0
    try:
        with (open(output, "wb") if output is not None else _stdout_bytes()) as out:
            for raw in archive.capture_bytes(place=place, since=since):
                out.write(raw)
                count += 1
    except FileNotFoundError as exc:
        raise CasualtyWatchError(f"a capture file is missing: {exc.filename} (run `casualty-watch captures "
                                 "verify`)") from None
    except OSError as exc:
        raise typer.BadParameter(f"cannot write {output}: {exc.strerror or exc}", param_hint="--output") from None
    finally:
        archive.close()
    typer.echo(f"wrote {counted(count, 'capture')} to {output or 'stdout'}", err=True)


class _stdout_bytes:
    def __enter__(self):  # type: ignore[no-untyped-def]
        return sys.stdout.buffer

    def __exit__(self, *exc: object) -> None:
        sys.stdout.buffer.flush()


def _all_items(archive) -> list[dict]:  # type: ignore[no-untyped-def]
    from storage.queries import item_key

    rows: list[dict] = []
    before: tuple | None = None
    while page := archive.items(limit=1000, before=before[1] if before else None,
                                before_date=before[0] if before else None):
        rows.extend(page)
        before = item_key(page[-1])
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
    app.add_typer(estimates_app, name="estimates")
    app.command("export")(export)
