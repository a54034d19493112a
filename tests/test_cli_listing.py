"""What the reading commands show (issue 12): `items` newest published first and the API paging by the same
order; `--since` and `?since=` by one strict rule; intervals as people write them; `alerts` naming the figure
and `alerts retry` sending a pending alert now; and the helpers the rooms share kept in one place.
"""
from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from casualty_watch.cli import main
from fakes import Est, key
from storage import Archive, ItemIn
from test_service_support import SECRET, webhook  # noqa: F401  (the fixture)

TEXT = "Civilians were killed in Mosul, officials said, in a story numbered {n} of the series. "


def run_main(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as done:
        main(list(args))
    out = capsys.readouterr()
    return int(done.value.code or 0), out.out, out.err


def story(n: int, published: datetime | None, source: str = "wire") -> ItemIn:
    return ItemIn(url=f"https://wire.example/{n}", text=(TEXT.format(n=n) + f"Unique words {n} " * 3) * 3,
                  source=source, title=f"story {n}", published=published)


def when(year: int, month: int = 1, day: int = 1) -> datetime:
    return datetime(year, month, day, tzinfo=UTC)


@pytest.fixture
def dated(tmp_path: Path) -> tuple[Path, Archive, list[int]]:
    """Stories archived in an order unlike their publication order, one without a date (fetched now)."""
    db = tmp_path / "cw.db"
    cfg = tmp_path / "cw.toml"
    cfg.write_text(f'database = "sqlite:///{db}"\n[[source]]\nname = "wire"\nfeed = "https://wire.example/rss"\n'
                   f'every = "6h"\n[[source]]\nname = "ngo"\npage = "https://ngo.example/reports"\nevery = "1h30m"\n',
                   encoding="utf-8")
    archive = Archive(f"sqlite:///{db}")
    ids = [archive.store_item(story(n, published), [], key=key).item_id for n, published in enumerate([
        when(2017, 7, 1), when(2016, 10, 17), None, when(2018, 3, 1), when(2017, 7, 1), when(2017, 12, 20)])]
    return cfg, archive, ids


def test_items_are_newest_published_first_undated_by_fetch_time(capsys, dated) -> None:  # type: ignore[no-untyped-def]
    cfg, _, ids = dated
    code, out, _ = run_main(capsys, "--config", str(cfg), "items", "--json")
    assert code == 0
    got = [row["id"] for row in json.loads(out)]
    # undated (fetched today), 2018-03-01, 2017-12-20, the two of 2017-07-01 (later id first), 2016-10-17
    assert got == [ids[2], ids[3], ids[5], ids[4], ids[0], ids[1]]


def test_export_takes_every_item_in_the_same_order(capsys, dated) -> None:  # type: ignore[no-untyped-def]
    cfg, archive, ids = dated
    code, out, _ = run_main(capsys, "--config", str(cfg), "export", "--what", "items", "--format", "jsonl")
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == [r["id"] for r in archive.items(limit=100)]


def test_the_api_pages_by_publication_date_with_an_opaque_cursor(dated) -> None:  # type: ignore[no-untyped-def]
    from web.app import create_app

    _, archive, ids = dated
    expected = [r["id"] for r in archive.items(limit=100)]
    with TestClient(create_app(archive.url, token=None, require_token=False, version="9.9.9")) as client:
        for limit in (1, 2, 4):
            seen, cursor = [], None
            while True:
                body = client.get("/api/items", params={"limit": limit, **({"cursor": cursor} if cursor else {})})
                assert body.status_code == 200, body.text
                seen += [i["id"] for i in body.json()["items"]]
                cursor = body.json()["next"]
                if cursor is None:
                    break
                assert cursor.isascii() and ":" not in cursor  # opaque: base64, not a date and an id
            assert seen == expected
        # a story published on a page already handed out does not shift the next page
        first = client.get("/api/items", params={"limit": 3}).json()
        archive.store_item(story(99, when(2019)), [], key=key)
        rest = client.get("/api/items", params={"limit": 10, "cursor": first["next"]}).json()["items"]
        assert [i["id"] for i in first["items"]] + [i["id"] for i in rest] == expected
        for bad in ("%%%garbage", "aTotNQ", "azox"):
            answer = client.get("/api/items", params={"cursor": bad})
            assert answer.status_code == 422
            assert "not a cursor this API handed out" in answer.json()["error"]
    assert ids


@pytest.mark.parametrize("value, ok", [("1", False), ("may", False), ("yesterday", False), ("2017-13", False),
                                       ("2017", True), ("2017-07", True), ("2017-07-01", True),
                                       ("2017-07-01T12:00:00Z", True), ("7d", True)])
def test_since_is_read_by_one_rule_on_the_command_line_and_the_api(capsys, dated, value, ok) -> None:  # type: ignore[no-untyped-def]
    from web.app import create_app

    cfg, archive, _ = dated
    code, out, err = run_main(capsys, "--config", str(cfg), "items", "--since", value, "--json")
    with TestClient(create_app(archive.url, token=None, require_token=False, version="9.9.9")) as client:
        answer = client.get("/api/items", params={"since": value})
    if ok:
        assert code == 0 and answer.status_code == 200
        assert [i["id"] for i in json.loads(out)] == [i["id"] for i in answer.json()["items"]]
    else:
        assert code == 2 and f"not a date: {value!r}" in err
        assert answer.status_code == 422 and f"not a date: {value!r}" in answer.json()["error"]


def test_since_forms() -> None:
    from netpolicy.values import parse_since

    now = datetime(2017, 7, 10, 12, tzinfo=UTC)
    assert parse_since("2017", now=now) == when(2017)
    assert parse_since("2017-07", now=now) == when(2017, 7)
    assert parse_since("2017-07-01T14:00+02:00", now=now) == datetime(2017, 7, 1, 12, tzinfo=UTC)
    assert parse_since("7d", now=now) == now - timedelta(days=7)
    assert parse_since("24h", now=now) == now - timedelta(hours=24)


def test_sources_print_intervals_as_written_and_json_keeps_seconds(capsys, dated) -> None:  # type: ignore[no-untyped-def]
    cfg, _, _ = dated
    code, out, _ = run_main(capsys, "--config", str(cfg), "sources")
    assert code == 0 and "6h" in out and "1h30m" in out and "21600" not in out
    code, out, _ = run_main(capsys, "--config", str(cfg), "sources", "--json")
    assert {s["name"]: s["every"] for s in json.loads(out)} == {"wire": 21600.0, "ngo": 5400.0}


def test_format_duration_reads_back_as_written() -> None:
    from casualty_watch.durations import format_duration, parse_duration

    for text in ("6h", "30m", "90s", "1h30m", "1d", "1m", "0.5s"):
        assert format_duration(parse_duration(text)) == text
    assert format_duration(21600.0) == "6h" and format_duration(93784) == "1d2h3m4s"


def test_counts_agree_with_their_nouns() -> None:
    from casualty_watch.output import count

    assert count(1, "syndicated copy", "syndicated copies") == "1 syndicated copy"
    assert count(2, "syndicated copy", "syndicated copies") == "2 syndicated copies"
    assert count(0, "alert") == "0 alerts" and count(1, "alert") == "1 alert"
    demo = (Path(__file__).parents[1] / "casualty_watch" / "demo" / "run.py").read_text(encoding="utf-8")
    assert "syndicated copies folded" not in demo  # the demo's summary counts through `count`


def test_alerts_show_the_figure_and_retry_sends_a_pending_one_now(capsys, monkeypatch, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                  webhook) -> None:  # noqa: F811
    from alerts.rules import AlertRule

    monkeypatch.setenv("COLUMNS", "300")  # the table's cells on one line each

    db = tmp_path / "cw.db"
    cfg = tmp_path / "cw.toml"
    cfg.write_text(f'database = "sqlite:///{db}"\n[[alert]]\nwebhook = "{webhook.url}"\nsecret = "{SECRET}"\n',
                   encoding="utf-8")
    channel = AlertRule(kind="webhook", webhook=webhook.url, secret=SECRET).channel
    archive = Archive(f"sqlite:///{db}")
    archive.store_item(story(1, when(2017, 7, 20)),
                       [Est(40000, None, qualifier="more_than", claimant="Kurdish intelligence")], key=key,
                       route=lambda e: [channel])
    (claimed,) = archive.claim_alerts()
    later = datetime.now(UTC) + timedelta(hours=1)
    archive.finish_alert(claimed.id, ok=False, status=503, error="HTTP 503", retry_at=later)  # backing off
    archive.close()

    code, out, _ = run_main(capsys, "--config", str(cfg), "alerts")
    assert code == 0
    assert "more than 40,000 civilians killed in Mosul (Kurdish intelligence)" in out
    assert f"estimate {claimed.estimate_id}" not in out

    code, out, err = run_main(capsys, "--config", str(cfg), "alerts", "retry", str(claimed.id))
    assert code == 0, err
    assert f"alert {claimed.id} sent" in out
    assert len(webhook.wait_for(1)) == 1
    code, out, _ = run_main(capsys, "--config", str(cfg), "alerts", "--json")
    assert json.loads(out)[0]["state"] == "sent"
    code, _, err = run_main(capsys, "--config", str(cfg), "alerts", "retry", str(claimed.id))
    assert code == 2 and "is sent, not failed or pending" in err


def test_the_shared_helpers_are_one_each() -> None:
    import crawler.document
    import crawler.entries
    import storage.shapes
    import web.params
    from casualty_watch.commands import archive_cmds
    from netpolicy import values

    assert crawler.document.parse_date is values.parse_date
    assert crawler.entries.iso is values.iso and storage.shapes.iso is values.iso
    assert web.params.read_since is values.parse_since and archive_cmds.read_since is values.parse_since
    root = Path(__file__).parents[1]
    for room in ("crawler", "storage", "web", "casualty_watch", "alerts", "netpolicy"):
        for path in (root / room).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert "def iso(" not in text or path.name == "values.py", path
            assert "def _one_line(exc" not in text, path
            assert "dateparser.parse(" not in text or path.name == "values.py", path
