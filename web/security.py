"""The bearer token and the response headers every page and answer carries."""
from __future__ import annotations

import secrets

from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp

OPEN_PATHS = frozenset({"/healthz"})  # a load balancer's probe carries no token

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


class Guard(BaseHTTPMiddleware):
    """Checks the token (when one is set) on every path but the health probe, and adds the headers."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        super().__init__(app)
        self.token = token

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        if self.token is not None and request.url.path not in OPEN_PATHS \
                and not token_matches(request.headers.get("authorization"), self.token):
            response: Response = JSONResponse({"detail": "missing or wrong bearer token"}, status_code=401,
                                              headers={"WWW-Authenticate": 'Bearer realm="casualty-watch"'})
        else:
            response = await call_next(request)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response
