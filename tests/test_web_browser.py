"""The page in headless Chromium (Debian's `chromium`, driven by Playwright): loads clean, draws one mark per
estimate, finds a story, shows crawled markup as text. A screenshot is kept in test-artifacts/."""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from ports import listening_socket
from datetime import UTC, datetime
from urllib.parse import urlsplit

from storage import Archive, ItemIn
from test_web_data import ESTIMATES, HOSTILE, Est, fill, key

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


@contextmanager
def serving(url: str, **app_options) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The real app under uvicorn on a free loopback port."""
    import uvicorn

    from web.app import create_app

    sock = listening_socket()
    port = sock.getsockname()[1]
    app = create_app(url, require_token=False, version="test", **{"token": None, **app_options})
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture
def site(sqlite_url: str) -> Iterator[str]:
    """The app over a filled archive."""
    from crawler.spec import SourceSpec

    archive = Archive(sqlite_url)
    fill(archive)
    archive.sync_sources([SourceSpec("wire", "feed", "https://news.example/rss", 600.0),
                          SourceSpec("ngo", "page", "https://ngo.example/reports", 3600.0)])
    archive.record_poll("wire", "ok")
    archive.record_poll("ngo", "failed", error="HTTP 503 <i>Service Unavailable</i>")
    archive.close()
    with serving(sqlite_url) as url:
        yield url


@pytest.fixture
def browser():  # type: ignore[no-untyped-def]
    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


def new_tab(browser, width: int = 1200, height: int = 1400):  # type: ignore[no-untyped-def]
    """A tab that records every console error, page error, dialog and failed request as a problem."""
    tab = browser.new_page(viewport={"width": width, "height": height})
    tab.problems = []  # type: ignore[attr-defined]
    tab.on("console", lambda m: m.type == "error" and tab.problems.append(f"console: {m.text}"))  # type: ignore[attr-defined]
    tab.on("pageerror", lambda e: tab.problems.append(f"page error: {e}"))  # type: ignore[attr-defined]
    tab.on("dialog", lambda d: (tab.problems.append(f"dialog: {d.message}"), d.dismiss()))  # type: ignore[attr-defined]
    tab.on("requestfailed", lambda r: tab.problems.append(f"request failed: {r.url}"))  # type: ignore[attr-defined]
    return tab


@pytest.fixture
def page(site: str, browser):  # type: ignore[no-untyped-def]
    yield new_tab(browser)


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


# -- the newsroom page: timeline by first_stated, filters in the URL, sign-in, corrections, phone width --------

OLDEST = Est(1200, 1200, "killed", "civilians", "Mosul", "Iraqi government",
             "about 1,200 civilians have been killed since the offensive began, the government said",
             qualifier="about")
REVISION = Est(11000, None, "killed", "civilians", "Mosul", "Associated Press",
               "the AP now says at least 11,000 civilians were killed in Mosul", qualifier="at_least")
FIGHTERS = Est(774, 774, "killed", "security forces", "Mosul", "Iraqi government",
               "774 members of the security forces were killed in the battle")
UNDATED = Est(3000, 3000, "killed", "civilians", "Mosul", "Mosul civil defence",
              "some 3,000 bodies have been recovered from the rubble, civil defence teams said")
WIDER = [
    (ItemIn(url="https://civil.example/undated", title="Bodies recovered", source="civil", language="en",
            published=None, text=UNDATED.quote), [UNDATED]),
    (ItemIn(url="https://gov.example/early", title="Early toll", source="gov", language="en",
            published=datetime(2016, 11, 20, tzinfo=UTC), text=OLDEST.quote), [OLDEST]),
    (ItemIn(url="https://news.example/ap-revised", title="AP revises its count", source="wire", language="en",
            published=datetime(2018, 6, 1, tzinfo=UTC), text=REVISION.quote), [REVISION]),
    (ItemIn(url="https://gov.example/forces", title="Forces' losses", source="gov", language="en",
            published=datetime(2018, 2, 1, tzinfo=UTC), text=FIGHTERS.quote), [FIGHTERS]),
]


def _wide_archive(url: str) -> dict[int, dict]:
    archive = Archive(url)
    fill(archive)
    for item, found in WIDER:
        archive.store_item(item, found, key=key)
    rows = {e["id"]: e for e in archive.estimates()}
    archive.close()
    return rows


@pytest.fixture
def wide(sqlite_url: str) -> Iterator[tuple[str, dict[int, dict]]]:
    """Claims from November 2016 to June 2018, with a revision, an incident and a combatant toll."""
    rows = _wide_archive(sqlite_url)
    with serving(sqlite_url) as url:
        yield url, rows


def _marks(tab) -> list[tuple[float, int]]:  # type: ignore[no-untyped-def]
    """(x on screen, estimate id) of every mark, left to right."""
    out = []
    for mark in tab.locator("#timeline svg a.mark").all():
        box = mark.locator(".shape").bounding_box()
        out.append((box["x"] + box["width"] / 2, int(mark.get_attribute("data-id"))))
    return sorted(out)


def test_timeline_places_each_claim_by_when_it_was_first_stated(wide, browser) -> None:  # type: ignore[no-untyped-def]
    site, rows = wide
    tab = new_tab(browser)
    tab.goto(site + "/")
    tab.wait_for_selector("#timeline svg a.mark")
    placed = _marks(tab)
    dated = {i: e for i, e in rows.items() if e["first_stated_from"] == "published"}
    assert len(dated) == len(rows) - 1  # the story with no publication date is dated by its fetch
    assert len(placed) == len(dated)  # ...and so is not drawn at today's date among claims made in 2017
    assert "1 estimate with no publication date" in tab.locator("#timeline-note").inner_text()
    assert tab.locator("#estimates-table tbody tr[data-id]").count() == len(rows)  # the table lists it
    by_time = sorted(dated.values(), key=lambda e: (e["first_stated"], e["id"]))
    assert [rows[i]["first_stated"] for _, i in placed] == [e["first_stated"] for e in by_time]
    # x grows with time: the gap from November 2016 to mid-2018 spans most of the chart
    first, last = placed[0][0], placed[-1][0]
    chart = tab.locator("#timeline svg").bounding_box()
    assert last - first > 0.8 * chart["width"]
    ticks = tab.locator("#timeline svg text.tick").evaluate_all("ns => ns.map(n => n.textContent)")
    assert ticks == ["2017", "2018"], ticks  # years on the axis, not one day of crawling
    # shape by kind, and the revision joined to what it revises
    kinds = {int(m.get_attribute("data-id")): m.locator(".shape").evaluate("n => n.tagName")
             for m in tab.locator("#timeline svg a.mark").all()}
    assert {i for i, tag in kinds.items() if tag == "path"} == {i for i, e in rows.items() if e["kind"] == "incident"}
    revised = next(e for e in rows.values() if e["revises"])
    line = tab.locator("#timeline svg line.revision")
    assert line.count() == 1
    assert (int(line.get_attribute("data-from")), int(line.get_attribute("data-to"))) == (revised["revises"], revised["id"])
    assert tab.problems == []  # type: ignore[attr-defined]


def _rows(tab) -> list[int]:  # type: ignore[no-untyped-def]
    return [int(r.get_attribute("data-id")) for r in tab.locator("#estimates-table tbody tr[data-id]").all()]


def test_filters_and_the_chosen_estimate_live_in_the_url(wide, browser) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    site, rows = wide
    tab = new_tab(browser)
    tab.goto(site + "/?victims=combatant")
    expect(tab.locator("#filters-status")).to_contain_text("1 estimate match")
    assert _rows(tab) == [i for i, e in rows.items() if e["victims_group"] == "combatant"]
    assert tab.locator("select[name=victims]").input_value() == "combatant"
    assert tab.locator("#timeline svg a.mark").count() == 1

    tab.select_option("select[name=victims]", "civilian")
    tab.select_option("select[name=kind]", "toll")
    expect(tab.locator("#filters-status")).to_contain_text("match these filters")
    assert "victims=civilian" in tab.url and "kind=toll" in tab.url
    want = {i for i, e in rows.items() if e["victims_group"] == "civilian" and e["kind"] == "toll"}
    expect(tab.locator("#estimates-table tbody tr[data-id]")).to_have_count(len(want))
    assert set(_rows(tab)) == want
    assert "victims=civilian" in tab.locator("#feed-atom").get_attribute("href")

    tab.fill("input[name=claimant]", "associated")
    expect(tab.locator("#estimates-table tbody tr[data-id]")).to_have_count(2)  # the AP range and its revision
    assert "claimant=associated" in tab.url

    # sorting is in the URL too, and a chosen estimate is a link someone else can open
    tab.click("#estimates-table th[data-sort=figure] button")
    assert "sort=-figure" in tab.url
    figures = [rows[i]["low"] for i in _rows(tab)]
    assert figures == sorted(figures, reverse=True)
    tab.locator("#timeline svg a.mark").first.click()
    expect(tab.locator("#estimate-detail li").first).to_be_visible()
    shared = tab.url
    assert "estimate=" in shared
    other = new_tab(browser)
    other.goto(shared)
    expect(other.locator("#estimate-detail h3")).to_contain_text("Associated Press")
    assert other.locator("input[name=claimant]").input_value() == "associated"
    assert len(_rows(other)) == 2
    tab.go_back()  # history steps back through the choices
    expect(tab.locator("#estimate-detail")).to_be_hidden()
    assert tab.problems == [] and other.problems == []  # type: ignore[attr-defined]


@pytest.fixture
def guarded(sqlite_url: str) -> Iterator[tuple[str, dict[int, dict]]]:
    from argon2 import PasswordHasher

    rows = _wide_archive(sqlite_url)
    users = {"amira": PasswordHasher().hash("olive-branch-7")}
    with serving(sqlite_url, token="tok-3n", users=users) as url:
        yield url, rows


def test_sign_in_then_reject_an_estimate_with_a_reason(guarded, browser, sqlite_url) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    site, rows = guarded
    tab = new_tab(browser)
    tab.goto(site + "/?kind=incident")
    assert urlsplit(tab.url).path == "/signin"
    tab.fill("#signin-user", "amira")
    tab.fill("#signin-password", "wrong password")
    tab.click("#signin-form button")
    expect(tab.locator("#signin-failed")).to_be_visible()
    tab.fill("#signin-user", "amira")
    tab.fill("#signin-password", "olive-branch-7")
    tab.click("#signin-form button")
    tab.wait_for_selector("#timeline svg a.mark")
    assert urlsplit(tab.url).path == "/" and "kind=incident" in tab.url  # back where the link pointed
    expect(tab.locator("#account-name")).to_have_text("Signed in as amira")
    cookie = next(c for c in tab.context.cookies() if c["name"] == "cw_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"

    (incident,) = [i for i, e in rows.items() if e["kind"] == "incident"]
    tab.locator(f"#estimates-table tbody tr[data-id='{incident}'] a").click()
    reject = tab.locator("#estimate-detail form.correction").filter(has=tab.locator("button", has_text="Reject"))
    reject.locator("input[name=why]").fill("one strike, double-counted by two outlets")
    reject.locator("button").click()
    expect(tab.locator("#estimate-detail .notice")).to_have_text("Reject: done.")
    expect(tab.locator(f"#estimates-table tbody tr[data-id='{incident}']")).to_have_class("status-rejected")
    expect(tab.locator("#estimate-detail .log")).to_contain_text("reject by amira: one strike")
    archive = Archive(sqlite_url)
    try:
        done = archive.estimate(incident)
    finally:
        archive.close()
    assert done["status"] == "rejected" and done["corrections"][-1]["by"] == "amira"
    tab.click("#account button")
    assert urlsplit(tab.url).path == "/signin"
    assert tab.problems == []  # type: ignore[attr-defined]


def test_phone_width_has_no_sideways_scroll_and_the_table_becomes_cards(wide, browser) -> None:  # type: ignore[no-untyped-def]
    site, rows = wide
    tab = new_tab(browser, width=400, height=860)
    tab.goto(site + "/?estimate=" + str(next(iter(rows))))
    tab.wait_for_selector("#timeline svg a.mark")
    tab.wait_for_selector("#estimate-detail li")
    tab.wait_for_selector("#sources-table tbody tr")
    assert tab.evaluate("document.documentElement.scrollWidth") <= 400
    first = tab.locator("#estimates-table tbody tr").first
    assert first.evaluate("r => getComputedStyle(r).display") == "block"
    assert tab.locator("#estimates-table thead").bounding_box()["height"] <= 1
    label = first.locator("td").nth(1).evaluate("td => getComputedStyle(td, '::before').content")
    assert label == '"Outcome"'
    assert tab.locator("#timeline svg").bounding_box()["width"] <= 400
    # the headers that sort are hidden on a phone; the order list does the same and lands in the URL
    tab.select_option("#sort", "-figure")
    assert "sort=-figure" in tab.url
    figures = [rows[i]["low"] for i in _rows(tab)]
    assert figures == sorted(figures, reverse=True)
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / "page-phone.png"), full_page=True)
    assert tab.problems == []  # type: ignore[attr-defined]


def _inked(png: bytes) -> int:
    """Pixels with colour in them (not white, grey or black): the marks, bars and legend swatches."""
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    return sum(1 for r, g, b in image.getdata() if max(r, g, b) - min(r, g, b) > 40)


def test_screenshot_of_the_demo_archive_has_a_chart_in_it(tmp_path, browser) -> None:  # type: ignore[no-untyped-def]
    """The README's picture is made here, on the demo's own archive; an empty chart fails the test."""
    import subprocess
    import sys

    keep = tmp_path / "demo"
    exe = str(Path(sys.executable).with_name("casualty-watch"))
    done = subprocess.run([exe, "demo", "--keep", str(keep)], capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    (db,) = keep.glob("*.db")
    with serving(f"sqlite:///{db}") as site:
        tab = new_tab(browser, width=1200, height=900)
        tab.goto(site + "/")
        tab.wait_for_selector("#timeline svg a.mark")
        tab.wait_for_selector("#sources-table tbody tr")
        chart = tab.locator("#timeline").screenshot()
        assert _inked(chart) > 300, "the chart has no marks in it"
        empty = new_tab(browser, width=1200, height=900)
        empty.goto(site + "/?claimant=nobody-by-this-name")
        empty.wait_for_selector("#timeline svg text.empty")
        assert _inked(empty.locator("#timeline").screenshot()) < 20  # the check itself tells empty from full
        ARTIFACTS.mkdir(exist_ok=True)
        picture = tab.screenshot(full_page=False)
        (ARTIFACTS / "demo-page.png").write_bytes(picture)
        if os.environ.get("CASUALTY_WATCH_UPDATE_SCREENSHOT") == "1":  # README's picture, refreshed on purpose
            (Path(__file__).resolve().parent.parent / "docs" / "page.png").write_bytes(picture)
        assert tab.problems == [] and empty.problems == []  # type: ignore[attr-defined]


def test_the_timeline_stays_readable_with_500_claims(site, browser) -> None:  # type: ignore[no-untyped-def]
    """The page's own Timeline.render on 500 estimates from 40 claimants over two years, in a 900 px chart."""
    tab = new_tab(browser, width=960, height=900)
    tab.goto(site + "/")
    tab.wait_for_selector("#timeline svg a.mark")
    drawn = tab.evaluate("""() => {
        const list = [];
        for (let i = 0; i < 500; i++) {
          const low = Math.round(10 ** (1 + (i * 7919 % 4000) / 1000));
          list.push({ id: 10000 + i, low, high: i % 5 ? low : low * 2, outcome: "killed", victims: "civilians",
                      claimant: `claimant ${i % 40}`, kind: i % 3 ? "toll" : "incident", mentions: 1,
                      first_stated: new Date(Date.UTC(2016, 9, 1) + i * 86400000 * 1.4).toISOString(),
                      first_stated_from: "published", revises: i > 0 && i % 50 === 0 ? 10000 + i - 1 : null });
        }
        const box = document.createElement("div");
        box.style.width = "900px";
        document.body.appendChild(box);
        const legend = window.Timeline.render(box, list);
        const svg = box.querySelector("svg").getBoundingClientRect();
        const ticks = [...box.querySelectorAll("text.tick")].map((t) => t.getBoundingClientRect());
        const overlaps = ticks.slice(1).filter((r, i) => r.left < ticks[i].right + 4).length;
        const marks = [...box.querySelectorAll("a.mark .shape")].map((s) => s.getBoundingClientRect());
        const outside = marks.filter((r) => r.left < svg.left || r.right > svg.right || r.top < svg.top ||
                                              r.bottom > svg.bottom).length;
        return { marks: marks.length, legend: legend.map((r) => r[0]), ticks: ticks.length, overlaps, outside,
                 biggest: Math.max(...marks.map((r) => r.width)), revisions: box.querySelectorAll("line.revision").length,
                 texts: [...box.querySelectorAll("text.tick")].map((t) => t.textContent) };
    }""")
    assert drawn["marks"] == 500 and drawn["outside"] == 0
    assert drawn["biggest"] <= 8  # small marks when there are many
    assert len(drawn["legend"]) == 10 and drawn["legend"][-1] == "other claimants"  # 9 colours, then one grey
    assert drawn["texts"] == ["2017", "2018"] and drawn["overlaps"] == 0
    assert drawn["revisions"] == 9
    assert tab.problems == []  # type: ignore[attr-defined]
