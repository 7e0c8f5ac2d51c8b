"""The inbox folder: adding and merging, removing and putting back, atomic files, the lock."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from editor_app.core import atomic
from editor_app.core.errors import InboxError
from editor_app.core.inbox.item import Candidate, find_links
from editor_app.core.inbox.store import Inbox


def _links(*urls: str) -> list[Candidate]:
    return [Candidate(u) for u in urls]


def test_links_are_added_once_whatever_their_spelling(tmp_path: Path) -> None:
    inbox = Inbox(tmp_path)
    report = inbox.add(
        find_links("https://example.org/a?utm_source=x\nhttp://www.example.org/a\nhttps://b.example.org/"),
        "paste",
    )  # fmt: skip
    assert len(report.added) == 2 and report.found == 2
    again = inbox.add([Candidate("https://EXAMPLE.org/a/", "Now titled", tags=["k8s"])], "cli")
    assert not again.added and [i.url for i in again.merged] == ["https://example.org/a"]
    items = {i.url: i for i in inbox.load().items}
    assert len(items) == 2
    merged = items["https://example.org/a"]
    assert merged.title == "Now titled" and merged.tags == ["k8s"] and merged.origin == "paste"
    assert sorted(p.name for p in (tmp_path / "inbox").iterdir()) == sorted(
        f"{i.id}.yaml" for i in items.values()
    )


def test_a_duplicate_with_nothing_new_writes_nothing(tmp_path: Path) -> None:
    inbox = Inbox(tmp_path)
    inbox.add(_links("https://example.org/a"), "paste")
    path = next((tmp_path / "inbox").iterdir())
    stamp = path.stat().st_mtime_ns
    report = inbox.add(_links("https://example.org/a"), "paste")
    assert report.merged_count == 1 and not report.merged and path.stat().st_mtime_ns == stamp


def test_items_are_listed_newest_first(tmp_path: Path, monkeypatch) -> None:
    inbox = Inbox(tmp_path)
    for n, stamp in enumerate(
        ["2026-10-02T00:00:00Z", "2026-10-05T00:00:00Z", "2026-10-01T00:00:00Z"]
    ):
        monkeypatch.setattr("editor_app.core.inbox.item.now_stamp", lambda s=stamp: s)
        inbox.add(_links(f"https://example.org/{n}"), "paste")
    assert [i.url[-1] for i in inbox.load().items] == ["1", "0", "2"]


def test_an_unreadable_item_is_reported_and_never_overwritten(tmp_path: Path) -> None:
    inbox = Inbox(tmp_path)
    inbox.add(_links("https://example.org/a"), "paste")
    broken = inbox.path(inbox.load().items[0].id)
    conflict = "<<<<<<< HEAD\nurl: https://example.org/a\n=======\nurl: x\n>>>>>>> other\n"
    broken.write_text(conflict)
    listing = inbox.load()
    assert listing.items == [] and len(listing.problems) == 1
    assert listing.problems[0].key == "inbox.unreadable-item"
    report = inbox.add(_links("https://example.org/a"), "paste")
    assert report.skipped == 1 and broken.read_text() == conflict


def test_remove_returns_the_items_and_put_brings_them_back(tmp_path: Path) -> None:
    inbox = Inbox(tmp_path)
    inbox.add([Candidate("https://example.org/a", "A", "note", ["t"])], "paste")
    item = inbox.load().items[0]
    assert inbox.get(item.id[:5]) == item
    removed = inbox.remove([item.id])
    assert removed == [item] and inbox.load().items == []
    with pytest.raises(InboxError):
        inbox.get(item.id)
    inbox.put(removed)
    assert inbox.load().items == [item]


def test_an_import_is_capped(tmp_path: Path) -> None:
    inbox = Inbox(tmp_path)
    report = inbox.add(_links(*(f"https://example.org/{n}" for n in range(30))), "feed", limit=10)
    assert len(report.added) == 10 and report.capped and report.found == 30
    assert len(inbox.load().items) == 10


def test_a_failed_write_leaves_the_old_file_whole_and_no_temp(tmp_path: Path, monkeypatch) -> None:
    inbox = Inbox(tmp_path)
    inbox.add([Candidate("https://example.org/a", "Old")], "paste")
    path = inbox.path(inbox.load().items[0].id)
    before = path.read_bytes()

    def broken_replace(src, dst) -> None:  # noqa: ANN001 - the disk fills up at the rename
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(OSError):
        inbox.add([Candidate("https://example.org/a", note="a new note")], "paste")
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path / "inbox")) == [path.name]


def test_halves_a_killed_writer_left_are_ignored_then_removed(tmp_path: Path) -> None:
    inbox = Inbox(tmp_path)
    inbox.add(_links("https://example.org/a"), "paste")
    stray = tmp_path / "inbox" / ".0123456789ab.yaml.abcd1234.tmp"
    stray.write_text("url: https://exa")
    assert len(inbox.load().items) == 1 and not inbox.load().problems
    inbox.add(_links("https://example.org/b"), "paste")
    assert not stray.exists()


def test_concurrent_writers_lose_no_update(tmp_path: Path) -> None:
    inbox = Inbox(tmp_path)
    inbox.add(_links("https://example.org/shared"), "paste")
    errors: list[BaseException] = []

    def add_note(n: int) -> None:
        try:
            Inbox(tmp_path).add([Candidate("https://example.org/shared", note=f"note {n}")], "x")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=add_note, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    note = inbox.load().items[0].note
    assert all(f"note {n}" in note for n in range(8))
