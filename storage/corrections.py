"""A person's corrections of the resolution: merge, split, reject, confirm. Each is logged with its reason."""
from __future__ import annotations

from sqlmodel import Session, select

from .base import ArchiveBase
from .errors import ArchiveError
from .resolution import correct, fold, split
from .tables import Estimate, Mention


class CorrectionError(ArchiveError):
    """A correction that cannot be made (unknown id, already merged...); the message is one line."""


class CorrectionsMixin(ArchiveBase):
    def merge_estimates(self, into_id: int, other_id: int, *, why: str | None = None, by: str | None = None) -> dict:
        """Fold `other_id` into `into_id`, mentions and all."""
        if into_id == other_id:
            raise CorrectionError(f"estimate {into_id} cannot be merged into itself")
        with self.writing() as s:
            into, other = _live(s, into_id), _live(s, other_id)
            fold(s, into, other)
            correct(s, "merge", into, why=why, by=by, other_id=other.id)
            return {"estimate": into.id, "merged": other.id}

    def split_estimate(self, estimate_id: int, mention_id: int, *, why: str | None = None, by: str | None = None) -> dict:
        """Undo a wrong fold: the mention becomes an estimate of its own."""
        with self.writing() as s:
            est = _live(s, estimate_id)
            mention = s.get(Mention, mention_id)
            if mention is None or mention.estimate_id != est.id:
                raise CorrectionError(f"mention {mention_id} is not one of estimate {estimate_id}'s")
            if len(list(s.exec(_mentions_of(est.id)))) < 2:
                raise CorrectionError(f"mention {mention_id} is estimate {estimate_id}'s only one: nothing to split")
            row = split(s, est, mention)
            correct(s, "split", est, why=why, by=by, other_id=row.id, mention_id=mention_id)
            return {"estimate": est.id, "new": row.id}

    def reject_estimate(self, estimate_id: int, *, why: str | None = None, by: str | None = None) -> dict:
        """Not an estimate: it never alerts (pending alerts are cancelled) and later mentions fold in quietly."""
        with self.writing() as s:
            est = _live(s, estimate_id)
            correct(s, "reject", est, why=why, by=by)
            return {"estimate": est.id, "status": est.status}

    def confirm_estimate(self, estimate_id: int, *, why: str | None = None, by: str | None = None) -> dict:
        with self.writing() as s:
            est = _live(s, estimate_id)
            correct(s, "confirm", est, why=why, by=by)
            return {"estimate": est.id, "status": est.status}


def _live(s: Session, estimate_id: int) -> Estimate:
    row = s.get(Estimate, estimate_id)
    if row is None:
        raise CorrectionError(f"no estimate {estimate_id}")
    if row.merged_into is not None:
        raise CorrectionError(f"estimate {estimate_id} was merged into {row.merged_into}; correct that one")
    return row


def _mentions_of(estimate_id: int):  # type: ignore[no-untyped-def]
    return select(Mention.id).where(Mention.estimate_id == estimate_id)
