"""IssueDocument's side of the files on disk: watching them, noticing changes made by other
programs (git, the command line, another editor), and applying the editor's choice when such a
change meets unsaved edits."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher

from editor_app.core import outline
from editor_app.core.errors import MastheadError
from editor_app.core.issue_format import parse_card
from editor_app.core.model import Card, Issue
from editor_app.core.storage import (
    CARDS_DIR,
    card_path,
    load_issue,
    manifest_path,
    read_card_text,
    read_text,
)
from editor_app.gui.i18n import error_text
from editor_app.gui.workers import run_in_thread

# The editor's choices when a card changed on disk under unsaved edits.
KEEP_MINE = "mine"
TAKE_THEIRS = "theirs"
KEEP_BOTH = "both"  # the file's version stays in the card; mine becomes a new card after it


class DiskChangesMixin:
    """Mixed into IssueDocument, whose state and signals it uses."""

    folder: Path
    issue: Issue
    # path -> text last read or written there, and the file's (mtime, size) at that moment
    _disk: dict[str, str]
    _stamps: dict[str, tuple[int, int]]
    _dirty_cards: set[str]
    _manifest_dirty: bool
    _journal_pending: set[str]
    # Cards changed on disk under unsaved edits, waiting for the editor's choice: nothing is
    # written to them until then. Each maps to the file text the edits started from.
    _conflicts: dict[str, str]
    _manifest_conflict: bool
    _watcher: QFileSystemWatcher
    _stamping: bool  # a look at the card files' stamps is running on a worker
    writing_to: Callable[[str], bool]
    _stamp_again: bool
    conflict: Any
    manifestConflict: Any  # noqa: N815 - the Qt signal's name
    tell_card_changed: Callable[[str, str], None]
    outlineChanged: Any  # noqa: N815
    issueChanged: Any  # noqa: N815
    externallyReloaded: Any  # noqa: N815
    saveStateChanged: Any  # noqa: N815
    saveFailed: Any  # noqa: N815
    clear_journal: Callable[[str], None]

    def in_conflict(self, card_id: str) -> bool:
        return card_id in self._conflicts

    def disk_card(self, card_id: str) -> Card | None:
        """The card as last read from its file (during a conflict: the file's version)."""
        path = card_path(self.folder, card_id)
        text = self._disk.get(str(path))
        if text is None:
            return None
        try:
            return parse_card(text, path, card_id)
        except MastheadError:
            return None

    def _changed_on_disk(self, path: Path) -> bool:
        """Whether the file is no longer what we last read or wrote there.

        A file that is gone is not "changed": saving brings the editor's text back.
        """
        key = str(path)
        stamp = file_stamp(path)
        if key not in self._disk or stamp == self._stamps.get(key) or stamp == (0, -1):
            return False
        try:
            current = _read(Path(path), self.folder)
        except MastheadError:
            return True  # unreadable: never overwritten without the editor's say
        if current == self._disk[key]:
            self._stamps[key] = stamp
            return False
        return True

    def _remember(self, path: Path | str, text: str) -> None:
        self._disk[str(path)] = text
        self._stamps[str(path)] = file_stamp(path)

    def _card_file(self, card_id: str) -> str:
        """``str(card_path(folder, card_id))``, made without pathlib: the watch and stamp
        bookkeeping does this for every card of the issue after each save."""
        return os.path.join(self.folder, CARDS_DIR, card_id + ".md")

    def _watch(self) -> None:
        paths = [str(manifest_path(self.folder))] + [self._card_file(c) for c in self.issue.cards]
        cards_dir = str(self.folder / CARDS_DIR)
        watched = set(self._watcher.files())
        missing = [p for p in paths if p not in watched and os.path.exists(p)]
        if missing:
            self._watcher.addPaths(missing)
        if cards_dir not in self._watcher.directories() and os.path.isdir(cards_dir):
            self._watcher.addPath(cards_dir)

    def _on_dir_changed(self, _path: str) -> None:
        # Editors, git and our own atomic saves replace files by rename. Re-add the watches and
        # read only the cards whose file is not the one we last read or wrote. The files are
        # looked at on a worker: thousands of stat calls after every save would hold the UI.
        self._watch()
        if self._stamping:
            self._stamp_again = True
            return
        self._stamping = True
        paths = [self._card_file(card_id) for card_id in self.issue.cards]
        run_in_thread(partial(file_stamps, paths), self._stamped, self._stamp_failed, self)

    def _stamped(self, stamps: dict[str, tuple[int, int]]) -> None:
        self._stamping = False
        for path, stamp in stamps.items():
            if stamp != self._stamps.get(path) and Path(path).stem in self.issue.cards:
                self._on_file_changed(path)
        if self._stamp_again:
            self._stamp_again = False
            self._on_dir_changed("")

    def _stamp_failed(self, _message: str) -> None:
        self._stamping = self._stamp_again = False

    def _on_file_changed(self, path: str) -> None:
        if self.writing_to(path):
            return  # our own write, still under way: looked at once it is reported
        if path in self._disk and file_stamp(path) == self._stamps.get(path):
            # The file we last read or wrote (our own save, told late): reading a card of
            # megabytes again to find that out would hold the UI thread.
            self._watch()
            return
        self._watch()
        try:
            text = _read(Path(path), self.folder)
        except MastheadError:
            return  # deleted or half-written; a later event will tell
        if self._disk.get(path) == text:
            self._stamps[path] = file_stamp(path)
            return
        if Path(path) == manifest_path(self.folder):
            self._remember(path, text)
            if not self._manifest_dirty:
                self.reload_outline()
            elif not self._manifest_conflict:  # a later change is read when the editor chooses
                self._manifest_conflict = True
                self.saveStateChanged.emit("unsaved")
                self.manifestConflict.emit()
            return
        card_id = Path(path).stem
        if card_id not in self.issue.cards:
            return
        try:
            disk_card = parse_card(text, Path(path), card_id)
        except MastheadError:
            return
        base = self._disk.get(path, "")
        self._remember(path, text)
        if card_id in self._dirty_cards:
            if card_id in self._conflicts:
                return  # changed again while the editor decides: the choice reads the file then
            # Nothing is written to this card until the editor chooses (see save()).
            self._conflicts[card_id] = base
            self.saveStateChanged.emit("unsaved")
            self.conflict.emit(card_id, disk_card.body)
            return
        self._take_disk_card(card_id, disk_card)

    def _take_disk_card(self, card_id: str, disk_card: Card) -> None:
        disk_card.child_ids = self.issue.cards[card_id].child_ids
        self.issue.cards[card_id] = disk_card
        self.tell_card_changed(card_id, "*")
        self.outlineChanged.emit([])
        self.externallyReloaded.emit(card_id)
        self.schedule_checks()

    def reload_outline(self) -> None:
        """Take issue.yaml from disk (a git pull): new order, new cards, new metadata.

        Cards with unsaved edits keep them. The undo history is dropped, since its snapshots
        describe an outline that no longer exists.
        """
        try:
            texts: dict[str, str] = {}
            fresh = load_issue(self.folder, texts)
        except MastheadError as exc:
            self.saveFailed.emit(error_text(exc))  # shown to the editor; nothing is overwritten
            return
        for card_id in self._dirty_cards & set(fresh.cards):
            mine = self.issue.cards.get(card_id)
            if mine is not None:
                mine.child_ids = fresh.cards[card_id].child_ids
                fresh.cards[card_id] = mine
        for name in Issue.__dataclass_fields__:
            if name != "folder":
                setattr(self.issue, name, getattr(fresh, name))
        self.undo_stack.clear()
        for path, text in texts.items():
            self._remember(path, text)
        self._watch()
        self.issueChanged.emit()
        self.outlineChanged.emit([])
        self.externallyReloaded.emit("")
        self.schedule_checks()

    def resolve_manifest_conflict(self, keep_mine: bool) -> None:
        """After issue.yaml changed under unsaved issue edits: write ours, or take the file's."""
        self._manifest_conflict = False
        if keep_mine:
            self._manifest_dirty = True
            self.save()
        else:
            self._manifest_dirty = False
            self.reload_outline()

    def resolve_conflict(self, card_id: str, choice: str) -> None:
        """Apply the editor's choice after a card changed on disk under unsaved edits.

        KEEP_MINE writes the editor's card over the file. TAKE_THEIRS replaces the card (body,
        title and every other field) with the file's and forgets the unsaved edits, journal
        included. KEEP_BOTH takes the file's into the card and adds the editor's version as a
        new card right after it (one undoable step), so the changed file is not rewritten.
        """
        if choice not in {KEEP_MINE, TAKE_THEIRS, KEEP_BOTH}:
            raise ValueError(f"unknown conflict choice {choice!r}")
        self._conflicts.pop(card_id, None)
        mine = self.issue.cards.get(card_id)
        if mine is None:
            return  # the card left the outline meanwhile
        path = card_path(self.folder, card_id)
        disk_card = None
        if choice != KEEP_MINE:
            try:
                text = read_card_text(path)
                disk_card = parse_card(text, path, card_id)
            except MastheadError:
                disk_card = None  # the file is gone or broken: there is nothing to take
        if disk_card is None:
            self._mark_card(card_id)
            self.save()
            return
        self._remember(path, text)
        self._dirty_cards.discard(card_id)
        self._journal_pending.discard(card_id)
        self.clear_journal(card_id)
        self._take_disk_card(card_id, disk_card)
        if choice == KEEP_BOTH:
            if mine.title.strip():
                copy_title = QCoreApplication.translate("IssueDocument", "%1 (my version)").replace(
                    "%1", mine.title
                )
            else:
                copy_title = QCoreApplication.translate("IssueDocument", "My version")
            self.edit_outline(
                QCoreApplication.translate("IssueDocument", "Keep both versions"),
                lambda issue: outline.insert_copy_after(issue, card_id, mine, copy_title),
                lambda twin: [twin.id],
            )
        elif not self.dirty:
            self.saveStateChanged.emit("saved")


def file_stamps(paths: list[str]) -> dict[str, tuple[int, int]]:
    """``file_stamp`` of each path (a worker's job)."""
    return {path: file_stamp(path) for path in paths}


def file_stamp(path: Path | str) -> tuple[int, int]:
    """A file's (mtime in ns, size), or (0, -1) when it is gone: enough to see a replacement."""
    try:
        info = os.stat(path)
    except OSError:
        return (0, -1)
    return (info.st_mtime_ns, info.st_size)


def _read(path: Path, folder: Path) -> str:
    """The manifest, or a card file read without following a symbolic link."""
    return read_text(path) if path == manifest_path(folder) else read_card_text(path)
