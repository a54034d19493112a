"""Team access: the sign-in form, the session cookie, per-user Argon2 passwords, and corrections through the API."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from test_web_data import AIRWARS, CHILDREN, fill
from web.app import create_app

PAGE = {"Accept": "text/html,application/xhtml+xml"}


@pytest.fixture(scope="module")
def hashes() -> dict[str, str]:
    hasher = PasswordHasher()
    return {"amira": hasher.hash("olive-branch-7"), "tom": hasher.hash("tigris")}


@pytest.fixture
def filled(archive):  # type: ignore[no-untyped-def]
    fill(archive)
    return archive


def app_for(archive, *, token: str | None = "tok-3n", users=None, base: str = "http://testserver"):  # type: ignore[no-untyped-def]
    return TestClient(create_app(archive.url, token=token, require_token=False, version="t", users=users),
                      base_url=base, follow_redirects=False)


def sign_in(client: TestClient, password: str, user: str = "", next_: str = "/") -> object:
    return client.post("/signin", data={"user": user, "password": password, "next": next_})


def test_a_browser_is_sent_to_the_form_and_back_where_it_was(filled) -> None:  # type: ignore[no-untyped-def]
    with app_for(filled) as c:
        first = c.get("/?kind=toll&victims=civilian", headers=PAGE)
        assert first.status_code == 303
        where = urlsplit(first.headers["location"])
        assert where.path == "/signin" and parse_qs(where.query)["next"] == ["/?kind=toll&victims=civilian"]
        assert c.get("/api/estimates").status_code == 401  # a program still gets the 401 it can act on
        assert "Sign in" in c.get("/signin").text
        done = sign_in(c, "tok-3n", next_="/?kind=toll&victims=civilian")
        assert done.status_code == 303 and done.headers["location"] == "/?kind=toll&victims=civilian"
        cookie = done.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie and "secure" not in cookie
        assert c.get("/api/estimates").status_code == 200
        assert c.get("/", headers=PAGE).status_code == 200
        assert c.get("/api/session").json() == {"sign_in": True, "signed_in": True, "user": None, "via": "session",
                                                "csrf": c.get("/api/session").json()["csrf"], "can_correct": True}


def test_a_wrong_password_goes_back_to_the_form(filled, hashes) -> None:  # type: ignore[no-untyped-def]
    with app_for(filled, users=hashes) as c:
        for user, password in (("", "nope"), ("amira", "tigris"), ("nobody", "olive-branch-7"), ("amira", "")):
            answer = sign_in(c, password, user)
            assert answer.status_code in (303, 422), (user, password)
            if answer.status_code == 303:
                assert answer.headers["location"].startswith("/signin?failed=1")
            assert "set-cookie" not in answer.headers
        assert c.get("/api/estimates").status_code == 401


def test_next_never_leaves_the_site(filled) -> None:  # type: ignore[no-untyped-def]
    with app_for(filled) as c:
        for target in ("//evil.example/x", "https://evil.example/", "\\\\evil.example", "javascript:alert(1)"):
            assert sign_in(c, "tok-3n", next_=target).headers["location"] == "/"


def test_cookie_is_secure_over_https(filled) -> None:  # type: ignore[no-untyped-def]
    with app_for(filled, base="https://testserver") as c:
        assert "secure" in sign_in(c, "tok-3n").headers["set-cookie"].lower()


def test_a_users_session_names_them_and_ends_when_the_password_changes(filled, hashes) -> None:  # type: ignore[no-untyped-def]
    with app_for(filled, users=hashes) as c:
        assert sign_in(c, "olive-branch-7", "amira").status_code == 303
        assert c.get("/api/session").json()["user"] == "amira"
        cookie = c.cookies.get("cw_session")
    changed = {**hashes, "amira": PasswordHasher().hash("new-one")}
    with app_for(filled, users=changed) as c:
        c.cookies.set("cw_session", cookie)
        assert c.get("/api/estimates").status_code == 401
    with app_for(filled, users=hashes) as c:
        c.cookies.set("cw_session", cookie[:-2] + ("AA" if not cookie.endswith("AA") else "BB"))  # tampered
        assert c.get("/api/estimates").status_code == 401
        c.cookies.set("cw_session", cookie)
        assert c.get("/api/estimates").status_code == 200


def test_signing_out_ends_the_session(filled) -> None:  # type: ignore[no-untyped-def]
    with app_for(filled) as c:
        sign_in(c, "tok-3n")
        out = c.post("/signout")
        assert out.status_code == 303 and "cw_session=" in out.headers["set-cookie"]
        c.cookies.clear()
        assert c.get("/api/estimates").status_code == 401


def _ids(archive) -> dict[int, int]:  # type: ignore[no-untyped-def]
    return {e["low"]: e["id"] for e in archive.estimates()}


def test_a_signed_in_user_corrects_with_a_reason_and_the_csrf_token(filled, hashes) -> None:  # type: ignore[no-untyped-def]
    ids = _ids(filled)
    with app_for(filled, users=hashes) as c:
        sign_in(c, "olive-branch-7", "amira")
        csrf = c.get("/api/session").json()["csrf"]
        path = f"/api/estimates/{ids[CHILDREN.low]}/reject"
        assert c.post(path, json={"why": "a projection"}).status_code == 403  # the cookie alone is not enough
        assert c.post(path, json={"why": "a projection"}, headers={"X-CSRF-Token": "forged"}).status_code == 403
        assert c.post(path, json={"why": "  "}, headers={"X-CSRF-Token": csrf}).status_code == 422
        assert c.post(path, json={}, headers={"X-CSRF-Token": csrf}).status_code == 422
        done = c.post(path, json={"why": "a projection"}, headers={"X-CSRF-Token": csrf})
        assert done.status_code == 200 and done.json()["status"] == "rejected"
        (logged,) = done.json()["corrections"]
        assert (logged["action"], logged["why"], logged["by"]) == ("reject", "a projection", "amira")
        again = c.post(f"/api/estimates/{ids[AIRWARS.low]}/merge", json={"other": ids[AIRWARS.low], "why": "x"},
                       headers={"X-CSRF-Token": csrf})
        assert again.status_code == 409 and "itself" in again.json()["error"]
    assert filled.estimate(ids[CHILDREN.low])["status"] == "rejected"


def test_the_token_corrects_without_a_session_and_an_open_app_does_not(filled) -> None:  # type: ignore[no-untyped-def]
    ids = _ids(filled)
    with app_for(filled) as c:
        done = c.post(f"/api/estimates/{ids[AIRWARS.low]}/confirm", json={"why": "checked the AP files"},
                      headers={"Authorization": "Bearer tok-3n"})
        assert done.status_code == 200 and done.json()["status"] == "confirmed"
        assert done.json()["corrections"][0]["by"] is None
    with app_for(filled, token=None) as c:  # nothing configured: the page is open, corrections stay on the CLI
        refused = c.post(f"/api/estimates/{ids[AIRWARS.low]}/reject", json={"why": "x"})
        assert refused.status_code == 403 and "sign" in refused.json()["error"]
        assert c.get("/signin").status_code == 303  # nothing to sign in to
        assert c.get("/api/session").json()["sign_in"] is False


def test_hash_password_makes_the_config_entry_a_user_signs_in_with(tmp_path, sqlite_url) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    from casualty_watch import config as config_module
    from casualty_watch.errors import ConfigError

    from pathlib import Path

    exe = str(Path(sys.executable).with_name("casualty-watch"))
    made = subprocess.run([exe, "hash-password"], input="sesame-street-9\n",
                          capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stderr
    hashed = made.stdout.strip()
    assert hashed.startswith("$argon2id$") and "sesame" not in hashed
    short = subprocess.run([exe, "hash-password"], input="abc\n",
                           capture_output=True, text=True, timeout=60)
    assert short.returncode == 2 and short.stderr.count("\n") == 1 and short.stdout == ""

    path = tmp_path / "cw.toml"
    path.write_text(f'database = "{sqlite_url}"\n[api]\nusers = {{ nadia = "{hashed}" }}\n', encoding="utf-8")
    cfg = config_module.load(str(path))
    assert cfg.api_users == (("nadia", hashed),)
    with TestClient(create_app(sqlite_url, token=None, require_token=True, version="t", users=dict(cfg.api_users)),
                    follow_redirects=False) as c:
        assert c.get("/api/items").status_code == 401
        assert sign_in(c, "sesame-street-9", "nadia").headers["location"] == "/"
        assert c.get("/api/session").json()["user"] == "nadia"

    path.write_text('[api]\nusers = { nadia = "sesame-street-9" }\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="not an Argon2 hash") as err:
        config_module.load(str(path))
    assert "sesame-street-9" not in str(err.value)  # a password written by mistake is not echoed back


def test_merge_and_split_through_the_api(filled) -> None:  # type: ignore[no-untyped-def]
    from test_web_data import HOSPITAL

    ids = _ids(filled)
    bearer = {"Authorization": "Bearer tok-3n"}
    with app_for(filled) as c:
        merged = c.post(f"/api/estimates/{ids[AIRWARS.low]}/merge", headers=bearer,
                        json={"other": ids[HOSPITAL.low], "why": "one claim, two wordings"})
        assert merged.status_code == 200
        stories = merged.json()["stories"]
        assert len({s["item_id"] for s in stories}) == 3  # AP's two stories and the Kurdish one
        listed = {e["id"] for e in c.get("/api/estimates", headers=bearer).json()["estimates"]}
        assert ids[HOSPITAL.low] not in listed
        kurdish = next(s for s in stories if s["claimant"] == HOSPITAL.claimant)
        undone = c.post(f"/api/estimates/{ids[AIRWARS.low]}/split", headers=bearer,
                        json={"mention": kurdish["mention_id"], "why": "a different claim after all"})
        assert undone.status_code == 200
        assert kurdish["mention_id"] not in {s["mention_id"] for s in undone.json()["stories"]}
        actions = [(x["action"], x["why"]) for x in undone.json()["corrections"]]
        assert actions == [("merge", "one claim, two wordings"), ("split", "a different claim after all")]
        wrong = c.post(f"/api/estimates/{ids[AIRWARS.low]}/split", headers=bearer,
                       json={"mention": 999999, "why": "x"})
        assert wrong.status_code == 409 and "not one of" in wrong.json()["error"]
        assert c.post("/api/estimates/999999/confirm", headers=bearer, json={"why": "x"}).status_code == 404


def test_guessing_is_refused_after_ten_wrong_passwords(filled) -> None:  # type: ignore[no-untyped-def]
    from web import signin

    with app_for(filled) as c:
        for _ in range(signin.MAX_FAILURES):
            assert sign_in(c, "guess").status_code == 303
        refused = sign_in(c, "tok-3n")  # even the right token, until the window passes
        assert refused.status_code == 429 and "set-cookie" not in refused.headers
        assert int(refused.headers["retry-after"]) > 0
        c.app.state.throttle._failures.clear()  # the window passed
        assert sign_in(c, "tok-3n").status_code == 303
