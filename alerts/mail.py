"""Email channel: one message per alert over SMTP (STARTTLS when offered, smtps:// for TLS, login when given).

The SMTP password lives only in this object: it never reaches a log line or an error message, which show the
channel's name (its recipients) and the server's host and port.
"""
from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate
from html import escape
from urllib.parse import unquote, urlsplit

from .payloads import Message, OutboxRow, message_for
from .results import SendResult


class EmailChannel:
    def __init__(self, smtp_url: str, sender: str, recipients: tuple[str, ...], *, timeout: float = 30.0) -> None:
        parts = urlsplit(smtp_url)
        self.tls = parts.scheme == "smtps"
        self.host = parts.hostname or "localhost"
        self.port = parts.port or (465 if self.tls else 25)
        self._user = unquote(parts.username) if parts.username else None
        self._password = unquote(parts.password) if parts.password else None
        self.sender, self.recipients, self.timeout = sender, recipients, timeout
        self.name = "email " + ",".join(recipients)

    def send(self, alert: OutboxRow) -> SendResult:
        message = compose(alert, message_for(alert), sender=self.sender, recipients=self.recipients)
        try:
            with self._connect() as smtp:
                smtp.send_message(message)
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            return self._by_code(min(codes, default=550), "all recipients refused")
        except smtplib.SMTPResponseException as exc:
            return self._by_code(exc.smtp_code, self._scrub(exc.smtp_error))
        except smtplib.SMTPNotSupportedError as exc:
            return SendResult.permanent(f"SMTP server at {self.host}:{self.port}: {self._scrub(exc)}")
        except (smtplib.SMTPException, OSError) as exc:  # disconnects, refused connections, timeouts, TLS errors
            return SendResult.transient(f"SMTP {self.host}:{self.port}: {type(exc).__name__}: {self._scrub(exc)}")
        return SendResult.sent(250)

    def _connect(self) -> smtplib.SMTP:
        context = ssl.create_default_context()
        if self.tls:
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
        else:
            smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
        try:
            smtp.ehlo()
            if not self.tls and smtp.has_extn("starttls"):
                smtp.starttls(context=context)
                smtp.ehlo()
            if self._user is not None:
                smtp.login(self._user, self._password or "")
        except BaseException:
            smtp.close()
            raise
        return smtp

    def _by_code(self, code: int, text: str) -> SendResult:
        """SMTP 4xx replies are temporary (RFC 5321, 4.2.1); 5xx are not."""
        label = f"SMTP {code} {text}".strip()
        if 400 <= code < 500:
            return SendResult.transient(label, status=code)
        return SendResult.permanent(label, status=code)

    def _scrub(self, value: object) -> str:
        text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
        if self._password:
            text = text.replace(self._password, "***")
        return " ".join(text.split())[:300]


def compose(alert: OutboxRow, msg: Message, *, sender: str, recipients: tuple[str, ...]) -> EmailMessage:
    """A plain-text and HTML message; every crawled string is escaped before it goes into the HTML."""
    email = EmailMessage()
    email["Subject"] = msg.summary
    email["From"] = sender
    email["To"] = ", ".join(recipients)
    email["Date"] = formatdate(localtime=False)
    # the same Message-ID on every retry, like webhook-id, so a mail client can fold repeats
    email["Message-ID"] = f"<{alert.message_id}@casualty-watch.invalid>"
    email["X-Casualty-Watch-Event"] = alert.event
    lines = _lines(msg)
    email.set_content("\n".join(lines.text) + "\n")
    email.add_alternative(_html(lines), subtype="html")
    return email


class _Lines:
    def __init__(self) -> None:
        self.text: list[str] = []
        self.html: list[str] = []


def _lines(msg: Message) -> _Lines:
    out = _Lines()
    out.text += [msg.summary, ""]
    out.html.append(f"<h2>{escape(msg.summary)}</h2>")
    if msg.quote:
        out.text += [f"“{msg.quote}”", ""]
        out.html.append(f"<blockquote>{escape(msg.quote)}</blockquote>")
    item = msg.body.get("item") or {}
    if msg.link:
        title = item.get("title") or msg.link
        out.text += [f"Story: {title}", msg.link]
        href = escape(msg.link, quote=True) if msg.link.startswith(("http://", "https://")) else None
        out.html.append(f'<p>Story: <a href="{href}">{escape(title)}</a></p>' if href else
                        f"<p>Story: {escape(title)} ({escape(msg.link)})</p>")
    for label, value in _facts(msg):
        out.text.append(f"{label}: {value}")
    facts = "".join(f"<tr><th align='left'>{escape(k)}</th><td>{escape(str(v))}</td></tr>" for k, v in _facts(msg))
    if facts:
        out.html.append(f"<table>{facts}</table>")
    out.text += ["", "-- casualty-watch"]
    return out


def _facts(msg: Message) -> list[tuple[str, str]]:
    est = msg.body.get("estimate")
    if est:
        item = msg.body.get("item") or {}
        pairs = [("Source", item.get("source") or est.get("source")), ("Published", item.get("published")),
                 ("First seen", est.get("first_seen")), ("Estimate id", est.get("id"))]
    else:
        src = msg.body.get("source") or {}
        pairs = [("Source", src.get("name")), ("URL", src.get("url")), ("Failures in a row", src.get("failures")),
                 ("Last error", src.get("last_error")), ("Last success", src.get("last_ok"))]
    return [(k, str(v)) for k, v in pairs if v not in (None, "")]


def _html(lines: _Lines) -> str:
    body = "\n".join(lines.html)
    return f"<!doctype html><html><body>\n{body}\n<p>-- casualty-watch</p></body></html>\n"
