"""What of a URL may be shown or logged: never its userinfo, never its query's values.

Webhook URLs carry tokens in their query (`?key=...`), SMTP URLs carry passwords in their userinfo, and any
library may log the URL it fetches (httpx's "HTTP Request: POST https://host/hook?key=..." at INFO). Two forms,
one rule (userinfo and query values never appear):

- `redact_url(url)`: for a URL shown as a *name* (alert channel keys, the API's source list):
  `scheme://host[:port]/path`, the whole query and fragment dropped. Kept exactly as it always was, because
  alerts in the archive are keyed by it: a different shape would orphan every queued alert.
- `redact_text(text)`: for free text (log lines): each http(s)/smtp(s) URL in it loses its userinfo, and each
  query (and fragment) parameter keeps its name but not its value: `https://host/hook?key=<redacted>`, so a
  reader still sees which parameters went, and the text around the URL is left as it was.

`RedactingFilter` applies `redact_text` to log records, and `redact_logs()` installs it as part of the log
record factory, so it covers every logger and every handler, including the root handler Scrapy installs when a
crawl starts (scrapy.utils.log.install_scrapy_root_handler replaces the handlers there were).
"""
from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import urlsplit, urlunsplit

REDACTED = "<redacted>"

# A URL in free text runs to the first space, quote or angle bracket (Scrapy writes "<GET https://...>").
_URL = re.compile(r"\b(?:https?|smtps?)://[^\s<>\"'`]+", re.IGNORECASE)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-\[\]]{0,31}")  # a parameter name worth keeping; else it may be a token
_FORMATTER = logging.Formatter()


def redact_url(url: str) -> str:
    """`scheme://host[:port]/path` of `url`: credentials, query and fragment dropped (they often carry tokens)."""
    try:
        parts = urlsplit(url)
        host = _host(parts.hostname or "")
        port = parts.port  # ValueError for a port that is not a number
    except ValueError:
        return REDACTED  # not a URL we can take apart: show nothing of it rather than a secret
    if port:
        host = f"{host}:{port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def redact_text(text: str) -> str:
    """`text` with every http(s)/smtp(s) URL in it redacted (userinfo gone, parameter values replaced)."""
    if "://" not in text:
        return text
    return _URL.sub(lambda m: _redact_in_text(m.group(0)), text)


class RedactingFilter(logging.Filter):
    """Rewrites a record's message with its URLs redacted; never drops a record.

    The message is formatted first (`record.getMessage()`), because the URL is usually an argument
    (`log.info("HTTP Request: %s %s", method, url)`), then kept as `msg` with `args = None` so no handler
    formats the unredacted arguments again. A traceback or stack text is redacted the same way.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        redact_record(record)
        return True


def redact_record(record: logging.LogRecord) -> None:
    """Redact `record` in place; cheap when it holds no '://' (one substring test per text)."""
    _redact_message(record)
    if record.exc_info and not record.exc_text:
        # formatted here, once, as a handler's Formatter would; it then reuses exc_text instead
        record.exc_text = redact_text(_FORMATTER.formatException(record.exc_info))
    elif record.exc_text and "://" in record.exc_text:
        record.exc_text = redact_text(record.exc_text)
    if record.stack_info and "://" in record.stack_info:
        record.stack_info = redact_text(record.stack_info)


def redact_logs() -> None:
    """Redact every log record from now on, whichever logger logs it and whichever handler writes it.

    A filter on handlers would miss those installed later (Scrapy installs its own root handler when a crawl
    starts; a child process starts with none), and a filter on the root logger is not consulted for records
    propagated from other loggers. The record factory is called for every record any logger creates, so the
    redaction is wrapped around it. Idempotent.
    """
    current = logging.getLogRecordFactory()
    if getattr(current, "_redacting", False):
        return

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = current(*args, **kwargs)
        redact_record(record)
        return record

    factory._redacting = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)


def _redact_message(record: logging.LogRecord) -> None:
    if not record.args and isinstance(record.msg, str) and "://" not in record.msg:
        return  # the common case: a plain message with nothing to format and no URL
    try:
        message = record.getMessage()
    except Exception:  # noqa: BLE001 - a bad format string: leave it for the handler, which reports it
        return
    if "://" in message:
        record.msg, record.args = redact_text(message), None


def _redact_in_text(url: str) -> str:
    """One URL found in text: userinfo dropped, query/fragment values replaced; host and path as written."""
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced IPv6 bracket: keep the scheme, hide the rest
        return url.split("://", 1)[0] + "://" + REDACTED
    out = f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}{parts.path}"
    # written out rather than urlunsplit, which drops an empty "?" or "#": then text that follows a URL, such
    # as an already redacted "?<redacted>", would be glued onto its path
    if "?" in url.partition("#")[0]:
        out += "?" + _masked(parts.query)
    if "#" in url:
        out += "#" + _masked(parts.fragment)
    return out


def _masked(params: str) -> str:
    """`a=1&b=2` -> `a=<redacted>&b=<redacted>`; a part without a plausible name is redacted whole.

    An empty value (`key=`) has nothing to hide and stays: that also keeps redacting idempotent, since a URL in
    text ends at "<" and so an already redacted `key=<redacted>` is seen as `key=` followed by text.
    """
    out = []
    for part in params.split("&") if params else ():
        name, equals, value = part.partition("=")
        if not part:
            out.append("")
        elif equals and _NAME.fullmatch(name):
            out.append(f"{name}={REDACTED}" if value else f"{name}=")
        else:
            out.append(REDACTED)
    return "&".join(out)


def _host(hostname: str) -> str:
    """The host as a URL writes it: an IPv6 address goes back in brackets (urlsplit's hostname drops them)."""
    return f"[{hostname}]" if ":" in hostname else hostname
