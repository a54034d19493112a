"""`casualty-watch demo`: the newcomer's first run, as a real process, in seconds."""
from __future__ import annotations

import json
import subprocess
import time

from alerts.rules import DEFAULT_VICTIMS
from test_service_support import CLI, webhook  # noqa: F401 (fixture)


def _cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=timeout)


def test_demo_shows_estimates_and_alerts_then_a_new_storys_alert(tmp_path, webhook) -> None:  # type: ignore[no-untyped-def]
    keep = tmp_path / "demo"
    started = time.monotonic()
    done = _cli("demo", "--keep", str(keep), "--webhook", webhook.url)
    took = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    assert took < 60, f"the demo should take seconds, took {took:.0f} s"
    out = done.stdout
    alert_lines = [ln for ln in out.splitlines() if ln.startswith("ALERT New estimate: ")]
    assert "Estimates found" in out and "Publishing one more story" in out and "Its alert arrived" in out
    # the story published mid-demo is alerted, after the table of what the first pass found
    assert "2,521 civilians killed in Mosul" in alert_lines[-1]
    assert out.index("Publishing one more story") < out.index(alert_lines[-1])

    config = str(keep / "casualty-watch.toml")
    estimates = json.loads(_cli("-c", config, "estimates", "--json").stdout)
    alerts = json.loads(_cli("-c", config, "alerts", "--json").stdout)
    items = json.loads(_cli("-c", config, "items", "--json").stdout)
    civilian = {e["id"] for e in estimates if e["victims"] == "civilians"}
    assert len(civilian) >= 5  # Kurdish intelligence, AP, coalition, Amnesty, Airwars (PDF), UN
    assert any(e["url"].endswith(".pdf") for e in estimates), "the PDF report is read"
    # the default rule alerts every group but fighters: civilians, and "people" ("326 of the deaths")
    alerting = {e["id"] for e in estimates if e["victims"] in DEFAULT_VICTIMS}
    assert civilian <= alerting and not any(e["victims"] == "combatants" and e["id"] in alerting for e in estimates)
    for channel in ("console", f"webhook {webhook.url}"):
        sent = [a["estimate_id"] for a in alerts if a["channel"] == channel and a["event"] == "estimate.new"]
        assert sorted(sent) == sorted(alerting), f"one alert per new estimate the default rule covers on {channel}"
        assert all(a["state"] == "sent" for a in alerts if a["channel"] == channel)
    assert len(alert_lines) == len(alerting)
    combatants = [e for e in estimates if e["victims"] == "combatants"]
    assert combatants and not {e["id"] for e in combatants} & {a["estimate_id"] for a in alerts}
    restated = [e for e in estimates if e["mentions"] > 1]
    assert restated, "a restatement is a second mention of a known estimate, not a new one"
    syndicated = [i for i in items if i["also_at"]]
    assert syndicated, "the syndicated copy is folded into its original"
    assert not [i for i in items if "drought" in (i["title"] or "").lower()], "the irrelevant story is not archived"
    assert len(webhook.requests) == len(alerting)


def test_demo_refuses_a_keep_folder_that_already_holds_a_demo(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "demo.db").write_bytes(b"")
    done = _cli("demo", "--keep", str(tmp_path), timeout=30)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].startswith("casualty-watch: ") and "already holds" in done.stderr
    assert (tmp_path / "demo.db").read_bytes() == b""  # nothing touched


def test_demo_rejects_a_bad_webhook_url() -> None:
    done = _cli("demo", "--webhook", "not-a-url", timeout=30)
    assert done.returncode == 2 and "bad URL" in done.stderr
