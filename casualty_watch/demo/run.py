"""The demo, top to bottom: serve the sample web, run the real service on a fresh archive with a console
channel, show what it found and sent, publish one more story, show its alert arriving, stop."""
from __future__ import annotations

import queue
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import typer

from alerts.rules import AlertRule
from crawler.spec import Politeness, SourceSpec

from ..config import watch_for

from ..errors import CasualtyWatchError, UsageError
from ..output import count, print_table
from .server import DemoWeb

EVERY = 2.0  # seconds between polls: the new story is picked up within moments
PHASE_LIMIT = 90.0  # give up on a phase after this long (a broken install, not a slow machine)
PLACES = ("Mosul", "Nineveh", "الموصل")


def run_demo(*, webhook: str | None = None, keep: str | None = None) -> None:
    from scheduler import Service, ServiceSettings
    from storage import Archive

    workdir = _workdir(keep)
    web = DemoWeb(workdir / "web").start()
    database = f"sqlite:///{workdir / 'demo.db'}"
    sources = _sources(web.base)
    rules = (AlertRule(kind="console"),) + ((AlertRule(kind="webhook", webhook=webhook),) if webhook else ())
    _write_config(workdir / "casualty-watch.toml", database, sources, webhook)
    settings = ServiceSettings(database=database, sources=sources, watch=watch_for(PLACES), rules=rules,
                               politeness=Politeness(concurrency=8, per_host=4, delay=0.0, timeout=10.0,
                                                     user_agent="casualty-watch demo"),
                               gather=0.2, pass_limit=PHASE_LIMIT)
    passes: queue.Queue[Any] = queue.Queue()
    sent: queue.Queue[tuple[Any, Any]] = queue.Queue()
    archive = Archive(database)
    service = Service(settings, archive, on_pass=passes.put, on_delivery=lambda a, r: sent.put((a, r)))
    typer.echo(f"Serving a sample web at {web.base}/ : two outlets with RSS feeds, an NGO report page "
               f"(an HTML report and a PDF), a syndicated copy and an irrelevant story.")
    typer.echo(f"Watching it for {', '.join(PLACES[:2])}, polling every {EVERY:.0f} s; alerts go to this console"
               + (f" and to {webhook}" if webhook else "") + ".\n")
    try:
        service.start()
        _first_pass(passes, sources)
        _wait_outbox_empty(archive)
        _show_found(archive)
        url = web.publish_later_story()
        typer.echo(f"\nPublishing one more story: {url}")
        published = time.monotonic()
        alert = _wait_alert_for(sent, url)
        typer.echo(f"Its alert arrived {time.monotonic() - published:.1f} s after the story was published.")
    finally:
        service.stop()
        web.stop()
        archive.close()
        if keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
    typer.echo(f"\nDone: one alert per new estimate ({alert.channel} included), none for the restatement, "
               "the syndicated copy, the combatant figure or the irrelevant story.")
    if keep is not None:
        typer.echo(f"The archive and its config are in {workdir}: try\n"
                   f"  casualty-watch -c {workdir / 'casualty-watch.toml'} estimates")


def _workdir(keep: str | None) -> Path:
    if keep is None:
        return Path(tempfile.mkdtemp(prefix="casualty-watch-demo-"))
    path = Path(keep).expanduser()
    if (path / "demo.db").exists():
        raise UsageError(f"{path} already holds a demo archive: give --keep an empty or new folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create {path}: {exc.strerror}") from None
    return path


def _sources(base: str) -> tuple[SourceSpec, ...]:
    return (SourceSpec(name="tigris-dispatch", kind="feed", url=f"{base}/dispatch/feed.xml", every=EVERY),
            SourceSpec(name="levant-wire", kind="feed", url=f"{base}/wire/feed.xml", every=EVERY),
            SourceSpec(name="civilian-monitor", kind="page", url=f"{base}/ngo/reports/", every=EVERY,
                       follow="a.report"))


def _write_config(path: Path, database: str, sources: tuple[SourceSpec, ...], webhook: str | None) -> None:
    """The demo's setup as a config file, for exploring a kept archive with the other commands. Its sources
    poll at the config's shortest interval, not the demo's 2 s (which only the demo itself may use: a config
    below the floor is refused, so the kept file would not load)."""
    from ..config import min_interval
    from ..durations import format_duration

    every = format_duration(max(EVERY, min_interval()))
    lines = [f'database = "{database}"', "", "[watch]", 'places = ["Mosul", "Nineveh", "الموصل"]', ""]
    for s in sources:
        lines += ["[[source]]", f'name = "{s.name}"', f'{s.kind} = "{s.url}"', f'every = "{every}"']
        lines += [f'follow = "{s.follow}"'] if s.follow else []
        lines.append("")
    if webhook:
        lines += ["[[alert]]", f'webhook = "{webhook}"', ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def _first_pass(passes: queue.Queue, sources: tuple[SourceSpec, ...]) -> None:
    """Wait for the pass that polled every source (the first one, unless it failed)."""
    deadline = time.monotonic() + PHASE_LIMIT
    polled: set[str] = set()
    wanted = {s.name for s in sources}
    while not wanted <= polled:
        result = _get(passes, deadline, "the first crawl pass")
        if not result.ok:
            raise CasualtyWatchError(f"demo: the crawl pass failed: {result.error}")
        summary = result.summary or {}
        polled |= set(summary.get("sources_ok", ())) | set(summary.get("sources_unchanged", ()))
        if summary.get("sources_failed"):
            raise CasualtyWatchError(f"demo: sources failed: {summary.get('errors')}")


def _wait_outbox_empty(archive: Any) -> None:
    deadline = time.monotonic() + PHASE_LIMIT
    while archive.alert_counts().get("pending", 0):
        if time.monotonic() > deadline:
            raise CasualtyWatchError("demo: alerts are still pending after the first pass")
        time.sleep(0.1)


def _show_found(archive: Any) -> None:
    from ..commands.archive_cmds import figure

    totals = archive.totals()
    counts = archive.alert_counts()
    typer.echo(f"\nArchived {count(totals['items'], 'story', 'stories')} "
               f"({count(totals['duplicates'], 'syndicated copy', 'syndicated copies')} folded in) and "
               f"{count(totals['estimates'], 'distinct estimate')}; {count(counts.get('sent', 0), 'alert')} sent.")
    rows = [{**e, "figure": figure(e)} for e in archive.estimates()]
    print_table(rows, [("figure", "figure"), ("outcome", "outcome"), ("victims", "victims"), ("place", "place"),
                       ("claimant", "claimant"), ("mentions", "stories")], title="Estimates found",
                empty="no estimates found")


def _wait_alert_for(sent: queue.Queue, url: str) -> Any:
    deadline = time.monotonic() + PHASE_LIMIT
    while True:
        alert, result = _get(sent, deadline, "the new story's alert")
        if alert.event == "estimate.new" and (alert.item or {}).get("url") == url and result.ok:
            return alert


def _get(q: queue.Queue, deadline: float, what: str) -> Any:
    try:
        return q.get(timeout=max(deadline - time.monotonic(), 0.01))
    except queue.Empty:
        raise CasualtyWatchError(f"demo: gave up waiting for {what} after {PHASE_LIMIT:.0f} s") from None
