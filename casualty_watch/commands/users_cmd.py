"""`casualty-watch hash-password`: the Argon2 hash a user's `[api] users` entry holds, never the password."""
from __future__ import annotations

import sys

import typer

from ..errors import UsageError

MIN_LENGTH = 8


def hash_password() -> None:
    """Ask for a password (twice, hidden; or one line on stdin) and print its Argon2 hash for [api] users."""
    from argon2 import PasswordHasher

    if sys.stdin.isatty():
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True, err=True)
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if len(password) < MIN_LENGTH:
        raise UsageError(f"a password needs at least {MIN_LENGTH} characters")
    typer.echo(PasswordHasher().hash(password))


def register(app: typer.Typer) -> None:
    app.command("hash-password")(hash_password)
