"""`casualty-watch run` as users run it: a real process, a fixture web on 127.0.0.1, a signed-webhook receiver
and an SMTP server; killed with SIGTERM and with kill -9 at awkward moments."""
from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from storage import Archive
from test_service_support import (CLI, NewsSite, Reply, SECRET, article_html, rss, smtp, wait_until,  # noqa: F401
                                  webhook, write_config)

KURDISH = ("Kurdish intelligence: more than 40,000 civilians killed in Mosul",
           "More than 40,000 civilians were killed in the battle for Mosul, according to Kurdish intelligence, a "
           "figure far higher than any given before.\n\nMany bodies are still buried under the rubble of the Old "
           "City, where the last fighting took place, and civil defence teams recover dozens every day.")
AP = ("AP investigation: 9,000 to 11,000 civilians died in Mosul",
      "Between 9,000 and 11,000 civilians died in the battle to retake Mosul from Islamic State, an Associated "
      "Press investigation has found.\n\nThe count is based on morgue records and the databases of independent "
      "monitors, and is nearly ten times the number previously reported.")
IRRELEVANT = ("Wheat farmers in north-east Syria fear drought",
              "Farmers around Qamishli say the rains came late and stopped early this year.\n\nGrain merchants "
              "expect bread prices to rise before winter.")
RESTATED = ("Iraqi commanders declare Old City battle over",
            "Iraqi commanders said on Saturday that more than 2,000 Islamic State fighters had been killed in the "
            "final weeks of fighting in Mosul.\n\nKurdish intelligence has said that more than 40,000 civilians "
            "were killed in the battle for Mosul, while Iraqi officials say they have no overall figure yet.")


class Web:
    """The fixture outlet: one RSS feed, stories published by adding them."""

    def __init__(self, root: Path) -> None:
        self.site = NewsSite(root)
        self.entries: list[tuple[str, str, str]] = []

    def publish(self, slug: str, story: tuple[str, str], day: int) -> str:
        path = f"/news/{slug}.html"
        self.site.write(path.lstrip("/"), article_html(story[0], story[1], f"2017-07-{day:02d}T10:00:00Z"))
        self.entries.insert(0, (path, story[0], f"{day:02d} Jul 2017 10:00:00 +0000"))
        self.site.write("feed.xml", rss(self.site.base, "Tigris Dispatch", self.entries))
        feed = self.site.root / "feed.xml"
        bump = time.time() + len(self.entries)  # a new Last-Modified even within the same second
        os.utime(feed, (bump, bump))
        return f"{self.site.base}{path}"

    @property
    def feed(self) -> str:
        return f"{self.site.base}/feed.xml"


@pytest.fixture
def web(tmp_path):  # type: ignore[no-untyped-def]
    w = Web(tmp_path / "web")
    yield w
    w.site.stop()


class Run:
    """One `casualty-watch run` process, its stderr in a file."""

    def __init__(self, config: Path, log: Path, *args: str) -> None:
        self.log = log
        self.proc = subprocess.Popen([*CLI, "-c", str(config), "run", "--log-level", "info", *args],
                                     stdout=subprocess.DEVNULL, stderr=log.open("ab"))

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_log(self, needle: str, timeout: float = 20) -> None:
        wait_until(lambda: needle in self.text() or self.proc.poll() is not None, timeout, f"{needle!r} in the log")
        assert needle in self.text(), self.text()

    def children(self) -> list[int]:
        try:
            tasks = Path(f"/proc/{self.proc.pid}/task").iterdir()
            return [int(c) for t in tasks for c in (t / "children").read_text().split()]
        except OSError:
            return []

    def terminate(self, timeout: float = 10, sig: int = signal.SIGTERM) -> tuple[int, float]:
        started = time.monotonic()
        self.proc.send_signal(sig)
        code = self.proc.wait(timeout)
        return code, time.monotonic() - started

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait(5)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(5)


@pytest.fixture
def runs(tmp_path):  # type: ignore[no-untyped-def]
    started: list[Run] = []

    def start(config: Path, *args: str) -> Run:
        run = Run(config, tmp_path / f"run-{len(started)}.log", *args)
        started.append(run)
        return run

    yield start
    for run in started:
        run.close()


def _config(tmp_path: Path, db_url: str, web: Web, *, alerts=(), every: str = "1s", **kw) -> Path:  # type: ignore[no-untyped-def]
    return write_config(tmp_path / "casualty-watch.toml", database=db_url,
                        sources=[{"name": "tigris", "feed": web.feed, "every": every}], alerts=list(alerts), **kw)


def _running(pid: int) -> bool:
    """Alive and not a zombie (a container's init may never reap an orphan's exit status)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")[:160]
    except OSError:
        return "?"


def _alerts_by_estimate(db_url: str) -> dict[int, list]:
    archive = Archive(db_url)
    try:
        out: dict[int, list] = {}
        for alert in archive.alerts(limit=1000):
            if alert.event == "estimate.new":
                out.setdefault(alert.estimate_id, []).append(alert)
        return out
    finally:
        archive.close()


def _estimates(db_url: str) -> list[dict]:
    archive = Archive(db_url)
    try:
        return archive.estimates()
    finally:
        archive.close()


def _settled(db_url: str) -> bool:
    archive = Archive(db_url)
    try:
        return archive.alert_counts().get("pending", 0) == 0
    finally:
        archive.close()


def test_new_estimates_alert_once_per_channel_and_restatements_never(tmp_path, db_url, web, webhook, smtp, runs) -> None:  # type: ignore[no-untyped-def]
    web.publish("kurdish-intelligence", KURDISH, 19)
    web.publish("ap-investigation", AP, 20)
    web.publish("syria-drought", IRRELEVANT, 17)
    web.site.start()
    alerts = [{"webhook": webhook.url, "secret": SECRET},
              {"email": ["desk@example.org"], "smtp": smtp.url(), "from": "watch@example.org"}]
    run = runs(_config(tmp_path, db_url, web, alerts=alerts))
    webhook.wait_for(2, timeout=30)
    smtp.wait_for(2, timeout=30)
    wait_until(lambda: _settled(db_url), 10, "the outbox to empty")

    web.publish("old-city", RESTATED, 22)  # restates 40,000 and adds a combatant figure
    wait_until(lambda: any(e["victims"] == "combatants" for e in _estimates(db_url)), 20, "the next pass")
    time.sleep(2.5)  # more passes and delivery rounds: nothing more may arrive
    code, took = run.terminate()
    assert code == 0 and took < 10

    estimates = _estimates(db_url)
    alerted = _alerts_by_estimate(db_url)
    civilian = [e for e in estimates if e["victims"] == "civilians"]
    assert len(civilian) == 2 and {e["low"] for e in civilian} == {40000, 9000}
    restated = next(e for e in civilian if e["low"] == 40000)
    assert restated["mentions"] == 2  # the second story is recorded as a mention, not a new estimate
    for est in civilian:
        channels = sorted(a.channel for a in alerted[est["id"]])
        assert channels == sorted(["console", f"webhook {webhook.url}", "email desk@example.org"][1:])
        assert all(a.state == "sent" for a in alerted[est["id"]])
    combatant = next(e for e in estimates if e["victims"] == "combatants")
    assert combatant["id"] not in alerted
    assert len(webhook.requests) == 2 and len(smtp.messages) == 2
    assert all(r.verified for r in webhook.requests)
    assert {r.payload["estimate"]["id"] for r in webhook.requests} == {e["id"] for e in civilian}
    assert len({r.headers["webhook-id"] for r in webhook.requests}) == 2
    subjects = sorted(m["Subject"] for m in smtp.messages)
    assert subjects[1].startswith("New estimate: more than 40,000 civilians killed in Mosul")
    assert "9,000 to 11,000 civilians" in subjects[0]
    kurdish = next(m for m in smtp.messages if "40,000" in m["Subject"])
    story = next(r.payload["item"]["url"] for r in webhook.requests if r.payload["estimate"]["low"] == 40000)
    assert f'href="{story}"' in kurdish.get_body(("html",)).get_content()
    assert restated["quote"] in kurdish.get_body(("plain",)).get_content()
    assert "new estimate: more than 40,000 civilians killed in Mosul" in run.text()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_mid_pass_exits_0_within_10_s_and_leaves_no_crawl(tmp_path, sqlite_url, web, runs, sig) -> None:  # type: ignore[no-untyped-def]
    web.publish("kurdish-intelligence", KURDISH, 19)
    web.site.start(slow={"/news/kurdish-intelligence.html": 60})
    run = runs(_config(tmp_path, sqlite_url, web))
    wait_until(lambda: "/news/kurdish-intelligence.html" in web.site.hit_paths(), 30, "the pass to reach the story")
    children = run.children()
    assert children, "the pass runs in a child process"
    described = {pid: _cmdline(pid) for pid in children}
    try:
        code, took = run.terminate(sig=sig)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"no exit within 10 s of {sig.name}\n{run.text()}") from None
    assert code == 0 and took < 10, f"exit code {code} after {took:.2f} s\n{run.text()}"
    left = [pid for pid in children if _running(pid)]
    assert not left, (f"the child pass must be gone: still running "
                      f"{[(pid, described[pid]) for pid in left]} of {described}, exit after {took:.2f} s\n"
                      f"{run.text()}")
    assert "stopped" in run.text()


def test_two_runs_on_one_archive_the_second_refuses(tmp_path, db_url, web, runs) -> None:  # type: ignore[no-untyped-def]
    web.publish("syria-drought", IRRELEVANT, 17)
    web.site.start()
    config = _config(tmp_path, db_url, web, every="1h")
    first = runs(config)
    first.wait_log("service started")
    second = runs(config)
    assert second.proc.wait(20) == 2
    lines = [ln for ln in second.text().splitlines() if ln.strip()]
    assert lines[-1].startswith("casualty-watch: another casualty-watch run") and "archive" in lines[-1]
    assert first.proc.poll() is None  # the first one is unaffected
    assert first.terminate()[0] == 0
    third = runs(config)  # once the first has gone, a new one may start
    third.wait_log("service started")
    assert third.terminate()[0] == 0


def test_kill_9_mid_pass_then_restart_loses_nothing(tmp_path, db_url, web, webhook, runs) -> None:  # type: ignore[no-untyped-def]
    web.publish("kurdish-intelligence", KURDISH, 19)
    web.publish("ap-investigation", AP, 20)
    web.site.start(slow={"/news/ap-investigation.html": 60})
    config = _config(tmp_path, db_url, web, alerts=[{"webhook": webhook.url, "secret": SECRET}])
    run = runs(config)
    wait_until(lambda: "/news/ap-investigation.html" in web.site.hit_paths(), 30, "the pass to reach the slow story")
    children = run.children()
    run.kill()
    wait_until(lambda: not [p for p in children if _running(p)], 5, "the orphaned pass to die")

    web.site.stop()
    web.site.start()  # the slow page answers at once now
    restarted = runs(config)
    wait_until(lambda: len(_alerts_by_estimate(db_url)) >= 2 and _settled(db_url), 40, "both alerts to be sent")
    time.sleep(1.5)
    assert restarted.terminate()[0] == 0
    alerted = _alerts_by_estimate(db_url)
    civilian = [e for e in _estimates(db_url) if e["victims"] == "civilians"]
    assert {e["low"] for e in civilian} == {40000, 9000}
    assert all(len(alerted[e["id"]]) == 1 and alerted[e["id"]][0].state == "sent" for e in civilian)
    ids = [r.headers["webhook-id"] for r in webhook.requests]
    assert sorted(ids) == sorted(a.message_id for e in civilian for a in alerted[e["id"]])
    assert len(ids) == len(set(ids)) == 2  # each estimate delivered once, under its own id


def test_kill_9_mid_delivery_then_restart_resends_with_the_same_id(tmp_path, db_url, web, webhook, runs) -> None:  # type: ignore[no-untyped-def]
    web.publish("kurdish-intelligence", KURDISH, 19)
    web.site.start()
    webhook.script = [Reply(200, delay=60)]  # the first delivery hangs: the service is killed mid-send
    config = _config(tmp_path, db_url, web, alerts=[{"webhook": webhook.url, "secret": SECRET}])
    run = runs(config, "--send-timeout", "0.5s")
    [first] = webhook.wait_for(1, timeout=30)
    run.kill()
    restarted = runs(config, "--send-timeout", "0.5s")
    requests = webhook.wait_for(2, timeout=30)  # the lease (a few send timeouts) runs out, then it is resent
    wait_until(lambda: _settled(db_url), 10, "the alert to be recorded as sent")
    time.sleep(1.5)
    assert restarted.terminate()[0] == 0
    assert len(webhook.requests) == 2
    assert requests[1].headers["webhook-id"] == first.headers["webhook-id"]
    assert requests[1].verified
    [alerts] = _alerts_by_estimate(db_url).values()
    assert len(alerts) == 1 and alerts[0].state == "sent" and alerts[0].message_id == first.headers["webhook-id"]


def test_a_restart_resumes_the_schedule_without_polling_early(tmp_path, sqlite_url, web, runs) -> None:  # type: ignore[no-untyped-def]
    web.publish("syria-drought", IRRELEVANT, 17)
    web.site.start()
    config = _config(tmp_path, sqlite_url, web, every="1h")
    run = runs(config)
    wait_until(lambda: "/feed.xml" in web.site.hit_paths(), 30, "the first poll")
    run.wait_log("pass done")
    assert run.terminate()[0] == 0
    polls = web.site.hit_paths().count("/feed.xml")
    again = runs(config)
    again.wait_log("next poll at")
    time.sleep(3)
    assert again.terminate()[0] == 0
    assert web.site.hit_paths().count("/feed.xml") == polls == 1


def test_a_failing_source_alerts_once(tmp_path, sqlite_url, web, webhook, runs) -> None:  # type: ignore[no-untyped-def]
    web.site.start()  # no feed.xml: every poll fails with 404
    config = _config(tmp_path, sqlite_url, web, alerts=[{"webhook": webhook.url, "secret": SECRET}],
                     failure_alert_after=1)
    run = runs(config)
    [got] = webhook.wait_for(1, timeout=30)
    time.sleep(2)
    assert run.terminate()[0] == 0
    assert got.payload["type"] == "source.failing" and got.payload["source"]["name"] == "tigris"
    assert got.verified and len(webhook.requests) == 1
    assert "Source failing: tigris" in run.text()


@pytest.mark.parametrize("args, message", [
    (["--log-level", "loud"], "'loud' is not one of debug, info, warning, error"),
    (["--pass-limit", "soon"], "bad duration 'soon'"),
])
def test_bad_options_are_one_line_errors(tmp_path, sqlite_url, args, message) -> None:  # type: ignore[no-untyped-def]
    config = write_config(tmp_path / "cw.toml", database=sqlite_url,
                          sources=[{"name": "a", "feed": "http://127.0.0.1:9/feed.xml"}])
    done = subprocess.run([*CLI, "-c", str(config), "run", *args], capture_output=True, text=True, timeout=30,
                          env={**os.environ, "COLUMNS": "200"})
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr


def test_run_without_sources_says_so(tmp_path, sqlite_url) -> None:  # type: ignore[no-untyped-def]
    config = write_config(tmp_path / "cw.toml", database=sqlite_url, sources=[])
    done = subprocess.run([*CLI, "-c", str(config), "run"], capture_output=True, text=True, timeout=30)
    assert done.returncode == 2
    assert done.stderr.strip() == f"casualty-watch: {config}: no [[source]] configured: nothing to poll"
