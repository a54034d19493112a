"""Canonical URLs: one key per story however publishers decorate its address."""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

# Query parameters that track the reader, never select content.
_TRACKING = re.compile(
    r"^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ref|ref_src|"
    r"ocid|cmpid|cmp|smid|sr_share|share|at_medium|at_campaign|at_custom\d|taid|ito|ns_mchannel|ns_source|"
    r"ns_campaign|ns_linkname|ns_fee|output_?type|amp|outputtype)$",
    re.IGNORECASE,
)
# One or more: "www.m.example.com" is the mobile copy of "example.com" too, and stripping a single prefix
# would leave a key that canonicalises again to something else.
_MOBILE_HOST = re.compile(r"^(?:(?:www|m|mobile|amp)\.)+", re.IGNORECASE)
_AMP_PATH = re.compile(r"(/amp/?$|\.amp(?=\.html?$)|\.amp$|/amp(?=/))", re.IGNORECASE)
_DEFAULT_PORTS = {"http": 80, "https": 443}


class InvalidURL(ValueError):
    """A URL too broken to canonicalise (bad port, bad host, unencodable text); the message says which."""


@lru_cache(maxsize=32768)
def canonical_url(url: str) -> str:
    """The key we archive a URL under: no tracking parameters, fragment, default port, AMP or mobile host.

    The host loses `www.`, `m.`, `mobile.` and `amp.` so the desktop, mobile and AMP copies of one story share
    a key; the path loses AMP markers (`/amp`, `.amp.html`); the query keeps content parameters, sorted.
    Raises InvalidURL (a ValueError) for what no URL parser takes, e.g. a port past 65535. Idempotent: a key
    is its own key. Cached: a pass keys each URL several times (the feed entry, the seen check, the seen mark,
    the archive), and two passes through w3lib make one key cost ~30 µs.
    """
    _split(url)  # refuse a bad port or host with our error, before w3lib raises its own
    # w3lib first, so the rules below see the forms the key will hold: "ｗｗｗ." is IDNA "www.", "/%61mp" is "/amp".
    parts = _split(_w3lib(url))
    scheme = parts.scheme
    host = _MOBILE_HOST.sub("", (parts.hostname or "").rstrip("."))
    host = f"[{host}]" if ":" in host else host  # urlsplit's hostname drops an IPv6 address's brackets
    port = parts.port if parts.port and parts.port != _DEFAULT_PORTS.get(scheme) else None
    netloc = f"{host}:{port}" if port else host
    path = _without_amp(parts.path) or "/"
    # latin-1 maps each percent-escaped byte to one character and back, so values in other charsets survive
    pairs = parse_qsl(parts.query, keep_blank_values=True, encoding="latin-1")
    query = urlencode([(k, v) for k, v in pairs if not _TRACKING.match(k)], encoding="latin-1")
    return _w3lib(urlunsplit((scheme, netloc, path, query, "")))


def site_of(url: str) -> str:
    """The outlet's host, without www., for display and grouping ("" when the URL has none we can read)."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # unbalanced IPv6 brackets
        return ""
    return _MOBILE_HOST.sub("", host.lower())


def _split(url: str) -> SplitResult:
    try:
        parts = urlsplit(url.strip())
    except ValueError as exc:  # unbalanced or invalid IPv6 brackets, NFKC-unsafe host
        raise InvalidURL(f"bad host in URL: {exc}") from None
    try:
        parts.port  # noqa: B018  (urlsplit checks the port only when it is read)
    except ValueError as exc:
        raise InvalidURL(f"bad port in URL: {exc}") from None
    return parts


def _w3lib(url: str) -> str:
    try:
        return canonicalize_url(url.strip())
    except UnicodeError:
        raise InvalidURL("unencodable character in URL (a lone surrogate?)") from None
    except ValueError as exc:
        raise InvalidURL(f"unusable URL: {exc}") from None


def _without_amp(path: str) -> str:
    """Removing one AMP marker can reveal another ("/x/amp.amp"), so they go until none is left."""
    while True:
        path, found = _AMP_PATH.subn("", path)
        if not found:
            return path
