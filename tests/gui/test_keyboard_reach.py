"""Keyboard-first use of the window: outline commands from the editor, moves across sections,
Move to Section, context menus from the keyboard, dock shortcuts, Insert Image."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from editor_app.core.storage import load_issue
from editor_app.gui import outline_actions
from editor_app.gui.app_settings import AppSettings
from editor_app.gui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("text_preview")  # see tests/gui/conftest.py


@pytest.fixture
def window(qtbot, tmp_path, issue_folder):
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(issue_folder.parent, settings)
    qtbot.addWidget(win)
    win.show()
    win.open_issue(issue_folder)
    yield win
    win.close()


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
