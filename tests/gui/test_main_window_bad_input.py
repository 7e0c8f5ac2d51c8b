"""The window with hostile files: a card with a control character or a symbolic link opens
as an unreadable card; a broken issue.yaml gives a clear error, never a crash."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QSettings, Qt

from editor_app.core.storage import card_path, load_issue, manifest_path
from editor_app.gui import main_window as main_window_module
from editor_app.gui.app_settings import AppSettings
from editor_app.gui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("text_preview")  # see tests/gui/conftest.py


@pytest.fixture
def errors(monkeypatch):
    """Every QMessageBox.critical the window shows (a modal box would block the test)."""
    shown: list[tuple[str, str]] = []

    def record(parent, title, text, *args, **kwargs):
        shown.append((title, text))

    monkeypatch.setattr(main_window_module.QMessageBox, "critical", record)
    return shown


@pytest.fixture
def window(qtbot, tmp_path, issue_folder):
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(issue_folder.parent, settings)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


@pytest.mark.parametrize("char", ["\x00", "\x08", "\x0b", "\x0c", "\x1b"])
def test_card_with_control_character_opens_as_unreadable(window, qtbot, issue_folder, errors, char):
    victim = load_issue(issue_folder).sections[0].card_ids[1]
    path = card_path(issue_folder, victim)
    text = path.read_text("utf-8").replace("title: ", f"title: x{char}", 1)
    path.write_text(text, "utf-8")

    window.open_path(issue_folder)
    ws = window.workspace
    assert errors == [] and ws is not None and window.stack.currentWidget() is window.editor_host
    card = ws.document.issue.cards[victim]
    assert f"{path}:2:" in card.unreadable and f"U+{ord(char):04X}" in card.unreadable
    index = ws.model.index_of(victim)
    assert "unreadable" in index.data(Qt.ItemDataRole.DisplayRole)
    ws.view.select_ids([victim])
    qtbot.waitUntil(lambda: ws.editor.current_card_id == victim, timeout=3000)
    assert ws.editor.body_edit.isReadOnly() and not ws.editor.notice.isHidden()
    assert f"{path}:2:" in ws.editor.notice.text()
    qtbot.waitUntil(lambda: any(p.card == victim for p in ws.document.problems), timeout=5000)
    # The other cards are editable as usual, and the bad file is never rewritten.
    ws.view.select_ids([ws.document.issue.sections[0].card_ids[0]])
    qtbot.waitUntil(lambda: not ws.editor.body_edit.isReadOnly(), timeout=3000)
    ws.document.save()
    assert path.read_text("utf-8") == text


def test_symlinked_card_opens_as_unreadable_without_reading_it(
    window, qtbot, issue_folder, tmp_path, errors
):
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: SECRET TITLE\n---\nSECRET BODY\n", "utf-8")
    victim = load_issue(issue_folder).sections[1].card_ids[0]
    path = card_path(issue_folder, victim)
    path.unlink()
    os.symlink(secret, path)

    window.open_path(issue_folder)
    ws = window.workspace
    assert errors == [] and ws is not None
    card = ws.document.issue.cards[victim]
    assert "symbolic link" in card.unreadable and "SECRET" not in card.body + card.title
    qtbot.waitUntil(
        lambda: [p.code for p in ws.document.problems if p.card == victim] == ["symlink"],
        timeout=5000,
    )


@pytest.mark.parametrize("char", ["\x00", "\x1b"])
def test_bad_issue_yaml_shows_an_error_and_keeps_the_window(
    window, qtbot, issue_folder, errors, char
):
    manifest = manifest_path(issue_folder)
    manifest.write_text(manifest.read_text("utf-8").replace("title: ", f"title: {char}", 1))
    window.open_path(issue_folder)
    assert window.workspace is None and window.stack.currentWidget() is window.start
    ((title, text),) = errors
    assert title == "Could not open the issue"
    assert f"{manifest}:2:" in text and f"U+{ord(char):04X}" in text
    # The library still lists the issue (as unreadable) and the window stays usable.
    window.show_library(issue_folder.parent)
    qtbot.waitUntil(lambda: bool(window.start.model.rows), timeout=5000)  # listed off the UI thread
