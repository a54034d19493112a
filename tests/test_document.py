"""crawler.document: bytes to text and metadata, for HTML pages in any charset and for PDF reports."""
from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest

from crawler.document import Document, DocumentError, read_html, read_pdf, sniff
from webfixtures import ARABIC_MOSUL, MOSUL_AP, OTHER_NEWS, article


def make_pdf(lines: list[str], *, title: str | None = None, author: str | None = None) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    if title:
        c.setTitle(title)
    if author:
        c.setAuthor(author)
    for page in lines:
        y = 800
        for line in page.split("\n"):
            c.drawString(50, y, line)
            y -= 16
        c.showPage()
    c.save()
    return buf.getvalue()


def test_html_main_text_leaves_out_menus_footers_and_related_stories() -> None:
    page = article("Mosul toll", MOSUL_AP, published="2017-12-20T10:00:00+03:00", author="Jane Reporter",
                   canonical="https://daily.example/world/mosul-toll").encode()
    doc = read_html(page, "https://daily.example/world/mosul-toll?utm_source=rss")
    assert "More than 9,000 civilians were killed" in doc.text
    for boilerplate in ("Subscribe today", "Related stories", "Football", "Copyright", "Privacy", "Sport"):
        assert boilerplate not in doc.text
    assert doc.title == "Mosul toll"
    assert doc.author == "Jane Reporter"
    assert doc.published == datetime(2017, 12, 20, 7, 0, tzinfo=UTC)
    assert doc.language == "en"
    assert doc.canonical_url == "https://daily.example/world/mosul-toll"


@pytest.mark.parametrize("header", [None, "text/html", "text/html; charset=utf-8", "text/html; charset=iso-8859-1",
                                    "windows-1256"])
def test_windows_1256_arabic_decodes_whatever_the_header_says(header: str | None) -> None:
    page = article("الموصل: مقتل مدنيين", ARABIC_MOSUL, lang="ar", charset=None).encode("cp1256")
    doc = read_html(page, "http://example.org/ar/1", header)
    assert "الموصل" in doc.text and "5800 مدني" in doc.text
    assert doc.language == "ar"


def test_meta_charset_is_honoured_when_the_header_says_nothing() -> None:
    page = article("الموصل", ARABIC_MOSUL, lang="ar", charset="windows-1256").encode("cp1256")
    assert "غرب الموصل" in read_html(page, None).text


def test_utf8_page_mislabelled_latin1_is_read_as_utf8() -> None:
    page = article("Mossoul", ["Plus de 9 000 civils tués à Mossoul, selon l'enquête — chiffres vérifiés."] * 3,
                   lang="fr", charset=None).encode("utf-8")
    assert "tués à Mossoul" in read_html(page, None, "text/html; charset=iso-8859-1").text


@pytest.mark.parametrize("body", [b"", b"   \n  "])
def test_an_empty_page_is_a_document_error(body: bytes) -> None:
    with pytest.raises(DocumentError, match="empty"):
        read_html(body, "http://example.org/")


def test_pdf_text_and_metadata() -> None:
    data = make_pdf(["Airwars report on Mosul\nAt least 1,066 civilians were killed by Coalition strikes.",
                     "Page two: methodology and sources."], title="Mosul report", author="Airwars")
    doc = read_pdf(data)
    assert "1,066 civilians were killed" in doc.text and "methodology" in doc.text
    assert doc.title == "Mosul report" and doc.author == "Airwars"
    assert doc.published is not None and doc.published.tzinfo is not None
    assert doc.language == "en"


@pytest.mark.parametrize("data, reason", [
    (b"<html><body>Please log in</body></html>", "not a PDF"),
    (b"%PDF-1.7\n garbage that is not a PDF at all \x00\x01", "not a readable PDF"),
    (b"", "empty"),
])
def test_a_pdf_that_is_not_a_pdf_is_a_document_error(data: bytes, reason: str) -> None:
    with pytest.raises(DocumentError, match=reason):
        read_pdf(data)


@pytest.mark.parametrize("data, label, kind", [
    (b"%PDF-1.4\n...", None, "pdf"),
    (b"%PDF-1.4\n...", "text/html", "pdf"),  # the bytes win over a wrong label
    (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "application/pdf", "html"),  # login page as "PDF"
    (b"\xef\xbb\xbf<html><p>x</p></html>", None, "html"),
    (b"just some words", "text/plain", "text"),
    (b"just some words", "report.pdf", "pdf"),
    (b"<p>a</p><div>b</div>", None, "html"),
    (b"plain", "page.html", "html"),
])
def test_sniff(data: bytes, label: str | None, kind: str) -> None:
    assert sniff(data, label) == kind


def test_irrelevant_page_still_reads() -> None:
    doc = read_html(article("Rates", OTHER_NEWS).encode(), "http://example.org/rates")
    assert isinstance(doc, Document) and "interest rates" in doc.text
