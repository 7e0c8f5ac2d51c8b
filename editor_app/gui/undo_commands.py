"""QUndoCommands for structural and field edits on an IssueDocument."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from editor_app.core.outline import OutlineSnapshot

if TYPE_CHECKING:
    from editor_app.gui.document import IssueDocument


class OutlineCommand(QUndoCommand):
    """A structural edit recorded as the outline before and after it.

    Snapshots make every outline operation undoable the same way, whatever it touched.
    """

    def __init__(
        self,
        document: IssueDocument,
        text: str,
        before: OutlineSnapshot,
        after: OutlineSnapshot,
        select: list[str] | None = None,
        select_before: list[str] | None = None,
    ):
        super().__init__(text)
        self.document = document
        self.before, self.after = before, after
        self.select_after = select or []
        self.select_before = select_before or []
        self._first = True

    def redo(self) -> None:
        if self._first:  # the edit was applied when the command was made
            self._first = False
        else:
            self.document.restore_outline(self.after, self.select_after)

    def undo(self) -> None:
        self.document.restore_outline(self.before, self.select_before)


class FieldCommand(QUndoCommand):
    """Set one field of a card, section or the issue; merges consecutive typing in one field."""

    MERGE_ID = 0x4D48

    def __init__(
        self,
        text: str,
        getter: Callable[[], Any],
        setter: Callable[[Any], None],
        value: Any,
        merge_key: str = "",
    ):
        super().__init__(text)
        self.getter, self.setter = getter, setter
        self.old, self.new = getter(), value
        self.merge_key = merge_key

    def id(self) -> int:  # noqa: A003 - Qt API
        return self.MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if isinstance(other, FieldCommand) and other.merge_key == self.merge_key:
            self.new = other.new
            return True
        return False

    def redo(self) -> None:
        self.setter(self.new)

    def undo(self) -> None:
        self.setter(self.old)
