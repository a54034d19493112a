"""Canonical URLs: one key per story however publishers decorate its address."""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

# Query parameters that track the reader, never select content.
_TRACKING = re.compile(
    r"^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ref|ref_src|"
    r"ocid|cmpid|cmp|smid|sr_share|share|at_medium|at_campaign|at_custom\d|taid|ito|ns_mchannel|ns_source|"
    r"ns_campaign|ns_linkname|ns_fee|output_?type|amp|outputtype)$",
    re.IGNORECASE,
)
_MOBILE_HOST = re.compile(r"^(www|m|mobile|amp)\.", re.IGNORECASE)
_AMP_PATH = re.compile(r"(/amp/?$|\.amp(?=\.html?$)|\.amp$|/amp(?=/))", re.IGNORECASE)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """The key we archive a URL under: no tracking parameters, fragment, default port, AMP or mobile host.

    The host loses `www.`, `m.`, `mobile.` and `amp.` so the desktop, mobile and AMP copies of one story share
    a key; the path loses AMP markers (`/amp`, `.amp.html`); the query keeps content parameters, sorted.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    host = _MOBILE_HOST.sub("", host)
    port = parts.port if parts.port and parts.port != _DEFAULT_PORTS.get(scheme) else None
    netloc = f"{host}:{port}" if port else host
    path = _AMP_PATH.sub("", parts.path) or "/"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    return canonicalize_url(urlunsplit((scheme, netloc, path, query, "")))


def site_of(url: str) -> str:
    """The outlet's host, without www., for display and grouping."""
    return _MOBILE_HOST.sub("", (urlsplit(url).hostname or "").lower())
