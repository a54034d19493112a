"""The archive's record of captures and imports: which byte ranges of which WARC files hold what was served,
checking them, choosing them for export, and how far each import got."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func
from sqlmodel import col, select

from .base import ArchiveBase, utcnow
from .captures import CaptureFiles, Problem, read_capture, verify
from .queries import _since
from .tables import Capture, Estimate, ImportMark, Item, Mention


@dataclass(frozen=True, slots=True)
class Mark:
    """How far one import (a WARC file, or one backfill capture) got."""

    key: str
    offset: int = 0
    records: int = 0
    relevant: int = 0
    bad: int = 0
    done: bool = False


@dataclass(frozen=True, slots=True)
class Verified:
    captures: int
    files: int
    problems: tuple[Problem, ...]


class CapturedMixin(ArchiveBase):
    captures: CaptureFiles | None

    def verify_captures(self) -> Verified:
        """Re-hash every capture the archive names; a missing file, a short file or any changed byte is a
        problem naming the capture and its file."""
        folder = self._captures_folder()
        with self.reading() as s:
            rows = list(s.exec(select(Capture.id, Capture.file, Capture.offset, Capture.length,
                                      Capture.payload_digest, Capture.stored_digest).order_by(col(Capture.id))))
        problems = tuple(verify(folder, ((r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows)))
        return Verified(captures=len(rows), files=len({r[1] for r in rows}), problems=problems)

    def capture_bytes(self, *, place: str | None = None, since: datetime | None = None) -> Iterator[bytes]:
        """The stored bytes of the captures of items matching a query, oldest capture first: each a whole
        WARC response record (and its request) as gzip members, ready to concatenate into a .warc.gz."""
        folder = self._captures_folder()
        stmt = select(Capture.file, Capture.offset, Capture.length).join(Item, col(Item.id) == Capture.item_id)
        if since is not None:
            stmt = stmt.where(_since(since))
        if place:
            story = func.coalesce(Item.duplicate_of, Item.id)
            placed = (select(Mention.item_id).join(Estimate, col(Estimate.id) == Mention.estimate_id)
                      .where(func.lower(Estimate.place).contains(place.lower())))
            stmt = stmt.where(story.in_(placed))
        with self.reading() as s:
            rows = list(s.exec(stmt.order_by(col(Capture.captured), col(Capture.id))))
        for name, offset, length in rows:
            yield read_capture(folder, name, offset, length)

    # -- resuming imports

    def import_mark(self, key: str) -> Mark | None:
        with self.reading() as s:
            row = s.get(ImportMark, key)
            return None if row is None else Mark(row.key, row.offset, row.records, row.relevant, row.bad, row.done)

    def marked(self, keys: list[str]) -> set[str]:
        """Which of these keys are marked done (a backfill's captures already taken)."""
        found: set[str] = set()
        with self.reading() as s:
            for start in range(0, len(keys), 500):
                chunk = keys[start:start + 500]
                found.update(s.exec(select(ImportMark.key).where(col(ImportMark.key).in_(chunk),
                                                                 col(ImportMark.done).is_(True))))
        return found

    def set_import_mark(self, mark: Mark) -> None:
        with self.writing() as s:
            row = s.get(ImportMark, mark.key) or ImportMark(key=mark.key, updated=utcnow())
            row.offset, row.records, row.relevant, row.bad, row.done = (mark.offset, mark.records, mark.relevant,
                                                                        mark.bad, mark.done)
            row.updated = utcnow()
            s.add(row)

    def forget_import(self, key: str) -> None:
        with self.writing() as s:
            row = s.get(ImportMark, key)
            if row is not None:
                s.delete(row)

    def _captures_folder(self) -> str:
        if self.captures is None:
            raise ValueError("no captures folder is set ([captures] folder)")
        return str(Path(self.captures.folder))
