"""Every mistake a user can make is one line on stderr with its exit code (issue 12): usage errors, a poll
interval below the floor, an archive that is missing, read-only, corrupt or too old to read read-only.

Run for real: `casualty_watch.cli.main` in this process (what the console script calls), and as a process
where the exit status or the environment matters.
"""
from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from casualty_watch.cli import main
from fakes import Est, key
from storage import Archive, ItemIn

BODY = ("Amnesty International says at least 5,805 civilians were killed in west Mosul between February and June "
        "2017, in a report documenting coalition and Islamic State violations. ") * 2
EXE = Path(sys.executable).with_name("casualty-watch")


def cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None,
        drop: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k != "CASUALTY_WATCH_CONFIG" and k not in drop}
    return subprocess.run([str(EXE), *args], capture_output=True, text=True, timeout=60, cwd=cwd,
                          env={**base, **(env or {})})


def run_main(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    """The entry point as the console script runs it: (exit status, stdout, stderr)."""
    with pytest.raises(SystemExit) as done:
        main(list(args))
    out = capsys.readouterr()
    return int(done.value.code or 0), out.out, out.err


def write_config(path: Path, db: Path, *, every: str = "6h") -> Path:
    path.write_text(f'database = "sqlite:///{db}"\n[[source]]\nname = "amnesty"\n'
                    f'page = "http://127.0.0.1:9/iraq"\nevery = "{every}"\n', encoding="utf-8")
    return path


@pytest.fixture
def configured(tmp_path: Path) -> tuple[Path, Path]:
    """A config and its SQLite archive holding one story with one estimate."""
    db = tmp_path / "cw.db"
    cfg = write_config(tmp_path / "cw.toml", db)
    archive = Archive(f"sqlite:///{db}")
    archive.sync_sources([type("S", (), {"name": "amnesty", "kind": "page", "url": "http://127.0.0.1:9/iraq",
                                         "every": 21600.0})()])
    archive.store_item(ItemIn(url="https://amnesty.example/report", text=BODY, source="amnesty", title="At any cost"),
                       [Est(5805, None, place="west Mosul", claimant="Amnesty International")], key=key)
    archive.close()
    return cfg, db


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err and "╭" not in err and "│" not in err
    assert lines[0].startswith("casualty-watch: ")
    return lines[0]


# -- usage errors -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("args, said", [
    (("items", "--bogus"), "No such option: --bogus (see casualty-watch items --help)"),
    (("search",), "Missing argument 'QUERY' (see casualty-watch search --help)"),
    (("estimates", "--kind", "battle"), "'battle' is not one of toll, incident"),
    (("alerts", "--state", "lost"), "not one of pending, sent, failed, gone, cancelled"),
    (("nope",), "No such command 'nope' (see casualty-watch --help)"),
    (("estimates", "nope"), "(see casualty-watch estimates --help)"),
    (("items", "--limit", "ten"), "Invalid value for '--limit'"),
    (("items", "--limit", "0"), "Invalid value for '--limit'"),
    (("export", "--format", "csv"), "Missing option '--what'"),
    (("items", "--since", "1"), "not a date: '1'"),
    (("items", "--since", "may"), "not a date: 'may'"),
    (("items", "--source", "nope"), "unknown source 'nope' (known: amnesty)"),
    (("search", "Mosul", "--source", "nope"), "unknown source 'nope' (known: amnesty)"),
    (("--config",), "Option '--config' requires an argument"),
])
def test_every_usage_mistake_is_one_line_exit_2(capsys, configured, args, said) -> None:  # type: ignore[no-untyped-def]
    cfg, _ = configured
    code, out, err = run_main(capsys, "--config", str(cfg), *args) if args != ("--config",) else \
        run_main(capsys, *args)
    assert code == 2 and out == ""
    assert said in one_line(err)


def test_the_real_process_prints_no_box(configured) -> None:  # type: ignore[no-untyped-def]
    cfg, _ = configured
    result = cli("--config", str(cfg), "items", "--json", "--bogus")
    assert result.returncode == 2
    assert result.stderr == "casualty-watch: No such option: --bogus (see casualty-watch items --help)\n"


def test_help_and_bare_groups_still_show_help(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run_main(capsys, "--help")
    assert code == 0 and "Usage: casualty-watch" in out and "items" in out and err == ""
    code, out, _ = run_main(capsys)  # no_args_is_help
    assert "Usage: casualty-watch [OPTIONS] COMMAND" in out and code in (0, 2)
    code, out, _ = run_main(capsys, "captures")
    assert "verify" in out and "Usage: casualty-watch captures" in out


@pytest.mark.parametrize("command, shown", [
    ("items", ["--since DATE", "--source NAME", "--limit N", "--json "]),
    ("export", ["--what WHAT", "--format FORMAT", "-o, --output PATH"]),
    ("alerts", ["--state STATE", "--limit N"]),
    ("crawl", ["--source NAME", "--force "]),
    ("serve", ["--host HOST", "--port PORT", "--workers N"]),
    ("estimates", ["--victims GROUP", "--claimant C", "--until DATE"]),
])
def test_help_shows_meaningful_metavars_and_none_for_flags(capsys, command, shown) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run_main(capsys, command, "--help")
    assert code == 0
    assert "<bool>" not in out and "<str>" not in out and "<int" not in out and "<path>" not in out
    for text in shown:
        assert text in out, out


# -- the poll interval floor --------------------------------------------------------------------------------

def test_an_interval_below_a_minute_is_a_config_error_without_the_test_variable(tmp_path: Path) -> None:
    cfg = write_config(tmp_path / "cw.toml", tmp_path / "cw.db", every="0s")
    result = cli("--config", str(cfg), "crawl", drop=("CASUALTY_WATCH_MIN_INTERVAL",))
    assert result.returncode == 2
    assert one_line(result.stderr) == (f"casualty-watch: config error: {cfg}: source[1].every: '0s' is shorter than "
                                       "1m, the shortest poll interval (a source polled more often is hammered, "
                                       "not watched)")
    assert not (tmp_path / "cw.db").exists()
    cfg = write_config(tmp_path / "cw.toml", tmp_path / "cw.db", every="59s")
    assert cli("--config", str(cfg), "crawl", drop=("CASUALTY_WATCH_MIN_INTERVAL",)).returncode == 2


def test_the_floor_can_be_lowered_by_the_environment(tmp_path: Path) -> None:
    from casualty_watch.config import load

    cfg = write_config(tmp_path / "cw.toml", tmp_path / "cw.db", every="2s")
    old = os.environ.get("CASUALTY_WATCH_MIN_INTERVAL")
    try:
        os.environ["CASUALTY_WATCH_MIN_INTERVAL"] = "1s"
        assert load(str(cfg)).sources[0].every == 2.0
        os.environ.pop("CASUALTY_WATCH_MIN_INTERVAL")
        with pytest.raises(Exception, match="source\\[1\\].every: '2s' is shorter than 1m"):
            load(str(cfg))
        write_config(tmp_path / "cw.toml", tmp_path / "cw.db", every="1m")
        assert load(str(cfg)).sources[0].every == 60.0
    finally:
        if old is not None:
            os.environ["CASUALTY_WATCH_MIN_INTERVAL"] = old


# -- a missing archive ----------------------------------------------------------------------------------------

READ_COMMANDS = [("sources",), ("items",), ("search", "Mosul"), ("estimates",), ("estimates", "show", "1"),
                 ("export", "--what", "items", "--format", "csv"), ("alerts",), ("captures", "verify"),
                 ("estimates", "reject", "1"), ("estimates", "confirm", "1"), ("alerts", "retry", "1")]


@pytest.mark.parametrize("args", READ_COMMANDS)
def test_read_commands_never_create_an_archive(capsys, tmp_path: Path, args) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "typo" / "deeper" / "cw.db"
    cfg = write_config(tmp_path / "cw.toml", db)
    code, out, err = run_main(capsys, "--config", str(cfg), *args)
    assert code == 1 and out == ""
    assert one_line(err) == (f"casualty-watch: no archive at {db} (run `casualty-watch crawl` or `import` first, "
                             f"or check database in {cfg})")
    assert not (tmp_path / "typo").exists()


def test_read_commands_in_an_empty_folder_with_the_bundled_config(tmp_path: Path) -> None:
    result = cli("estimates", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert one_line(result.stderr) == ("casualty-watch: no archive at casualty-watch.db (run `casualty-watch "
                                       "crawl` or `import` first, or check --config)")
    served = cli("serve", "--port", "0", cwd=tmp_path)  # serve opens the archive its own way, read-only
    assert served.returncode == 1 and "casualty-watch.db" in one_line(served.stderr)
    assert list(tmp_path.iterdir()) == []


# -- read-only, corrupt and old archives ----------------------------------------------------------------------

@pytest.fixture
def read_only_file(configured):  # type: ignore[no-untyped-def]
    cfg, db = configured
    db.chmod(0o444)
    yield cfg, db
    db.chmod(0o644)


@pytest.fixture
def read_only_folder(configured):  # type: ignore[no-untyped-def]
    cfg, db = configured
    folder = db.parent
    folder.chmod(0o555)
    yield cfg, db
    folder.chmod(0o755)


@pytest.mark.parametrize("kind", ["read_only_file", "read_only_folder"])
def test_a_read_only_archive_reads_and_refuses_writes_in_one_line(capsys, request, kind) -> None:  # type: ignore[no-untyped-def]
    cfg, db = request.getfixturevalue(kind)
    before = db.read_bytes()
    for args in (("sources", "--json"), ("items", "--json"), ("estimates", "--json"), ("search", "Mosul"),
                 ("alerts",), ("export", "--what", "estimates", "--format", "jsonl")):
        code, out, err = run_main(capsys, "--config", str(cfg), *args)
        assert code == 0, err
        assert out
    for args in (("crawl",), ("run",), ("estimates", "reject", "1"), ("import", str(db))):
        code, out, err = run_main(capsys, "--config", str(cfg), *args)
        assert code == 1, (args, err)
        assert "is read-only (its file or folder cannot be written)" in one_line(err)
    assert db.read_bytes() == before


def test_sources_on_a_read_only_archive_whose_sources_changed_is_one_line(capsys, read_only_file) -> None:  # type: ignore[no-untyped-def]
    cfg, db = read_only_file
    cfg.write_text(cfg.read_text().replace('every = "6h"', 'every = "12h"'))
    code, _, err = run_main(capsys, "--config", str(cfg), "sources")
    assert code == 1
    assert one_line(err) == (f"casualty-watch: archive sqlite:///{db} is read-only (its file or folder cannot be "
                             "written); this needs to write to it")


def test_a_read_only_archive_with_an_older_schema_is_one_line(capsys, configured) -> None:  # type: ignore[no-untyped-def]
    cfg, db = configured
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0001'")
    db.chmod(0o444)
    try:
        code, _, err = run_main(capsys, "--config", str(cfg), "items")
    finally:
        db.chmod(0o644)
    assert code == 1
    assert one_line(err) == (f"casualty-watch: cannot open archive sqlite:///{db}: it is read-only (file or folder "
                             "not writable) and its schema is missing or older than this version's: make it "
                             "writable once so a command can upgrade it")


@pytest.mark.parametrize("args", [*READ_COMMANDS, ("crawl",), ("run",), ("import", "/dev/null")])
def test_a_corrupt_archive_is_one_line_for_every_command(capsys, tmp_path: Path, args) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "cw.db"
    db.write_bytes(os.urandom(8192))
    cfg = write_config(tmp_path / "cw.toml", db)
    code, _, err = run_main(capsys, "--config", str(cfg), *args)
    assert code == 1
    assert one_line(err) == f"casualty-watch: cannot open archive sqlite:///{db}: file is not a database"


def test_read_only_is_judged_by_mode_bits_even_for_root(configured) -> None:  # type: ignore[no-untyped-def]
    from storage.db import read_only_file as judged

    _, db = configured
    assert not judged(db)
    db.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    try:
        assert judged(db)
    finally:
        db.chmod(0o644)
