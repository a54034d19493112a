"""Feed autodiscovery: the feed an HTML page names in <link rel="alternate">. Pure: HTML text in, URL out.

A `feed` source set to an outlet's section page, or to a feed URL that now redirects to the site, still gets
read: the page's head says where its feed is (the convention every feed reader follows).
"""
from __future__ import annotations

from .links import absolute_link
from .listing import page_selector

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+xml", "application/rdf+xml",
               "application/xml", "text/xml")


def discover_feed(html: str, page_url: str) -> str | None:
    """The absolute URL of the first RSS or Atom feed the page links as an alternate, if any."""
    sel = page_selector(html)
    base_url = absolute_link(page_url, sel.xpath("//base/@href").get()) or page_url  # a broken <base> is ignored
    # the lxml elements, not parsel's .attrib: that copies every attribute, and lxml refuses to read back
    # an attribute name holding a control character, which its HTML parser accepted
    for link in (node.root for node in sel.xpath("//link[@href]")):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in _FEED_TYPES:
            url = absolute_link(base_url, link.get("href"))
            if url is not None and url != page_url:
                return url
    return None
