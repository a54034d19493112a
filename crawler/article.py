"""One fetched article page: relevant (with its document), irrelevant, or unreadable. Pure: bytes in.

The raw-bytes check comes first so an irrelevant HTML page never reaches charset detection or trafilatura.
PDFs are compressed inside, so they are read first and judged on their text.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .charset import decode
from .document import Document, DocumentError, guess_language, read_html, read_pdf, sniff
from .relevance import Relevance

Verdict = Literal["relevant", "irrelevant", "unreadable"]
_NOT_DOCUMENTS = ("image/", "audio/", "video/", "font/", "application/zip", "application/gzip", "application/x-",
                  "application/octet-stream", "application/vnd.", "application/msword", "application/json",
                  "application/javascript", "text/css", "text/javascript")


@dataclass(frozen=True, slots=True)
class Reading:
    verdict: Verdict
    document: Document | None = None
    reason: str | None = None  # why unreadable, one line
    transient: bool = False  # unreadable now, maybe not next time (an empty page mid-publication)


def read_article(body: bytes, url: str, content_type: str | None, relevance: Relevance) -> Reading:
    if not body.strip():
        return Reading("unreadable", reason="empty page", transient=True)
    kind = sniff(body, content_type or url)
    label = (content_type or "").split(";")[0].strip().lower()
    binary = b"\x00" in body[:1024]
    if kind != "pdf" and (binary or (kind != "html" and label.startswith(_NOT_DOCUMENTS))):
        return Reading("unreadable", reason=f"not an HTML page or PDF ({label or 'binary data'})")
    if kind != "pdf" and not relevance.might_matter(body):
        return Reading("irrelevant")
    try:
        doc = _read(kind, body, url, content_type)
    except DocumentError as exc:
        return Reading("unreadable", reason=str(exc))
    if not relevance.matters(doc.title, doc.text):
        return Reading("irrelevant", document=doc)
    return Reading("relevant", document=doc)


def _read(kind: str, body: bytes, url: str, content_type: str | None) -> Document:
    if kind == "pdf":
        return read_pdf(body)
    if kind == "html":
        return read_html(body, url, content_type)
    text = decode(body, content_type)[0].strip()
    if not text:
        raise DocumentError("no readable text")
    return Document(text=text, language=guess_language(text))
