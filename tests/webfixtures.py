"""A real HTTP server on 127.0.0.1 serving fixture sites to crawls run in a subprocess, and the pages they serve.

Each route answers as told: a body and headers, a status, a redirect, a never-ending wait (timeouts), and
ETag/Last-Modified validators it honours with 304 like a real server. Every request is logged with its headers
so tests can check what the crawler sent (conditional requests, User-Agent, robots.txt first).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    hang: bool = False
    # answers in turn (e.g. a 429 then a 200); the last one repeats
    then: list["Route"] = field(default_factory=list)


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    at: float


class Site:
    """`with Site() as site: site.add("/feed.xml", Route(...)); site.url("/feed.xml")`."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        self._turns: dict[str, int] = {}
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, route: Route | None = None, **kwargs) -> str:  # type: ignore[no-untyped-def]
        self.routes[path] = route or Route(**kwargs)
        return self.url(path)

    def requests_for(self, path: str) -> list[Hit]:
        with self._lock:
            return [h for h in self.hits if h.path == path]

    def paths(self) -> list[str]:
        with self._lock:
            return [h.path for h in self.hits]

    def __enter__(self) -> "Site":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()

    def _answer(self, path: str) -> Route | None:
        route = self.routes.get(path)
        if route is None or not route.then:
            return route
        with self._lock:
            turn = self._turns.get(path, 0)
            self._turns[path] = turn + 1
        answers = [route, *route.then]
        return answers[min(turn, len(answers) - 1)]

    def _handler(self):  # type: ignore[no-untyped-def]
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # type: ignore[no-untyped-def]
                pass

            def do_GET(self) -> None:  # noqa: N802
                import time

                with site._lock:
                    site.hits.append(Hit(self.path, {k.lower(): v for k, v in self.headers.items()}, time.time()))
                route = site._answer(self.path.split("?", 1)[0])
                if route is None:
                    return self._send(404, b"not found", "text/plain", {})
                if route.hang:
                    site._stop.wait(60)
                    return
                headers = dict(route.headers)
                if route.etag:
                    headers["ETag"] = route.etag
                if route.last_modified:
                    headers["Last-Modified"] = route.last_modified
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    return self._send(304, b"", None, headers)
                if (route.last_modified and not route.etag
                        and self.headers.get("If-Modified-Since") == route.last_modified):
                    return self._send(304, b"", None, headers)
                self._send(route.status, route.body, route.content_type, headers)

            def _send(self, status: int, body: bytes, content_type: str | None, headers: dict[str, str]) -> None:
                try:
                    self.send_response(status)
                    if content_type:
                        self.send_header("Content-Type", content_type)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(body)) if status != 304 else "0")
                    self.end_headers()
                    if status != 304:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        return Handler


def http_date(ts: float) -> str:
    return formatdate(ts, usegmt=True)


# -- pages -------------------------------------------------------------------------------------------------

BOILERPLATE_TOP = """<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a>
<a href="/sport">Sport</a> <a href="/culture">Culture</a></nav><div class="promo">Subscribe today and get
unlimited access to our journalism for just one pound a week.</div></header>"""
BOILERPLATE_BOTTOM = """<aside class="related"><h3>Related stories</h3><ul><li><a href="/r1">Markets rally as
oil prices climb</a></li><li><a href="/r2">Football: late winner seals the title</a></li></ul></aside>
<div class="newsletter">Sign up to our morning briefing newsletter.</div>
<footer><p>Copyright The Daily Example. All rights reserved.</p><a href="/privacy">Privacy</a></footer>"""


def article(title: str, paragraphs: list[str], *, lang: str = "en", published: str | None = None,
            canonical: str | None = None, charset: str | None = "utf-8", author: str | None = None) -> str:
    """A news page with the usual boilerplate around its story."""
    head = [f'<meta charset="{charset}">' if charset else "", f"<title>{title} | The Daily Example</title>"]
    if published:
        head.append(f'<meta property="article:published_time" content="{published}">')
    if canonical:
        head.append(f'<link rel="canonical" href="{canonical}">')
    if author:
        head.append(f'<meta name="author" content="{author}">')
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="{lang}"><head>{"".join(head)}</head><body>{BOILERPLATE_TOP}'
            f"<main><article><h1>{title}</h1>{body}</article></main>{BOILERPLATE_BOTTOM}</body></html>")


def rss(items: list[dict], *, title: str = "The Daily Example") -> bytes:
    """RSS 2.0; each item dict has link, title and optionally pubDate, guid."""
    parts = []
    for it in items:
        extra = f"<pubDate>{it['pubDate']}</pubDate>" if it.get("pubDate") else ""
        extra += f"<guid>{it['guid']}</guid>" if it.get("guid") else ""
        parts.append(f"<item><title>{it['title']}</title><link>{it['link']}</link>{extra}</item>")
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://example.org/</link><description>news</description>{''.join(parts)}</channel></rss>"
            ).encode("utf-8")


def atom(entries: list[dict]) -> bytes:
    """Atom 1.0; each entry dict has link, title, updated and optionally published."""
    parts = []
    for e in entries:
        published = f"<published>{e['published']}</published>" if e.get("published") else ""
        parts.append(f'<entry><title>{e["title"]}</title><link href="{e["link"]}"/><id>{e["link"]}</id>'
                     f"<updated>{e['updated']}</updated>{published}</entry>")
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>NGO</title>'
            f'<id>urn:x</id><updated>2017-07-20T00:00:00Z</updated>{"".join(parts)}</feed>').encode("utf-8")


def news_sitemap(urls: list[dict]) -> bytes:
    """A Google News sitemap; each dict has loc, title, date."""
    parts = [f"<url><loc>{u['loc']}</loc><news:news><news:publication><news:name>Example</news:name>"
             f"<news:language>en</news:language></news:publication><news:publication_date>{u['date']}"
             f"</news:publication_date><news:title>{u['title']}</news:title></news:news></url>" for u in urls]
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + "".join(parts) + "</urlset>"
            ).encode("utf-8")


def sitemap_index(locs: list[str]) -> bytes:
    parts = "".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in locs)
    return ('<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{parts}</sitemapindex>").encode("utf-8")


MOSUL_AP = [
    "More than 9,000 civilians were killed in the battle to retake Mosul from the Islamic State group, an "
    "Associated Press investigation has found, nearly ten times the number previously reported.",
    "The AP cross-referenced lists of the dead kept by the Mosul morgue with independent databases from "
    "Amnesty International, Iraq Body Count and a United Nations report.",
    "Iraqi officials have disputed the figures, saying most of those killed in the fighting were militants.",
]
MOSUL_KURDISH = [
    "Kurdish intelligence reports put the number of civilians killed in the Mosul offensive at more than "
    "40,000, a former Iraqi foreign minister said in an interview.",
    "Hoshyar Zebari said the figure came from Kurdish intelligence and that many bodies remained under the "
    "rubble of the Old City in west Mosul.",
]
OTHER_NEWS = [
    "The central bank kept interest rates unchanged on Thursday, citing steady growth and easing inflation.",
    "Analysts had expected the decision and markets moved little after the announcement in the capital.",
]
ARABIC_MOSUL = [
    "قالت منظمة العفو الدولية إن أكثر من 5800 مدني قتلوا في غرب الموصل خلال المعارك بين القوات العراقية وتنظيم الدولة.",
    "وأضافت المنظمة أن الضربات الجوية للتحالف تسببت في مقتل مئات المدنيين في المدينة القديمة بالموصل.",
]
