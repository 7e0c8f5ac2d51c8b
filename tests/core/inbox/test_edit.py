"""Editing an item's title, note and tags: normalised, atomic, refused when out of bounds or
when someone else changed the same field on disk since the editor read it."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.core import atomic
from editor_app.core.errors import InboxError
from editor_app.core.inbox.edit import MAX_EDITED_TITLE, MAX_TAGS, edit_item, normalize_changes
from editor_app.core.inbox.item import Candidate, parse_tags
from editor_app.core.inbox.store import Inbox

URL = "https://example.org/notes-on-queues"


@pytest.fixture
def item_id(tmp_path: Path) -> str:
    report = Inbox(tmp_path).add(
        [Candidate(URL, "Notes on queues", "first thoughts", ["queues"])], "paste"
    )
    return report.added[0].id


def test_an_edit_rewrites_only_the_fields_given(tmp_path: Path, item_id: str) -> None:
    result = edit_item(tmp_path, item_id[:6], {"title": "  Queues,\n  revisited ", "tags": "a, b"})
    assert result.changed and result.before.title == "Notes on queues"
    item = Inbox(tmp_path).get(item_id)
    assert item.title == "Queues, revisited" and item.tags == ["a", "b"]
    assert item.note == "first thoughts" and item.url == URL and item.origin == "paste"
    text = Inbox(tmp_path).path(item_id).read_text(encoding="utf-8")
    assert "title: Queues, revisited" in text and "- a\n- b" in text


def test_tags_are_trimmed_deduplicated_and_empty_ones_dropped() -> None:
    assert parse_tags(" k8s ,, 云原生，k8s ;  ,  service   mesh、") == [
        "k8s",
        "云原生",
        "service mesh",
    ]
    assert parse_tags(["x", " x ", "", None, "y"]) == ["x", "y"]
    assert normalize_changes({"tags": ""}) == {"tags": []}


def test_a_note_keeps_its_lines_without_trailing_space(tmp_path: Path, item_id: str) -> None:
    edit_item(tmp_path, item_id, {"note": "\r\nline one   \r\n\r\nline two\t\n\n"})
    assert Inbox(tmp_path).get(item_id).note == "line one\n\nline two"


def test_the_write_is_atomic(tmp_path: Path, item_id: str, monkeypatch) -> None:
    path = Inbox(tmp_path).path(item_id)
    before = path.read_bytes()

    def killed(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", killed)
    with pytest.raises(OSError):
        edit_item(tmp_path, item_id, {"title": "Never written"})
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no half file left


def test_an_edit_to_the_same_values_writes_nothing(tmp_path: Path, item_id: str) -> None:
    path = Inbox(tmp_path).path(item_id)
    stamp = path.stat().st_mtime_ns
    result = edit_item(tmp_path, item_id, {"title": "Notes  on queues", "tags": ["queues"]})
    assert not result.changed and path.stat().st_mtime_ns == stamp


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"url": "https://example.org/other"}, "inbox.not-editable"),
        ({"title": 42}, "inbox.not-editable"),
        ({"tags": {"a": 1}}, "inbox.not-editable"),
        ({"title": "x" * (MAX_EDITED_TITLE + 1)}, "inbox.title-too-long"),
        ({"note": "y" * 20_001}, "inbox.note-too-long"),
        ({"tags": [f"t{n}" for n in range(MAX_TAGS + 1)]}, "inbox.too-many-tags"),
        ({"tags": "fine, " + "z" * 61}, "inbox.tag-too-long"),
    ],
)
def test_bad_input_is_refused_and_nothing_written(
    tmp_path: Path, item_id: str, changes: dict, key: str
) -> None:
    path = Inbox(tmp_path).path(item_id)
    before = path.read_bytes()
    with pytest.raises(InboxError) as caught:
        edit_item(tmp_path, item_id, changes)
    assert caught.value.key == key and path.read_bytes() == before


def test_a_missing_or_unreadable_item_is_an_error_and_never_overwritten(
    tmp_path: Path, item_id: str
) -> None:
    with pytest.raises(InboxError) as caught:
        edit_item(tmp_path, "ffffffff", {"title": "x"})
    assert caught.value.key == "inbox.no-item"
    path = Inbox(tmp_path).path(item_id)
    conflict = f"<<<<<<< HEAD\nurl: {URL}\n=======\nurl: {URL}/\n>>>>>>> theirs\n"
    path.write_text(conflict, encoding="utf-8")
    with pytest.raises(InboxError) as caught:
        edit_item(tmp_path, item_id, {"title": "x"})
    assert caught.value.key == "inbox.unreadable-item" and path.read_text() == conflict


def test_a_field_changed_on_disk_since_it_was_read_is_not_overwritten(
    tmp_path: Path, item_id: str
) -> None:
    inbox = Inbox(tmp_path)
    seen = inbox.get(item_id)
    # Someone else's change arrives (a pull): the note and the title differ now.
    pulled = inbox.path(item_id).read_text(encoding="utf-8")
    pulled = pulled.replace("first thoughts", "their note").replace(
        "Notes on queues", "Their title"
    )
    inbox.path(item_id).write_text(pulled, encoding="utf-8")
    with pytest.raises(InboxError) as caught:
        edit_item(tmp_path, item_id, {"note": "my note"}, base={"note": seen.note})
    assert caught.value.key == "inbox.edit-conflict"
    assert inbox.get(item_id).note == "their note"
    # A field they did not touch is edited on top of their version, which is kept.
    edit_item(tmp_path, item_id, {"tags": "mine"}, base={"tags": seen.tags})
    item = inbox.get(item_id)
    assert item.tags == ["mine"] and item.title == "Their title" and item.note == "their note"
    # The same text on both sides is no conflict; without a base the edit is deliberate.
    edit_item(tmp_path, item_id, {"title": "Their title"}, base={"title": seen.title})
    edit_item(tmp_path, item_id, {"note": "my note"})
    assert inbox.get(item_id).note == "my note"
