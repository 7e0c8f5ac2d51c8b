"""Undo and Redo name the step they act on and are enabled only when there is one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

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


def test_undo_redo_name_the_action_and_enable_themselves(window, issue_folder):
    window.open_issue(issue_folder)
    ws = window.workspace
    undo, redo = window.act_undo, window.act_redo
    assert not undo.isEnabled() and not redo.isEnabled()
    ws.actions.add_card.trigger()
    assert undo.isEnabled() and undo.text() == "&Undo Add card"
    assert not redo.isEnabled()
    undo.trigger()
    assert not undo.isEnabled()
    assert redo.isEnabled() and redo.text() == "&Redo Add card"
    redo.trigger()
    # At the end of the stack Redo has nothing left to do.
    assert not redo.isEnabled() and redo.text() == "&Redo"
    window.close_issue()
    assert not undo.isEnabled() and undo.text() == "&Undo"


def test_every_outline_and_field_step_has_a_name(window, issue_folder):
    window.open_issue(issue_folder)
    ws = window.workspace
    doc = ws.document
    card = ws.editor.current_card_id
    doc.set_field(card, "tags", ["x"])
    doc.set_issue_field("summary", "s")
    ws.view.select_ids([card])
    for action in (ws.actions.duplicate, ws.actions.move_down, ws.actions.delete):
        action.trigger()
    stack = doc.undo_stack
    texts = [stack.text(i) for i in range(stack.count())]
    assert len(texts) == 5 and all(texts)
    assert not any("tags" in t or "summary" in t for t in texts)
