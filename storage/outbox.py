"""The alert outbox: claim what is due, record each attempt, retry by hand.

A claim moves `next_attempt` a lease ahead instead of marking the row taken, so a sender killed mid-delivery
leaves the row due again once the lease runs out: nothing is lost, and the resend carries the same message id.
On PostgreSQL concurrent senders skip each other's rows (FOR UPDATE SKIP LOCKED).
"""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import col, select

from .base import ArchiveBase, utcnow
from .items import queue_alert
from .queries import estimates_with_counts, items_with_copies
from .records import AlertOut
from .tables import Alert, Delivery, Estimate, Item

LEASE = timedelta(seconds=120)


class OutboxMixin(ArchiveBase):
    def queue_alert(self, channel: str, event: str, subject: str, **fields: object) -> int | None:
        """Queue one alert (e.g. source.failing); None when this channel already has one for `subject`."""
        with self.writing() as s:
            if s.exec(select(Alert.id).where(Alert.channel == channel, Alert.event == event,
                                             Alert.subject == subject)).first() is not None:
                return None
            return queue_alert(s, channel, event, subject, **fields)

    def claim_alerts(self, *, now: datetime | None = None, limit: int = 50, lease: timedelta = LEASE,
                     alert_id: int | None = None) -> list[AlertOut]:
        """Due pending alerts (or just `alert_id`), leased to the caller, with the estimate and item they are about."""
        now = now or utcnow()
        with self.writing() as s:
            stmt = select(Alert).where(Alert.state == "pending", col(Alert.next_attempt) <= now)
            if alert_id is not None:
                stmt = stmt.where(Alert.id == alert_id)
            stmt = stmt.order_by(col(Alert.next_attempt), col(Alert.id)).limit(limit)
            if self.dialect == "postgresql":
                stmt = stmt.with_for_update(skip_locked=True)
            rows = list(s.exec(stmt))
            for row in rows:
                row.next_attempt = now + lease
                row.attempts += 1
                s.add(row)
            return [self._alert_out(s, r, full=True) for r in rows]

    def claim_alert(self, alert_id: int, *, lease: timedelta = LEASE) -> AlertOut | None:
        """Lease this alert if it is pending and due (`alerts retry ID`); None when not, e.g. a service holds it."""
        claimed = self.claim_alerts(lease=lease, alert_id=alert_id, limit=1)
        return claimed[0] if claimed else None

    def finish_alert(self, alert_id: int, *, ok: bool, status: int | None = None, error: str | None = None,
                     retry_at: datetime | None = None, gone: bool = False) -> None:
        """Record an attempt: sent, pending again at `retry_at`, failed for good, or gone (endpoint removed)."""
        now = utcnow()
        with self.writing() as s:
            row = s.get(Alert, alert_id)
            if row is None:
                return
            s.add(Delivery(alert_id=alert_id, attempt=row.attempts, at=now, ok=ok, status=status,
                           error=(error or None) and error[:1000]))
            if ok:
                row.state, row.delivered, row.last_error = "sent", now, None
            elif retry_at is not None and not gone:
                row.state, row.next_attempt, row.last_error = "pending", retry_at, error
            else:
                row.state, row.last_error = ("gone" if gone else "failed"), error
            s.add(row)

    def alerts(self, *, state: str | None = None, limit: int = 100, full: bool = False) -> list[AlertOut]:
        """Alerts, newest first; `full` brings the estimate and item each is about (`alerts` shows the figure)."""
        with self.reading() as s:
            stmt = select(Alert)
            if state:
                stmt = stmt.where(Alert.state == state)
            return [self._alert_out(s, r, full=full)
                    for r in s.exec(stmt.order_by(col(Alert.id).desc()).limit(limit))]

    def alert(self, alert_id: int, *, full: bool = False) -> AlertOut | None:
        with self.reading() as s:
            row = s.get(Alert, alert_id)
            return self._alert_out(s, row, full=full) if row else None

    def deliveries(self, alert_id: int) -> list[dict]:
        with self.reading() as s:
            return [{"attempt": d.attempt, "at": d.at.isoformat(), "ok": d.ok, "status": d.status, "error": d.error}
                    for d in s.exec(select(Delivery).where(Delivery.alert_id == alert_id).order_by(col(Delivery.id)))]

    def retry_alert(self, alert_id: int) -> bool:
        """Make a failed, gone or pending alert due now; False when there is no such alert or it is sent or
        cancelled. A pending one is included: after fixing an endpoint, nobody should wait out the back-off.
        A pending alert a sender holds right now (claimed, its attempt not yet recorded) keeps its lease: moving
        it would let a second sender deliver it at the same time; the holder sends it."""
        now = utcnow()
        with self.writing() as s:
            row = s.get(Alert, alert_id)
            if row is None or row.state not in ("failed", "gone", "pending"):
                return False
            if row.state == "pending" and row.next_attempt > now and _leased(s, row):
                return True
            row.state, row.next_attempt = "pending", now
            s.add(row)
            return True

    def settle_channel(self, channel: str, state: str, error: str) -> int:
        """Close every pending alert of a channel (e.g. its endpoint answered 410 Gone); returns how many."""
        with self.writing() as s:
            rows = list(s.exec(select(Alert).where(Alert.channel == channel, Alert.state == "pending")))
            for row in rows:
                row.state, row.last_error = state, error
                s.add(row)
            return len(rows)

    def alert_counts(self) -> dict[str, int]:
        from sqlalchemy import func

        with self.reading() as s:
            return dict(s.exec(select(Alert.state, func.count()).group_by(Alert.state)).all())

    @staticmethod
    def _alert_out(s, row: Alert, *, full: bool = False) -> AlertOut:  # type: ignore[no-untyped-def]
        out = AlertOut(id=row.id, message_id=row.message_id, channel=row.channel, event=row.event,
                       subject=row.subject, state=row.state, attempts=row.attempts, created=row.created,
                       next_attempt=row.next_attempt, last_error=row.last_error, delivered=row.delivered,
                       estimate_id=row.estimate_id, item_id=row.item_id, source=row.source, detail=row.detail)
        if full and row.estimate_id is not None:
            est = s.get(Estimate, row.estimate_id)
            out.estimate = estimates_with_counts(s, [est])[0] if est else None
        if full and row.item_id is not None:
            item = s.get(Item, row.item_id)
            out.item = items_with_copies(s, [item])[0] if item else None
        return out


def _leased(s, row: Alert) -> bool:  # type: ignore[no-untyped-def]
    """Whether a sender has claimed this alert and not yet recorded the attempt (claims count `attempts` up;
    each finished attempt writes one Delivery)."""
    from sqlalchemy import func

    finished = s.exec(select(func.count()).select_from(Delivery).where(Delivery.alert_id == row.id)).one()
    return finished < row.attempts
