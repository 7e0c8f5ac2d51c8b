"""Imports into the inbox: text, bookmarks, OPML, feeds; sizes, caps and bad files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from editor_app.core.errors import InboxError
from editor_app.core.inbox.sources import (
    MAX_IMPORT_BYTES,
    detect_format,
    parse_feed,
    parse_import,
    parse_opml,
    read_import,
)
from editor_app.core.inbox.store import MAX_NEW_ITEMS, Inbox
from tests.core.inbox.pages import feed_xml

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "inbox"


def test_bookmarks_export_gives_titles_and_tags() -> None:
    batch = read_import(FIXTURES / "bookmarks.html")
    assert batch.format == "bookmarks" and batch.origin == "bookmarks:bookmarks.html"
    got = [(c.url, c.title, c.tags) for c in batch.candidates]
    assert got == [
        ("https://gateway-api.example.org/blog/v1-4", "Gateway API 1.4 & what changed",
         ["gateway", "networking"]),
        ("https://ebpf.example.net/talks/observability", "eBPF 可观测性实践", []),
        ("https://www.gateway-api.example.org/blog/v1-4/", "Gateway API 1.4 (again)", []),
    ]  # fmt: skip


def test_the_duplicate_in_a_bookmarks_file_is_merged(tmp_path: Path) -> None:
    batch = read_import(FIXTURES / "bookmarks.html")
    report = Inbox(tmp_path).add(batch.candidates, batch.origin)
    assert len(report.added) == 2 and report.merged_count == 1


def test_opml_outlines_with_links() -> None:
    batch = read_import(FIXTURES / "subscriptions.opml")
    assert batch.format == "opml" and batch.title == "Cloud reading list"
    assert [(c.url, c.title) for c in batch.candidates] == [
        ("https://mesh.example.org/", "Service mesh notes"),
        ("https://platform.example.com/handbook", "Platform engineering handbook"),
        ("https://feeds.example.net/atom", "Feed only"),
    ]
    assert batch.candidates[0].tags == ["mesh"]


@pytest.mark.parametrize(
    "text",
    [
        b'<opml version="2.0"><body><outline text="x" url="https://a.example.org/"></body>',
        b"<opml><head></head></opml>",
        b"<?xml version='1.0'?><rss><channel/></rss>",
        b"\x00\x01 not xml",
    ],
)
def test_malformed_opml_is_a_clear_error(text: bytes) -> None:
    with pytest.raises(InboxError) as info:
        parse_opml(text, "list.opml")
    assert info.value.key == "inbox.bad-opml" and "list.opml" in str(info.value)


def test_opml_declaring_entities_is_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><opml><body>'
        b'<outline text="&b;" url="https://a.example.org/"/></body></opml>'
    )
    with pytest.raises(InboxError) as info:
        parse_opml(bomb, "bomb.opml")
    assert info.value.key == "inbox.opml-entities"


def test_a_50_mb_bookmarks_file_is_refused_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.html"
    with open(path, "wb") as handle:  # sparse: 50 MB on paper, nothing written
        handle.write(b"<!DOCTYPE NETSCAPE-Bookmark-file-1>\n")
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(InboxError) as info:
        read_import(path)
    error = info.value
    assert error.key == "inbox.file-too-large"
    assert error.fields["size"] == "50.0" and error.fields["limit"] == "16.0"
    assert "bookmarks.html is 50.0 MB" in error.message
    assert not (tmp_path / "inbox").exists()
    assert os.path.getsize(path) > MAX_IMPORT_BYTES


def test_a_feed_of_ten_thousand_entries_is_capped(tmp_path: Path) -> None:
    batch = parse_import(feed_xml(10_000), "big.rss")
    assert batch.format == "feed" and len(batch.candidates) == 10_000
    assert batch.title == "Example blog"
    report = Inbox(tmp_path).add(batch.candidates, batch.origin)
    assert len(report.added) == MAX_NEW_ITEMS and report.capped and report.found == 10_000
    assert len(os.listdir(tmp_path / "inbox")) == MAX_NEW_ITEMS


def test_feed_entries_keep_title_and_plain_summary() -> None:
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title>
<entry><title>Relative link</title><link href="/posts/1"/>
<summary type="html">&lt;p&gt;Short &lt;b&gt;summary&lt;/b&gt;&lt;/p&gt;</summary></entry>
</feed>"""
    batch = parse_feed(atom, base_url="https://blog.example.org/feed.atom")
    assert [(c.url, c.title, c.description) for c in batch.candidates] == [
        ("https://blog.example.org/posts/1", "Relative link", "Short summary")
    ]
    assert batch.origin == "feed:https://blog.example.org/feed.atom"


def test_a_file_that_is_no_feed_is_a_clear_error() -> None:
    with pytest.raises(InboxError) as info:
        parse_feed(b"<html><body>nope</body></html>", "x.rss")
    assert info.value.key in ("inbox.bad-feed", "inbox.no-links")


def test_a_text_file_in_gbk_with_no_links_and_with_links() -> None:
    text = "每月阅读：\n服务网格 https://mesh.example.cn/a\n".encode("gbk")
    batch = parse_import(text, "links.txt")
    assert [(c.url, c.title) for c in batch.candidates] == [
        ("https://mesh.example.cn/a", "服务网格")
    ]
    with pytest.raises(InboxError) as info:
        parse_import("没有链接".encode(), "empty.txt")
    assert info.value.key == "inbox.no-links"


def test_formats_are_recognised_by_content() -> None:
    assert detect_format(b"\xef\xbb\xbf<!DOCTYPE NETSCAPE-Bookmark-file-1>") == "bookmarks"
    assert detect_format(b'<?xml version="1.0"?>\n<opml version="1.0">') == "opml"
    assert detect_format(b'<?xml version="1.0"?><rss version="2.0">') == "feed"
    assert detect_format(b'<feed xmlns="http://www.w3.org/2005/Atom">') == "feed"
    assert detect_format(b"https://example.org/") == "text"


def test_a_feed_fetched_when_asked(server) -> None:
    from editor_app.core.inbox.fetch import fetch_feed

    page = fetch_feed(server + "/feed/3")
    batch = parse_import(page.body, "", "feed", base_url=page.final_url)
    assert len(batch.candidates) == 3
    with pytest.raises(InboxError):
        parse_import(fetch_feed(server + "/not-a-feed").body, "", "feed")
