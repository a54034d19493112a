"""The service commands: `run` (poll, archive, alert, forever), `alerts` (the outbox and its deliveries), `demo`."""
from __future__ import annotations

import logging
import signal
import sys
import threading
from typing import Annotated, Optional

import typer
from sqlalchemy.exc import SQLAlchemyError

from ..config import watch_for
from ..context import state
from ..durations import parse_duration
from ..errors import CasualtyWatchError, UsageError
from ..output import print_json, print_table

LOG_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING, "error": logging.ERROR}
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

LogLevel = Annotated[str, typer.Option("--log-level", metavar="LEVEL", help="debug, info, warning or error.")]


def run(ctx: typer.Context, log_level: LogLevel = "info",
        pass_limit: Annotated[str, typer.Option("--pass-limit", metavar="DURATION",
                                                help="Abandon a crawl pass that runs longer than this.")] = "30m",
        send_timeout: Annotated[str, typer.Option("--send-timeout", metavar="DURATION",
                                                  help="Give up one attempt to deliver an alert after this.")] = "10s",
        ) -> None:
    """Poll each source on its schedule, archive new stories, and deliver alerts until SIGTERM or Ctrl+C."""
    from scheduler import AlreadyRunning, ArchiveLock, Service

    level = _level(log_level)
    limit, timeout = _duration(pass_limit, "--pass-limit"), _duration(send_timeout, "--send-timeout")
    st = state(ctx)
    cfg = st.config()
    if not cfg.sources:
        raise UsageError(f"{cfg.path}: no [[source]] configured: nothing to poll")
    setup_logging(level)
    archive = st.archive(create=True)
    lock = ArchiveLock(cfg.database, archive.engine)
    try:
        lock.acquire()
    except AlreadyRunning as exc:
        archive.close()
        raise UsageError(str(exc)) from None
    try:
        _serve(Service(service_settings(cfg, pass_limit=limit, send_timeout=timeout), archive))
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise CasualtyWatchError(f"archive {archive.display_url}: {reason}") from None
    finally:
        lock.release()
        archive.close()


def _serve(service) -> None:  # type: ignore[no-untyped-def]
    """Run until SIGTERM or SIGINT, then stop within a few seconds and return (exit status 0)."""
    stop = threading.Event()

    def _on_signal(signum: int, _frame: object) -> None:
        logging.getLogger("casualty_watch").info("received %s", signal.Signals(signum).name)
        stop.set()

    previous = {sig: signal.signal(sig, _on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        service.start()
        while not stop.wait(0.5):
            pass
    finally:
        service.stop()  # bounded, never raises
        # last, once every pass child has ended: the helper process the 'spawn' start method started would
        # otherwise outlive this process by a moment (a supervisor would see a child left running)
        from scheduler.child import stop_resource_tracker

        try:
            stop_resource_tracker(timeout=1.0)
        except Exception:  # noqa: BLE001 - it exits by itself when this process does anyway
            logging.getLogger("casualty_watch").debug("stopping the resource tracker failed", exc_info=True)
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def service_settings(cfg, *, pass_limit: float = 1800.0, send_timeout: float = 10.0):  # type: ignore[no-untyped-def]
    """The plain values the scheduler room takes, from the config."""
    from scheduler import ServiceSettings

    return ServiceSettings(database=cfg.database, sources=cfg.sources, politeness=cfg.politeness, watch=watch_for(cfg.watch.places),
                           rules=cfg.alerts, failing_after=cfg.failure_alert_after, pass_limit=pass_limit,
                           send_timeout=send_timeout, max_retry_after=cfg.max_retry_after, captures=cfg.captures)


def setup_logging(level: int) -> None:
    """One line per event on stderr; APScheduler's per-job chatter only at debug level.

    URLs in every line lose their userinfo and query values (netpolicy.redact): at debug level httpx logs each
    webhook URL with its `?key=`. Installed in the record factory, so it also covers handlers set up later.
    """
    from netpolicy.redact import redact_logs

    redact_logs()
    logging.basicConfig(stream=sys.stderr, level=level, format=LOG_FORMAT, force=True)
    logging.getLogger("apscheduler").setLevel(logging.DEBUG if level <= logging.DEBUG else logging.WARNING)
    for chatty in ("httpx", "alembic"):
        logging.getLogger(chatty).setLevel(logging.DEBUG if level <= logging.DEBUG else logging.WARNING)


def _level(value: str) -> int:
    try:
        return LOG_LEVELS[value.lower()]
    except KeyError:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(LOG_LEVELS)}", param_hint="--log-level") from None


def _duration(value: str, hint: str) -> float:
    try:
        return parse_duration(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint=hint) from None


# -- alerts -----------------------------------------------------------------------------------------------------

alerts_app = typer.Typer(help="Alerts owed and sent: list them (no subcommand), or resend a failed one.",
                         no_args_is_help=False, rich_markup_mode=None)

ALERT_COLUMNS = [("id", "id"), ("event", "event"), ("about", "about"), ("channel", "channel"), ("state", "state"),
                 ("attempts", "tries"), ("when", "sent / next try"), ("last_error", "last error")]


@alerts_app.callback(invoke_without_command=True)
def alerts_list(ctx: typer.Context,
                state_filter: Annotated[Optional[str], typer.Option("--state", metavar="STATE",
                                        help="Only pending, sent, failed or gone alerts.")] = None,
                limit: Annotated[int, typer.Option("--limit", metavar="N", min=1, max=100000, help="At most N (1 to 100,000).")] = 100,
                as_json: Annotated[bool, typer.Option("--json", help="Print one JSON array to stdout.")] = False,
                ) -> None:
    """Alerts, newest first, with each one's delivery state, attempts and last error."""
    if ctx.invoked_subcommand is not None:
        return
    if state_filter is not None and state_filter not in ("pending", "sent", "failed", "gone", "cancelled"):
        raise typer.BadParameter(f"{state_filter!r} is not one of pending, sent, failed, gone, cancelled",
                                 param_hint="--state")
    archive = state(ctx).archive()
    try:
        found = archive.alerts(state=state_filter, limit=limit, full=not as_json)
    finally:
        archive.close()
    if as_json:
        print_json([a.to_dict() for a in found])
        return
    rows = []
    for alert in found:
        row = alert.to_dict()
        row["about"] = about(alert)
        row["when"] = _short_time(row["delivered"] or row["next_attempt"])
        rows.append(row)
    print_table(rows, ALERT_COLUMNS, empty="no alerts")


def about(alert) -> str | None:  # type: ignore[no-untyped-def]
    """What an alert is about, as its message says it: the estimate's headline ("more than 40,000 civilians
    killed in Mosul (...)") rather than its id, or the source's name for a source event."""
    from alerts.describe import headline

    if alert.estimate is not None:
        return f"{alert.estimate_id}: {headline(alert.estimate)}"
    if alert.estimate_id is not None:
        return f"estimate {alert.estimate_id}"
    return alert.source


def _short_time(iso: str | None) -> str | None:
    """'2017-07-20 12:00:05' (UTC) for the table; JSON keeps the full ISO time."""
    return iso[:19].replace("T", " ") if iso else None


@alerts_app.command("retry")
def alerts_retry(ctx: typer.Context,
                 alert_id: Annotated[int, typer.Argument(metavar="ID", help="The alert's id (see `alerts`).")],
                 ) -> None:
    """Send a failed or pending alert now, without waiting out its back-off (it keeps its message id, so
    receivers can drop a repeat)."""
    from alerts.backoff import Backoff
    from alerts.channels import build_channels, close_channels
    from alerts.delivery import Deliverer, lease_for

    st = state(ctx)
    archive = st.archive(write=True)
    if not archive.retry_alert(alert_id):
        found = archive.alert(alert_id)
        if found is None:
            raise typer.BadParameter(f"no alert {alert_id}", param_hint="ID")
        raise UsageError(f"alert {alert_id} is {found.state}, not failed or pending: nothing to retry")
    cfg = st.config()
    channels = build_channels(cfg.alerts)
    try:
        deliverer = Deliverer(archive, channels, backoff=Backoff(max_retry_after=cfg.max_retry_after))
        claimed = archive.claim_alert(alert_id, lease=lease_for(deliverer.send_timeout))
        if claimed is None:
            typer.echo(f"alert {alert_id} is queued again; a running service will send it")
            return
        result = deliverer.deliver(claimed)
    finally:
        close_channels(channels)
    if result.ok:
        typer.echo(f"alert {alert_id} sent to {claimed.channel}")
        return
    after = archive.alert(alert_id)
    later = f"; next try at {after.next_attempt.isoformat(timespec='seconds')}" \
        if after is not None and after.state == "pending" else ""
    typer.echo(f"alert {alert_id} not sent: {result.error}{later}", err=True)
    raise typer.Exit(1)


# -- demo -------------------------------------------------------------------------------------------------------

def demo(webhook: Annotated[Optional[str], typer.Option("--webhook", metavar="URL",
                                                         help="Also POST the alerts to this URL.")] = None,
         keep: Annotated[Optional[str], typer.Option("--keep", metavar="DIR",
                                                     help="Keep the demo's archive and config in DIR.")] = None,
         log_level: LogLevel = "warning",
         ) -> None:
    """Watch a small bundled sample web on 127.0.0.1 and show estimates and alerts (no internet needed)."""
    from urllib.parse import urlsplit

    from ..demo.run import run_demo

    if webhook is not None and (urlsplit(webhook).scheme not in ("http", "https") or not urlsplit(webhook).hostname):
        raise typer.BadParameter(f"bad URL {webhook!r} (need http:// or https:// and a host)", param_hint="--webhook")
    setup_logging(_level(log_level))
    run_demo(webhook=webhook, keep=keep)


def register(app: typer.Typer) -> None:
    app.command("run")(run)
    app.add_typer(alerts_app, name="alerts")
    app.command("demo")(demo)
