"""Alert channels and their filters, as plain values handed over by the front door."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from netpolicy.redact import redact_url  # re-exported: web/api.py and alerts/webhook.py import it from here

__all__ = ["DEFAULT_KINDS", "DEFAULT_OUTCOMES", "DEFAULT_VICTIMS", "AlertRule", "redact_url"]

DEFAULT_OUTCOMES = ("killed", "injured", "missing", "casualties")
DEFAULT_VICTIMS = ("civilians", "children", "women", "people")
DEFAULT_KINDS = ("toll", "incident")  # a cumulative count, one event


@dataclass(frozen=True, slots=True)
class AlertRule:
    """One `[[alert]]`: a channel and the estimates it wants to hear about."""

    kind: Literal["webhook", "email", "console"]
    webhook: str | None = None
    secret: str | None = None
    email: tuple[str, ...] = ()
    smtp: str | None = None
    sender: str | None = None
    outcomes: tuple[str, ...] = DEFAULT_OUTCOMES
    victims: tuple[str, ...] = DEFAULT_VICTIMS
    min: int = 0
    kinds: tuple[str, ...] = DEFAULT_KINDS
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def channel(self) -> str:
        """A stable, secret-free name for this channel; alerts in the archive are keyed by it."""
        if self.kind == "webhook":
            return f"webhook {redact_url(self.webhook or '')}"
        if self.kind == "email":
            return "email " + ",".join(self.email)
        return "console"

    def wants(self, *, outcome: str, victims: str, low: int | None, high: int | None, kind: str | None = None) -> bool:
        """Whether an estimate passes this channel's filters (`min` compares the largest figure given; an
        estimate whose stories do not say it is one incident counts as a toll)."""
        figure = max(v for v in (low, high, 0) if v is not None)
        return (outcome in self.outcomes and victims in self.victims and figure >= self.min
                and (kind or "toll") in self.kinds)

