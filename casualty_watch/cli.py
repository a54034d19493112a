"""The `casualty-watch` command: a thin front door that checks input, builds the room objects and delegates."""
from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Annotated, Optional

import typer

from netpolicy.redact import redact_logs

from . import __version__
from .commands import archive_cmds, crawl_cmd, extract_cmd, serve_cmd, service_cmd, users_cmd, webarchive_cmd
from .context import state
from .errors import CasualtyWatchError

try:  # typer 0.2x carries its own copy of click; an older typer uses click itself
    from typer._click import exceptions as click_exceptions
except ImportError:  # pragma: no cover
    from click import exceptions as click_exceptions  # type: ignore[no-redef]

app = typer.Typer(
    name="casualty-watch",
    help="Monitor news and NGO reports for civilian casualty estimates, archive them, alert on new ones.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click help: no boxes, and a flag shows no <bool> metavar
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"casualty-watch {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    config: Annotated[Optional[str], typer.Option("--config", "-c", metavar="PATH",
                      help="Config file (else $CASUALTY_WATCH_CONFIG, ./casualty-watch.toml, the bundled default).")] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Monitor news and NGO reports for civilian casualty estimates, archive them, alert on new ones."""
    state(ctx).config_path = config


for module in (archive_cmds, extract_cmd, crawl_cmd, service_cmd, serve_cmd, users_cmd, webarchive_cmd):
    module.register(app)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: every mistake a user can make is one line on stderr with its exit code, never a box and
    never a traceback (README promises it; cron mails and journald keep one line readable).

    click's own usage errors (unknown option or command, missing argument, bad choice, bad number) would be
    typer's five-line box, so the app runs with standalone_mode=False and they come back here to be said as
    `casualty-watch: <message> (see casualty-watch <command> --help)`, exit 2. `--help`, and a bare command
    group showing its help, work as before. Errors of the archive's database that reach this far (a corrupt
    file, a read-only one written to) are one line too, exit 1.

    Log records are redacted from the start (netpolicy.redact): `crawl` runs Scrapy in this process, and
    Scrapy installs its own root handler when the crawl starts, so only the record factory reaches it.
    """
    redact_logs()
    try:
        code = app(args=list(sys.argv[1:] if argv is None else argv), prog_name="casualty-watch",
                   standalone_mode=False)
    except click_exceptions.NoArgsIsHelpError as exc:  # `casualty-watch`, `casualty-watch captures`
        typer.echo(exc.ctx.get_help() if exc.ctx is not None else str(exc))
        sys.exit(exc.exit_code)
    except click_exceptions.UsageError as exc:  # BadParameter, NoSuchOption, MissingParameter, ...
        typer.echo(f"casualty-watch: {usage_line(exc)}", err=True)
        sys.exit(exc.exit_code)
    except click_exceptions.ClickException as exc:  # e.g. FileError
        typer.echo(f"casualty-watch: {_one_line(exc.format_message())}", err=True)
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("casualty-watch: interrupted", err=True)
        sys.exit(130)
    except CasualtyWatchError as exc:
        typer.echo(f"casualty-watch: {_one_line(str(exc))}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("casualty-watch: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - only the archive's errors are handled; anything else is a bug
        line = _database_error(exc)
        if line is None:
            raise
        typer.echo(f"casualty-watch: {line}", err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


def usage_line(exc: click_exceptions.UsageError) -> str:
    """click's message, one line, pointing at the help of the command it is about."""
    message = _one_line(exc.format_message()).rstrip(".")
    path = exc.ctx.command_path if exc.ctx is not None else "casualty-watch"
    return f"{message} (see {path} --help)"


def _one_line(text: str) -> str:
    """A message's lines joined into one (click wraps some; a room's may carry a driver's second line)."""
    return " ".join(text.split())


def _database_error(exc: Exception) -> str | None:
    """One line for the database errors a command does not handle itself (a file that is not an archive, a
    disk that filled up, a lock held too long), None for anything else."""
    from sqlalchemy.exc import SQLAlchemyError

    from netpolicy.values import one_line
    from storage import ArchiveError

    if isinstance(exc, ArchiveError):
        return one_line(exc)
    if isinstance(exc, SQLAlchemyError):
        return f"archive error: {one_line(exc)}"
    return None
