"""Who may read and correct: a bearer token for programs, a sign-in form and a session cookie for people.

With no token and no users configured the page and API are open (the server then binds loopback only, as
`serve` enforces). With either, every path but the health probe, the sign-in form and the static files needs
a bearer token or a session cookie; a browser asking for the page is sent to `/signin` instead of a 401.

The cookie is signed (itsdangerous) with a key derived from the configured secrets, so every worker process
accepts it and changing the token or a password ends the sessions it opened. It is HttpOnly, SameSite=Strict
and, over HTTPS, Secure. Corrections made with it also need the per-session CSRF token in a header.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import quote

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import HTTPConnection
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "cw_session"
SESSION_SECONDS = 7 * 86400  # a week: a monitor signs in on Monday, not every morning
OPEN_PATHS = frozenset({"/healthz", "/signin", "/favicon.ico"})  # a probe and the form itself carry no token
OPEN_PREFIXES = ("/static/",)  # the page's own script and style: no archive data in them

# No inline script or style: crawled text that slipped into the page as markup still could not run.
CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                           "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # links to outlets must not tell them where the reader came from
    "X-Frame-Options": "DENY",
}


def token_matches(header: str | None, token: str) -> bool:
    """`Authorization: Bearer <token>`, compared in constant time."""
    if not header:
        return False
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer":
        return False
    return secrets.compare_digest(given.strip().encode(), token.encode())


@dataclass(frozen=True, slots=True)
class Principal:
    """Who a request is: a user by name (None: whoever holds the token), how they proved it, and the
    session's CSRF token (None for a bearer token, which a browser never sends by itself)."""

    user: str | None
    via: str  # "token" or "session"
    csrf: str | None = None


@dataclass(frozen=True)
class Access:
    """The credentials config names: the API token and per-user Argon2 password hashes."""

    token: str | None = None
    users: Mapping[str, str] = field(default_factory=dict)
    session_secret: str | None = None

    @property
    def required(self) -> bool:
        return bool(self.token or self.users)

    def _serializer(self) -> URLSafeTimedSerializer:
        secret = self.session_secret or hmac.new(
            b"casualty-watch session", "\x00".join([self.token or "", *sorted(self.users.values())]).encode(),
            hashlib.sha256).hexdigest()
        return URLSafeTimedSerializer(secret, salt="casualty-watch-session")

    def _stamp(self, user: str | None) -> str:
        """Changes when the credential that opened the session changes, so the old cookie stops working."""
        held = self.users.get(user, "") if user is not None else (self.token or "")
        return hashlib.sha256(held.encode()).hexdigest()[:16]

    def check_password(self, user: str | None, password: str) -> bool:
        """The token (no user name) or a user's password; an unknown user costs one hash like a known one."""
        from argon2 import PasswordHasher
        from argon2.exceptions import InvalidHashError, VerificationError

        if not user:
            return bool(self.token) and secrets.compare_digest(password.encode(), (self.token or "").encode())
        hashed = self.users.get(user)
        try:
            PasswordHasher().verify(hashed or _DUMMY_HASH, password)
        except (VerificationError, InvalidHashError):
            return False
        return hashed is not None

    def session_cookie(self, user: str | None) -> str:
        return self._serializer().dumps({"u": user, "c": secrets.token_urlsafe(18), "k": self._stamp(user)})

    def who(self, conn: HTTPConnection) -> Principal | None:
        if self.token and token_matches(conn.headers.get("authorization"), self.token):
            return Principal(user=None, via="token")
        raw = conn.cookies.get(COOKIE)
        if not raw or not self.required:
            return None
        try:
            data = self._serializer().loads(raw, max_age=SESSION_SECONDS)
        except BadSignature:
            return None
        user = data.get("u") if isinstance(data, dict) else None
        if not isinstance(data, dict) or (user is not None and user not in self.users) \
                or (user is None and not self.token) or data.get("k") != self._stamp(user):
            return None
        return Principal(user=user, via="session", csrf=str(data.get("c")))


# A real Argon2 hash of a random string, verified when the user name is unknown (same cost, always false).
_DUMMY_HASH = "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$RdescudvJCsgt3ub+b+dWRWJTmaaJObG"


def safe_next(value: str | None) -> str:
    """Where to go after signing in: a path on this site only (never "//elsewhere" or a full URL)."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return value


class Guard:
    """Pure ASGI (no BaseHTTPMiddleware task per request): finds the principal, turns away the unsigned,
    and adds the security headers to every answer."""

    def __init__(self, app: ASGIApp, access: Access) -> None:
        self.app = app
        self.access = access

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        conn = HTTPConnection(scope)
        principal = self.access.who(conn)
        scope.setdefault("state", {})["principal"] = principal
        path = scope["path"]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        if self.access.required and principal is None and path not in OPEN_PATHS \
                and not path.startswith(OPEN_PREFIXES):
            await _refuse(scope, conn)(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)


def _refuse(scope: Scope, conn: HTTPConnection) -> Response:
    """A browser asking for a page is sent to the form; a program gets the 401 it can act on."""
    wants_page = scope["method"] == "GET" and not scope["path"].startswith(("/api/", "/feeds/", "/metrics")) \
        and "text/html" in Headers(scope=scope).get("accept", "")
    if wants_page:
        target = scope["path"] + (f"?{scope['query_string'].decode('latin-1')}" if scope["query_string"] else "")
        return RedirectResponse(f"/signin?next={quote(target, safe='')}", status_code=303)
    return JSONResponse({"error": "missing or wrong bearer token (or sign in at /signin)",
                         "detail": "missing or wrong bearer token"}, status_code=401,
                        headers={"WWW-Authenticate": 'Bearer realm="casualty-watch"'})
