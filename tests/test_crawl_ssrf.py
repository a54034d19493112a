"""The SSRF guard (crawler/resolver.py): a hostile feed entry, link or redirect cannot make the crawler fetch
another host of the machine's network, only the configured sources' hosts and the public internet.

End to end: real crawls (tests/test_crawl.py's Watcher) of a source on 127.0.0.1 whose entries point at "another
host" -- a second server on 127.0.0.2 (and one on ::1), all loopback, the only addresses tests may reach. The
private and link-local ranges (10/8, 169.254/16, ...) are checked without any traffic: the resolver's decision
with a fake underlying resolver, on Twisted's in-memory reactor, which records connection attempts and makes none.
"""
from __future__ import annotations

import socket
import threading
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from scrapy.exceptions import CannotResolveHostError, NotSupported
from scrapy.http import Request
from twisted.internet._resolver import HostResolution
from twisted.internet.address import IPv4Address, IPv6Address
from twisted.internet.endpoints import HostnameEndpoint
from twisted.internet.protocol import Factory, Protocol
from twisted.internet.testing import MemoryReactorClock
from twisted.python.failure import Failure as TwistedFailure

from crawler.failures import describe
from crawler.resolver import AddressRefusalMiddleware, AddressRefused, GuardedResolver
from crawler.settings import ALLOW_PRIVATE, OWN_HOSTS, scrapy_settings
from crawler.spec import Politeness
from test_crawl import RSS, Crawl, Watcher, news_site
from webfixtures import Site, article, rss

SECRET = ["Internal figures: 1,234 civilians were killed in Mosul in the last month of the offensive, according "
          "to the aid agency's own casualty database.", "This memo is for staff only and must not be shared."]
GOOD = ["The UN human rights office said at least 2,521 civilians were killed in Mosul between October 2016 "
        "and July 2017, and warned that the true number was likely to be much higher."]
HINT = "(set [crawl] allow_private = true to allow)"


class _IPv6Server(ThreadingHTTPServer):
    address_family = socket.AF_INET6


class HostSite(Site):
    """A Site on another loopback address than 127.0.0.1: the "other host" a hostile link points at."""

    def __init__(self, host: str) -> None:
        super().__init__()
        self._server.server_close()  # Site binds 127.0.0.1; this one listens on `host` instead
        self.host = host
        self._server = (_IPv6Server if ":" in host else ThreadingHTTPServer)((host, 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def base(self) -> str:
        return f"http://{f'[{self.host}]' if ':' in self.host else self.host}:{self.port}"


def _secrets(other: Site) -> None:
    for path in ("/secret", "/decimal", "/hex", "/via-redirect"):
        other.add(path, body=article("Internal: Mosul casualty memo", SECRET).encode())


# -- end to end: one pass over a feed full of hostile links, next to its good entries ----------------------

@dataclass
class HostileWeb:
    watcher: Watcher
    site: Site  # the configured source's host, 127.0.0.1
    other: HostSite  # another host, 127.0.0.2
    v6: HostSite  # another host, ::1
    ftp: socket.socket  # a bare listener on 127.0.0.2: did anything connect?
    hostile: dict[str, str]  # what each hostile entry tries -> its URL
    result: Crawl


@pytest.fixture(scope="module")
def hostile_web(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    with (Site() as site, HostSite("127.0.0.2") as other, HostSite("::1") as v6,
          socket.create_server(("127.0.0.2", 0)) as ftp):
        ftp.setblocking(False)
        watcher = Watcher(tmp_path_factory.mktemp("ssrf"))
        _secrets(other)
        v6.add("/secret-v6", body=article("Internal: Mosul casualty memo", SECRET).encode())
        port = urlsplit(site.base).port
        # served on the configured host, so a request that got through `localhost` would be seen here
        site.add("/local-secret", body=article("Internal: Mosul casualty memo", SECRET).encode())
        site.add("/hop", status=302, headers={"Location": other.url("/via-redirect")}, content_type=None)
        site.add("/good/1", body=article("Mosul: civilians killed", GOOD).encode())
        hostile = {
            "other host": other.url("/secret"),
            "decimal literal": f"http://2130706434:{other.port}/decimal",  # 127.0.0.2 as one number
            "hex literal": f"http://0x7f.2:{other.port}/hex",  # 127.0.0.2, inet_aton's "a.b" form
            "IPv6 literal": v6.url("/secret-v6"),
            "loopback name": f"http://localhost:{port}/local-secret",  # a name for 127.0.0.1, not the source's
            "redirect": site.url("/hop"),
            # the parsers keep http(s) links only; a redirect may name any scheme (Scrapy follows http(s) only,
            # and the file and ftp download handlers are off besides)
            "redirect to a local file": site.url("/hop-file"),
            "redirect to FTP on the other host": site.url("/hop-ftp"),
        }
        site.add("/hop-file", status=302, headers={"Location": "file:///etc/hostname"}, content_type=None)
        site.add("/hop-ftp", status=302, headers={"Location": f"ftp://127.0.0.2:{ftp.getsockname()[1]}/r.pdf"},
                 content_type=None)
        site.add("/hostile.xml", content_type=RSS, body=rss(
            [{"link": site.url("/good/1"), "title": "good"}]
            + [{"link": url, "title": name} for name, url in hostile.items()]))
        watcher.source("hostile", "feed", site.url("/hostile.xml"))
        news_site(site)  # a second, untouched source on the same host
        watcher.source("daily", "feed", site.url("/feed.xml"))
        # a page naming a feed on the other host: the source's own error says why it was not read
        site.add("/named", body=f"""<!doctype html><html><head><link rel="alternate" type="application/rss+xml"
            href="{other.url('/feed.xml')}"></head><body>news</body></html>""".encode())
        other.add("/feed.xml", content_type=RSS, body=rss([{"link": other.url("/secret"), "title": "s"}]))
        watcher.source("named", "feed", site.url("/named"))
        yield HostileWeb(watcher, site, other, v6, ftp, hostile, watcher.crawl())


def test_the_pass_exits_zero_and_archives_the_good_entries(hostile_web: HostileWeb) -> None:
    web = hostile_web
    assert web.result.code == 0, web.result.stderr
    assert sorted(web.result.summary["sources_ok"]) == ["daily", "hostile"]
    titles = {i["title"] for i in web.watcher.archive().items()}
    assert titles == {"Mosul: civilians killed", "Mosul death toll far higher than reported",
                      "Zebari: 40,000 killed"}
    assert "/good/1" in web.site.paths() and "/hop" in web.site.paths()  # the redirect itself is on the source


def test_no_hostile_address_is_ever_requested(hostile_web: HostileWeb) -> None:
    web = hostile_web
    assert web.other.paths() == []  # not even its robots.txt: refused before any connection
    assert web.v6.paths() == []
    assert "/local-secret" not in web.site.paths()
    with pytest.raises(BlockingIOError):  # no connection waiting: ftp:// never dialled the other host
        web.ftp.accept()
    assert not any("Internal" in (i["title"] or "") for i in web.watcher.archive().items())


def test_each_refused_fetch_is_counted_remembered_and_logged_with_its_reason(hostile_web: HostileWeb) -> None:
    watcher, other, hostile, result = hostile_web.watcher, hostile_web.other, hostile_web.hostile, hostile_web.result
    assert result.summary["pages_failed"] == len(hostile)
    # refusals are lasting: the entries are remembered as seen and not fetched every pass
    assert set(watcher.archive().seen(list(hostile.values()))) == set(hostile.values())
    for host, address in [("127.0.0.2", "127.0.0.2"), ("2130706434", "127.0.0.2"), ("0x7f.2", "127.0.0.2"),
                          ("::1", "::1"), ("localhost", "127.0.0.1")]:
        assert f"refused to connect to {host}: {address} is a loopback address {HINT}" in result.stderr
    assert result.summary["errors"] == {
        "named": f"refused: 127.0.0.2 is a loopback address {HINT} ({other.url('/feed.xml')})"}
    assert "Traceback" not in result.stderr


def test_allow_private_lets_the_other_host_be_fetched(tmp_path: Path) -> None:
    with Site() as site, HostSite("127.0.0.2") as other:
        _secrets(other)
        site.add("/feed.xml", content_type=RSS, body=rss([{"link": other.url("/secret"), "title": "s"}]))
        watcher = Watcher(tmp_path)
        watcher.crawl_table += "\nallow_private = true"
        watcher.source("intranet", "feed", site.url("/feed.xml"))
        result = watcher.crawl()
        assert result.code == 0, result.stderr
        assert "/secret" in other.paths() and result.summary["items_new"] == 1
        assert "refused" not in result.stderr


# -- the pieces, without traffic ---------------------------------------------------------------------------

class FakeResolver:
    """An IHostnameResolver answering from a table, as getaddrinfo would: the guard's underlying resolver."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.table = table

    def resolveHostName(self, receiver, hostName, portNumber=0, addressTypes=None,  # type: ignore[no-untyped-def]  # noqa: N802, N803
                        transportSemantics="TCP"):  # noqa: N803
        receiver.resolutionBegan(HostResolution(hostName))
        for ip in self.table.get(hostName, []):
            receiver.addressResolved((IPv6Address if ":" in ip else IPv4Address)("TCP", ip, portNumber))
        receiver.resolutionComplete()
        return HostResolution(hostName)


TABLE = {"evil.example": ["169.254.169.254"], "good.example": ["93.184.216.34", "2606:2800:220:1::1"],
         "mixed.example": ["10.0.0.5", "93.184.216.34"], "intranet.example": ["10.0.0.5"],
         "10.1.2.3": ["10.1.2.3"], "::1": ["::1"]}


def _connect(host: str, *, table: dict[str, list[str]] = TABLE, reactor: MemoryReactorClock | None = None,
             **guard_options) -> tuple[list[tuple[str, int]], list, GuardedResolver]:  # type: ignore[no-untyped-def]
    """Connect to `host` with Twisted's own HostnameEndpoint on an in-memory reactor: (where it connected,
    errors, the guard)."""
    reactor = reactor or MemoryReactorClock()
    guard = GuardedResolver(reactor, FakeResolver(table), **guard_options)
    guard.install_on_reactor()
    errors: list = []
    HostnameEndpoint(reactor, host.encode(), 80).connect(Factory.forProtocol(Protocol)).addErrback(errors.append)
    reactor.advance(1)  # HostnameEndpoint starts its attempts from a LoopingCall
    return [(c[0], c[1]) for c in reactor.tcpClients], errors, guard


def test_a_name_resolving_to_cloud_metadata_is_refused_before_connecting() -> None:
    connected, errors, guard = _connect("evil.example")
    assert connected == [] and len(errors) == 1
    assert guard.refused["evil.example"].address == "169.254.169.254"
    assert guard.refused["evil.example"].reason == "a cloud metadata address"


def test_a_public_name_passes_through() -> None:
    connected, errors, guard = _connect("good.example")
    assert connected[0] == ("93.184.216.34", 80) and errors == [] and guard.refused == {}


def test_only_the_refused_addresses_of_a_name_are_dropped() -> None:
    connected, errors, guard = _connect("mixed.example")
    assert connected == [("93.184.216.34", 80)] and errors == [] and guard.refused == {}


def test_dns_rebinding_gains_nothing_each_answer_is_judged() -> None:
    reactor = MemoryReactorClock()
    table = {"rebind.example": ["93.184.216.34"]}
    assert _connect("rebind.example", table=table, reactor=reactor)[0] == [("93.184.216.34", 80)]
    table["rebind.example"] = ["127.0.0.1"]  # the attacker's DNS answers again, now with loopback
    connected, errors, guard = _connect("rebind.example", table=table, reactor=reactor)
    assert connected == [("93.184.216.34", 80)] and len(errors) == 1  # no second connection
    assert guard.refused["rebind.example"].reason == "a loopback address"


@pytest.mark.parametrize("literal, reason", [("10.1.2.3", "a private address"), ("::1", "a loopback address")])
def test_ip_literals_go_through_the_resolver_and_are_refused(literal: str, reason: str) -> None:
    connected, _, guard = _connect(literal)
    assert connected == [] and guard.refused[literal].reason == reason


def test_a_configured_host_and_allow_private_are_exempt() -> None:
    assert _connect("intranet.example", own_hosts=["Intranet.Example."])[0] == [("10.0.0.5", 80)]
    assert _connect("evil.example", allow_private=True)[0] == [("169.254.169.254", 80)]
    assert _connect("evil.example", own_hosts=["intranet.example"])[0] == []


def test_the_middleware_names_the_refusal_and_leaves_other_lookup_failures_alone(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _, _, guard = _connect("evil.example")
    monkeypatch.setattr(AddressRefusalMiddleware, "_guard", staticmethod(lambda: guard))
    middleware = AddressRefusalMiddleware()
    lookup_failed = CannotResolveHostError("no results for hostname lookup: evil.example")
    with pytest.raises(AddressRefused) as refused:
        middleware.process_exception(Request("http://evil.example/latest/meta-data/"), lookup_failed)
    assert (refused.value.host, refused.value.address) == ("evil.example", "169.254.169.254")
    assert middleware.process_exception(Request("http://nowhere.example/"), lookup_failed) is None


def test_a_refusal_is_described_as_one_lasting_line() -> None:
    why = describe(TwistedFailure(AddressRefused("evil.example", "10.0.0.5", "a private address")))
    assert why.message == f"refused: 10.0.0.5 is a private address {HINT}"
    assert not why.transient and why.lasting


def test_settings_install_the_guard_with_the_sources_hosts() -> None:
    settings = scrapy_settings(Politeness(), source_urls=["http://127.0.0.1:8080/feed.xml",
                                                          "https://News.Example.ORG./rss", "http://[::1]:9/x"])
    assert settings["TWISTED_DNS_RESOLVER"] == "crawler.resolver.GuardedResolver"
    assert settings[OWN_HOSTS] == ["127.0.0.1", "::1", "news.example.org"] and settings[ALLOW_PRIVATE] is False
    assert "crawler.resolver.AddressRefusalMiddleware" in settings["DOWNLOADER_MIDDLEWARES"]
    # ftp:// would connect without asking the resolver for IP literals; file:// reads local files
    assert settings["DOWNLOAD_HANDLERS"]["ftp"] is None and settings["DOWNLOAD_HANDLERS"]["file"] is None


def test_a_scheme_turned_off_is_a_lasting_failure() -> None:
    why = describe(TwistedFailure(NotSupported("Unsupported URL scheme 'ftp': no handler available for that scheme")))
    assert why.message == "unsupported URL scheme" and why.lasting
