"""Everything a pass writes to the archive, and the tally it returns.

Relevant stories are archived one transaction each as soon as they are read (with their estimates and the
alerts for new ones); "seen" marks for the many irrelevant pages are batched, because a write transaction per
page would cost more than reading it. Everything is flushed when each source finishes and when the pass ends.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from netpolicy.retry_after import DEFAULT_CAP
from storage import Archive, ItemIn, SeenInfo, StoredItem
from storage import SeenMark
from storage.captures import CaptureIn
from storage.urls import canonical_url, site_of

from .backoff import backoff_until
from .document import Document, publication_date
from .entries import Entry
from .failures import one_line
from .runs import SourceRun
from .spec import Watch
from .summary import PassSummary, count_stored

log = logging.getLogger("crawler")
Extract = Callable[..., Sequence[Any]]  # estimates.extract
KeyOf = Callable[[Any], str]  # estimates.identity_key
FLUSH_EVERY = 500


class Recorder:
    def __init__(self, archive: Archive, *, watch: Watch, extract: Extract, key: KeyOf,
                 route: Callable | None = None, retry_after_cap: float = DEFAULT_CAP) -> None:
        self.archive = archive
        self.retry_after_cap = retry_after_cap  # Politeness.max_retry_after: the longest back-off a server may ask
        self.watch = watch
        self.extract = extract
        self.key = key
        self.route = route
        self.summary = PassSummary()
        self._marks: list[SeenMark] = []

    # -- before fetching

    def seen(self, urls: Iterable[str]) -> dict[str, SeenInfo]:
        return self.archive.seen(urls)

    # -- after fetching

    def mark_seen(self, url: str, *, source: str, updated: str | None, relevant: bool = False) -> None:
        self._marks.append(SeenMark(url=url, source=source, updated=updated, relevant=relevant))
        if len(self._marks) >= FLUSH_EVERY:
            self.flush()

    def store(self, run: SourceRun, *, url: str, doc: Document, entry: Entry | None, aliases: Iterable[str],
              found: Sequence[Any] | None = None, capture: CaptureIn | None = None) -> StoredItem | None:
        """Archive one relevant story with its estimates (read here unless the reading thread brought them);
        a failure costs only this story, and is named in its source's health."""
        title = doc.title or (entry.title if entry else None)
        published = publication_date(doc.published, entry.published if entry else None,
                                     headers=capture.headers if capture is not None else ())
        item = ItemIn(url=url, text=doc.text, source=run.name, title=title, outlet=site_of(url), author=doc.author,
                      published=published, language=doc.language, truncated=doc.truncated,
                      other_urls=tuple(_aliases(url, [*aliases, doc.canonical_url, *doc.other_urls])))
        try:
            if found is None:
                found = self.estimates(doc)
            stored = self.archive.store_item(item, found, key=self.key, route=self.route, capture=capture)
        except Exception as exc:  # noqa: BLE001  (one bad story must not end the pass)
            log.warning("could not archive %s: %s", url, one_line(exc))
            self.summary.pages_failed += 1
            run.complete = False
            run.skip(f"could not archive: {one_line(exc)}", url[:200])
            return None
        if doc.truncated:
            log.info("archived %s in part: %s", url, doc.truncated)
        self._tally(stored)
        return stored

    def estimates(self, doc: Document) -> Sequence[Any]:
        """The estimates in one document: what the reading thread calls, and the fallback when it did not."""
        return self.extract(doc.reading_text, lang=doc.language, places=self.watch.places)

    def finish(self, run: SourceRun) -> None:
        """Record how the source's poll went: outcome, new validators, or failure with its back-off."""
        if run.finished:
            return
        run.finished = True
        self.flush()
        now = datetime.now(UTC)
        outcome = run.outcome
        names = {"ok": self.summary.sources_ok, "degraded": self.summary.sources_ok,
                 "unchanged": self.summary.sources_unchanged, "failed": self.summary.sources_failed,
                 "aborted": self.summary.sources_aborted}
        names[outcome].append(run.name)
        if outcome == "degraded":  # polled, but some of it was left: still "ok" in the tally, named here
            self.summary.sources_degraded.append(run.name)
            self.summary.warnings[run.name] = run.health() or "degraded"
        elif outcome == "aborted":
            self.summary.errors[run.name] = run.health() or "aborted"
        try:
            if outcome == "failed":
                self.summary.errors[run.name] = run.error or "failed"
                until = backoff_until(run.failures_before + 1, run.spec.every, now, retry_after=run.retry_after,
                                      cap=self.retry_after_cap)
                self.archive.record_poll(run.name, "failed", error=run.error, backoff_until=until, at=now)
                log.warning("source %s failed: %s", run.name, run.error)
            elif outcome == "aborted":
                self.archive.record_poll(run.name, "aborted", error=run.health(), at=now)
                log.warning("source %s: %s", run.name, run.health())
            else:
                etag, last_modified = run.validators()
                self.archive.record_poll(run.name, outcome, etag=etag, last_modified=last_modified, at=now,
                                         error=run.health())
                if outcome == "degraded":
                    log.warning("source %s degraded: %s", run.name, run.health())
        except Exception as exc:  # noqa: BLE001
            log.warning("could not record the poll of %s: %s", run.name, one_line(exc))

    def flush(self) -> None:
        if not self._marks:
            return
        marks, self._marks = self._marks, []
        try:
            self.archive.mark_seen_many(marks)
        except Exception as exc:  # noqa: BLE001  (the pages will be fetched again next pass; nothing is lost)
            log.warning("could not record %d seen pages: %s", len(marks), one_line(exc))

    def close(self, duration: float) -> PassSummary:
        """Flush, and publish the pass's counters and duration for the metrics endpoint."""
        self.flush()
        self.summary.duration = round(duration, 3)
        try:
            self.archive.bump(self.summary.counters())
            self.archive.set_fact("last_pass_duration", f"{duration:.3f}")
            self.archive.set_fact("last_pass_finished", datetime.now(UTC).isoformat())
        except Exception as exc:  # noqa: BLE001
            log.warning("could not record the pass counters: %s", one_line(exc))
        return self.summary

    def _tally(self, stored: StoredItem) -> None:
        count_stored(self.summary, stored)


def _aliases(url: str, candidates: Iterable[str | None]) -> list[str]:
    """Other addresses of the story worth deduplicating on. A canonical link to a site's home page (a common
    CMS mistake) would fold every story of the site into one, so root paths are never aliases."""
    own = canonical_url(url)
    out: dict[str, None] = {}
    for candidate in candidates:
        if not candidate or not candidate.startswith(("http://", "https://")):
            continue
        if urlsplit(candidate).path.strip("/") == "" or canonical_url(candidate) == own:
            continue
        out[candidate] = None
    return list(out)
