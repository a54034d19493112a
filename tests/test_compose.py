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
    env = {**os.environ, "POSTGRES_PASSWORD": "test-pw", "CASUALTY_WATCH_TOKEN": "test-token"}
    done = subprocess.run([*cmd, "-f", "docker-compose.yml", "config"], cwd=ROOT, capture_output=True, text=True,
                          env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    services = subprocess.run([*cmd, "-f", "docker-compose.yml", "config", "--services"], cwd=ROOT,
                              capture_output=True, text=True, env=env, timeout=60).stdout.split()
    assert sorted(services) == ["db", "mailpit", "serve", "watch"]
    assert "POSTGRES_PASSWORD: test-pw" in done.stdout
    assert re.search(r"command:\s*\n\s*- run\b", done.stdout), "the watch service runs `casualty-watch run`"


def test_the_compose_config_file_is_a_valid_casualty_watch_config() -> None:
    compose = (ROOT / "docker-compose.yml").read_text()
    mounted = re.search(r"\./(\S+\.toml):(\S+?):ro", compose)
    assert mounted, "the config file is mounted into the watch service"
    env_path = re.search(r"CASUALTY_WATCH_CONFIG: (\S+)", compose)
    assert env_path and env_path.group(1) == mounted.group(2)
    cfg = load(str(ROOT / mounted.group(1)), environ={"POSTGRES_PASSWORD": "pw", "CASUALTY_WATCH_TOKEN": "t"})
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


def test_the_serve_service_shares_the_database_and_publishes_the_page() -> None:
    """`serve` beside `watch`: the same image, config and database; the page on a published port, bound beyond
    loopback in its container, with the token from the environment (Compose refuses to start without one)."""
    import yaml

    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    watch, serve = compose["services"]["watch"], compose["services"]["serve"]
    assert serve["image"] == watch["image"] and serve["volumes"] == [v for v in watch["volumes"] if v.endswith(":ro")]
    assert serve["environment"]["CASUALTY_WATCH_CONFIG"] == watch["environment"]["CASUALTY_WATCH_CONFIG"]
    assert serve["command"][:1] == ["serve"] and serve["command"][serve["command"].index("--host") + 1] == "0.0.0.0"
    port = serve["command"][serve["command"].index("--port") + 1]
    [published] = serve["ports"]
    assert published.rsplit(":", 1)[1] == port
    assert serve["depends_on"]["db"] == {"condition": "service_healthy"} and "watch" in serve["depends_on"]
    token = serve["environment"]["CASUALTY_WATCH_TOKEN"]
    assert re.fullmatch(r"\$\{CASUALTY_WATCH_TOKEN:\?[^}]+\}", token), token  # no default: unset is an error
    assert "healthz" in " ".join(serve["healthcheck"]["test"])
    # the config both load: the same database for both, and serve's token from the environment
    mounted = re.search(r"\./(\S+?\.toml):", serve["volumes"][0]).group(1)
    cfg = load(str(ROOT / mounted), environ={"POSTGRES_PASSWORD": "pw", "CASUALTY_WATCH_TOKEN": "from-env"})
    assert cfg.api_token == "from-env" and cfg.database.endswith("@db:5432/casualty_watch")
    assert "CASUALTY_WATCH_TOKEN" in watch["environment"]  # watch loads the same config, which names the variable
