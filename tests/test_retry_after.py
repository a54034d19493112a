"""Retry-After, read once for the crawler and the alerts (netpolicy.retry_after), and always capped.

The pure parser against every shape a header can take, then the two measured bugs end to end: a crawl whose
feed answers `Retry-After: 999999999999` (an OverflowError lost the failure) or a date in 2099 (the source backed
off until 2099) must record the failure with a back-off of at most the cap; and a webhook receiver asking for
2099 is tried again at most the cap away.
"""
from __future__ import annotations

import math
import random
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alerts.backoff import Backoff
from alerts.channels import build_channels
from alerts.delivery import Deliverer
from alerts.results import http_result
from alerts.rules import AlertRule
from crawler.backoff import backoff_until
from netpolicy.retry_after import DEFAULT_CAP, LONGEST_WAIT, bounded_wait, parse_retry_after
from test_crawl import RSS, Watcher, news_site
from test_service_support import SECRET, Reply, WebhookReceiver, webhook  # noqa: F401 (fixture)
from webfixtures import Site, rss

NOW = datetime(2017, 7, 1, 12, 0, tzinfo=UTC)
DAY = 86400.0
HOUR = 3600.0
IN_2099 = "Thu, 01 Jan 2099 00:00:00 GMT"
SLACK = 30.0  # seconds between the crawl recording the back-off and the test reading the clock


# -- the parser -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, seconds", [
    ("120", 120.0), (b"120", 120.0), (" 7 ", 7.0), ("\t0", 0.0), ("0000000000000000000000042", 42.0),
])
def test_delta_seconds(value: str | bytes, seconds: float) -> None:
    assert parse_retry_after(value, NOW, cap=DAY) == seconds


@pytest.mark.parametrize("value", [
    "Sat, 01 Jul 2017 12:02:00 GMT",  # IMF-fixdate
    "Saturday, 01-Jul-17 12:02:00 GMT",  # obsolete RFC 850
    "Sat Jul  1 12:02:00 2017",  # obsolete asctime: no zone at all
    "Sat, 01 Jul 2017 12:02:00",  # no zone: GMT, as every HTTP-date is (RFC 9110 5.6.7)
    "Sat, 01 Jul 2017 12:02:00 -0000",  # RFC 5322's "zone unknown": still GMT
    "Sat, 01 Jul 2017 14:02:00 +0200",  # not HTTP, but unambiguous
    b"Sat, 01 Jul 2017 12:02:00 GMT",
])
def test_http_dates_with_and_without_a_zone(value: str | bytes) -> None:
    assert parse_retry_after(value, NOW, cap=DAY) == 120.0


def test_a_date_in_the_past_is_no_wait() -> None:
    assert parse_retry_after("Sat, 01 Jul 2017 11:00:00 GMT", NOW, cap=DAY) == 0.0
    assert parse_retry_after("Thu, 01 Jan 1970 00:00:00 GMT", NOW, cap=DAY) == 0.0


@pytest.mark.parametrize("value", [IN_2099, "999999999999", "9" * 18, "Fri, 31 Dec 9999 23:59:59 GMT"])
def test_a_huge_or_far_wait_is_the_cap(value: str) -> None:
    assert parse_retry_after(value, NOW, cap=DAY) == DAY
    assert parse_retry_after(value, NOW, cap=2 * HOUR) == 2 * HOUR


def test_a_naive_now_is_utc() -> None:
    assert parse_retry_after("Sat, 01 Jul 2017 12:02:00 GMT", NOW.replace(tzinfo=None), cap=DAY) == 120.0


@pytest.mark.parametrize("value", [
    None, "", "   ", "garbage", "soon", "-5", "+5", "1.5", "1e400", "NaN", "nan", "inf", "-inf", "0x10",
    "9" * 19, "9" * 5000,  # more digits than any wait (and, past 4300, more than int() takes)
    "²", "١٢٣", "１２",  # str.isdigit() says yes; int() or the grammar says no
    b"\xff", b"12\xff", b"\xe2\x82\xac", "12\u00e9",  # not ASCII: neither grammar allows it
    "Sun, 06 Nov 1994 08:49:37 +9999",  # an offset datetime refuses
    "Fri, 31 Dec 99999 23:59:59 GMT", "Sun, 06 Nov 1994 25:49:37 GMT", "Mon, 32 Nov 1994 08:49:37 GMT",
    "Sat, 01 Jul 2017 12:02:00 GMT" + "x" * 100,  # longer than any HTTP-date: not parsed at all
])
def test_anything_else_is_none(value: str | bytes | None) -> None:
    assert parse_retry_after(value, NOW, cap=DAY) is None


@pytest.mark.parametrize("cap, expected", [(0.0, 0.0), (-1.0, 0.0), (math.nan, 0.0), (math.inf, LONGEST_WAIT)])
def test_a_bad_cap_can_only_shorten_waits(cap: float, expected: float) -> None:
    assert parse_retry_after("999999999999", NOW, cap=cap) == expected


@settings(max_examples=400, deadline=None)
@given(value=st.one_of(st.text(max_size=80), st.binary(max_size=80),
                       st.from_regex(r"\A[0-9]{1,30}\Z"),
                       st.datetimes(timezones=st.just(UTC)).map(lambda d: format_datetime(d, usegmt=True))),
       cap=st.floats(allow_nan=True, allow_infinity=True))
def test_the_parser_never_raises_and_stays_in_bounds(value: str | bytes, cap: float) -> None:
    result = parse_retry_after(value, NOW, cap=cap)
    assert result is None or 0.0 <= result <= min(max(cap, 0.0) if cap == cap else 0.0, LONGEST_WAIT)
    if result is not None:
        assert NOW + timedelta(seconds=result) >= NOW  # always a usable datetime offset


def test_bounded_wait() -> None:
    assert bounded_wait(None, DAY) is None and bounded_wait(math.nan, DAY) is None
    assert bounded_wait(-5.0, DAY) == 0.0 and bounded_wait(math.inf, DAY) == DAY and bounded_wait(30.0, DAY) == 30.0


# -- the two back-off rules -------------------------------------------------------------------------------------

@pytest.mark.parametrize("retry_after", [1e12, 1e300, math.inf, math.nan, -5.0, None])
def test_source_backoff_is_safe_for_any_retry_after_and_at_most_the_cap(retry_after: float | None) -> None:
    until = backoff_until(1, HOUR, NOW, retry_after=retry_after, cap=2 * HOUR, rng=random.Random(3))
    wait = (until - NOW).total_seconds()
    assert 0.8 * HOUR <= wait <= 2 * HOUR
    if retry_after is not None and retry_after > 2 * HOUR:
        assert wait == 2 * HOUR  # the long wait is honoured, up to the cap


def test_source_backoff_keeps_its_own_schedule_above_a_small_cap() -> None:
    """A small cap bounds what a server may ask for; it never makes a dead source polled more often."""
    until = backoff_until(10, 900, NOW, retry_after=1e12, cap=2 * HOUR, rng=random.Random(3))
    assert 0.8 * DAY <= (until - NOW).total_seconds() <= 1.2 * DAY
    assert backoff_until(10**6, 10**12, NOW) - NOW <= timedelta(seconds=LONGEST_WAIT)  # no overflow either


def test_alert_backoff_caps_any_retry_after() -> None:
    assert Backoff().next_attempt(1, NOW, retry_after=1e300) == NOW + timedelta(seconds=DEFAULT_CAP)
    assert Backoff(max_retry_after=2 * HOUR).next_attempt(1, NOW, retry_after=math.inf) == NOW + timedelta(hours=2)
    nan = Backoff(delays=(30.0,), jitter=0.0).next_attempt(1, NOW, retry_after=math.nan)
    assert nan == NOW + timedelta(seconds=30)  # a NaN wait is no wait: the schedule applies


def test_http_result_reads_retry_after_with_the_shared_parser() -> None:
    # by default the channel reports what was asked (bounded only by LONGEST_WAIT); the Backoff applies the cap
    assert http_result(503, "Service Unavailable", IN_2099, NOW).retry_after == LONGEST_WAIT
    assert http_result(503, "Service Unavailable", IN_2099, NOW, cap=DAY).retry_after == DAY
    assert http_result(429, "Too Many Requests", b"\xff", NOW).retry_after is None


def test_the_middleware_takes_the_cap_from_the_pass_politeness() -> None:
    from types import SimpleNamespace

    from scrapy.http import Request, Response
    from scrapy.settings import Settings

    from crawler.retry_after import RetryAfterMiddleware, configured_cap
    from crawler.settings import scrapy_settings
    from crawler.spec import Politeness

    settings = Settings(scrapy_settings(Politeness(max_retry_after=2 * HOUR)))
    crawler = SimpleNamespace(settings=settings, spider=SimpleNamespace(), stats=None)
    assert configured_cap(crawler) == 2 * HOUR
    assert configured_cap(SimpleNamespace(settings=Settings(), spider=None)) == DEFAULT_CAP
    middleware = RetryAfterMiddleware(crawler, max_wait=120.0)
    request = Request("https://example.org/feed")
    answer = Response(request.url, status=429, headers={"Retry-After": "999999999999"}, request=request)
    assert middleware.process_response(request, answer) is answer  # not retried in this pass ...
    assert request.meta["retry_after"] == 2 * HOUR and request.meta["dont_retry"]  # ... the source backs off


# -- the crawl, end to end --------------------------------------------------------------------------------------

class CappedWatcher(Watcher):
    """Watcher with top-level config keys (they must come before the first table) and [[alert]] tables."""

    def __init__(self, tmp_path: Path, *, top: str = "", alerts: str = "") -> None:
        super().__init__(tmp_path)
        self.top, self.alerts = top, alerts

    def write(self) -> None:
        super().write()
        text = self.config.read_text(encoding="utf-8")
        self.config.write_text(self.top + "\n" + text + "\n" + self.alerts + "\n", encoding="utf-8")


@pytest.fixture
def site():  # type: ignore[no-untyped-def]
    with Site() as s:
        yield s


def _failed_with_a_capped_backoff(watcher: Watcher, name: str, *, cap: float, started: float) -> None:
    state = watcher.archive().source(name)
    assert state.status == "failed" and state.consecutive_failures == 1, state
    assert "HTTP 429" in (state.last_error or "")
    until = state.backoff_until.timestamp()
    assert until > time.time() + HOUR, "the long wait is honoured ..."
    assert until <= time.time() + cap + SLACK, "... up to the cap"
    assert until >= started + cap - SLACK  # the cap itself, not the shorter failure schedule


def test_a_huge_or_far_retry_after_fails_the_source_with_a_backoff_of_the_cap(tmp_path: Path, site: Site) -> None:
    site.add("/huge", status=429, headers={"Retry-After": "999999999999"}, body=b"slow down",
             content_type="text/plain")
    site.add("/far", status=429, headers={"Retry-After": IN_2099}, body=b"come back in 2099",
             content_type="text/plain")
    watcher = Watcher(tmp_path)
    watcher.source("huge", "feed", site.url("/huge"))
    watcher.source("far", "feed", site.url("/far"))
    started = time.time()
    result = watcher.crawl()
    assert result.code == 3, result.stderr  # every source polled failed
    assert sorted(result.summary["sources_failed"]) == ["far", "huge"]
    assert "OverflowError" not in result.stderr
    for name in ("huge", "far"):
        _failed_with_a_capped_backoff(watcher, name, cap=DAY, started=started)
        assert len(site.requests_for(f"/{name}")) == 1  # too long to wait for within the pass: not retried


def test_a_configured_max_retry_after_caps_the_crawler_at_2_hours(tmp_path: Path, site: Site) -> None:
    site.add("/huge", status=429, headers={"Retry-After": "999999999999"}, body=b"", content_type="text/plain")
    site.add("/far", status=429, headers={"Retry-After": IN_2099}, body=b"", content_type="text/plain")
    watcher = CappedWatcher(tmp_path, top='max_retry_after = "2h"')
    # every 1h: its failure schedule (0.8-1.2 h) is shorter than the cap, so the cap is what is seen
    watcher.source("huge", "feed", site.url("/huge"), every="1h")
    watcher.source("far", "feed", site.url("/far"), every="1h")
    started = time.time()
    result = watcher.crawl()
    assert result.code == 3, result.stderr  # every source polled failed
    for name in ("huge", "far"):
        _failed_with_a_capped_backoff(watcher, name, cap=2 * HOUR, started=started)


def test_a_short_retry_after_within_the_cap_is_still_waited_for_in_the_pass(tmp_path: Path, site: Site) -> None:
    from webfixtures import Route

    site.add("/busy", Route(status=503, headers={"Retry-After": "Thu, 01 Jan 1970 00:00:00 GMT"},
                            content_type="text/plain", body=b"", then=[Route(body=rss([]), content_type=RSS)]))
    watcher = Watcher(tmp_path)
    watcher.source("busy", "feed", site.url("/busy"))
    result = watcher.crawl()
    assert result.summary["sources_ok"] == ["busy"] and len(site.requests_for("/busy")) == 2


# -- the alerts -------------------------------------------------------------------------------------------------

def _failing_source_alert(archive, channel: str) -> int:  # type: ignore[no-untyped-def]
    import json

    detail = json.dumps({"name": "hrw-iraq", "url": "https://hrw-iraq.example/", "failures": 5,
                         "last_error": "HTTP 503 Service Unavailable"})
    alert_id = archive.queue_alert(channel, "source.failing", "source:hrw-iraq:after:never", source="hrw-iraq",
                                   detail=detail)
    assert alert_id is not None
    return alert_id


@pytest.mark.parametrize("cap", [DEFAULT_CAP, 2 * HOUR], ids=["default-day", "2h"])
def test_a_webhook_asking_for_2099_is_tried_again_at_most_the_cap_away(archive, webhook, cap) -> None:  # type: ignore[no-untyped-def]
    webhook.script = [Reply(503, {"Retry-After": IN_2099})]
    rule = AlertRule(kind="webhook", webhook=webhook.url, secret=SECRET)
    alert_id = _failing_source_alert(archive, rule.channel)
    before = datetime.now(UTC)
    Deliverer(archive, build_channels([rule]), backoff=Backoff(max_retry_after=cap)).deliver_due()
    alert = archive.alert(alert_id)
    assert alert.state == "pending" and "503" in alert.last_error
    assert before + timedelta(seconds=cap - SLACK) <= alert.next_attempt <= datetime.now(UTC) + timedelta(seconds=cap)


def test_crawl_delivers_with_the_configured_cap(tmp_path: Path, site: Site) -> None:
    """`crawl` hands max_retry_after to the delivery after its pass (crawl_cmd -> settle_pass -> Backoff)."""
    news_site(site)
    with WebhookReceiver() as receiver:
        receiver.default = Reply(503, {"Retry-After": IN_2099})
        watcher = CappedWatcher(tmp_path, top='max_retry_after = "2h"',
                                alerts=f'[[alert]]\nwebhook = "{receiver.url}"\nsecret = "{SECRET}"')
        watcher.source("daily", "feed", site.url("/feed.xml"))
        result = watcher.crawl()
        assert result.code == 0, result.stderr
        receiver.wait_for(1)
    alerts = watcher.archive().alerts(limit=100)
    pending = [a for a in alerts if a.channel.startswith("webhook ")]
    assert pending and all(a.state == "pending" for a in pending), alerts
    latest = datetime.now(UTC) + timedelta(hours=2)
    assert all(latest - timedelta(seconds=SLACK * 4) <= a.next_attempt <= latest for a in pending)


def test_service_settings_and_the_service_deliverer_carry_the_cap(tmp_path: Path, sqlite_url: str) -> None:
    from casualty_watch import config
    from casualty_watch.commands.service_cmd import service_settings
    from scheduler import Service
    from storage import Archive

    path = tmp_path / "cw.toml"
    path.write_text(f'database = "{sqlite_url}"\nmax_retry_after = "2h"\n[[source]]\nname = "a"\n'
                    f'feed = "https://a.example/feed"\n', encoding="utf-8")
    cfg = config.load(str(path))
    settings = service_settings(cfg)
    assert cfg.max_retry_after == settings.max_retry_after == 2 * HOUR
    archive = Archive(sqlite_url)
    try:
        service = Service(settings, archive, runner=_NoPasses(), channels={})
        assert service.delivery.deliverer.backoff.max_retry_after == 2 * HOUR
    finally:
        archive.close()


class _NoPasses:
    def run(self, request, *, limit, stop):  # type: ignore[no-untyped-def]
        raise AssertionError("not started")

    def close(self) -> None:
        pass
