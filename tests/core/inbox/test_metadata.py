"""Page titles on request: charsets, OpenGraph first, the cache, applying to items."""

from __future__ import annotations

from editor_app.core.inbox.item import InboxItem
from editor_app.core.inbox.metadata import (
    apply_titles,
    cache_path,
    decode_html,
    fetch_titles,
    load_cache,
    page_metadata,
    read_page,
)
from tests.core.inbox.pages import GBK_PAGE


def test_opengraph_wins_over_the_title_tag() -> None:
    html = (
        "<head><title> Plain  | Site </title><meta property='og:title' content='Clean'>"
        "<meta name=description content='About it'><meta property=og:site_name content=Site>"
        "</head><body><title>not this</title>"
    )
    assert page_metadata(html) == ("Clean", "About it", "Site")
    assert page_metadata("<title>Only &amp; this</title>")[0] == "Only & this"
    assert page_metadata("<head><meta name='twitter:title' content='Tw'></head>")[0] == "Tw"


def test_charsets_from_meta_header_or_guess() -> None:
    text, charset = decode_html(GBK_PAGE)
    assert charset == "gb18030" and "云原生周报" in text
    body = GBK_PAGE.replace(b"charset=gb2312", b"")
    assert "云原生周报" in decode_html(body, "gbk")[0]
    assert "云原生周报" in decode_html(body)[0]  # undeclared, not UTF-8: GB18030 is tried
    assert decode_html("é".encode())[0] == "é"
    assert decode_html("\ufeffhi".encode("utf-16-le"))[0] == "hi"
    assert decode_html(b"caf\xe9", "no-such-charset")[0] == "café"


def test_a_gbk_page_over_http(server) -> None:
    for path in ("/gbk", "/gbk-header"):
        meta = read_page(server + path)
        assert meta.ok and meta.title == "云原生周报：服务网格的新进展", path
        assert meta.description == "本期介绍服务网格和可观测性。"


def test_failures_come_back_as_results_with_their_key(server) -> None:
    meta = read_page(server + "/binary")
    assert not meta.ok and meta.error_key == "inbox.not-a-page"
    assert meta.error_fields == {"type": "image/png"}


def test_titles_are_cached_and_not_fetched_twice(server, hits, tmp_path) -> None:
    urls = [server + "/page", server + "/gbk", server + "/missing"]
    progress: list[tuple[int, int]] = []
    first = fetch_titles(urls, tmp_path, progress=lambda d, t: progress.append((d, t)))
    assert first.fetched == 3 and first.from_cache == 0 and len(first.failed) == 1
    assert progress[-1] == (3, 3)
    assert cache_path(tmp_path).is_file() and len(load_cache(tmp_path)) == 3
    second = fetch_titles(urls, tmp_path)
    # Pages read before come from the cache; the failure is tried again.
    assert second.from_cache == 2 and second.fetched == 1
    assert hits["/page"] == 1 and hits["/missing"] == 2
    assert fetch_titles(urls[:1], tmp_path, refresh=True).fetched == 1
    assert hits["/page"] == 2


def test_a_corrupt_cache_is_ignored(server, tmp_path) -> None:
    cache_path(tmp_path).parent.mkdir(parents=True)
    cache_path(tmp_path).write_text("{not json")
    assert load_cache(tmp_path) == {}
    assert fetch_titles([server + "/page"], tmp_path).fetched == 1


def test_cancel_before_start_fetches_nothing(server, hits) -> None:
    report = fetch_titles([server + "/page"], None, cancel=lambda: True)
    assert report.cancelled and hits["/page"] == 0


def test_titles_fill_only_what_is_empty(server) -> None:
    url = server + "/page"
    report = fetch_titles([url], None)
    empty = InboxItem("a", url)
    named = InboxItem("b", url, title="Mine", site="Kept")
    changed = apply_titles([empty, named], report)
    assert empty.title == "The OpenGraph title" and empty.site == "Example Site"
    assert named.title == "Mine" and named.site == "Kept"
    assert named.description == "What the page is about."
    assert changed == [empty, named]
