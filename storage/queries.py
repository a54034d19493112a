"""Reading the archive: items, one item in full, estimates and one estimate with its stories."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Connection, Row, and_, func, or_
from sqlmodel import Session, col, select

from .base import ArchiveBase
from .filters import EstimateFilter
from .shapes import estimate_dict, iso, item_columns, item_dict
from .tables import Capture, Correction, Estimate, Item, ItemVersion, Mention


class QueriesMixin(ArchiveBase):
    def items(self, *, since: datetime | None = None, source: str | None = None, limit: int = 50,
              before: int | None = None, before_date: datetime | None = None) -> list[dict]:
        """First copies, newest first by publication date (fetch time for a story without one; the id breaks
        ties), which is what "newest" means to a reader: a report imported today about 2017 is not new.

        The next page starts after the last row's key (`item_key`): `before_date` and `before` (its id). With
        `before` alone, that item's own key is looked up, so an id still works as a cursor; keyset paging on
        the (date, id) pair, not on the id alone, since ids no longer follow the order."""
        sort = item_sort_date()
        # `duplicate_of + 0`: the same test, hidden from ix_item_duplicate_of. Nearly every story is a first
        # copy, so walking ix_item_listing (migration 0008) newest first and skipping copies reads about
        # `limit` rows; SQLite, without statistics, would otherwise fetch every first copy by that index and
        # sort them all (~600 ms at 100,000 stories).
        stmt = select(*item_columns()).where((col(Item.duplicate_of) + 0).is_(None))
        if since is not None:
            stmt = stmt.where(_since(since))
        if source:
            stmt = stmt.where(Item.source == source)
        with self.reading() as s:
            if before is not None:
                if before_date is None:
                    row = s.get(Item, before)
                    before_date = (row.published or row.fetched) if row is not None else None
                stmt = stmt.where(col(Item.id) < before) if before_date is None else \
                    stmt.where(or_(sort < before_date, and_(sort == before_date, col(Item.id) < before)))
            rows = list(s.exec(stmt.order_by(sort.desc(), col(Item.id).desc()).limit(limit)))
            return items_with_copies(s, rows)

    def item_sources(self) -> list[str]:
        """The names items are archived under (configured sources, and "import:HOST" for imported files),
        so `--source` can tell a name that matches nothing from a typo."""
        with self.reading() as s:
            return sorted(n for n in s.exec(select(Item.source).distinct()) if n)

    def item(self, item_id: int) -> dict | None:
        """One item with its text, earlier versions and the estimates it states."""
        with self.reading() as s:
            row = s.get(Item, item_id)
            if row is None:
                return None
            out = items_with_copies(s, [row])[0]
            versions = s.exec(select(ItemVersion).where(ItemVersion.item_id == item_id).order_by(ItemVersion.version))
            out.update(text=row.text, truncated=row.truncated, version=row.version, duplicate_of=row.duplicate_of,
                       outlet=row.outlet, author=row.author,
                       payload_digest=row.payload_digest,
                       versions=[{"version": v.version, "title": v.title, "fetched": iso(v.fetched), "text": v.text,
                                  "payload_digest": v.payload_digest}
                                 for v in versions],
                       captures=[{"version": c.version, "captured": iso(c.captured), "origin": c.origin,
                                  "file": c.file, "offset": c.offset, "length": c.length,
                                  "payload_digest": c.payload_digest, "record_id": c.record_id}
                                 for c in s.exec(select(Capture).where(Capture.item_id == item_id)
                                                 .order_by(col(Capture.id)))],
                       mentions=[{"estimate_id": m.estimate_id, "quote": m.quote, "qualifier": m.qualifier,
                                  "claimant": m.claimant, "seen": iso(m.seen)}
                                 for m in s.exec(select(Mention).where(Mention.item_id == (row.duplicate_of or row.id)))])
            return out

    def estimates(self, *, place: str | None = None, outcome: str | None = None, limit: int | None = None,
                  kind: str | None = None, status: str | None = None, merged: bool = False,
                  where: EstimateFilter | None = None, order: str = "stated") -> list[dict]:
        """Distinct estimates, latest first stated first. `place` matches case-insensitively within the place
        name; ones merged into another are left out unless `merged`. `where` carries every filter the page and
        the API offer (the keyword filters are its older spelling, kept for callers). `order="seen"` puts the
        latest archived first, as a feed of new estimates wants."""
        f = where or EstimateFilter()
        f = EstimateFilter(place=place or f.place, outcome=outcome or f.outcome, kind=kind or f.kind,
                           status=status or f.status, victims=f.victims, claimant=f.claimant, since=f.since,
                           until=f.until)
        stmt = select(Estimate)
        if not merged:
            stmt = stmt.where(col(Estimate.merged_into).is_(None))
        if f.kind == "incident":
            stmt = stmt.where(Estimate.kind == "incident")
        elif f.kind == "toll":
            stmt = stmt.where(or_(col(Estimate.kind).is_(None), Estimate.kind == "toll"))
        if f.status:
            stmt = stmt.where(Estimate.status == f.status)
        if f.place:
            stmt = stmt.where(func.lower(Estimate.place).contains(f.place.lower(), autoescape=True))
        if f.outcome:
            stmt = stmt.where(Estimate.outcome == f.outcome)
        if f.victims:
            stmt = stmt.where(Estimate.victims_group == f.victims)
        if f.claimant:
            words = f.claimant.lower()
            stmt = stmt.where(or_(func.lower(Estimate.claimant).contains(words, autoescape=True),
                                  func.lower(Estimate.claimant_text).contains(words, autoescape=True)))
        stated = func.coalesce(col(Estimate.first_stated), col(Estimate.first_seen))
        if f.since is not None:
            stmt = stmt.where(stated >= f.since)
        if f.until is not None:
            stmt = stmt.where(stated <= f.until)
        newest = col(Estimate.first_seen) if order == "seen" else stated
        stmt = stmt.order_by(newest.desc(), col(Estimate.id).desc())
        if limit:
            stmt = stmt.limit(limit)
        with self.reading() as s:
            return estimates_with_counts(s, list(s.exec(stmt)))

    def estimate(self, estimate_id: int) -> dict | None:
        """One estimate with every story that states it (story, outlet, date, quote)."""
        with self.reading() as s:
            row = s.get(Estimate, estimate_id)
            if row is None:
                return None
            out = estimates_with_counts(s, [row])[0]
            # the stories' columns alone: a whole Item would load its text and hashes for every story
            stmt = (select(Mention, Item.id, Item.url, Item.title, Item.source, Item.outlet, Item.published)
                    .join(Item, col(Item.id) == Mention.item_id)
                    .where(Mention.estimate_id == estimate_id).order_by(col(Mention.stated), col(Mention.id)))
            out["stories"] = [{"mention_id": m.id, "item_id": item_id, "url": url, "title": title,
                               "source": source, "outlet": outlet, "published": iso(published),
                               "stated": iso(m.stated), "seen": iso(m.seen), "quote": m.quote,
                               "claimant": m.claimant, "claimant_text": m.claimant_text, "low": m.low,
                               "high": m.high, "victims": m.victims, "kind": m.kind}
                              for m, item_id, url, title, source, outlet, published in s.exec(stmt)]
            out["corrections"] = [{"action": c.action, "other_id": c.other_id, "mention_id": c.mention_id,
                                   "why": c.why, "by": c.by, "at": iso(c.at)}
                                  for c in s.exec(select(Correction).where(Correction.estimate_id == estimate_id)
                                                  .order_by(col(Correction.id)))]
            return out


def item_sort_date():  # type: ignore[no-untyped-def]
    """What `items` sorts on: the publication date, else the fetch time."""
    return func.coalesce(col(Item.published), col(Item.fetched))


def item_key(row: dict) -> tuple[datetime, int]:
    """A listed item's place in the `items` order, for the cursor of the page after it."""
    from netpolicy.values import parse_date

    when = parse_date(row.get("published") or row["fetched"])
    assert when is not None  # the archive wrote it
    return when, row["id"]


def _since(since: datetime):  # type: ignore[no-untyped-def]
    return or_(col(Item.published) >= since, (col(Item.published).is_(None)) & (col(Item.fetched) >= since))


def items_with_copies(s: Session | Connection, rows: Sequence[Item | Row]) -> list[dict]:
    """Item dicts with `also_at`: the URLs of the copies folded into each (rows are items or rows of
    `item_columns()`; `s` a session or a bare connection)."""
    ids = [r.id for r in rows]
    copies: dict[int, list[str]] = defaultdict(list)
    if ids:
        for dup_of, url in s.execute(select(Item.duplicate_of, Item.url).where(col(Item.duplicate_of).in_(ids))
                                     .order_by(col(Item.id))):
            copies[dup_of].append(url)
    return [item_dict(r, copies[r.id]) for r in rows]


def estimates_with_counts(s: Session, rows: list[Estimate]) -> list[dict]:
    """Estimate dicts with the first story's URL and source and how many stories carry each."""
    ids = [r.id for r in rows]
    counts: dict[int, int] = {}
    firsts: dict[int, tuple[str, str | None]] = {}
    if ids:
        counts = dict(s.exec(select(Mention.estimate_id, func.count(func.distinct(Mention.item_id)))
                             .where(col(Mention.estimate_id).in_(ids)).group_by(Mention.estimate_id)).all())
        first_ids = {r.first_item_id for r in rows if r.first_item_id}
        firsts = {i: (u, src) for i, u, src in s.exec(select(Item.id, Item.url, Item.source)
                                                      .where(col(Item.id).in_(first_ids)))}
    claimants: dict[int, list[str]] = defaultdict(list)
    if ids:
        for est_id, name in s.exec(select(Mention.estimate_id, Mention.claimant)
                                   .where(col(Mention.estimate_id).in_(ids), col(Mention.claimant).is_not(None))
                                   .order_by(col(Mention.stated), col(Mention.id))):
            if name not in claimants[est_id]:
                claimants[est_id].append(name)
    out = []
    for r in rows:
        url, source = firsts.get(r.first_item_id or -1, (None, None))
        named = claimants.get(r.id, [])
        if r.claimant and r.claimant in named:  # the first is `claimant`
            named = [r.claimant, *(n for n in named if n != r.claimant)]
        out.append(estimate_dict(r, url=url, source=source, mentions=counts.get(r.id, 0),
                                 claimants=named or ([r.claimant] if r.claimant else [])))
    return out
