"""What every command needs: the config (read once, lazily, so --help works without one) and the archive."""
from __future__ import annotations

from dataclasses import dataclass, field

import typer

from storage import Archive, ArchiveError

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

    def archive(self) -> Archive:
        try:
            cfg = self.config()
            return Archive(cfg.database, captures=cfg.captures)
        except ArchiveError as exc:
            raise CasualtyWatchError(str(exc)) from None


def state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj
