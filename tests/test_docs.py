"""README documents every config key and every command, so the docs cannot drift from the code."""
from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from casualty_watch.cli import app
from casualty_watch.config import ConfigFile

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def _keys(model: type[BaseModel], prefix: str = "") -> list[str]:
    out = []
    for name, field in model.model_fields.items():
        key = field.alias or name
        out.append(f"{prefix}{key}")
        annotation = field.annotation
        inner = getattr(annotation, "__args__", (annotation,))[0]
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            out.extend(_keys(inner, f"{prefix}{key}."))
    return out


@pytest.mark.parametrize("key", _keys(ConfigFile))
def test_every_config_key_is_in_the_readme(key: str) -> None:
    leaf = key.rsplit(".", 1)[-1]
    table = key.split(".")[0]
    assert f"{leaf} =" in README or f"[{leaf}]" in README or f"[[{leaf}]]" in README, key
    assert f"[{table}]" in README or f"[[{table}]]" in README or "." not in key, key


def test_every_command_is_in_the_readme() -> None:
    import typer.main

    group = typer.main.get_command(app)
    for name in group.commands:  # type: ignore[attr-defined]
        assert f"`{name}" in README, name
