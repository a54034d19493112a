"""docker-compose.yml: valid for Compose where a client exists, and pointing at a config casualty-watch accepts."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from casualty_watch.config import load

ROOT = Path(__file__).resolve().parents[1]


def _compose() -> list[str] | None:
    """`docker compose` (the v2 plugin), else the standalone `docker-compose`; None when neither runs."""
    candidates = []
    if shutil.which("docker"):
        candidates.append(["docker", "compose"])
    if shutil.which("docker-compose"):
        candidates.append(["docker-compose"])
    for cmd in candidates:
        if subprocess.run([*cmd, "version"], capture_output=True).returncode == 0:
            return cmd
    return None


def test_docker_compose_config_accepts_the_file() -> None:
    cmd = _compose()
    if cmd is None:
        pytest.skip("no Compose client here (neither the `docker compose` plugin nor `docker-compose`)")
    env = {**os.environ, "POSTGRES_PASSWORD": "test-pw"}
    done = subprocess.run([*cmd, "-f", "docker-compose.yml", "config"], cwd=ROOT, capture_output=True, text=True,
                          env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    services = subprocess.run([*cmd, "-f", "docker-compose.yml", "config", "--services"], cwd=ROOT,
                              capture_output=True, text=True, env=env, timeout=60).stdout.split()
    assert sorted(services) == ["db", "mailpit", "watch"]
    assert "POSTGRES_PASSWORD: test-pw" in done.stdout
    assert re.search(r"command:\s*\n\s*- run\b", done.stdout), "the watch service runs `casualty-watch run`"


def test_the_compose_config_file_is_a_valid_casualty_watch_config() -> None:
    compose = (ROOT / "docker-compose.yml").read_text()
    mounted = re.search(r"\./(\S+\.toml):(\S+?):ro", compose)
    assert mounted, "the config file is mounted into the watch service"
    env_path = re.search(r"CASUALTY_WATCH_CONFIG: (\S+)", compose)
    assert env_path and env_path.group(1) == mounted.group(2)
    cfg = load(str(ROOT / mounted.group(1)), environ={"POSTGRES_PASSWORD": "pw"})
    assert cfg.database == "postgresql+psycopg://casualty:pw@db:5432/casualty_watch"
    assert "POSTGRES_USER: casualty" in compose and "POSTGRES_DB: casualty_watch" in compose
    [mail] = cfg.alerts
    assert mail.kind == "email" and mail.smtp == "smtp://mailpit:1025"
    assert cfg.sources


def test_the_image_contains_every_package() -> None:
    """The Dockerfile copies each package pyproject installs (a new room would otherwise be left out)."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    packages = [p.rstrip("*") for p in pyproject["tool"]["setuptools"]["packages"]["find"]["include"]]
    dockerfile = (ROOT / "Dockerfile").read_text()
    for package in packages:
        assert f"COPY {package} ./{package}" in dockerfile, package
