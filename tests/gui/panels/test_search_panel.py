"""The search panel: typing searches the library off the UI thread, keys move and open."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from editor_app.core.search.index import index_path
from editor_app.core.storage import load_issue, save_issue
from editor_app.gui.app_settings import AppSettings
from editor_app.gui.command_palette import collect_entries
from editor_app.gui.main_window import MainWindow
from editor_app.gui.panels.search_panel import SearchPanel
from tests.core.search.search_helpers import make_issue

pytestmark = pytest.mark.usefixtures("text_preview")  # see tests/gui/conftest.py


@pytest.fixture
def library(tmp_path):
    root = tmp_path / "library"
    root.mkdir()
    make_issue(root, "2026-01-first", dt.date(2026, 1, 5), chinese=False)
    make_issue(root, "2026-02-second", dt.date(2026, 2, 2), chinese=True)
    return root


@pytest.fixture
def panel(qtbot, library):
    widget = SearchPanel(lambda: library)
    qtbot.addWidget(widget)
    widget.resize(420, 500)
    widget.show()
    return widget


def _search(qtbot, panel, text):
    panel.field.setText(text)
    with qtbot.waitSignal(panel.searched, timeout=10000) as blocker:
        panel.search_now()
    return blocker.args[0]


def test_typing_searches_and_lists_hits_with_their_matches(qtbot, panel, library):
    panel.field.setFocus()
    with qtbot.waitSignal(panel.searched, timeout=10000) as blocker:
        qtbot.keyClicks(panel.field, "edit")  # searched a moment after the last key
    outcome = blocker.args[0]
    assert outcome.query == "edit" and index_path(library).is_file()
    assert [h.title for h in outcome.hits] == ["Editor release notes"]
    with qtbot.waitSignal(panel.searched, timeout=10000) as blocker:
        panel.field.setText("网格")  # as an input method commits it
    assert blocker.args[0].query == "网格"
    rows = [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())]
    assert rows == ["服务网格的现状\nIstio 与 Linkerd 的服务网格对比，数据面代理的内存开销下降。",
                    "新闻\n导语：服务网格的一年。"]  # fmt: skip
    assert panel.view.currentIndex().row() == 0
    assert panel.status.text() == "2 results."
    assert not _search(qtbot, panel, "nothing-like-it").hits
    assert panel.model.rowCount() == 0


def test_keys_move_through_results_and_enter_opens(qtbot, panel):
    _search(qtbot, panel, "网格")
    panel.field.setFocus()
    opened = []
    panel.openRequested.connect(lambda *args: opened.append(args))
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    assert panel.view.currentIndex().row() == 1 and panel.field.hasFocus()
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    [(folder, kind, owner, field, start, end)] = opened
    assert (folder, kind, field, start, end) == ("2026-02-second", "section", "body", 5, 7)
    hit = panel.model.hits[1]
    assert owner == hit.owner
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Escape)
    assert panel.field.hasFocus()


def test_a_saved_issue_is_found_at_once(qtbot, panel, library):
    _search(qtbot, panel, "熔断")
    folder = library / "2026-02-second"
    issue = load_issue(folder)
    next(iter(issue.cards.values())).body = "熔断与限流"
    save_issue(issue, folder)
    with qtbot.waitSignal(panel.searched, timeout=10000) as blocker:
        panel.issue_saved(folder)  # re-indexes the issue, then searches again
    assert [h.folder for h in blocker.args[0].hits] == ["2026-02-second"]


def test_a_state_folder_in_the_way_is_said(qtbot, panel, library):
    (library / ".masthead").write_text("in the way", "utf-8")
    outcome = _search(qtbot, panel, "网格")
    assert len(outcome.hits) == 2 and not outcome.indexed
    assert "without an index" in panel.status.text()


def test_the_window_opens_a_result_at_its_card(qtbot, tmp_path, library):
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    window.show()
    assert window.panels.search_dock.isHidden()
    # In the command palette (and the View menu offers its dock), with the panel's own action.
    labels = [e.label for e in collect_entries(window, window.keys.areas())]
    assert "Search Library" in labels and "Rebuild Search Index" in labels
    assert window.panels.search_dock.toggleViewAction() in window.view_menu.actions()
    assert window.act_search_library.shortcut().toString() == "Ctrl+Alt+F"
    window.act_search_library.trigger()  # in the library view already
    panel = window.panels.search_panel
    assert not window.panels.search_dock.isHidden()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.field, timeout=3000)
    _search(qtbot, panel, "renderer")
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    ws = window.workspace
    assert ws is not None and ws.document.folder.name == "2026-01-first"
    card = ws.document.card(ws.editor.current_card_id)
    assert card.title == "Editor release notes"
    cursor = ws.editor.body_edit.textCursor()
    assert cursor.selectedText() == "renderer"
    assert QApplication.focusWidget() is ws.editor.body_edit
    # A result in another issue opens that issue, even while the first one is still opening
    # (the window keeps other typing for the card body then).
    assert ws.key_buffer is not None
    body = card.body
    _search(qtbot, panel, "kubectl")
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert load_issue(library / "2026-01-first").cards[card.id].body == body
    ws = window.workspace
    assert ws.document.folder.name == "2026-02-second"
    assert ws.document.card(ws.editor.current_card_id).title == "kubectl 插件"
    assert ws.editor.body_edit.textCursor().selectedText() == ""  # the match is in the title
    assert ws.editor.title_edit.selectedText() == "kubectl"
    window.close()
