"""The SSRF guard: connections only to public addresses, except to the sources' own hosts or when allowed.

A hostile feed entry, listing link or redirect can name any address (changedetection.io SSRF report #3789). The
check is made on the addresses a name *resolved to*, just before Twisted connects to them, so a host name that
resolves to 127.0.0.1, or one whose DNS answer changes between two looks (DNS rebinding), gains nothing: what is
checked is exactly what is connected to.

How it is wired (crawler/settings.py):

- `GuardedResolver` is Scrapy's `TWISTED_DNS_RESOLVER`. Scrapy installs it as the reactor's IHostnameResolver,
  which every HTTP(S) connection of Scrapy's HTTP/1.1 handler (twisted.web.client.Agent -> HostnameEndpoint)
  asks, robots.txt and redirected requests included. HostnameEndpoint hands IP literals (http://10.1.2.3/,
  http://[::1]/, http://2130706433/) to the resolver too, and getaddrinfo turns the odd spellings into the
  address they mean, so literals get the same check as names. Refused addresses are dropped; when none is left,
  the connection fails as a DNS lookup failure and the resolver remembers why.
- `AddressRefusalMiddleware` turns that lookup failure back into `AddressRefused`, which names the address and
  the reason (crawler/failures.py words it for the user), and which RetryMiddleware does not retry.
"""
from __future__ import annotations

import logging
import urllib.request
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import CannotResolveHostError
from scrapy.resolver import CachingHostnameResolver
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.error import DNSLookupError
from twisted.internet.interfaces import IAddress, IHostnameResolver, IHostResolution, IResolutionReceiver
from zope.interface import implementer

from netpolicy.addresses import refusal

from .settings import ALLOW_PRIVATE, OWN_HOSTS, host_key, hosts_of

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Request

log = logging.getLogger("crawler")


class AddressRefused(Exception):
    """A request's host resolved only to addresses the crawler may not reach."""

    def __init__(self, host: str, address: str, reason: str) -> None:
        super().__init__(f"{address} is {reason}")
        self.host, self.address, self.reason = host, address, reason


@dataclass(frozen=True, slots=True)
class Refusal:
    address: str
    reason: str


@implementer(IHostnameResolver)
class GuardedResolver:
    """An IHostnameResolver that passes on only the addresses `netpolicy.addresses.refusal` allows.

    Requests to `own_hosts` (the configured sources' hosts: the demo's, the tests' and intranet sources live on
    loopback or private addresses) pass untouched, on any port; so does everything when `allow_private`.
    """

    def __init__(self, reactor: Any, resolver: IHostnameResolver, *, own_hosts: Iterable[str] = (),
                 allow_private: bool = False) -> None:
        self.reactor = reactor
        self._resolver = resolver
        self._exempt = frozenset(host_key(h) for h in own_hosts)
        self._allow_private = allow_private
        self.refused: dict[str, Refusal] = {}  # host -> why its last lookup left no address to connect to
        self._warned: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler, reactor: Any) -> GuardedResolver:
        """Built by Scrapy from TWISTED_DNS_RESOLVER, around Scrapy's own caching resolver (DNSCACHE_*)."""
        settings = crawler.settings
        cache_size = settings.getint("DNSCACHE_SIZE") if settings.getbool("DNSCACHE_ENABLED") else 0
        own = settings.getlist(OWN_HOSTS)
        if settings.getbool("HTTPPROXY_ENABLED"):
            # Behind a proxy from the environment we connect to the proxy, not the site: let that through
            # (the proxy, not us, then resolves the sites).
            own = [*own, *hosts_of(urllib.request.getproxies().values())]
        return cls(reactor, CachingHostnameResolver(reactor, cache_size), own_hosts=own,
                   allow_private=settings.getbool(ALLOW_PRIVATE))

    def install_on_reactor(self) -> None:
        self.reactor.installNameResolver(self)

    def resolveHostName(self, resolutionReceiver: IResolutionReceiver, hostName: str,  # Twisted's names
                        portNumber: int = 0, addressTypes: Sequence[type[IAddress]] | None = None,
                        transportSemantics: str = "TCP") -> IHostResolution:
        receiver = resolutionReceiver
        if not self._allow_private and host_key(hostName) not in self._exempt:
            receiver = _Screen(resolutionReceiver, hostName, self)
        return self._resolver.resolveHostName(receiver, hostName, portNumber, addressTypes, transportSemantics)

    def settle(self, host: str, passed: int, refused: Sequence[Refusal]) -> None:
        """Remember (and log once) why `host` cannot be reached, or forget it when it now can."""
        key = host_key(host)
        if passed or not refused:
            self.refused.pop(key, None)
            return
        self.refused[key] = refused[0]
        if key not in self._warned:
            self._warned.add(key)
            log.warning("refused to connect to %s: %s is %s (set [crawl] allow_private = true to allow)",
                        host, refused[0].address, refused[0].reason)


@implementer(IResolutionReceiver)
class _Screen:
    """Stands between the real resolver and the connection attempt, dropping the addresses refused."""

    def __init__(self, receiver: IResolutionReceiver, host: str, guard: GuardedResolver) -> None:
        self._receiver, self._host, self._guard = receiver, host, guard
        self._passed = 0
        self._refused: list[Refusal] = []

    def resolutionBegan(self, resolution: IHostResolution) -> None:
        self._receiver.resolutionBegan(resolution)

    def addressResolved(self, address: IAddress) -> None:
        ip = str(getattr(address, "host", ""))
        why = refusal(ip)
        if why is None:
            self._passed += 1
            self._receiver.addressResolved(address)
        else:
            self._refused.append(Refusal(ip, why))

    def resolutionComplete(self) -> None:
        self._guard.settle(self._host, self._passed, self._refused)
        self._receiver.resolutionComplete()


class AddressRefusalMiddleware:
    """Downloader middleware: a lookup that failed because the guard refused every address raises AddressRefused.

    Placed above RetryMiddleware (550) and RetryAfterMiddleware (560): process_exception runs from the highest
    priority down and an exception raised there ends the chain, so a refusal is not retried.
    """

    @staticmethod
    def _guard() -> GuardedResolver | None:
        # Looked up when needed: CrawlerProcess.start() installs the resolver, after process.crawl() has built
        # the middlewares.
        from twisted.internet import reactor

        resolver = getattr(reactor, "nameResolver", None)
        return resolver if isinstance(resolver, GuardedResolver) else None

    def process_exception(self, request: Request, exception: Exception) -> None:
        if not isinstance(exception, (CannotResolveHostError, DNSLookupError)):
            return None
        guard = self._guard()
        host = urlparse_cached(request).hostname or ""
        why = guard.refused.get(host_key(host)) if guard is not None else None
        if why is None:
            return None
        raise AddressRefused(host, why.address, why.reason) from exception
