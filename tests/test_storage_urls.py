"""Canonical URLs: the variants publishers and aggregators produce fold to one key; different stories don't."""
from __future__ import annotations

import pytest

from storage.urls import InvalidURL, canonical_url

BASE = "https://www.example.com/news/2017/07/mosul-toll"

SAME = [
    "https://www.example.com/news/2017/07/mosul-toll?utm_source=twitter&utm_medium=social&utm_campaign=x",
    "https://www.example.com/news/2017/07/mosul-toll?fbclid=IwAR0abc",
    "https://www.example.com/news/2017/07/mosul-toll#comments",
    "https://www.example.com:443/news/2017/07/mosul-toll",
    "https://WWW.Example.COM/news/2017/07/mosul-toll",
    "https://example.com/news/2017/07/mosul-toll",
    "https://m.example.com/news/2017/07/mosul-toll",
    "https://amp.example.com/news/2017/07/mosul-toll",
    "https://www.example.com/news/2017/07/mosul-toll/amp",
    "https://www.example.com/news/2017/07/mosul-toll?gclid=1&ocid=rss&ref=feed",
]


@pytest.mark.parametrize("variant", SAME)
def test_variants_share_the_key(variant: str) -> None:
    assert canonical_url(variant) == canonical_url(BASE)


def test_amp_html_suffix() -> None:
    assert canonical_url("https://news.example.org/story/123.amp.html") == canonical_url(
        "https://news.example.org/story/123.html")


def test_content_parameters_are_kept_and_sorted() -> None:
    a = canonical_url("https://example.org/article.php?id=42&lang=ar&utm_source=x")
    assert a == canonical_url("https://example.org/article.php?lang=ar&id=42")
    assert a != canonical_url("https://example.org/article.php?id=43&lang=ar")


def test_other_port_and_path_are_other_pages() -> None:
    assert canonical_url("http://127.0.0.1:8080/a") != canonical_url("http://127.0.0.1:8081/a")
    assert canonical_url("http://127.0.0.1:8080/a") == "http://127.0.0.1:8080/a"
    assert canonical_url("https://example.com/mosul-toll") != canonical_url("https://example.com/mosul-toll-2")


def test_percent_encoding_of_arabic_paths_is_normalised() -> None:
    assert canonical_url("https://example.com/الموصل") == canonical_url("https://example.com/%D8%A7%D9%84%D9%85%D9%88%D8%B5%D9%84")


def test_ipv6_hosts_keep_their_brackets() -> None:
    assert canonical_url("http://[::1]:8080/a?utm_source=x") == "http://[::1]:8080/a"
    assert canonical_url("https://[2001:DB8::1]:443/a") == "https://[2001:db8::1]/a"


@pytest.mark.parametrize("variant", ["https://www.m.example.com/news/2017/07/mosul-toll",
                                     "https://ｗｗｗ.example.com/news/2017/07/mosul-toll",
                                     "https://www.example.com/news/2017/07/mosul-toll.amp.amp",
                                     "https://www.example.com/news/2017/07/mosul-toll/%61mp"])
def test_keys_are_their_own_keys(variant: str) -> None:
    """Each of these once gave a key that canonicalised again to a different key."""
    assert canonical_url(variant) == canonical_url(BASE) == canonical_url(canonical_url(variant))


@pytest.mark.parametrize("url", ["http://[::1", "http://example.com:99999/x", "http://example.com:abc/",
                                 "http://a.example/\ud800", "http://[::1]x/"])
def test_what_cannot_be_keyed_raises_invalid_url(url: str) -> None:
    with pytest.raises(InvalidURL):
        canonical_url(url)


def test_query_values_in_other_charsets_keep_their_bytes() -> None:
    """windows-1256 query strings (older Arabic sites) used to decode to U+FFFD, so same-length titles shared a key."""
    a = canonical_url("http://ar.example/news.php?title=%C7%E1%E3%E6%D5%E1")
    assert a == "http://ar.example/news.php?title=%C7%E1%E3%E6%D5%E1"
    assert a != canonical_url("http://ar.example/news.php?title=%C8%DB%CF%C7%CF%C7")
