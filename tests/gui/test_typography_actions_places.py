"""Fix Typography beyond the cards: the sections' titles and intros and the issue's title and
summary, in one undo step with the cards; one problem's quick fix; the place of a problem."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from editor_app.core import outline
from editor_app.core.model import Issue, Source
from editor_app.core.storage import load_issue, save_issue
from editor_app.gui.document import IssueDocument
from editor_app.gui.panels.export_problems import CardRole, SpanRole
from editor_app.gui.place_reveal import ISSUE_OWNER
from editor_app.gui.typography_actions import OFF, fix_one, fix_typography

pytestmark = pytest.mark.usefixtures("text_preview")  # see tests/gui/conftest.py

TITLE, SUMMARY = "周刊:第3期", "本期聊聊Cilium。\n另附调查:结果见正文"
SECTION_TITLE = "网络:Gateway"
INTRO = "本专题收录Gateway文章;命令见`kubectl get gw,中文`。"
BODY = "插件API更新,支持ARM64"


def make_folder(tmp_path: Path, language: str = "zh-CN") -> Path:
    issue = Issue(title=TITLE, summary=SUMMARY, language=language)
    section = outline.add_section(issue, SECTION_TITLE)
    section.intro = INTRO
    card = outline.add_card(issue, section.id, "卡片")
    card.source = Source("Notes", "https://x.org/notes")
    card.body = BODY
    folder = tmp_path / "places"
    save_issue(issue, folder)
    return folder


@pytest.fixture
def document(tmp_path: Path):
    doc = IssueDocument(make_folder(tmp_path), autosave_ms=100000)
    yield doc
    doc.close()


def _texts(doc: IssueDocument) -> tuple[str, ...]:
    issue = doc.issue
    section = issue.sections[0]
    card = issue.ordered_cards()[0]
    return issue.title, issue.summary, section.title, section.intro, card.body


def test_fixing_the_issue_fixes_every_field_in_one_undo_step(document):
    before = _texts(document)
    count = fix_typography(document, None, "Fix Typography in Issue")
    assert document.undo_stack.count() == 1
    assert _texts(document) == (
        "周刊：第 3 期",
        "本期聊聊 Cilium。\n另附调查：结果见正文",
        "网络：Gateway",
        "本专题收录 Gateway 文章；命令见`kubectl get gw,中文`。",
        "插件 API 更新，支持 ARM64",
    )
    fixed = _texts(document)
    # Title 3, summary 2, section title 1, intro 3, body 4 (the card's title is clean).
    assert count == 13
    document.undo_stack.undo()
    assert _texts(document) == before
    document.undo_stack.redo()
    assert _texts(document) == fixed
    # Saved: issue.yaml holds the fixed section and summary.
    assert document.save()
    saved = load_issue(document.folder)
    assert (saved.summary, saved.sections[0].intro) == (fixed[1], fixed[3])


def test_fixing_one_card_leaves_the_sections_and_the_issue(document):
    card = document.issue.ordered_cards()[0]
    assert fix_typography(document, [card.id], "Fix Typography") == 4
    assert _texts(document)[:4] == (TITLE, SUMMARY, SECTION_TITLE, INTRO)


def test_an_english_issue_keeps_its_sections_and_summary(tmp_path):
    doc = IssueDocument(make_folder(tmp_path, language="en"), autosave_ms=100000)
    try:
        assert fix_typography(doc, None, "Fix Typography in Issue") == OFF
        assert _texts(doc) == (TITLE, SUMMARY, SECTION_TITLE, INTRO, BODY)
        assert doc.undo_stack.count() == 0
    finally:
        doc.close()


def test_one_problem_is_fixed_alone_wherever_it_is(document):
    from editor_app.core.checks import check_issue

    problems = [p for p in check_issue(document.issue) if p.span is not None]
    summary_colon = next(p for p in problems if p.span.field == "summary" and p.span.old == ":")
    intro_semicolon = next(p for p in problems if p.span.field == "intro" and p.span.old == ";")
    assert fix_one(document, summary_colon, "Fix")
    assert document.issue.summary == "本期聊聊Cilium。\n另附调查：结果见正文"  # only that one
    assert fix_one(document, intro_semicolon, "Fix")
    assert (
        document.issue.sections[0].intro == "本专题收录Gateway文章；命令见`kubectl get gw,中文`。"
    )
    assert document.undo_stack.count() == 2
    # Reported before the text changed there: nothing to do any more.
    assert not fix_one(document, summary_colon, "Fix")
    document.undo_stack.undo()
    assert document.issue.sections[0].intro == INTRO


@pytest.fixture
def issue_folder(tmp_path: Path) -> Path:
    """The issue the shared ``window`` fixture opens (tests/gui/conftest.py)."""
    return make_folder(tmp_path)


def _row(problems, field: str, old: str) -> int:
    return next(
        r
        for r in range(problems.count())
        if problems.problems[r].span is not None
        and problems.problems[r].card is None
        and (problems.problems[r].span.field, problems.problems[r].span.old) == (field, old)
    )


def _checked_list(window, qtbot):
    ws = window.workspace
    qtbot.waitUntil(lambda: any(p.span for p in ws.document.problems), timeout=10000)
    problems = window.panels.export_panel.checks.list
    problems.set_problems(ws.document.problems)
    return problems


def test_the_checks_list_fixes_a_section_problem_with_its_quick_fix(window, qtbot):
    ws = window.workspace
    problems = _checked_list(window, qtbot)
    row = _row(problems, "intro", ";")
    problems.setCurrentRow(row)
    assert "Fix Typography Here" in problems.item(row).toolTip()
    assert problems.fix_current()
    assert ws.document.issue.sections[0].intro.startswith("本专题收录Gateway文章；")
    assert window.statusBar().currentMessage() == "Fixed 1 typography problem."
    ws.document.undo_stack.undo()
    assert ws.document.issue.sections[0].intro == INTRO


def test_activating_a_section_problem_selects_it_in_the_section_editor(window, qtbot):
    ws = window.workspace
    problems = _checked_list(window, qtbot)
    row = _row(problems, "intro", ";")
    section = ws.document.issue.sections[0]
    assert problems.item(row).data(CardRole) == section.id
    assert problems.item(row).data(SpanRole) == ("intro", 14, 15)
    problems.itemActivated.emit(problems.item(row))
    assert ws.editor_area.currentWidget() is ws.section_editor
    cursor = ws.section_editor.intro.textCursor()
    assert cursor.selectedText() == ";"
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (14, 15)


def test_activating_a_summary_problem_opens_issue_properties_there(window, qtbot):
    problems = _checked_list(window, qtbot)
    row = _row(problems, "summary", ":")
    assert problems.item(row).data(CardRole) == ISSUE_OWNER
    seen: list[str] = []

    def inspect() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, inspect)
            return
        seen.append(dialog.summary.textCursor().selectedText())
        dialog.reject()

    QTimer.singleShot(0, inspect)
    problems.itemActivated.emit(problems.item(row))
    assert seen == [":"]
    assert window.workspace.document.issue.summary == SUMMARY  # cancelled: nothing changed


def test_fix_typography_on_a_shown_section_fixes_that_section_only(window, qtbot):
    ws = window.workspace
    section = ws.document.issue.sections[0]
    card = ws.document.issue.ordered_cards()[0]
    ws.view.select_ids([card.id])
    ws.view.select_ids([section.id])
    assert ws.shown_section_id() == section.id
    # A title still being typed (not yet committed by leaving the field) is fixed too.
    ws.section_editor.title.setText("网络:Gateway与Ingress")
    window.typography.fix_card.trigger()
    assert ws.document.issue.sections[0].title == "网络：Gateway 与 Ingress"
    assert (
        ws.document.issue.sections[0].intro
        == "本专题收录 Gateway 文章；命令见`kubectl get gw,中文`。"
    )
    assert ws.section_editor.title.text() == "网络：Gateway 与 Ingress"
    # The card the card editor still holds, the summary and the title are left alone.
    assert ws.document.issue.ordered_cards()[0].body == BODY
    assert (ws.document.issue.title, ws.document.issue.summary) == (TITLE, SUMMARY)
    ws.document.undo_stack.undo()
    assert ws.document.issue.sections[0].intro == INTRO
    # Back on the card, the action fixes the card.
    ws.view.select_ids([card.id])
    assert ws.shown_section_id() is None
    window.typography.fix_card.trigger()
    assert ws.document.issue.ordered_cards()[0].body == "插件 API 更新，支持 ARM64"


def test_the_section_intro_underlines_its_typography_problems(window, qtbot):
    ws = window.workspace
    section = ws.document.issue.sections[0]
    ws.view.select_ids([section.id])
    highlighter = ws.section_editor.intro.document().highlighter
    qtbot.waitUntil(lambda: bool(highlighter.marks()), timeout=10000)
    underlined = {INTRO.splitlines()[0][start:end] for start, end, _ in highlighter.marks()[0]}
    assert ";" in "".join(underlined)  # the half-width semicolon after Chinese text
    assert not any("kubectl" in text for text in underlined)  # code is left alone
    window.typography.fix_card.trigger()
    qtbot.waitUntil(lambda: not highlighter.marks(), timeout=10000)
