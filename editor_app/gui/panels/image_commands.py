"""Undoable removal of an unused asset: moved to .masthead/trash/assets/ and back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtGui import QUndoCommand

from editor_app.core.errors import ImageError
from editor_app.core.images import restore_asset, trash_asset
from editor_app.gui.i18n import error_text

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
