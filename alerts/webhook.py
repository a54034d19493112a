"""Webhook channel: a signed JSON POST (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature).

`webhook-id` is the outbox row's message id, fixed when the alert was written, so a retry after a timeout
or a crash carries the same id and the receiver can drop the repeat.
"""
from __future__ import annotations

from datetime import UTC, datetime

import httpx
from standardwebhooks.webhooks import Webhook

from .payloads import OutboxRow, message_for
from .results import SendResult, http_result
from .rules import redact_url


class WebhookChannel:
    """POSTs each alert to one URL; a missing secret sends unsigned (the id and timestamp still go)."""

    def __init__(self, url: str, secret: str | None, *, timeout: float = 10.0, user_agent: str = "casualty-watch",
                 client: httpx.Client | None = None) -> None:
        self.url = url
        self.name = f"webhook {redact_url(url)}"
        self._signer = Webhook(secret) if secret else None
        self._client = client or httpx.Client(timeout=timeout, follow_redirects=False,
                                              headers={"user-agent": user_agent})

    def send(self, alert: OutboxRow) -> SendResult:
        body = message_for(alert).json()
        now = datetime.now(UTC)
        headers = {"content-type": "application/json", "webhook-id": alert.message_id,
                   "webhook-timestamp": str(int(now.timestamp()))}
        if self._signer is not None:
            # standardwebhooks reads the datetime as UTC whatever its tzinfo: hand it an aware UTC one
            headers["webhook-signature"] = self._signer.sign(alert.message_id, now, body)
        try:
            response = self._client.post(self.url, content=body.encode("utf-8"), headers=headers)
        except httpx.TimeoutException:
            return SendResult.transient("timed out")
        except httpx.HTTPError as exc:
            return SendResult.transient(f"network error: {self._safe(exc)}")
        return http_result(response.status_code, response.reason_phrase, response.headers.get("retry-after"),
                           datetime.now(UTC))

    def _safe(self, exc: Exception) -> str:
        """The exception text without the URL, which may carry a token in its query string."""
        text = (str(exc) or type(exc).__name__).replace(self.url, self.name.removeprefix("webhook "))
        return text.splitlines()[0][:300]

    def close(self) -> None:
        self._client.close()
