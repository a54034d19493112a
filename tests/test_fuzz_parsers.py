"""Property-based fuzz of every pure parser (hypothesis).

A crawl reads whatever servers send: truncated feeds, HTML where a sitemap was, character references that
name no character, ports past 65535. Each parser's contract is that such input costs at most that one
page or entry, as the parser's own error (UnreadableIndex, DocumentError, InvalidURL), never an exception
the pass does not expect; and that what it returns keeps the invariants callers rely on (absolute http(s)
links, each keyed by canonical_url or refused with InvalidURL; aware UTC dates).

Runs are deterministic (derandomize, no example database), so CI sees the same inputs on every run; the
@example cases are the crashes found so far, kept as a seed corpus.
"""
from __future__ import annotations

import gzip
import logging
import warnings
import zlib
from collections.abc import Iterator
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, urlsplit

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from crawler.charset import decode
from crawler.discovery import discover_feed
from crawler.document import Document, DocumentError, parse_date, read_html, read_pdf, sniff
from crawler.entries import Entry, UnreadableIndex
from crawler.feeds import parse_feed
from crawler.listing import MAX_LINKS, report_links
from crawler.sitemaps import MAX_UNZIPPED, Sitemap, parse_sitemap
from estimates import extract
from storage.urls import InvalidURL, canonical_url, site_of

# Local to this file (not a registered profile) so other suites keep hypothesis' defaults.
FUZZ = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

BASE = "http://news.example/feed.xml"
PAGE = "http://news.example/reports/"


@pytest.fixture(autouse=True, scope="module")
def _quiet_libraries() -> Iterator[None]:
    """trafilatura, htmldate and dateutil log or warn about every odd page: noise, not failures."""
    logging.disable(logging.CRITICAL)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield
    logging.disable(logging.NOTSET)


# -- strategies ----------------------------------------------------------------------------------------

# Pieces that broke (or could break) a parser: character references naming no character, entities,
# markup where text belongs, URLs with bad ports or brackets. Mixed with arbitrary text.
TRICKY = ["&#xD800;", "&#55296;", "&#xDFFF;", "&#x110000;", "&#99999999999;", "&#0;", "&#x1;", "&amp;", "&nbsp;",
          "&lol;", "&", "<", ">", "]]>", "<![CDATA[x]]>", "<?pi x?>", "<!-- c -->", "<b>x</b>", "\x00", "\ufeff",
          "\u202e", "الموصل", "٢٠١٧", "\ud800"]
TRICKY_URLS = ["http://example.com:99999/story", "http://example.com:abc/", "http://[::1", "http://[::1]:8080/x",
               "http://[zz]/", "//other.example/a", "/relative/b", "?q=1", "#top", "javascript:alert(1)",
               "mailto:a@b.example", "data:text/html,x", "http://example.com/&#xD800;", " http://news.example/ok ",
               "http://news.example/a#frag", "https://www.news.example/a?utm_source=x", "http://ｗｗｗ.news.example/x",
               "http://news.example/amp/amp", "http://news.example/x.amp.amp", "ftp://news.example/f", ""]
DATES = ["Wed, 20 Dec 2017 10:00:00 +0300", "2017-07-01T00:00:00Z", "0001-01-01T00:00:00+05:00",
         "9999-12-31T23:59:59-05:00", "Mon, 01 Jan 0001 00:00:00 +0500", "2017-01-01T00:00:00+99:00",
         "6023753840011204079392682040005M", "not a date", "", "2017", "&#xD800;"]

bits = st.one_of(st.sampled_from(TRICKY), st.text(max_size=12))
xml_text = st.lists(bits, max_size=5).map("".join)
url_text = st.one_of(st.sampled_from(TRICKY_URLS), st.text(max_size=20),
                     st.builds(lambda a, b: a + b, st.sampled_from(TRICKY_URLS), st.sampled_from(TRICKY)))
date_text = st.one_of(st.sampled_from(DATES), st.text(max_size=20))


def _encode(text: str) -> bytes:
    """Lone surrogates go in as their raw (invalid) UTF-8 bytes, as a broken server would send them."""
    return text.encode("utf-8", "surrogatepass")


@st.composite
def mutated(draw: st.DrawFn, documents: st.SearchStrategy[bytes]) -> bytes:
    """A document as a flaky network or a broken CMS delivers it: cut short, spliced, with bytes lost or
    flipped, or intact."""
    data = draw(documents)
    cut = draw(st.integers(0, len(data)))
    how = draw(st.sampled_from(["intact", "truncate", "splice", "drop", "flip"]))
    if how == "truncate":
        return data[:cut]
    if how == "splice":
        return data[:cut] + draw(st.binary(max_size=16)) + data[cut:]
    if how == "drop":
        return data[:cut] + data[cut + draw(st.integers(1, 16)):]
    if how == "flip" and data:
        flipped = bytearray(data)
        for at in draw(st.lists(st.integers(0, len(data) - 1), max_size=8)):
            flipped[at] = draw(st.integers(0, 255))
        return bytes(flipped)
    return data


PROLOGS = ['<?xml version="1.0"?>', "", '\ufeff<?xml version="1.0"?>', '<?xml version="1.0" encoding="utf-16"?>',
           '<?xml version="1.0" encoding="windows-1256"?>', '<?xml version="1.0" encoding="bogus"?>',
           '<!DOCTYPE rss [<!ENTITY e "x">]>']


@st.composite
def feeds(draw: st.DrawFn) -> bytes:
    """RSS 2.0, Atom or RSS 1.0 with arbitrary titles, links, dates and xml:base put in raw (so often not XML)."""
    kind = draw(st.sampled_from(["rss", "atom", "rdf"]))
    items = draw(st.lists(st.tuples(xml_text, url_text, date_text), max_size=4))
    prolog = draw(st.sampled_from(PROLOGS))
    base = draw(st.one_of(st.just(""), url_text.map(lambda u: f' xml:base="{u}"')))
    if kind == "rss":
        body = "".join(f"<item><title>{t}</title><link>{u}</link><guid>{u}</guid><pubDate>{d}</pubDate></item>"
                       for t, u, d in items)
        text = f'{prolog}<rss version="2.0"{base}><channel><title>x</title>{body}</channel></rss>'
    elif kind == "atom":
        body = "".join(f'<entry><title>{t}</title><link href="{u}"/><id>{u}</id><updated>{d}</updated></entry>'
                       for t, u, d in items)
        text = f'{prolog}<feed xmlns="http://www.w3.org/2005/Atom"{base}><title>x</title>{body}</feed>'
    else:
        body = "".join(f'<item rdf:about="{u}"><title>{t}</title><link>{u}</link><dc:date>{d}</dc:date></item>'
                       for t, u, d in items)
        text = (f'{prolog}<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"{base} '
                'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                f"<channel><title>x</title></channel>{body}</rdf:RDF>")
    return _encode(text)


ROOTS = ["urlset", "sitemapindex", "news:title", "news:urlset", "html", "x:y:z", "rss"]
NAMESPACES = ['xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"',
              'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"', ""]


@st.composite
def sitemaps(draw: st.DrawFn) -> bytes:
    """Sitemaps and news sitemaps with odd roots, prefixes, comments and PIs, sometimes gzipped."""
    root = draw(st.sampled_from(ROOTS))
    ns = " ".join(draw(st.lists(st.sampled_from(NAMESPACES), max_size=2)))
    child = "sitemap" if root == "sitemapindex" else "url"
    urls = draw(st.lists(st.tuples(url_text, xml_text, date_text, st.sampled_from(["", "<?pi?>", "<!-- c -->",
                                                                                     "&e;", "<news:x/>"])),
                         max_size=4))
    body = "".join(f"<{child}>{junk}<loc>{u}</loc><lastmod>{d}</lastmod><news:news><news:publication_date>{d}"
                   f"</news:publication_date><news:title>{t}</news:title></news:news></{child}>"
                   for u, t, d, junk in urls)
    prolog = draw(st.sampled_from([*PROLOGS, '<!DOCTYPE u [<!ENTITY e "x">]>', "<?pi?><!-- c -->"]))
    data = _encode(f"{prolog}<{root} {ns}>{body}</{root}>")
    return gzip.compress(data) if draw(st.booleans()) else data


TAGS = ["div", "p", "a", "main", "article", "nav", "header", "footer", "aside", "form", "body", "html", "head",
        "title", "script", "style", "svg", "math", "table", "td", "base", "link", "meta", "time", "iframe", "template"]


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """Tag soup: links, base hrefs, feed links, metadata and dates in any order, open or closed."""
    piece = st.one_of(
        st.sampled_from(TAGS).map(lambda t: f"<{t}>"),
        st.sampled_from(TAGS).map(lambda t: f"</{t}>"),
        url_text.map(lambda u: f'<a href="{u}">report</a>'),
        url_text.map(lambda u: f'<base href="{u}">'),
        url_text.map(lambda u: f'<link rel="alternate" type="application/rss+xml" href="{u}">'),
        url_text.map(lambda u: f'<link rel="canonical" href="{u}"><meta property="og:url" content="{u}">'),
        date_text.map(lambda d: f'<meta property="article:published_time" content="{d}"><time datetime="{d}">{d}</time>'),
        st.text(max_size=15).map(lambda s: f'<html lang="{s}">'),
        st.sampled_from(["utf-8", "windows-1256", "utf-16", "bogus", "undefined", ""]).map(lambda c: f'<meta charset="{c}">'),
        st.just("<p>More than 9,000 civilians were killed in the battle for Mosul, officials said.</p>"),
        xml_text,
    )
    return "".join(draw(st.lists(piece, max_size=20)))


# A valid URL the way publishers write them: any host form, port, path, query (with tracking) and fragment.
label = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)
hosts = st.one_of(
    st.builds(lambda prefix, labels, tld: prefix + ".".join(labels) + "." + tld,
              st.sampled_from(["", "www.", "m.", "amp.", "mobile.", "www.m.", "WWW."]), st.lists(label, min_size=1, max_size=3),
              st.sampled_from(["com", "org", "example", "xn--mgbaam7a8h"])),
    st.ip_addresses(v=4).map(str),
    st.ip_addresses(v=6).map(lambda ip: f"[{ip}]"),
    st.sampled_from(["الموصل.example", "ｗｗｗ.example.com", "Example.COM."]),
)
segment = st.one_of(st.text(max_size=8).filter(lambda s: not set(s) & set("/?#\\")),
                    st.sampled_from(["amp", "AMP", "x.amp", "y.amp.html", "%61mp", ".", "..", "%2F", "%zz"]))
query_pair = st.tuples(st.one_of(st.sampled_from(["utm_source", "UTM_Medium", "utm_x_y", "id", "lang", "fbclid"]), label),
                       st.text(max_size=6))
valid_urls = st.builds(
    lambda scheme, host, port, path, query, fragment: (
        f"{scheme}://{host}{'' if port is None else f':{port}'}/{'/'.join(path)}"
        + ("?" + "&".join(f"{k}={v}" for k, v in query) if query else "") + (f"#{fragment}" if fragment else "")),
    st.sampled_from(["http", "https", "HTTP"]), hosts, st.none() | st.integers(1, 65535),
    st.lists(segment, max_size=4), st.lists(query_pair, max_size=3), st.text(max_size=6))


def _assert_entry_url(url: str) -> None:
    """What a feed or sitemap entry's link promises the pass: absolute http(s), and either keyed by
    canonical_url or refused with InvalidURL, which the pass skips and counts as a bad link."""
    assert url.startswith(("http://", "https://")), url
    try:
        canonical_url(url)
    except InvalidURL:
        pass


def _assert_page_link(url: str) -> None:
    """A link read off a page is dropped when broken, so what is left always has a key (the recorder keys a
    page's canonical and AMP links without expecting InvalidURL)."""
    assert url.startswith(("http://", "https://")), url
    assert isinstance(canonical_url(url), str)


def _assert_utc(value: datetime | None) -> None:
    assert value is None or value.utcoffset() == timedelta(0)


def _assert_one_line(exc: Exception) -> None:
    """The errors' documented shape: a one-line reason, shown as is in the pass summary."""
    message = str(exc)
    assert message and "\n" not in message


# -- seed corpus: the crashes found so far -----------------------------------------------------------------

def _feed(kind: str, entries: list[tuple[str, str]]) -> bytes:
    if kind == "rss":
        body = "".join(f"<item><title>{t}</title><link>{u}</link></item>" for t, u in entries)
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>{body}</channel></rss>'.encode()
    body = "".join(f'<entry><title>{t}</title><link href="{u}"/><id>{u}</id></entry>' for t, u in entries)
    return f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>{body}</feed>'.encode()


def _urlset(urls: list[str], ns: str = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"') -> bytes:
    return f"<urlset {ns}>{''.join(f'<url>{u}</url>' for u in urls)}</urlset>".encode()


OK = ("ok", "http://news.example/ok")
SURROGATE_TITLE = [OK, ("bad &#xD800; title", "http://news.example/2"), ("also ok", "http://news.example/3")]
SURROGATE_LINK = [OK, ("bad link", "http://news.example/&#55296;"), ("also ok", "http://news.example/3")]
BAD_PORT = [OK, ("bad port", "http://example.com:99999/story")]
LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
          b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
          b'<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>')
# Zeros compress about 1000:1, so this bomb is 50 kB on the wire and one byte over the limit unzipped.
GZIP_BOMB = gzip.compress(b"<urlset>" + b"\0" * MAX_UNZIPPED, compresslevel=9)
# htmldate (inside trafilatura's metadata pass) drops <svg> with lxml's drop_tree, which asserts the element
# has a parent: a page that lxml reads as a bare <svg> fragment raised AssertionError out of read_html.
SVG_ROOT_PAGE = b"<svg><title>t</title><p>More than 9,000 civilians were killed in Mosul, officials said.</p></svg>"


def _tiny_pdf(text: str) -> bytes:
    """A one-page PDF with a text layer, written out by hand so the seed needs no PDF library."""
    stream = f"BT /F1 12 Tf 50 700 Td ({text}) Tj ET".encode()
    objects = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
               b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>",
               b"<</Length %d>>stream\n" % len(stream) + stream + b"\nendstream",
               b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>"]
    out, offsets = bytearray(b"%PDF-1.7\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


PDF = _tiny_pdf("Mosul civilians")


# -- feeds ---------------------------------------------------------------------------------------------------

@settings(FUZZ, max_examples=600)
@given(data=st.one_of(mutated(feeds()), st.binary(max_size=300)),
       content_type=st.one_of(st.none(), st.sampled_from(["application/rss+xml", "text/xml; charset=utf-16",
                                                           "text/html; charset=bogus"]), st.text(max_size=20)))
@example(data=_feed("rss", SURROGATE_TITLE), content_type=None)
@example(data=_feed("atom", SURROGATE_LINK), content_type=None)
@example(data=_feed("rss", BAD_PORT), content_type="application/rss+xml")
@example(data=_feed("atom", [OK, ("v6", "http://[::1/story")]), content_type=None)
@example(data=_feed("rss", [OK, ("huge", "http://news.example/&#x110000;")]), content_type=None)
@example(data=b'<?xml version="1.0" encoding="\xeb\xb6windows-1256"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>',
         content_type=None)  # feedparser decodes the declared name as UTF-8: UnicodeDecodeError
@example(data=b'<?xml version="1.0" encoding="windows-12\x006"?><rss version="2.0"><channel></|hannel>',
         content_type=None)  # bytes.decode("windows-12\x006"): ValueError, not LookupError
@example(data=LAUGHS + b'<rss version="2.0"><channel><item><title>&lol4;</title><link>/a</link></item></channel></rss>',
         content_type=None)
@example(data=b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="/a"/><updated>0001-01-01T00:00:00+05:00'
              b"</updated></entry></feed>", content_type=None)  # astimezone: OverflowError in the fast reader
def test_parse_feed_returns_usable_entries_or_unreadable_index(data: bytes, content_type: str | None) -> None:
    try:
        entries = parse_feed(data, BASE, content_type)
    except UnreadableIndex as exc:
        _assert_one_line(exc)
        return
    for entry in entries:
        assert isinstance(entry, Entry)
        _assert_entry_url(entry.url)
        _assert_utc(entry.published)


@pytest.mark.parametrize("kind", ["rss", "atom"])
@pytest.mark.parametrize("entries", [SURROGATE_TITLE, SURROGATE_LINK], ids=["title", "link"])
def test_a_surrogate_reference_reads_as_u_fffd_and_no_entry_is_lost(kind: str, entries: list[tuple[str, str]]) -> None:
    """feedparser raised UnicodeEncodeError on `&#xD800;` and the whole feed was lost; now the reference reads
    as U+FFFD and every entry is kept."""
    first, odd, last = parse_feed(_feed(kind, entries), BASE)
    assert (first.url, last.url) == ("http://news.example/ok", "http://news.example/3")
    assert "\ufffd" in f"{odd.title} {odd.url}"


@pytest.mark.parametrize("kind", ["rss", "atom"])
@pytest.mark.parametrize("bad", ["http://example.com:99999/story", "http://[::1/story"])
def test_an_unparsable_link_is_left_for_the_pass_to_skip_and_count(kind: str, bad: str) -> None:
    """Kept, not dropped: the pass reports it as a bad link, where a dropped entry would vanish unexplained."""
    good, odd = parse_feed(_feed(kind, [OK, ("bad", bad)]), BASE)
    assert (good.url, odd.url) == ("http://news.example/ok", bad)
    with pytest.raises(InvalidURL):
        canonical_url(odd.url)


# -- sitemaps --------------------------------------------------------------------------------------------------

@settings(FUZZ, max_examples=600)
@given(data=st.one_of(mutated(sitemaps()), st.binary(max_size=300)))
@example(data=b"<news:title>x</news:title>")
@example(data=b'<?xml version="1.0"?><news:urlset><url><loc>http://news.example/1</loc></url></news:urlset>')
@example(data=b"<?pi x?>")
@example(data=b"<!-- only a comment -->")
@example(data=b'<!DOCTYPE x [<!ENTITY e "<urlset/>">]>&e;')
@example(data=_urlset(["<?pi?><!-- c --><loc>http://news.example/1</loc>", "&e;<loc>/2</loc>"]))
@example(data=_urlset(["<loc>http://news.example/1</loc><news:news><news:title>T</news:title></news:news>"]))
@example(data=_urlset(["<loc>http://news.example/1</loc>", "<loc>http://news.example/&#xD800;</loc>"]))
@example(data=_urlset(["<loc>http://news.example/1</loc><lastmod>0001-01-01T00:00:00+05:00</lastmod>"]))
@example(data=_urlset(["<loc>http://example.com:99999/story</loc>", "<loc>http://[::1/x</loc>"]))
@example(data=LAUGHS + b"<urlset><url><loc>http://news.example/&lol4;</loc></url></urlset>")
@example(data=GZIP_BOMB)
@example(data=_urlset(["<loc>http://news.example/1</loc><news:news><news:title>\x00</news:title></news:news>"],
                      ns='xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'))
@example(data=b"\x1f\x8b\x08\x00garbage")
def test_parse_sitemap_returns_usable_entries_or_unreadable_index(data: bytes) -> None:
    try:
        found = parse_sitemap(data, "http://news.example/sitemap.xml")
    except UnreadableIndex as exc:
        _assert_one_line(exc)
        return
    assert isinstance(found, Sitemap)
    for entry in [*found.entries, *found.children]:
        _assert_entry_url(entry.url)
        _assert_utc(entry.published)


def test_a_prefixed_root_is_not_a_sitemap_rather_than_a_crash() -> None:
    """lxml's QName() rejects a tag like `news:title` (undeclared prefix, kept verbatim in recover mode)."""
    with pytest.raises(UnreadableIndex, match="root element is <news:title>"):
        parse_sitemap(b"<news:title>x</news:title>", "http://news.example/sitemap.xml")


def test_sitemap_surrogates_and_bad_ports_cost_nothing_else() -> None:
    data = _urlset(["<loc>http://news.example/1</loc>", "<loc>http://news.example/&#xD800;</loc>",
                    "<loc>http://example.com:99999/story</loc>",
                    "<loc>http://news.example/3</loc><news:news><news:title>a&#55296;b</news:title></news:news>"],
                   ns='xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                      'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"')
    entries = parse_sitemap(data, "http://news.example/sitemap.xml").entries
    assert [e.url for e in entries] == ["http://news.example/1", "http://news.example/\ufffd",
                                        "http://example.com:99999/story", "http://news.example/3"]
    assert entries[3].title == "a\ufffdb"


def test_a_gzip_bomb_is_refused_unread() -> None:
    with pytest.raises(UnreadableIndex, match="larger than 50 MB"):
        parse_sitemap(GZIP_BOMB, "http://news.example/sitemap.xml.gz")
    assert len(GZIP_BOMB) < 100_000 and len(zlib.decompress(GZIP_BOMB, 16 + zlib.MAX_WBITS)) > MAX_UNZIPPED


# -- listing pages and feed discovery ---------------------------------------------------------------------

@settings(FUZZ, max_examples=500)
@given(html=st.one_of(html_pages(), st.text(max_size=300)), follow=st.sampled_from([None, "a", "main a", ".x"]))
@example(html='<base href="http://[::1"><a href="/report/1">r</a>', follow=None)
@example(html='<main><a href="http://news.example:99999/r">r</a><a href="http://[::1/r">r</a></main>', follow=None)
@example(html="<div>" * 400 + '<a href="/deep">deep</a>' + "</div>" * 400, follow=None)
@example(html="\x00<a href='/r'>", follow="a")
@example(html='<main><a href="/r\ud800">r</a></main>', follow=None)
@example(html="", follow=None)
def test_report_links_are_absolute_same_site_and_unique(html: str, follow: str | None) -> None:
    links = report_links(html, PAGE, follow)
    assert len(links) == len(set(links)) <= MAX_LINKS
    for url in links:
        _assert_page_link(url)
        assert "#" not in url and site_of(url) == site_of(PAGE)


@settings(FUZZ, max_examples=400)
@given(html=st.one_of(html_pages(), st.text(max_size=300)))
@example(html='<link rel="alternate" type="application/rss+xml" href="http://[::1/feed">')
@example(html='<base href="http://[::1"><link rel="alternate" type="application/rss+xml" href="/feed">')
@example(html='<link rel="alternate" type="application/atom+xml" href="http://news.example:99999/feed">')
@example(html='<link rel="alternate" type="application/atom+xml" href="http://[::1]x/feed">')
@example(html='<link rel="canonical" href=""\x1f"><link rel="alternate" type="text/xml" href="/feed">')
@example(html='<a href="/r\ud800">r</a><link rel="alternate" type="text/xml" href="/feed\ud800">')
@example(html="")
def test_discovered_feed_is_an_absolute_url_or_none(html: str) -> None:
    found = discover_feed(html, PAGE)
    if found is not None:
        assert found != PAGE
        _assert_page_link(found)


# -- documents ---------------------------------------------------------------------------------------------------

ENCODINGS = st.one_of(st.none(), st.sampled_from(["utf-8", "windows-1256", "text/html; charset=latin-1",
                                                  "text/html; charset=bogus", "utf-16", "charset="]),
                      st.text(max_size=12))


@settings(FUZZ, max_examples=400)
@given(data=st.one_of(html_pages().map(_encode), st.binary(max_size=300)), encoding=ENCODINGS,
       url=st.sampled_from([None, "http://news.example/2017/07/10/story", "http://[::1"]))
@example(data=SVG_ROOT_PAGE, encoding=None, url="http://news.example/a")
@example(data=b"\x00", encoding="UNDEFINED", url=None)
@example(data=b'<html><head><link rel="canonical" href="http://[::1/x"><meta property="og:url" '
              b'content="http://news.example:99999/"></head><body><p>Mosul</p><p>toll</p></body></html>',
         encoding="utf-8", url="http://news.example/a")
@example(data=b'<html><head><link rel="canonical" href="http://[::1]x/story"><link rel="amphtml" href="/a\xed\xa0\x80">'
              b"</head><body><p>Mosul</p><p>toll</p></body></html>", encoding="utf-8", url="http://news.example/a")
@example(data=b"<html><body>" + b"<div>" * 300 + b"<p>Mosul</p>" + b"</div>" * 300 + b"</body></html>",
         encoding=None, url=None)
@example(data=b'<html><head><meta property="article:published_time" content="0001-01-01T00:00:00+05:00">'
              b"</head><body><p>Mosul civilians</p><p>killed</p></body></html>", encoding=None, url=None)
def test_read_html_returns_a_document_or_document_error(data: bytes, encoding: str | None, url: str | None) -> None:
    try:
        doc = read_html(data, url, encoding)
    except DocumentError as exc:
        _assert_one_line(exc)
        return
    assert isinstance(doc, Document) and doc.text.strip() == doc.text and doc.text
    assert doc.language is None or (doc.language.isalpha() and 2 <= len(doc.language) <= 3)
    _assert_utc(doc.published)
    for other in filter(None, [doc.canonical_url, *doc.other_urls]):
        _assert_page_link(other)


@pytest.mark.parametrize("root", ["svg", "math", "video", "label"])
def test_a_page_htmldate_chokes_on_is_still_read(root: str) -> None:
    """Each of these roots is one htmldate drops with drop_tree: AssertionError, and the page was lost."""
    page = SVG_ROOT_PAGE.replace(b"svg", root.encode())
    doc = read_html(page, "http://news.example/a")
    assert "9,000 civilians were killed" in doc.text and doc.published is None


@settings(FUZZ, max_examples=300)
@given(data=st.one_of(st.binary(max_size=200), st.binary(max_size=200).map(lambda b: b"%PDF-1.7" + b),
                      mutated(st.just(PDF))))
@example(data=b"%PDF-1.7")
@example(data=b"%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj trailer<</Root 1 0 R>>")
@example(data=PDF)
def test_read_pdf_returns_a_document_or_document_error(data: bytes) -> None:
    try:
        doc = read_pdf(data)
    except DocumentError as exc:
        _assert_one_line(exc)
        return
    assert isinstance(doc, Document) and doc.text
    _assert_utc(doc.published)


def test_the_seed_pdf_is_readable() -> None:
    """Keeps the mutation seed above meaningful: intact, it is a PDF with text."""
    assert "Mosul civilians" in read_pdf(PDF).text


@settings(FUZZ, max_examples=500)
@given(data=st.binary(max_size=200), label=st.one_of(st.none(), st.text(max_size=20)))
@example(data=b"\xef\xbb\xbf   %PDF-1.4", label="text/html")
@example(data=b"<html><body>login</body></html>", label="application/pdf")
def test_sniff_names_a_kind_and_trusts_a_pdf_header(data: bytes, label: str | None) -> None:
    kind = sniff(data, label)
    assert kind in ("pdf", "html", "text")
    named = (label or "").lower()
    if data[:1024].removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"%PDF-"):
        assert kind == "pdf"
    elif "html" in named and "pdf" not in named:
        assert kind == "html"


@settings(FUZZ, max_examples=1000)
@given(value=st.one_of(st.none(), date_text, st.text()))
@example(value="0001-01-01T00:00:00+05:00")
@example(value="9999-12-31T23:59:59-05:00")
@example(value="2017-01-01T00:00:00+99:00")
@example(value="6023753840011204079392682040005M")
def test_parse_date_is_aware_utc_or_none(value: str | None) -> None:
    parsed = parse_date(value)
    assert parsed is None or (isinstance(parsed, datetime) and parsed.utcoffset() == timedelta(0))


# -- charsets ------------------------------------------------------------------------------------------------------

@settings(FUZZ, max_examples=600)
@given(data=st.binary(max_size=300), content_type=st.one_of(
    st.none(), st.text(max_size=30), st.sampled_from(["text/html; charset=utf-8", "text/html; charset=x-bogus",
                                                      "text/html; charset=utf-16", "charset=", "; charset=\x00"])))
@example(data=b"\xff\xfe\x00\xd8", content_type=None)
@example(data=b'<meta charset="utf-7">+ZeVnLIqe-', content_type=None)
@example(data=b'<meta charset="bogus-charset">x', content_type="text/html; charset=rot13")
@example(data=b"\x00", content_type="text/html; charset=undefined")  # a codec that raises UnicodeError, not ...DecodeError
def test_decode_always_returns_text_and_a_charset(data: bytes, content_type: str | None) -> None:
    text, charset = decode(data, content_type)
    assert isinstance(text, str) and isinstance(charset, str) and charset


@settings(FUZZ, max_examples=200)
@given(text=st.text(st.characters(exclude_categories=("Cs",), exclude_characters="<\ufeff"), max_size=200))
def test_unlabelled_utf8_decodes_as_utf8(text: str) -> None:
    """Strict UTF-8 is believed before detection: unlabelled Arabic or English UTF-8 comes back unchanged."""
    data = text.encode("utf-8")
    assert decode(data, None) == (data.decode("utf-8"), "utf-8")


# -- URLs ----------------------------------------------------------------------------------------------------------

@settings(FUZZ, max_examples=1000)
@given(url=st.one_of(st.text(max_size=40), url_text, valid_urls))
@example(url="http://[::1")
@example(url="http://example.com:99999/x")
@example(url="http://example.com:abc/")
@example(url="http://[zz]/")
@example(url="http://a.example/\ud800")
@example(url="http://exa\uff03mple.com/")
def test_canonical_url_returns_a_key_or_raises_invalid_url(url: str) -> None:
    try:
        key = canonical_url(url)
    except InvalidURL as exc:
        _assert_one_line(exc)
        return
    assert isinstance(key, str)


@pytest.mark.parametrize("url, problem", [("http://[::1", "host"), ("http://example.com:99999/x", "port"),
                                          ("http://example.com:abc/", "port"), ("http://a.example/\ud800", "character")])
def test_invalid_url_names_the_problem(url: str, problem: str) -> None:
    with pytest.raises(InvalidURL, match=problem):
        canonical_url(url)
    assert issubclass(InvalidURL, ValueError)  # callers that caught ValueError still do


@settings(FUZZ, max_examples=1000)
@given(url=valid_urls)
@example(url="https://www.m.example.com/a")
@example(url="http://ｗｗｗ.example.com/x")
@example(url="http://news.example/x/amp.amp")
@example(url="http://news.example/%61mp")
@example(url="http://[::1]:8080/a?utm_source=x#f")
@example(url="http://news.example/a?%75tm_source=x&id=1")
def test_canonical_url_is_idempotent_and_drops_fragment_and_tracking(url: str) -> None:
    key = canonical_url(url)
    assert canonical_url(key) == key
    parts = urlsplit(key)
    assert "#" not in key and parts.scheme in ("http", "https") and parts.hostname
    assert not [k for k, _ in parse_qsl(parts.query, keep_blank_values=True) if k.lower().startswith("utm_")]


@settings(FUZZ, max_examples=500)
@given(url=st.one_of(st.text(max_size=40), url_text, valid_urls))
@example(url="http://[::1")
@example(url="http://example.com:99999/x")
@example(url="http://www.m.example.com/x")
def test_site_of_never_raises_and_names_the_desktop_host(url: str) -> None:
    site = site_of(url)
    assert isinstance(site, str) and not site.startswith(("www.", "m.", "mobile.", "amp."))


# -- estimates -------------------------------------------------------------------------------------------------------

ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
estimate_text = st.text(st.one_of(st.characters(min_codepoint=0x0621, max_codepoint=0x064A),
                                  st.sampled_from(list("0123456789" + ARABIC_INDIC + " ,.;:!?-–()%٬٫،؟\n"))),
                        max_size=200)
words = st.lists(st.sampled_from(["killed", "wounded", "civilians", "more than", "at least", "between", "and",
                                  "40,000", "9,606", "مقتل", "أكثر من", "آلاف", "٩٦٠٦", "Mosul", "-", "to"]),
                 max_size=25).map(" ".join)


@settings(FUZZ, max_examples=100)
@given(text=st.one_of(estimate_text, words))
@example(text="between 900 and 40 civilians were killed in Mosul")
@example(text="قتل ٩٦٠٦ مدنيين في الموصل")
def test_estimates_never_raise_and_stay_consistent(text: str) -> None:
    for estimate in extract(text):
        if estimate.low is not None and estimate.high is not None:
            assert estimate.low <= estimate.high
        assert estimate.quote.strip()
