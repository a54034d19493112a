"""Which addresses the crawler may reach (netpolicy.addresses): pure classification, no sockets."""
from __future__ import annotations

import pytest

from netpolicy.addresses import refusal


@pytest.mark.parametrize("ip, reason", [
    ("127.0.0.1", "a loopback address"),
    ("127.9.9.9", "a loopback address"),  # all of 127/8 (RFC 1122), not just .1
    ("10.0.0.1", "a private address"),  # RFC 1918
    ("172.16.0.1", "a private address"),
    ("192.168.1.1", "a private address"),
    ("169.254.169.254", "a cloud metadata address"),
    ("169.254.1.1", "a link-local address"),
    ("::1", "a loopback address"),
    ("fe80::1", "a link-local address"),
    ("fe80::1%eth0", "a link-local address"),  # as getaddrinfo writes a scoped address
    ("fc00::1", "a private address"),  # RFC 4193 unique local
    ("fd00:ec2::254", "a cloud metadata address"),
    ("::ffff:127.0.0.1", "a loopback address in IPv4-mapped form"),
    ("::ffff:169.254.169.254", "a cloud metadata address in IPv4-mapped form"),
    ("::ffff:10.0.0.5", "a private address in IPv4-mapped form"),
    ("64:ff9b::a9fe:a9fe", "a cloud metadata address in NAT64 form"),  # RFC 6052
    ("2002:7f00:1::", "a loopback address in 6to4 form"),  # RFC 3056
    ("0.0.0.0", "the unspecified address"),
    ("::", "the unspecified address"),
    ("224.0.0.1", "a multicast address"),  # "global" to Python 3.11's ipaddress
    ("ff02::1", "a multicast address"),
    ("240.0.0.1", "a reserved address"),
    ("255.255.255.255", "a reserved address"),
    ("100.64.0.1", "not a public address"),  # RFC 6598 shared (carrier-grade NAT) space
    ("localhost", "not an IP address"),  # a name never reaches this point unresolved; if it does, no
])
def test_refused(ip: str, reason: str) -> None:
    assert refusal(ip) == reason


@pytest.mark.parametrize("ip", [
    "93.184.216.34", "2606:2800:220:1::1", "8.8.8.8",
    "::ffff:93.184.216.34",  # IPv4-mapped public: the public address itself ("reserved" to Python 3.11)
    "64:ff9b::5db8:d822",  # NAT64 of a public address
    "2002:5db8:d822::1",  # 6to4 of a public address
])
def test_public_addresses_are_allowed(ip: str) -> None:
    assert refusal(ip) is None
