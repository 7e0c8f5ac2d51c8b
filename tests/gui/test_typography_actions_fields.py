"""Fix Typography on a card's structured fields (source title, link labels, further reading,
category heading): in one undo step with the rest, URLs untouched; a problem there, activated,
shows its field with the span selected."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit

from editor_app.core.checks import check_issue
from editor_app.core.model import FurtherReading, Issue, Link, Source
from editor_app.core.outline import add_card, add_section
from editor_app.core.storage import load_issue, save_issue
from editor_app.gui.document import IssueDocument
from editor_app.gui.typography_actions import fix_one, fix_typography

pytestmark = pytest.mark.usefixtures("text_preview")  # see tests/gui/conftest.py

SOURCE = Source("发布说明:Gateway", "https://x.org/notes,中文")
LINKS = [
    Link("仓库English", "https://x.org/repo,中文"),
    Link("文档English", "https://x.org/a,b中文"),
]
FURTHER = [FurtherReading("深入Cilium", "https://x.org/指南:v2", "一篇长文,值得一读")]
GROUP = "安全与合规:专题"


def make_folder(tmp_path: Path) -> Path:
    issue = Issue(title="周刊", language="zh-CN")
    section = add_section(issue, "新闻")
    card = add_card(issue, section.id, "卡片")
    card.body = "插件API更新"
    card.source = SOURCE
    card.links = list(LINKS)
    card.further_reading = list(FURTHER)
    child = add_card(issue, card.id, "子卡片")
    child.body = "子卡片正文。"
    child.group = GROUP
    folder = tmp_path / "fields"
    save_issue(issue, folder)
    return folder


@pytest.fixture
def document(tmp_path: Path):
    doc = IssueDocument(make_folder(tmp_path), autosave_ms=100000)
    yield doc
    doc.close()


def _fields(doc: IssueDocument) -> tuple:
    card, child = doc.issue.ordered_cards()
    return card.body, card.source, card.links, card.further_reading, child.group


def test_fixing_the_issue_fixes_the_structured_fields_in_one_undo_step(document):
    before = _fields(document)
    count = fix_typography(document, None, "Fix Typography in Issue")
    # Body 2, source title 1, two labels 1 each, further title 1 and summary 1, group 1.
    assert count == 8
    assert document.undo_stack.count() == 1
    fixed = _fields(document)
    assert fixed == (
        "插件 API 更新",
        Source("发布说明：Gateway", SOURCE.url),
        [Link("仓库 English", LINKS[0].url), Link("文档 English", LINKS[1].url)],
        [FurtherReading("深入 Cilium", FURTHER[0].url, "一篇长文，值得一读")],
        "安全与合规：专题",
    )
    document.undo_stack.undo()
    assert _fields(document) == before
    document.undo_stack.redo()
    assert _fields(document) == fixed
    assert document.save()
    saved = load_issue(document.folder).ordered_cards()[0]
    assert (saved.source, saved.links, saved.further_reading) == fixed[1:4]


def test_one_label_problem_is_fixed_alone(document):
    problems = [p for p in check_issue(document.issue) if p.span is not None]
    label = next(p for p in problems if p.span.field == "links.1.label")
    assert fix_one(document, label, "Fix")
    card = document.issue.ordered_cards()[0]
    assert card.links == [LINKS[0], Link("文档 English", LINKS[1].url)]
    assert not fix_one(document, label, "Fix")  # already fixed there
    document.undo_stack.undo()
    assert document.issue.ordered_cards()[0].links == LINKS


@pytest.fixture
def issue_folder(tmp_path: Path) -> Path:
    """The issue the shared ``window`` fixture opens (tests/gui/conftest.py)."""
    return make_folder(tmp_path)


def _activate(window, qtbot, field: str) -> None:
    ws = window.workspace
    qtbot.waitUntil(lambda: any(p.span for p in ws.document.problems), timeout=10000)
    problems = window.panels.export_panel.checks.list
    problems.set_problems(ws.document.problems)
    row = next(
        r
        for r in range(problems.count())
        if problems.problems[r].span is not None and problems.problems[r].span.field == field
    )
    problems.itemActivated.emit(problems.item(row))


def test_activating_a_label_problem_edits_its_cell_with_the_span_selected(window, qtbot):
    fields = window.workspace.editor.fields
    _activate(window, qtbot, "links.1.label")
    assert fields.details_toggle.isChecked() and fields.details.isVisible()
    table = fields.links_table.table
    assert (table.currentRow(), table.currentColumn()) == (1, 0)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.parent() is table.viewport()
    assert editor.text() == "文档English"
    # An insertion point between 档 and E: nothing to select, the cursor stands there.
    assert editor.cursorPosition() == 2


def test_activating_other_field_problems_selects_their_text(window, qtbot):
    fields = window.workspace.editor.fields
    _activate(window, qtbot, "source.title")
    assert fields.source_title_edit.hasFocus()
    assert fields.source_title_edit.selectedText() == ":"
    _activate(window, qtbot, "further_reading.0.summary")
    table = fields.further_table.table
    assert (table.currentRow(), table.currentColumn()) == (0, 2)
    assert QApplication.focusWidget().selectedText() == ","


def test_fix_typography_on_the_card_updates_the_tables(window, qtbot):
    ws = window.workspace
    card = ws.document.issue.ordered_cards()[0]
    ws.view.select_ids([card.id])
    ws.editor.show_card(card.id)
    window.typography.fix_card.trigger()
    fields = ws.editor.fields
    assert fields.links_table.rows() == [
        ("仓库 English", LINKS[0].url),
        ("文档 English", LINKS[1].url),
    ]
    assert fields.further_table.rows()[0] == ("深入 Cilium", FURTHER[0].url, "一篇长文，值得一读")
    assert fields.source_title_edit.text() == "发布说明：Gateway"
    assert window.statusBar().currentMessage() == "Fixed 7 typography problem(s)."
    # Fix Typography on one card leaves its sub-card's category heading.
    assert ws.document.issue.ordered_cards()[1].group == GROUP
