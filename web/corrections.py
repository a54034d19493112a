"""Corrections from the page or a program: merge, split, reject, confirm, each with its reason.

Only a signed-in user or the bearer token may correct; with no credentials configured, corrections stay on
the command line (an open page on loopback must not be writable by whatever else runs in the browser). A
session also needs its CSRF token in `X-CSRF-Token`: the cookie alone proves nothing about who sent it.
"""
from __future__ import annotations

import secrets
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from pydantic import BaseModel, Field

from storage import Archive, CorrectionError

from .params import MAX_ID
from .security import Principal

router = APIRouter(prefix="/api/estimates")
EstimateId = Annotated[int, Path(ge=1, le=MAX_ID, description="an estimate id")]


class Reason(BaseModel):
    why: str = Field(min_length=1, max_length=2000, description="why: kept with the correction")


class Merge(Reason):
    other: int = Field(ge=1, le=MAX_ID, description="the estimate folded into this one")


class Split(Reason):
    mention: int = Field(ge=1, le=MAX_ID, description="the mention taken out as an estimate of its own")


def corrector(request: Request) -> Principal:
    who: Principal | None = request.scope.get("state", {}).get("principal")
    if who is None:
        raise HTTPException(status_code=403, detail="corrections need a signed-in user or the API token "
                                                    "(set [api] token or [api] users, then sign in)")
    if who.via == "session":
        given = request.headers.get("x-csrf-token", "")
        if not who.csrf or not secrets.compare_digest(given.encode(), who.csrf.encode()):
            raise HTTPException(status_code=403, detail="missing or wrong X-CSRF-Token (reload the page)")
    return who


Who = Annotated[Principal, Depends(corrector)]


def _done(request: Request, estimate_id: int, act) -> dict:  # type: ignore[no-untyped-def]
    archive: Archive = request.app.state.archive
    if archive.estimate(estimate_id) is None:
        raise HTTPException(status_code=404, detail=f"no estimate {estimate_id}")
    try:
        act(archive)
    except CorrectionError as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from None
    return archive.estimate(estimate_id) or {}


def _why(body: Reason) -> str:
    why = body.why.strip()
    if not why:
        raise HTTPException(status_code=422, detail="why: a reason is needed")
    return why


@router.post("/{estimate_id}/merge", summary="Fold `other` into this estimate, mentions and all")
def merge(request: Request, estimate_id: EstimateId, body: Merge, who: Who) -> dict:
    return _done(request, estimate_id,
                 lambda a: a.merge_estimates(estimate_id, body.other, why=_why(body), by=who.user))


@router.post("/{estimate_id}/split", summary="Take one mention out as an estimate of its own")
def split(request: Request, estimate_id: EstimateId, body: Split, who: Who) -> dict:
    return _done(request, estimate_id,
                 lambda a: a.split_estimate(estimate_id, body.mention, why=_why(body), by=who.user))


@router.post("/{estimate_id}/{action}", summary="Reject (not an estimate) or confirm (checked against sources)")
def judge(request: Request, estimate_id: EstimateId, action: Literal["reject", "confirm"], body: Reason,
          who: Who) -> dict:
    act = (lambda a: a.reject_estimate(estimate_id, why=_why(body), by=who.user)) if action == "reject" else \
        (lambda a: a.confirm_estimate(estimate_id, why=_why(body), by=who.user))
    return _done(request, estimate_id, act)
