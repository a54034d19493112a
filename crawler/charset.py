"""Turning a page's bytes into text when its declared charset may be missing or wrong.

Servers and CMSs often declare the wrong charset (Arabic sites still serve windows-1256 labelled as UTF-8 or
ISO-8859-1, or label nothing), and a wrong guess turns every name and figure into mojibake, which the
relevance check and the estimates reader then miss. Order of trust: a byte-order mark, the HTTP header, the
page's own <meta charset>, strict UTF-8, then statistical detection (charset-normalizer). A declared charset
is only believed if the bytes decode under it without error and do not look like mojibake.
"""
from __future__ import annotations

import codecs
import re

from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom

# Charsets that accept (almost) any byte sequence, so decoding without error proves nothing.
_PERMISSIVE_NAMES = {codecs.lookup(c).name for c in ("latin_1", "cp1252", "ascii", "iso8859_15")}
_MOJIBAKE_RUN = re.compile(r"[\u0080-\u00ff]{3,}")
_DETECT_BYTES = 64 * 1024  # detection on the head of a page is as good and keeps big pages cheap
_CHAR_REF = re.compile(rb"&#(?:[xX]0*([0-9a-fA-F]+)|0*([0-9]+));")


def decode(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """(text, charset used) for an HTML or text body; never raises, the last resort replaces bad bytes."""
    bom, _ = read_bom(data)
    if bom:
        return _strip_bom(data.decode(bom, errors="replace")), bom
    candidates = [http_content_type_encoding(content_type) if content_type else None,
                  html_body_declared_encoding(data[:4096])]
    for charset in filter(None, candidates):
        text = _strict(data, charset)
        if text is None:
            continue
        if _is_permissive(charset):
            utf8 = _strict(data, "utf-8")
            if utf8 is not None and not data.isascii():
                return utf8, "utf-8"  # UTF-8 bytes rarely decode strictly by accident; the label is stale
            if _looks_like_mojibake(text):
                continue
        return text, _name(charset)
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    guessed = _detect(data)
    if guessed:
        text = _strict(data, guessed)
        if text is not None:
            return text, guessed
        return data.decode(guessed, errors="replace"), guessed
    return data.decode("cp1252", errors="replace"), "cp1252"


def replace_impossible_char_refs(data: bytes) -> bytes:
    """XML bytes with every character reference that names no character (a lone surrogate such as `&#xD800;`,
    or past U+10FFFF) turned into `&#xFFFD;`. feedparser raises on them and loses the whole feed; lxml in
    recovery mode keeps them as bytes that are not UTF-8, and raises when the text is read."""
    if b"&#" not in data:
        return data
    return _CHAR_REF.sub(_replace_impossible, data)


def _replace_impossible(ref: re.Match[bytes]) -> bytes:
    hex_digits, digits = ref[1], ref[2]
    if len(hex_digits or digits) > (6 if hex_digits else 7):
        return b"&#xFFFD;"  # past U+10FFFF, and int() refuses thousands of digits
    code = int(hex_digits, 16) if hex_digits else int(digits)
    return b"&#xFFFD;" if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF else ref[0]


def _strict(data: bytes, charset: str) -> str | None:
    try:
        return data.decode(charset)
    except (UnicodeError, LookupError):  # UnicodeError: codecs like "undefined" refuse any bytes
        return None


def _name(charset: str) -> str:
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return charset


def _is_permissive(charset: str) -> bool:
    return _name(charset) in _PERMISSIVE_NAMES


def _looks_like_mojibake(text: str) -> bool:
    """Arabic (or other non-Latin) bytes read as Latin-1 come out as runs of accented letters and symbols
    ("ÇáãæÕá"); real Latin-script text rarely has three non-ASCII letters in a row."""
    return len(_MOJIBAKE_RUN.findall(text[:20000])) >= 5


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:_DETECT_BYTES]).best()
    return best.encoding if best is not None else None


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text
