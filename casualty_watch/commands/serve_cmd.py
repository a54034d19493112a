"""`casualty-watch serve`: the read-only HTTP API and the page, served by uvicorn."""
from __future__ import annotations

import functools
import ipaddress
import os
import socket
from typing import Annotated

import typer

from storage import ArchiveError

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
          host: Annotated[str, typer.Option("--host", metavar="HOST", help="Address to bind; beyond loopback the config must set [api] token or users.")]
          = "127.0.0.1",
          port: Annotated[int, typer.Option("--port", metavar="PORT", min=0, max=65535, help="Port to listen on (0: any free port, printed at start).")] = 8080,
          workers: Annotated[int | None, typer.Option("--workers", metavar="N", min=1, max=64, help="Worker processes (default: [api] workers, else one per core).")] = None,
          ) -> None:
    """Serve the HTTP API (/api/..., /feeds/..., /metrics, /healthz) and the page at /; read-only but for the
    corrections a signed-in user makes."""
    import uvicorn

    from web.app import create_app
    from web.workers import listening_group

    st = state(ctx)
    config = st.config()
    exposed = not is_loopback(host)
    if exposed and not (config.api_token or config.api_users):
        raise UsageError(f"binding {host} makes the API reachable from other machines: set [api] token or users in "
                         f"{config.path} (e.g. token = \"${{CASUALTY_WATCH_TOKEN}}\") or use --host 127.0.0.1")
    count = workers or config.api_workers or cores()
    # Each worker builds its own app (its own connections) from this picklable recipe. serve neither creates,
    # migrates nor writes to the archive (`watch`/`run` does): /api/sources shows the sources the archive has.
    make_app = functools.partial(create_app, config.database, token=config.api_token, require_token=exposed,
                                 version=__version__, migrate=False, users=dict(config.api_users),
                                 session_secret=config.api_session_secret)
    try:
        app = make_app()  # here first, so a missing or unreadable archive is one line before anything binds
    except ArchiveError as exc:
        raise CasualtyWatchError(str(exc)) from None
    socks = listening_group(functools.partial(listen, host), port, count)
    typer.echo(f"casualty-watch {__version__}: serving {app.state.archive.display_url} on "
               f"http://{_hostport(host, socks[0].getsockname()[1])}/ with {count} worker{'s' if count > 1 else ''}",
               err=True)
    options = {"log_level": "warning", "access_log": False, "server_header": False}
    if count == 1:
        server = uvicorn.Server(uvicorn.Config(app, **options))
        server.run(sockets=socks)
        if not server.started:
            raise CasualtyWatchError("the HTTP server did not start (see the message above)")
        return
    app.state.archive.close()
    run_workers(uvicorn.Config(make_app, factory=True, workers=count, **options), socks)


def cores() -> int:
    """The cores this process may run on (a container's cpuset, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def run_workers(config, socks: list[socket.socket]) -> None:  # type: ignore[no-untyped-def]
    """uvicorn's supervisor: `workers` spawned processes, each accepting on its own socket of the group bound
    here (web/workers.py), with its own event loop and database connections; a worker that dies is replaced,
    SIGINT/SIGTERM stop them all."""
    from uvicorn.config import STARTUP_FAILURE

    from web.workers import BalancedWorkers

    supervisor = BalancedWorkers(config, socks)
    supervisor.run()
    if any(p.exitcode == STARTUP_FAILURE for p in supervisor.processes):
        raise CasualtyWatchError("a worker did not start (see the message above)")


def listen(host: str, port: int, reuse_port: bool = False) -> socket.socket:
    """Bind before handing the socket to uvicorn: a taken port is then our one-line error, not uvicorn's log,
    and `--port 0` can print the port the system chose.

    The socket is made with proto IPPROTO_TCP (socket.create_server leaves it 0): asyncio turns Nagle off
    (TCP_NODELAY) only on sockets that say TCP, and with Nagle on every answer waits ~40 ms for a delayed ACK.
    """
    bare = host.strip("[]")
    sock = socket.socket(socket.AF_INET6 if ":" in bare else socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if reuse_port:  # one of the workers' group (web/workers.py)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
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
