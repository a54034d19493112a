"""The pure parts of a pass: feeds, sitemaps, listing pages, relevance, back-off, Retry-After."""
from __future__ import annotations

import gzip
import random
from datetime import UTC, datetime, timedelta

import feedparser
import pytest

from crawler import feeds
from crawler.backoff import backoff_until
from crawler.discovery import discover_feed
from crawler.entries import UnreadableIndex
from crawler.feeds import parse_feed
from crawler.listing import report_links
from crawler.relevance import for_places
from netpolicy.retry_after import parse_retry_after
from crawler.simplefeed import read_simple_feed
from crawler.sitemaps import parse_sitemap
from webfixtures import ARABIC_MOSUL, MOSUL_AP, OTHER_NEWS, article, atom, news_sitemap, rss, sitemap_index

BASE = "http://news.example/feed"


def feedparser_only(data: bytes, url: str) -> list:
    parsed = feedparser.parse(data, response_headers={"content-location": url}, sanitize_html=False,
                              resolve_relative_uris=False)
    return [e for e in (feeds._entry(raw, url) for raw in parsed.entries) if e]


RSS2 = rss([{"link": "http://news.example/a?utm_source=rss", "title": "Mosul  toll", "guid": "g-1",
             "pubDate": "Wed, 20 Dec 2017 10:00:00 +0300"},
            {"link": "/relative/b", "title": "B"}])
ATOM = atom([{"link": "http://news.example/1", "title": "One", "updated": "2017-07-01T00:00:00Z",
              "published": "2017-06-30T10:00:00+03:00"},
             {"link": "/rel", "title": "Two", "updated": "2017-07-02T00:00:00Z"}])


@pytest.mark.parametrize("data", [RSS2, ATOM], ids=["rss2", "atom"])
def test_fast_feed_reader_agrees_with_feedparser(data: bytes) -> None:
    fast = read_simple_feed(data, BASE)
    assert fast is not None and fast == feedparser_only(data, BASE)
    assert parse_feed(data, BASE) == fast


def test_rss2_entries() -> None:
    first, second = parse_feed(RSS2, BASE)
    assert first.url == "http://news.example/a?utm_source=rss" and first.title == "Mosul toll"
    assert first.published == datetime(2017, 12, 20, 7, 0, tzinfo=UTC) and first.updated == "2017-12-20T07:00:00+00:00"
    assert second.url == "http://news.example/relative/b" and second.published is None and second.updated is None


def test_atom_updated_date_is_what_makes_an_entry_new_again() -> None:
    one, two = parse_feed(ATOM, BASE)
    assert one.updated == "2017-07-01T00:00:00+00:00" and one.published == datetime(2017, 6, 30, 7, tzinfo=UTC)
    assert two.url == "http://news.example/rel" and two.published == datetime(2017, 7, 2, tzinfo=UTC)


@pytest.mark.parametrize("data", [
    # RSS 1.0 (RDF)
    b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="x">
    <title>t</title><link>http://n.example/</link></channel><item rdf:about="http://n.example/1">
    <title>One</title><link>http://n.example/1</link><dc:date>2017-07-01T00:00:00Z</dc:date></item></rdf:RDF>""",
    # RSS 0.91
    b"""<?xml version="1.0"?><rss version="0.91"><channel><title>t</title><link>http://n.example/</link>
    <item><title>One</title><link>http://n.example/1</link></item></channel></rss>""",
    # escaped markup in a title, and an undeclared entity: feedparser's job
    b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>One &amp;amp; &nbsp;</title>
    <link>http://n.example/1</link></item></channel></rss>""",
], ids=["rss1.0", "rss0.91", "entities"])
def test_other_dialects_go_to_feedparser(data: bytes) -> None:
    assert read_simple_feed(data, BASE) is None
    [entry] = parse_feed(data, BASE)
    assert entry.url == "http://n.example/1" and entry.title.startswith("One")


def test_truncated_feed_keeps_the_entries_before_the_cut() -> None:
    data = rss([{"link": f"http://n.example/{n}", "title": str(n)} for n in range(3)])[:-75]
    assert [e.url for e in parse_feed(data, BASE)] == ["http://n.example/0", "http://n.example/1"]


@pytest.mark.parametrize("data, reason", [
    (article("News", OTHER_NEWS).encode(), "not a feed: got an HTML page"),
    (b"\x00\x01<<<", "not a readable feed"),
    (b"  ", "empty response"),
    (b'{"items": []}', "not a readable feed"),
])
def test_what_is_not_a_feed_says_why(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableIndex, match=reason):
        parse_feed(data, BASE)


def test_an_empty_feed_is_fine() -> None:
    assert parse_feed(rss([]), BASE) == []


def test_google_news_sitemap_keeps_title_and_date() -> None:
    data = news_sitemap([{"loc": "http://n.example/1", "title": "Mosul toll", "date": "2017-12-20T08:00:00+02:00"}])
    [entry] = parse_sitemap(data, "http://n.example/sitemap.xml").entries
    assert entry.title == "Mosul toll" and entry.published == datetime(2017, 12, 20, 6, tzinfo=UTC)
    assert entry.updated == "2017-12-20T06:00:00+00:00"


def test_sitemap_index_gzip_and_lastmod() -> None:
    index = parse_sitemap(gzip.compress(sitemap_index(["http://n.example/a.xml", "/b.xml"])), "http://n.example/s")
    assert [c.url for c in index.children] == ["http://n.example/a.xml", "http://n.example/b.xml"]
    urlset = (b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://n.example/1</loc>'
              b"<lastmod>2017-07-01</lastmod></url></urlset>")
    [entry] = parse_sitemap(urlset, "http://n.example/s").entries
    assert entry.updated == "2017-07-01T00:00:00+00:00"


def test_sitemap_parser_never_expands_entities() -> None:
    evil = (b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://n.example/&x;</loc></url>'
            b"</urlset>")
    entries = parse_sitemap(evil, "http://n.example/s").entries
    assert all("root:" not in e.url for e in entries)


@pytest.mark.parametrize("data, reason", [
    (b"<html><body>hi</body></html>", "got an HTML page"),
    (b"<?xml version='1.0'?><urlset><url><loc>", "not readable XML"),
    (b"<rss version='2.0'></rss>", "not a sitemap"),
    (b"\x1f\x8b\x08garbage", "broken gzip"),
])
def test_what_is_not_a_sitemap_says_why(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableIndex, match=reason):
        parse_sitemap(data, "http://n.example/s")


def test_listing_links_skip_navigation_other_sites_and_media() -> None:
    html = """<html><body><header><a href="/about">About</a></header><nav><a href="/x">X</a></nav>
    <div><a href="/r/1.pdf">1</a> <a href="r/2#top">2</a> <a href="http://other.example/3">3</a>
    <a href="mailto:a@b">m</a> <a href="/img.png">png</a> <a href="/r/1.pdf">again</a></div>
    <footer><a href="/privacy">Privacy</a></footer></body></html>"""
    assert report_links(html, "http://www.ngo.example/pub/") == ["http://www.ngo.example/r/1.pdf",
                                                                  "http://www.ngo.example/pub/r/2"]
    assert report_links(html, "http://www.ngo.example/pub/", "footer") == ["http://www.ngo.example/privacy"]


def test_listing_prefers_the_main_element() -> None:
    html = '<body><div><a href="/side">s</a></div><main><a href="/report">r</a></main></body>'
    assert report_links(html, "http://n.example/") == ["http://n.example/report"]


XHTML = ('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><head>'
         '<link rel="alternate" type="application/rss+xml" href="/feed"/></head>'
         '<body><main><a href="/r/1">r</a></main></body></html>')


def test_xhtml_pages_are_read_as_html() -> None:
    """parsel reads text starting with an XML declaration as XML, where the XHTML namespace hid every link."""
    assert report_links(XHTML, "http://n.example/list") == ["http://n.example/r/1"]
    assert discover_feed(XHTML, "http://n.example/list") == "http://n.example/feed"


def test_links_no_parser_takes_are_left_out() -> None:
    html = ('<base href="http://[::1"><main><a href="http://n.example:99999/r">r</a><a href="http://[::1/r">r</a>'
            '<a href="/r/2">r</a></main>')
    assert report_links(html, "http://n.example/") == ["http://n.example/r/2"]


@pytest.mark.parametrize("head, found", [
    ('<link rel="alternate" type="application/rss+xml" href="/rss">', "http://n.example/rss"),
    ('<link rel="Alternate Home" type="application/atom+xml; charset=utf-8" href="feeds/all.atom">',
     "http://n.example/news/feeds/all.atom"),
    ('<base href="http://cdn.n.example/"><link rel="alternate" type="application/rss+xml" href="f.xml">',
     "http://cdn.n.example/f.xml"),
    ('<link rel="alternate" hreflang="ar" type="text/html" href="/ar/">'
     '<link rel="stylesheet" type="text/css" href="/s.css">', None),
    ('<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">', None),
    ('<link rel="alternate" type="application/rss+xml" href="">', None),
    ("", None),
])
def test_feed_discovery_reads_the_alternate_link(head: str, found: str | None) -> None:
    assert discover_feed(f"<html><head>{head}</head><body>x</body></html>", "http://n.example/news/") == found


def test_relevance_on_raw_bytes_in_utf8_and_windows_1256() -> None:
    rel = for_places(["Mosul", "الموصل"])
    assert rel.might_matter(article("x", MOSUL_AP).encode())
    assert rel.might_matter(article("x", ARABIC_MOSUL).encode("utf-8"))
    assert rel.might_matter(article("x", ARABIC_MOSUL).encode("cp1256"))
    assert not rel.might_matter(article("x", OTHER_NEWS).encode())
    assert not rel.might_matter(b"<p>Mosul dam repairs finish next year</p>")  # a place, no casualties
    assert not rel.might_matter(b"<p>Three killed in Basra</p>")  # casualties, not a watched place


def test_relevance_sees_arabic_written_as_character_references() -> None:
    """Some CMSs write every Arabic letter as &#NNNN; or &#xHHH;: the byte check must not drop those pages."""
    from crawler.article import read_article

    rel = for_places(["Mosul", "الموصل"])
    page = article("خبر", ARABIC_MOSUL, lang="ar")
    decimal = "".join(c if c.isascii() else f"&#{ord(c)};" for c in page).encode("ascii")
    hexa = "".join(c if c.isascii() else f"&#x{ord(c):X};" for c in page).encode("ascii")
    assert rel.might_matter(decimal) and rel.might_matter(hexa)
    reading = read_article(decimal, "http://n.example/ar/1", "text/html", rel)
    assert reading.verdict == "relevant" and "الموصل" in reading.document.text  # type: ignore[union-attr]
    other = "".join(c if c.isascii() else f"&#{ord(c)};" for c in article("خبر", ["افتتاح معرض الكتاب في بغداد"]))
    assert not rel.might_matter(other.encode("ascii"))  # references, but no watched place
    assert not for_places(["Mosul"]).might_matter(decimal)  # no Arabic place watched: nothing to look for


def test_relevance_on_text_and_arabic_prefixes() -> None:
    rel = for_places(["Mosul", "الموصل"])
    assert rel.matters("MOSUL: civilians killed")
    assert rel.matters(None, "مقتل مدنيين في مدينة للموصل")  # li- + al-Mawsil drops the alif
    assert not rel.matters("Mosul dam", "Repairs will finish next year.")


def test_backoff_doubles_with_jitter_and_respects_retry_after() -> None:
    now = datetime(2017, 7, 1, tzinfo=UTC)
    rng = random.Random(1)
    delays = [(backoff_until(n, 1800, now, rng=rng) - now).total_seconds() for n in (1, 2, 3, 10)]
    assert 1800 * 0.8 <= delays[0] <= 1800 * 1.2 and 3600 * 0.8 <= delays[1] <= 3600 * 1.2
    assert delays[2] > delays[1] and delays[3] <= 86400 * 1.2
    assert len({(backoff_until(2, 1800, now) - now).total_seconds() for _ in range(5)}) > 1  # jitter
    assert backoff_until(1, 60, now, retry_after=7200) - now >= timedelta(seconds=7200)


def test_retry_after_seconds_and_http_date() -> None:
    now = datetime(2017, 7, 1, 12, 0, tzinfo=UTC)
    day = 86400.0
    assert parse_retry_after("120", now, cap=day) == 120
    assert parse_retry_after(b"Sat, 01 Jul 2017 12:01:00 GMT", now, cap=day) == 60
    assert parse_retry_after("Sat, 01 Jul 2017 11:00:00 GMT", now, cap=day) == 0
    assert parse_retry_after("soon", now, cap=day) is None and parse_retry_after(None, now, cap=day) is None
