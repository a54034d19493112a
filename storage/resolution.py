"""Resolving a story's figures against the archive, and a person's corrections of it.

Every figure a story states becomes a mention. The mention joins the known estimate it restates
(storage/sameness.py), or it starts a new estimate, and only a new estimate queues alerts. An estimate
always shows what its mentions say: the figures of its most informative statement, and the date, claimant
and first story of its earliest. So the same stories in any order give the same estimates. `refresh`
recomputes this after every change, including merges, splits and the resolution of old archives.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import or_, text
from sqlmodel import Session, col, select

from .base import utcnow
from .sameness import (LOOSE_OUTCOMES, informative, joined, may_take_over, place_key, restates, revision_links,
                       rounds_another, same_claimant, within_key)
from .tables import Alert, Correction, Estimate, Mention

Route = Callable[[Any], Iterable[str]]
Queue = Callable[..., int]
RESOLUTION_VERSION = "2"  # meta "resolution": archives resolved under an older rule set are resolved again


@dataclass(frozen=True, slots=True)
class Statement:
    """One figure as one story states it, in plain values (the reader's Estimate plus the story's date)."""

    low: int | None
    high: int | None
    qualifier: str
    outcome: str
    victims: str
    victims_group: str
    place: str | None
    place_id: str | None
    place_key: str
    place_within: str | None  # the places its place lies in ("|geonames:99072|iso:IQ-NI|"), sameness.within_key
    claimant: str | None
    claimant_text: str | None
    claimant_id: str | None
    quote: str
    lang: str | None
    kind: str | None
    period_start: str | None
    period_end: str | None
    stated: datetime
    stated_from: str


def statements(found: Sequence[Any], stated: datetime, stated_from: str) -> list[Statement]:
    """The story's estimates as statements; one with no place takes the story's (its most named place)."""
    named = Counter((e.place, e.place_id, e.area_id, e.area_within) for e in found if e.place)
    story_place = named.most_common(1)[0][0] if named else (None, None, None, ())
    out = []
    for e in found:
        place, pid, area, nests = (e.place, e.place_id, e.area_id, e.area_within) if e.place else story_place
        out.append(Statement(
            low=e.low, high=e.high, qualifier=e.qualifier, outcome=e.outcome, victims=e.victims,
            victims_group=e.group, place=place, place_id=pid, place_key=place_key(place, area or pid),
            place_within=within_key(nests),
            claimant=e.claimant, claimant_text=e.claimant_text, claimant_id=e.claimant_id, quote=e.quote,
            lang=e.lang, kind=e.kind, period_start=e.period_start, period_end=e.period_end, stated=stated,
            stated_from=stated_from))
    return out


def earliest(e: Estimate) -> tuple:
    return (e.first_stated or e.first_seen, e.id)


def candidates(s: Session, outcome: str, key: str, within: str | None, dialect: str) -> list[Estimate]:
    """Estimates of the outcome (or its looser word, sameness.LOOSE_OUTCOMES) at the place, or at a place
    nested in it or it in (merged ones excluded). On PostgreSQL the outermost nest is locked first, so two passes archiving the same claim
    at once (one "in al-Zanjili", one "in Mosul") cannot both make it new."""
    nests = [n for n in (within or "").split("|") if n]
    if dialect == "postgresql":  # per place, not per outcome: a death toll and "victims" may restate each other
        s.connection().execute(text("SELECT pg_advisory_xact_lock(hashtext(:k))"),
                               {"k": f"place|{nests[-1] if nests else key}"})
    place = Estimate.place_key == key
    if key:
        place = or_(place, col(Estimate.place_key).in_(nests), col(Estimate.place_within).contains(f"|{key}|"))
    outcomes = LOOSE_OUTCOMES.get(outcome, (outcome,))
    return list(s.exec(select(Estimate).where(col(Estimate.outcome).in_(outcomes), place,
                                              col(Estimate.merged_into).is_(None))))


def resolve(s: Session, dialect: str, item_id: int, pairs: Sequence[tuple[Any, Statement]], key: Callable[[Any], str],
            route: Route | None, queue: Queue) -> tuple[list[int], list[int], list[int]]:
    """Each of the story's statements joins the estimate it restates or makes a new one (alerting)."""
    new: list[int] = []
    known: list[int] = []
    alerts: list[int] = []
    for est, st in pairs:
        pool = candidates(s, st.outcome, st.place_key, st.place_within, dialect)
        target = joined(st, pool, earliest)
        if target is not None:
            outside = route is not None and not route(target)  # before this mention: out of every rule
            _mention(s, target.id, item_id, st)
            before = (target.low, target.high, target.victims_group)
            refresh(s, target)
            if (target.low, target.high, target.victims_group) != before:
                _fold_bridged(s, target, pool)
                relink(s, pool)  # estimates may have been folded: every link is looked at again
            else:
                relink(s, pool, changed=[target])
            known.append(target.id)
            if outside and target.merged_into is None:
                alerts.extend(_alert_entering(s, target, route(_told_at(target, st)), item_id, queue))
            continue
        row = _new_estimate(s, st, key(est), item_id)
        _mention(s, row.id, item_id, st)
        relink(s, [*pool, row], changed=[row])
        new.append(row.id)
        if route is not None:
            alerts.extend(queue(s, channel, "estimate.new", f"estimate:{row.id}", estimate_id=row.id, item_id=item_id)
                          for channel in route(est))
    return list(dict.fromkeys(new)), [k for k in dict.fromkeys(known) if k not in new], alerts


def _told_at(est: Estimate, st: Statement) -> SimpleNamespace:
    """What a router reads of an estimate (alerts.routing.EstimateFields), at the place one statement tells it."""
    return SimpleNamespace(low=est.low, high=est.high, outcome=est.outcome, victims=est.victims, place=st.place,
                           place_id=st.place_id, kind=est.kind)


def _alert_entering(s: Session, est: Estimate, channels: Iterable[str], item_id: int, queue: Queue) -> list[int]:
    """An estimate first told outside the watch ("326 in Nineveh" under a Mosul watch) alerts when a story
    tells it inside ("326 in Mosul"), as it would have had that story come first; never twice, never
    once rejected."""
    if est.status == "rejected" or s.exec(select(Alert.id).where(Alert.estimate_id == est.id)).first() is not None:
        return []
    return [queue(s, channel, "estimate.new", f"estimate:{est.id}", estimate_id=est.id, item_id=item_id)
            for channel in channels]


def _new_estimate(s: Session, st: Statement, label: str, item_id: int) -> Estimate:
    row = Estimate(key=label, low=st.low, high=st.high, qualifier=st.qualifier, outcome=st.outcome,
                   victims=st.victims, victims_group=st.victims_group, place=st.place, place_id=st.place_id,
                   place_key=st.place_key, place_within=st.place_within, claimant=st.claimant, claimant_text=st.claimant_text,
                   claimant_id=st.claimant_id, quote=st.quote, lang=st.lang, kind=st.kind,
                   period_start=st.period_start, period_end=st.period_end, first_seen=utcnow(),
                   first_stated=st.stated, first_stated_from=st.stated_from, first_item_id=item_id)
    s.add(row)
    s.flush()
    return row


def _mention(s: Session, estimate_id: int | None, item_id: int, st: Statement) -> None:
    """This story's mention of the estimate: one per story (a headline and its body state it once), saying
    what the story's most informative statement of it says ("toll reaches 105", then "105 civilians"), the same
    whichever statement came first."""
    fields = dict(quote=st.quote, qualifier=st.qualifier, claimant=st.claimant, claimant_text=st.claimant_text,
                  claimant_id=st.claimant_id, low=st.low, high=st.high, outcome=st.outcome, victims=st.victims,
                  victims_group=st.victims_group, place=st.place, place_id=st.place_id, lang=st.lang, kind=st.kind,
                  period_start=st.period_start, period_end=st.period_end, stated=st.stated,
                  stated_from=st.stated_from)
    exists = s.exec(select(Mention).where(Mention.estimate_id == estimate_id, Mention.item_id == item_id)).first()
    if exists is None:
        s.add(Mention(estimate_id=estimate_id, item_id=item_id, seen=utcnow(), **fields))
    elif (not rounds_another(st, [exists]), informative(st.low, st.high, st.victims_group), st.quote) > \
            (not rounds_another(exists, [st]), informative(exists.low, exists.high, exists.victims_group or "unknown"),
             exists.quote):
        # the figure over its rounding ("over 1,100" in the headline, "at least 1,130" in the body); ties go to
        # the greater quote: a story's two versions (a correction at the same URL) in either order
        for name, value in fields.items():
            if value is not None or name in ("low", "high"):
                setattr(exists, name, value)
        s.add(exists)
    s.flush()


def relink(s: Session, pool: Sequence[Estimate], changed: Sequence[Estimate] | None = None) -> None:
    """Which estimate each revises (sameness.revises: the same claimant's earlier figure for the same place,
    outcome, victims and kind). Recomputed for the place and outcome after every change, so it never depends
    on the order stories arrived in (a claim crawled before the one it revises is linked all the same).

    With `changed` (the estimates a story added to or made), only the links that can have changed are
    computed again: the changed estimates', those linked to one, and those a changed one would now revise
    (an estimate's link is the best of its candidates; only a changed one can have joined or left them).
    Each is computed against every estimate of its claimant, so the link is what a whole recomputation
    gives."""
    live = sorted((e for e in pool if e.merged_into is None), key=earliest)
    wanted: set[int | None] | None = None
    if changed is not None:
        ids = {c.id for c in changed}
        if any(e.revises in ids and not any(same_claimant(e, c) for c in changed) for e in live):
            return relink(s, pool)  # a changed estimate's claimant changed: its old claimant's links, whole
        moved = [_Compared.of(c) for c in changed if c.merged_into is None]
        near = {e.id: _Compared.of(e) for e in live if e.id in ids or e.revises in ids or _of_claimants(e, changed)}
        # a link whose figure is not at hand (another spelling of the claimant) counts as none: looked at again
        wanted = {e.id for e in live if e.id in near and (
            e.id in ids or e.revises in ids or any(may_take_over(near[e.id], m, near.get(e.revises)) for m in moved))}
        chosen = [e for e in live if e.id in wanted]
        live = [e for e in live if e.id in wanted or _of_claimants(e, chosen)]  # all their candidates
    plain = [_Compared.of(e) for e in live]  # the rules read each field many times: not through the ORM
    positions = None if wanted is None else {i for i, e in enumerate(live) if e.id in wanted}
    for est, found in zip(live, revision_links(plain, positions)):
        if wanted is not None and est.id not in wanted:
            continue
        target = found.id if found is not None else None
        if est.revises != target:
            est.revises = target
            s.add(est)
    s.flush()


def _of_claimants(e: Estimate, others: Sequence[Estimate]) -> bool:
    """Whether `e` shares a claimant's registry id or name with one of `others` (a superset of those
    `same_claimant` accepts)."""
    name = e.claimant.casefold() if e.claimant else None
    return any((e.claimant_id and e.claimant_id == o.claimant_id) or (name and o.claimant and name == o.claimant.casefold())
               for o in others)


@dataclass(frozen=True, slots=True)
class _Compared:
    """An estimate's fields as the revision rule reads them."""

    id: int | None
    low: int | None
    high: int | None
    qualifier: str
    outcome: str
    victims_group: str
    claimant: str | None
    claimant_id: str | None
    place_key: str
    place_within: str | None
    kind: str | None
    first_stated: datetime | None
    first_item_id: int | None

    @classmethod
    def of(cls, e: Estimate) -> "_Compared":
        return cls(e.id, e.low, e.high, e.qualifier, e.outcome, e.victims_group, e.claimant, e.claimant_id,
                   e.place_key, e.place_within, e.kind, e.first_stated, e.first_item_id)


def refresh(s: Session, est: Estimate) -> None:
    """What the estimate shows, recomputed from its mentions (see the module docstring)."""
    ms = sorted(s.exec(select(Mention).where(Mention.estimate_id == est.id)), key=lambda m: (m.stated or m.seen, m.id))
    if not ms:
        return
    first = ms[0]
    est.first_stated, est.first_stated_from, est.first_item_id = (first.stated or first.seen,
                                                                   first.stated_from or "fetched", first.item_id)
    named = next((m for m in ms if m.claimant), None)
    est.claimant, est.claimant_text, est.claimant_id = ((named.claimant, named.claimant_text, named.claimant_id)
                                                         if named else (None, None, None))
    told = {m.outcome for m in ms if m.outcome}
    if len(told) > 1:  # "5,000 victims" and "5,000 killed": the precise word, whichever story came first
        est.outcome = next(o for o in sorted(told) if o != "casualties")
    said = Counter(m.kind for m in ms if m.kind)
    if said:
        est.kind = max(said, key=lambda k: (said[k], -next(i for i, m in enumerate(ms) if m.kind == k)))
    dated = next((m for m in ms if m.period_start or m.period_end), None)
    if dated is not None:
        est.period_start, est.period_end = dated.period_start, dated.period_end
    unrounded = [(i, m) for i, m in enumerate(ms) if m.outcome is None or not rounds_another(m, ms)]
    best = max(unrounded or enumerate(ms),
               key=lambda p: (informative(p[1].low, p[1].high, p[1].victims_group or "unknown"), -p[0]))[1]
    if best.outcome is not None:  # a mention archived before mentions kept their own figures has none
        est.low, est.high, est.qualifier = best.low, best.high, best.qualifier
        est.victims, est.victims_group = best.victims or est.victims, best.victims_group or est.victims_group
        est.quote, est.lang = best.quote, best.lang or est.lang
        if best.place:
            est.place, est.place_id = best.place, best.place_id
    s.add(est)
    s.flush()


def _fold_bridged(s: Session, est: Estimate, pool: Sequence[Estimate]) -> None:
    """A range learnt later can join estimates that were apart ("more than 9,000" and "up to 11,000" both
    restate "9,000 to 11,000"): fold each into the earlier of the two."""
    for other in sorted(pool, key=earliest):
        if other.id == est.id or other.merged_into is not None or not restates(other, est):
            continue
        into, gone = (est, other) if earliest(est) <= earliest(other) else (other, est)
        fold(s, into, gone)
        est = into


def fold(s: Session, into: Estimate, other: Estimate) -> None:
    """Move every mention of `other` into `into` (a story stating both keeps its first mention), and point
    what pointed at `other` at `into`."""
    taken = set(s.exec(select(Mention.item_id).where(Mention.estimate_id == into.id)))
    for m in list(s.exec(select(Mention).where(Mention.estimate_id == other.id))):
        if m.item_id in taken:
            s.delete(m)
        else:
            m.estimate_id = into.id
            s.add(m)
    for row in s.exec(select(Estimate).where(col(Estimate.merged_into) == other.id)):
        row.merged_into = into.id
        s.add(row)
    for row in s.exec(select(Estimate).where(col(Estimate.revises) == other.id)):
        row.revises = into.id if row.id != into.id else None
        s.add(row)
    if into.revises == other.id:
        into.revises = None
    _cancel_pending(s, other.id, f"folded into estimate {into.id}")
    other.merged_into = into.id
    s.add(other)
    s.flush()
    refresh(s, into)


def split(s: Session, est: Estimate, mention: Mention) -> Estimate:
    """Undo a wrong fold: the mention becomes an estimate of its own (no alert: a person made it)."""
    st = Statement(low=mention.low, high=mention.high, qualifier=mention.qualifier,
                   outcome=mention.outcome or est.outcome, victims=mention.victims or est.victims,
                   victims_group=mention.victims_group or est.victims_group, place=mention.place or est.place,
                   place_id=mention.place_id or est.place_id, place_key=est.place_key,
                   place_within=est.place_within, claimant=mention.claimant,
                   claimant_text=mention.claimant_text, claimant_id=mention.claimant_id, quote=mention.quote,
                   lang=mention.lang, kind=mention.kind, period_start=mention.period_start,
                   period_end=mention.period_end, stated=mention.stated or mention.seen,
                   stated_from=mention.stated_from or "fetched")
    label = f"{st.place_key}|{st.outcome}|{st.victims_group}|{st.low or ''}|{st.high or ''}"
    row = _new_estimate(s, st, label, mention.item_id)
    mention.estimate_id = row.id
    s.add(mention)
    s.flush()
    refresh(s, est)
    refresh(s, row)
    return row


def correct(s: Session, action: str, est: Estimate, *, why: str | None, other_id: int | None = None,
            mention_id: int | None = None, by: str | None = None) -> None:
    """Record a person's correction; a rejected estimate's pending alerts are cancelled."""
    if action == "reject":
        est.status = "rejected"
        _cancel_pending(s, est.id, "the estimate was rejected")
    elif action == "confirm":
        est.status = "confirmed"
    s.add(est)
    s.add(Correction(action=action, estimate_id=est.id, other_id=other_id, mention_id=mention_id, why=why,
                     by=by, at=utcnow()))
    s.flush()


def _cancel_pending(s: Session, estimate_id: int | None, why: str) -> None:
    """Alerts not yet sent for an estimate that is no longer one (rejected, or folded into another whose
    own alert says it) are never sent; ones already sent stay as they were."""
    for alert in s.exec(select(Alert).where(Alert.estimate_id == estimate_id, Alert.state == "pending")):
        alert.state, alert.last_error = "cancelled", why
        s.add(alert)


def read_kinds_again(s: Session, read: Callable[[str, str | None], tuple[str | None, str | None, str | None]]) -> int:
    """Mentions archived before kinds were read get theirs from their quotes (`read`: estimates.kinds.kind_of),
    and their estimates show it. Returns how many mentions now say a kind or a period."""
    touched: set[int] = set()
    for m in s.exec(select(Mention).where(col(Mention.kind).is_(None), col(Mention.period_start).is_(None),
                                          col(Mention.period_end).is_(None))):
        kind, start, end = read(m.quote, m.lang)
        if kind is None and start is None and end is None:
            continue
        m.kind, m.period_start, m.period_end = kind, start, end
        s.add(m)
        touched.add(m.estimate_id)
    s.flush()
    for est_id in touched:
        est = s.get(Estimate, est_id)
        if est is not None:
            refresh(s, est)
    return len(touched)


def nest_places(s: Session, nests: Callable[[str], Sequence[str]]) -> int:
    """Estimates archived before they knew their place's nests get them (`nests`: estimates.gazetteer.nests,
    on the place key). Returns how many now know some."""
    changed = 0
    for row in s.exec(select(Estimate).where(col(Estimate.place_within).is_(None), Estimate.place_key != "")):
        found = within_key(nests(row.place_key))
        if found:
            row.place_within = found
            s.add(row)
            changed += 1
    s.flush()
    return changed


def resolve_again(s: Session) -> int:
    """Resolve an archive made under older rules: estimates the rules now see as one fold into the
    earliest (no alert is queued: what was alerted stays alerted). Returns how many were folded."""
    rows = list(s.exec(select(Estimate).where(col(Estimate.merged_into).is_(None))))
    for row in rows:
        row.place_key = place_key(row.place, row.place_id)
        refresh(s, row)
    buckets: dict[tuple[str, str], list[Estimate]] = {}
    for row in rows:
        buckets.setdefault((row.outcome, row.place_key), []).append(row)
    folded = 0
    for pool in buckets.values():
        kept: list[Estimate] = []
        for row in sorted(pool, key=earliest):
            into = joined(row, kept, earliest)
            if into is None:
                kept.append(row)
            else:
                fold(s, into, row)
                folded += 1
    return folded
