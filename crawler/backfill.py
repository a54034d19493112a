"""`backfill`: a source's past, from a web archive's CDX index, taken through the importer.

A source's past is what its index listed then. So by default the CDX server is asked for the captures of the
source's own URL (its feed, sitemap or listing page) month by month; each distinct capture is read with the
crawler's own parsers, and each article it listed is fetched from the replay at the index's capture time
(`REPLAY/TIMESTAMPid_/URL`: the archived bytes without rewriting; the archive answers with the capture
nearest that time), then judged like a record of an imported WARC file. This is what makes a feed on one
host (feeds.bbci.co.uk) reach articles on another (www.bbc.co.uk). With a URL pattern (`--url
apnews.com/article/*`), the CDX listing itself is the list: each HTML or PDF capture answered 200 is taken.

One month is asked at a time, so a long range never needs the server's paging; an interrupted backfill
resumes where it stopped, since each index capture and each article taken is marked in the archive
(`import_mark`, keys `cdx:<source> index <timestamp>` and `cdx:<source> <url>`; pattern mode marks
`cdx:<source> <timestamp> <url>`).

The client is httpx rather than cdx-toolkit. Tried against a local pywb (tests/test_backfill.py), cdx-toolkit
pages forever over a collection with a plain index, raises on an empty answer, fails on redirect captures,
keeps its rate limits in module globals and, for a refused connection, sleeps a minute per try for up to 100
tries; the CDX API itself is one GET per month. Politeness is the archive's: its robots.txt, one request at a
time, `[backfill] delay` between them, Retry-After honoured on 429 and 503.
"""
from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from email.utils import parsedate_to_datetime

import httpx
from protego import Protego

from netpolicy.retry_after import parse_retry_after
from storage import Archive
from storage.captured import Mark
from storage.captures import CaptureSpec

from .charset import decode
from .entries import UnreadableIndex
from .failures import one_line
from .feeds import parse_feed
from .listing import report_links
from .sitemaps import parse_sitemap
from .importer import Importer, ImportSummary
from .spec import Backfill, Politeness, SourceSpec, Watch
from .warcs import Served

log = logging.getLogger("crawler")
DOCUMENT_TYPES = ("text/html", "application/xhtml+xml", "application/pdf", "text/plain")
TRIES = 3
MAX_REDIRECTS = 5
MAX_ARTICLES = 5000  # articles taken from one index capture (a sitemap of a whole site lists far more)
# Headers the Wayback Machine and pywb prefix on the headers the capture was served with
_ORIGINAL = "x-archive-orig-"


class BackfillError(Exception):
    """The web archive cannot be asked at all (unreachable, refusing, robots.txt forbids): one line."""


@dataclass(frozen=True, slots=True)
class Listed:
    """One capture as the CDX index lists it."""

    timestamp: str  # 14 digits, UTC
    url: str
    status: str
    mime: str
    digest: str

    @property
    def key(self) -> str:
        return f"{self.timestamp} {self.url}"

    @property
    def when(self) -> datetime:
        return _when(self.timestamp)


def _when(timestamp: str) -> datetime:
    return datetime.strptime(timestamp[:14].ljust(14, "0"), "%Y%m%d%H%M%S").replace(tzinfo=UTC)


def months(start: str, end: str) -> list[str]:
    """'2016-10', '2017-01' -> ['201610', '201611', '201612', '201701']; ValueError for a bad month."""
    first, last = _month(start), _month(end)
    if last < first:
        raise ValueError(f"--to {end} is before --from {start}")
    out, (y, m) = [], first
    while (y, m) <= last:
        out.append(f"{y:04d}{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _month(text: str) -> tuple[int, int]:
    try:
        parsed = datetime.strptime(text.strip(), "%Y-%m")
    except ValueError:
        raise ValueError(f"not a month: {text!r} (use YYYY-MM, e.g. 2016-10)") from None
    return parsed.year, parsed.month


def parse_cdx(body: str) -> list[Listed]:
    """Both CDX JSON shapes: the Wayback Machine's list of lists (a header row first) and pywb's one object
    per line."""
    text = body.strip()
    if not text:
        return []
    if text.startswith("["):
        rows = json.loads(text)
        if not rows:
            return []
        names = rows[0]
        objects = [dict(zip(names, row)) for row in rows[1:]]
    else:
        objects = [json.loads(line) for line in text.splitlines() if line.strip()]
    out = []
    for o in objects:
        out.append(Listed(timestamp=str(o.get("timestamp", "")), url=o.get("original") or o.get("url") or "",
                          status=str(o.get("statuscode") or o.get("status") or ""),
                          mime=(o.get("mimetype") or o.get("mime") or "").lower(), digest=o.get("digest") or ""))
    return out


def worth_fetching(listed: Sequence[Listed], *, documents: bool = True) -> list[Listed]:
    """Captures answered 200 (documents only, unless an index is wanted: feeds and sitemaps are XML), each
    distinct payload of a URL once (an unchanged page captured every day is one story), oldest first."""
    seen: set[tuple[str, str]] = set()
    out = []
    for c in sorted(listed, key=lambda c: (c.timestamp, c.url)):
        if c.status != "200" or (documents and not c.mime.startswith(DOCUMENT_TYPES)):
            continue
        if not c.timestamp.isdigit() or not c.url:
            continue
        if (c.url, c.digest) in seen and c.digest:
            continue
        seen.add((c.url, c.digest))
        out.append(c)
    return out


@dataclass(frozen=True, slots=True)
class _Answer:
    status: int
    headers: httpx.Headers
    body: bytes


class WebArchive:
    """One web archive's CDX server and replay, asked politely."""

    def __init__(self, settings: Backfill, politeness: Politeness, *, sleep: Callable[[float], None] = time.sleep):
        self.settings = settings
        self.cap = politeness.max_retry_after
        self.max_bytes = politeness.max_pdf_bytes  # an archived body is untrusted: read no more than this
        self._sleep = sleep
        self._last = 0.0
        self._client = httpx.Client(timeout=politeness.timeout, follow_redirects=False,
                                    headers={"User-Agent": politeness.user_agent})
        self._robots: dict[str, Protego | None] = {}

    def close(self) -> None:
        self._client.close()

    def listed(self, pattern: str, month: str) -> list[Listed]:
        response = self._get(self.settings.cdx, params={"url": pattern, "from": month, "to": month,
                                                        "output": "json"})
        if response.status in (400, 404):  # the Wayback Machine's answer for "nothing here"
            return []
        if response.status != 200:
            raise BackfillError(f"the CDX server answered {response.status} for {pattern} in {month}")
        try:
            return parse_cdx(response.body.decode("utf-8"))
        except (ValueError, TypeError, AttributeError) as exc:  # UnicodeDecodeError is a ValueError
            raise BackfillError(f"the CDX server's answer is not CDX JSON: {one_line(exc)}") from None

    def fetch(self, capture: Listed) -> Served:
        """The capture's bytes as archived, with the headers it was served with."""
        return self.nearest(capture.url, capture.timestamp)

    def nearest(self, url: str, timestamp: str) -> Served:
        """The capture of `url` nearest `timestamp`, as archived. The Wayback Machine redirects to it (and
        an archived redirect to where the story moved), pywb answers with it; either way its time is the
        answer's Memento-Datetime and its URL the one in the final replay path."""
        replay = self.settings.replay.rstrip("/")
        target = f"{replay}/{timestamp}id_/{url}"
        for _ in range(MAX_REDIRECTS + 1):
            response = self._get(target)
            location = response.headers.get("Location")
            if response.status not in (301, 302, 303, 307, 308) or not location:
                break
            target = str(httpx.URL(target).join(location))
            if not target.startswith(replay + "/"):
                raise OSError(f"the archive redirected outside its replay ({target[:200]})")
        else:
            raise OSError(f"more than {MAX_REDIRECTS} redirects")
        if response.status != 200:
            raise OSError(f"the archive answered {response.status}")
        original, when = _replayed(target, replay, response.headers.get("Memento-Datetime"))
        return Served(url=original or url, date=when or _when(timestamp), status=200, reason="OK",
                      headers=_served_headers(response.headers), body=response.body, record_id=None, offset=0)

    def _get(self, url: str, params: dict | None = None) -> _Answer:
        """One polite GET, its body read to at most `max_bytes` (more is an OSError naming the limit)."""
        self._allowed(url)
        for attempt in range(TRIES):
            wait = self.settings.delay - (time.monotonic() - self._last)
            if wait > 0:
                self._sleep(wait)
            try:
                response = self._read(url, params)
            except httpx.HTTPError as exc:
                raise BackfillError(f"cannot reach the web archive at {_origin(url)}: {one_line(exc)}") from None
            finally:
                self._last = time.monotonic()
            if response.status not in (429, 502, 503, 504) or attempt == TRIES - 1:
                return response
            asked = parse_retry_after(response.headers.get("Retry-After"), datetime.now(UTC), cap=self.cap)
            self._sleep(asked if asked is not None else 2.0 * 2 ** attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    def _read(self, url: str, params: dict | None) -> _Answer:
        with self._client.stream("GET", url, params=params) as response:
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > self.max_bytes:
                    raise OSError(f"larger than {self.max_bytes:,} bytes ({url.split('?')[0][:200]})")
            return _Answer(response.status_code, response.headers, bytes(body))

    def _allowed(self, url: str) -> None:
        origin = _origin(url)
        if origin not in self._robots:
            try:
                answer = self._read(f"{origin}/robots.txt", None)
                text = answer.body.decode("utf-8", "replace") if answer.status == 200 else None
                self._robots[origin] = Protego.parse(text) if text is not None else None
            except httpx.HTTPError as exc:
                raise BackfillError(f"cannot reach the web archive at {origin}: {one_line(exc)}") from None
            except OSError:  # a robots.txt past the size limit: none we can read
                self._robots[origin] = None
        robots = self._robots[origin]
        agent = str(self._client.headers.get("User-Agent", "*"))
        if robots is not None and not robots.can_fetch(url, agent):
            raise BackfillError(f"the web archive's robots.txt forbids {url.split('?')[0]}")


def backfill(*, database: str, source: SourceSpec, pattern: str | None, start: str, end: str, watch: Watch,
             settings: Backfill, politeness: Politeness = Politeness(), sources: Sequence[SourceSpec] = (),
             route: Callable | None = None, captures: CaptureSpec | None = None,
             progress: Callable[[ImportSummary, str], None] | None = None) -> ImportSummary:
    """Take `source`'s past between two months (YYYY-MM) into the archive: what its index listed then, or
    with `pattern` the captures the CDX server lists for it. Raises ValueError for bad months and
    BackfillError when the web archive cannot be asked; a capture that cannot be fetched is a problem in the
    summary (not marked, so the next backfill tries it again)."""
    wanted = months(start, end)
    started = time.monotonic()
    archive = Archive(database, captures=captures)
    client = WebArchive(settings, politeness)
    try:
        importer = Importer(archive, watch=watch, sources=sources, politeness=politeness, route=route,
                            origin="backfill")
        run = _Run(importer, client, archive, source)
        for month in wanted:
            if pattern:
                run.listed(worth_fetching(client.listed(pattern, month)))
            else:
                run.indexes(worth_fetching(client.listed(source.url, month), documents=False))
            if progress is not None:
                progress(importer.summary, month)
        importer.summary.duration = time.monotonic() - started
        return importer.summary
    finally:
        client.close()
        archive.close()


class _Run:
    """One backfill: the captures and articles taken, each marked as it is."""

    def __init__(self, importer: Importer, client: WebArchive, archive: Archive, source: SourceSpec) -> None:
        self.importer, self.client, self.archive, self.source = importer, client, archive, source

    def listed(self, listed: list[Listed]) -> None:
        for capture in self._unmarked(listed, lambda c: c.key):
            if self._take(capture.url, capture.timestamp):
                self._mark(capture.key)

    def indexes(self, listed: list[Listed]) -> None:
        for capture in self._unmarked(listed, lambda c: f"index {c.timestamp}"):
            try:
                served = self.client.fetch(capture)
                links = article_links(self.source, served)
            except (OSError, UnreadableIndex) as exc:
                self.importer.summary.problems.append(f"index {capture.url} at {capture.timestamp}: {one_line(exc)}")
                continue
            for url in self._unmarked(links[:MAX_ARTICLES], lambda u: u):
                if self._take(url, capture.timestamp):
                    self._mark(url)
            self._mark(f"index {capture.timestamp}")

    def _take(self, url: str, timestamp: str) -> bool:
        try:
            served = self.client.nearest(url, timestamp)
        except OSError as exc:
            self.importer.summary.problems.append(f"{url[:200]} at {timestamp}: {one_line(exc)}")
            return False
        self.importer.take(served, source=self.source.name)
        return True

    def _unmarked(self, things: list, key: Callable) -> Iterator:  # type: ignore[type-arg]
        done = self.archive.marked([self._key(key(t)) for t in things])
        return (t for t in things if self._key(key(t)) not in done)

    def _mark(self, what: str) -> None:
        self.archive.set_import_mark(Mark(self._key(what), records=1, done=True))

    def _key(self, what: str) -> str:
        return f"cdx:{self.source.name} {what}"


def article_links(source: SourceSpec, served: Served) -> list[str]:
    """The articles an archived capture of a source's index listed, read by the crawler's own parsers."""
    if source.kind == "feed":
        entries = parse_feed(served.body, served.url, served.content_type)
        return list(dict.fromkeys(e.url for e in entries))
    if source.kind == "sitemap":
        return list(dict.fromkeys(e.url for e in parse_sitemap(served.body, served.url).entries))
    text = decode(served.body, served.content_type)[0]
    return report_links(text, served.url, source.follow)


def _replayed(final: str, replay: str, memento: str | None) -> tuple[str | None, datetime | None]:
    """The original URL in a replay URL (REPLAY/TIMESTAMPid_/URL), and the capture's time."""
    when = None
    if memento:
        try:
            when = parsedate_to_datetime(memento).astimezone(UTC)
        except (TypeError, ValueError):
            when = None
    path = final[len(replay) + 1:]
    stamp, _, original = path.partition("/")
    if when is None and stamp.removesuffix("id_").isdigit():
        when = _when(stamp.removesuffix("id_"))
    return (original or None), when


def _served_headers(headers: httpx.Headers) -> tuple[tuple[str, str], ...]:
    """The headers the capture was served with: the archive's `X-Archive-Orig-*` copies where it renamed
    them, else what it passed through (pywb and the Wayback Machine add Memento and Link headers of their
    own, which are the archive's, not the capture's)."""
    original = [(k[len(_ORIGINAL):], v) for k, v in headers.multi_items() if k.lower().startswith(_ORIGINAL)]
    renamed = {k.lower() for k, _ in original}
    ours = {"memento-datetime", "link", "content-location", "date", "server", "content-encoding",
            "transfer-encoding", "content-length", "connection"}
    kept = [(k, v) for k, v in headers.multi_items()
            if not k.lower().startswith(_ORIGINAL) and k.lower() not in ours and k.lower() not in renamed]
    return tuple(original + kept)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
