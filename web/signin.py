"""The sign-in form, signing out, and `/api/session` (who the page is talking for)."""
from __future__ import annotations

import threading
import time
from importlib import resources
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response

from .security import COOKIE, SESSION_SECONDS, Access, Principal, safe_next

router = APIRouter()
FORM = resources.files("web").joinpath("templates", "signin.html")
MAX_FAILURES = 10  # wrong passwords per client address per window, per worker, before sign-in is refused
WINDOW = 600.0  # seconds


class Throttle:
    """Wrong passwords counted per client address: a token compared in constant time is still quick to
    guess at if nothing slows the guessing down."""

    def __init__(self) -> None:
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, who: str, now: float) -> list[float]:
        kept = [t for t in self._failures.get(who, []) if now - t < WINDOW]
        if kept:
            self._failures[who] = kept
        else:
            self._failures.pop(who, None)
        return kept

    def blocked(self, who: str) -> bool:
        with self._lock:
            return len(self._recent(who, time.monotonic())) >= MAX_FAILURES

    def failed(self, who: str) -> None:
        with self._lock:
            now = time.monotonic()
            self._failures[who] = [*self._recent(who, now), now]
            if len(self._failures) > 100_000:  # a flood of addresses must not grow memory without bound
                self._failures.clear()



def access_of(request: Request) -> Access:
    return request.app.state.access


def principal_of(request: Request) -> Principal | None:
    return request.scope.get("state", {}).get("principal")


@router.get("/signin", include_in_schema=False)
def signin_form(request: Request) -> Response:
    if not access_of(request).required:  # nothing to sign in to: the page is open
        return RedirectResponse("/", status_code=303)
    return FileResponse(str(FORM), media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-store"})


@router.post("/signin", include_in_schema=False)
def signin(request: Request, password: Annotated[str, Form(max_length=1024)],
           user: Annotated[str, Form(max_length=64)] = "", next: Annotated[str, Form(max_length=2048)] = "/",
           ) -> Response:
    """Post/redirect/get: a wrong password goes back to the form with `failed=1`, never a page of its own."""
    access = access_of(request)
    target = safe_next(next)
    name = user.strip() or None
    client = request.client.host if request.client else "?"
    throttle: Throttle = request.app.state.throttle
    if throttle.blocked(client):
        return JSONResponse({"error": "too many wrong passwords from this address; try again in 10 minutes",
                             "detail": "too many attempts"}, status_code=429, headers={"Retry-After": str(int(WINDOW))})
    if not access.required or not access.check_password(name, password):
        throttle.failed(client)
        return RedirectResponse(f"/signin?failed=1&next={quote(target, safe='')}", status_code=303)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(COOKIE, access.session_cookie(name), max_age=SESSION_SECONDS, path="/", httponly=True,
                        samesite="strict", secure=request.url.scheme == "https")
    return response


@router.post("/signout", include_in_schema=False)
def signout(request: Request) -> Response:
    response = RedirectResponse("/signin" if access_of(request).required else "/", status_code=303)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response


@router.get("/api/session", summary="Who this request is signed in as, and whether it may correct estimates")
def session(request: Request) -> Response:
    access, who = access_of(request), principal_of(request)
    return JSONResponse({"sign_in": access.required, "signed_in": who is not None,
                         "user": who.user if who else None, "via": who.via if who else None,
                         "csrf": who.csrf if who else None, "can_correct": who is not None},
                        headers={"Cache-Control": "no-store"})
