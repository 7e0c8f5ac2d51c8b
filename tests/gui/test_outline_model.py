"""The outline model's row signals through every structural edit, undo and redo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtTest import QAbstractItemModelTester

from editor_app.core.storage import save_manifest
from editor_app.gui import outline_model
from editor_app.gui.document import IssueDocument
from editor_app.gui.outline_actions import OutlineActions
from editor_app.gui.outline_diff import OutlineTree
from editor_app.gui.outline_model import OutlineModel
from editor_app.gui.outline_view import OutlineView


class Recorder:
    """The model's structural signals, with parents named by id."""

    def __init__(self, model: OutlineModel):
        self.model = model
        self.events: list[tuple] = []
        model.modelReset.connect(lambda: self.events.append(("reset",)))
        model.layoutChanged.connect(lambda *_: self.events.append(("layout",)))
        model.rowsInserted.connect(
            lambda p, f, last: self.events.append(("insert", self._id(p), f, last))
        )
        model.rowsRemoved.connect(
            lambda p, f, last: self.events.append(("remove", self._id(p), f, last))
        )
        model.rowsMoved.connect(
            lambda p, f, last, d, r: self.events.append(
                ("move", self._id(p), f, last, self._id(d), r)
            )
        )

    def _id(self, index: QModelIndex) -> str | None:
        return self.model.node_id(index)

    def take(self) -> list[tuple]:
        out, self.events = self.events, []
        return out


@pytest.fixture
def outline(qtbot, qtlog, issue_folder):
    doc = IssueDocument(issue_folder, autosave_ms=100)
    model = OutlineModel(doc)
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    view = OutlineView(model)
    qtbot.addWidget(view)
    actions = OutlineActions(doc, view)
    yield doc, model, view, actions, Recorder(model)
    del tester
    doc.close()


def model_tester_failures(qtlog) -> list[str]:
    return [
        r.message
        for r in qtlog.records
        if r.type in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg) and "FAIL" in r.message
    ]


def shown_tree(model: OutlineModel) -> dict:
    """The structure as the model reports it through its Qt interface."""
    out: dict = {}

    def walk(parent: QModelIndex) -> None:
        rows = [model.index(r, 0, parent) for r in range(model.rowCount(parent))]
        out[model.node_id(parent)] = [model.node_id(i) for i in rows]
        for index in rows:
            assert model.parent(index) == parent
            walk(index)

    walk(QModelIndex())
    return out


def card(doc, title: str) -> str:
    return next(c.id for c in doc.issue.cards.values() if c.title == title)


def test_the_tester_reports_a_model_that_lies(outline):
    _doc, model, *_ = outline
    seen: list[str] = []
    previous = qInstallMessageHandler(lambda _type, _context, message: seen.append(message))
    try:
        # Rows announced as inserted that never appear: the tester must notice.
        model.beginInsertRows(QModelIndex(), 0, 0)
        model.endInsertRows()
    finally:
        qInstallMessageHandler(previous)
    assert any("FAIL" in message for message in seen)


def test_every_structural_edit_and_its_undo_keeps_the_model_consistent(outline, qtlog, qtbot):
    doc, model, view, actions, recorder = outline

    def drag() -> None:
        """Two cards of the first section onto the second, applied once the drop returned."""
        source, target = (model.index_of(s.id) for s in doc.issue.sections[:2])
        dragged = [model.index(r, 0, source) for r in range(2)]
        before = doc.undo_stack.count()
        model.dropMimeData(model.mimeData(dragged), Qt.DropAction.MoveAction, 0, 0, target)
        qtbot.waitUntil(lambda: doc.undo_stack.count() == before + 1, timeout=2000)

    steps = [
        lambda: view.select_ids([card(doc, "Alpha 发布")]),
        actions.move_down.trigger,
        actions.move_up.trigger,
        actions.add_card.trigger,
        actions.add_subcard.trigger,
        actions.outdent.trigger,
        actions.indent.trigger,
        actions.duplicate.trigger,
        drag,
        lambda: view.select_ids([card(doc, "工具合集")]),
        actions.duplicate.trigger,
        actions.delete.trigger,
        actions.add_section.trigger,
        actions.move_up.trigger,
        lambda: view.select_ids([card(doc, "Tool one"), card(doc, "Beta 访谈")]),
        actions.delete.trigger,
        lambda: view.select_ids([doc.issue.sections[0].id]),
        actions.delete.trigger,
    ]
    for step in steps:
        step()
        assert shown_tree(model) == OutlineTree.from_issue(doc.issue).children
    edits = doc.undo_stack.count()
    assert edits == 14  # every structural step above was a real edit
    kinds = {e[0] for e in recorder.events}
    assert kinds == {"insert", "remove", "move"}
    history = [shown_tree(model)]
    for _ in range(edits):
        doc.undo_stack.undo()
        history.append(shown_tree(model))
        assert history[-1] == OutlineTree.from_issue(doc.issue).children
    for n in range(edits):
        doc.undo_stack.redo()
        assert shown_tree(model) == history[edits - n - 1]
    events = recorder.take()
    assert ("reset",) not in events and ("layout",) not in events
    assert events, "the edits were announced"
    assert not model_tester_failures(qtlog)


def test_each_edit_names_its_parent_and_rows(outline, qtbot):
    doc, model, view, actions, recorder = outline
    news, tools = (s.id for s in doc.issue.sections)
    alpha, beta = doc.issue.sections[0].card_ids
    view.select_ids([alpha])
    actions.move_down.trigger()
    # Alpha going down is told as Beta going up: one move either way.
    assert recorder.take() == [("move", news, 1, 1, news, 0)]
    doc.undo_stack.undo()
    assert recorder.take() == [("move", news, 1, 1, news, 0)]
    assert view.current_id() == alpha
    view.select_ids([beta])
    actions.indent.trigger()
    assert recorder.take() == [("move", news, 1, 1, alpha, 0)]
    actions.outdent.trigger()
    assert recorder.take() == [("move", alpha, 0, 0, news, 1)]
    actions.add_card.trigger()
    assert recorder.take() == [("insert", news, 2, 2)]
    actions.delete.trigger()
    assert recorder.take() == [("remove", news, 2, 2)]
    toolset = card(doc, "工具合集")
    view.select_ids([toolset])
    actions.delete.trigger()
    assert recorder.take() == [("remove", tools, 0, 0)]
    doc.undo_stack.undo()
    # The card comes back with its sub-cards in one insert.
    assert recorder.take() == [("insert", tools, 0, 0)]
    assert model.rowCount(model.index_of(toolset)) == 2
    news_index = model.index_of(news)
    rows = [model.index(0, 0, news_index), model.index(1, 0, news_index)]
    model.dropMimeData(model.mimeData(rows), Qt.DropAction.MoveAction, 1, 0, model.index_of(tools))
    qtbot.waitUntil(lambda: not doc.issue.sections[0].card_ids, timeout=2000)
    assert recorder.take() == [("move", news, 0, 1, tools, 1)]
    doc.undo_stack.undo()
    assert recorder.take() == [("move", tools, 1, 2, news, 0)]


def test_expanded_and_collapsed_rows_stay_so_through_moves(outline):
    doc, model, view, actions, _recorder = outline
    toolset, tools = card(doc, "工具合集"), doc.issue.sections[1].id
    view.select_ids([toolset])
    actions.add_card.trigger()  # a leaf after the expanded card
    actions.add_subcard.trigger()  # the leaf gets a sub-card: it opens
    leaf = doc.issue.sections[1].card_ids[1]
    assert view.isExpanded(model.index_of(leaf))
    view.setExpanded(model.index_of(leaf), False)
    view.select_ids([leaf])
    actions.move_up.trigger()
    assert doc.issue.sections[1].card_ids == [leaf, toolset]
    assert view.isExpanded(model.index_of(toolset))
    assert not view.isExpanded(model.index_of(leaf))
    view.select_ids([toolset])
    actions.move_up.trigger()
    doc.undo_stack.undo()
    assert view.isExpanded(model.index_of(toolset))
    assert not view.isExpanded(model.index_of(leaf))
    assert view.isExpanded(model.index_of(tools))


def test_selection_lands_where_the_edit_says(outline):
    doc, model, view, actions, recorder = outline
    alpha, beta = doc.issue.sections[0].card_ids
    view.select_ids([alpha])
    actions.add_card.trigger()
    new = doc.issue.sections[0].card_ids[1]
    assert view.current_id() == new and view.selected_ids() == [new]
    doc.undo_stack.undo()  # the new card goes: nothing is selected, as before
    assert view.current_id() is None and view.selected_ids() == []
    view.select_ids([beta])
    actions.delete.trigger()
    assert view.current_id() == alpha
    doc.undo_stack.undo()
    assert view.current_id() == beta and view.selected_ids() == [beta]
    assert ("reset",) not in recorder.take()


def test_selection_survives_a_reload_that_reorders_sections(outline):
    doc, model, view, _actions, recorder = outline
    picked = [card(doc, "Beta 访谈"), card(doc, "Tool two")]
    view.select_ids(picked)
    reordered = doc.issue
    reordered.sections.reverse()
    save_manifest(doc.folder, reordered)
    reordered.sections.reverse()
    doc.reload_outline()
    assert [s.title for s in doc.issue.sections][0] == "产品/方案介绍"
    events = recorder.take()
    assert [e[0] for e in events] == ["move"]
    assert sorted(view.selected_ids()) == sorted(picked)


def test_a_large_change_resets_and_restores_expansion_and_current(outline, monkeypatch):
    doc, model, view, actions, recorder = outline
    monkeypatch.setattr(outline_model, "MAX_ROW_CHANGES", 0)
    toolset = card(doc, "工具合集")
    view.setExpanded(model.index_of(toolset), False)
    view.select_ids([card(doc, "Alpha 发布")])
    actions.delete.trigger()
    assert recorder.take() == [("reset",)]
    assert not view.isExpanded(model.index_of(toolset))
    assert view.isExpanded(model.index_of(doc.issue.sections[0].id))
    assert view.current_id() == card(doc, "Beta 访谈")
    actions.move_up.trigger()  # nothing to move: no reset either
    assert recorder.take() == []
    doc.undo_stack.undo()
    assert recorder.take() == [("reset",)]
    assert view.current_id() == card(doc, "Alpha 发布")
    assert not view.isExpanded(model.index_of(toolset))


def test_problem_marks_count_shared_problems_and_tell_only_the_rows_that_changed(outline):
    from editor_app.core.problems import Problem
    from editor_app.gui.outline_model import ProblemsRole

    doc, model = outline[0], outline[1]
    cards = [c.id for c in doc.issue.ordered_cards()]
    first, second, third = cards[:3]
    shared = Problem("warning", "duplicate-link", "Same link", cards=(first, second))
    own = Problem("error", "empty-card", "Empty", card=first)
    changed: list[str] = []
    model.dataChanged.connect(lambda top, _bottom, _roles=(): changed.append(model.node_id(top)))
    model._on_problems([shared, own])
    assert model.index_of(first).data(ProblemsRole) == (1, 1)
    assert model.index_of(second).data(ProblemsRole) == (0, 1)
    assert model.index_of(third).data(ProblemsRole) == (0, 0)
    assert "Same link" in model.tooltip(second, "card")
    assert sorted(changed) == sorted([first, second])
    changed.clear()
    model._on_problems([shared])  # the empty card was filled: only its row changes
    assert changed == [first]
    assert model.index_of(first).data(ProblemsRole) == (0, 1)
