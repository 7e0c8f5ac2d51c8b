"""The main window end to end: library view, opening an issue, typing, undo, closing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from editor_app.core.storage import load_issue, read_card
from editor_app.gui.app_settings import AppSettings
from editor_app.gui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("text_preview")  # see tests/gui/conftest.py


@pytest.fixture
def window(qtbot, tmp_path, issue_folder):
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(issue_folder.parent, settings)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def test_library_lists_issue_and_opens_with_focus_in_body(window, qtbot, issue_folder):
    assert window.stack.currentWidget() is window.start
    qtbot.waitUntil(lambda: not window.start.loading, timeout=5000)  # listed off the UI thread
    assert [r.title for r in window.start.model.rows] == ["测试期刊 Test Issue"]
    window.start.openRequested.emit(issue_folder)
    ws = window.workspace
    assert ws is not None and window.stack.currentWidget() is window.editor_host
    first = ws.document.issue.sections[0].card_ids[0]
    assert ws.editor.current_card_id == first
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ws.editor.body_edit, timeout=3000)


def test_typing_in_window_lands_in_card_file(window, qtbot, issue_folder):
    window.open_issue(issue_folder)
    ws = window.workspace
    ws.document.set_autosave_delay(300)
    card_id = ws.editor.current_card_id
    edit = ws.editor.body_edit
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(edit, " added ")
    # Chinese arrives through the input method, as it does from a real IME.
    QApplication.sendEvent(edit, QInputMethodEvent("", []))
    commit = QInputMethodEvent()
    commit.setCommitString("新增")
    QApplication.sendEvent(edit, commit)
    qtbot.waitUntil(
        lambda: read_card(issue_folder, card_id).body.endswith(" added 新增"), timeout=4000
    )


def test_reopen_lands_on_last_edited_card(window, qtbot, issue_folder):
    window.open_issue(issue_folder)
    ws = window.workspace
    second = ws.document.issue.sections[1].card_ids[0]
    ws.view.select_ids([second])
    window.close_issue()
    assert window.workspace is None
    window.open_issue(issue_folder)
    assert window.workspace.editor.current_card_id == second


def test_add_card_from_toolbar_action_and_undo(window, qtbot, issue_folder):
    window.open_issue(issue_folder)
    ws = window.workspace
    before = len(load_issue(issue_folder).cards)
    ws.actions.add_card.trigger()
    assert len(load_issue(issue_folder).cards) == before + 1
    assert ws.editor.current_card_id in ws.document.issue.cards
    window.act_undo.trigger()
    assert len(load_issue(issue_folder).cards) == before


def test_section_selection_shows_section_editor(window, qtbot, issue_folder):
    window.open_issue(issue_folder)
    ws = window.workspace
    section = ws.document.issue.sections[1]
    ws.view.select_ids([section.id])
    assert ws.editor_area.currentWidget() is ws.section_editor
    ws.section_editor.title.setText("工具箱")
    ws.section_editor.title.editingFinished.emit()
    assert ws.document.issue.sections[1].title == "工具箱"
    qtbot.waitUntil(lambda: load_issue(issue_folder).sections[1].title == "工具箱", timeout=3000)


def test_issue_properties_change_numbering(window, qtbot, issue_folder):
    from editor_app.gui.issue_properties import IssuePropertiesDialog

    window.open_issue(issue_folder)
    ws = window.workspace
    dialog = IssuePropertiesDialog(ws.document, window)
    dialog.section_style.setCurrentIndex(dialog.section_style.findData("part"))
    dialog.title.setText("Renamed issue")
    dialog.apply()
    assert ws.model.data(ws.model.index(0, 0)).startswith("📰 Part 1")
    ws.document.undo_stack.undo()
    assert ws.document.issue.title == "测试期刊 Test Issue"
    assert "专题一" in ws.model.data(ws.model.index(0, 0), Qt.ItemDataRole.DisplayRole)


def test_panels_follow_the_open_issue(window, qtbot, issue_folder):
    window.open_issue(issue_folder)
    ws = window.workspace
    panels = window.panels
    assert panels.links is not None and panels.images is not None
    assert panels.export_panel.document is ws.document
    # Behind the preview's tab the link panel lists nothing; its tab picked, it lists the
    # issue's links and jumps to their card.
    qtbot.wait(100)
    assert panels.links.model.rowCount() == 0
    panels.links_dock.raise_()
    qtbot.waitUntil(lambda: panels.links.model.rowCount() > 0, timeout=5000)
    target = ws.document.issue.sections[1].card_ids[0]
    panels.links.revealRequested.emit(target, "", -1, -1)
    assert ws.editor.current_card_id == target
    # Markdown from the image panel lands at the cursor of the card being edited.
    panels.images.insertRequested.emit("![示意图](assets/x.png)")
    assert "![示意图](assets/x.png)" in ws.editor.body_edit.toPlainText()
    window.close_issue()
    assert panels.links is None and panels.export_panel.document is None


def test_docks_hide_in_library_view_and_closed_docks_stay_closed(window, qtbot, issue_folder):
    assert window.outline_dock.isHidden() and window.preview_dock.isHidden()
    window.open_issue(issue_folder)
    assert not window.outline_dock.isHidden()
    window.panels.links_dock.close()
    window.close_issue()
    assert window.outline_dock.isHidden()
    window.open_issue(issue_folder)
    assert not window.outline_dock.isHidden()
    assert window.panels.links_dock.isHidden()


def test_a_long_issue_title_is_shortened_in_the_window_title(window, issue_folder):
    window.open_issue(issue_folder)
    doc = window.workspace.document
    long_title = "云原生社区年度回顾：从服务网格到平台工程的十个关键变化与未来三年的技术路线展望"
    doc.set_issue_field("title", long_title)  # follows the edit, no reopening
    shown = window.windowTitle()
    assert shown.endswith("… — Masthead") and long_title not in shown
    assert shown.startswith(long_title[:20])
    doc.set_issue_field("title", "短标题")
    assert window.windowTitle() == "短标题 — Masthead"


def test_the_preview_follows_the_cursor_through_the_card_being_written(
    window, qtbot, issue_folder, monkeypatch
):
    window.open_issue(issue_folder)
    ws = window.workspace
    followed: list[tuple[str, float]] = []
    monkeypatch.setattr(ws.preview, "follow_typing", lambda c, s: followed.append((c, s)))
    card_id = ws.editor.current_card_id
    edit = ws.editor.body_edit
    edit.setPlainText("第一段 first\n\n第二段 second\n\n第三段 third\n\n第四段 fourth")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit, timeout=3000)
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    assert followed[-1] == (card_id, 1.0)
    edit.moveCursor(edit.textCursor().MoveOperation.Start)
    assert followed[-1] == (card_id, 0.0)
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    assert followed[-1] == (card_id, 2 / 6)  # the third of seven lines
    # Not while the cursor moves in a body nobody is typing in (the outline has the focus).
    ws.view.setFocus()
    qtbot.waitUntil(lambda: not edit.hasFocus(), timeout=3000)
    count = len(followed)
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    assert len(followed) == count
