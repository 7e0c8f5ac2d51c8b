"""The conflict dialog in the window: type in a card, let another program (a `git checkout`)
rewrite its file, answer the dialog as an editor would."""

from __future__ import annotations

import os
import time

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from editor_app.core.issue_format import serialize_card
from editor_app.core.storage import card_path, load_issue, read_card
from editor_app.gui.app_settings import AppSettings
from editor_app.gui.conflict_dialog import ConflictDialog
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


def checkout(folder, card_id: str) -> bytes:
    """Replace the card file as git does: a new file renamed over the old one."""
    card = read_card(folder, card_id)
    card.title = "Title from the branch"
    card.body = "Body from the branch."
    path = card_path(folder, card_id)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(serialize_card(card), "utf-8")
    os.replace(tmp, path)
    return path.read_bytes()


@pytest.mark.parametrize("button", ["theirs_button", "mine_button", "both_button"])
def test_answering_the_dialog(window, qtbot, issue_folder, button):
    window.open_issue(issue_folder)
    ws = window.workspace
    doc = ws.document
    doc.set_autosave_delay(200)
    card_id = ws.editor.current_card_id
    section = doc.issue.sections[0]
    edit = ws.editor.body_edit
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(edit, " typed here")
    seen: dict = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConflictDialog):
            QTimer.singleShot(50, answer)
            return
        if "opened" not in seen:
            seen["opened"] = time.monotonic()
            dialog.reject()  # Escape is not a choice
        if time.monotonic() - seen["opened"] < 1.3:  # longer than the audit's 1.2 s
            QTimer.singleShot(100, answer)
            return
        seen["visible"] = dialog.isVisible()
        seen["file"] = card_path(issue_folder, card_id).read_bytes()
        seen["views"] = [view.toPlainText() for view in dialog.views]
        getattr(dialog, button).click()

    QTimer.singleShot(0, answer)
    theirs = checkout(issue_folder, card_id)
    qtbot.waitUntil(lambda: "file" in seen and not doc.in_conflict(card_id), timeout=10_000)
    assert seen["visible"]
    assert seen["file"] == theirs  # nothing written while the dialog was open
    assert seen["views"][0].endswith(" typed here")
    assert seen["views"][1] == "Body from the branch."
    qtbot.wait(500)  # an autosave would have landed by now
    on_disk = read_card(issue_folder, card_id)
    if button == "mine_button":
        assert on_disk.body.endswith(" typed here")
        assert on_disk.title != "Title from the branch"
    elif button == "theirs_button":
        assert card_path(issue_folder, card_id).read_bytes() == theirs
        assert ws.editor.body_edit.toPlainText() == "Body from the branch."
        assert ws.editor.title_edit.text() == "Title from the branch"
    else:
        assert card_path(issue_folder, card_id).read_bytes() == theirs
        assert doc.card(card_id).title == "Title from the branch"
        mine_id = section.card_ids[section.card_ids.index(card_id) + 1]
        assert load_issue(issue_folder).cards[mine_id].body.endswith(" typed here")
        # The editor moves to the new card holding the editor's version.
        assert ws.editor.current_card_id == mine_id
        assert ws.editor.body_edit.toPlainText().endswith(" typed here")
    expected_cards = 6 if button == "both_button" else 5
    assert len(load_issue(issue_folder).cards) == expected_cards
    assert not doc.dirty
