"""The autosave's writes of long card files, on a worker (mixed into IssueDocument).

Writing and syncing a card of megabytes held the UI thread for up to a second after every
pause in typing. The autosave hands such a file to the journal's thread instead (one thread:
the journal writes queued before it land first, and its own removal of the card's journal
entry comes only once the file is written). A save asked for (Save, closing, a structural
change) first waits for these writes, so a file is never written out of order.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import wait as wait_futures
from functools import partial
from pathlib import Path
from typing import Any

from editor_app.core import journal
from editor_app.core.atomic import atomic_write_text
from editor_app.core.issue_format import serialize_card
from editor_app.core.lock import issue_write_lock
from editor_app.core.model import Issue
from editor_app.core.storage import card_path
from editor_app.gui.document_disk import file_stamp
from editor_app.gui.workers import run_in_thread

# A card longer than this (characters of body) is written by the autosave on a worker.
BACKGROUND_SAVE_CHARS = 200_000
# How long a writer waits for another one (a command-line tool) before giving up.
WRITE_LOCK_TIMEOUT_S = 2.0


def write_card_file(
    folder: Path, card_id: str, text: str, expected: tuple[int, int] | None
) -> tuple[int, int] | None:
    """A worker's job: write one card file under the issue's write lock and drop the card's
    journal entry; return the file's new stamp. When the file is no longer the one we know
    (its stamp is not ``expected``: someone else wrote it), write nothing and return None."""
    path = card_path(folder, card_id)
    with issue_write_lock(folder, timeout=WRITE_LOCK_TIMEOUT_S):
        if expected is not None and file_stamp(path) not in (expected, (0, -1)):
            return None
        atomic_write_text(path, text)
        stamp = file_stamp(path)
    journal.clear_entry(folder, card_id)
    return stamp


class BackgroundWritesMixin:
    """Mixed into IssueDocument, whose state and signals it uses."""

    folder: Path
    issue: Issue
    _disk: dict[str, str]
    _stamps: dict[str, tuple[int, int]]
    _dirty_cards: set[str]
    _autosave: Any
    saveStateChanged: Any  # noqa: N815 - the Qt signal's name
    saveFailed: Any  # noqa: N815
    _changed_on_disk: Callable[[Path], bool]
    _on_file_changed: Callable[[str], None]

    def _init_writes(self) -> None:
        # path -> writes of that card file on the worker, oldest first
        self._writing: dict[str, list[Future]] = {}

    def _save_long_cards_in_background(
        self, todo: list[str], held: set[str], changed_under_us: list[str]
    ) -> list[str]:
        """Hand the long cards of ``todo`` to the worker; return the others."""
        rest = []
        for card_id in todo:
            card = self.issue.cards.get(card_id)
            if card is None or card.unreadable or len(card.body) <= BACKGROUND_SAVE_CHARS:
                rest.append(card_id)
                continue
            path = str(card_path(self.folder, card_id))
            # A file we are still writing is ours, whatever it holds at this moment.
            pending = self._write_pending(path)
            if not pending and self._changed_on_disk(Path(path)):
                held.add(card_id)
                changed_under_us.append(path)
                continue
            expected = None if pending else self._stamps.get(path)
            self._write_in_background(card_id, path, serialize_card(card), expected)
        return rest

    def _write_in_background(
        self, card_id: str, path: str, text: str, expected: tuple[int, int] | None
    ) -> None:
        previous = self._disk.get(path)
        # What the file is about to hold: the watcher's news of our own write compares equal.
        self._disk[path] = text
        job = partial(write_card_file, self.folder, card_id, text, expected)
        future = run_in_thread(
            job,
            partial(self._written, card_id, path, previous),
            partial(self._write_failed, card_id, path, previous),
            self,  # type: ignore[arg-type] - the document, a QObject
            lane="journal",
        )
        self._writing.setdefault(path, []).append(future)

    def _finished(self, path: str) -> bool:
        """One write of ``path`` ended (the oldest: the lane has one thread); True when no
        other is waiting."""
        futures = self._writing.get(path, [])
        if futures:
            futures.pop(0)
        if futures:
            return False
        self._writing.pop(path, None)
        return True

    def _written(
        self, card_id: str, path: str, previous: str | None, stamp: tuple[int, int] | None
    ) -> None:
        last = self._finished(path)
        if stamp is None:
            # Someone else wrote the file since we looked: it becomes a conflict as any
            # change from outside does (our text stays in the card, unsaved).
            if previous is not None:
                self._disk[path] = previous
            self._dirty_cards.add(card_id)
            self.saveStateChanged.emit("unsaved")
            if last:
                self._on_file_changed(path)
            return
        self._stamps[path] = stamp
        if last and file_stamp(path) != stamp:
            self._on_file_changed(path)  # written again since, by someone else

    def writing_to(self, path: str) -> bool:
        """Whether a write of ``path`` is queued, running, or not yet reported back: the
        file watcher's news of it is our own write, looked at when it is reported."""
        return path in self._writing

    def _write_failed(self, card_id: str, path: str, previous: str | None, message: str) -> None:
        self._finished(path)
        if previous is not None:
            self._disk[path] = previous
        self._dirty_cards.add(card_id)
        self.saveStateChanged.emit("error")
        first_line = message.splitlines()[0] if message else ""
        self.saveFailed.emit(f"{path}: {first_line}")
        self._autosave.start(5000)  # try again; the journal still holds the text

    def _write_pending(self, path: str) -> bool:
        return any(not future.done() for future in self._writing.get(path, ()))

    def writing(self) -> bool:
        """Whether card files are still being written on a worker."""
        return any(self._write_pending(path) for path in self._writing)

    def wait_for_writes(self, timeout: float = 30.0) -> None:
        """Block until the card files being written on a worker are on disk."""
        futures = [future for pending in self._writing.values() for future in pending]
        if futures:
            wait_futures(futures, timeout=timeout)
