"""Console channel: one readable line per alert on stdout (the demo's channel, and handy when trying things)."""
from __future__ import annotations

import sys
import threading
from typing import TextIO

from .payloads import OutboxRow, message_for
from .results import SendResult


class ConsoleChannel:
    name = "console"

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream
        self._lock = threading.Lock()

    def send(self, alert: OutboxRow) -> SendResult:
        msg = message_for(alert)
        line = f"ALERT {msg.summary}" + (f" <{msg.link}>" if msg.link else "")
        stream = self._stream or sys.stdout
        try:
            with self._lock:
                stream.write(line + "\n")
                stream.flush()
        except (OSError, ValueError) as exc:  # a closed pipe or stream
            return SendResult.transient(f"console: {exc}")
        return SendResult.sent()
