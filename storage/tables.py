"""The archive's tables. Times are aware UTC datetimes (SQLModel's UTCDateTime stores them on both databases)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Column, Index, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


class Source(SQLModel, table=True):
    """A configured source and its polling health; the validators make the next poll conditional."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, index=True)
    kind: str
    url: str
    every: float = 21600.0
    etag: str | None = None
    last_modified: str | None = None
    last_polled: datetime | None = None
    last_ok: datetime | None = None
    status: str = "new"  # new, ok, degraded, unchanged, failed, aborted
    consecutive_failures: int = 0
    last_error: str | None = None
    backoff_until: datetime | None = None
    failing_alerted: bool = False


class SeenUrl(SQLModel, table=True):
    """A URL fetched once, relevant or not, so the next pass does not fetch it again."""

    __tablename__ = "seen_url"
    url: str = Field(primary_key=True)
    source: str | None = None
    first_seen: datetime
    last_fetched: datetime
    updated: str | None = None  # the feed/sitemap's updated date when last fetched
    relevant: bool = False


class Item(SQLModel, table=True):
    """A story, archived once. A copy found elsewhere is its own row pointing at the first via duplicate_of."""

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(unique=True, index=True)
    title: str | None = None
    source: str | None = Field(default=None, index=True)
    outlet: str | None = None
    author: str | None = None
    published: datetime | None = Field(default=None, index=True)
    fetched: datetime = Field(index=True)
    language: str | None = None
    text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    content_hash: str = Field(index=True)
    minhash: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    duplicate_of: int | None = Field(default=None, foreign_key="item.id", index=True)
    version: int = 1
    truncated: str | None = None  # where reading stopped at a limit ("read 500 of 1,000,000 pages"), else null
    payload_digest: str | None = None  # SHA-256 of the bytes served (WARC-Payload-Digest) when they were kept


class ItemVersion(SQLModel, table=True):
    """An earlier text of an item whose URL now serves changed text."""

    __tablename__ = "item_version"
    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="item.id", index=True)
    version: int
    title: str | None = None
    text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    content_hash: str
    fetched: datetime
    payload_digest: str | None = None


class ItemUrl(SQLModel, table=True):
    """Other URLs of the same item (rel=canonical targets, AMP and mobile variants) so they dedupe."""

    __tablename__ = "item_url"
    url: str = Field(primary_key=True)
    item_id: int = Field(foreign_key="item.id", index=True)


class ItemBand(SQLModel, table=True):
    """MinHash LSH bands of first copies: items sharing a band are near-duplicate candidates."""

    __tablename__ = "item_band"
    __table_args__ = (Index("ix_item_band_hash", "hash"),)
    id: int | None = Field(default=None, primary_key=True)
    hash: int = Field(sa_column=Column(BigInteger, nullable=False))
    item_id: int = Field(foreign_key="item.id", index=True)


class Estimate(SQLModel, table=True):
    """A distinct estimate: one row however many stories restate it (storage/resolution.py decides which).

    Its figures, victims and quote are its most informative statement's; `first_stated`, `claimant` and
    `first_item_id` its earliest story's. A person's correction sets `status` or `merged_into`.
    """

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(index=True)  # identity_key of its statement: a readable label, no longer unique
    low: int | None = Field(default=None, sa_column=Column(BigInteger))
    high: int | None = Field(default=None, sa_column=Column(BigInteger))
    qualifier: str
    outcome: str = Field(index=True)
    victims: str
    victims_group: str = "unknown"  # civilian, combatant, unknown: what "compatible victims" compares
    place: str | None = Field(default=None, index=True)
    place_id: str | None = Field(default=None, index=True)  # gazetteer entry ("geonames:99072")
    place_key: str = Field(default="", index=True)  # place_id, else the folded name, else "": one place
    # the places place_key lies in, nearest first, short of the country ("|geonames:99072|iso:IQ-NI|"): a
    # mention placed at a nested level can restate it (storage/sameness.py); None: not known
    place_within: str | None = None
    claimant: str | None = None  # canonical name of the body when the text names it, else the words
    claimant_text: str | None = None  # as the first story wrote it
    claimant_id: str | None = None  # the body's registry key ("ap")
    quote: str = Field(sa_column=Column(Text, nullable=False))
    lang: str | None = None
    kind: str | None = None  # toll or incident as a story says it; None: no story says (a toll)
    period_start: str | None = None  # "2016-10"
    period_end: str | None = None
    first_seen: datetime = Field(index=True)
    first_stated: datetime | None = Field(default=None, index=True)  # the earliest story's publication date
    first_stated_from: str | None = None  # "published", or "fetched" when no story had a trustworthy date
    first_item_id: int | None = Field(default=None, foreign_key="item.id")
    revises: int | None = Field(default=None, foreign_key="estimate.id")
    status: str = "new"  # new, confirmed, rejected
    merged_into: int | None = Field(default=None, foreign_key="estimate.id", index=True)


class Mention(SQLModel, table=True):
    """An estimate as one story states it: its own figures and words, so a wrong fold can be undone."""

    __table_args__ = (UniqueConstraint("estimate_id", "item_id", name="uq_mention_estimate_item"),)
    id: int | None = Field(default=None, primary_key=True)
    estimate_id: int = Field(foreign_key="estimate.id", index=True)
    item_id: int = Field(foreign_key="item.id", index=True)
    quote: str = Field(sa_column=Column(Text, nullable=False))
    qualifier: str
    claimant: str | None = None
    claimant_text: str | None = None  # as this story wrote it
    claimant_id: str | None = None
    low: int | None = Field(default=None, sa_column=Column(BigInteger))
    high: int | None = Field(default=None, sa_column=Column(BigInteger))
    outcome: str | None = None
    victims: str | None = None
    victims_group: str | None = None
    place: str | None = None
    place_id: str | None = None
    lang: str | None = None
    kind: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    stated: datetime | None = None  # the story's publication date, else when it was fetched
    stated_from: str | None = None  # "published" or "fetched"
    seen: datetime


class Correction(SQLModel, table=True):
    """A person's correction of the resolution (merge, split, reject, confirm), with its time and reason."""

    id: int | None = Field(default=None, primary_key=True)
    action: str
    estimate_id: int = Field(foreign_key="estimate.id", index=True)
    other_id: int | None = None  # merge: the estimate folded in; split: the new estimate
    mention_id: int | None = None
    why: str | None = None
    by: str | None = None  # who: a signed-in user of the page, or None (the command line, a bearer token)
    at: datetime


class Alert(SQLModel, table=True):
    """An outbox row: one message owed to one channel, written in the transaction that made its cause.

    `message_id` is fixed at creation so every retry carries the same `webhook-id`.
    """

    __table_args__ = (UniqueConstraint("channel", "event", "subject", name="uq_alert_channel_event_subject"),)
    id: int | None = Field(default=None, primary_key=True)
    message_id: str = Field(unique=True)
    channel: str = Field(index=True)
    event: str  # estimate.new, source.failing, source.recovered
    subject: str  # what it is about: "estimate:<id>" or "source:<name>:<n>"
    estimate_id: int | None = Field(default=None, foreign_key="estimate.id")
    item_id: int | None = Field(default=None, foreign_key="item.id")
    source: str | None = None
    detail: str | None = None
    created: datetime
    state: str = Field(default="pending", index=True)  # pending, sending, sent, failed, gone, cancelled
    attempts: int = 0
    next_attempt: datetime = Field(index=True)
    last_error: str | None = None
    delivered: datetime | None = None


class Delivery(SQLModel, table=True):
    """One attempt to deliver an alert, kept as a log."""

    id: int | None = Field(default=None, primary_key=True)
    alert_id: int = Field(foreign_key="alert.id", index=True)
    attempt: int
    at: datetime
    ok: bool
    status: int | None = None
    error: str | None = None


class Meta(SQLModel, table=True):
    """Small archive-wide facts (counters for metrics, last pass duration)."""

    key: str = Field(primary_key=True)
    value: str


class Capture(SQLModel, table=True):
    """Where the bytes of one archived response lie: a byte range of a WARC file in the captures folder
    (storage/captures.py), with the digests to prove them unchanged."""

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="item.id", index=True)
    version: int = 1  # the item's version these bytes were read as
    url: str
    captured: datetime = Field(index=True)  # WARC-Date: when the response was served
    origin: str = "crawl"  # crawl, import or backfill
    file: str
    offset: int = Field(sa_column=Column(BigInteger, nullable=False))
    length: int = Field(sa_column=Column(BigInteger, nullable=False))
    payload_digest: str = Field(index=True)
    stored_digest: str
    record_id: str


class ImportMark(SQLModel, table=True):
    """How far an import or backfill got, so an interrupted one resumes: a WARC file's next record offset,
    or a backfill's captures already taken (one row per capture, key `cdx:<source> <timestamp> <url>`)."""

    __tablename__ = "import_mark"
    key: str = Field(primary_key=True)
    offset: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, default=0))
    records: int = 0
    relevant: int = 0
    bad: int = 0
    done: bool = False
    updated: datetime
