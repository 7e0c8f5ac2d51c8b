"""Typing that arrives while an issue is still opening lands in the card body."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QMessageBox

from editor_app.gui.app_settings import AppSettings
from editor_app.gui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("text_preview")  # see tests/gui/conftest.py


@pytest.fixture
def window(qtbot, tmp_path, issue_folder, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(issue_folder.parent, settings)
    qtbot.addWidget(win)
    yield win
    win.close()


def test_keys_typed_before_the_issue_is_ready_reach_the_body(qtbot, window, issue_folder):
    window.open_path(issue_folder)
    window.show()
    ws = window.workspace
    body = ws.editor.body_edit
    before = body.toPlainText()
    assert ws.key_buffer is not None and ws.preview.page_loads == 0  # still opening
    # Where the keyboard is while the window settles: the window, the outline, anywhere.
    qtbot.keyClicks(window, "Hello ")
    commit = QInputMethodEvent()  # Chinese arrives committed by the input method
    commit.setCommitString("世界")
    QCoreApplication.sendEvent(ws.view, commit)
    qtbot.keyClick(window, Qt.Key.Key_Return)
    qtbot.keyClicks(window, "ok")
    qtbot.keyClick(window, Qt.Key.Key_Backspace)
    assert body.toPlainText() == before  # nothing typed anywhere yet
    qtbot.waitUntil(lambda: ws.key_buffer is None and ws.preview.page_loads > 0, timeout=10_000)
    qtbot.waitUntil(lambda: "Hello 世界\no" in body.toPlainText(), timeout=5000)
    card = ws.document.card(ws.editor.current_card_id)
    qtbot.waitUntil(lambda: "Hello 世界\no" in card.body, timeout=5000)
    assert body.toPlainText().replace("Hello 世界\no", "", 1) == before
    # Once ready, typing goes where the focus is, untouched.
    qtbot.keyClicks(body, "!")
    assert "Hello 世界\no!" in body.toPlainText()


def test_shortcuts_are_not_held_back(qtbot, window, issue_folder):
    window.open_path(issue_folder)
    window.show()
    buffer = window.workspace.key_buffer
    assert buffer is not None
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Down)
    assert buffer.queued == []


def test_keys_are_dropped_when_the_issue_closes_first(qtbot, window, issue_folder):
    window.open_path(issue_folder)
    window.show()
    buffer = window.workspace.key_buffer
    qtbot.keyClicks(window, "lost")
    assert len(buffer.queued) == 4
    window.close_issue()
    assert not buffer.active and buffer.queued == []
