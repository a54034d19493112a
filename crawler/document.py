"""Reading a fetched document (HTML page or PDF report) into plain text and metadata. Pure: bytes in, values out.

HTML goes through trafilatura (main text without menus, footers, subscribe boxes and related-story lists;
title, author, date via htmldate) after our own charset handling (`crawler.charset`). PDFs go through
pypdfium2, the fastest and most faithful of the PDF text libraries in py-pdf/benchmarks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal
from urllib.parse import urljoin

from dateutil import parser as dateparser

from .charset import decode

Kind = Literal["pdf", "html", "text"]
_HTML_HEAD = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                        re.IGNORECASE | re.DOTALL)
_HTML_TAGS = re.compile(rb"<(?:p|div|a|br|span|table|article|section|h[1-6])\b", re.IGNORECASE)
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LATIN = re.compile(r"[A-Za-z]")
_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+\-])?(\d{2})?'?(\d{2})?'?")
_DATE_PARAMS = {"original_date": True, "extensive_search": False, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}


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
    from trafilatura import bare_extraction, html2txt
    from trafilatura.utils import load_html

    tree = load_html(text)
    if tree is None:
        raise DocumentError("not an HTML page")
    links = _page_links(tree, url)
    extracted = bare_extraction(tree, url=url, with_metadata=True, include_comments=False, include_tables=True,
                                include_images=False, include_links=False, date_extraction_params=_DATE_PARAMS)
    body = (extracted.text if extracted is not None else None) or html2txt(tree) or ""
    body = body.strip()
    if not body:
        raise DocumentError("no readable text on the page")
    title = (extracted.title if extracted is not None else None) or _title(tree)
    author = extracted.author if extracted is not None else None
    published = parse_date(extracted.date) if extracted is not None and extracted.date else None
    language = _html_language(tree) or guess_language(body)
    return Document(text=body, title=_clean(title), author=_clean(author), published=published, language=language,
                    canonical_url=links.get("canonical"), other_urls=tuple(v for k, v in links.items() if k != "canonical"))


def read_pdf(data: bytes) -> Document:
    """Text and metadata of a PDF report, page by page."""
    if not data.strip():
        raise DocumentError("empty file")
    if b"%PDF-" not in data[:1024]:
        raise DocumentError("not a PDF (no %PDF header)")
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise DocumentError(f"not a readable PDF ({_one_line(exc)})") from None
    try:
        pages = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
        meta = pdf.get_metadata_dict(skip_empty=True)
    except pdfium.PdfiumError as exc:
        raise DocumentError(f"not a readable PDF ({_one_line(exc)})") from None
    finally:
        pdf.close()
    text = "\n\n".join(p.replace("\r\n", "\n").replace("\x00", "").strip() for p in pages).strip()
    if not text:
        raise DocumentError("the PDF has no text layer (scanned images?)")
    return Document(text=text, title=_clean(meta.get("Title")), author=_clean(meta.get("Author")),
                    published=_pdf_date(meta.get("CreationDate")), language=guess_language(text))


def parse_date(value: str | None) -> datetime | None:
    """Any date string as an aware UTC datetime (naive ones are taken as UTC), or None."""
    if not value:
        return None
    try:
        parsed = dateparser.parse(value)
    except (ValueError, OverflowError):
        return None
    if parsed is None:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def guess_language(text: str) -> str | None:
    """A cheap script check when the page does not say: Arabic or English are what this watch reads most."""
    sample = text[:4000]
    arabic, latin = len(_ARABIC.findall(sample)), len(_LATIN.findall(sample))
    if arabic > latin:
        return "ar"
    return "en" if latin else None


def _page_links(tree, url: str | None) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """rel=canonical, og:url and rel=amphtml: other addresses of this same story."""
    found: dict[str, str] = {}
    for key, xpath in (("canonical", '//link[@rel="canonical"]/@href'),
                       ("og", '//meta[@property="og:url"]/@content'),
                       ("amp", '//link[@rel="amphtml"]/@href')):
        values = tree.xpath(xpath)
        if values and str(values[0]).strip():
            href = urljoin(url or "", str(values[0]).strip())
            if href.startswith(("http://", "https://")):
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


def _one_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
