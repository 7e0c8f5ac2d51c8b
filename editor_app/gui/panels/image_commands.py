"""Undoable changes to the issue's images, each one step on the document's undo stack.

Alt text: every reference to an image gets the new text (one macro of ``set_field`` calls).
Removal of unused images: the file moves to .masthead/trash/assets/ and comes back on undo.
``ImageAssetEdits`` runs both for the image panel and reports through its signals.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand
from shiboken6 import Shiboken

from editor_app.core.errors import ImageError, MastheadError
from editor_app.core.images import alt_text_edits, restore_asset, trash_asset
from editor_app.gui.document import IssueDocument
from editor_app.gui.i18n import error_text
from editor_app.gui.panels.link_actions import push_field_edits

Notify = Callable[[str], None]  # called with "" after a change, or with an error message


class TrashAssetCommand(QUndoCommand):
    """Created after the first move (so a failure never reaches the stack); redo moves
    the file to the trash again, undo puts it back where it was."""

    def __init__(self, folder: Path, asset: str, trashed: Path, text: str, notify: Notify):
        super().__init__(text)
        self.folder, self.asset, self.trashed = Path(folder), asset, trashed
        self.notify = notify
        self._first = True

    @classmethod
    def trash(cls, folder: Path, asset: str, text: str, notify: Notify) -> TrashAssetCommand:
        """Move the asset to the trash now (ImageError if it cannot) and return the command."""
        trashed = trash_asset(folder, asset)
        return cls(folder, asset, trashed, text, notify)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        try:
            self.trashed = trash_asset(self.folder, self.asset)
        except (ImageError, OSError) as exc:
            self.notify(error_text(exc))
            return
        self.notify("")

    def undo(self) -> None:
        try:
            restore_asset(self.folder, self.trashed, self.asset)
        except (ImageError, OSError) as exc:
            self.notify(error_text(exc))
            return
        self.notify("")


def trash_assets(
    document: Any, assets: list[str], text: str, notify: Notify
) -> tuple[int, list[str]]:
    """Move unused ``assets`` to the trash as one undo step; (how many, error messages)."""
    stack = document.undo_stack
    many = len(assets) > 1
    removed, errors = 0, []
    if many:
        stack.beginMacro(text)
    try:
        for asset in assets:
            try:
                command = TrashAssetCommand.trash(document.folder, asset, text, notify)
            except (ImageError, OSError) as exc:
                errors.append(error_text(exc))
                continue
            stack.push(command)
            removed += 1
    finally:
        if many:
            stack.endMacro()
    return removed, errors


class ImageAssetEdits(QObject):
    """The image panel's edits of one open issue's images."""

    status = Signal(str, bool)  # a message, and whether it is an error
    changed = Signal()  # an edit was made: list the images again now
    changedLater = Signal()  # undo or redo moved a file: list them again soon

    def __init__(self, document: IssueDocument, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document

    def set_alt_text(self, asset: str, alt: str) -> int:
        """Give every reference to ``asset`` the alt text ``alt`` as one undo step.

        Returns how many card fields changed.
        """
        if self.document.read_only:
            return 0
        try:
            edits = [e for e in alt_text_edits(self.document.issue, asset, alt) if e.changed]
        except MastheadError as exc:
            self.status.emit(error_text(exc), True)
            return 0
        description = self.tr("Set alt text of %1").replace("%1", Path(asset).name)
        if not push_field_edits(self.document, edits, description):
            return 0
        cards = len({e.card for e in edits})
        self.status.emit(self.tr("Alt text updated in %n card(s).", "", cards), False)
        self.changed.emit()
        return len(edits)

    def remove(self, assets: list[str]) -> None:
        """Move the unused ``assets`` to the issue's trash as one undo step."""
        if self.document.read_only or not assets:
            return
        if len(assets) > 1:
            text = self.tr("Remove %n unused image(s)", "", len(assets))
        else:
            text = self.tr("Remove unused image %1").replace("%1", Path(assets[0]).name)
        removed, errors = trash_assets(self.document, assets, text, self._notify)
        if errors:
            self.status.emit("\n".join(errors), True)
        if removed:
            self.status.emit(
                self.tr(
                    "Moved %n image(s) to the issue's trash; Undo brings them back.", "", removed
                ),
                False,
            )
        self.changed.emit()

    def _notify(self, message: str) -> None:
        # Undo and redo run long after the removal: the panel may be gone with its issue.
        if Shiboken.isValid(self):
            self.status.emit(message, bool(message))
            self.changedLater.emit()
