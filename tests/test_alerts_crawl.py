"""`casualty-watch crawl` delivers the alerts its pass created before it exits; `alerts` lists and resends."""
from __future__ import annotations

import json
import subprocess

from storage import Archive
from test_service_support import (CLI, NewsSite, Reply, SECRET, article_html, rss, webhook,  # noqa: F401
                                  write_config)

STORY = ("AP investigation: 9,000 to 11,000 civilians died in Mosul",
         "Between 9,000 and 11,000 civilians died in the battle to retake Mosul from Islamic State, an Associated "
         "Press investigation has found.\n\nThe count is based on morgue records and the databases of "
         "independent monitors.")


def _site(tmp_path):  # type: ignore[no-untyped-def]
    site = NewsSite(tmp_path / "web")
    site.write("news/ap.html", article_html(*STORY))
    site.write("feed.xml", rss(site.base, "Levant Wire", [("/news/ap.html", STORY[0], "20 Dec 2017 16:00:00 +0000")]))
    return site.start()


def _cli(config, *args: str) -> subprocess.CompletedProcess:  # type: ignore[no-untyped-def]
    return subprocess.run([*CLI, "-c", str(config), *args], capture_output=True, text=True, timeout=120)


def test_crawl_delivers_its_alerts_before_exiting_even_after_a_503(tmp_path, db_url, webhook) -> None:  # type: ignore[no-untyped-def]
    webhook.script = [Reply(503, {"Retry-After": "1"})]
    site = _site(tmp_path)
    try:
        config = write_config(tmp_path / "cw.toml", database=db_url,
                              sources=[{"name": "wire", "feed": f"{site.base}/feed.xml"}],
                              alerts=[{"webhook": webhook.url, "secret": SECRET}])
        done = _cli(config, "crawl", "--json")
    finally:
        site.stop()
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert len(summary["alerts"]) == 1
    assert len(webhook.requests) == 2  # already there when crawl returned: the 503, then the retry
    first, second = webhook.requests
    assert first.headers["webhook-id"] == second.headers["webhook-id"] and second.verified
    assert second.payload["estimate"]["low"] == 9000 and second.payload["item"]["url"].endswith("/news/ap.html")
    archive = Archive(db_url)
    try:
        assert archive.alert(summary["alerts"][0]).state == "sent"
    finally:
        archive.close()
    assert "alerts: 1 sent" in done.stderr


def test_alerts_lists_states_and_retry_resends_a_failed_one(tmp_path, sqlite_url, webhook) -> None:  # type: ignore[no-untyped-def]
    webhook.script = [Reply(400)]
    site = _site(tmp_path)
    try:
        config = write_config(tmp_path / "cw.toml", database=sqlite_url,
                              sources=[{"name": "wire", "feed": f"{site.base}/feed.xml"}],
                              alerts=[{"webhook": webhook.url, "secret": SECRET}])
        crawl = _cli(config, "crawl", "--json")
    finally:
        site.stop()
    assert crawl.returncode == 0, crawl.stderr
    [alert] = json.loads(_cli(config, "alerts", "--json").stdout)
    assert alert["state"] == "failed" and "400" in alert["last_error"] and alert["attempts"] == 1
    table = _cli(config, "alerts")
    assert table.returncode == 0 and "failed" in table.stdout

    retried = _cli(config, "alerts", "retry", str(alert["id"]))
    assert retried.returncode == 0, retried.stderr
    assert f"alert {alert['id']} sent" in retried.stdout
    [after] = json.loads(_cli(config, "alerts", "--json", "--state", "sent").stdout)
    assert after["id"] == alert["id"] and after["attempts"] == 2
    ids = [r.headers["webhook-id"] for r in webhook.requests]
    assert len(ids) == 2 and ids[0] == ids[1] == after["message_id"]

    again = _cli(config, "alerts", "retry", str(alert["id"]))
    assert again.returncode == 2 and "is sent, not failed" in again.stderr
    missing = _cli(config, "alerts", "retry", "999")
    assert missing.returncode == 2 and "no alert 999" in missing.stderr
    bad_state = _cli(config, "alerts", "--state", "lost")
    assert bad_state.returncode == 2 and "not one of" in bad_state.stderr
    assert len(webhook.requests) == 2  # none of the refused commands sent anything
