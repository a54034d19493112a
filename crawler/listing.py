"""An NGO listing page into the links to its reports, and the dates it gives them. Pure: HTML text in, URLs
(and dates) out.

Without a `follow` selector we take the same-site links in the page's main content: <main>, <article> or
role=main when the page marks one, else <body> without its header, navigation, footer, sidebars and forms,
which link to the rest of the site rather than to reports.
"""
from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import urldefrag, urlsplit

from parsel import Selector

from netpolicy.values import parse_date

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


# -- the dates a listing page gives its reports ------------------------------------------------------------------

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec")
_ISO_DAY = re.compile(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b")
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\s+({_MONTHS})\.?\s+((?:19|20)\d{{2}})\b", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTHS})\.?\s+(\d{{1,2}}),?\s+((?:19|20)\d{{2}})\b", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b({_MONTHS})\.?\s+((?:19|20)\d{{2}})\b", re.IGNORECASE)
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_ASIDE = re.compile(r"\(([^()]{0,80})\)")
_ITEM = ("li", "tr", "article", "dd", "dt", "p")  # the element that holds one report's link and its details
_CONTEXT = 400  # characters of that element read for a date


def listed_dates(html: str, page_url: str, follow: str | None = None) -> dict[str, datetime]:
    """The date the listing page gives each report it links to, where it gives one: a report's own bytes
    may not date it (a PDF producer's placeholder, no metadata at all), and the page that lists it often does.

    Read from the link's entry on the page (its list item, table row or paragraph): a <time datetime>, else a
    full date anywhere in it ("2017-07-12", "12 July 2017", "July 12, 2017"), else a month or year in
    parentheses ("(July 2017)", "(PDF, 2018)": the first of that month or year). A month or year outside
    parentheses is left: "between February and June 2017" in a title is when things happened, not when the
    report appeared. The caller still checks each date (crawler.document.publication_date)."""
    sel = page_selector(html)
    base_url = absolute_link(page_url, sel.xpath("//base/@href").get()) or page_url
    anchors = sel.css(follow) if follow else sel.css("a[href]")
    found: dict[str, datetime] = {}
    for node in anchors:
        href = node.xpath("@href").get() or node.css("a::attr(href)").get()
        url = _absolute(base_url, href)
        if url is None or url in found:
            continue
        when = _entry_date(node)
        if when is not None:
            found[url] = when
    return found


def _entry_date(anchor: Selector) -> datetime | None:
    holder = next((el for el in anchor.root.iterancestors() if el.tag in _ITEM), None)
    scope = Selector(root=holder) if holder is not None else anchor
    for value in scope.css("time::attr(datetime)").getall():
        when = parse_date(value)
        if when is not None:
            return when
    text = " ".join(" ".join(scope.css("::text").getall()).split())[:_CONTEXT]
    for pattern, order in ((_ISO_DAY, "ymd"), (_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy")):
        match = pattern.search(text)
        if match:
            when = _date(dict(zip(order, match.groups())))
            if when is not None:
                return when
    for aside in _ASIDE.findall(text):
        match = _MONTH_YEAR.search(aside)
        if match:
            return _date({"m": match.group(1), "y": match.group(2)})
        match = _YEAR.search(aside)
        if match:
            return _date({"y": match.group(1)})
    return None


def _date(parts: dict[str, str]) -> datetime | None:
    month = parts.get("m", "1")
    if not month.isdigit():
        month = str(next(i for i, name in enumerate(_MONTHS.split("|")[:12], 1)
                         if name.startswith(month.lower()[:3])))
    try:
        return datetime(int(parts["y"]), int(month), int(parts.get("d", "1")), tzinfo=UTC)
    except ValueError:
        return None
