"""QUndoCommands for structural and field edits on an IssueDocument."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from editor_app.core.card_transfer import (
    NEW_SECTION,
    TransferReceipt,
    transfer_cards,
    undo_transfer,
)
from editor_app.core.errors import IssueLockedError, MastheadError
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


class MoveToIssueCommand(OutlineCommand):
    """Cards moved to another issue: added to the target on disk, removed from this outline.

    Undo takes them out of the target (``core.card_transfer.undo_transfer``) and then brings
    them back here; redo moves them again. When the target refuses (it is open in another
    window, or the cards were edited there since), nothing changes here, ``notify`` says why,
    and the step leaves the stack: the cards stay where they are, in one issue only.
    """

    def __init__(
        self,
        document: IssueDocument,
        text: str,
        before: OutlineSnapshot,
        after: OutlineSnapshot,
        select: list[str] | None = None,
        select_before: list[str] | None = None,
        *,
        receipt: TransferReceipt,
        notify: Callable[[str], None],
        new_section: tuple[str, str] = ("", ""),
    ):
        super().__init__(document, text, before, after, select, select_before)
        self.receipt = receipt
        self.notify = notify
        self.new_section = new_section

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        section = NEW_SECTION if self.receipt.new_section else self.receipt.section
        try:
            self.receipt = transfer_cards(
                self.document.issue,
                list(self.receipt.card_ids),
                self.receipt.target,
                section,
                *self.new_section,
            )
        except (MastheadError, OSError) as exc:
            self._refused(exc)
            return
        self.document.restore_outline(self.after, self.select_after)

    def undo(self) -> None:
        try:
            undo_transfer(self.receipt)
        except (MastheadError, OSError) as exc:
            self._refused(exc)
            return
        self.document.restore_outline(self.before, self.select_before)

    def _refused(self, exc: Exception) -> None:
        if isinstance(exc, IssueLockedError):
            reason = QCoreApplication.translate(
                "MoveToIssueCommand", "the other issue is open in another Masthead window"
            )
        else:
            reason = exc.message if isinstance(exc, MastheadError) else str(exc)
        self.notify(
            QCoreApplication.translate("MoveToIssueCommand", "“%1” cannot be undone or redone: %2")
            .replace("%1", self.text())
            .replace("%2", reason)
        )
        self.setObsolete(True)  # the stack drops the step: it no longer matches the files


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
