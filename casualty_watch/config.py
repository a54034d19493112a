"""The config file: found, read once, validated, and turned into the plain values each room takes.

Validation is declared once, as pydantic models whose field descriptions double as documentation
(`tests/test_docs.py` checks README mentions every key). Errors become one `ConfigError` line naming the
file, the key and the problem.
"""
from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from alerts.rules import DEFAULT_KINDS, DEFAULT_OUTCOMES, DEFAULT_VICTIMS, AlertRule
from crawler.spec import Backfill, Politeness, SourceSpec, Watch
from storage.captures import CaptureSpec, beside
from netpolicy.retry_after import DEFAULT_CAP

from . import __version__
from .durations import parse_duration
from .errors import ConfigError

ENV_VAR = "CASUALTY_WATCH_CONFIG"
LOCAL_FILE = "casualty-watch.toml"
BUNDLED = "<bundled default>"  # Config.path when no config file was found
PROJECT_URL = "https://github.com/casualty-watch/casualty-watch"
OUTCOMES = ("killed", "injured", "missing", "casualties")
VICTIMS = ("civilians", "children", "women", "people", "combatants", "security forces")
_NAME = re.compile(r"^[a-z0-9-]+$")
_VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


def _http_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"bad URL {value!r} (need http:// or https:// and a host)")
    return value


def _members(values: list[str], allowed: tuple[str, ...], what: str) -> list[str]:
    bad = [v for v in values if v not in allowed]
    if bad:
        raise ValueError(f"unknown {what} {bad[0]!r} (use {', '.join(allowed)})")
    return values


def _duration(value: str) -> str:
    parse_duration(value)
    return value


MIN_INTERVAL_VAR = "CASUALTY_WATCH_MIN_INTERVAL"
MIN_INTERVAL = 60.0  # seconds; `every = "0s"` polled a site seven times in 15 s: nobody means that


def min_interval() -> float:
    """The shortest poll interval a source may have: a minute, unless $CASUALTY_WATCH_MIN_INTERVAL (a duration)
    lowers it, which only tests against local servers should do."""
    override = os.environ.get(MIN_INTERVAL_VAR)
    if override:
        try:
            return parse_duration(override)
        except ValueError as exc:
            raise ValueError(f"{MIN_INTERVAL_VAR}: {exc}") from None
    return MIN_INTERVAL


def _interval(value: str) -> str:
    from .durations import format_duration

    floor = min_interval()
    if parse_duration(value) < floor:
        raise ValueError(f"{value!r} is shorter than {format_duration(floor)}, the shortest poll interval "
                         f"(a source polled more often is hammered, not watched)")
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class WatchTable(_Strict):
    places: list[str] = Field(["Mosul", "Nineveh", "الموصل"], description="an item is relevant if it names one of these")

    @field_validator("places")
    @classmethod
    def _non_empty(cls, v: list[str]) -> list[str]:
        if not v or any(not p.strip() for p in v):
            raise ValueError("needs at least one non-empty place name")
        return v


class CrawlTable(_Strict):
    concurrency: int = Field(8, ge=1, le=512, description="requests in flight in all")
    per_host: int = Field(1, ge=1, le=512, description="requests in flight per host")
    delay: str = Field("1s", description="between requests to one host")
    timeout: str = Field("30s", description="per request")
    user_agent: str = Field(f"casualty-watch/{__version__} (+{PROJECT_URL})", description="User-Agent header")
    max_pdf_pages: int = Field(500, ge=1, le=100_000, description="pages read per PDF; the item says it was cut")
    max_item_chars: int = Field(1_000_000, ge=1000, le=100_000_000, description="characters of text kept per item")
    max_read_time: str = Field("30s", description="time spent reading one document before what was read is kept")
    max_sitemap_depth: int = Field(3, ge=0, le=10, description="nesting of sitemap indexes below a source's sitemap")
    max_child_sitemaps: int = Field(50, ge=0, le=10_000, description="child sitemaps fetched per source per pass")
    max_entries: int = Field(1000, ge=1, le=1_000_000, description="entries taken per source per pass, newest first")
    allow_private: bool = Field(False, description="fetch loopback, private and link-local addresses besides the "
                                                   "sources' own hosts")

    _check_delay = field_validator("delay", "timeout", "max_read_time")(classmethod(lambda cls, v: _duration(v)))


class SourceTable(_Strict):
    name: str = Field(description="unique, [a-z0-9-]")
    feed: str | None = Field(None, description="an RSS or Atom feed URL")
    sitemap: str | None = Field(None, description="a sitemap, sitemap index or Google News sitemap URL")
    page: str | None = Field(None, description="a listing page whose links to reports (HTML or PDF) are followed")
    follow: str | None = Field(None, description="page only: CSS selector of the links to follow")
    every: str = Field("6h", description="poll interval")

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if not _NAME.match(v):
            raise ValueError(f"bad name {v!r} (use lowercase letters, digits and -)")
        return v

    _check_urls = field_validator("feed", "sitemap", "page")(
        classmethod(lambda cls, v: None if v is None else _http_url(v)))
    _check_every = field_validator("every")(classmethod(lambda cls, v: _interval(v)))

    @model_validator(mode="after")
    def _one_kind(self) -> "SourceTable":
        given = [k for k in ("feed", "sitemap", "page") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(f"needs exactly one of feed, sitemap, page (got {', '.join(given) or 'none'})")
        if self.follow is not None and not self.page:
            raise ValueError("follow is only for page sources")
        return self


class AlertTable(_Strict):
    webhook: str | None = Field(None, description="URL to POST signed JSON to")
    secret: str | None = Field(None, description="webhook signing secret, whsec_ + base64")
    email: list[str] | None = Field(None, description="recipients")
    smtp: str | None = Field(None, description="smtp://user:pw@host:587 (STARTTLS when offered) or smtps://")
    from_: str | None = Field(None, alias="from", description="sender address")
    outcomes: list[str] = Field(list(DEFAULT_OUTCOMES), description="only these outcomes alert")
    victims: list[str] = Field(list(DEFAULT_VICTIMS), description="only these victim groups alert")
    min: int = Field(0, ge=0, description="only figures at least this large alert")
    kinds: list[str] = Field(list(DEFAULT_KINDS), description="only these kinds alert: toll (a count over a "
                             "campaign or period), incident (one event)")

    _check_webhook = field_validator("webhook")(classmethod(lambda cls, v: None if v is None else _http_url(v)))

    _check_outcomes = field_validator("outcomes")(classmethod(lambda cls, v: _members(v, OUTCOMES, "outcome")))
    _check_victims = field_validator("victims")(classmethod(lambda cls, v: _members(v, VICTIMS, "victims")))
    _check_kinds = field_validator("kinds")(classmethod(lambda cls, v: _members(v, DEFAULT_KINDS, "kind")))

    @field_validator("secret")
    @classmethod
    def _secret(cls, v: str | None) -> str | None:
        if v is not None and not v.startswith("whsec_"):
            raise ValueError("secret must start with whsec_ (Standard Webhooks)")
        return v

    @field_validator("smtp")
    @classmethod
    def _smtp(cls, v: str | None) -> str | None:
        if v is not None:
            parts = urlsplit(v)
            if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
                raise ValueError("bad smtp URL (use smtp://user:pw@host:587 or smtps://host:465)")
        return v

    @model_validator(mode="after")
    def _one_channel(self) -> "AlertTable":
        if (self.webhook is None) == (self.email is None):
            raise ValueError("needs exactly one of webhook, email")
        if self.email is not None and (not self.email or not self.smtp or not self.from_):
            raise ValueError("email alerts need email (non-empty), smtp and from")
        if self.webhook is not None and (self.smtp or self.from_):
            raise ValueError("smtp and from are for email alerts")
        return self


class ApiTable(_Strict):
    token: str | None = Field(None, description="bearer token required when serve binds beyond loopback")
    workers: int | None = Field(None, ge=1, le=64, description="serve's worker processes (default: one per core)")
    users: dict[str, str] = Field(default_factory=dict, description="user name = Argon2 hash of their password "
                                  "(`casualty-watch hash-password` makes one); they sign in on the page")
    session_secret: str | None = Field(None, description="key that signs session cookies; default: derived from "
                                       "the token and the users' hashes")

    @field_validator("users")
    @classmethod
    def _users(cls, v: dict[str, str]) -> dict[str, str]:
        from argon2 import extract_parameters
        from argon2.exceptions import InvalidHashError

        for name, hashed in v.items():
            if not re.fullmatch(r"[A-Za-z0-9._@-]{1,64}", name):
                raise ValueError(f"user name {name!r} must be 1-64 letters, digits or . _ @ -")
            try:
                extract_parameters(hashed)
            except (InvalidHashError, ValueError):
                raise ValueError(f"user {name!r}: not an Argon2 hash (make one with `casualty-watch "
                                 "hash-password`; never write the password itself here)") from None
        return v

    @field_validator("token")
    @classmethod
    def _token(cls, v: str | None) -> str | None:
        # An empty or blank token (e.g. "${API_TOKEN}" with the variable set to "") would pass here and then
        # lock everyone out, since no client can send a blank bearer token: say so at load time instead.
        if v is not None and not v.strip():
            raise ValueError("token must not be empty or whitespace")
        return v


class CapturesTable(_Strict):
    keep: bool = Field(True, description="keep the bytes of every archived response (crawled or imported) as "
                                         "WARC records, with SHA-256 digests")
    folder: str | None = Field(None, description="where the capture WARC files go; default: beside a SQLite "
                                                 "archive (<name>-captures), else ./captures")
    max_file_mb: int = Field(1024, ge=1, le=1_000_000, description="size of a capture WARC file before the next "
                                                                    "one is started")


class BackfillTable(_Strict):
    cdx: str = Field("https://web.archive.org/cdx/search/cdx", description="the CDX server backfill asks for "
                     "a source's past captures (the Wayback Machine's; a pywb collection's is .../COLL/cdx)")
    replay: str = Field("https://web.archive.org/web", description="where captures are fetched from: "
                        "REPLAY/TIMESTAMPid_/URL gives the bytes as archived")
    delay: str = Field("4s", description="between requests to the web archive (the Wayback Machine asks for "
                                         "no more than about 15 a minute)")

    _check_urls = field_validator("cdx", "replay")(classmethod(lambda cls, v: _http_url(v)))
    _check_delay = field_validator("delay")(classmethod(lambda cls, v: _duration(v)))


class ConfigFile(_Strict):
    database: str = Field("sqlite:///casualty-watch.db", description="SQLAlchemy URL: sqlite:///... or postgresql+psycopg://...")
    failure_alert_after: int = Field(5, ge=1, description="failed polls in a row before a source-failing alert")
    max_retry_after: str = Field("24h", description="the longest Retry-After honoured, by the crawler and by alert "
                                                    "delivery; a longer one is taken as this")
    watch: WatchTable = Field(WatchTable(), description="what to watch")
    crawl: CrawlTable = Field(CrawlTable(), description="politeness")
    source: list[SourceTable] = Field([], description="where to look")
    alert: list[AlertTable] = Field([], description="where to send new estimates")
    api: ApiTable = Field(ApiTable(), description="the HTTP API")
    captures: CapturesTable = Field(CapturesTable(), description="evidence: the bytes served")
    backfill: BackfillTable = Field(BackfillTable(), description="web archives")

    _check_retry_after = field_validator("max_retry_after")(classmethod(lambda cls, v: _duration(v)))

    @field_validator("database")
    @classmethod
    def _database(cls, v: str) -> str:
        if not re.match(r"^(sqlite|postgresql(\+psycopg)?)://", v):
            raise ValueError("database must be sqlite:///PATH or postgresql+psycopg://user:pw@host/db")
        return v

    @field_validator("source")
    @classmethod
    def _unique_names(cls, v: list[SourceTable]) -> list[SourceTable]:
        seen: set[str] = set()
        for s in v:
            if s.name in seen:
                raise ValueError(f"duplicate source name {s.name!r}")
            seen.add(s.name)
        return v


@dataclass(frozen=True, slots=True)
class Config:
    """Everything the commands need, as the plain values the rooms take."""

    path: str
    database: str
    watch: Watch
    politeness: Politeness
    sources: tuple[SourceSpec, ...]
    alerts: tuple[AlertRule, ...]
    failure_alert_after: int
    api_token: str | None
    max_retry_after: float = DEFAULT_CAP
    captures: CaptureSpec | None = None  # the captures folder, None when [captures] keep = false
    backfill: Backfill = Backfill()
    api_workers: int | None = None  # serve's worker processes; None: one per core
    api_users: tuple[tuple[str, str], ...] = ()  # (name, Argon2 hash): who may sign in on the page
    api_session_secret: str | None = None


def locate(explicit: str | None) -> tuple[str, str]:
    """(display path, TOML text): --config, then $CASUALTY_WATCH_CONFIG, then ./casualty-watch.toml, then bundled."""
    candidate = explicit or os.environ.get(ENV_VAR)
    if candidate is None and Path(LOCAL_FILE).is_file():
        candidate = LOCAL_FILE
    if candidate is None:
        return BUNDLED, resources.files("casualty_watch").joinpath("default.toml").read_text("utf-8")
    try:
        return candidate, Path(candidate).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(candidate, None, "file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(candidate, None, f"cannot read: {exc}") from None


def load(explicit: str | None = None, environ: dict[str, str] | None = None) -> Config:
    """Find, parse and validate the config; any problem is one ConfigError."""
    path, text = locate(explicit)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, None, f"not valid TOML: {exc}") from None
    raw = _expand(raw, os.environ if environ is None else environ, path, "")
    try:
        parsed = ConfigFile.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise ConfigError(path, _key(err["loc"]) or None, _problem(err)) from None
    return _to_values(path, parsed)


def _expand(node: Any, environ: Any, path: str, key: str) -> Any:
    """Replace ${VAR} in every string; an unset variable is an error naming its key."""
    if isinstance(node, dict):
        return {k: _expand(v, environ, path, f"{key}.{k}" if key else k) for k, v in node.items()}
    if isinstance(node, list):
        return [_expand(v, environ, path, f"{key}[{i + 1}]") for i, v in enumerate(node)]
    if isinstance(node, str):
        for var in _VAR.findall(node):
            if var not in environ:
                raise ConfigError(path, key, f"environment variable {var} is not set")
        return _VAR.sub(lambda m: environ[m.group(1)], node)
    return node


def _key(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        elif part not in ("function-after", "function-before"):
            out += f".{part}" if out else str(part)
    return out


def _problem(err: dict[str, Any]) -> str:
    kind, msg = err["type"], err["msg"]
    if kind == "extra_forbidden":
        return "unknown key"
    if kind == "missing":
        return "required key is missing"
    if msg.startswith("Value error, "):
        return msg.removeprefix("Value error, ")
    return f"{msg} (got {err.get('input')!r})" if not isinstance(err.get("input"), (dict, list)) else msg


def _to_values(path: str, f: ConfigFile) -> Config:
    crawl = f.crawl
    politeness = Politeness(
        concurrency=crawl.concurrency, per_host=crawl.per_host, delay=parse_duration(crawl.delay),
        timeout=parse_duration(crawl.timeout), user_agent=crawl.user_agent,
        max_pdf_pages=crawl.max_pdf_pages, max_item_chars=crawl.max_item_chars,
        max_read_seconds=parse_duration(crawl.max_read_time), max_sitemap_depth=crawl.max_sitemap_depth,
        max_child_sitemaps=crawl.max_child_sitemaps, max_entries=crawl.max_entries,
        max_retry_after=parse_duration(f.max_retry_after), allow_private=crawl.allow_private,
    )
    sources = tuple(
        SourceSpec(name=s.name, kind=kind, url=getattr(s, kind), every=parse_duration(s.every), follow=s.follow)
        for s in f.source for kind in ("feed", "sitemap", "page") if getattr(s, kind) is not None
    )
    alerts = tuple(_alert_rule(a) for a in f.alert)
    captures = CaptureSpec(f.captures.folder or beside(f.database), f.captures.max_file_mb * 1024 * 1024) \
        if f.captures.keep else None
    backfill = Backfill(cdx=f.backfill.cdx, replay=f.backfill.replay, delay=parse_duration(f.backfill.delay))
    return Config(path=path, database=f.database, watch=Watch(places=tuple(f.watch.places)),
                  politeness=politeness, sources=sources, alerts=alerts,
                  failure_alert_after=f.failure_alert_after, api_token=f.api.token, api_workers=f.api.workers,
                  api_users=tuple(f.api.users.items()), api_session_secret=f.api.session_secret,
                  max_retry_after=politeness.max_retry_after, captures=captures, backfill=backfill)


def _alert_rule(a: AlertTable) -> AlertRule:
    common = dict(outcomes=tuple(a.outcomes), victims=tuple(a.victims), min=a.min, kinds=tuple(a.kinds))
    if a.webhook is not None:
        return AlertRule(kind="webhook", webhook=a.webhook, secret=a.secret, **common)
    return AlertRule(kind="email", email=tuple(a.email or ()), smtp=a.smtp, sender=a.from_, **common)


WATCH_SPELLINGS = 12  # spellings of each watched place the crawl looks for: the gazetteer's curated forms come
# first (English, Arabic, French: "Mosul", "الموصل", "Mossoul"), its long tail of transliterations after


def watch_for(places: Sequence[str]) -> Watch:
    """The watch list as written, grown by the gazetteer: a user who writes "Mosul" also watches الموصل,
    Mossoul and Al Mawsil, and an estimate in west Mosul. A name the gazetteer does not know is watched as
    written (a district, a camp, a name in a fourth language). Called by the commands that crawl (loading the
    gazetteer costs most of a second), not when the config is read."""
    from estimates import gazetteer

    names: dict[str, None] = {}
    ids: dict[str, None] = {}
    for place in places:
        names[place] = None
        entry = gazetteer.lookup(place)
        if entry is None:
            continue
        ids[entry.id] = None
        for spelling in gazetteer.spellings(entry.id)[:WATCH_SPELLINGS]:
            names[spelling] = None
    return Watch(places=tuple(names), place_ids=tuple(ids))

