"""The plain rules of alerting: retry schedule, HTTP answer classes, Retry-After, wording, email escaping."""
from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from alerts.backoff import Backoff
from alerts.describe import figure_words, headline, source_line
from alerts.mail import compose
from alerts.payloads import Message, PayloadError, message_for
from alerts.results import http_result
from alerts.routing import make_router
from alerts.rules import AlertRule
from netpolicy.retry_after import parse_retry_after
from storage import AlertOut

NOW = datetime(2017, 7, 20, 12, 0, tzinfo=UTC)


def test_backoff_follows_the_schedule_with_bounded_jitter() -> None:
    backoff = Backoff()
    rng = random.Random(7)
    for attempts, base in [(1, 5), (2, 300), (3, 1800), (4, 7200)]:
        waits = [(backoff.next_attempt(attempts, NOW, rng=rng) - NOW).total_seconds() for _ in range(200)]
        assert min(waits) >= base * 0.8 and max(waits) <= base * 1.2
        assert max(waits) - min(waits) > base * 0.1  # it really is spread, not a fixed delay


def test_backoff_gives_up_after_a_bounded_number_of_attempts() -> None:
    backoff = Backoff()
    assert backoff.next_attempt(backoff.max_attempts - 1, NOW) is not None
    assert backoff.next_attempt(backoff.max_attempts, NOW) is None
    assert backoff.next_attempt(backoff.max_attempts, NOW, retry_after=1) is None


def test_retry_after_wins_over_the_schedule_and_is_capped() -> None:
    backoff = Backoff()
    assert backoff.next_attempt(1, NOW, retry_after=120) == NOW + timedelta(seconds=120)
    assert backoff.next_attempt(1, NOW, retry_after=10**9) == NOW + timedelta(days=1)
    assert Backoff(max_retry_after=7200).next_attempt(1, NOW, retry_after=10**9) == NOW + timedelta(hours=2)


def test_parse_retry_after_reads_seconds_and_http_dates() -> None:
    day = 86400.0
    assert parse_retry_after("17", NOW, cap=day) == 17
    assert parse_retry_after(format_datetime(NOW + timedelta(minutes=2), usegmt=True), NOW, cap=day) == 120
    assert parse_retry_after(format_datetime(NOW - timedelta(minutes=2), usegmt=True), NOW, cap=day) == 0
    assert parse_retry_after("soon", NOW, cap=day) is None
    assert parse_retry_after(None, NOW, cap=day) is None


@pytest.mark.parametrize("status, ok, retry, gone", [
    (200, True, False, False), (204, True, False, False),
    (500, False, True, False), (503, False, True, False), (429, False, True, False), (408, False, True, False),
    (400, False, False, False), (401, False, False, False), (404, False, False, False), (410, False, False, True),
])
def test_http_answers_sort_into_sent_retry_fail_and_gone(status: int, ok: bool, retry: bool, gone: bool) -> None:
    result = http_result(status, "Reason", None, NOW)
    assert (result.ok, result.retry, result.gone) == (ok, retry, gone)
    assert result.status == status


def test_429_carries_its_retry_after() -> None:
    assert http_result(429, "Too Many Requests", "30", NOW).retry_after == 30


@pytest.mark.parametrize("est, words", [
    (dict(low=40000, high=None, qualifier="more_than", victims="civilians", outcome="killed", place="Mosul",
          claimant="Kurdish intelligence"), "more than 40,000 civilians killed in Mosul (Kurdish intelligence)"),
    (dict(low=9000, high=11000, qualifier="range", victims="civilians", outcome="killed", place="Mosul",
          claimant="AP"), "9,000 to 11,000 civilians killed in Mosul (AP)"),
    (dict(low=326, high=326, qualifier="exact", victims="civilians", outcome="killed", place="Mosul",
          claimant=None), "326 civilians killed in Mosul"),
    (dict(low=None, high=500, qualifier="up_to", victims="people", outcome="injured", place=None, claimant=None),
     "up to 500 people injured"),
    (dict(low=1000, high=None, qualifier="at_least", victims="children", outcome="casualties", place="Mosul",
          claimant=None), "at least 1,000 casualties among children in Mosul"),
    (dict(low=17, high=17, qualifier="exact", victims="people", outcome="killed", place="Mosul", claimant=None,
          kind="incident"), "17 people killed in one incident in Mosul"),
])
def test_headline_names_figure_victims_outcome_place_and_claimant(est: dict, words: str) -> None:
    assert headline(est) == words


def test_figure_words_without_a_figure() -> None:
    assert figure_words(None, None, None) == "an unknown number of"


def test_source_lines() -> None:
    assert source_line("source.failing", {"name": "hrw", "failures": 5, "last_error": "HTTP 503"}) == \
        "Source failing: hrw (5 failed polls in a row; last error: HTTP 503)"
    assert source_line("source.recovered", {"name": "hrw"}) == "Source recovered: hrw"


def _alert(**over: object) -> AlertOut:
    base = dict(id=1, message_id="msg_1", channel="email a@example.org", event="estimate.new", subject="estimate:1",
                state="pending", attempts=1, created=NOW, next_attempt=NOW, last_error=None, delivered=None,
                estimate_id=1, item_id=1, source=None, detail=None)
    base.update(over)
    return AlertOut(**base)  # type: ignore[arg-type]


def test_email_escapes_crawled_text_in_html_and_links_only_http() -> None:
    est = {"id": 1, "low": 40000, "high": None, "qualifier": "more_than", "outcome": "killed", "victims": "civilians",
           "place": "Mosul", "claimant": "<script>alert(1)</script>", "quote": 'He said "<b>40,000</b>" & more',
           "first_seen": NOW.isoformat(), "url": "javascript:alert(1)", "source": "x", "mentions": 1}
    alert = _alert(estimate=est, item={"id": 1, "url": "javascript:alert(1)", "title": "<img src=x onerror=y>"})
    email = compose(alert, message_for(alert), sender="cw@example.org", recipients=("a@example.org",))
    html = email.get_body(("html",)).get_content()
    text = email.get_body(("plain",)).get_content()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<img" not in html and "<b>40,000</b>" not in html
    assert 'href="javascript' not in html
    assert '"<b>40,000</b>" & more' in text  # the plain part keeps the quote as written
    assert email["Subject"].startswith("New estimate: more than 40,000 civilians killed in Mosul")


def test_every_retry_of_an_email_carries_the_same_message_id() -> None:
    est = {"id": 1, "low": 326, "high": 326, "qualifier": "exact", "outcome": "killed", "victims": "civilians",
           "place": "Mosul", "claimant": "Coalition", "quote": "326 civilians", "url": "https://w.example/a"}
    alert = _alert(estimate=est, item={"id": 1, "url": "https://w.example/a", "title": "t"})
    first, again = (compose(alert, message_for(alert), sender="cw@example.org", recipients=("a@example.org",))
                    for _ in range(2))
    assert first["Message-ID"] == again["Message-ID"] and alert.message_id in first["Message-ID"]


def test_an_estimate_alert_whose_estimate_is_gone_cannot_be_rendered() -> None:
    with pytest.raises(PayloadError):
        message_for(_alert(estimate=None))


def test_source_alert_payload_keeps_the_state_recorded_when_queued() -> None:
    msg = message_for(_alert(event="source.failing", estimate_id=None, item_id=None, source="hrw",
                             detail='{"name": "hrw", "failures": 5, "url": "https://hrw.example/"}'))
    assert isinstance(msg, Message)
    assert msg.body == {"type": "source.failing", "source": {"name": "hrw", "failures": 5,
                                                             "url": "https://hrw.example/"}}


class _Est:
    def __init__(self, outcome: str, victims: str, low: int, place: str | None, kind: str | None = None) -> None:
        self.outcome, self.victims, self.low, self.high, self.place = outcome, victims, low, None, place
        self.kind = kind


def test_kinds_filter_tolls_from_incidents() -> None:
    tolls = AlertRule(kind="webhook", webhook="https://h.example/t", kinds=("toll",))
    both = AlertRule(kind="webhook", webhook="https://h.example/b")
    route = make_router([tolls, both], ["Mosul"])
    assert route(_Est("killed", "civilians", 17, "Mosul", kind="incident")) == [both.channel]
    assert route(_Est("killed", "civilians", 9000, "Mosul", kind="toll")) == [tolls.channel, both.channel]
    assert route(_Est("killed", "civilians", 9000, "Mosul")) == [tolls.channel, both.channel]  # unsaid: a toll


def test_router_applies_each_channels_filters_for_watched_places_only() -> None:
    hook = AlertRule(kind="webhook", webhook="https://h.example/x?token=secret", min=1000)
    mail = AlertRule(kind="email", email=("a@example.org",), smtp="smtp://h", sender="s@example.org",
                     outcomes=("killed",))
    route = make_router([hook, mail], ["Mosul"])
    assert route(_Est("killed", "civilians", 40000, "Mosul")) == [hook.channel, mail.channel]
    assert route(_Est("injured", "civilians", 40000, "Mosul")) == [hook.channel]
    assert route(_Est("killed", "civilians", 300, "west Mosul")) == [mail.channel]
    assert route(_Est("killed", "combatants", 40000, "Mosul")) == []
    assert route(_Est("killed", "civilians", 40000, "Raqqa")) == []
    assert "secret" not in hook.channel
