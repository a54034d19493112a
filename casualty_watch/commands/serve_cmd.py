"""Placeholder until its issue lands; replaced by the real commands."""
import typer


def register(app: typer.Typer) -> None:
    pass
