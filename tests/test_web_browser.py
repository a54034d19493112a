"""The page in headless Chromium (Debian's `chromium`, driven by Playwright): loads clean, draws one mark per
estimate, finds a story, shows crawled markup as text. A screenshot is kept in test-artifacts/."""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ports import listening_socket
from storage import Archive
from test_web_data import ESTIMATES, HOSTILE, fill

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

pytestmark = pytest.mark.browser


def _need_chromium() -> None:
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is required under CI=true (apt-get install -y chromium)")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install -y chromium)")


@pytest.fixture
def site(sqlite_url: str) -> Iterator[str]:
    """The real app under uvicorn on a free loopback port, over a filled archive."""
    import uvicorn

    from web.app import create_app

    from crawler.spec import SourceSpec

    archive = Archive(sqlite_url)
    fill(archive)
    archive.sync_sources([SourceSpec("wire", "feed", "https://news.example/rss", 600.0),
                          SourceSpec("ngo", "page", "https://ngo.example/reports", 3600.0)])
    archive.record_poll("wire", "ok")
    archive.record_poll("ngo", "failed", error="HTTP 503 <i>Service Unavailable</i>")
    archive.close()
    sock = listening_socket()
    port = sock.getsockname()[1]
    app = create_app(sqlite_url, token=None, require_token=False, version="test")
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture
def page(site: str):  # type: ignore[no-untyped-def]
    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        tab = browser.new_page(viewport={"width": 1200, "height": 1400})
        tab.problems = []  # type: ignore[attr-defined]
        tab.on("console", lambda m: m.type == "error" and tab.problems.append(f"console: {m.text}"))  # type: ignore[attr-defined]
        tab.on("pageerror", lambda e: tab.problems.append(f"page error: {e}"))  # type: ignore[attr-defined]
        tab.on("dialog", lambda d: (tab.problems.append(f"dialog: {d.message}"), d.dismiss()))  # type: ignore[attr-defined]
        tab.on("requestfailed", lambda r: tab.problems.append(f"request failed: {r.url}"))  # type: ignore[attr-defined]
        try:
            yield tab
        finally:
            browser.close()


def test_page_draws_the_estimates_and_searches(page, site) -> None:  # type: ignore[no-untyped-def]
    page.goto(site + "/")
    page.wait_for_selector("#timeline svg .mark")
    page.wait_for_selector("#sources-table tbody tr")
    marks = page.locator("#timeline svg a.mark")
    assert marks.count() == len(ESTIMATES)
    assert page.locator("#estimates-table tbody tr").count() == len(ESTIMATES)
    ranged = page.locator("#timeline svg a.mark line").count()
    assert ranged == sum(1 for e in ESTIMATES if e.high != e.low)
    assert page.locator("#legend li").count() == len({e.claimant or "unattributed" for e in ESTIMATES})

    health = {r.locator("td").nth(0).inner_text(): r.locator("td").nth(2).inner_text()
              for r in page.locator("#sources-table tbody tr").all()}
    assert health == {"wire": "ok", "ngo": "failed"}
    assert page.locator("#sources-table").get_by_text("HTTP 503 <i>Service Unavailable</i>").count() == 1

    # Crawled markup is shown as text, never parsed.
    assert page.locator("#estimates-table").get_by_text(HOSTILE.claimant, exact=True).count() == 1
    assert page.locator("#estimates-table img, #estimates-table b, main script").count() == 0

    page.fill("#search-q", "al-Jadida strike")
    page.click("#search-form button")
    page.wait_for_selector("#search-results li")
    results = page.locator("#search-results li")
    assert results.count() == 1
    assert results.first.locator("a").get_attribute("href") == "https://airwars.example/jadida"
    assert results.first.locator("mark").count() >= 1

    marks.nth(0).click()
    page.wait_for_selector("#estimate-detail li")
    assert page.locator("#estimate-detail li a").count() >= 1

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "page.png"), full_page=True)
    assert page.problems == []  # type: ignore[attr-defined]


def test_a_link_to_a_missing_estimate_says_so(page, site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    page.goto(site + "/#estimate-999999")
    page.wait_for_selector("#estimate-detail .status")
    # Not page.wait_for_function(string): its polling evaluates the string with eval(), which the page's CSP
    # rightly refuses whenever the first check comes too early. A locator assertion runs no page script.
    expect(page.locator("#estimate-detail")).to_contain_text("no estimate", timeout=10_000)
    # A 404 for a missing estimate is logged by Chromium as a failed resource; that one is expected.
    assert [p for p in page.problems if "404" not in p] == []  # type: ignore[attr-defined]
