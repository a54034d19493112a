"""Loopback ports for test servers.

A port picked by binding to 0 and closing again can be taken by anything else on the machine (an outgoing
connection's ephemeral port, another test's server) before the server that was meant to have it binds. CI saw
exactly that. So servers get a socket that is already bound and listening, and never a bare port number, wherever
the test can hand them one.
"""
from __future__ import annotations

import socket


def listening_socket(port: int = 0) -> socket.socket:
    """A TCP socket bound to 127.0.0.1:`port` (0: any free port) and listening; inheritable for a child server."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)  # TCP: asyncio sets NODELAY
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def closed_port() -> int:
    """A port nothing listens on at this moment, for tests that want a connection refused."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
