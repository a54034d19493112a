"""Sending what the outbox holds: claim one due alert, send it on its channel, record how it went.

An alert is claimed under a lease (see storage/outbox.py): a sender killed mid-send leaves it due again when
the lease runs out, and the resend carries the same message id. So the lease must outlast the slowest send:
one alert is claimed at a time, and the lease is several send timeouts long.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from .backoff import Backoff
from .channels import Channel
from .payloads import PayloadError
from .results import SendResult

log = logging.getLogger("casualty_watch.alerts")


class Outbox(Protocol):
    """The archive methods delivery uses (storage.Archive has them)."""

    def claim_alerts(self, *, now: datetime | None = ..., limit: int = ..., lease: timedelta = ...) -> list[Any]: ...
    def finish_alert(self, alert_id: int, *, ok: bool, status: int | None = ..., error: str | None = ...,
                     retry_at: datetime | None = ..., gone: bool = ...) -> None: ...
    def settle_channel(self, channel: str, state: str, error: str) -> int: ...
    def bump(self, counters: dict[str, float]) -> None: ...


def lease_for(send_timeout: float) -> timedelta:
    """Long enough for one send (connect, TLS, login, data) to time out at every step."""
    return timedelta(seconds=6 * send_timeout + 5)


@dataclass
class Deliverer:
    archive: Outbox
    channels: dict[str, Channel]
    backoff: Backoff = field(default_factory=Backoff)
    send_timeout: float = 10.0
    on_result: Callable[[Any, SendResult], None] | None = None  # the demo and tests watch deliveries through it
    _gone: dict[str, str] = field(default_factory=dict)

    def deliver_due(self, *, should_stop: Callable[[], bool] = lambda: False) -> int:
        """Send every alert that is due now, one claim at a time; returns how many were attempted."""
        done = 0
        while not should_stop():
            claimed = self.archive.claim_alerts(limit=1, lease=lease_for(self.send_timeout))
            if not claimed:
                break
            self.deliver(claimed[0])
            done += 1
        return done

    def deliver(self, alert: Any) -> SendResult:
        """One attempt at one claimed alert, recorded in the archive whatever happens."""
        result = self._attempt(alert)
        self._record(alert, result)
        if self.on_result is not None:
            self.on_result(alert, result)
        return result

    def _attempt(self, alert: Any) -> SendResult:
        if alert.channel in self._gone:
            return SendResult.permanent(self._gone[alert.channel], gone=True)
        channel = self.channels.get(alert.channel)
        if channel is None:
            return SendResult.permanent("channel no longer configured (add its [[alert]] back, then alerts retry)")
        try:
            return channel.send(alert)
        except PayloadError as exc:
            return SendResult.permanent(str(exc))
        except Exception as exc:  # noqa: BLE001 - a bug in one channel must not lose the alert: retry it later
            log.exception("alert %s: %s crashed", alert.id, alert.channel)
            return SendResult.transient(f"internal error: {type(exc).__name__}")

    def _record(self, alert: Any, result: SendResult) -> None:
        what = f"alert {alert.id} ({alert.event} {alert.subject}) to {alert.channel}"
        if result.ok:
            self.archive.finish_alert(alert.id, ok=True, status=result.status)
            self.archive.bump({"alerts/sent": 1})
            log.info("%s: sent", what)
            return
        if result.gone:
            self.archive.finish_alert(alert.id, ok=False, status=result.status, error=result.error, gone=True)
            if alert.channel not in self._gone:
                self._gone[alert.channel] = f"endpoint gone ({result.error})"
                closed = self.archive.settle_channel(alert.channel, "gone", self._gone[alert.channel])
                log.warning("%s: %s; channel disabled until restart, %d pending alert(s) closed "
                            "(alerts retry ID resends one)", what, result.error, closed)
            self.archive.bump({"alerts/gone": 1})
            return
        retry_at = self.backoff.next_attempt(alert.attempts, datetime.now(UTC), retry_after=result.retry_after) \
            if result.retry else None
        if retry_at is not None:
            self.archive.finish_alert(alert.id, ok=False, status=result.status, error=result.error, retry_at=retry_at)
            self.archive.bump({"alerts/retried": 1})
            wait = (retry_at - datetime.now(UTC)).total_seconds()
            log.warning("%s: attempt %d failed (%s); retrying in %.0f s", what, alert.attempts, result.error, wait)
            return
        error = result.error if not result.retry else f"gave up after {alert.attempts} attempts: {result.error}"
        self.archive.finish_alert(alert.id, ok=False, status=result.status, error=error)
        self.archive.bump({"alerts/failed": 1})
        log.error("%s: failed for good (%s); alerts retry %s resends it", what, error, alert.id)


class DeliveryWorker:
    """A thread that keeps the outbox empty: polls it every `poll` seconds, or at once when woken."""

    def __init__(self, deliverer: Deliverer, *, poll: float = 1.0) -> None:
        self.deliverer, self.poll = deliverer, poll
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="delivery", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 3.0) -> bool:
        """Stop after the send in flight (if any); False when it is still sending after `timeout`.

        Abandoning a send is safe: its lease runs out and the next sender resends it with the same id.
        """
        self._stop.set()
        self._wake.set()
        if self._thread.ident is not None:  # started
            self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                self.deliverer.deliver_due(should_stop=self._stop.is_set)
            except Exception as exc:  # noqa: BLE001 - the archive may be briefly unreachable: keep going
                log.error("delivery: %s: %s", type(exc).__name__, str(exc).splitlines()[0] if str(exc) else "")
            self._wake.wait(self.poll)
