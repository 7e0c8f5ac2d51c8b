"""Nothing typed in the inbox details is lost: a field the save refuses (too long, too many
tags, changed on disk) keeps its text and the table returns to its item when the editor moves
on; a value out of bounds is said at once while typing; a refused cell edit moves its text
into the details."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from editor_app.core.inbox.edit import MAX_NOTE
from editor_app.core.inbox.store import Inbox
from editor_app.gui.panels.inbox_model import TITLE
from tests.gui.panels.test_inbox_panel import FRESH, HERE, select, setup  # noqa: F401

__all__ = ["setup"]


def _item(library, url: str = FRESH):
    return next(i for i in Inbox(library).load().items if i.url == url)


def _focus(qtbot, widget) -> None:
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: widget.hasFocus(), timeout=5000)


def _current_url(panel) -> str:
    row = panel.editing.current_row()
    return row.item.url if row else ""


def _click_row(qtbot, panel, url: str) -> None:
    """Move to another row as a click does: the view takes the focus, then the current row."""
    _focus(qtbot, panel.view)
    for r in range(panel.proxy.rowCount()):
        index = panel.proxy.index(r, 0)
        if panel.model.row_at(panel.proxy.mapToSource(index)).item.url == url:
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            panel.view.selectionModel().setCurrentIndex(index, flags)
            return
    raise AssertionError(url)


def test_a_note_too_long_stays_with_its_item_when_the_editor_moves_on(qtbot, setup) -> None:
    library, doc, _handoff, panel, _first = setup
    select(panel, FRESH)
    details = panel.details
    _focus(qtbot, details.note_edit)
    long_note = "这是一段很长的备注。" * (MAX_NOTE // 10 + 1)
    details.note_edit.setPlainText(long_note)  # as a paste does
    # Said at once, before any save is tried.
    assert "at most 20000 characters" in panel.status_label.text()
    _click_row(qtbot, panel, HERE)
    # The table returns to the item, whose refused text is still in the field.
    qtbot.waitUntil(lambda: _current_url(panel) == FRESH, timeout=5000)
    assert details.item.url == FRESH and details.text("note") == long_note
    assert "at most 20000 characters" in panel.status_label.text()
    assert "kept in the fields below" in panel.status_label.text()
    assert [i.url for i in panel.selected_items()] == [FRESH]
    qtbot.waitUntil(lambda: details.note_edit.hasFocus(), timeout=5000)
    assert _item(library).note == "a note" and doc.undo_stack.count() == 0
    # Shortened, it saves, and the editor moves on freely.
    details.note_edit.setPlainText("short again")
    assert panel.status_label.text() == ""  # the warning went with the excess
    _click_row(qtbot, panel, HERE)
    assert _item(library).note == "short again" and doc.undo_stack.count() == 1
    qtbot.wait(50)
    assert _current_url(panel) == HERE and details.item.url == HERE


def test_escape_drops_the_refused_text_and_lets_the_editor_go(qtbot, setup) -> None:
    library, _doc, _handoff, panel, _first = setup
    select(panel, FRESH)
    details = panel.details
    _focus(qtbot, details.tags_edit)
    details.tags_edit.setText(", ".join(f"t{n}" for n in range(60)))
    assert "at most 50 tags" in panel.status_label.text()
    _click_row(qtbot, panel, HERE)
    qtbot.waitUntil(lambda: _current_url(panel) == FRESH, timeout=5000)
    qtbot.waitUntil(lambda: details.tags_edit.hasFocus(), timeout=5000)
    qtbot.keyClick(details.tags_edit, Qt.Key.Key_Escape)
    assert details.text("tags") == "k8s"
    _click_row(qtbot, panel, HERE)
    qtbot.wait(50)
    assert _current_url(panel) == HERE and details.item.url == HERE
    assert _item(library).tags == ["k8s"]


def test_a_conflict_keeps_the_text_when_the_editor_moves_on(qtbot, setup) -> None:
    library, doc, _handoff, panel, _first = setup
    select(panel, FRESH)
    details = panel.details
    _focus(qtbot, details.title_edit)
    details.title_edit.setText("my title")
    path = Inbox(library).path(_item(library).id)
    path.write_text(path.read_text(encoding="utf-8").replace("Fresh", "Their title"), "utf-8")
    _click_row(qtbot, panel, HERE)
    qtbot.waitUntil(lambda: _current_url(panel) == FRESH, timeout=5000)
    assert details.text("title") == "my title"
    assert "changed on disk" in panel.status_label.text()
    # One click is not two saves: the conflict is reported, the other title is not replaced.
    assert _item(library).title == "Their title" and doc.undo_stack.count() == 0
    # Saved again on purpose (Enter), the typed title replaces the other one.
    qtbot.waitUntil(lambda: details.title_edit.hasFocus(), timeout=5000)
    qtbot.keyClick(details.title_edit, Qt.Key.Key_Return)
    assert _item(library).title == "my title" and doc.undo_stack.count() == 1


def test_a_refused_title_cell_edit_moves_its_text_into_the_details(qtbot, setup) -> None:
    library, doc, _handoff, panel, _first = setup
    select(panel, FRESH)
    _focus(qtbot, panel.view)
    panel.editing.edit_cell(TITLE)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit), timeout=5000)
    editor = QApplication.focusWidget()
    assert panel.view.isAncestorOf(editor)
    long_title = "标题" * 200
    editor.setText(long_title)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.details.title_edit.hasFocus(), timeout=5000)
    assert panel.details.text("title") == long_title
    assert "at most 300 characters" in panel.status_label.text()
    assert _item(library).title == "Fresh" and doc.undo_stack.count() == 0
