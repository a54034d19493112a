"""Delivery against real peers: a signed-webhook receiver and an SMTP server, on SQLite and PostgreSQL."""
from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta


from alerts.backoff import Backoff
from alerts.channels import build_channels
from alerts.delivery import Deliverer
from alerts.health import check_sources
from alerts.rules import AlertRule
from crawler.spec import SourceSpec
from test_service_support import SECRET, SmtpInbox, smtp, webhook, wait_until  # noqa: F401 (fixtures)


def _source_alert(archive, channel: str, name: str = "hrw-iraq", failures: int = 5) -> int:  # type: ignore[no-untyped-def]
    detail = json.dumps({"name": name, "url": f"https://{name}.example/", "failures": failures,
                         "last_error": "HTTP 503 Service Unavailable"})
    alert_id = archive.queue_alert(channel, "source.failing", f"source:{name}:after:never", source=name,
                                   detail=detail)
    assert alert_id is not None
    return alert_id


def _hook_rule(url: str) -> AlertRule:
    return AlertRule(kind="webhook", webhook=url, secret=SECRET)


def test_webhook_is_signed_and_carries_the_alert_once(archive, webhook) -> None:  # type: ignore[no-untyped-def]
    rule = _hook_rule(webhook.url)
    alert_id = _source_alert(archive, rule.channel)
    deliverer = Deliverer(archive, build_channels([rule]))
    assert deliverer.deliver_due() == 1
    assert deliverer.deliver_due() == 0  # nothing left: it is not sent twice
    [got] = webhook.wait_for(1)
    assert got.verified, "signature must verify with standardwebhooks"
    assert got.payload["type"] == "source.failing"
    assert got.payload["source"]["name"] == "hrw-iraq"
    alert = archive.alert(alert_id)
    assert got.headers["webhook-id"] == alert.message_id
    assert alert.state == "sent" and alert.delivered is not None
    assert [d["ok"] for d in archive.deliveries(alert_id)] == [True]


def test_503_then_200_delivers_once_with_the_same_webhook_id(archive, webhook) -> None:  # type: ignore[no-untyped-def]
    from test_service_support import Reply

    webhook.script = [Reply(503, {"Retry-After": "1"})]
    rule = _hook_rule(webhook.url)
    alert_id = _source_alert(archive, rule.channel)
    deliverer = Deliverer(archive, build_channels([rule]))
    deliverer.deliver_due()
    assert archive.alert(alert_id).state == "pending"
    assert deliverer.deliver_due() == 0  # not due again before Retry-After has passed
    wait_until(lambda: deliverer.deliver_due(), 5, "the retry to fall due")
    first, second = webhook.wait_for(2)
    assert first.headers["webhook-id"] == second.headers["webhook-id"]
    assert second.verified
    assert archive.alert(alert_id).state == "sent"
    assert [(d["ok"], d["status"]) for d in archive.deliveries(alert_id)] == [(False, 503), (True, 200)]
    assert len(webhook.requests) == 2


def test_429_retry_after_is_honoured(archive, webhook) -> None:  # type: ignore[no-untyped-def]
    from test_service_support import Reply

    webhook.script = [Reply(429, {"Retry-After": "120"})]
    rule = _hook_rule(webhook.url)
    alert_id = _source_alert(archive, rule.channel)
    before = datetime.now(UTC)
    Deliverer(archive, build_channels([rule])).deliver_due()
    alert = archive.alert(alert_id)
    assert alert.state == "pending"
    assert before + timedelta(seconds=115) <= alert.next_attempt <= datetime.now(UTC) + timedelta(seconds=125)


def test_network_errors_are_retried_with_backoff(archive) -> None:  # type: ignore[no-untyped-def]
    from ports import closed_port

    rule = _hook_rule(f"http://127.0.0.1:{closed_port()}/nobody-listens")
    alert_id = _source_alert(archive, rule.channel)
    before = datetime.now(UTC)
    Deliverer(archive, build_channels([rule]), backoff=Backoff(delays=(30.0,), jitter=0.0)).deliver_due()
    alert = archive.alert(alert_id)
    assert alert.state == "pending" and "network error" in alert.last_error
    assert alert.next_attempt >= before + timedelta(seconds=29)


def test_retries_stop_after_the_last_attempt(archive, webhook) -> None:  # type: ignore[no-untyped-def]
    from test_service_support import Reply

    webhook.default = Reply(500)
    rule = _hook_rule(webhook.url)
    alert_id = _source_alert(archive, rule.channel)
    deliverer = Deliverer(archive, build_channels([rule]), backoff=Backoff(delays=(0.0, 0.0), jitter=0.0))
    for _ in range(5):
        deliverer.deliver_due()
    alert = archive.alert(alert_id)
    assert alert.state == "failed" and "gave up after 3 attempts" in alert.last_error
    assert len(webhook.requests) == 3


def test_other_4xx_fail_for_good_and_alerts_retry_resends(archive, webhook, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from test_service_support import Reply

    webhook.script = [Reply(400)]
    rule = _hook_rule(webhook.url)
    alert_id = _source_alert(archive, rule.channel)
    deliverer = Deliverer(archive, build_channels([rule]))
    deliverer.deliver_due()
    assert archive.alert(alert_id).state == "failed"
    assert deliverer.deliver_due() == 0
    assert archive.retry_alert(alert_id)
    deliverer.deliver_due()
    first, second = webhook.wait_for(2)
    assert first.headers["webhook-id"] == second.headers["webhook-id"]
    assert archive.alert(alert_id).state == "sent"


def test_410_disables_the_endpoint_with_a_log_line(archive, webhook, caplog) -> None:  # type: ignore[no-untyped-def]
    from test_service_support import Reply

    webhook.script = [Reply(410)]
    rule = _hook_rule(webhook.url)
    first = _source_alert(archive, rule.channel, "one")
    second = _source_alert(archive, rule.channel, "two")
    deliverer = Deliverer(archive, build_channels([rule]))
    with caplog.at_level(logging.WARNING, logger="casualty_watch.alerts"):
        deliverer.deliver_due()
    assert archive.alert(first).state == "gone"
    assert archive.alert(second).state == "gone"  # settled with its channel, never sent
    assert len(webhook.requests) == 1
    assert any("410" in r.getMessage() and "disabled" in r.getMessage() for r in caplog.records)
    third = _source_alert(archive, rule.channel, "three")
    deliverer.deliver_due()
    assert archive.alert(third).state == "gone" and len(webhook.requests) == 1


def test_a_killed_sender_loses_nothing_and_the_resend_keeps_its_id(archive, webhook) -> None:  # type: ignore[no-untyped-def]
    rule = _hook_rule(webhook.url)
    alert_id = _source_alert(archive, rule.channel)
    [claimed] = archive.claim_alerts(lease=timedelta(seconds=1))  # a sender claims it, then dies silently
    assert archive.claim_alerts() == []  # leased: nobody else sends it meanwhile
    deliverer = Deliverer(archive, build_channels([rule]))
    wait_until(lambda: deliverer.deliver_due(), 5, "the lease to run out")
    [got] = webhook.wait_for(1)
    assert got.headers["webhook-id"] == claimed.message_id
    assert archive.alert(alert_id).state == "sent"


def test_email_is_sent_with_text_and_html_parts(archive, smtp) -> None:  # type: ignore[no-untyped-def]
    rule = AlertRule(kind="email", email=("desk@example.org", "ngo@example.org"), smtp=smtp.url(),
                     sender="casualty-watch@example.org")
    alert_id = _source_alert(archive, rule.channel)
    Deliverer(archive, build_channels([rule])).deliver_due()
    [email] = smtp.wait_for(1)
    assert email["Subject"] == "Source failing: hrw-iraq (5 failed polls in a row; last error: HTTP 503 Service Unavailable)"
    assert email["To"] == "desk@example.org, ngo@example.org"
    assert sorted(smtp.envelopes[0].rcpt_tos) == ["desk@example.org", "ngo@example.org"]
    assert "https://hrw-iraq.example/" in email.get_body(("plain",)).get_content()
    assert "hrw-iraq" in email.get_body(("html",)).get_content()
    assert archive.alert(alert_id).state == "sent"


def test_email_logs_in_and_never_shows_the_password(archive, caplog) -> None:  # type: ignore[no-untyped-def]
    with SmtpInbox(auth=("watch", "s3cret-pw")) as inbox:
        good = AlertRule(kind="email", email=("a@example.org",), smtp=inbox.url("watch", "s3cret-pw"),
                         sender="cw@example.org")
        _source_alert(archive, good.channel, "one")
        Deliverer(archive, build_channels([good])).deliver_due()
        inbox.wait_for(1)
        bad = AlertRule(kind="email", email=("b@example.org",), smtp=inbox.url("watch", "wrong-pw"),
                        sender="cw@example.org")
        bad_id = _source_alert(archive, bad.channel, "two")
        with caplog.at_level(logging.DEBUG):
            Deliverer(archive, build_channels([bad])).deliver_due()
    alert = archive.alert(bad_id)
    assert alert.state == "failed" and "535" in alert.last_error
    assert "wrong-pw" not in caplog.text and "wrong-pw" not in alert.last_error
    assert len(inbox.messages) == 1


def test_source_health_alerts_once_when_failing_and_once_on_recovery(archive, webhook) -> None:  # type: ignore[no-untyped-def]
    rule = _hook_rule(webhook.url)
    archive.sync_sources([SourceSpec(name="hrw-iraq", kind="page", url="https://hrw.example/", every=60)])
    channels = [rule.channel, "console"]
    for n in range(1, 5):
        archive.record_poll("hrw-iraq", "failed", error="HTTP 503")
        assert check_sources(archive, channels, failing_after=5) == [], f"no alert after {n} failures"
    archive.record_poll("hrw-iraq", "failed", error="HTTP 503")
    failing = check_sources(archive, channels, failing_after=5)
    assert len(failing) == 2  # one per channel
    archive.record_poll("hrw-iraq", "failed", error="HTTP 503")
    assert check_sources(archive, channels, failing_after=5) == []  # still failing: no second alert
    archive.record_poll("hrw-iraq", "ok")
    recovered = check_sources(archive, channels, failing_after=5)
    assert len(recovered) == 2
    assert check_sources(archive, channels, failing_after=5) == []
    Deliverer(archive, build_channels([rule])).deliver_due()
    events = [r.payload["type"] for r in webhook.wait_for(2)]
    assert events == ["source.failing", "source.recovered"]
    assert webhook.requests[0].payload["source"]["failures"] == 5


def test_a_webhook_token_never_reaches_logs_or_the_archive(archive, caplog) -> None:  # type: ignore[no-untyped-def]
    from ports import closed_port

    rule = _hook_rule(f"http://127.0.0.1:{closed_port()}/hook?token=TOPSECRET123")
    alert_id = _source_alert(archive, rule.channel)
    with caplog.at_level(logging.DEBUG):
        Deliverer(archive, build_channels([rule])).deliver_due()
    alert = archive.alert(alert_id)
    assert alert.state == "pending"
    assert "TOPSECRET123" not in caplog.text
    assert "TOPSECRET123" not in (alert.last_error or "") and "TOPSECRET123" not in alert.channel
    assert all("TOPSECRET123" not in (d["error"] or "") for d in archive.deliveries(alert_id))
