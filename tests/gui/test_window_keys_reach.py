"""Keyboard-first use of the window: outline commands from the editor, moves across sections,
Move to Section, context menus from the keyboard, dock shortcuts, Insert Image."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu

from editor_app.core.storage import load_issue
from editor_app.gui import image_import, outline_actions
from editor_app.gui.editor import markdown_edit

pytestmark = pytest.mark.usefixtures("text_preview")  # see tests/gui/conftest.py


def card_by_title(doc, title: str) -> str:
    return next(c.id for c in doc.issue.cards.values() if c.title == title)


def section_titles(doc, index: int) -> list[str]:
    return [doc.issue.cards[c].title for c in doc.issue.sections[index].card_ids]


def test_ctrl_return_in_the_card_editor_adds_a_card(window, qtbot, issue_folder):
    ws = window.workspace
    ws.editor.focus_body()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ws.editor.body_edit, timeout=3000)
    before = len(ws.document.issue.cards)
    text = ws.editor.body_edit.toPlainText()
    qtbot.keyClick(ws.editor.body_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(ws.document.issue.cards) == before + 1
    assert len(load_issue(issue_folder).cards) == before + 1
    assert ws.document.card(ws.editor.current_card_id).title == ""  # the new card is shown
    assert QApplication.focusWidget() is ws.editor.title_edit
    ws.editor.show_card(next(iter(ws.document.issue.cards)))
    assert text in ws.editor.body_edit.toPlainText()  # no line break typed into the body


def test_alt_up_at_a_section_edge_moves_into_the_previous_section(window, qtbot):
    ws = window.workspace
    doc = ws.document
    parent = card_by_title(doc, "工具合集")  # the first card of the second section
    ws.view.select_ids([parent])
    ws.view.setFocus()
    qtbot.keyClick(ws.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert section_titles(doc, 0) == ["Alpha 发布", "Beta 访谈", "工具合集"]
    assert section_titles(doc, 1) == []
    assert doc.issue.cards[parent].child_ids  # the sub-cards travel with it
    window.act_undo.trigger()
    assert section_titles(doc, 0) == ["Alpha 发布", "Beta 访谈"]
    assert section_titles(doc, 1) == ["工具合集"]


def test_alt_down_from_the_editor_moves_the_last_card_into_the_next_section(window, qtbot):
    ws = window.workspace
    doc = ws.document
    ws.open_card(card_by_title(doc, "Beta 访谈"))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ws.editor.body_edit, timeout=3000)
    qtbot.keyClick(ws.editor.body_edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert section_titles(doc, 0) == ["Alpha 发布"]
    assert section_titles(doc, 1) == ["Beta 访谈", "工具合集"]
    # A sub-card at its parent's edge stays where it is: it has no section edge to cross.
    ws.view.select_ids([card_by_title(doc, "Tool two")])
    ws.actions.move_down.trigger()
    assert section_titles(doc, 1) == ["Beta 访谈", "工具合集"]


def test_move_to_section_moves_the_selected_cards_and_undo_restores(window, monkeypatch):
    ws = window.workspace
    doc = ws.document
    offered = {}

    def pick(_parent, _title, _label, names, current):
        offered.update(names=names, current=current)
        return 1

    monkeypatch.setattr(outline_actions, "choose_section", pick)
    ws.view.select_ids([card_by_title(doc, "Alpha 发布"), card_by_title(doc, "Beta 访谈")])
    ws.actions.move_to_section.trigger()
    assert offered == {"names": ["1. 📰 新闻与访谈", "2. 🧰 产品/方案介绍"], "current": 0}
    assert section_titles(doc, 0) == []
    assert section_titles(doc, 1) == ["工具合集", "Alpha 发布", "Beta 访谈"]
    window.act_undo.trigger()
    assert section_titles(doc, 0) == ["Alpha 发布", "Beta 访谈"]


def test_move_to_section_cancelled_changes_nothing(window, monkeypatch):
    ws = window.workspace
    monkeypatch.setattr(outline_actions, "choose_section", lambda *_a: None)
    ws.view.select_ids([card_by_title(ws.document, "Alpha 发布")])
    ws.actions.move_to_section.trigger()
    assert section_titles(ws.document, 0) == ["Alpha 发布", "Beta 访谈"]
    assert not ws.document.undo_stack.canUndo()


def visible_menus() -> list[QMenu]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
        (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
    ],
)
def test_keyboard_opens_the_outline_menu_at_the_current_item(window, qtbot, key, modifier):
    ws = window.workspace
    ws.view.select_ids([card_by_title(ws.document, "Beta 访谈")])
    ws.view.setFocus()
    seen = {}

    def inspect():  # the outline's menu runs its own event loop: look, then close it
        menus = visible_menus()
        seen["texts"] = [a.text() for m in menus for a in m.actions()]
        seen["pos"] = menus[0].pos() if menus else None
        for menu in menus:
            menu.close()

    QTimer.singleShot(200, inspect)
    qtbot.keyClick(ws.view, key, modifier)
    qtbot.waitUntil(lambda: "texts" in seen, timeout=3000)
    assert "&Move to Section…" in seen["texts"] and "Add &Card" in seen["texts"]
    rect = ws.view.visualRect(ws.view.currentIndex())
    item = ws.view.viewport().mapToGlobal(rect.bottomLeft())
    assert abs(seen["pos"].y() - item.y()) <= 2


def test_shift_f10_in_the_card_editor_opens_its_menu_at_the_cursor(window, qtbot):
    edit = window.workspace.editor.body_edit
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(visible_menus()), timeout=3000)
    menu = visible_menus()[0]
    texts = [a.text() for a in menu.actions()]
    assert "Format" in texts and any("Paste" in t for t in texts)
    cursor = edit.viewport().mapToGlobal(edit.cursorRect().bottomRight())
    assert abs(menu.pos().y() - cursor.y()) <= 2
    menu.close()


def test_dock_shortcuts_show_the_dock_and_focus_it(window, qtbot):
    ws = window.workspace
    # Until the first preview page loads, the window hands typed keys (and the focus) to the body.
    qtbot.waitUntil(lambda: ws.key_buffer is None, timeout=5000)
    ws.editor.focus_body()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ws.editor.body_edit, timeout=3000)
    window.panels.links_dock.hide()
    qtbot.keyClick(ws.editor.body_edit, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    assert window.panels.links_dock.isVisible()
    focused = QApplication.focusWidget()
    assert focused is not None and window.panels.links.isAncestorOf(focused)
    qtbot.keyClick(focused, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is ws.view
    qtbot.keyClick(ws.view, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.workspace.preview.isAncestorOf(QApplication.focusWidget())
    qtbot.keyClick(ws.view, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    assert window.panels.images.isAncestorOf(QApplication.focusWidget())


def test_insert_image_picks_a_file_and_runs_the_pipeline(window, qtbot, tmp_path, monkeypatch):
    from PIL import Image

    picture = tmp_path / "harbour-at-dusk.png"
    Image.new("RGB", (40, 30), (200, 90, 20)).save(picture)
    asked = {}

    def pick(_parent, title, _folder, _filter):
        asked["title"] = title
        return [str(picture)], ""

    def alt(_parent, path, suggested, _detail):
        asked.update(path=path, suggested=suggested)
        return "A harbour at dusk"

    monkeypatch.setattr(markdown_edit.QFileDialog, "getOpenFileNames", pick)
    monkeypatch.setattr(image_import, "ask_alt_text", alt)
    ws = window.workspace
    edit = ws.editor.body_edit
    edit.setFocus()
    qtbot.keyClick(
        edit, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert asked["title"] == "Insert Image"
    assert asked["suggested"] == "harbour at dusk"
    assert asked["path"].is_file() and asked["path"].parent.name == "assets"
    assert f"![A harbour at dusk](assets/{asked['path'].name})" in edit.toPlainText()


def test_focus_returns_to_the_editor_after_the_properties_dialog(window, qtbot, monkeypatch):
    from editor_app.gui import issue_properties

    ws = window.workspace
    ws.editor.focus_body()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ws.editor.body_edit, timeout=3000)

    def closed_at_once(dialog):
        field = dialog.findChildren(QLineEdit)[0]
        dialog.show()
        field.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is field, timeout=3000)
        dialog.hide()
        ws.view.setFocus()  # where a window manager may leave the focus after a dialog
        return 0

    monkeypatch.setattr(issue_properties.IssuePropertiesDialog, "exec", closed_at_once)
    window.act_properties.trigger()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ws.editor.body_edit, timeout=3000)
