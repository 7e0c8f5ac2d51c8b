"""Saving inbox edits: the table's cells and the details write the item file through
``core.inbox.edit`` and push one undoable step each.

The write happens on the UI thread, as the panel's other undoable inbox changes do (taking
and removing items): it is one small file, and the undo stack needs the result at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from editor_app.core.errors import InboxError, MastheadError
from editor_app.core.inbox.edit import EDITABLE, FieldValues, edit_item, field_value
from editor_app.core.inbox.item import InboxItem
from editor_app.core.inbox.store import Inbox
from editor_app.gui.document import IssueDocument
from editor_app.gui.i18n import error_text, message_catalog
from editor_app.gui.panels.inbox_details import InboxDetails, InboxEditDelegate, focus_details
from editor_app.gui.panels.inbox_handoff import InboxItemEdit
from editor_app.gui.panels.inbox_jobs import error_line
from editor_app.gui.panels.inbox_model import TAGS, TITLE, InboxRow, InboxTableModel
from editor_app.gui.panels.link_actions import panel_action


class InboxEditing(QObject):
    """Wires the table's cell editors, the details and the Edit actions to the item files
    and the document's undo stack: each saved edit is one undoable step."""

    def __init__(
        self,
        document: IssueDocument,
        library: Path,
        view: QTableView,
        model: InboxTableModel,
        details: InboxDetails,
        status: Callable[[str], None],
        error: Callable[[str], None],
    ):
        super().__init__(view)
        self.document, self.library, self.view, self.model = document, library, view, model
        self.details, self.status, self.error = details, status, error
        self.closed = False
        model.edit_handler = self._edit_cell
        model.editable = not document.read_only
        details.commit_handler = self.save
        details.leave.connect(lambda: view.setFocus(Qt.FocusReason.OtherFocusReason))
        details.kept.connect(self._return_to)
        details.bounds.connect(self._bounds)
        self._bounds_shown = False
        view.setItemDelegate(InboxEditDelegate(view))
        # Double-click and F2 edit a title or tags cell; Enter stays "Add to Issue".
        triggers = QAbstractItemView.EditTrigger
        view.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed)
        # Tab leaves the table for the details below rather than walking its cells.
        view.setTabKeyNavigation(False)
        QWidget.setTabOrder(view, details.title_edit)
        view.selectionModel().currentRowChanged.connect(lambda *_: self.sync())
        model.dataChanged.connect(self._rows_changed)
        model.modelReset.connect(self.sync)

        def action(text: str, icon: str, slot: Callable[[], Any], keys: str) -> QAction:
            return panel_action(self, view, None, text, icon, slot, keys)

        self.title_action = action(
            self.tr("Edit &Title"), "mdi6.pencil-outline", lambda: self.edit_cell(TITLE), "F2"
        )
        self.tags_action = action(
            self.tr("Edit Ta&gs"), "mdi6.tag-outline", lambda: self.edit_cell(TAGS), "Shift+F2"
        )
        self.note_action = action(
            self.tr("Edit &Note"), "mdi6.note-edit-outline", self.edit_note, "Ctrl+F2"
        )
        self.sync()

    def actions(self) -> list[QAction]:
        return [self.title_action, self.tags_action, self.note_action]

    # -- following the current row ---------------------------------------------------------------
    def current_row(self) -> InboxRow | None:
        index = self.view.currentIndex()
        proxy = self.view.model()
        if not index.isValid() or not isinstance(proxy, QSortFilterProxyModel):
            return None
        return self.model.row_at(proxy.mapToSource(index))

    def sync(self) -> None:
        """Show the current row's item in the details (saving what was typed for another)."""
        if self.closed:
            return
        row = self.current_row()
        writable = not self.document.read_only
        self.details.show_item(row.item if row else None, writable)
        for act in self.actions():
            act.setEnabled(row is not None and writable)

    def _return_to(self, item_id: str) -> None:
        """The details kept an item whose text was refused: make its row current again, once
        the click or key that left it is done with the selection."""
        QTimer.singleShot(0, self, lambda: self._select_item(item_id))

    def _select_item(self, item_id: str) -> None:
        if self.closed:
            return
        n = self.model.row_of(item_id)
        proxy = self.view.model()
        if n >= 0 and isinstance(proxy, QSortFilterProxyModel):
            index = proxy.mapFromSource(self.model.index(n, 0))
            if index.isValid():
                flags = QItemSelectionModel.SelectionFlag
                self.view.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
                self.view.scrollTo(index)
        # Filtered out or gone, the row cannot be shown: the details still hold the text.
        dirty = self.details.dirty()
        if dirty and self.details.item is not None and self.details.item.id == item_id:
            focus_details(self.details, dirty[0])

    def _bounds(self, exc: InboxError | None) -> None:
        if exc is not None:
            self.error(error_line(exc, message_catalog()))
            self._bounds_shown = True
        elif self._bounds_shown:
            self.status("")
            self._bounds_shown = False

    def _rows_changed(self, top: QModelIndex, bottom: QModelIndex, *_args: Any) -> None:
        item = self.details.item
        n = self.model.row_of(item.id) if item is not None else -1
        if n >= 0 and top.row() <= n <= bottom.row():
            self.details.refresh(self.model.rows[n].item)

    # -- starting an edit ----------------------------------------------------------------------
    def edit_cell(self, column: int) -> None:
        index = self.view.currentIndex()
        if not index.isValid() or self.document.read_only:
            return
        cell = index.siblingAtColumn(column)
        self.view.selectionModel().setCurrentIndex(cell, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.view.edit(cell)

    def edit_note(self) -> None:
        if self.details.item is not None and not self.document.read_only:
            focus_details(self.details, "note")

    # -- saving --------------------------------------------------------------------------------
    def _edit_cell(self, row: InboxRow, typed: dict[str, Any]) -> bool:
        base = {name: field_value(row.item, name) for name in typed}
        if self.save(row.item.id, typed, base) is not None:
            return True
        # The cell editor closes whatever happens: its refused text moves into the details
        # (which show the row being edited) to be corrected there.
        item = self.details.item
        if item is not None and item.id == row.item.id and self.details.keep_typed(typed):
            name = next(iter(typed))
            QTimer.singleShot(0, self, lambda: focus_details(self.details, name))
        return False

    def save(self, item_id: str, typed: dict[str, Any], base: FieldValues) -> InboxItem | None:
        """Write the typed fields into the item's file and push the undo step; None if the
        edit was refused (the status line says why)."""
        if self.closed or self.document.read_only:
            return None
        try:
            result = edit_item(self.library, item_id, typed, base)
        except InboxError as exc:
            self._refused(exc, item_id, typed)
            return None
        except (OSError, MastheadError) as exc:
            self.error(error_text(exc))
            return None
        if result.changed:
            names = [
                n for n in EDITABLE if field_value(result.before, n) != field_value(result.after, n)
            ]
            labels = {
                "title": self.tr("Edit inbox title"),
                "note": self.tr("Edit inbox note"),
                "tags": self.tr("Edit inbox tags"),
            }
            text = labels[names[0]] if len(names) == 1 else self.tr("Edit inbox item")
            before = {n: field_value(result.before, n) for n in names}
            after = {n: field_value(result.after, n) for n in names}
            self.document.undo_stack.push(
                InboxItemEdit(text, self.library, result.after.id, before, after,
                              self.shown, self._undo_failed)
            )  # fmt: skip
            self.shown(result.after)
            self.status(self.tr("Saved “%1”.").replace("%1", result.after.display_title))
        return result.after

    def shown(self, item: InboxItem) -> None:
        """An edit (or its undo) reached the file: only that row is refreshed."""
        self.model.update_item(item)

    def _refused(self, exc: InboxError, item_id: str, typed: dict[str, Any]) -> None:
        message = error_line(exc, message_catalog())
        if exc.key == "inbox.edit-conflict":
            try:
                fresh = Inbox(self.library).get(item_id)
            except MastheadError:
                fresh = None
            if fresh is not None:
                self.model.update_item(fresh)
                if self.details.hold(fresh, typed):
                    message += " " + self.tr(
                        "Your text is still in the fields below: save it again to replace "
                        "the other version, or press Escape to take it."
                    )
        else:
            message += " " + self.tr(
                "Your text is kept in the fields below until it is saved, or dropped with Escape."
            )
        self.error(message)

    def _undo_failed(self, exc: InboxError) -> None:
        self.error(error_line(exc, message_catalog()))
        try:
            self.shown(Inbox(self.library).get(exc.path.stem if exc.path else ""))
        except MastheadError:
            pass

    def close(self) -> None:
        """Before the panel goes: save what was typed, then take no more edits."""
        if not self.closed:
            self.details.commit()
            self.closed = True
