"""Import into Assets, end to end on a temporary issue: from the checks list and from the
card editor (context menu and Ctrl+.), one undo step, and a clear message for a missing file."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QSettings
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from editor_app.core.storage import load_issue, save_issue
from editor_app.gui import image_import
from editor_app.gui.app_settings import AppSettings
from editor_app.gui.main_window import MainWindow
from editor_app.gui.panels.export_problems import CodeRole

pytestmark = pytest.mark.usefixtures("text_preview")  # see tests/gui/conftest.py
ASSET = re.compile(r"assets/[0-9a-f]{16}\.png")


def photo(path, color=(30, 120, 200)):
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", (40, 30), color)
    for x in range(40):  # not flat: a few hundred colours, like a small picture
        image.putpixel((x, x % 30), (x * 6, 255 - x * 5, (x * 37) % 255))
    out = io.BytesIO()
    image.save(out, "PNG")
    path.write_bytes(out.getvalue())
    return path


@pytest.fixture
def window(qtbot, tmp_path, issue_folder, monkeypatch):
    """The issue with a first card whose body shows three files of this computer."""
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    team = photo(tmp_path / "pictures" / "team-photo.png")
    photo(home / "Desktop" / "b.png", (200, 40, 40))
    issue = load_issue(issue_folder)
    card = issue.ordered_cards()[0]
    card.body = (
        f"Intro line.\n\n![]({team})\n\n![Team](file://{team.parent.as_posix()}/team-photo.png)\n\n"
        "![](~/Desktop/b.png)\n\n![gone](/nowhere/missing.png)"
    )
    save_issue(issue, issue_folder)
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(issue_folder.parent, settings)
    qtbot.addWidget(win)
    win.show()
    win.open_issue(issue_folder)
    alts: list[str] = []

    def ask(_parent, _path, alt="", _detail=""):
        alts.append(alt)
        return "Our team at the summit"

    monkeypatch.setattr(image_import, "ask_alt_text", ask)
    win.test_alts = alts
    win.test_card = card.id
    yield win
    win.close()


def test_fix_from_the_checks_list(qtbot, window, issue_folder):
    ws = window.workspace
    other = ws.document.issue.ordered_cards()[1].id
    ws.open_card(other)  # the fixed card is not the one shown: the issue's undo stack
    problems = window.panels.export_panel.problem_list
    qtbot.waitUntil(
        lambda: sum(problems.item(r).data(CodeRole) == "local-image"
                    for r in range(problems.count())) == 4,
        timeout=5000,
    )  # fmt: skip
    row = next(
        r for r in range(problems.count()) if problems.item(r).data(CodeRole) == "local-image"
    )
    problems.setCurrentRow(row)
    assert "Import into Assets" in problems.item(row).toolTip()
    assert problems.fix_current()

    body = ws.document.card(window.test_card).body
    (asset,) = set(ASSET.findall(body))
    assert (issue_folder / asset).is_file()
    # The same file written two ways (a path and a file:// URL): both references rewritten.
    assert body.count(f"![Our team at the summit]({asset})") == 2
    assert window.test_alts == ["Team"]  # the alt text already written is offered
    ws.document.save()
    assert asset in load_issue(issue_folder).cards[window.test_card].body
    # One undo step brings the old references back.
    ws.document.undo_stack.undo()
    assert "team-photo.png)" in ws.document.card(window.test_card).body
    assert asset not in ws.document.card(window.test_card).body


def test_fix_from_the_editor_context_menu_and_ctrl_dot(qtbot, window, issue_folder):
    ws = window.workspace
    ws.open_card(window.test_card)
    edit = ws.editor.body_edit
    before = edit.toPlainText()
    cursor = edit.textCursor()
    cursor.setPosition(before.index("~/Desktop"))
    edit.setTextCursor(cursor)
    rect = edit.cursorRect()
    edit.contextMenuEvent(
        QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, rect.center(),
                          edit.mapToGlobal(rect.center()))
    )  # fmt: skip
    menu = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible())
    action = next(a for a in menu.actions() if a.text() == "Import “b.png” into Assets")
    menu.close()
    action.trigger()
    text = edit.toPlainText()
    (asset,) = set(ASSET.findall(text))
    assert f"![Our team at the summit]({asset})" in text and "~/Desktop" not in text
    assert window.test_alts == [""]  # "b.png" says nothing: no suggestion
    assert ws.document.card(window.test_card).body == text
    # One step of the body editor's own undo.
    edit.undo()
    assert edit.toPlainText() == before

    # Ctrl+. on a line with a local image imports that one.
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.Down, n=2)
    edit.setTextCursor(cursor)
    edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit, timeout=3000)
    edit.quick_fix_action.trigger()
    assert "](/" not in edit.toPlainText().split("\n")[2]


def test_missing_file_gives_a_clear_message(qtbot, window, monkeypatch):
    ws = window.workspace
    ws.open_card(window.test_card)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    before = ws.document.card(window.test_card).body
    assert not window.panels.fixes.import_local_image(window.test_card, "/nowhere/missing.png")
    assert ws.document.card(window.test_card).body == before
    assert len(warnings) == 1 and "/nowhere/missing.png cannot be found" in warnings[0]


def test_no_fix_entry_on_a_line_without_a_local_image(window):
    ws = window.workspace
    ws.open_card(window.test_card)
    assert ws.editor.body_edit.local_images_at(1) == []
    assert not ws.editor.body_edit.quick_fix()  # the cursor is on the first line
    point = QPoint(5, 5)
    edit = ws.editor.body_edit
    menu_event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, edit.mapToGlobal(point))
    ws.editor.body_edit.contextMenuEvent(menu_event)
    menu = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible())
    assert not [a for a in menu.actions() if "into Assets" in a.text()]
    menu.close()
