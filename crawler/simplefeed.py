"""A fast reader for the common case: well-formed RSS 2.0 or Atom 1.0 (see crawler/feeds.py for why).

Returns None, never raises, whenever the feed is anything else (RSS 1.0/0.9x, broken XML, unknown dates,
entries without a usable link), so feedparser reads it instead and the answer is the same either way.
"""
from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

from lxml import etree

from .entries import Entry, iso
from .links import entry_link

ATOM = "{http://www.w3.org/2005/Atom}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True, remove_pis=True,
                          huge_tree=False)


class _NotSimple(Exception):
    pass


def read_simple_feed(data: bytes, url: str) -> list[Entry] | None:
    try:
        root = etree.fromstring(data, parser=_PARSER)
        if root.tag == "rss" and root.get("version", "").startswith("2."):
            channel = root.find("channel")
            if channel is None:
                return None
            return [_rss_item(item, url) for item in channel.iterfind("item")]
        if root.tag == f"{ATOM}feed":
            return [_atom_entry(entry, url) for entry in root.iterfind(f"{ATOM}entry")]
    except (etree.XMLSyntaxError, ValueError, _NotSimple):
        return None
    return None


def _rss_item(item, base: str) -> Entry:  # type: ignore[no-untyped-def]
    guid_el = item.find("guid")
    guid = _text(guid_el)
    link = _text(item.find("link"))
    if not link and guid and guid_el.get("isPermaLink", "true") != "false":
        link = guid
    published = _rfc822(_text(item.find("pubDate")))
    return Entry(url=_absolute(base, link), title=_title(item.find("title")), published=published,
                 updated=iso(published), guid=_id(base, guid))


def _atom_entry(entry, base: str) -> Entry:  # type: ignore[no-untyped-def]
    link = None
    for el in entry.iterfind(f"{ATOM}link"):
        if el.get("rel", "alternate") == "alternate":
            link = el.get("href")
            break
    published = _iso8601(_text(entry.find(f"{ATOM}published")))
    updated = _iso8601(_text(entry.find(f"{ATOM}updated")))
    if entry.find(f"{ATOM}title") is not None and entry.find(f"{ATOM}title").get("type") in ("html", "xhtml"):
        raise _NotSimple  # markup in titles: let feedparser strip it
    return Entry(url=_absolute(base, link), title=_title(entry.find(f"{ATOM}title")),
                 published=published or updated, updated=iso(updated or published),
                 guid=_id(base, _text(entry.find(f"{ATOM}id"))))


def _id(base: str, value: str | None) -> str | None:
    """feedparser resolves a relative guid or id against the feed's address; so do we."""
    return urljoin(base, value) if value and ":" not in value else value


def _absolute(base: str, link: str | None) -> str:
    url = entry_link(base, link)
    if url is None:
        raise _NotSimple  # feedparser reads the feed, and drops this entry
    return url


def _text(el) -> str | None:  # type: ignore[no-untyped-def]
    if el is None or el.text is None:
        return None
    return el.text.strip() or None


def _title(el) -> str | None:  # type: ignore[no-untyped-def]
    if el is None:
        return None
    if len(el):
        raise _NotSimple  # child elements in a title
    text = " ".join((el.text or "").split())
    if "<" in text or "&" in text:
        raise _NotSimple  # escaped markup or entities: feedparser unescapes them
    return text or None


def _rfc822(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = parsedate_to_datetime(value)
        return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    except (TypeError, ValueError, IndexError, OverflowError):  # OverflowError: year 1 east of UTC
        raise _NotSimple from None


def _iso8601(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    except (ValueError, OverflowError):  # OverflowError: year 1 east of UTC, or 9999 west of it
        raise _NotSimple from None
