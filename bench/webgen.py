"""A local news web for the crawl benchmark, and a static server for it that counts what it is asked for.

    python bench/webgen.py generate DIR [--articles 2000] [--feeds 20]   # writes DIR/site and DIR/manifest.json
    python bench/webgen.py serve DIR/site --port-file F                  # serves until killed

About 5% of the articles report a Mosul casualty figure (each a different one, so each is one new estimate);
the rest are other news, a few of them mentioning Mosul or deaths elsewhere so the relevance check has real
work. Pages are ~5 KB with the usual boilerplate (menus, promos, related stories, footer, inline script).
The server is Twisted's static File resource (Last-Modified and If-Modified-Since, like a real static
host); GET /_stats returns request counts by kind as JSON, /_stats?reset=1 also zeroes them.
"""
from __future__ import annotations

import argparse
import json
import random
from datetime import UTC, datetime
import sys
from email.utils import formatdate
from pathlib import Path

WORDS = ("government minister officials said report market growth economy week city council plan new year "
         "project company shares investors season team match coach players football league result police "
         "weather storm rain school students university health hospital doctors patients water energy oil "
         "prices trade agreement talks election vote parliament party leader campaign court judge ruling law "
         "culture festival music film award museum exhibition travel airport flights tourism technology "
         "phone data internet users security system service transport road bridge construction housing").split()
NAV = ["Home", "World", "Middle East", "Africa", "Europe", "Americas", "Asia", "Business", "Markets", "Tech",
       "Science", "Health", "Sport", "Football", "Culture", "Books", "Film", "Music", "Travel", "Opinion"]
SIDE_STORIES = ["Markets rally as oil prices climb", "Football: late winner seals the title",
                "Storm warning issued for the coast", "Parliament passes the budget bill",
                "Festival opens with record crowds", "New airport terminal delayed again"]
CLAIMANTS = ["the Associated Press", "Amnesty International", "Iraq Body Count", "Airwars", "the UN human rights office",
             "local health officials", "a Mosul morgue official", "Kurdish intelligence"]
FIGURE_TEMPLATES = [
    "At least {n:,} civilians were killed in Mosul during the offensive, according to {who}.",
    "More than {n:,} civilians were killed in the battle for Mosul, {who} said on {day}.",
    "{who} said {n:,} civilians were killed in west Mosul by air strikes and shelling.",
]


def generate(out: Path, *, articles: int, feeds: int, relevant_share: float = 0.05, seed: int = 7) -> dict:
    rng = random.Random(seed)
    site = out / "site"
    (site / "feeds").mkdir(parents=True, exist_ok=True)
    (site / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    per_feed = articles // feeds
    relevant_every = round(1 / relevant_share)
    manifest = {"feeds": [], "articles": [], "relevant": []}
    figure = 1000
    for f in range(feeds):
        items = []
        (site / "news" / f"s{f}").mkdir(parents=True, exist_ok=True)
        for i in range(per_feed):
            number = f * per_feed + i
            path = f"/news/s{f}/{i}.html"
            if number % relevant_every == 3:
                figure += rng.randint(7, 97)
                title, paragraphs = _casualty_story(rng, figure)
                manifest["relevant"].append(path)
            else:
                title, paragraphs = _other_story(rng, number)
            (site / path.lstrip("/")).write_text(_page(rng, title, paragraphs, number), encoding="utf-8")
            manifest["articles"].append(path)
            items.append((path, title, number))
        feed_path = f"/feeds/feed-{f}.xml"
        (site / feed_path.lstrip("/")).write_text(_rss(f, items), encoding="utf-8")
        manifest["feeds"].append(feed_path)
    (out / "manifest.json").write_text(json.dumps(manifest))
    return manifest


def _sentence(rng: random.Random, n: int = 18) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def _other_story(rng: random.Random, number: int) -> tuple[str, list[str]]:
    paragraphs = [" ".join(_sentence(rng) for _ in range(3)) for _ in range(6)]
    if number % 50 == 11:  # names Mosul, but no casualties: reaches the full check, then dropped
        paragraphs[1] = "Engineers in Mosul said repairs to the dam would finish next year, and new schools opened."
    if number % 40 == 17:  # deaths, but elsewhere
        paragraphs[2] = "Three people were killed in a road accident near Basra, police said."
    return _sentence(rng, 7).rstrip("."), paragraphs


def _casualty_story(rng: random.Random, n: int) -> tuple[str, list[str]]:
    who = rng.choice(CLAIMANTS)
    figure = rng.choice(FIGURE_TEMPLATES).format(n=n, who=who, day="Tuesday")
    figure = figure[0].upper() + figure[1:]
    paragraphs = [figure,
                  "The figure covers the months of fighting to retake the city from the Islamic State group.",
                  " ".join(_sentence(rng) for _ in range(2)),
                  "Iraqi officials have disputed earlier counts, and many bodies remain under the rubble of the Old City.",
                  " ".join(_sentence(rng) for _ in range(2))]
    return f"Mosul: new count of the civilian dead ({n:,})", paragraphs


def _page(rng: random.Random, title: str, paragraphs: list[str], number: int) -> str:
    nav = "".join(f'<li><a href="/section/{n.lower().replace(" ", "-")}">{n}</a></li>' for n in NAV)
    side = "".join(f'<li><a href="/news/related/{rng.randint(1, 99999)}.html">{s}</a></li>'
                   for s in rng.sample(SIDE_STORIES, 4))
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    date = formatdate(1500000000 + number * 600, usegmt=True)
    iso = datetime.fromtimestamp(1500000000 + number * 600, UTC).isoformat()
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | Example News</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description" content="{title}">
<meta property="article:published_time" content="{iso}">
<link rel="stylesheet" href="/static/site.css"><script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}gtag('js',new Date());</script>
</head><body><header class="masthead"><a class="logo" href="/">Example News</a><nav><ul>{nav}</ul></nav>
<div class="promo">Subscribe today: unlimited access to our journalism for just one pound a week. Cancel anytime.</div></header>
<main><article><h1>{title}</h1><p class="byline">By Staff Reporter · <time>{date}</time></p>{body}</article>
<aside class="related"><h3>Related stories</h3><ul>{side}</ul></aside>
<div class="newsletter"><h3>Morning briefing</h3><p>Sign up to get the day's top stories in your inbox.</p>
<form><input type="email" placeholder="Email address"><button>Sign up</button></form></div></main>
<footer><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li><li><a href="/privacy">Privacy</a></li>
<li><a href="/terms">Terms</a></li><li><a href="/advertise">Advertise</a></li></ul><p>© Example News. All rights reserved.</p></footer>
</body></html>"""


def _rss(feed: int, items: list[tuple[str, str, int]]) -> str:
    entries = "".join(f"<item><title>{t}</title><link>{{BASE}}{p}</link><guid>{{BASE}}{p}</guid>"
                      f"<pubDate>{formatdate(1500000000 + n * 600, usegmt=True)}</pubDate></item>"
                      for p, t, n in reversed(items))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Section {feed}</title>'
            f"<link>{{BASE}}/</link><description>news</description>{entries}</channel></rss>")


def serve(root: Path, port_file: Path) -> None:
    """Serve `root`; feeds hold {BASE} placeholders, filled in with this server's address as they are served."""
    from twisted.internet import reactor
    from twisted.web import http, resource, server, static

    counts = {"total": 0, "feeds": 0, "articles": 0, "robots": 0, "other": 0}

    class Feed(static.File):
        isLeaf = True

        def render_GET(self, request):  # type: ignore[no-untyped-def]
            if request.setLastModified(self.getModificationTime()) is http.CACHED:
                return b""  # If-Modified-Since matched: 304
            host = request.getHeader("host")
            request.setHeader(b"content-type", b"application/rss+xml")
            with self.open() as f:
                return f.read().replace(b"{BASE}", f"http://{host}".encode())

    class Counting(resource.Resource):
        isLeaf = False

        def __init__(self, files: static.File) -> None:
            super().__init__()
            self.files = files

        def getChildWithDefault(self, name, request):  # type: ignore[no-untyped-def]
            if name == b"_stats":
                return Stats()
            path = request.path.decode()
            counts["total"] += 1
            kind = ("feeds" if path.startswith("/feeds/") else "articles" if path.startswith("/news/")
                    else "robots" if path == "/robots.txt" else "other")
            counts[kind] += 1
            if kind == "feeds":
                return Feed(str(root / path.lstrip("/")))
            return self.files.getChildWithDefault(name, request)

    class Stats(resource.Resource):
        isLeaf = True

        def render_GET(self, request):  # type: ignore[no-untyped-def]
            body = json.dumps(counts).encode()
            if request.args.get(b"reset"):
                for k in counts:
                    counts[k] = 0
            request.setHeader(b"content-type", b"application/json")
            return body

    site = server.Site(Counting(static.File(str(root))))
    site.noisy = False
    port = reactor.listenTCP(0, site, interface="127.0.0.1")
    port_file.write_text(str(port.getHost().port))
    reactor.run()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    gen = sub.add_parser("generate")
    gen.add_argument("out", type=Path)
    gen.add_argument("--articles", type=int, default=2000)
    gen.add_argument("--feeds", type=int, default=20)
    srv = sub.add_parser("serve")
    srv.add_argument("root", type=Path)
    srv.add_argument("--port-file", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.cmd == "generate":
        m = generate(args.out, articles=args.articles, feeds=args.feeds)
        print(f"{len(m['articles'])} articles ({len(m['relevant'])} relevant) in {len(m['feeds'])} feeds", file=sys.stderr)
    else:
        serve(args.root, args.port_file)


if __name__ == "__main__":
    main()
