"""The checks follow structural edits, and a problem in the list shows its card or section."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QListWidgetItem

from editor_app.core import outline as ops
from editor_app.gui.panels.export_problems import CardRole

pytestmark = pytest.mark.usefixtures("text_preview")  # see tests/gui/conftest.py


def _problem_cards(doc) -> set[str]:  # noqa: ANN001
    return {p.card for p in doc.problems if p.card}


def _item_for(window, node_id: str) -> QListWidgetItem:  # noqa: ANN001
    items = window.panels.export_panel.checks.list
    return next(
        items.item(r) for r in range(items.count()) if items.item(r).data(CardRole) == node_id
    )


def test_delete_undo_redo_refresh_the_checks(window, qtbot):
    doc = window.workspace.document
    section = doc.issue.sections[0].id
    card = doc.edit_outline("Add", lambda i: ops.add_card(i, section, ""), lambda c: [c.id])
    qtbot.waitUntil(lambda: card.id in _problem_cards(doc), timeout=5000)
    doc.edit_outline("Delete", lambda i: ops.remove_card(i, card.id), lambda _r: [])
    # No keystroke needed: the deletion alone runs the checks again.
    qtbot.waitUntil(lambda: card.id not in _problem_cards(doc), timeout=5000)
    doc.undo_stack.undo()
    qtbot.waitUntil(lambda: card.id in _problem_cards(doc), timeout=5000)
    doc.undo_stack.redo()
    qtbot.waitUntil(lambda: card.id not in _problem_cards(doc), timeout=5000)
    listed = window.panels.export_panel.checks.list
    assert all(listed.item(r).data(CardRole) != card.id for r in range(listed.count()))


def test_activating_a_problem_selects_its_card_or_section(window, qtbot):
    ws = window.workspace
    doc = ws.document
    section = doc.issue.sections[1]
    card = doc.edit_outline("Add", lambda i: ops.add_card(i, section.id, ""), lambda c: [c.id])
    intro = doc.issue.sections[0]
    doc.set_section_field(intro.id, "intro", "See [the site](http://example.net/page).")
    first = doc.issue.sections[0].card_ids[0]
    ws.view.select_ids([first])
    qtbot.waitUntil(lambda: card.id in _problem_cards(doc), timeout=5000)
    listed = window.panels.export_panel.checks.list
    qtbot.waitUntil(lambda: listed.count() > 0, timeout=5000)
    listed.itemActivated.emit(_item_for(window, card.id))
    assert ws.view.current_id() == card.id
    assert ws.editor.current_card_id == card.id
    qtbot.waitUntil(lambda: any(p.section == intro.id for p in doc.problems), timeout=5000)
    listed.itemActivated.emit(_item_for(window, intro.id))
    assert ws.view.current_id() == intro.id
    # A problem whose card is gone does nothing (and raises nothing).
    window.panels.export_panel.jumpToCard.emit("no-such-card")
    assert ws.view.current_id() == intro.id


def test_checks_held_while_the_window_opens_run_once_let_go(qtbot, issue_folder):
    from editor_app.gui.document import IssueDocument

    doc = IssueDocument(issue_folder, autosave_ms=60_000)
    try:
        runs: list[int] = []
        doc.problemsChanged.connect(lambda _p: runs.append(1))
        doc.hold_checks(True)  # the check the opening asked for waits
        doc.schedule_checks()
        doc.schedule_checks()
        qtbot.wait(1000)
        assert runs == [] and not doc._check_timer.isActive()
        doc.hold_checks(False)
        qtbot.waitUntil(lambda: runs == [1], timeout=5000)
        qtbot.wait(800)
        assert runs == [1]
    finally:
        doc.close()


def test_the_window_lets_the_checks_go_with_the_first_preview_page(window, qtbot, issue_folder):
    window.open_issue(issue_folder)  # again, watched from the start
    ws = window.workspace
    runs: list[int] = []
    ws.document.problemsChanged.connect(lambda _p: runs.append(1))
    assert ws.preview.page_loads == 0 and ws.document._checks_held
    qtbot.waitUntil(lambda: ws.preview.page_loads >= 1, timeout=5000)
    assert runs == [] and not ws.document._checks_held
    qtbot.waitUntil(lambda: runs == [1], timeout=5000)
