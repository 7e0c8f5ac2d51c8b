"""IssueDocument: the open issue, its undo stack, autosave, journal, lock and file watching.

Widgets read the issue through this object and change it only through its methods, so
every change is saved, journaled and announced by a signal.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from contextlib import nullcontext
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from editor_app.core import journal, outline, settings_registry
from editor_app.core.atomic import atomic_write_text, remove_stray_temps
from editor_app.core.checks import Problem, check_issue
from editor_app.core.errors import IssueLockedError, MastheadError
from editor_app.core.issue_format import serialize_card, serialize_manifest
from editor_app.core.lock import IssueLock, issue_write_lock
from editor_app.core.model import Card, Issue, detached_copy
from editor_app.core.storage import (
    CARDS_DIR,
    card_path,
    load_issue,
    manifest_path,
    save_manifest,
    trash_orphans,
)
from editor_app.gui.document_disk import (  # noqa: F401 - the choices are used from here too
    KEEP_BOTH,
    KEEP_MINE,
    TAKE_THEIRS,
    DiskChangesMixin,
    file_stamp,
)
from editor_app.gui.document_writes import (  # noqa: F401 - the tests read the limit here
    BACKGROUND_SAVE_CHARS,
    WRITE_LOCK_TIMEOUT_S,
    BackgroundWritesMixin,
)
from editor_app.gui.undo_commands import FieldCommand, OutlineCommand
from editor_app.gui.workers import run_in_thread

DEFAULT_AUTOSAVE_MS: int = settings_registry.AUTOSAVE_MS.default
# Typed text reaches the journal this long after the first keystroke since the last write
# (for a body over BACKGROUND_SAVE_CHARS: the longer delay).
JOURNAL_MS = 200
LONG_JOURNAL_MS = 2000
# How long a save waits for another writer (a command-line tool) to finish before retrying.
SAVE_LOCK_TIMEOUT_S = WRITE_LOCK_TIMEOUT_S


def _ignore(_result: object) -> None:
    pass


class IssueDocument(DiskChangesMixin, BackgroundWritesMixin, QObject):
    outlineChanged = Signal(list)  # ids to select afterwards
    cardChanged = Signal(str, str)  # card id, field name ("body", "title", … or "*")
    # The same change, told first: the preview starts its render from here, before the
    # editor's fields, the counts and the panels take their turn on the UI thread. Both are
    # only emitted by tell_card_changed.
    cardChangedFirst = Signal(str, str)
    issueChanged = Signal()  # issue metadata (title, number, numbering …)
    saveStateChanged = Signal(str)  # "saved", "unsaved", "error"
    saveFailed = Signal(str)
    problemsChanged = Signal(list)
    conflict = Signal(str, str)  # card id, the body now on disk
    externallyReloaded = Signal(str)  # card id reloaded from disk ("" for the whole outline)
    manifestConflict = Signal()  # issue.yaml changed on disk while ours had unsaved changes

    def __init__(self, folder: Path, parent: QObject | None = None, autosave_ms: int | None = None):
        super().__init__(parent)
        self.folder = Path(folder)
        self.lock = IssueLock(self.folder)
        self.read_only = not self.lock.acquire()
        # Only the instance that holds the issue writes journaled text back into its cards.
        self.recovered: list[str] = []
        # path -> text last read or written there, and the file's (mtime, size) at that moment
        self._disk: dict[str, str] = {}
        self._stamps: dict[str, tuple[int, int]] = {}
        try:
            if not self.read_only:
                with issue_write_lock(self.folder, timeout=SAVE_LOCK_TIMEOUT_S):
                    # Halves of writes a killed Masthead left; nobody else writes here now.
                    remove_stray_temps(
                        self.folder, self.folder / CARDS_DIR, journal.journal_dir(folder)
                    )
                    self.recovered = journal.recover(self.folder)
            self.issue: Issue = load_issue(self.folder, self._disk)
        except BaseException:
            self.lock.release()  # an issue that could not be opened is not held
            raise
        self._stamps = {path: file_stamp(path) for path in self._disk}
        self.undo_stack = QUndoStack(self)
        self.problems: list[Problem] = []
        self._dirty_cards: set[str] = set()
        self._manifest_dirty = False
        self._journal_pending: set[str] = set()  # typed in since the last journal write
        # Cards changed on disk under unsaved edits, waiting for the editor's choice: nothing
        # is written to them until then. Each maps to the file text the edits started from.
        self._conflicts: dict[str, str] = {}
        self._manifest_conflict = False

        self._autosave = QTimer(self, singleShot=True, interval=autosave_ms or DEFAULT_AUTOSAVE_MS)
        # A bound method, not a lambda holding self: a lambda on a child's signal keeps the
        # document alive after it is closed.
        self._autosave.timeout.connect(self._autosave_now)
        self._init_writes()
        self._journal_timer = QTimer(self, singleShot=True, interval=JOURNAL_MS)
        self._journal_timer.timeout.connect(self._write_journal)
        self._check_timer = QTimer(self, singleShot=True, interval=600)
        self._check_timer.timeout.connect(self._run_checks)
        self._check_running = False
        self._check_again = False
        self._checks_held = False
        self._checks_wanted = False

        self._watcher = QFileSystemWatcher(self)
        self._stamping = self._stamp_again = False
        self._watch()
        self._watcher.fileChanged.connect(self._on_file_changed)
        self._watcher.directoryChanged.connect(self._on_dir_changed)
        self.schedule_checks()

    # -- reading -----------------------------------------------------------------------------
    def card(self, card_id: str) -> Card:
        return self.issue.cards[card_id]

    def has_card(self, card_id: str) -> bool:
        return card_id in self.issue.cards

    @property
    def dirty(self) -> bool:
        return bool(self._dirty_cards or self._manifest_dirty)

    # -- edits ------------------------------------------------------------------------------
    def set_card_body(self, card_id: str, text: str) -> None:
        """Typing in the body editor (its own undo handles it; not on the undo stack)."""
        if self.read_only or card_id not in self.issue.cards:
            return
        card = self.issue.cards[card_id]
        if card.body == text:
            return
        card.body = text
        self._mark_card(card_id)
        # Not restarted on every keystroke: continuous typing must still reach the journal.
        # A long body is journaled less often: each write encodes and writes all of it.
        self._journal_pending.add(card_id)
        if not self._journal_timer.isActive():
            long = len(text) > BACKGROUND_SAVE_CHARS
            self._journal_timer.start(LONG_JOURNAL_MS if long else JOURNAL_MS)
        self.tell_card_changed(card_id, "body")

    def tell_card_changed(self, card_id: str, field: str) -> None:
        """Tell that a card's ``field`` ("*": all of it) changed: the preview first (its
        render then runs on a worker while the others take their turn), then the rest."""
        self.cardChangedFirst.emit(card_id, field)
        self.cardChanged.emit(card_id, field)

    def replace_card_body(self, card_id: str, text: str, description: str) -> None:
        """A body change made outside the text editor (link panel, image alt): undoable."""
        self.set_field(card_id, "body", text, description)

    def set_field(self, card_id: str, field: str, value: Any, description: str = "") -> None:
        """Set a card field through the undo stack. Consecutive edits of one field merge."""
        if self.read_only:
            return
        card = self.issue.cards[card_id]
        if getattr(card, field) == value:
            return

        def setter(new: Any, cid: str = card_id, name: str = field) -> None:
            target = self.issue.cards.get(cid)
            if target is None:
                return
            setattr(target, name, copy.deepcopy(new))
            self._mark_card(cid)
            self.tell_card_changed(cid, name)

        def getter(cid: str = card_id, name: str = field) -> Any:
            return copy.deepcopy(getattr(self.issue.cards[cid], name))

        text = description or self.tr("Edit card")  # never a raw field name in the Undo menu
        merge = f"{card_id}:{field}" if field in {"title", "note"} else ""
        self.undo_stack.push(FieldCommand(text, getter, setter, copy.deepcopy(value), merge))

    def set_section_field(
        self, section_id: str, name: str, value: Any, description: str = ""
    ) -> None:
        if self.read_only:
            return
        section = self.issue.section(section_id)
        if getattr(section, name) == value:
            return

        def setter(new: Any) -> None:
            target = next((s for s in self.issue.sections if s.id == section_id), None)
            if target is None:
                return
            setattr(target, name, new)
            self._manifest_dirty = True
            self._schedule_save()
            self.outlineChanged.emit([section_id])

        text = description or self.tr("Edit section")
        getter = lambda: getattr(self.issue.section(section_id), name)  # noqa: E731
        self.undo_stack.push(FieldCommand(text, getter, setter, value))

    def rename_section(self, section_id: str, title: str) -> None:
        self.set_section_field(section_id, "title", title, self.tr("Rename section"))

    def set_issue_field(self, name: str, value: Any, description: str = "") -> None:
        if self.read_only or getattr(self.issue, name) == value:
            return

        def setter(new: Any) -> None:
            setattr(self.issue, name, copy.deepcopy(new))
            self._manifest_dirty = True
            self._schedule_save()
            self.issueChanged.emit()
            self.outlineChanged.emit([])

        text = description or self.tr("Edit issue properties")
        getter = lambda: copy.deepcopy(getattr(self.issue, name))  # noqa: E731
        self.undo_stack.push(FieldCommand(text, getter, setter, copy.deepcopy(value)))

    def edit_outline(
        self,
        description: str,
        change: Callable[[Issue], Any],
        select: Callable[[Any], list[str]],
        command: Callable[..., OutlineCommand] = OutlineCommand,
    ) -> Any:
        """Apply a structural change as one undoable step. Returns what ``change`` returned.

        ``select`` maps the result to the ids to select after the change. ``command`` makes
        the undo step from (document, description, before, after, ids): an OutlineCommand
        subclass that also changes something outside the issue (another issue's files).
        """
        if self.read_only:
            raise MastheadError(self.tr("This issue is open read-only."))
        before = outline.snapshot(self.issue)
        result = change(self.issue)  # may raise OutlineError: nothing was pushed
        after = outline.snapshot(self.issue)
        ids = select(result)
        self.undo_stack.push(command(self, description, before, after, ids))
        self._after_outline_change(ids, set(after.cards) - set(before.cards))
        return result

    def restore_outline(self, snap: outline.OutlineSnapshot, select: list[str]) -> None:
        had = set(self.issue.cards)
        outline.restore(self.issue, snap)
        back = set(self.issue.cards) - had
        # Undoing a delete selects the cards it brought back.
        select = select or [c.id for c in self.issue.ordered_cards() if c.id in back]
        self._after_outline_change(select, back)

    def _after_outline_change(self, select: list[str], new_cards: set[str]) -> None:
        # Order and nesting live in issue.yaml; only cards new to the outline need a file
        # (a card brought back by undo returns from the trash this way).
        self._manifest_dirty = True
        self._dirty_cards |= new_cards
        self.outlineChanged.emit(select)
        # Structure changes are saved at once: a new card exists on disk immediately.
        self.save()
        # A deleted (or restored) card takes its problems with it (or brings them back).
        self.schedule_checks()

    # -- saving -----------------------------------------------------------------------------
    def _mark_card(self, card_id: str) -> None:
        self._dirty_cards.add(card_id)
        self._schedule_save()

    def _schedule_save(self) -> None:
        self.saveStateChanged.emit("unsaved")
        self._autosave.start()
        self.schedule_checks()

    def _autosave_now(self) -> None:
        self.save(background=True)

    def set_autosave_delay(self, ms: int) -> None:
        self._autosave.setInterval(max(100, ms))

    def save(self, background: bool = False) -> bool:
        """Write every changed card and the manifest atomically. False on failure.

        Cards and an issue.yaml waiting for a conflict choice are left alone, and so is a file
        found changed on disk before the watcher told us: it becomes a conflict instead.
        With ``background`` (the autosave) a long card file is written on a worker; a save
        without it first waits for such writes, so files are never written out of order.
        """
        self._autosave.stop()
        if self.read_only:
            return False
        if not background:
            self.wait_for_writes()
        held = set(self._conflicts)
        changed_under_us: list[str] = []
        todo = sorted(self._dirty_cards - held)
        if background:
            todo = self._save_long_cards_in_background(todo, held, changed_under_us)
        try:
            # Nothing else to write: no waiting for the lock the worker's write holds.
            needed = todo or (self._manifest_dirty and not self._manifest_conflict)
            with (
                issue_write_lock(self.folder, timeout=SAVE_LOCK_TIMEOUT_S)
                if needed
                else nullcontext()
            ):
                for card_id in todo:
                    card = self.issue.cards.get(card_id)
                    if card is None or card.unreadable:
                        continue
                    path = card_path(self.folder, card_id)
                    if self._changed_on_disk(path):
                        held.add(card_id)
                        changed_under_us.append(str(path))
                        continue
                    text = serialize_card(card)
                    # What the file holds is known (it was checked just above): no need to
                    # read it back to compare, as write_if_changed would.
                    if text != self._disk.get(str(path)) or not path.exists():
                        atomic_write_text(path, text)
                    self._remember(path, text)
                    self.clear_journal(card_id)
                manifest_done = not self._manifest_dirty
                if self._manifest_dirty and not self._manifest_conflict:
                    if self._changed_on_disk(manifest_path(self.folder)):
                        changed_under_us.append(str(manifest_path(self.folder)))
                    else:
                        save_manifest(self.folder, self.issue)
                        self._remember(manifest_path(self.folder), serialize_manifest(self.issue))
                        trash_orphans(self.folder, self.issue)
                        manifest_done = True
        except IssueLockedError:
            # Another writer is in the middle of a change: try again shortly.
            self.saveStateChanged.emit("unsaved")
            self._autosave.start(1000)
            return False
        except OSError as exc:
            self.saveStateChanged.emit("error")
            self.saveFailed.emit(f"{exc.filename or self.folder}: {exc.strerror or exc}")
            self._autosave.start(5000)  # try again; the journal still holds the text
            return False
        self._dirty_cards &= held
        if manifest_done:
            self._manifest_dirty = False
        self._watch()
        self.saveStateChanged.emit("unsaved" if self.dirty else "saved")
        for path in changed_under_us:
            self._on_file_changed(path)
        return not self.dirty

    def _write_journal(self) -> None:
        """Journal the cards typed in since the last journal write (not every unsaved card).

        The writing runs on a thread of its own: encoding and writing a body of megabytes
        would hold the UI thread for a good part of a second, several times a second.
        """
        pending, self._journal_pending = self._journal_pending & self._dirty_cards, set()
        entries = []
        for card_id in sorted(pending):
            card = self.issue.cards.get(card_id)
            if card is None or card.unreadable:
                continue
            # During a conflict the edits still rest on the text they started from, so that a
            # recovery after a crash sees the file changed underneath and keeps both versions.
            base_text = self._conflicts.get(card_id)
            if base_text is None:
                base_text = self._disk.get(str(card_path(self.folder, card_id)), "")
            entries.append(journal.JournalEntry(card_id, card.body, base_text))
        if entries:
            self._journal_job(partial(journal.write_entries, self.folder, entries))

    def clear_journal(self, card_id: str) -> None:
        """Remove the card's journal entry, after any write of it still on its way (one
        left behind would bring back older text when the issue is opened next)."""
        self._journal_job(partial(journal.clear_entry, self.folder, card_id))

    def _journal_job(self, job: Callable[[], None]) -> None:
        # One thread, in order: a write queued before a save's clear never lands after it.
        run_in_thread(job, _ignore, None, None, lane="journal")

    def close(self) -> None:
        if self.dirty:
            self.save()
        self.wait_for_writes()  # the issue is not let go with a file half written
        self.lock.release()
        # Commands hold Python callables; free them while Qt and Python both still exist.
        self.undo_stack.clear()
        self._watcher.removePaths(self._watcher.files() + self._watcher.directories())

    # -- checks -----------------------------------------------------------------------------
    def schedule_checks(self) -> None:
        if self._checks_held:
            self._checks_wanted = True
            return
        self._check_timer.start()

    def hold_checks(self, hold: bool) -> None:
        """Hold the checks back (while the window opens), or let them run again: a check
        asked for meanwhile runs once they are let go."""
        self._checks_held = hold
        if hold:
            self._checks_wanted = self._checks_wanted or self._check_timer.isActive()
            self._check_timer.stop()
        elif self._checks_wanted:
            self._checks_wanted = False
            self._check_timer.start()

    def _run_checks(self) -> None:
        if self._check_running:
            self._check_again = True
            return
        self._check_running = True
        snapshot = detached_copy(self.issue)
        snapshot.folder = self.folder
        run_in_thread(lambda: check_issue(snapshot), self._checks_done, self._checks_failed, self)

    def _checks_done(self, problems: list[Problem]) -> None:
        self._check_running = False
        self.problems = problems
        self.problemsChanged.emit(problems)
        if self._check_again:
            self._check_again = False
            self.schedule_checks()

    def _checks_failed(self, message: str) -> None:
        self._check_running = False
