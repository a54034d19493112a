"""An NGO listing page into the links to its reports. Pure: HTML text in, URLs out.

Without a `follow` selector we take the same-site links in the page's main content: <main>, <article> or
role=main when the page marks one, else <body> without its header, navigation, footer, sidebars and forms,
which link to the rest of the site rather than to reports.
"""
from __future__ import annotations

from urllib.parse import urldefrag, urlsplit

from parsel import Selector

from .links import absolute_link

MAX_LINKS = 300  # a listing page linking to more is a site map, not a list of reports
_CHROME = "header, nav, footer, aside, form, script, style, noscript, [role=navigation], [role=banner], [role=contentinfo]"
_NOT_DOCUMENTS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".ico", ".css", ".js", ".zip", ".rar", ".gz",
                  ".mp3", ".mp4", ".avi", ".mov", ".webm", ".xls", ".xlsx", ".ppt", ".pptx", ".exe", ".dmg")


def report_links(html: str, page_url: str, follow: str | None = None) -> list[str]:
    """Absolute, de-fragmented URLs of the documents the page lists, in page order, each once."""
    sel = page_selector(html)
    base_url = absolute_link(page_url, sel.xpath("//base/@href").get()) or page_url  # a broken <base> is ignored
    hrefs = _followed(sel, follow) if follow else _main_content_links(sel)
    seen: set[str] = set()
    out: list[str] = []
    own = urldefrag(page_url)[0]
    for href in hrefs:
        url = _absolute(base_url, href)
        if url is None or url == own or url in seen or not _same_site(url, page_url):
            continue
        if urlsplit(url).path.lower().endswith(_NOT_DOCUMENTS):
            continue
        seen.add(url)
        out.append(url)
        if len(out) >= MAX_LINKS:
            break
    return out


def page_selector(html: str) -> Selector:
    """The page as parsel's HTML tree, whatever the text.

    type="html": given text that starts with an XML declaration (XHTML), parsel picks its XML parser, where
    the XHTML namespace hides every element from CSS selectors and no link was found."""
    try:
        return Selector(text=html, type="html")
    except UnicodeEncodeError:  # parsel encodes strictly, and a lone surrogate (a broken decode upstream) raised
        return Selector(text=html.encode("utf-8", "replace").decode("utf-8"), type="html")


def is_pdf_link(url: str) -> bool:
    return urlsplit(url).path.lower().endswith(".pdf")


def _followed(sel: Selector, follow: str) -> list[str]:
    hrefs: list[str] = []
    for node in sel.css(follow):
        own = node.xpath("@href").get()
        hrefs.extend([own] if own is not None else node.css("a::attr(href)").getall())
    return hrefs


def _main_content_links(sel: Selector) -> list[str]:
    for main in ("main", "[role=main]", "article"):
        found = sel.css(main)
        if found:
            return [h for node in found for h in _links_outside_chrome(node)]
    body = sel.css("body")
    return _links_outside_chrome(body[0] if body else sel)


def _links_outside_chrome(node: Selector) -> list[str]:
    chrome = {el.root for el in node.css(_CHROME)}  # the elements themselves: lxml proxies live while referenced
    hrefs = []
    for a in node.css("a[href]"):
        if not any(anc in chrome for anc in a.root.iterancestors()):
            hrefs.append(a.root.get("href"))
    return hrefs


def _absolute(base: str, href: str | None) -> str | None:
    if not href:
        return None
    href = href.strip()
    if href.startswith(("#", "mailto:", "javascript:", "tel:", "data:")):
        return None
    url = absolute_link(base, href)
    return urldefrag(url)[0] if url is not None else None


def _same_site(url: str, page_url: str) -> bool:
    return _host(url) == _host(page_url)


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host
