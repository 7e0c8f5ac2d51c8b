"""Editing inbox items in the panel: a title and tags in their cells (F2, Shift+F2, Enter and
Escape), the note in the details, each saved to the item's file as one undoable step; only
the edited row is refreshed; a file changed on disk meanwhile loses nobody's text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from editor_app.core.atomic import atomic_write_text
from editor_app.core.inbox.store import Inbox
from editor_app.gui.panels.inbox_model import TAGS, TITLE
from tests.gui.panels.test_inbox_panel import FRESH, rows_by_url, select, setup  # noqa: F401

__all__ = ["setup"]


def _item(library, url: str = FRESH):
    return next(i for i in Inbox(library).load().items if i.url == url)


def _focus(qtbot, widget) -> None:
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: widget.hasFocus(), timeout=5000)


def _cell_editor(qtbot, panel) -> QLineEdit:
    qtbot.waitUntil(
        lambda: (
            isinstance(QApplication.focusWidget(), QLineEdit)
            and panel.view.isAncestorOf(QApplication.focusWidget())
        ),
        timeout=5000,
    )
    return QApplication.focusWidget()


def _closed(qtbot, panel) -> None:
    """The delegate closes its editor on Enter or Escape a moment later (a queued call)."""
    editing = QAbstractItemView.State.EditingState
    qtbot.waitUntil(lambda: panel.view.state() != editing, timeout=5000)


def _watch_model(panel) -> dict:
    seen = {"reset": 0, "rows": set()}
    panel.model.modelReset.connect(lambda: seen.__setitem__("reset", seen["reset"] + 1))
    panel.model.dataChanged.connect(
        lambda top, bottom, *_: seen["rows"].update(range(top.row(), bottom.row() + 1))
    )
    return seen


def test_f2_edits_the_title_in_place_and_undo_puts_it_back(qtbot, setup) -> None:
    library, doc, _handoff, panel, _first = setup
    select(panel, FRESH)
    _focus(qtbot, panel.view)
    seen = _watch_model(panel)
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    editor = _cell_editor(qtbot, panel)
    assert editor.text() == "Fresh" and editor.placeholderText() == FRESH
    editor.selectAll()
    qtbot.keyClicks(editor, "  Fresh   and new ")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    _closed(qtbot, panel)
    assert _item(library).title == "Fresh and new"
    row = panel.model.row_of(_item(library).id)
    assert panel.model.index(row, TITLE).data() == "Fresh and new"
    assert seen == {"reset": 0, "rows": {row}}
    assert doc.undo_stack.undoText() == "Edit inbox title"
    assert panel.details.text("title") == "Fresh and new"
    # The watcher's reload after our own write changes nothing on screen.
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        pass
    assert seen == {"reset": 0, "rows": {row}}
    doc.undo_stack.undo()
    assert _item(library).title == "Fresh"
    assert panel.model.index(row, TITLE).data() == "Fresh"
    assert panel.details.text("title") == "Fresh"
    doc.undo_stack.redo()
    assert _item(library).title == "Fresh and new"


def test_escape_cancels_a_cell_edit(qtbot, setup) -> None:
    library, doc, _handoff, panel, _first = setup
    select(panel, FRESH)
    _focus(qtbot, panel.view)
    panel.editing.title_action.trigger()
    editor = _cell_editor(qtbot, panel)
    qtbot.keyClicks(editor, " never saved")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    _closed(qtbot, panel)
    assert _item(library).title == "Fresh" and doc.undo_stack.count() == 0
    assert panel.view.hasFocus()


def test_tags_are_edited_normalised_and_found_by_the_filter(qtbot, setup) -> None:
    library, doc, _handoff, panel, _first = setup
    select(panel, FRESH)
    _focus(qtbot, panel.view)
    qtbot.keyClick(panel.view, Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    editor = _cell_editor(qtbot, panel)
    assert editor.text() == "k8s"
    editor.setText(" k8s, ops ,, ops，service mesh ")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    _closed(qtbot, panel)
    assert _item(library).tags == ["k8s", "ops", "service mesh"]
    row = panel.model.row_of(_item(library).id)
    assert panel.model.index(row, TAGS).data() == "k8s, ops, service mesh"
    assert panel.details.text("tags") == "k8s, ops, service mesh"
    panel.filter_edit.setText("tag:ops")
    assert panel.proxy.rowCount() == 1
    panel.filter_edit.setText("tag:op")  # a tag is matched whole
    assert panel.proxy.rowCount() == 0
    panel.filter_edit.setText("mesh fresh")
    assert panel.proxy.rowCount() == 1
    panel.filter_edit.clear()
    doc.undo_stack.undo()
    assert _item(library).tags == ["k8s"]


def test_the_note_is_edited_in_the_details_with_the_keyboard(qtbot, setup) -> None:
    library, doc, _handoff, panel, _first = setup
    select(panel, FRESH)
    details = panel.details
    assert details.item.url == FRESH and details.text("note") == "a note"
    _focus(qtbot, panel.view)
    # Tab leaves the table for the title, then the note; Ctrl+F2 goes to the note at once.
    qtbot.keyClick(panel.view, Qt.Key.Key_Tab)
    assert details.title_edit.hasFocus()
    qtbot.keyClick(details.title_edit, Qt.Key.Key_Tab)
    assert details.note_edit.hasFocus()
    _focus(qtbot, panel.view)
    panel.editing.note_action.trigger()
    assert details.note_edit.hasFocus()
    qtbot.keyClick(details.note_edit, Qt.Key.Key_Return)  # Enter: a new line, not saved yet
    qtbot.keyClicks(details.note_edit, "second line")
    assert _item(library).note == "a note"
    qtbot.keyClick(details.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _item(library).note == "a note\nsecond line"
    assert doc.undo_stack.undoText() == "Edit inbox note"
    # Escape puts the stored text back; pressed again it returns to the table.
    qtbot.keyClicks(details.note_edit, " typo")
    qtbot.keyClick(details.note_edit, Qt.Key.Key_Escape)
    assert details.text("note") == "a note\nsecond line" and details.note_edit.hasFocus()
    qtbot.keyClick(details.note_edit, Qt.Key.Key_Escape)
    assert panel.view.hasFocus()
    doc.undo_stack.undo()
    assert _item(library).note == "a note" and details.text("note") == "a note"


def test_leaving_a_field_saves_it_and_bad_input_is_reported(qtbot, setup) -> None:
    library, doc, _handoff, panel, _first = setup
    select(panel, FRESH)
    details = panel.details
    _focus(qtbot, details.tags_edit)
    details.tags_edit.setText("x" * 70)
    _focus(qtbot, panel.view)
    assert _item(library).tags == ["k8s"] and doc.undo_stack.count() == 0
    assert "at most 60 characters" in panel.status_label.text()
    assert details.text("tags") == "x" * 70  # still there to fix
    _focus(qtbot, details.tags_edit)
    details.tags_edit.setText("fixed")
    _focus(qtbot, details.title_edit)  # leaving the field saves it
    assert _item(library).tags == ["fixed"] and doc.undo_stack.count() == 1


def test_a_note_changed_on_disk_meanwhile_is_not_overwritten(qtbot, setup) -> None:
    library, doc, _handoff, panel, _first = setup
    select(panel, FRESH)
    details = panel.details
    _focus(qtbot, details.note_edit)
    details.note_edit.setPlainText("my note")
    # A pull brings another note before the editor saves.
    path = Inbox(library).path(_item(library).id)
    path.write_text(path.read_text(encoding="utf-8").replace("a note", "their note"), "utf-8")
    details.commit()
    assert _item(library).note == "their note" and doc.undo_stack.count() == 0
    assert "changed on disk" in panel.status_label.text()
    assert details.text("note") == "my note"  # nothing typed is lost
    # Saving again replaces the other version on purpose; undo brings it back.
    assert details.commit()
    assert _item(library).note == "my note"
    doc.undo_stack.undo()
    assert _item(library).note == "their note"


def test_a_file_changed_on_disk_refreshes_the_details_but_keeps_typed_text(qtbot, setup) -> None:
    library, _doc, _handoff, panel, _first = setup
    select(panel, FRESH)
    details = panel.details
    details.title_edit.setText("typed, not saved")
    path = Inbox(library).path(_item(library).id)
    text = path.read_text(encoding="utf-8").replace("a note", "pulled note")
    atomic_write_text(path, text.replace("- k8s", "- pulled"))  # as git replaces a file
    qtbot.waitUntil(lambda: details.text("note") == "pulled note", timeout=5000)
    assert details.text("tags") == "pulled" and details.text("title") == "typed, not saved"
    assert rows_by_url(panel)[FRESH].item.note == "pulled note"
