"""The command palette: what it lists, how it filters (English, Chinese, pinyin), running a
command and giving the focus back."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from editor_app.gui import i18n
from editor_app.gui.app_settings import AppSettings
from editor_app.gui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("text_preview")  # see tests/gui/conftest.py

ROOT = Path(__file__).resolve().parents[2]


def make_window(qtbot, tmp_path, issue_folder) -> MainWindow:
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(issue_folder.parent, settings)
    qtbot.addWidget(win)
    win.show()
    win.open_issue(issue_folder)
    return win


@pytest.fixture
def window(qtbot, tmp_path, issue_folder):
    win = make_window(qtbot, tmp_path, issue_folder)
    yield win
    win.close()


@pytest.fixture
def chinese_window(qapp, qtbot, tmp_path, issue_folder):
    spec = importlib.util.spec_from_file_location("mh_tr", ROOT / "packaging" / "translations.py")
    tool = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = tool
    spec.loader.exec_module(tool)
    ts, qm = tool.ts_path("zh_CN"), tool.qm_path("zh_CN")
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        tool.release()
    assert i18n.install_translators(qapp, i18n.CHINESE) == i18n.CHINESE
    win = make_window(qtbot, tmp_path, issue_folder)
    yield win
    win.close()
    i18n.install_translators(qapp, i18n.ENGLISH)


def labels(palette) -> list[str]:
    return [e.label for e in palette.entries_shown()]


def test_palette_lists_menu_editor_and_panel_commands_with_shortcuts(window, qtbot):
    palette = window.keys.show_palette()
    qtbot.waitUntil(palette.isVisible)
    shown = palette.entries_shown()
    export = next(e for e in shown if e.action is window.act_export)
    assert (export.label, export.path, export.shortcut) == ("Export", "File", "Ctrl+E")
    assert any(e.label == "Export" and e.path == "View" for e in shown)  # the dock's toggle
    entries = {e.label: e for e in shown}
    assert entries["Add Card"].path == "Outline"
    assert entries["Move to Section"].shortcut == "Ctrl+Shift+M"
    assert entries["Bold"].path == "Format" and entries["Bold"].shortcut == "Ctrl+B"
    assert entries["Strip Tracking Parameters"].path == "Links"  # a panel's own action
    assert entries["Go to Images"].shortcut == "Alt+5"
    assert "Command Palette" not in entries
    palette.close()


def test_palette_filters_by_english_words_and_runs_the_command(window, qtbot):
    ws = window.workspace
    ws.editor.focus_body()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ws.editor.body_edit, timeout=3000)
    before = len(ws.document.issue.cards)
    palette = window.keys.show_palette()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is palette.search, timeout=3000)
    qtbot.keyClicks(palette.search, "card add")
    assert labels(palette)[0] == "Add Card"
    assert "Export" not in labels(palette)
    qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    assert not palette.isVisible()
    assert len(ws.document.issue.cards) == before + 1
    assert QApplication.focusWidget() is ws.editor.title_edit  # the new card's title


def test_escape_closes_and_the_focus_returns(window, qtbot):
    ws = window.workspace
    ws.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ws.view, timeout=3000)
    palette = window.keys.show_palette()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is palette.search, timeout=3000)
    qtbot.keyClicks(palette.search, "export")
    qtbot.keyClick(palette.search, Qt.Key.Key_Escape)
    assert not palette.isVisible()
    assert QApplication.focusWidget() is ws.view
    assert not ws.document.undo_stack.canUndo()


def test_chinese_palette_finds_by_chinese_words_pinyin_and_english(chinese_window, qtbot):
    palette = chinese_window.keys.show_palette()
    qtbot.waitUntil(palette.isVisible)
    export = next(e for e in palette.entries_shown() if e.action is chinese_window.act_export)
    assert export.label == "导出" and export.path == "文件"
    for query in ("导出", "dc", "daochu", "export"):
        palette.search.setText(query)
        assert export in palette.entries_shown(), query
    palette.search.setText("dc")
    assert labels(palette)[0] == "导出"
    palette.close()
