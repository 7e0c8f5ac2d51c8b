"""Fix Typography in the window: one undo step per invocation, the menus and the palette, the
underlines in the body and the checks list that selects a problem's place."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QTextCharFormat

from editor_app.core import outline
from editor_app.core.model import Issue, Source, Typography
from editor_app.core.storage import save_issue
from editor_app.gui.app_settings import AppSettings
from editor_app.gui.document import IssueDocument
from editor_app.gui.main_window import MainWindow
from editor_app.gui.typography_actions import OFF, fix_typography

pytestmark = pytest.mark.usefixtures("text_preview")  # see tests/gui/conftest.py

BODY = "我们在2024年发布了GA,镜像卷\n\n用`kubectl get pods,nodes中文`查看"


def make_folder(tmp_path: Path, language: str = "zh-CN", typography=Typography.AUTO) -> Path:
    issue = Issue(title="排版", language=language, typography=typography)
    news = outline.add_section(issue, "新闻")
    first = outline.add_card(issue, news.id, "发布说明:镜像卷")
    first.source = Source("Notes", "https://x.org/notes")
    first.body = BODY
    second = outline.add_card(issue, news.id, "第二张卡片")
    second.source = Source("Two", "https://x.org/two")
    second.body = "插件API更新,支持ARM64架构"
    second.note = "编者按 ，补充"
    folder = tmp_path / "typo"
    save_issue(issue, folder)
    return folder


@pytest.fixture
def document(tmp_path: Path):
    doc = IssueDocument(make_folder(tmp_path), autosave_ms=100000)
    yield doc
    doc.close()


def test_fixing_the_issue_is_one_undo_step(document):
    first, second = document.issue.ordered_cards()
    before = [(c.title, c.body, c.note) for c in (first, second)]
    assert fix_typography(document, None, "Fix Typography in Issue") == 11
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Fix Typography in Issue"
    assert first.title == "发布说明：镜像卷"
    assert first.body == "我们在 2024 年发布了 GA，镜像卷\n\n用`kubectl get pods,nodes中文`查看"
    assert (second.body, second.note) == ("插件 API 更新，支持 ARM64 架构", "编者按，补充")
    document.undo_stack.undo()
    assert [(c.title, c.body, c.note) for c in (first, second)] == before
    document.undo_stack.redo()
    assert first.title == "发布说明：镜像卷" and second.note == "编者按，补充"
    assert fix_typography(document, None, "again") == 0  # nothing left, nothing pushed
    assert document.undo_stack.count() == 1


def test_fixing_one_card_leaves_the_others(document):
    first, second = document.issue.ordered_cards()
    assert fix_typography(document, [second.id], "Fix Typography") == 6
    assert first.body == BODY
    assert second.body == "插件 API 更新，支持 ARM64 架构"


def test_an_english_issue_is_not_touched(tmp_path):
    doc = IssueDocument(make_folder(tmp_path, language="en"), autosave_ms=100000)
    try:
        assert fix_typography(doc, None, "Fix Typography in Issue") == OFF
        assert doc.undo_stack.count() == 0
        assert doc.issue.ordered_cards()[0].body == BODY
    finally:
        doc.close()


@pytest.fixture
def window(qtbot, tmp_path):
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    folder = make_folder(tmp_path)
    win = MainWindow(folder.parent, settings)
    qtbot.addWidget(win)
    win.show()
    win.open_issue(folder)
    yield win
    win.close()


def test_the_actions_are_in_the_format_menu_and_the_palette(window, qtbot):
    menu = [a.text() for a in window.format_menu.actions()]
    assert "Fix &Typography" in menu and "Fix Typography in &Issue" in menu
    palette = window.keys.show_palette()
    qtbot.waitUntil(palette.isVisible)
    entries = {e.label: e for e in palette.entries_shown()}
    assert entries["Fix Typography"].path == "Format"
    assert entries["Fix Typography in Issue"].path == "Format"
    palette.close()


def test_fix_typography_acts_on_the_current_card_and_says_so(window, qtbot):
    ws = window.workspace
    first, second = ws.document.issue.ordered_cards()
    window._jump_to(first.id, -1)
    window.typography.fix_card.trigger()
    assert first.body.startswith("我们在 2024 年")
    assert second.body == "插件API更新,支持ARM64架构"
    assert ws.editor.body_edit.toPlainText() == first.body
    assert window.statusBar().currentMessage() == "Fixed 5 typography problem(s)."
    window.typography.fix_card.trigger()
    assert window.statusBar().currentMessage() == "No typography problems to fix."


def test_problems_are_underlined_in_the_body_and_selected_from_the_list(window, qtbot):
    ws = window.workspace
    first = ws.document.issue.ordered_cards()[0]
    window._jump_to(first.id, -1)
    qtbot.waitUntil(lambda: any(p.span for p in ws.document.problems), timeout=10000)
    doc = ws.editor.body_edit.document()
    marks = doc.highlighter.marks()
    assert (13, 14, ",") in marks[0]  # GA,镜像卷: the comma
    assert (2, 4, "在2") in marks[0]  # an insertion marks the characters around it
    line = doc.findBlockByNumber(0).layout().formats()
    wavy = [
        (r.start, r.length)
        for r in line
        if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    ]
    assert (13, 1) in wavy

    problems = window.panels.export_panel.checks.list
    problems.set_problems(ws.document.problems)
    item = next(
        problems.item(i)
        for i in range(problems.count())
        if problems.problems[i].span and problems.problems[i].span.start == 13
    )
    problems.itemActivated.emit(item)
    cursor = ws.editor.body_edit.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (13, 14)


def test_issue_properties_set_the_typography_checks(document, qtbot):
    from editor_app.gui.issue_properties import IssuePropertiesDialog

    dialog = IssuePropertiesDialog(document)
    qtbot.addWidget(dialog)
    assert dialog.typography.currentData() == "auto"
    dialog.typography.setCurrentIndex(dialog.typography.findData("off"))
    dialog.apply()
    assert document.issue.typography == Typography.OFF
    assert fix_typography(document, None, "Fix Typography in Issue") == OFF
    document.undo_stack.undo()
    assert document.issue.typography == Typography.AUTO
