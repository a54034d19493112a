"""`casualty-watch run`: poll each source on its schedule, crawl due sources in one child pass, deliver alerts.

Reads top to bottom as the data flows: sources due -> one pass (child process: fetch, extract, estimates,
archive, outbox) -> source health -> delivery. APScheduler only says when a source is due; the dispatcher
thread runs passes one at a time; the delivery worker empties the outbox continuously.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from alerts.backoff import Backoff
from alerts.channels import Channel, build_channels, close_channels
from alerts.delivery import Deliverer, DeliveryWorker
from alerts.describe import headline
from alerts.health import check_sources
from alerts.routing import make_router
from alerts.rules import AlertRule
from netpolicy.retry_after import DEFAULT_CAP

from .batch import DueSources
from .child import PassProcess, PassRequest, PassResult
from .plan import first_due, jitter_for, misfire_grace

log = logging.getLogger("casualty_watch.scheduler")


@dataclass(frozen=True, slots=True)
class ServiceSettings:
    """The service's plain inputs, taken from config by the front door."""

    database: str
    sources: tuple[Any, ...]  # crawler.spec.SourceSpec
    politeness: Any
    watch: Any
    rules: tuple[AlertRule, ...] = ()
    failing_after: int = 5
    pass_limit: float = 1800.0  # hard limit on one pass, seconds
    send_timeout: float = 10.0
    max_retry_after: float = DEFAULT_CAP  # Config.max_retry_after: the longest Retry-After a receiver gets honoured
    gather: float = 0.5  # how long a due source waits for others to join its pass
    delivery_poll: float = 1.0
    warm: bool = True  # keep the next pass's child started and waiting
    captures: Any = None  # storage.captures.CaptureSpec: where each pass keeps the bytes it archived (WARC files), if anywhere


class PassRunner(Protocol):
    def run(self, request: PassRequest, *, limit: float, stop: threading.Event) -> PassResult: ...
    def close(self) -> None: ...


class Service:
    def __init__(self, settings: ServiceSettings, archive: Any, *, runner: PassRunner | None = None,
                 channels: dict[str, Channel] | None = None,
                 on_pass: Callable[[PassResult], None] | None = None,
                 on_delivery: Callable[[Any, Any], None] | None = None) -> None:
        self.settings, self.archive = settings, archive
        self.runner = runner or PassProcess(log_level=logging.getLogger().getEffectiveLevel(), warm=settings.warm)
        self.channels = channels if channels is not None else build_channels(settings.rules,
                                                                              timeout=settings.send_timeout)
        self.on_pass = on_pass
        self.stopping = threading.Event()
        self.passes = 0
        self._by_name = {s.name: s for s in settings.sources}
        self._route = make_router(settings.rules, settings.watch.places, settings.watch.place_ids) if settings.rules else None
        self._due = DueSources()
        self._scheduler = BackgroundScheduler(timezone=UTC)
        self._dispatcher = threading.Thread(target=self._dispatch, name="dispatcher", daemon=True)
        deliverer = Deliverer(archive, self.channels, backoff=Backoff(max_retry_after=settings.max_retry_after),
                              send_timeout=settings.send_timeout, on_result=on_delivery)
        self.delivery = DeliveryWorker(deliverer, poll=settings.delivery_poll)

    # -- life cycle -------------------------------------------------------------------------------------------

    def start(self) -> None:
        self.archive.sync_sources(self.settings.sources)
        self._schedule(datetime.now(UTC))
        self.delivery.start()
        self._dispatcher.start()
        self._scheduler.start()
        log.info("service started: %d source(s), %d alert channel(s)%s", len(self._by_name), len(self.channels),
                 "" if self.channels else " (new estimates are logged)")

    def stop(self, timeout: float = 7.0) -> None:
        """Stop taking work, abandon the pass in flight, let the send in flight finish (briefly).

        Bounded: each stage has its own limit, all within `timeout` plus about a second for ending a pass child
        the dispatcher could not end itself, so `casualty-watch run` exits well within 10 s of a signal even on
        a loaded machine. A stage that fails is logged and the others still run: stopping never raises.
        """
        if self.stopping.is_set():
            return
        self.stopping.set()
        log.info("stopping")
        started = time.monotonic()
        deadline = started + timeout

        def budget(cap: float, keep: float) -> float:
            """Up to `cap` s, leaving `keep` s of the deadline for the stages after this one."""
            return max(min(cap, deadline - time.monotonic() - keep), 0.5)

        def scheduler() -> None:
            if self._scheduler.running:
                self._scheduler.shutdown(wait=False)  # its threads are daemons; a running job only marks a source due
            self._due.wake()

        def dispatcher() -> None:
            # normally quick: the pass notices `stopping` within 0.1 s and its child is gone within ~2 s
            if self._dispatcher.is_alive():
                self._dispatcher.join(budget(4.0, 3.0))
            if self._dispatcher.is_alive():
                log.warning("the pass thread did not stop in time; its child is ended below")

        def delivery() -> None:
            if not self.delivery.stop(timeout=budget(2.0, 1.0)):
                log.info("a send was still in flight; its lease makes it due again for the next run")

        for name, stage in (("scheduler", scheduler), ("dispatcher", dispatcher), ("delivery", delivery),
                            ("pass children", self.runner.close), ("channels", lambda: close_channels(self.channels))):
            begun = time.monotonic()
            try:
                stage()
            except Exception:  # noqa: BLE001 - the other stages must still run, and the service still exit 0
                log.exception("stopping: %s failed", name)
            log.debug("stopping: %s took %.2f s", name, time.monotonic() - begun)
        log.info("stopped in %.1f s", time.monotonic() - started)

    # -- the schedule -----------------------------------------------------------------------------------------

    def _schedule(self, now: datetime) -> None:
        """One job per source, resumed from the archive's last poll (a restart does not re-poll early)."""
        states = {s.name: s for s in self.archive.sources()}
        for spec in self.settings.sources:
            due = first_due(states.get(spec.name), spec.every, now)
            trigger = IntervalTrigger(seconds=spec.every, start_date=due, jitter=jitter_for(spec.every), timezone=UTC)
            self._scheduler.add_job(self._due.add, trigger, args=[spec.name], id=f"poll:{spec.name}",
                                    name=f"poll {spec.name}", replace_existing=True, next_run_time=due,
                                    coalesce=True, max_instances=1, misfire_grace_time=misfire_grace(spec.every))
            if due > now:
                log.info("source %s: next poll at %s", spec.name, due.isoformat(timespec="seconds"))

    # -- passes -----------------------------------------------------------------------------------------------

    def _dispatch(self) -> None:
        while not self.stopping.is_set():
            names = self._due.take(gather=self.settings.gather, stop=self.stopping)
            if names and not self.stopping.is_set():
                try:
                    self._pass(names)
                except Exception:  # noqa: BLE001 - one bad pass (e.g. the archive briefly down) must not end the service
                    log.exception("pass over %s failed", ", ".join(names))

    def _pass(self, names: Sequence[str]) -> None:
        started = datetime.now(UTC)
        specs = self._runnable([self._by_name[n] for n in names if n in self._by_name], started)
        if not specs:
            return
        log.info("pass starting: %s", ", ".join(s.name for s in specs))
        request = PassRequest(database=self.settings.database, sources=specs, politeness=self.settings.politeness,
                              watch=self.settings.watch, route=self._route, captures=self.settings.captures)
        result = self.runner.run(request, limit=self.settings.pass_limit, stop=self.stopping)
        self.passes += 1
        if self.stopping.is_set() and not result.ok:
            log.info("pass abandoned: the service is stopping")
            return
        if result.ok:
            self._report(result)
        else:
            log.error("pass over %s failed: %s", ", ".join(result.names), result.error)
            self._record_unpolled(specs, started, result.error or "pass failed")
        check_sources(self.archive, list(self.channels), failing_after=self.settings.failing_after, names=names)
        self.delivery.wake()
        if self.on_pass is not None:
            self.on_pass(result)

    def _runnable(self, specs: Sequence[Any], now: datetime) -> tuple[Any, ...]:
        """Leave out sources backing off after failures: a child process for a pass that would skip them all
        is wasted work (the crawler would skip them too)."""
        states = {s.name: s for s in self.archive.sources()}
        backing_off = [s.name for s in specs
                       if (st := states.get(s.name)) is not None and st.backoff_until is not None
                       and st.backoff_until > now]
        if backing_off:
            log.debug("backing off, not polled now: %s", ", ".join(backing_off))
        return tuple(s for s in specs if s.name not in backing_off)

    def _report(self, result: PassResult) -> None:
        s = result.summary or {}
        failed = s.get("sources_failed") or []
        log.info("pass done in %.1f s: %d ok, %d unchanged, %d failed%s, %d skipped; %d page(s), %d new item(s), "
                 "%d duplicate(s), %d new estimate(s), %d alert(s)", result.seconds,
                 len(s.get("sources_ok", ())), len(s.get("sources_unchanged", ())), len(failed),
                 f" ({', '.join(failed)})" if failed else "", len(s.get("sources_skipped", ())),
                 s.get("pages_fetched", 0), s.get("items_new", 0), s.get("items_duplicate", 0),
                 len(s.get("new_estimates", ())), len(s.get("alerts", ())))
        for est_id in s.get("new_estimates", ()):
            est = self.archive.estimate(est_id)
            if est is not None:
                log.info("new estimate: %s <%s>", headline(est), est.get("url") or "")

    def _record_unpolled(self, specs: Sequence[Any], started: datetime, error: str) -> None:
        """A pass that ended before recording its sources. Abandoned at its time limit: each unrecorded source
        is `aborted` with the reason (not its failure, and never left reading "ok" from its last poll). Died
        (killed, crashed): a failed poll of each, so a pass that keeps dying shows in source health and alerts.
        """
        aborted = error.startswith("abandoned")
        states = {s.name: s for s in self.archive.sources()}
        for spec in specs:
            state = states.get(spec.name)
            if state is not None and (state.last_polled is None or state.last_polled < started):
                if aborted:
                    self.archive.record_poll(spec.name, "aborted",
                                             error=f"aborted: {error.removeprefix('abandoned: ')}")
                else:
                    self.archive.record_poll(spec.name, "failed", error=error)
