"""The command line, run for real: through click's runner in-process, and once as a real process."""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casualty_watch.cli import app
from fakes import Est, key
from storage import Archive, ItemIn

BODY = ("Amnesty International says at least 5,805 civilians were killed in west Mosul between February and June "
        "2017, in a report documenting coalition and Islamic State violations. ") * 2


def amnesty(low: int) -> Est:
    return Est(low, None, place="west Mosul", claimant="Amnesty International", qualifier="at_least",
               quote="at least 5,805 civilians were killed in west Mosul")


@pytest.fixture
def configured(tmp_path: Path) -> tuple[Path, Archive]:
    """A config file with one source, and its (SQLite) archive holding one story, one copy, one estimate."""
    db = tmp_path / "cw.db"
    cfg = tmp_path / "cw.toml"
    cfg.write_text(f'database = "sqlite:///{db}"\n[[source]]\nname = "amnesty"\npage = "https://amnesty.example/iraq"\n',
                   encoding="utf-8")
    archive = Archive(f"sqlite:///{db}")
    archive.store_item(ItemIn(url="https://amnesty.example/report", text=BODY, source="amnesty", title="At any cost"),
                       [amnesty(5805)], key=key)
    archive.store_item(ItemIn(url="https://mirror.example/report", text=BODY, source="mirror"), [amnesty(5805)],
                       key=key)
    return cfg, archive


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for command in ("sources", "items", "search", "estimates", "export", "extract"):
        assert command in result.output


def test_items_json_shape(configured) -> None:  # type: ignore[no-untyped-def]
    cfg, _ = configured
    result = run("--config", str(cfg), "items", "--json")
    assert result.exit_code == 0, result.output
    (item,) = json.loads(result.stdout)
    assert set(item) == {"id", "url", "title", "source", "published", "fetched", "language", "also_at"}
    assert item["also_at"] == ["https://mirror.example/report"]


def test_estimates_json_shape_and_place_filter(configured) -> None:  # type: ignore[no-untyped-def]
    cfg, _ = configured
    (est,) = json.loads(run("--config", str(cfg), "estimates", "--json").stdout)
    assert set(est) == {"id", "low", "high", "qualifier", "outcome", "victims", "victims_group", "place",
                        "place_id", "claimant", "claimant_text", "claimant_id", "claimants", "quote", "kind",
                        "period", "first_seen", "first_stated", "first_stated_from", "revises", "status",
                        "merged_into", "url", "source", "mentions"}
    assert (est["low"], est["high"], est["mentions"]) == (5805, None, 1)
    assert json.loads(run("--config", str(cfg), "estimates", "--place", "MOSUL", "--json").stdout) != []
    assert json.loads(run("--config", str(cfg), "estimates", "--place", "Raqqa", "--json").stdout) == []


def test_human_tables(configured) -> None:  # type: ignore[no-untyped-def]
    cfg, _ = configured
    out = run("--config", str(cfg), "estimates").stdout
    assert "≥5,805" in out and "Amnesty" in out
    assert "At any cost" in run("--config", str(cfg), "items").stdout


def test_search(configured) -> None:  # type: ignore[no-untyped-def]
    cfg, _ = configured
    hits = json.loads(run("--config", str(cfg), "search", "coalition violations", "--json").stdout)
    assert [h["url"] for h in hits] == ["https://amnesty.example/report"]
    assert json.loads(run("--config", str(cfg), "search", "Raqqa", "--json").stdout) == []


def test_sources_lists_configured_sources(configured) -> None:  # type: ignore[no-untyped-def]
    cfg, _ = configured
    (src,) = json.loads(run("--config", str(cfg), "sources", "--json").stdout)
    assert (src["name"], src["kind"], src["status"], src["failures"]) == ("amnesty", "page", "new", 0)


def test_export_csv_and_jsonl(configured, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cfg, _ = configured
    out = tmp_path / "est.csv"
    result = run("--config", str(cfg), "export", "--what", "estimates", "--format", "csv", "-o", str(out))
    assert result.exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows[0]["low"] == "5805" and rows[0]["claimant"] == "Amnesty International"
    lines = run("--config", str(cfg), "export", "--what", "items", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["source"] for line in lines] == ["amnesty"]


@pytest.mark.parametrize("args", [
    ("export", "--what", "people", "--format", "csv"),
    ("export", "--what", "items", "--format", "xml"),
    ("items", "--since", "yesterday-ish"),
    ("items", "--limit", "0"),
    ("search", " "),
    ("extract", "/nonexistent/file.txt"),
])
def test_bad_arguments_exit_2_with_a_message(configured, args) -> None:  # type: ignore[no-untyped-def]
    cfg, _ = configured
    result = CliRunner().invoke(app, ["--config", str(cfg), *args])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("casualty-watch")
    base = {k: v for k, v in os.environ.items() if k != "CASUALTY_WATCH_CONFIG"}
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=60, cwd=cwd,
                          env={**base, **(env or {})})


def test_real_process_bad_config_is_one_line_exit_2(tmp_path: Path) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text('[[source]]\nname = "x"\nfeed = "https://a.example/rss"\nevery = "soon"\n')
    result = cli("--config", str(cfg), "sources")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"casualty-watch: config error: {cfg}: source[1].every: bad duration 'soon' (use e.g. 30s, 15m, 6h, 1d)"]


def test_real_process_env_config_and_unreachable_database(tmp_path: Path) -> None:
    cfg = tmp_path / "pg.toml"
    cfg.write_text('database = "postgresql+psycopg://cw:${CW_PW}@127.0.0.1:1/cw"\n')
    result = cli("items", env={"CASUALTY_WATCH_CONFIG": str(cfg), "CW_PW": "s3cret-pw"})
    assert result.returncode == 1
    assert "cannot open archive" in result.stderr and "s3cret-pw" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_real_process_default_config_in_an_empty_folder(tmp_path: Path) -> None:
    # a read command makes no archive: one line, exit 1, the folder left as it was
    result = cli("sources", "--json", cwd=tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("casualty-watch: no archive at casualty-watch.db")
    assert list(tmp_path.iterdir()) == []
    # the bundled config's sources, named by the usage error for an unknown one (nothing is fetched)
    result = cli("crawl", "--source", "nope", cwd=tmp_path)
    assert result.returncode == 2 and "amnesty-iraq" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_estimates_corrections_from_the_command_line(configured) -> None:  # type: ignore[no-untyped-def]
    cfg, archive = configured
    archive.store_item(ItemIn(url="https://other.example/a", text="Another story entirely. " * 5, source="other"),
                       [amnesty(5900)], key=key)
    first, second = sorted(e["id"] for e in archive.estimates())
    result = run("--config", str(cfg), "estimates", "merge", str(first), str(second), "--why", "one Amnesty figure")
    assert result.exit_code == 0 and f"merged estimate {second} into {first}" in result.stderr
    shown = json.loads(run("--config", str(cfg), "estimates", "show", str(first), "--json").stdout)
    assert len(shown["stories"]) == 2 and shown["corrections"][0]["why"] == "one Amnesty figure"
    mention = next(m["mention_id"] for m in shown["stories"] if m["low"] == 5900)
    result = run("--config", str(cfg), "estimates", "split", str(first), "--mention", str(mention))
    assert result.exit_code == 0 and "as estimate" in result.stderr
    assert run("--config", str(cfg), "estimates", "reject", str(first), "--why", "duplicate report").exit_code == 0
    assert run("--config", str(cfg), "estimates", "confirm", str(second)).exit_code != 0  # merged away
    rejected = json.loads(run("--config", str(cfg), "estimates", "--status", "rejected", "--json").stdout)
    assert [e["id"] for e in rejected] == [first]
    bad = run("--config", str(cfg), "estimates", "reject", "999")
    assert bad.exit_code == 2 and "no estimate 999" in bad.output
    assert run("--config", str(cfg), "estimates", "--kind", "battle").exit_code == 2
