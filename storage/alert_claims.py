"""Claiming one named alert (for `alerts retry ID`), under the same lease rule as the outbox's claim_alerts."""
from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from .base import ArchiveBase, utcnow
from .outbox import LEASE, OutboxMixin
from .records import AlertOut
from .tables import Alert


class AlertClaimsMixin(ArchiveBase):
    def claim_alert(self, alert_id: int, *, lease: timedelta = LEASE) -> AlertOut | None:
        """Lease this alert if it is pending and due; None when it is not (e.g. a running service holds it)."""
        now = utcnow()
        with self.writing() as s:
            stmt = select(Alert).where(Alert.id == alert_id, Alert.state == "pending", Alert.next_attempt <= now)
            if self.dialect == "postgresql":
                stmt = stmt.with_for_update(skip_locked=True)
            row = s.exec(stmt).first()
            if row is None:
                return None
            row.next_attempt = now + lease
            row.attempts += 1
            s.add(row)
            return OutboxMixin._alert_out(s, row, full=True)
