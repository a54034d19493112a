"""The bearer token: checked on every path but /healthz whenever one is set; required when exposed."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from web.app import create_app
from web.security import token_matches

TOKEN = "s3cret-token-\u00e9"  # non-ASCII on purpose: compare_digest on bytes must still work


@pytest.fixture
def guarded(sqlite_url):  # type: ignore[no-untyped-def]
    with TestClient(create_app(sqlite_url, token="s3cret", require_token=True, version="1")) as c:
        yield c


@pytest.mark.parametrize("path", ["/", "/api/items", "/api/items/1", "/api/estimates", "/api/sources", "/metrics",
                                  "/openapi.json", "/api/session", "/feeds/estimates.atom", "/feeds/estimates.json"])
def test_every_route_but_healthz_needs_the_token(guarded, path) -> None:  # type: ignore[no-untyped-def]
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret"},
                    {"Authorization": "Basic s3cret"}, {"Authorization": "Bearer s3cret-and-more"}):
        response = guarded.get(path, headers=headers)
        assert response.status_code == 401, (path, headers)
        assert response.headers["www-authenticate"].startswith("Bearer")
    ok = guarded.get(path, headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code in (200, 404) and ok.status_code != 401


def test_healthz_the_form_and_the_static_files_are_open(guarded) -> None:  # type: ignore[no-untyped-def]
    assert guarded.get("/healthz").status_code == 200
    # The sign-in form needs its style and script before anyone has signed in; they hold no archive data.
    assert guarded.get("/signin").status_code == 200
    assert guarded.get("/static/app.js").status_code == 200
    assert guarded.get("/static/../api/estimates").status_code in (401, 404)  # no way round the guard


def test_an_exposed_app_without_a_token_is_refused(sqlite_url) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="token is required"):
        create_app(sqlite_url, token=None, require_token=True, version="1")
    with pytest.raises(ValueError):
        create_app(sqlite_url, token="", require_token=True, version="1")


def test_loopback_app_without_a_token_is_open(sqlite_url) -> None:  # type: ignore[no-untyped-def]
    with TestClient(create_app(sqlite_url, token=None, require_token=False, version="1")) as c:
        assert c.get("/api/items").status_code == 200


def test_token_matching() -> None:
    assert token_matches(f"Bearer {TOKEN}", TOKEN)
    assert token_matches(f"bearer   {TOKEN}", TOKEN)
    assert not token_matches(None, TOKEN)
    assert not token_matches("Bearer ", TOKEN)
    assert not token_matches(f"Bearer {TOKEN[:-1]}", TOKEN)


def test_a_database_error_is_a_503_not_a_traceback(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    path = tmp_path / "gone.db"
    app = create_app(f"sqlite:///{path}", token=None, require_token=False, version="1")
    with TestClient(app, raise_server_exceptions=False) as c:
        assert c.get("/api/items").status_code == 200
        app.state.archive.engine.dispose()
        with sqlite3.connect(path) as conn:  # the schema vanishes under the running server
            conn.execute("DROP TABLE item_fts")
        response = c.get("/api/items", params={"q": "mosul"})
        assert response.status_code == 503 and "database unavailable" in response.json()["error"]
        assert c.get("/healthz").status_code == 200  # the probe still answers: the database does
