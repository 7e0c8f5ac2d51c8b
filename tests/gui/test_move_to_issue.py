"""Move to Issue from the outline: the chooser, the move on disk, undo and redo, refusals."""

from __future__ import annotations

import json
import socket
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from editor_app.core.library import list_issues
from editor_app.core.lock import window_holder
from editor_app.core.model import Issue
from editor_app.core.outline import add_section
from editor_app.core.storage import card_path, load_issue, save_issue
from editor_app.gui import move_to_issue
from editor_app.gui.document import IssueDocument
from editor_app.gui.move_to_issue import MoveTarget, MoveToIssueDialog
from editor_app.gui.outline_actions import OutlineActions
from editor_app.gui.outline_model import OutlineModel
from editor_app.gui.outline_view import OutlineView


@pytest.fixture
def target_folder(issue_folder):
    """A second issue in the same library, with two sections."""
    issue = Issue(title="Second Issue", slug="second")
    add_section(issue, "Opening", "👋")
    add_section(issue, "Closing", "🌙")
    folder = issue_folder.parent / "second"
    save_issue(issue, folder)
    return folder


@pytest.fixture
def outline(qtbot, issue_folder, target_folder):
    doc = IssueDocument(issue_folder, autosave_ms=100)
    view = OutlineView(OutlineModel(doc))
    qtbot.addWidget(view)
    actions = OutlineActions(doc, view)
    yield doc, view, actions
    doc.close()


def card_by_title(doc, title: str) -> str:
    return next(c.id for c in doc.issue.cards.values() if c.title == title)


def choose(monkeypatch, folder, section_index: int | None, seen: list | None = None):
    """Replace the chooser: pick ``folder`` and its section (None: a new section)."""

    def fake(_parent, issues, _holders, new_name, count):
        if seen is not None:
            seen.append(([s.folder for s in issues], new_name, count))
        sections = load_issue(folder).sections
        section = "" if section_index is None else sections[section_index].id
        return MoveTarget(folder, "Second Issue", section)

    monkeypatch.setattr(move_to_issue, "choose_target", fake)


def test_move_undo_redo(outline, target_folder, monkeypatch):
    doc, view, actions = outline
    card_id = card_by_title(doc, "工具合集")  # with two sub-cards
    subs = list(doc.card(card_id).child_ids)
    seen: list = []
    choose(monkeypatch, target_folder, 1, seen)
    view.select_ids([card_id])
    messages: list[str] = []
    actions.message.connect(messages.append)
    actions.move_to_issue.trigger()

    # The chooser was offered the other issue only, and the card's section for a new one.
    assert seen == [([target_folder], "产品/方案介绍", 1)]
    assert card_id not in doc.issue.cards and card_id not in load_issue(doc.folder).cards
    target = load_issue(target_folder)
    assert target.sections[1].card_ids == [card_id]
    assert target.cards[card_id].child_ids == subs
    assert messages == ["Moved 1 card to “Second Issue”."]
    assert doc.undo_stack.undoText() == "Move 1 card to “Second Issue”"

    doc.undo_stack.undo()
    assert doc.card(card_id).child_ids == subs
    assert card_id in load_issue(doc.folder).cards
    assert card_id not in load_issue(target_folder).cards
    assert not card_path(target_folder, card_id).exists()

    doc.undo_stack.redo()
    assert card_id not in doc.issue.cards
    assert load_issue(target_folder).sections[1].card_ids == [card_id]


def test_new_section_in_the_target(outline, target_folder, monkeypatch):
    doc, view, actions = outline
    card_id = card_by_title(doc, "Alpha 发布")
    choose(monkeypatch, target_folder, None)
    view.select_ids([card_id])
    actions.move_to_issue.trigger()
    last = load_issue(target_folder).sections[-1]
    assert (last.emoji, last.title, last.card_ids) == ("📰", "新闻与访谈", [card_id])
    doc.undo_stack.undo()
    assert len(load_issue(target_folder).sections) == 2


@pytest.fixture
def other_process():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield child
    child.kill()
    child.wait()


def hold(folder, pid: int) -> None:
    lock = folder / ".masthead" / "lock"
    lock.parent.mkdir(parents=True, exist_ok=True)
    lock.write_text(json.dumps({"pid": pid, "host": socket.gethostname(), "since": 0}))


def test_a_target_open_elsewhere_is_refused_clearly(outline, target_folder, monkeypatch,
                                                     other_process):  # fmt: skip
    doc, view, actions = outline
    card_id = card_by_title(doc, "Alpha 发布")
    choose(monkeypatch, target_folder, 0)
    hold(target_folder, other_process.pid)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    view.select_ids([card_id])
    actions.move_to_issue.trigger()
    assert card_id in doc.issue.cards and not doc.undo_stack.canUndo()
    assert card_id not in load_issue(target_folder).cards
    assert len(warnings) == 1 and f"process {other_process.pid}" in warnings[0]
    assert "open in another Masthead window" in warnings[0]


def test_undo_refused_when_the_target_is_open_elsewhere(qtbot, outline, target_folder,
                                                        monkeypatch, other_process):  # fmt: skip
    doc, view, actions = outline
    card_id = card_by_title(doc, "Alpha 发布")
    choose(monkeypatch, target_folder, 0)
    view.select_ids([card_id])
    actions.move_to_issue.trigger()
    hold(target_folder, other_process.pid)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    doc.undo_stack.undo()
    # The card stays in the target only; the step left the stack.
    assert card_id not in doc.issue.cards and card_id in load_issue(target_folder).cards
    assert doc.undo_stack.count() == 0
    qtbot.waitUntil(lambda: bool(warnings), timeout=2000)
    assert "cannot be undone" in warnings[0]


def test_an_id_clash_is_refused(outline, target_folder, monkeypatch):
    doc, view, actions = outline
    card_id = card_by_title(doc, "Alpha 发布")
    path = card_path(target_folder, card_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\ntitle: Someone else's\n---\n", "utf-8")
    choose(monkeypatch, target_folder, 0)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    view.select_ids([card_id])
    actions.move_to_issue.trigger()
    assert card_id in doc.issue.cards and "already has a card with the id" in warnings[0]


def test_the_action_is_in_the_outline_context_menu(outline):
    _doc, view, actions = outline
    assert actions.move_to_issue in view.actions()
    assert actions.move_to_issue.shortcut().toString() == "Ctrl+Alt+M"
    assert actions.move_to_issue.shortcutContext() == Qt.ShortcutContext.WindowShortcut


# -- the chooser -------------------------------------------------------------------------------
def test_chooser_filters_by_typing_and_defaults_to_the_last_section(qtbot, issue_folder,
                                                                    target_folder, tmp_path,
                                                                    other_process):  # fmt: skip
    third = Issue(title="Third Issue", slug="third")
    save_issue(third, issue_folder.parent / "third")
    hold(issue_folder.parent / "third", other_process.pid)
    issues = [s for s in list_issues(issue_folder.parent) if s.folder != issue_folder]
    holders = {s.folder: window_holder(s.folder) for s in issues}
    dialog = MoveToIssueDialog(issues, holders, "新闻与访谈", 2)
    qtbot.addWidget(dialog)
    dialog.show()
    # The third issue is open elsewhere: listed, not choosable; the second is chosen.
    assert dialog.chosen().folder == target_folder
    assert dialog.section.currentText() == "2. 🌙 Closing"
    assert dialog.section.itemText(dialog.section.count() - 1) == "New section “新闻与访谈”"
    qtbot.keyClicks(dialog.filter, "third")
    assert dialog.chosen() is None
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.filter.clear()
    qtbot.keyClicks(dialog.filter, "sec")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.section, Qt.Key.Key_Down)
    assert dialog.chosen() == MoveTarget(target_folder, "Second Issue", "")
    dialog.grab().save(str(tmp_path / "move-to-issue.png"))
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
