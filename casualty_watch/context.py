"""What every command needs: the config (read once, lazily, so --help works without one) and the archive."""
from __future__ import annotations

from dataclasses import dataclass, field

import typer

from storage import Archive, ArchiveError
from storage.errors import ArchiveMissing

from . import config as config_module
from .config import Config
from .errors import CasualtyWatchError


@dataclass
class State:
    """Per-invocation state kept on the click context."""

    config_path: str | None = None
    _config: Config | None = field(default=None, repr=False)

    def config(self) -> Config:
        if self._config is None:
            self._config = config_module.load(self.config_path)
        return self._config

    def archive(self, *, create: bool = False, write: bool = False) -> Archive:
        """The configured archive. Only commands that add to it (crawl, run, import, backfill) pass `create`:
        a command that reads or corrects, pointed at a SQLite file that is not there, says so in one line
        instead of making an empty archive (a typo in the path, or the wrong folder, would otherwise pass
        silently and leave a stray casualty-watch.db behind).

        `write` (implied by `create`): the command will write, so a read-only archive is refused here, in one
        line, before any work is done, rather than at its first write halfway through a pass."""
        cfg = self.config()
        try:
            archive = Archive(cfg.database, captures=cfg.captures, create=create)
        except ArchiveMissing as exc:
            where = "--config" if cfg.path == config_module.BUNDLED else f"database in {cfg.path}"
            raise CasualtyWatchError(f"{exc} (run `casualty-watch crawl` or `import` first, or check {where})") \
                from None
        except ArchiveError as exc:
            raise CasualtyWatchError(str(exc)) from None
        if (create or write) and archive.read_only:
            archive.close()
            raise CasualtyWatchError(f"archive {archive.display_url} is read-only (its file or folder cannot be "
                                     "written), and this command writes to it")
        return archive


def state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj
