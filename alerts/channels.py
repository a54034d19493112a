"""The channels configured by `[[alert]]` tables, by the name the outbox keys them with."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from .payloads import OutboxRow
from .results import SendResult
from .rules import AlertRule


class Channel(Protocol):
    name: str

    def send(self, alert: OutboxRow) -> SendResult: ...


def build_channels(rules: Iterable[AlertRule], *, timeout: float = 10.0, user_agent: str = "casualty-watch",
                   console: Channel | None = None) -> dict[str, Channel]:
    """One sender per distinct channel (two rules naming one endpoint share it)."""
    from .console import ConsoleChannel
    from .mail import EmailChannel
    from .webhook import WebhookChannel

    out: dict[str, Channel] = {}
    for rule in rules:
        if rule.channel in out:
            continue
        if rule.kind == "webhook":
            out[rule.channel] = WebhookChannel(rule.webhook or "", rule.secret, timeout=timeout, user_agent=user_agent)
        elif rule.kind == "email":
            out[rule.channel] = EmailChannel(rule.smtp or "", rule.sender or "", rule.email, timeout=timeout)
        else:
            out[rule.channel] = console or ConsoleChannel()
    return out


def close_channels(channels: dict[str, Channel]) -> None:
    for channel in channels.values():
        close = getattr(channel, "close", None)
        if close is not None:
            close()
