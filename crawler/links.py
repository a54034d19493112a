"""How an href becomes a URL the pass may request. Pure: text in, text or None out.

Two rules, for two kinds of link. An index entry (a feed item, a sitemap <url>) names a story the source
publishes: a broken one is kept as written, so the pass skips it and counts it in the source's health instead
of it vanishing unreported. A link read off a page (listings, feed discovery, canonical and AMP links) is one
of many on it, most of them not stories: a broken one is dropped here.
"""
from __future__ import annotations

from urllib.parse import urljoin

from w3lib.url import safe_url_string


def entry_link(base: str, href: str | None) -> str | None:
    """The absolute http(s) URL an index entry (feed item, sitemap url) links to, or None.

    urljoin raises ValueError on unbalanced IPv6 brackets ("http://[::1/story"); such an absolute link is kept
    as written, like one with an impossible port ("http://example.com:99999/"), so the pass skips and counts
    it as a bad link (canonical_url's InvalidURL) instead of the entry vanishing unreported."""
    if not href:
        return None
    href = href.strip()
    try:
        url = urljoin(base, href)
    except ValueError:
        url = href
    return url if url.startswith(("http://", "https://")) else None


def absolute_link(base: str, href: str | None) -> str | None:
    """href resolved against base, if that is an http(s) URL Scrapy could request; else None.

    For the links a page names (listings, feed discovery, canonical and AMP links), which are dropped when
    broken rather than failing later in the pass: urljoin raises ValueError on unbalanced IPv6 brackets
    ("http://[::1"), and w3lib's safe_url_string, which Scrapy's Request applies too, on an impossible port
    ("http://example.com:99999/"), text after an IPv6 host's bracket or a lone surrogate."""
    if not href:
        return None
    try:
        url = urljoin(base, href.strip())
        safe_url_string(url)
    except ValueError:
        return None
    return url if url.startswith(("http://", "https://")) else None
