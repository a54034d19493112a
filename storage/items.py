"""Archiving a story once: canonical URL, versions, exact and near-duplicate folding, estimates and mentions.

Deduplication order (cheapest and surest first):
1. the same canonical URL (or a known alias of it): unchanged, or a new version when the text changed;
2. the same text under another URL (content hash): a duplicate of the first copy;
3. a syndicated copy with other boilerplate and small edits (MinHash LSH bands, then estimated Jaccard):
   a duplicate of the first copy, which then lists it under `also_at`.
"""
from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence

from sqlmodel import Session, col, select

from .base import ArchiveBase, utcnow
from .captures import CaptureFiles, CaptureIn
from .fingerprint import NEAR_DUPLICATE, bands, content_hash, minhash, similarity, to_bytes
from .records import EstimateLike, ItemIn, StoredItem
from .resolution import resolve, statements
from .sameness import stated_date
from .tables import Alert, Capture, Item, ItemBand, ItemUrl, ItemVersion
from .urls import canonical_url

Route = Callable[[EstimateLike], Iterable[str]]  # the alert channels a new estimate goes to
KeyOf = Callable[[EstimateLike], str]  # an estimate's identity (estimates.identity_key)


class ItemsMixin(ArchiveBase):
    captures: CaptureFiles | None = None  # where served bytes are kept, when they are

    def store_item(self, item: ItemIn, found: Sequence[EstimateLike], *, key: KeyOf,
                   route: Route | None = None, capture: CaptureIn | None = None) -> StoredItem:
        """Archive one story and its estimates in one transaction: each figure joins the estimate it restates
        or makes a new one (storage/resolution.py), and alerts for new estimates are written with it.

        `capture` is the response the story was read from: unless the story is unchanged, its bytes are
        written to the captures folder (flushed to disk first, so a committed row never names bytes that
        are not there) and its SHA-256 is recorded on the item."""
        url = canonical_url(item.url)
        aliases = {canonical_url(u) for u in item.other_urls} - {url}
        digest = content_hash(item.text)
        served = capture.payload_digest if capture is not None else None
        with self.writing() as s:
            existing = _by_url(s, [url, *aliases])
            if existing is not None:
                status, version = _revise(s, existing, item, digest, served)
                row = existing
            else:
                row, status = _insert(s, item, url, digest, served)
                version = 1
            _add_aliases(s, row.id, aliases - {row.url})
            if status == "unchanged":
                return StoredItem(item_id=row.id, status=status, original_id=row.duplicate_of or row.id)
            if capture is not None and self.captures is not None:
                self._keep_capture(s, row, version, capture)
            original = row.duplicate_of or row.id
            story = row if row.duplicate_of is None else (s.get(Item, original) or row)
            stated, stated_from = stated_date(story.published, story.fetched)
            pairs = list(zip(found, statements(found, stated, stated_from)))
            new, known, alerts = resolve(s, self.dialect, original, pairs, key, route, queue_alert)
        return StoredItem(item_id=row.id, status=status, original_id=original, new_estimates=tuple(new),
                          known_estimates=tuple(known), alerts=tuple(alerts))


    def _keep_capture(self, s: Session, row: Item, version: int, capture: CaptureIn) -> None:
        assert self.captures is not None and row.id is not None
        ref = self.captures.write(capture)
        s.add(Capture(item_id=row.id, version=version, url=capture.url, captured=capture.captured,
                      origin=capture.origin, file=ref.file, offset=ref.offset, length=ref.length,
                      payload_digest=ref.payload_digest, stored_digest=ref.stored_digest, record_id=ref.record_id))


def _by_url(s: Session, urls: list[str]) -> Item | None:
    row = s.exec(select(Item).where(col(Item.url).in_(urls))).first()
    if row is not None:
        return row
    alias = s.exec(select(ItemUrl).where(col(ItemUrl.url).in_(urls))).first()
    return s.get(Item, alias.item_id) if alias else None


def _revise(s: Session, row: Item, item: ItemIn, digest: str, served: str | None) -> tuple[str, int]:
    """The same URL again: nothing to do, or keep the old text as a version and take the new one. Returns the
    status and the version number the new text got.

    Version numbers count texts in the order they were archived; each version's `fetched` says when it was
    served. An imported capture older than the text held is kept as a version, and the newer text stays."""
    if row.content_hash == digest:
        return "unchanged", row.version
    if item.fetched is not None and item.fetched < row.fetched:
        s.add(ItemVersion(item_id=row.id, version=row.version, title=item.title or row.title, text=item.text,
                          content_hash=digest, fetched=item.fetched, payload_digest=served))
        row.version += 1
        s.add(row)
        s.flush()
        return "version", row.version - 1
    s.add(ItemVersion(item_id=row.id, version=row.version, title=row.title, text=row.text,
                      content_hash=row.content_hash, fetched=row.fetched, payload_digest=row.payload_digest))
    row.title, row.text, row.content_hash = item.title or row.title, item.text, digest
    row.truncated = item.truncated
    row.payload_digest = served
    row.version += 1
    row.fetched = item.fetched or utcnow()
    if item.published:
        row.published = item.published
    s.add(row)
    if row.duplicate_of is None:
        _index_bands(s, row, item.text, replace=True)
    s.flush()
    return "version", row.version


def _insert(s: Session, item: ItemIn, url: str, digest: str, served: str | None) -> tuple[Item, str]:
    original = s.exec(select(Item.id).where(Item.content_hash == digest, col(Item.duplicate_of).is_(None))).first()
    signature = minhash(item.text)
    if original is None and signature is not None:
        original = _near_duplicate(s, signature)
    row = Item(url=url, title=item.title, source=item.source, outlet=item.outlet, author=item.author,
               published=item.published, fetched=item.fetched or utcnow(), language=item.language, truncated=item.truncated,
               text=item.text, content_hash=digest, duplicate_of=original,
               minhash=to_bytes(signature) if signature is not None else None, payload_digest=served)
    s.add(row)
    s.flush()
    if original is None and signature is not None:
        s.add_all(ItemBand(hash=h, item_id=row.id) for h in bands(signature))
    return row, "new" if original is None else "duplicate"


def _near_duplicate(s: Session, signature) -> int | None:  # type: ignore[no-untyped-def]
    """The first copy most like this text, if one is similar enough; LSH bands narrow the candidates."""
    candidates = s.exec(select(ItemBand.item_id).where(col(ItemBand.hash).in_(bands(signature))).distinct()).all()
    if not candidates:
        return None
    mine = to_bytes(signature)
    best, best_sim = None, NEAR_DUPLICATE
    for item_id, stored in s.exec(select(Item.id, Item.minhash).where(col(Item.id).in_(candidates))):
        sim = similarity(mine, stored) if stored else 0.0
        if sim >= best_sim:
            best, best_sim = item_id, sim
    return best


def _index_bands(s: Session, row: Item, text: str, *, replace: bool) -> None:
    if replace:
        for band in s.exec(select(ItemBand).where(ItemBand.item_id == row.id)):
            s.delete(band)
    signature = minhash(text)
    row.minhash = to_bytes(signature) if signature is not None else None
    if signature is not None:
        s.add_all(ItemBand(hash=h, item_id=row.id) for h in bands(signature))


def _add_aliases(s: Session, item_id: int, urls: Iterable[str]) -> None:
    for u in urls:
        if s.get(ItemUrl, u) is None and s.exec(select(Item.id).where(Item.url == u)).first() is None:
            s.add(ItemUrl(url=u, item_id=item_id))


def queue_alert(s: Session, channel: str, event: str, subject: str, **fields: object) -> int:
    """Write one outbox row; its message id is fixed now so every retry carries the same webhook-id."""
    now = utcnow()
    row = Alert(message_id=f"msg_{uuid.uuid4().hex}", channel=channel, event=event, subject=subject, created=now,
                next_attempt=now, **fields)  # type: ignore[arg-type]
    s.add(row)
    s.flush()
    assert row.id is not None
    return row.id
