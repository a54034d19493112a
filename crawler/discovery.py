"""Feed autodiscovery: the feed an HTML page names in <link rel="alternate">. Pure: HTML text in, URL out.

A `feed` source set to an outlet's section page, or to a feed URL that now redirects to the site, still gets
read: the page's head says where its feed is (the convention every feed reader follows).
"""
from __future__ import annotations

from urllib.parse import urljoin

from parsel import Selector

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+xml", "application/rdf+xml",
               "application/xml", "text/xml")


def discover_feed(html: str, page_url: str) -> str | None:
    """The absolute URL of the first RSS or Atom feed the page links as an alternate, if any."""
    sel = Selector(text=html)
    base = sel.xpath("//base/@href").get()
    base_url = urljoin(page_url, base.strip()) if base else page_url
    for link in sel.xpath("//link[@href]"):
        rel = (link.attrib.get("rel") or "").lower().split()
        kind = (link.attrib.get("type") or "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in _FEED_TYPES:
            url = urljoin(base_url, link.attrib["href"].strip())
            if url.startswith(("http://", "https://")) and url != page_url:
                return url
    return None
