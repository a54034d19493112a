"""The record before today: `import` (WARC files), `backfill` (a web archive's CDX index) and `captures`
(the bytes kept as evidence)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..context import State, state
from ..errors import CasualtyWatchError, UsageError
from ..output import count

JsonFlag = Annotated[bool, typer.Option("--json", help="Print the summary as one JSON object on stdout.")]
AlertFlag = Annotated[bool, typer.Option("--alert", help="Alert on new estimates as a crawl does (default: "
                                                         "archive them quietly: they are old news).")]

captures_app = typer.Typer(help="The bytes each archived story was read from, kept as WARC records.",
                           no_args_is_help=True, rich_markup_mode=None)


def import_(ctx: typer.Context,
            paths: Annotated[list[Path], typer.Argument(metavar="PATH...", help="WARC or WARC.gz files, or folders of them.")],
            alert: AlertFlag = False, as_json: JsonFlag = False,
            again: Annotated[bool, typer.Option("--again", help="Read files already imported again, from the start.")] = False,
            ) -> None:
    """Import web archive files (WARC, WARC.gz): each HTML or PDF response read and archived like a crawled
    page, dated by its WARC-Date. An interrupted import resumes where it stopped."""
    from crawler.importer import import_warcs
    from storage import ArchiveError

    st = state(ctx)
    cfg = st.config()
    st.archive(create=True).close()  # made here if new; a read-only one refused before any file is read
    watch, route = _watch_and_route(st, alert)
    try:
        summary = import_warcs([str(p) for p in paths], database=cfg.database, watch=watch, sources=cfg.sources,
                               politeness=cfg.politeness, route=route, captures=cfg.captures, again=again,
                               progress=sys.stderr.isatty() and not as_json)
    except FileNotFoundError as exc:
        raise UsageError(str(exc)) from None
    except ArchiveError as exc:
        raise CasualtyWatchError(str(exc)) from None
    _finish(st, summary, alert=alert, as_json=as_json, what="import")


def backfill(ctx: typer.Context,
             source: Annotated[str, typer.Option("--source", metavar="NAME", help="The configured source whose past to take.")],
             start: Annotated[str, typer.Option("--from", metavar="YYYY-MM", help="First month.")],
             end: Annotated[str, typer.Option("--to", metavar="YYYY-MM", help="Last month.")],
             url: Annotated[Optional[str], typer.Option("--url", metavar="PATTERN",
                            help="CDX URL pattern (default: the source's host, HOST/*).")] = None,
             alert: AlertFlag = False, as_json: JsonFlag = False) -> None:
    """Take a source's captures from a web archive ([backfill] cdx and replay; the Wayback Machine by
    default) between two months, politely, and import them. Run it again to resume."""
    from crawler.backfill import BackfillError, backfill as run_backfill, months
    from storage import ArchiveError

    st = state(ctx)
    cfg = st.config()
    known = {s.name: s for s in cfg.sources}
    if source not in known:
        raise UsageError(f"unknown source {source!r} (known: {', '.join(sorted(known)) or 'none configured'})")
    try:
        months(start, end)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    st.archive(create=True).close()  # made here if new; a read-only one refused before any request
    watch, route = _watch_and_route(st, alert)
    show = _BackfillLine() if sys.stderr.isatty() and not as_json else None
    try:
        summary = run_backfill(database=cfg.database, source=known[source], pattern=url, start=start, end=end,
                               watch=watch, settings=cfg.backfill, politeness=cfg.politeness, sources=cfg.sources,
                               route=route, captures=cfg.captures, progress=show)
    except (BackfillError, ArchiveError) as exc:
        raise CasualtyWatchError(str(exc)) from None
    finally:
        if show is not None:
            show.close()
    _finish(st, summary, alert=alert, as_json=as_json, what="backfill")


@captures_app.command("verify")
def verify(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Re-hash every capture the archive names; exit 1 naming each one missing or changed."""
    archive = state(ctx).archive()
    try:
        if archive.captures is None:
            raise UsageError("no captures are kept ([captures] keep = false)")
        done = archive.verify_captures()
    finally:
        archive.close()
    problems = [{"capture": p.capture_id, "file": p.file, "problem": p.what} for p in done.problems]
    if as_json:
        sys.stdout.write(json.dumps({"captures": done.captures, "files": done.files, "problems": problems}) + "\n")
    else:
        for p in problems:
            typer.echo(f"capture {p['capture']} in {p['file']}: {p['problem']}")
        typer.echo(f"{count(done.captures, 'capture')} in {count(done.files, 'file')} checked: "
                   + (count(len(problems), "problem") if problems else "all match their SHA-256 digests"), err=True)
    if problems:
        raise typer.Exit(1)


def _watch_and_route(st: State, alert: bool):  # type: ignore[no-untyped-def]
    from alerts.routing import make_router

    from ..config import watch_for

    cfg = st.config()
    watch = watch_for(cfg.watch.places)
    route = make_router(cfg.alerts, watch.places, watch.place_ids) if alert else None
    return watch, route


def _finish(st: State, summary, *, alert: bool, as_json: bool, what: str) -> None:  # type: ignore[no-untyped-def]
    """Deliver what `--alert` queued, then the summary: what was read, and each new estimate in one line."""
    from alerts.describe import headline

    archive = st.archive(create=True)  # import and backfill write: the archive is theirs to make
    try:
        if alert and summary.alerts:
            from alerts.after_pass import settle_pass

            cfg = st.config()
            settled = settle_pass(archive, cfg.alerts, failing_after=cfg.failure_alert_after, sources=[],
                                  alert_ids=summary.alerts, max_retry_after=cfg.max_retry_after)
            typer.echo(f"alerts: {settled.sent} sent, {settled.pending} pending, {settled.failed} failed", err=True)
        new = [archive.estimate(i) for i in summary.new_estimates]
    finally:
        archive.close()
    failed = summary.records == 0 and bool(summary.problems)  # nothing could be read at all: say so to cron
    if as_json:
        out = summary.to_dict()
        out["new"] = [{"id": e["id"], "headline": headline(e), "first_stated": e.get("first_stated")}
                      for e in new if e is not None]
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        if failed:
            raise typer.Exit(1)
        return
    typer.echo(f"{what}: {summary.records:,} records read ({summary.records / max(summary.duration, 1e-9):,.0f}/s), "
               f"{summary.relevant:,} relevant, {summary.items_new:,} new items, "
               f"{summary.items_duplicate:,} copies, {summary.items_version:,} versions, "
               f"{summary.items_unchanged:,} unchanged"
               + (f", {summary.damaged:,} damaged records skipped" if summary.damaged else "")
               + (f", {summary.files_already_done} files imported before (--again reads them again)"
                  if summary.files_already_done else ""))
    for line in summary.problems[:20]:
        typer.echo(f"  {line}", err=True)
    if len(summary.problems) > 20:
        typer.echo(f"  ... and {len(summary.problems) - 20} more", err=True)
    quiet = "" if alert else " (not alerted: pass --alert to alert)"
    typer.echo(f"{count(len(new), 'new estimate')}{quiet}" + (":" if new else ""))
    for e in new:
        if e is not None:
            typer.echo(f"  {e['id']}: {headline(e)} (first stated {(e.get('first_stated') or '?')[:10]})")
    if failed:
        raise typer.Exit(1)


class _BackfillLine:
    def __init__(self) -> None:
        from rich.console import Console
        from rich.status import Status

        self._status = Status("backfill", console=Console(stderr=True))
        self._status.start()

    def __call__(self, summary, month: str) -> None:  # type: ignore[no-untyped-def]
        self._status.update(f"backfill {month[:4]}-{month[4:]}: {count(summary.records, 'capture')} read, "
                            f"{summary.relevant} relevant, {count(len(summary.new_estimates), 'new estimate')}")

    def close(self) -> None:
        self._status.stop()


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
    app.command("backfill")(backfill)
    app.add_typer(captures_app, name="captures")
