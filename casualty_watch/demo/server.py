"""The demo's web server: the bundled sample site, copied to a folder so a story can be published mid-demo.

`{{base}}` in HTML and XML files becomes the server's own address, so feeds carry absolute links whatever port
the server got. No validators are sent: every poll reads the feed afresh, so a story published within the same
second as the last poll is not hidden by a 304.
"""
from __future__ import annotations

import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path

PLACEHOLDER = b"{{base}}"
TYPES = {".xml": "application/rss+xml; charset=utf-8", ".html": "text/html; charset=utf-8",
         ".pdf": "application/pdf", ".txt": "text/plain; charset=utf-8"}


def bundled(name: str) -> Path:
    """A folder of the bundled demo files (site/ or later/)."""
    return Path(str(resources.files("casualty_watch.demo").joinpath(name)))


class _Handler(SimpleHTTPRequestHandler):
    base = ""

    def do_GET(self) -> None:  # noqa: N802
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        if path.suffix in (".xml", ".html"):
            body = body.replace(PLACEHOLDER, self.base.encode())
        self.send_response(200)
        self.send_header("Content-Type", TYPES.get(path.suffix, "application/octet-stream"))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


class DemoWeb:
    """The sample web on 127.0.0.1 (a free port), served from `root` in a background thread."""

    def __init__(self, root: Path) -> None:
        self.root = root
        shutil.copytree(bundled("site"), root, dirs_exist_ok=True)
        handler = type("Handler", (_Handler,), {})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(root)))
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        handler.base = self.base
        self._thread = threading.Thread(target=self.server.serve_forever, name="demo-web", daemon=True)

    def start(self) -> "DemoWeb":
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def publish_later_story(self) -> str:
        """Put the held-back story on the wire and at the top of its feed; returns its URL."""
        later = bundled("later")
        path = "wire/2017/11/un-mosul-report.html"
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(later / "story.html", target)
        feed = self.root / "wire" / "feed.xml"
        marker = "<!-- new stories go here -->"
        text = feed.read_text(encoding="utf-8")
        tmp = feed.with_suffix(".tmp")  # replace, not rewrite: a poll must never read half a feed
        tmp.write_text(text.replace(marker, marker + "\n" + (later / "item.xml").read_text(encoding="utf-8")),
                       encoding="utf-8")
        tmp.replace(feed)
        return f"{self.base}/{path}"
