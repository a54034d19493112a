"""Real peers for the alert and service tests: a Standard Webhooks receiver, an SMTP server, a small news web.

Imported by the test_alerts*/test_service*/test_demo* modules (fixtures are picked up where they are imported).
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from ports import listening_socket
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

SECRET = "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"  # a fixed test key (base64 of 24 bytes)
ROOT = Path(__file__).resolve().parents[1]
CLI = [str(Path(sys.executable).with_name("casualty-watch"))]


def wait_until(check: Callable[[], Any], timeout: float, what: str, interval: float = 0.05) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


# -- webhook receiver ---------------------------------------------------------------------------------------------

@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    verified: bool
    payload: Any
    at: float


@dataclass
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


class WebhookReceiver:
    """A local HTTP endpoint that checks each request's Standard Webhooks signature and answers from a script."""

    def __init__(self, secret: str = SECRET) -> None:
        self.verifier = Webhook(secret)
        self.script: list[Reply] = []
        self.default = Reply()
        self.requests: list[Received] = []
        self.cond = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                headers = {k.lower(): v for k, v in self.headers.items()}
                try:
                    payload, verified = receiver.verifier.verify(body, headers), True
                except WebhookVerificationError:
                    payload, verified = json.loads(body or b"null"), False
                with receiver.cond:
                    reply = receiver.script.pop(0) if receiver.script else receiver.default
                    receiver.requests.append(Received(headers, body, verified, payload, time.monotonic()))
                    receiver.cond.notify_all()
                if reply.delay:
                    time.sleep(reply.delay)
                self.send_response(reply.status)
                for k, v in reply.headers.items():
                    self.send_header(k, v)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Received]:
        with self.cond:
            if not self.cond.wait_for(lambda: len(self.requests) >= count, timeout):
                raise AssertionError(f"webhook got {len(self.requests)} request(s), expected {count}")
            return list(self.requests)

    def __enter__(self) -> "WebhookReceiver":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def webhook() -> Iterator[WebhookReceiver]:
    with WebhookReceiver() as receiver:
        yield receiver


# -- SMTP server ----------------------------------------------------------------------------------------------------

class SmtpInbox:
    """aiosmtpd on a free port; `messages` are the parsed emails received."""

    def __init__(self, *, auth: tuple[str, str] | None = None) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[Any] = []
        self.cond = threading.Condition()
        inbox = self

        class Handler:
            async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
                with inbox.cond:
                    inbox.envelopes.append(envelope)
                    inbox.messages.append(message_from_bytes(envelope.content, policy=policy.default))  # type: ignore[arg-type]
                    inbox.cond.notify_all()
                return "250 OK"

        kwargs: dict[str, Any] = {}
        if auth is not None:
            user, password = auth

            def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
                from aiosmtpd.smtp import AuthResult, LoginPassword

                ok = isinstance(data, LoginPassword) and data.login.decode() == user and \
                    data.password.decode() == password
                return AuthResult(success=ok, handled=False)

            kwargs = dict(authenticator=authenticator, auth_require_tls=False)
        self.controller = _socket_controller()(Handler(), listening_socket(), **kwargs)
        self.port = self.controller.port

    def url(self, user: str | None = None, password: str | None = None) -> str:
        cred = f"{user}:{password}@" if user else ""
        return f"smtp://{cred}127.0.0.1:{self.port}"

    def wait_for(self, count: int, timeout: float = 10.0) -> list[EmailMessage]:
        with self.cond:
            if not self.cond.wait_for(lambda: len(self.messages) >= count, timeout):
                raise AssertionError(f"SMTP got {len(self.messages)} message(s), expected {count}")
            return list(self.messages)

    def __enter__(self) -> "SmtpInbox":
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()


def _socket_controller() -> type:
    from aiosmtpd.controller import Controller

    class SocketController(Controller):
        """aiosmtpd's Controller serving on a socket we already hold, so no other process can take its port."""

        def __init__(self, handler: Any, sock: socket.socket, **kwargs: Any) -> None:
            self._sock = sock
            super().__init__(handler, hostname="127.0.0.1", port=sock.getsockname()[1], **kwargs)

        def _create_server(self) -> Any:
            return self.loop.create_server(self._factory_invoker, sock=self._sock, ssl=self.ssl_context)

    return SocketController


@pytest.fixture
def smtp() -> Iterator[SmtpInbox]:
    with SmtpInbox() as inbox:
        yield inbox


# -- a small news web -----------------------------------------------------------------------------------------------

class NewsSite:
    """Files served from a folder by a real server in a subprocess; tests edit the folder to publish stories.

    `slow` names paths the server answers only after `delay` seconds (to catch a pass in the middle).
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.sock: socket.socket | None = listening_socket()  # held from here on, so the port stays ours
        self.port = self.sock.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.hits = root.parent / f"{root.name}-hits.log"
        self.proc: subprocess.Popen | None = None

    def start(self, slow: dict[str, float] | None = None) -> "NewsSite":
        """Serve on the held socket from a child process (which inherits it: no port to race for)."""
        if self.sock is None:  # stopped before: take the same port again
            self.sock = listening_socket(self.port)
        env = {**os.environ, "SITE_SLOW": json.dumps(slow or {}), "SITE_HITS": str(self.hits)}
        fd = self.sock.fileno()
        self.proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name("test_service_site.py")),
                                      str(self.root), str(fd)], env=env, pass_fds=(fd,))
        wait_until(self._up, 10, "the fixture site to start")
        return self

    def _up(self) -> bool:
        if self.proc is not None and self.proc.poll() is not None:
            raise AssertionError(f"the fixture site exited with code {self.proc.returncode}")
        try:
            return httpx.head(f"{self.base}/", timeout=0.5).status_code < 500  # HEAD: not logged as a hit
        except httpx.TransportError:
            return False

    def hit_paths(self) -> list[str]:
        return self.hits.read_text().split() if self.hits.exists() else []

    def write(self, path: str, text: str) -> None:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(target.suffix + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)

    def stop(self) -> None:
        """Stop serving: the port refuses connections until `start` again."""
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(5)
            self.proc = None
        if self.sock is not None:
            self.sock.close()
            self.sock = None


def article_html(title: str, body: str, published: str = "2017-07-20T10:00:00Z") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
            f"<meta property='article:published_time' content='{published}'></head>"
            f"<body><header><nav><a href='/'>Home</a></nav></header><article><h1>{title}</h1>"
            f"<time datetime='{published}'>{published[:10]}</time>{paragraphs}</article>"
            f"<footer>Copyright the outlet</footer></body></html>")


def rss(base: str, title: str, entries: list[tuple[str, str, str]]) -> str:
    """entries: (path, title, RFC 822 date)."""
    items = "".join(f"<item><title>{t}</title><link>{base}{p}</link><guid>{base}{p}</guid><pubDate>{d}</pubDate>"
                    f"</item>" for p, t, d in entries)
    return (f"<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel><title>{title}</title>"
            f"<link>{base}/</link><description>{title}</description>{items}</channel></rss>")


def write_config(path: Path, *, database: str, sources: list[dict[str, str]], alerts: list[dict[str, Any]] = (),
                 failure_alert_after: int = 5, places: tuple[str, ...] = ("Mosul",)) -> Path:
    lines = [f'database = "{database}"', f"failure_alert_after = {failure_alert_after}", "",
             "[watch]", f"places = {json.dumps(list(places))}", "",
             "[crawl]", "concurrency = 4", "per_host = 2", 'delay = "0s"', 'timeout = "5s"', ""]
    for src in sources:
        lines.append("[[source]]")
        lines += [f"{k} = {json.dumps(v)}" for k, v in src.items()]
        lines.append("")
    for alert in alerts:
        lines.append("[[alert]]")
        lines += [f"{k} = {json.dumps(v)}" for k, v in alert.items()]
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
