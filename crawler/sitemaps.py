"""Sitemaps, sitemap indexes and Google News sitemaps into entries. Pure: bytes in, values out.

Parsed with lxml ourselves because Scrapy's SitemapSpider keeps only the direct children of <url> and so drops
the Google News fields (`news:publication_date`, `news:title`) that tell us a story's date and headline
without fetching it. The parser recovers from broken XML, never resolves entities or touches the network
(no XXE), and accepts gzip bodies that arrive without Content-Encoding.
"""
from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass, field

from lxml import etree

from .charset import replace_impossible_char_refs
from .document import parse_date
from .entries import Entry, UnreadableIndex, iso
from .links import entry_link

MAX_UNZIPPED = 50 * 1024 * 1024  # the sitemap protocol's own limit; more is a zip bomb


@dataclass(frozen=True, slots=True)
class Sitemap:
    """A urlset's entries, or an index's child sitemaps (each with its lastmod)."""

    entries: list[Entry] = field(default_factory=list)
    children: list[Entry] = field(default_factory=list)


def parse_sitemap(data: bytes, url: str) -> Sitemap:
    data = _gunzip(data)
    if not data.strip():
        raise UnreadableIndex("empty response")
    data = replace_impossible_char_refs(data)  # lxml keeps `&#xD800;` as bytes its own .text cannot decode
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, remove_comments=True,
                             remove_pis=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise UnreadableIndex(f"not readable XML: {_first_line(str(exc))}") from None
    if root is None:
        raise UnreadableIndex(_why(data, parser))
    kind = _localname(root)
    if kind in ("urlset", "sitemapindex"):
        found = [e for e in (_url_entry(el, url) for el in root.iterfind("{*}url" if kind == "urlset" else "{*}sitemap")) if e]
        if not found and len(parser.error_log):
            raise UnreadableIndex(_why(data, parser))  # broken before its first entry: nothing to go on
        return Sitemap(entries=found) if kind == "urlset" else Sitemap(children=found)
    if kind.lower() == "html":
        raise UnreadableIndex("not a sitemap: got an HTML page")
    raise UnreadableIndex(f"not a sitemap: root element is <{kind}>")


def _url_entry(el, base: str) -> Entry | None:  # type: ignore[no-untyped-def]
    link = entry_link(base, _text(el, "{*}loc"))
    if link is None:
        return None
    news = el.find("{*}news")
    published = parse_date(_text(news, "{*}publication_date")) if news is not None else None
    title = _text(news, "{*}title") if news is not None else None
    lastmod = parse_date(_text(el, "{*}lastmod"))
    return Entry(url=link, title=title, published=published, updated=iso(lastmod or published))


def _localname(root) -> str:  # type: ignore[no-untyped-def]
    """The root's tag without its namespace. Not etree.QName: in recovery mode lxml keeps a tag whose prefix
    is undeclared as the literal "news:title", which QName() refuses with ValueError."""
    return root.tag.rpartition("}")[2]


def _text(el, path: str) -> str | None:  # type: ignore[no-untyped-def]
    found = el.find(path)
    if found is None or found.text is None:
        return None
    return " ".join(found.text.split()) or None


def _gunzip(data: bytes) -> bytes:
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        out = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, MAX_UNZIPPED + 1)
    except (zlib.error, gzip.BadGzipFile) as exc:
        raise UnreadableIndex(f"broken gzip: {exc}") from None
    if len(out) > MAX_UNZIPPED:
        raise UnreadableIndex("sitemap larger than 50 MB unzipped")
    return out


def _why(data: bytes, parser) -> str:  # type: ignore[no-untyped-def]
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "not a sitemap: got an HTML page"
    errors = list(parser.error_log)
    return f"not readable XML: {_first_line(errors[0].message)}" if errors else "not readable XML"


def _first_line(message: str) -> str:
    """UnreadableIndex messages are one line, and libxml2's end in a newline."""
    return (message.strip().splitlines() or ["no reason given"])[0]
