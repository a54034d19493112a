"""Errors a user can cause, each shown as one line, never a traceback.

    CasualtyWatchError          anything the front door turns into a one-line message
    ├── ConfigError             the config file is missing, unreadable or invalid (exit 2)
    └── UsageError              a command line argument is wrong (exit 2)
"""
from __future__ import annotations


class CasualtyWatchError(Exception):
    """An error meant for the user, printed as one line."""

    exit_code = 1


class ConfigError(CasualtyWatchError):
    """The config file is missing, unreadable or invalid; the message names the file and the key."""

    exit_code = 2

    def __init__(self, path: str, key: str | None, problem: str) -> None:
        self.path, self.key, self.problem = path, key, problem
        where = f"{path}: {key}" if key else path
        super().__init__(f"config error: {where}: {problem}")


class UsageError(CasualtyWatchError):
    """A command line argument is wrong."""

    exit_code = 2
