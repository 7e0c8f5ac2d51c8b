"""Editing inbox items in the panel: the details under the table and the cell editor
(``inbox_editing.py`` saves what they give).

The details show the current item's title, note (several lines) and tags. A field is saved
when the editor is done with it, as in the card editor: Enter or leaving a line field,
Ctrl+Enter or leaving the note. Escape puts the stored text back (and, with nothing to put
back, returns to the table). The panel writes the item file and pushes the undo step; a
field the editor has changed but not saved keeps its text when the file changes on disk.

Nothing typed is dropped. A value out of bounds (a note longer than the inbox keeps, too many
tags) is said while it is typed or pasted (``bounds``), and text the save refuses stays in its
field: moving to another item then keeps the details on this one (``kept``), and the table
returns to it, as a desktop form keeps the editor on a value it cannot take. The editor
shortens the text and saves, or drops it with Escape. Cutting a paste at the limit instead
would lose its end without a word.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QStyleOptionViewItem,
    QWidget,
)

from editor_app.core.errors import InboxError
from editor_app.core.inbox.edit import EDITABLE, FieldValues, field_value, normalize_changes
from editor_app.core.inbox.item import InboxItem
from editor_app.gui.panels.inbox_model import TAGS, ItemRole
from editor_app.gui.panels.link_table_model import LinkEditDelegate

# (item id, the fields as typed, the values the editor started from) -> the item as saved,
# or None when it was not saved (the panel says why).
CommitHandler = Callable[[str, dict[str, Any], FieldValues], InboxItem | None]


def _is_escape(event: QEvent) -> bool:
    return isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape


class DetailLine(QLineEdit):
    """A line field whose Escape puts the stored text back (``reverted``)."""

    reverted = Signal()

    def event(self, event: QEvent) -> bool:
        # Escape belongs to the field while it has focus, not to a shortcut of the window.
        if event.type() == QEvent.Type.ShortcutOverride and _is_escape(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if _is_escape(event):
            self.reverted.emit()
            return
        super().keyPressEvent(event)


class NoteEdit(QPlainTextEdit):
    """The note: Enter starts a new line, Ctrl+Enter saves, Escape reverts, Tab moves on."""

    committed = Signal()
    reverted = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def _is_commit(self, event: QEvent) -> bool:
        return (
            isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and (
            _is_escape(event) or self._is_commit(event)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if self._is_commit(event):
            self.committed.emit()
            return
        if _is_escape(event):
            self.reverted.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        super().focusOutEvent(event)
        # The note's own context menu takes the focus for a moment: not the end of an edit.
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.committed.emit()


def _shown(name: str, value: Any) -> str:
    return ", ".join(value) if name == "tags" else str(value)


def _normal(name: str, text: str) -> Any:
    try:
        return normalize_changes({name: text})[name]
    except InboxError:
        return text  # out of bounds: differs from any stored value, so it counts as changed


class InboxDetails(QWidget):
    """Title, note and tags of the inbox's current item, saved as the editor leaves them."""

    leave = Signal()  # Escape with nothing to revert: back to the table
    # A save of this item (by id) was refused while moving to another item: the details keep
    # it with the typed text, and the table should return to it.
    kept = Signal(str)
    # The first field whose text is out of bounds (an InboxError), or None once none is.
    bounds = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.commit_handler: CommitHandler | None = None
        self.item: InboxItem | None = None
        self.base: FieldValues = {}  # per field: the stored value the text started from
        self._committing = False
        # A save was just refused for a conflict: the next save must be the editor's own
        # (Enter, leaving the field again), not the one moving to another item triggers.
        self._held = False
        self._out_of_bounds: dict[str, InboxError] = {}
        self.title_edit = DetailLine(self)
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.setToolTip(self.tr("Enter saves, Escape reverts; empty shows the link"))
        self.note_edit = NoteEdit(self)
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setPlaceholderText(self.tr("A note for the card (Ctrl+Enter saves)"))
        self.note_edit.setToolTip(self.tr("Ctrl+Enter or leaving the field saves, Escape reverts"))
        self.tags_edit = DetailLine(self)
        self.tags_edit.setAccessibleName(self.tr("Tags"))
        self.tags_edit.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.tags_edit.setToolTip(self.tr("Enter saves, Escape reverts"))
        lines = self.fontMetrics().lineSpacing()
        self.note_edit.setMinimumHeight(lines * 2 + 12)
        self.note_edit.resize(self.note_edit.width(), lines * 4 + 12)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setSpacing(4)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Note"), self.note_edit)
        form.addRow(self.tr("Tags"), self.tags_edit)
        self.editors: dict[str, QLineEdit | QPlainTextEdit] = {
            "title": self.title_edit, "note": self.note_edit, "tags": self.tags_edit,
        }  # fmt: skip
        self.title_edit.editingFinished.connect(self.commit)
        self.tags_edit.editingFinished.connect(self.commit)
        self.note_edit.committed.connect(self.commit)
        for name in EDITABLE:
            editor = self.editors[name]
            editor.reverted.connect(lambda name=name: self._escape(name))  # type: ignore[attr-defined]
        self.title_edit.textChanged.connect(lambda _text: self._check("title"))
        self.tags_edit.textChanged.connect(lambda _text: self._check("tags"))
        self.note_edit.textChanged.connect(lambda: self._check("note"))
        QWidget.setTabOrder(self.title_edit, self.note_edit)
        QWidget.setTabOrder(self.note_edit, self.tags_edit)
        self.show_item(None, False)

    # -- the fields ----------------------------------------------------------------------------
    def text(self, name: str) -> str:
        editor = self.editors[name]
        return editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()

    def _set_text(self, name: str, text: str) -> None:
        if self.text(name) == text:
            return  # keeps the cursor where it is
        editor = self.editors[name]
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(text)
        else:
            editor.setText(text)

    def dirty(self) -> list[str]:
        """The fields whose text differs from what they started from."""
        if self.item is None:
            return []
        return [n for n in EDITABLE if _normal(n, self.text(n)) != self.base.get(n)]

    # -- the item shown ------------------------------------------------------------------------
    def show_item(self, item: InboxItem | None, editable: bool) -> None:
        """Show ``item`` (None: no current item); changes to the item shown before are saved
        first, and the item shown now keeps what the editor typed if it is the same one."""
        if self.item is not None and item is not None and item.id == self.item.id:
            self.refresh(item)
            self._set_editable(editable)
            return
        if not self._held:
            self.commit()
        if self.item is not None and self.commit_handler is not None and self.dirty():
            # The save was refused (too long, changed on disk, the file gone): the text stays
            # where it was typed, with its item, until it is saved or dropped with Escape.
            self.kept.emit(self.item.id)
            return
        self.item = item
        self._held = False
        self.base = {n: field_value(item, n) for n in EDITABLE} if item else {}
        for name in EDITABLE:
            self._set_text(name, _shown(name, self.base[name]) if item else "")
        self.title_edit.setPlaceholderText(
            item.url if item else self.tr("Select an item to edit its title, note and tags")
        )
        self._set_editable(editable)

    def _set_editable(self, editable: bool) -> None:
        for editor in self.editors.values():
            editor.setEnabled(self.item is not None)
            editor.setReadOnly(not editable)

    def refresh(self, item: InboxItem) -> None:
        """The item shown was changed (its file, an undo): fields not being edited follow."""
        if self.item is None or item.id != self.item.id:
            return
        dirty = self.dirty()
        self.item = item
        for name in EDITABLE:
            if name not in dirty:
                self.base[name] = field_value(item, name)
                self._set_text(name, _shown(name, self.base[name]))

    def hold(self, item: InboxItem, typed: dict[str, Any]) -> bool:
        """An edit was refused because the file changed meanwhile: show ``item`` as it is
        now, with the editor's text still in its fields, so saving again replaces the other
        text on purpose and Escape takes it. False if another item is shown."""
        if self.item is None or item.id != self.item.id:
            return False
        dirty = self.dirty()
        self.item = item
        self._held = True
        for name in EDITABLE:
            self.base[name] = field_value(item, name)
            if name in typed:
                self._set_text(name, str(typed[name]))
            elif name not in dirty:
                self._set_text(name, _shown(name, self.base[name]))
        return True

    def keep_typed(self, typed: dict[str, Any]) -> bool:
        """Put text refused elsewhere (a table cell) into the fields of the item shown, to be
        corrected there. False if no item is shown."""
        if self.item is None:
            return False
        for name, text in typed.items():
            if name in self.editors:
                self._set_text(name, str(text))
        return True

    def _check(self, name: str) -> None:
        """Say at once when the text of ``name`` is out of the inbox's bounds, and when no
        field is any more."""
        before = bool(self._out_of_bounds)
        self._out_of_bounds.pop(name, None)
        if self.item is not None:
            try:
                normalize_changes({name: self.text(name)})
            except InboxError as exc:
                self._out_of_bounds[name] = exc
        if self._out_of_bounds:
            first = next(n for n in EDITABLE if n in self._out_of_bounds)
            self.bounds.emit(self._out_of_bounds[first])
        elif before:
            self.bounds.emit(None)

    # -- saving and reverting ------------------------------------------------------------------
    def commit(self) -> bool:
        """Save the changed fields; True if something was saved."""
        dirty = self.dirty()
        if not dirty or self._committing or self.commit_handler is None or self.item is None:
            return False
        self._committing = True  # saving may move the focus (an error), which saves again
        self._held = False
        try:
            typed = {n: self.text(n) for n in dirty}
            saved = self.commit_handler(self.item.id, typed, {n: self.base[n] for n in dirty})
        finally:
            self._committing = False
        if saved is None or self.item is None or saved.id != self.item.id:
            return False
        self.item = saved
        for name in dirty:
            self.base[name] = field_value(saved, name)
            self._set_text(name, _shown(name, self.base[name]))
        return True

    def revert(self, name: str) -> None:
        self._held = False
        if self.item is not None:
            self._set_text(name, _shown(name, self.base[name]))

    def _escape(self, name: str) -> None:
        if name in self.dirty():
            self.revert(name)
        else:
            self.leave.emit()


class InboxEditDelegate(LinkEditDelegate):
    """The title and tags cell editors, as wide as the table, with a hint when empty."""

    def createEditor(  # noqa: N802 - Qt API
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            item = index.data(ItemRole)
            if index.column() == TAGS:
                editor.setPlaceholderText(self.tr("Tags, separated by commas"))
            elif isinstance(item, InboxItem):
                editor.setPlaceholderText(item.url)
        return editor


def focus_details(details: InboxDetails, name: str) -> None:
    """Put the cursor at the end of one of the details' fields."""
    editor = details.editors[name]
    editor.setFocus(Qt.FocusReason.ShortcutFocusReason)
    if isinstance(editor, QPlainTextEdit):
        editor.moveCursor(QTextCursor.MoveOperation.End)
    else:
        editor.end(False)
