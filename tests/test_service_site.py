"""A static file server for the service tests, run as a subprocess: `python test_service_site.py ROOT FD`.

FD is a listening socket the parent opened and passed down, so the port cannot be taken between choosing and
binding it.

SITE_SLOW (JSON {path: seconds}) delays some answers; SITE_HITS names a file each requested path is appended to.
(Named test_* so it sits with the tests it serves; it holds no tests.)
"""
from __future__ import annotations

import json
import os
import socket
import sys
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

if __name__ == "__main__":
    root, fd = sys.argv[1], int(sys.argv[2])
    slow = json.loads(os.environ.get("SITE_SLOW") or "{}")
    hits = os.environ.get("SITE_HITS")

    class Handler(SimpleHTTPRequestHandler):
        extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".xml": "application/rss+xml",
                          ".html": "text/html; charset=utf-8", ".pdf": "application/pdf"}

        def do_GET(self) -> None:  # noqa: N802
            path = self.path.split("?")[0]
            if hits:
                with open(hits, "a") as f:
                    f.write(path + "\n")
            if path in slow:
                time.sleep(float(slow[path]))
            super().do_GET()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=root), bind_and_activate=False)
    server.socket.close()
    server.socket = socket.socket(fileno=fd)
    server.server_address = server.socket.getsockname()
    server.daemon_threads = True
    server.serve_forever()
