"""Hostile and sloppy documents, built in the test (nothing downloaded): the shapes issue 11 measured."""
from __future__ import annotations

import io


def pdf_bomb(levels: int = 6, fanout: int = 10, text: bytes = b"Mosul civilians killed") -> bytes:
    """A ~1.4 KB PDF whose page tree lists one page `fanout` times at each of `levels` levels: it claims
    fanout ** levels pages (a million by default), every one the same page, so a reader that reads every page
    it is told of reads for minutes and keeps megabytes of the same line."""
    objects: dict[int, bytes] = {1: b"<< /Type /Catalog /Pages 2 0 R >>"}
    first, leaf = 2, 2 + levels
    for depth in range(levels):
        number = first + depth
        child = number + 1 if depth < levels - 1 else leaf
        kids = b" ".join([f"{child} 0 R".encode()] * fanout)
        parent = f" /Parent {number - 1} 0 R".encode() if depth else b""
        objects[number] = (b"<< /Type /Pages /Kids [" + kids + b"] /Count "
                           + str(fanout ** (levels - depth)).encode() + parent + b" >>")
    content, font = leaf + 1, leaf + 2
    objects[leaf] = (f"<< /Type /Page /Parent {leaf - 1} 0 R /MediaBox [0 0 612 792] /Contents {content} 0 R "
                     f"/Resources << /Font << /F1 {font} 0 R >> >> >>").encode()
    stream = b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET"
    objects[content] = b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream"
    objects[font] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    return _pdf(objects)


def _pdf(objects: dict[int, bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = out.tell()
        out.write(f"{number} 0 obj\n".encode() + objects[number] + b"\nendobj\n")
    xref = out.tell()
    size = max(objects) + 1
    out.write(f"xref\n0 {size}\n0000000000 65535 f \n".encode())
    for number in range(1, size):
        out.write(f"{offsets[number]:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()
