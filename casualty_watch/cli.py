"""The `casualty-watch` command: a thin front door that checks input, builds the room objects and delegates."""
from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from netpolicy.redact import redact_logs

from . import __version__
from .commands import archive_cmds, crawl_cmd, extract_cmd, serve_cmd, service_cmd, webarchive_cmd
from .context import state
from .errors import CasualtyWatchError

app = typer.Typer(
    name="casualty-watch",
    help="Monitor news and NGO reports for civilian casualty estimates, archive them, alert on new ones.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
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


for module in (archive_cmds, extract_cmd, crawl_cmd, service_cmd, serve_cmd, webarchive_cmd):
    module.register(app)


def main() -> None:
    """Entry point: user errors are one line on stderr with their exit code, never a traceback.

    Log records are redacted from the start (netpolicy.redact): `crawl` runs Scrapy in this process, and
    Scrapy installs its own root handler when the crawl starts, so only the record factory reaches it.
    """
    redact_logs()
    try:
        app()
    except CasualtyWatchError as exc:
        typer.echo(f"casualty-watch: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("casualty-watch: interrupted", err=True)
        sys.exit(130)
