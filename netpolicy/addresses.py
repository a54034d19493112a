"""Which addresses a fetch may reach: the public internet only, unless the operator says otherwise.

A feed entry, a listing-page link or a redirect is written by whoever runs the remote site. Left alone, the
crawler fetches whatever address it names -- a database console on the machine's private network, the cloud
metadata service at 169.254.169.254 (credentials of the machine's role) -- archives the text and serves it
through the HTTP API: server-side request forgery, as in the changedetection.io report #3789. The crawler
refuses such addresses (crawler/resolver.py) on what the name *resolved to*, so `refusal` judges one resolved
address and never a URL's text.

The judgement leans on `ipaddress` (its tables follow the IANA special-purpose registries, RFC 6890) and adds
what it does not do in Python 3.11: multicast counts as "global" there, and an IPv4 address wrapped in IPv6
(IPv4-mapped, NAT64, 6to4) is judged as the wrapper rather than as the IPv4 address a packet actually reaches.
"""
from __future__ import annotations

import ipaddress
from collections.abc import Callable

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# RFC 6052 section 2.1: the well-known NAT64 prefix; its last 32 bits are the IPv4 address a translator reaches.
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
# Where cloud providers answer for a machine's own credentials (AWS, GCP, Azure, ...; AWS's IPv6 one as well).
_METADATA = frozenset(ipaddress.ip_address(a) for a in ("169.254.169.254", "169.254.170.2", "fd00:ec2::254"))

# In order: the first that matches names the refusal, so the most telling name goes first (::1 is also
# "reserved" and 169.254.169.254 also "private" to `ipaddress`).
_KINDS: tuple[tuple[str, Callable[[IPAddress], bool]], ...] = (
    ("a cloud metadata address", lambda a: a in _METADATA),
    ("the unspecified address", lambda a: a.is_unspecified),  # 0.0.0.0 and :: reach this host on Linux
    ("a loopback address", lambda a: a.is_loopback),
    ("a link-local address", lambda a: a.is_link_local),
    ("a multicast address", lambda a: a.is_multicast),
    ("a reserved address", lambda a: a.is_reserved),
    ("a private address", lambda a: a.is_private),  # RFC 1918, RFC 4193 (fc00::/7), documentation, ...
    ("not a public address", lambda a: not a.is_global),  # e.g. RFC 6598 shared space 100.64.0.0/10
)


def refusal(ip: str) -> str | None:
    """Why a connection to `ip` is refused ("a private address", ...), or None when it is a public address.

    Anything that is not an IP address is refused: a resolver that hands back something else is not to be trusted
    with a connection.
    """
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return "not an IP address"
    inner = embedded_ipv4(address) if isinstance(address, ipaddress.IPv6Address) else None
    if inner is not None:
        ipv4, form = inner
        why = _kind(ipv4)
        return f"{why} in {form} form" if why else None
    return _kind(address)


def embedded_ipv4(address: ipaddress.IPv6Address) -> tuple[ipaddress.IPv4Address, str] | None:
    """The IPv4 address an IPv6 one really reaches, and the name of the wrapping; None if it wraps none.

    ::ffff:127.0.0.1 connects to 127.0.0.1 on a dual-stack socket (RFC 4291 section 2.5.5.2); a NAT64 or 6to4
    gateway forwards to the IPv4 address inside (RFC 6052, RFC 3056). Judging the wrapper instead would let
    ::ffff:169.254.169.254 through on Pythons whose tables call it global.
    """
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped, "IPv4-mapped"
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFF_FFFF), "NAT64"
    if address.sixtofour is not None:
        return address.sixtofour, "6to4"
    return None


def _kind(address: IPAddress) -> str | None:
    return next((name for name, matches in _KINDS if matches(address)), None)
