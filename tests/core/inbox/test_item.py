"""Inbox items: tidy URLs, links found in pasted text, the item file, merging."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.core.errors import InboxError
from editor_app.core.inbox.item import (
    Candidate,
    InboxItem,
    find_links,
    item_id,
    merge_into,
    new_item,
    parse_item,
    serialize_item,
    tidy_url,
)


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("https://Example.ORG:443/a?utm_source=x&id=3#frag", "https://example.org/a?id=3#frag"),
        ("http://example.org:8080/x?fbclid=1", "http://example.org:8080/x"),
        ("www.example.org/post,", "https://www.example.org/post"),
        ("<https://example.org/wiki/Go_(language)>", "https://example.org/wiki/Go_(language)"),
        ("https://example.org/a).", "https://example.org/a"),
        ("https://example.org", "https://example.org/"),
    ],
)
def test_tidy_url_keeps_the_address_and_drops_tracking(written: str, kept: str) -> None:
    assert tidy_url(written) == kept


@pytest.mark.parametrize(
    "bad",
    ["", "ftp://example.org/x", "javascript:alert(1)", "http://intranet/x", "https://",
     "https://user:pw@example.org/", "not a url", "https://exa mple.org/"],
)  # fmt: skip
def test_tidy_url_refuses_what_is_no_web_page(bad: str) -> None:
    assert tidy_url(bad) is None


def test_every_spelling_of_a_link_has_one_id() -> None:
    a = item_id("https://www.example.org/post/?utm_medium=mail")
    assert a == item_id("http://example.org/post") == item_id("https://EXAMPLE.org/post#top")
    assert a != item_id("https://example.org/other")


def test_links_in_pasted_text_with_their_titles() -> None:
    text = (
        "Kubernetes 1.35 is out — https://kubernetes.example.org/blog/135?utm_source=tw\n"
        "see https://example.org/a and https://example.org/b\n"
        "[The Markdown title](https://example.org/md)\n"
        "服务网格的新进展（https://mesh.example.cn/post）\n"
        "https://example.org/a again\n"
    )
    found = find_links(text)
    assert [c.url for c in found] == [
        "https://kubernetes.example.org/blog/135",
        "https://example.org/a",
        "https://example.org/b",
        "https://example.org/md",
        "https://mesh.example.cn/post",
    ]
    titles = [c.title for c in found]
    assert titles == ["Kubernetes 1.35 is out", "", "", "The Markdown title", "服务网格的新进展"]


def test_the_item_file_round_trips(tmp_path: Path) -> None:
    item = new_item(
        Candidate("https://example.org/x", "A: title", "line one\nline two", ["k8s", "k8s", "ai"]),
        "paste",
    )
    item.body = "Some text\n\n- a list"
    path = tmp_path / f"{item.id}.yaml"
    path.write_text(serialize_item(item), encoding="utf-8")
    back = parse_item(path.read_text("utf-8"), path)
    assert back == item and back.tags == ["k8s", "ai"]
    assert back.added.endswith("Z") and back.added_date is not None


def test_a_file_that_is_no_item_is_an_error_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "abc.yaml"
    for text in ("<<<<<<< HEAD\nurl: a\n=======\n", "- a list\n", "title: no url\n"):
        with pytest.raises(InboxError) as info:
            parse_item(text, path)
        assert info.value.key == "inbox.unreadable-item" and "abc.yaml" in str(info.value)


def test_merging_a_duplicate_loses_nothing() -> None:
    item = InboxItem("i", "https://example.org/x", tags=["a"], note="first", added="2026-10-01")
    assert merge_into(item, Candidate("http://example.org/x", "Title", "second", ["b", "a"]))
    assert item.title == "Title" and item.tags == ["a", "b"] and item.note == "first\n\nsecond"
    assert item.added == "2026-10-01"
    assert not merge_into(item, Candidate("https://example.org/x", "Other", "second", ["b"]))
    assert item.title == "Title"
