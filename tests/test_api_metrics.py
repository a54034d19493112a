"""`/metrics`: Prometheus text format, figures read from the archive (both databases)."""
from __future__ import annotations

import re

from fastapi.testclient import TestClient

from test_web_data import fill
from web.app import create_app
from web.metrics import Snapshot, render

SAMPLE = re.compile(r'^(casualty_watch_[a-z_]+)(\{[^}]*\})? (\S+)$')


def parse(text: str) -> dict[str, float]:
    """Each sample line as {'name{labels}': value}; every line must be a comment or a valid sample."""
    out: dict[str, float] = {}
    for line in text.splitlines():
        if line.startswith("# HELP ") or line.startswith("# TYPE "):
            continue
        m = SAMPLE.match(line)
        assert m, f"not a Prometheus sample line: {line!r}"
        out[m.group(1) + (m.group(2) or "")] = float(m.group(3))
    return out


def test_metrics_report_the_archive(archive) -> None:  # type: ignore[no-untyped-def]
    from crawler.spec import SourceSpec

    fill(archive)
    archive.bump({"crawl/polls": 7, "crawl/failures": 2, "crawl/pages": 31, "alerts/sent": 3})
    archive.bump({"crawl/pages": 4})
    archive.set_fact("last_pass_duration", "12.5")
    archive.sync_sources([SourceSpec('we"ird', "feed", "https://a.example/rss", 60.0)])
    archive.record_poll('we"ird', "failed", error="timeout")
    for n in range(3):
        archive.queue_alert("hook", "source.failing", f"source:x:{n}")
    sent = archive.claim_alerts(limit=1)[0]
    archive.finish_alert(sent.id, ok=True, status=200)
    totals = archive.totals()

    with TestClient(create_app(archive.url, token=None, require_token=False, version="1")) as client:
        response = client.get("/metrics")
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    got = parse(response.text)
    assert got["casualty_watch_polls_total"] == 7
    assert got["casualty_watch_poll_failures_total"] == 2
    assert got["casualty_watch_pages_fetched_total"] == 35
    assert got['casualty_watch_archive_counter_total{name="alerts/sent"}'] == 3
    assert got["casualty_watch_items"] == totals["items"] > 0
    assert got["casualty_watch_estimates"] == totals["estimates"] > 0
    assert got['casualty_watch_alert_deliveries{state="pending"}'] == 2
    assert got['casualty_watch_alert_deliveries{state="sent"}'] == 1
    assert got['casualty_watch_alert_deliveries{state="failed"}'] == 0
    assert got["casualty_watch_pass_duration_seconds"] == 12.5
    assert got['casualty_watch_source_up{source="we\\"ird"}'] == 0
    assert got['casualty_watch_source_consecutive_failures{source="we\\"ird"}'] == 1


def test_an_empty_archive_still_exposes_every_family() -> None:
    text = render(Snapshot(counters={}, totals={}, alert_counts={}, last_pass_duration="not a number", sources=[]))
    got = parse(text)
    assert got["casualty_watch_polls_total"] == 0 and got["casualty_watch_items"] == 0
    assert "casualty_watch_pass_duration_seconds" not in text  # unknown, so not made up
    for line in text.splitlines():
        if line.startswith("# TYPE "):
            assert line.split()[3] in ("counter", "gauge")
