"""`casualty-watch serve`: the read-only HTTP API and the page, served by uvicorn."""
from __future__ import annotations

import ipaddress
import socket
from typing import Annotated

import typer

from .. import __version__
from ..context import state
from ..errors import CasualtyWatchError, UsageError


def is_loopback(host: str) -> bool:
    """Only this machine can reach the server: 127.0.0.0/8, ::1 or localhost."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve anywhere


def serve(ctx: typer.Context,
          host: Annotated[str, typer.Option("--host", help="Address to bind; beyond loopback the config must set an API token.")]
          = "127.0.0.1",
          port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on (0: any free port, printed at start).")] = 8080,
          ) -> None:
    """Serve the read-only HTTP API (/api/..., /metrics, /healthz) and the page at /."""
    import uvicorn

    from web.app import create_app

    st = state(ctx)
    config = st.config()
    exposed = not is_loopback(host)
    if exposed and not config.api_token:
        raise UsageError(f"binding {host} makes the API reachable from other machines: set [api] token in "
                         f"{config.path} (e.g. token = \"${{CASUALTY_WATCH_TOKEN}}\") or use --host 127.0.0.1")
    archive = st.archive()
    archive.sync_sources(config.sources)  # so /api/sources lists what config names, as `sources` does
    archive.close()
    app = create_app(config.database, token=config.api_token, require_token=exposed, version=__version__)
    sock = listen(host, port)
    typer.echo(f"casualty-watch {__version__}: serving {archive.display_url} on "
               f"http://{_hostport(host, sock.getsockname()[1])}/", err=True)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, server_header=False))
    server.run(sockets=[sock])
    if not server.started:
        raise CasualtyWatchError("the HTTP server did not start (see the message above)")


def listen(host: str, port: int) -> socket.socket:
    """Bind before handing the socket to uvicorn: a taken port is then our one-line error, not uvicorn's log,
    and `--port 0` can print the port the system chose.

    The socket is made with proto IPPROTO_TCP (socket.create_server leaves it 0): asyncio turns Nagle off
    (TCP_NODELAY) only on sockets that say TCP, and with Nagle on every answer waits ~40 ms for a delayed ACK.
    """
    bare = host.strip("[]")
    sock = socket.socket(socket.AF_INET6 if ":" in bare else socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((bare, port))
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        raise CasualtyWatchError(f"cannot listen on {_hostport(host, port)}: {exc.strerror or exc}") from None
    return sock


def _hostport(host: str, port: int) -> str:
    return f"[{host.strip('[]')}]:{port}" if ":" in host.strip("[]") else f"{host}:{port}"


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
