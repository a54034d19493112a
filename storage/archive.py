"""The archive: the one object through which everything outside `storage/` reads and writes."""
from __future__ import annotations

from sqlalchemy.engine import make_url

from sqlalchemy.exc import SQLAlchemyError

from netpolicy.values import one_line

from .bulk import BulkMixin
from .captured import CapturedMixin
from .captures import CaptureFiles, CaptureSpec
from .corrections import CorrectionsMixin
from .db import is_current, make_engine, read_only_file, sqlite_file, upgrade
from .errors import ArchiveError, ArchiveMissing
from .items import ItemsMixin
from .meta import MetaMixin
from .outbox import OutboxMixin
from .queries import QueriesMixin
from .resolution import RESOLUTION_VERSION, nest_places, read_kinds_again, resolve_again
from .search import SearchMixin
from .seen import SeenMixin
from .sources import SourcesMixin


KINDS_VERSION = "1"  # meta "kinds": the quotes of older mentions have been read for their kind
NESTS_VERSION = "1"  # meta "nests": older estimates know the places their place lies in


class Archive(SourcesMixin, SeenMixin, ItemsMixin, QueriesMixin, SearchMixin, OutboxMixin, MetaMixin, BulkMixin,
              CorrectionsMixin, CapturedMixin):
    """Stories, estimates and alerts on SQLite or PostgreSQL, with the schema kept current.

    With `captures` (a folder and file size), the bytes each archived response was read from are kept there as WARC files
    (storage/captures.py); without it, only their digests are recorded."""

    def __init__(self, url: str, *, migrate: bool = True, captures: CaptureSpec | None = None,
                 read_only: bool = False, create: bool = True) -> None:
        """`read_only` (serve): no connection can write, nothing is migrated, and the schema must be current.

        A SQLite file that cannot be written (mode 0444, or a read-only folder) is opened read-only whatever
        `read_only` says: reading it works, and a write is one ArchiveReadOnly line, not a driver traceback.
        Without `create`, a missing SQLite file is ArchiveMissing instead of a new, empty archive."""
        self.url = url
        self.captures = CaptureFiles(captures.folder, captures.max_bytes) if captures else None
        path = sqlite_file(url)
        if path is not None and not path.exists() and not create:
            raise ArchiveMissing(f"no archive at {make_url(url).database}")
        unwritable = path is not None and path.exists() and read_only_file(path)
        self.read_only = read_only or unwritable
        try:
            self.engine = make_engine(url, read_only=self.read_only)
            if self.read_only and (migrate or read_only):
                if not is_current(self.engine):
                    raise ValueError("it is read-only (file or folder not writable) and its schema is missing or "
                                     "older than this version's: make it writable once so a command can upgrade "
                                     "it" if unwritable and not read_only else
                                     "its schema is missing or older than this version's: run a command that "
                                     "writes (`casualty-watch crawl` or `run`) to create or upgrade it")
            elif migrate:
                upgrade(self.engine)
                self._resolve_again()
        except (SQLAlchemyError, OSError, ValueError) as exc:
            raise ArchiveError(f"cannot open archive {self.display_url}: {one_line(exc)}") from exc

    def _resolve_again(self) -> None:
        """Once per rule set: resolve mentions archived under older rules again (no alerts are queued)."""
        self._once("resolution", RESOLUTION_VERSION, resolve_again)

    def read_old_kinds(self, read) -> int:  # type: ignore[no-untyped-def]
        """Once per archive: mentions stored before kinds were read get theirs from their quotes (`read`:
        estimates.kinds.kind_of, passed in: the archive does not read text). Returns how many changed."""
        return self._once("kinds", KINDS_VERSION, lambda s: read_kinds_again(s, read))

    def nest_old_places(self, nests) -> int:  # type: ignore[no-untyped-def]
        """Once per archive: estimates stored before they knew their place's nests get them (`nests`:
        estimates.gazetteer.nests, passed in like `read_old_kinds`). Returns how many changed."""
        return self._once("nests", NESTS_VERSION, lambda s: nest_places(s, nests))

    def _once(self, fact: str, version: str, work) -> int:  # type: ignore[no-untyped-def]
        """Run `work` on a session unless the meta fact already says `version`; then record it."""
        if self.fact(fact) == version or self.read_only:  # a read-only archive is read as it is
            return 0
        with self.writing() as s:
            changed = work(s)
        self.set_fact(fact, version)
        return changed

    @property
    def display_url(self) -> str:
        """The database URL without its password, for messages and logs."""
        try:
            return make_url(self.url).render_as_string(hide_password=True)
        except Exception:  # an unparsable URL: show only its scheme, it may hold a password
            return self.url.split(":", 1)[0] + "://..."

    def close(self) -> None:
        if self.captures is not None:
            self.captures.close()
        self.engine.dispose()
