"""`casualty-watch crawl`: one pass over the sources now (the service runs the same pass on schedule)."""
from __future__ import annotations

import json
import sys
from typing import Annotated, Optional

import typer

from ..context import State, state
from ..errors import CasualtyWatchError, UsageError

Sources = Annotated[Optional[list[str]], typer.Option("--source", metavar="NAME",
                                                      help="Only this source (repeat for more).")]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print the pass summary as one JSON object on stdout.")]
Force = Annotated[bool, typer.Option("--force", help="Also poll sources that are backing off after failures.")]


ALL_FAILED = 3  # exit status when every source polled failed: cron and systemd see it, a partial pass is 0


def crawl(ctx: typer.Context, source: Sources = None, as_json: JsonFlag = False, force: Force = False) -> None:
    """Poll the sources once, archive relevant stories and their casualty estimates, and print a summary.
    Exits 3 when every source polled failed (those skipped while backing off are not polled)."""
    from alerts.routing import make_router
    from crawler import CrawlError, run_pass
    from storage import ArchiveError

    from ..config import watch_for

    st = state(ctx)
    cfg = st.config()
    specs = _chosen(cfg.sources, source or [])
    archive = st.archive(create=True)
    try:
        archive.sync_sources(cfg.sources)
    finally:
        archive.close()
    try:
        watch = watch_for(cfg.watch.places)
        summary = run_pass(database=cfg.database, sources=specs, politeness=cfg.politeness, watch=watch,
                           route=make_router(cfg.alerts, watch.places, watch.place_ids),
                           progress=sys.stderr.isatty(), force=force, captures=cfg.captures)
    except (CrawlError, ArchiveError) as exc:
        raise CasualtyWatchError(str(exc)) from None
    archive = st.archive()
    try:
        if not cfg.alerts:
            _log_new_estimates(archive, summary.new_estimates)
        deliver_after_pass(st, archive, summary)
    finally:
        archive.close()
    if as_json:
        sys.stdout.write(json.dumps(summary.to_dict(), ensure_ascii=False) + "\n")
    else:
        _print_summary(summary)
    failed = all_failed(summary)
    if failed:
        typer.echo(f"casualty-watch: every source polled failed ({failed}; each one's error is above or in "
                   "`casualty-watch sources`)", err=True)
        raise typer.Exit(ALL_FAILED)


def all_failed(summary) -> str | None:  # type: ignore[no-untyped-def]
    """'2 of 2' when sources were polled and none was read (failed, or cut short), else None. A pass that
    polled nothing (every source backing off) did not fail: there was nothing to try."""
    polled = [*summary.sources_ok, *summary.sources_unchanged, *summary.sources_failed, *summary.sources_aborted]
    if not polled or summary.sources_ok or summary.sources_unchanged:
        return None
    return f"{len(polled)} of {len(polled)}"


def deliver_after_pass(st: State, archive, summary) -> None:  # type: ignore[no-untyped-def]
    """Send what this pass queued, right after it: the alerts for its new estimates (summary.alerts, in the
    archive's outbox) and a source-failing or source-recovered alert for each polled source whose health
    crossed the line (alerts.after_pass.settle_pass). The crawler only queues; a one-shot crawl has no service
    to send later, so delivery happens here, and one stderr line says what was sent, what waits for a retry
    (the next crawl or `run` sends it) and what failed."""
    from alerts.after_pass import settle_pass

    cfg = st.config()
    polled = [*summary.sources_ok, *summary.sources_unchanged, *summary.sources_failed]
    settled = settle_pass(archive, cfg.alerts, failing_after=cfg.failure_alert_after, sources=polled,
                          alert_ids=summary.alerts, max_retry_after=cfg.max_retry_after)
    if settled.sent or settled.pending or settled.failed:
        later = f", {settled.pending} to retry later (run or the next crawl sends them)" if settled.pending else ""
        failed = f", {settled.failed} failed (see `casualty-watch alerts`)" if settled.failed else ""
        typer.echo(f"alerts: {settled.sent} sent{later}{failed}", err=True)


def _chosen(specs, names: list[str]):  # type: ignore[no-untyped-def]
    if not names:
        return specs
    known = {s.name: s for s in specs}
    for name in names:
        if name not in known:
            hint = ", ".join(sorted(known)) or "none configured"
            raise UsageError(f"unknown source {name!r} (known: {hint})")
    return tuple(known[n] for n in dict.fromkeys(names))


def _log_new_estimates(archive, ids: list[int]) -> None:  # type: ignore[no-untyped-def]
    """With no [[alert]] configured, each new estimate is one readable line on stderr (as `run` logs it)."""
    from alerts.describe import headline

    for est_id in ids:
        est = archive.estimate(est_id)
        if est is not None:
            typer.echo(f"new estimate: {headline(est)} <{est.get('url') or ''}>", err=True)


def _print_summary(summary) -> None:  # type: ignore[no-untyped-def]
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(highlight=False)
    table = Table(title="crawl pass", show_header=False)
    table.add_column("what")
    table.add_column("value", overflow="fold")
    rows = [
        ("sources ok", _names(summary.sources_ok)),
        ("sources unchanged", _names(summary.sources_unchanged)),
        ("sources failed", _names(summary.sources_failed)),
        ("sources skipped (backing off)", _names(summary.sources_skipped)),
        ("pages fetched", str(summary.pages_fetched)),
        ("pages failed", str(summary.pages_failed)),
        ("items new", str(summary.items_new)),
        ("items duplicate", str(summary.items_duplicate)),
        ("items updated", str(summary.items_version)),
        ("new estimates", str(len(summary.new_estimates))),
        ("alerts queued", str(len(summary.alerts))),
        ("duration", f"{summary.duration:.1f}s"),
    ]
    for what, value in rows:
        table.add_row(what, Text(value))
    console.print(table)
    for name, error in summary.errors.items():
        console.print(Text(f"{name}: {error}", style="red"))


def _names(names: list[str]) -> str:
    return f"{len(names)}" + (f" ({', '.join(names)})" if names else "")


def register(app: typer.Typer) -> None:
    app.command("crawl")(crawl)
