"""`casualty-watch extract`: read casualty estimates out of a file, stdin, or a JSON-lines batch."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..output import print_json

MAX_INPUT = 50 * 1024 * 1024


def extract(path: Annotated[str, typer.Argument(metavar="PATH", help="A text, HTML or PDF file, or - for stdin.")],
            jsonl: Annotated[bool, typer.Option("--jsonl", help='Each line {"id", "text"} in, {"id", "estimates"} out.')] = False,
            ) -> None:
    """Print the casualty estimates found in a document as a JSON array."""
    from estimates import extract as read_estimates

    data = _read(path)
    if jsonl:
        _extract_lines(data, read_estimates)
        return
    text, lang = document_text(data, path)
    print_json([e.to_dict() for e in read_estimates(text, lang=lang)])


def _extract_lines(data: bytes, read_estimates) -> None:  # type: ignore[no-untyped-def]
    for number, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = record["text"]
        except (json.JSONDecodeError, KeyError, TypeError):
            raise typer.BadParameter(f"line {number} is not a JSON object with a text", param_hint="PATH") from None
        found = [e.to_dict() for e in read_estimates(str(text), lang=record.get("lang"))]
        sys.stdout.write(json.dumps({"id": record.get("id"), "estimates": found}, ensure_ascii=False) + "\n")


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read(MAX_INPUT + 1)[:MAX_INPUT]
    p = Path(path)
    try:
        if p.stat().st_size > MAX_INPUT:
            raise typer.BadParameter(f"{path} is larger than {MAX_INPUT // 2**20} MB", param_hint="PATH")
        return p.read_bytes()
    except OSError as exc:
        raise typer.BadParameter(f"cannot read {path}: {exc.strerror}", param_hint="PATH") from None


def document_text(data: bytes, name: str) -> tuple[str, str | None]:
    """The readable text of a file: PDF and HTML through the crawler's readers, anything else as text."""
    from crawler.document import DocumentError, read_html, read_pdf, sniff

    kind = sniff(data, name)
    try:
        if kind == "pdf":
            doc = read_pdf(data)
        elif kind == "html":
            doc = read_html(data, url=None)
        else:
            return data.decode("utf-8", errors="replace"), None
    except DocumentError as exc:
        raise typer.BadParameter(f"cannot read {name}: {exc}", param_hint="PATH") from None
    if doc.truncated:
        typer.echo(f"note: {name} was read in part: {doc.truncated}", err=True)
    return doc.text, doc.language


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
