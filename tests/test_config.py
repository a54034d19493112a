"""Config: found in the documented order, parsed into plain values, and every bad case is one clear line."""
from __future__ import annotations

import pytest

from casualty_watch import config
from casualty_watch.errors import ConfigError

GOOD = """
database = "sqlite:///x.db"
[watch]
places = ["Mosul"]
[crawl]
concurrency = 4
delay = "2s"
[[source]]
name = "amnesty-iraq"
page = "https://www.amnesty.org/en/location/iraq/"
follow = "a.report"
every = "6h"
[[source]]
name = "bbc"
feed = "https://feeds.bbci.co.uk/news/rss.xml"
every = "15m"
[[alert]]
webhook = "https://hooks.example.org/cw"
secret = "${HOOK_SECRET}"
min = 100
[[alert]]
email = ["desk@example.org"]
smtp = "smtp://user:pw@mail.example.org:587"
from = "monitor@example.org"
"""


def write(tmp_path, text: str) -> str:
    path = tmp_path / "cw.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_good_config_becomes_plain_values(tmp_path) -> None:
    cfg = config.load(write(tmp_path, GOOD), environ={"HOOK_SECRET": "whsec_c2VjcmV0"})
    assert cfg.database == "sqlite:///x.db"
    assert cfg.watch.places == ("Mosul",)  # as written: the crawl grows it (config.watch_for)
    assert cfg.politeness.concurrency == 4 and cfg.politeness.delay == 2.0 and cfg.politeness.per_host == 1
    assert [(s.name, s.kind, s.every, s.follow) for s in cfg.sources] == [
        ("amnesty-iraq", "page", 21600.0, "a.report"), ("bbc", "feed", 900.0, None)]
    hook, mail = cfg.alerts
    assert hook.kind == "webhook" and hook.secret == "whsec_c2VjcmV0" and hook.min == 100
    assert mail.kind == "email" and mail.email == ("desk@example.org",) and mail.sender == "monitor@example.org"
    assert hook.outcomes == ("killed", "injured", "missing", "casualties")


def test_defaults_fill_missing_tables(tmp_path) -> None:
    cfg = config.load(write(tmp_path, ""))
    assert cfg.database == "sqlite:///casualty-watch.db"
    assert cfg.politeness.timeout == 30.0 and cfg.politeness.user_agent.startswith("casualty-watch/")
    assert cfg.sources == () and cfg.alerts == ()


def test_bundled_default_is_valid_and_lists_real_sources(monkeypatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(config.ENV_VAR, raising=False)
    cfg = config.load()
    assert cfg.path == "<bundled default>"
    kinds = {s.kind for s in cfg.sources}
    assert kinds == {"feed", "sitemap", "page"}
    assert all(s.url.startswith("https://") for s in cfg.sources)
    assert "الموصل" in cfg.watch.places


def test_lookup_order_flag_then_env_then_local_file(monkeypatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "casualty-watch.toml").write_text('database = "sqlite:///local.db"\n')
    env_file = tmp_path / "env.toml"
    env_file.write_text('database = "sqlite:///env.db"\n')
    flag_file = tmp_path / "flag.toml"
    flag_file.write_text('database = "sqlite:///flag.db"\n')
    monkeypatch.delenv(config.ENV_VAR, raising=False)
    assert config.load().database == "sqlite:///local.db"
    monkeypatch.setenv(config.ENV_VAR, str(env_file))
    assert config.load().database == "sqlite:///env.db"
    assert config.load(str(flag_file)).database == "sqlite:///flag.db"


BAD = [
    ("unknown key", 'databse = "sqlite:///x.db"\n', "databse", "unknown key"),
    ("unknown nested key", '[crawl]\nconcurency = 3\n', "crawl.concurency", "unknown key"),
    ("wrong type", '[crawl]\nconcurrency = "many"\n', "crawl.concurrency", "integer"),
    ("two kinds", '[[source]]\nname = "a"\nfeed = "https://a.org/rss"\npage = "https://a.org/"\n', "source[1]",
     "exactly one of feed, sitemap, page"),
    ("no kind", '[[source]]\nname = "a"\n', "source[1]", "exactly one of feed, sitemap, page"),
    ("bad duration", '[[source]]\nname = "a"\nfeed = "https://a.org/rss"\nevery = "6 hours"\n', "source[1].every",
     "bad duration"),
    ("bad url", '[[source]]\nname = "a"\nfeed = "ftp://a.org/rss"\n', "source[1].feed", "bad URL"),
    ("duplicate name", '[[source]]\nname = "a"\nfeed = "https://a.org/rss"\n[[source]]\nname = "a"\n'
     'feed = "https://b.org/rss"\n', "source", "duplicate source name 'a'"),
    ("bad name", '[[source]]\nname = "Amnesty Iraq"\nfeed = "https://a.org/rss"\n', "source[1].name", "bad name"),
    ("unset variable", '[[alert]]\nwebhook = "https://h.org/x"\nsecret = "${CW_TEST_UNSET_VAR}"\n',
     "alert[1].secret", "CW_TEST_UNSET_VAR is not set"),
    ("two channels", '[[alert]]\nwebhook = "https://h.org/x"\nemail = ["a@b.org"]\n', "alert[1]",
     "exactly one of webhook, email"),
    ("email without smtp", '[[alert]]\nemail = ["a@b.org"]\n', "alert[1]", "need email (non-empty), smtp and from"),
    ("bad outcome", '[[alert]]\nwebhook = "https://h.org/x"\noutcomes = ["murdered"]\n', "alert[1].outcomes",
     "unknown outcome"),
    ("bad victims", '[[alert]]\nwebhook = "https://h.org/x"\nvictims = ["civilians", "bystanders"]\n',
     "alert[1].victims", "unknown victims 'bystanders'"),
    ("bad secret", '[[alert]]\nwebhook = "https://h.org/x"\nsecret = "hunter2"\n', "alert[1].secret", "whsec_"),
    ("bad kind", '[[alert]]\nwebhook = "https://h.org/x"\nkinds = ["battle"]\n', "alert[1].kinds",
     "unknown kind 'battle' (use toll, incident)"),
    ("bad database", 'database = "mysql://x"\n', "database", "database must be"),
    ("follow on a feed", '[[source]]\nname = "a"\nfeed = "https://a.org/rss"\nfollow = "a"\n', "source[1]",
     "follow is only for page sources"),
    ("not toml", 'database = \n', None, "not valid TOML"),
]


@pytest.mark.parametrize(("case", "text", "key", "problem"), BAD, ids=[b[0] for b in BAD])
def test_bad_config_is_one_line_naming_file_key_and_problem(tmp_path, case, text, key, problem) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        config.load(path, environ={})
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"config error: {path}")
    if key:
        assert info.value.key == key, message
    assert problem in message, message


def test_missing_file(tmp_path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        config.load(str(tmp_path / "nope.toml"))


def test_secret_value_is_not_echoed_in_errors(tmp_path) -> None:
    path = write(tmp_path, '[[alert]]\nwebhook = "https://h.org/x"\nsecret = "${S}"\nmin = -1\n')
    with pytest.raises(ConfigError) as info:
        config.load(path, environ={"S": "whsec_dG9wc2VjcmV0"})
    assert "dG9wc2VjcmV0" not in str(info.value) and info.value.key == "alert[1].min"


def test_captures_default_beside_a_sqlite_archive_and_can_be_turned_off(tmp_path) -> None:  # type: ignore[no-untyped-def]
    cfg = config.load(write(tmp_path, f'database = "sqlite:///{tmp_path}/a.db"\n'))
    assert cfg.captures is not None and cfg.captures.folder == f"{tmp_path}/a-captures"
    assert cfg.captures.max_bytes == 1024 * 1024 * 1024
    cfg = config.load(write(tmp_path, 'database = "postgresql+psycopg://u@h/db"\n[captures]\nmax_file_mb = 5\n'))
    assert cfg.captures is not None and cfg.captures.folder == "captures" and cfg.captures.max_bytes == 5 * 1024 * 1024
    assert config.load(write(tmp_path, "[captures]\nkeep = false\n")).captures is None
    assert config.load(write(tmp_path, '[captures]\nfolder = "/x/y"\n')).captures.folder == "/x/y"


@pytest.mark.parametrize(("text", "key", "problem"), [
    ('[backfill]\ncdx = "ftp://x"\n', "backfill.cdx", "bad URL 'ftp://x'"),
    ('[backfill]\ndelay = "soon"\n', "backfill.delay", "bad duration"),
    ("[captures]\nmax_file_mb = 0\n", "captures.max_file_mb", "greater than or equal to 1"),
    ('[captures]\nkept = true\n', "captures.kept", "unknown key"),
])
def test_bad_capture_and_backfill_keys_are_one_line(tmp_path, text: str, key: str, problem: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigError) as err:
        config.load(write(tmp_path, text))
    assert err.value.key == key and problem in err.value.problem
