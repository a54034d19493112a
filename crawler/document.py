"""Reading a fetched document (HTML page or PDF report) into plain text and metadata. Pure: bytes in, values out.

HTML goes through trafilatura (main text without menus, footers, subscribe boxes and related-story lists;
title, author, date via htmldate) after our own charset handling (`crawler.charset`). PDFs go through
pypdfium2, the fastest and most faithful of the PDF text libraries in py-pdf/benchmarks.
"""
from __future__ import annotations

import logging
import re
import threading
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Literal

from netpolicy.values import one_line, parse_date

from .charset import decode

__all__ = ["Document", "DocumentError", "ReadLimits", "believable_date", "capped", "guess_language", "parse_date",
           "pdf_published", "publication_date", "read_html", "read_pdf", "sniff"]

log = logging.getLogger("crawler")
Kind = Literal["pdf", "html", "text"]
_HTML_HEAD = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                        re.IGNORECASE | re.DOTALL)
_HTML_TAGS = re.compile(rb"<(?:p|div|a|br|span|table|article|section|h[1-6])\b", re.IGNORECASE)
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LATIN = re.compile(r"[A-Za-z]")
_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+\-])?(\d{2})?'?(\d{2})?'?")
_DATE_PARAMS = {"original_date": True, "extensive_search": False, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}

# A date a document carries is a publication date only if it could be one. The floor is 1995: the web had few
# news sites before then and none of this project's sources existed, so an older date is a tool's default
# (1970 and 1980 epochs, 1904 on old Macs) or a typo. More than a day after we read the document is a clock
# or a template, not a date. PRODUCER_DEFAULTS are the instants PDF producers write when they are not told the
# date: ReportLab's "invariant" mode stamps 2000-01-01T00:00:00 (reproducible builds); nobody publishes at
# that instant, so it says nothing about when the report appeared.
EARLIEST_PUBLICATION = datetime(1995, 1, 1, tzinfo=UTC)
FUTURE_SLACK = timedelta(days=1)
PRODUCER_DEFAULTS = frozenset({datetime(2000, 1, 1, tzinfo=UTC)})


class DocumentError(Exception):
    """The bytes are not a readable document (empty, not really a PDF, no text); the message is one line."""


@dataclass(frozen=True, slots=True)
class Document:
    """What the pass archives of a page: its readable text and what is known about it."""

    text: str
    title: str | None = None
    author: str | None = None
    published: datetime | None = None  # aware, UTC
    language: str | None = None
    canonical_url: str | None = None
    other_urls: tuple[str, ...] = ()  # AMP or alternate copies the page itself names
    truncated: str | None = None  # where reading stopped at a limit, e.g. "read 500 of 1,000,000 pages"

    @property
    def reading_text(self) -> str:
        """What the reader reads: the headline, then the text. Headlines carry figures ("Toll reaches 105",
        "9,000+ civilians died") and name speakers; the archive folds a headline and its body into one
        mention, so reading both costs no extra alert."""
        title = (self.title or "").strip()
        if not title or self.text.lstrip().startswith(title):
            return self.text
        return f"{title}\n\n{self.text}"


def sniff(data: bytes, name_or_content_type: str | None) -> Kind:
    """What the bytes are, trusting the bytes over the label: servers mislabel, files get misnamed."""
    head = data[:1024].removeprefix(b"\xef\xbb\xbf")
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf"
    label = (name_or_content_type or "").lower()
    looks_html = bool(_HTML_HEAD.match(head)) or len(_HTML_TAGS.findall(head)) >= 2
    if "pdf" in label:
        return "html" if looks_html else "pdf"  # a login or error page served in place of a report
    if looks_html or "html" in label or label.endswith((".htm", ".html", ".xhtml")):
        return "html"
    return "text"


def read_html(data: bytes, url: str | None, encoding: str | None = None) -> Document:
    """Main text and metadata of a page. `encoding` is the Content-Type header (or a bare charset name)."""
    if not data.strip():
        raise DocumentError("empty page")
    content_type = encoding if encoding is None or "charset" in encoding.lower() else f"text/html; charset={encoding}"
    text, _ = decode(data, content_type)
    from trafilatura.utils import load_html

    tree = load_html(text)
    if tree is None:
        raise DocumentError("not an HTML page")
    links = _page_links(tree, url)
    extracted = _extract(tree, url)
    body = ((extracted.text if extracted is not None else None) or _plain_text(tree)).strip()
    if not body:
        raise DocumentError("no readable text on the page")
    title = (extracted.title if extracted is not None else None) or _title(tree)
    author = extracted.author if extracted is not None else None
    published = believable_date(parse_date(extracted.date)) if extracted is not None and extracted.date else None
    language = _html_language(tree) or guess_language(body)
    return Document(text=body, title=_clean(title), author=_clean(author), published=published, language=language,
                    canonical_url=links.get("canonical"), other_urls=tuple(v for k, v in links.items() if k != "canonical"))


_EXTRACTION = {"include_comments": False, "include_tables": True, "include_images": False, "include_links": False}


def _extract(tree, url: str | None):  # type: ignore[no-untyped-def]
    """trafilatura's reading of the page (its Document), or None.

    bare_extraction catches only TypeError and ValueError, and its metadata pass raises others on odd markup:
    htmldate drops <svg>, <math>, <video> and the like with lxml's drop_tree, which asserts the element has a
    parent, so a page lxml reads as one such bare fragment raised AssertionError. Such a page is read again
    without metadata: it loses its date and author (the title falls back to <title>), not its text."""
    from trafilatura import bare_extraction

    try:
        return bare_extraction(tree, url=url, with_metadata=True, date_extraction_params=_DATE_PARAMS, **_EXTRACTION)
    except Exception as exc:  # noqa: BLE001  (any bug in the metadata pass costs the metadata, not the page)
        log.warning("metadata of %s unreadable (%s: %s); reading its text alone",
                                            url, type(exc).__name__, one_line(exc))
    try:
        return bare_extraction(tree, url=url, with_metadata=False, **_EXTRACTION)
    except Exception:  # noqa: BLE001  (html2txt is the fallback)
        return None


def _plain_text(tree) -> str:  # type: ignore[no-untyped-def]
    """All the page's text (trafilatura's html2txt), for a page whose main text trafilatura cannot find."""
    from trafilatura import html2txt

    try:
        return html2txt(tree) or ""
    except Exception:  # noqa: BLE001  (no text: the caller's DocumentError)
        return ""


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """How much of one document is read: a tiny PDF can claim a million pages (its page tree listing one page
    again and again), and a long report must not hold up the pass. Past a limit, what was read is kept."""

    max_pdf_pages: int = 500
    max_chars: int = 1_000_000
    max_seconds: float = 30.0


# PDFium is not thread-safe (pypdfium2's docs: no two threads may call into it at once). The crawl reads PDFs
# in a pool of worker threads (crawler/reading.py), and two reports read at the same moment crashed the whole
# process ("munmap_chunk(): invalid pointer", SIGABRT). One PDF is read at a time; HTML pages still run beside.
_PDFIUM = threading.Lock()


def read_pdf(data: bytes, limits: ReadLimits = ReadLimits()) -> Document:
    """Text and metadata of a PDF report, page by page, within `limits` (the document says where it was cut)."""
    if not data.strip():
        raise DocumentError("empty file")
    if b"%PDF-" not in data[:1024]:
        raise DocumentError("not a PDF (no %PDF header)")
    import pypdfium2 as pdfium

    with _PDFIUM:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise DocumentError(f"not a readable PDF ({one_line(exc)})") from None
        try:
            pages, cut = _pdf_pages(pdf, limits)
            meta = pdf.get_metadata_dict(skip_empty=True)
        except pdfium.PdfiumError as exc:
            raise DocumentError(f"not a readable PDF ({one_line(exc)})") from None
        finally:
            pdf.close()
    text = "\n\n".join(p.replace("\r\n", "\n").replace("\x00", "").strip() for p in pages).strip()
    if not text:
        raise DocumentError("the PDF has no text layer (scanned images?)")
    return Document(text=text, title=_clean(meta.get("Title")), author=_clean(meta.get("Author")),
                    published=pdf_published(meta.get("CreationDate")), language=guess_language(text), truncated=cut)


def _pdf_pages(pdf, limits: ReadLimits) -> tuple[list[str], str | None]:  # type: ignore[no-untyped-def]
    """Each page's text until a limit is met, and which limit cut the reading (None: read whole).

    The clock is checked between pages: pdfium releases the GIL while it works, so a reading thread never
    stops the crawl, but it cannot be interrupted inside one page."""
    total = len(pdf)
    deadline = time.monotonic() + limits.max_seconds
    pages: list[str] = []
    chars = 0
    for index in range(total):
        if index >= limits.max_pdf_pages:
            return pages, f"read {index:,} of {total:,} pages (max_pdf_pages)"
        if time.monotonic() > deadline:
            return pages, f"read {index:,} of {total:,} pages in {limits.max_seconds:g} s (max_read_time)"
        page = pdf[index]
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
        finally:
            textpage.close()
            page.close()
        pages.append(text)
        chars += len(text)
        if chars >= limits.max_chars and index + 1 < total:
            return pages, f"read {index + 1:,} of {total:,} pages (max_item_chars)"
    return pages, None


def capped(doc: Document, max_chars: int) -> Document:
    """The document with its text cut to `max_chars` characters (at a paragraph or word end), saying so."""
    if len(doc.text) <= max_chars:
        return doc
    cut = doc.text[:max_chars]
    for mark in ("\n\n", "\n", " "):
        end = cut.rfind(mark)
        if end > max_chars * 0.9:
            cut = cut[:end]
            break
    note = f"kept {len(cut):,} of {len(doc.text):,} characters (max_item_chars)"
    return replace(doc, text=cut.rstrip(), truncated=f"{doc.truncated}; {note}" if doc.truncated else note)


def believable_date(value: datetime | None, *, now: datetime | None = None,
                    defaults: frozenset[datetime] = frozenset()) -> datetime | None:
    """`value` if it can be a publication date, else None so the caller falls back to its next evidence
    (the listing or feed's date, HTTP Last-Modified, then when we fetched it): before EARLIEST_PUBLICATION,
    more than FUTURE_SLACK after `now`, or one of `defaults` (a producer's placeholder) is not."""
    if value is None:
        return None
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    if aware < EARLIEST_PUBLICATION or aware > (now or datetime.now(UTC)) + FUTURE_SLACK or aware in defaults:
        return None
    return aware


def guess_language(text: str) -> str | None:
    """When the page does not say: the reader's own guess (script, then function words: en, fr), so a story
    is read in the language the reader would have chosen for it; None for text without letters."""
    from estimates.text import detect_lang

    sample = text[:4000]
    if not _ARABIC.search(sample) and not _LATIN.search(sample):
        return None
    return detect_lang(sample)


def _page_links(tree, url: str | None) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """rel=canonical, og:url and rel=amphtml: other addresses of this same story (a broken one is left out)."""
    from .links import absolute_link

    found: dict[str, str] = {}
    for key, xpath in (("canonical", '//link[@rel="canonical"]/@href'),
                       ("og", '//meta[@property="og:url"]/@content'),
                       ("amp", '//link[@rel="amphtml"]/@href')):
        values = tree.xpath(xpath)
        href = absolute_link(url or "", str(values[0])) if values else None
        if href is not None:
            found[key] = href
    if "canonical" not in found and "og" in found:
        found["canonical"] = found.pop("og")
    return found


def _html_language(tree) -> str | None:  # type: ignore[no-untyped-def]
    values = tree.xpath("/html/@lang | /html/@xml:lang | //meta[@http-equiv='content-language']/@content",
                        namespaces={"xml": "http://www.w3.org/XML/1998/namespace"})
    for value in values:
        code = str(value).strip().split("-")[0].split("_")[0].lower()
        if 2 <= len(code) <= 3 and code.isalpha():
            return code
    return None


def _title(tree) -> str | None:  # type: ignore[no-untyped-def]
    values = tree.xpath("//title/text()")
    return str(values[0]) if values else None


def publication_date(*evidence: datetime | None, headers: tuple[tuple[str, str], ...] = (),
                     now: datetime | None = None) -> datetime | None:
    """The first believable date among `evidence` (the document's own, then the feed's or listing's), then
    the response's Last-Modified header; None leaves the story dated by when it was fetched. Each is checked
    by `believable_date`, since a feed's or a server's date can be a default as much as a PDF's can."""
    last_modified = next((v for k, v in headers if k.lower() == "last-modified"), None)
    for value in (*evidence, parse_date(last_modified)):
        found = believable_date(value, now=now)
        if found is not None:
            return found
    return None


def pdf_published(value: str | None, *, now: datetime | None = None) -> datetime | None:
    """A PDF's CreationDate as its publication date, unless it cannot be one (`believable_date`; the
    producers' placeholder dates included): the demo's report said "2000-01-01" while its listing said 2018."""
    return believable_date(_pdf_date(value), now=now, defaults=PRODUCER_DEFAULTS)


def _pdf_date(value: str | None) -> datetime | None:
    match = _PDF_DATE.match(value or "")
    if not match:
        return None
    year, month, day, hour, minute, second, sign, tzh, tzm = match.groups()
    text = f"{year}-{month or '01'}-{day or '01'}T{hour or '00'}:{minute or '00'}:{second or '00'}"
    if sign in ("+", "-"):
        text += f"{sign}{tzh or '00'}:{tzm or '00'}"
    return parse_date(text)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None

