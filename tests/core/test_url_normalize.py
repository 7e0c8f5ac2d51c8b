"""URL comparison keys: cosmetic differences normalise alike, different pages stay apart."""

from __future__ import annotations

import pytest

from editor_app.core.url_normalize import normalize_url, strip_tracking


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("HTTPS://Example.ORG/Post", "https://example.org/Post"),
        ("http://example.org/post", "https://example.org/post"),
        ("https://www.example.org/post", "https://example.org/post"),
        ("https://example.org:443/post", "https://example.org/post"),
        ("http://example.org:80/post", "https://example.org/post"),
        ("https://example.org/post/", "https://example.org/post"),
        ("https://example.org", "https://example.org/"),
        ("https://example.org/post?utm_source=x&utm_medium=y", "https://example.org/post"),
        ("https://example.org/post?fbclid=1&gclid=2&spm=3", "https://example.org/post"),
        ("https://example.org/post#comments", "https://example.org/post"),
        ("https://example.org/p?b=2&a=1", "https://example.org/p?a=1&b=2"),
        ("https://example.org/%7euser", "https://example.org/~user"),
        ("https://example.org/a%2fb", "https://example.org/a%2Fb"),
        ("https://example.org/中文", "https://example.org/%E4%B8%AD%E6%96%87"),
        ("https://example.org/a/./b/../c", "https://example.org/a/c"),
        ("https://example.org/s?q=a+b", "https://example.org/s?q=a%20b"),
        ("https://例子.测试/x", "https://xn--fsqu00a.xn--0zwm56d/x"),
    ],
)
def test_cosmetic_differences_normalise_alike(left, right):
    assert normalize_url(left) == normalize_url(right)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("https://example.org/a", "https://example.org/b"),
        ("https://example.org/p?id=1", "https://example.org/p?id=2"),
        ("https://example.org:8443/p", "https://example.org/p"),
        ("https://app.example.org/#/docs/a", "https://app.example.org/#/docs/b"),
        ("https://example.org/Post", "https://example.org/post"),
        ("https://blog.example.org/p", "https://example.org/p"),
    ],
)
def test_different_pages_stay_different(left, right):
    assert normalize_url(left) != normalize_url(right)


def test_normalise_is_idempotent_and_leaves_other_schemes():
    url = "HTTP://www.Example.org:80/a/../b/?utm_campaign=z&k=%e4%b8%ad#x"
    once = normalize_url(url)
    assert normalize_url(once) == once == "https://example.org/b?k=%E4%B8%AD"
    assert normalize_url("mailto:Editor@Example.org") == "mailto:editor@example.org"
    assert normalize_url("assets/a.png") == "assets/a.png"


def test_strip_tracking_keeps_everything_else_as_written():
    assert strip_tracking("https://e.org/p?id=3&utm_source=x&q=a%20b#top") == (
        "https://e.org/p?id=3&q=a%20b#top"
    )
    assert strip_tracking("https://e.org/p?utm_source=x&fbclid=y") == "https://e.org/p"
    assert strip_tracking("https://e.org/p?utm_source=x#frag") == "https://e.org/p#frag"
    assert strip_tracking("https://e.org/p?ref=main") == "https://e.org/p?ref=main"
    assert strip_tracking("https://e.org/p") == "https://e.org/p"
