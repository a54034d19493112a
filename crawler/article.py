"""One fetched article page: relevant (with its document), irrelevant, or unreadable. Pure: bytes in.

The raw-bytes check comes first so an irrelevant HTML page never reaches charset detection or trafilatura.
PDFs are compressed inside, so they are read first and judged on their text.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .charset import decode
from .document import Document, DocumentError, ReadLimits, capped, guess_language, read_html, read_pdf, sniff
from .failures import one_line
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
    failed: bool = False  # a reader raised: a fault on our side or theirs, reported in the source's health


def read_article(body: bytes, url: str, content_type: str | None, relevance: Relevance,
                 limits: ReadLimits = ReadLimits()) -> Reading:
    """The whole judgement of one page: `screen` then, if that does not settle it, `read_screened`."""
    return screen(body, url, content_type, relevance) or read_screened(body, url, content_type, relevance, limits)


def screen(body: bytes, url: str, content_type: str | None, relevance: Relevance) -> Reading | None:
    """The cheap checks on the raw bytes, made where the page arrived: a Reading when they settle it (empty,
    not a document, certainly irrelevant), None when the page must be read."""
    if not body.strip():
        return Reading("unreadable", reason="empty page", transient=True)
    kind = sniff(body, content_type or url)
    label = (content_type or "").split(";")[0].strip().lower()
    binary = b"\x00" in body[:1024]
    if kind != "pdf" and (binary or (kind != "html" and label.startswith(_NOT_DOCUMENTS))):
        return Reading("unreadable", reason=f"not an HTML page or PDF ({label or 'binary data'})")
    if kind != "pdf" and not relevance.might_matter(body):
        return Reading("irrelevant")
    return None


def read_screened(body: bytes, url: str, content_type: str | None, relevance: Relevance,
                  limits: ReadLimits = ReadLimits()) -> Reading:
    """Read a page `screen` passed and judge it on its text: the costly part, safe to run in a worker thread.

    Crawled bytes are untrusted and the readers are other people's code: any exception they raise costs this
    page only, as an unreadable reading naming it (the source reports it in its health)."""
    kind = sniff(body, content_type or url)
    try:
        doc = capped(_read(kind, body, url, content_type, limits), limits.max_chars)
    except DocumentError as exc:
        return Reading("unreadable", reason=str(exc))
    except Exception as exc:  # noqa: BLE001
        return Reading("unreadable", reason=f"could not read the {kind}: {one_line(exc)}", failed=True)
    if not relevance.matters(doc.title, doc.text):
        return Reading("irrelevant", document=doc)
    return Reading("relevant", document=doc)


def _read(kind: str, body: bytes, url: str, content_type: str | None, limits: ReadLimits) -> Document:
    if kind == "pdf":
        return read_pdf(body, limits)
    if kind == "html":
        return read_html(body, url, content_type)
    text = decode(body, content_type)[0].strip()
    if not text:
        raise DocumentError("no readable text")
    return Document(text=text, language=guess_language(text))
