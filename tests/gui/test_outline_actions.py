"""Outline commands, their undo/redo, and drag and drop, on a real document."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from editor_app.core.storage import load_issue
from editor_app.gui.document import IssueDocument
from editor_app.gui.outline_actions import OutlineActions
from editor_app.gui.outline_model import OutlineModel
from editor_app.gui.outline_view import OutlineView


@pytest.fixture
def outline(qtbot, issue_folder):
    doc = IssueDocument(issue_folder, autosave_ms=100)
    model = OutlineModel(doc)
    view = OutlineView(model)
    qtbot.addWidget(view)
    actions = OutlineActions(doc, view)
    yield doc, model, view, actions
    doc.close()


def titles(doc, section_index: int) -> list[str]:
    section = doc.issue.sections[section_index]
    return [doc.issue.cards[c].title for c in section.card_ids]


def card_by_title(doc, title: str) -> str:
    return next(c.id for c in doc.issue.cards.values() if c.title == title)


def test_model_shows_numbers_and_labels(outline):
    doc, model, _view, _ = outline
    first = model.index(0, 0)
    assert model.data(first) == "📰 专题一 新闻与访谈"
    assert model.data(model.index(1, 0, first)) == "2. Beta 访谈"
    tools = model.index(0, 0, model.index(1, 0))
    assert model.data(model.index(1, 0, tools)) == "1.2 Tool two"
    assert model.rowCount(tools) == 2
    assert model.parent(model.index(0, 0, tools)) == tools


def test_add_card_undo_redo_and_saved(outline):
    doc, _model, view, actions = outline
    view.select_ids([card_by_title(doc, "Alpha 发布")])
    actions.add_card.trigger()
    assert len(doc.issue.sections[0].card_ids) == 3
    new_id = doc.issue.sections[0].card_ids[1]
    assert (issue_folder_of(doc) / "cards" / f"{new_id}.md").exists()
    assert new_id in load_issue(doc.folder).cards
    doc.undo_stack.undo()
    assert len(doc.issue.sections[0].card_ids) == 2
    assert new_id not in load_issue(doc.folder).cards
    doc.undo_stack.redo()
    assert doc.issue.sections[0].card_ids[1] == new_id


def issue_folder_of(doc):
    return doc.folder


def test_add_section_and_subcard(outline):
    doc, _model, view, actions = outline
    actions.add_section.trigger()
    assert len(doc.issue.sections) == 3
    view.select_ids([card_by_title(doc, "Beta 访谈")])
    actions.add_subcard.trigger()
    beta = doc.issue.cards[card_by_title(doc, "Beta 访谈")]
    assert len(beta.child_ids) == 1
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert (
        len(doc.issue.sections) == 2
        and not beta.child_ids
        or not doc.issue.cards[beta.id].child_ids
    )


def test_delete_duplicate_move(outline):
    doc, _model, view, actions = outline
    alpha = card_by_title(doc, "Alpha 发布")
    view.select_ids([alpha])
    actions.move_down.trigger()
    assert titles(doc, 0) == ["Beta 访谈", "Alpha 发布"]
    actions.move_up.trigger()
    assert titles(doc, 0) == ["Alpha 发布", "Beta 访谈"]
    actions.duplicate.trigger()
    assert titles(doc, 0) == ["Alpha 发布", "Alpha 发布", "Beta 访谈"]
    view.select_ids([alpha])
    actions.delete.trigger()
    assert titles(doc, 0) == ["Alpha 发布", "Beta 访谈"]
    assert alpha not in doc.issue.cards
    # The file is moved to the trash, not destroyed.
    assert (doc.folder / ".masthead" / "trash" / f"{alpha}.md").exists()
    for _ in range(4):
        doc.undo_stack.undo()
    assert titles(doc, 0) == ["Alpha 发布", "Beta 访谈"]
    assert alpha in doc.issue.cards and alpha in load_issue(doc.folder).cards


def test_indent_outdent(outline):
    doc, _model, view, actions = outline
    beta = card_by_title(doc, "Beta 访谈")
    alpha = card_by_title(doc, "Alpha 发布")
    view.select_ids([beta])
    actions.indent.trigger()
    assert doc.issue.cards[alpha].child_ids == [beta]
    assert load_issue(doc.folder).cards[alpha].child_ids == [beta]
    actions.outdent.trigger()
    assert doc.issue.sections[0].card_ids == [alpha, beta]
    doc.undo_stack.undo()
    assert doc.issue.cards[alpha].child_ids == [beta]
    doc.undo_stack.undo()
    assert doc.issue.cards[alpha].child_ids == []


def test_rename_in_place_is_undoable(outline, qtbot):
    doc, model, _view, _ = outline
    idx = model.index(0, 0, model.index(0, 0))
    assert model.setData(idx, "Alpha renamed", Qt.ItemDataRole.EditRole)
    assert doc.issue.cards[model.node_id(idx)].title == "Alpha renamed"
    section_idx = model.index(0, 0)
    model.setData(section_idx, "新闻", Qt.ItemDataRole.EditRole)
    assert doc.issue.sections[0].title == "新闻"
    qtbot.waitUntil(lambda: "Alpha renamed" in card_text(doc, model.node_id(idx)), timeout=3000)
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.issue.sections[0].title == "新闻与访谈"
    assert (
        doc.issue.cards[model.node_id(model.index(0, 0, model.index(0, 0)))].title == "Alpha 发布"
    )


def card_text(doc, card_id: str) -> str:
    return (doc.folder / "cards" / f"{card_id}.md").read_text("utf-8")


def test_drag_multiple_cards_to_other_section(outline, qtbot):
    doc, model, _view, _ = outline
    news = model.index(0, 0)
    tools = model.index(1, 0)
    dragged = [model.index(0, 0, news), model.index(1, 0, news)]
    mime = model.mimeData(dragged)
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, tools)
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, tools)
    qtbot.waitUntil(lambda: not doc.issue.sections[0].card_ids, timeout=2000)
    assert titles(doc, 1) == ["工具合集", "Alpha 发布", "Beta 访谈"]
    saved = load_issue(doc.folder)
    assert [saved.cards[c].title for c in saved.sections[1].card_ids] == titles(doc, 1)
    doc.undo_stack.undo()
    assert titles(doc, 0) == ["Alpha 发布", "Beta 访谈"]


def test_drop_into_own_subtree_is_refused(outline):
    doc, model, _view, _ = outline
    tools = model.index(1, 0)
    parent = model.index(0, 0, tools)
    child = model.index(0, 0, parent)
    mime = model.mimeData([parent])
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, child)
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, parent)
    assert not model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, child)
    # Cards cannot land at the top level, between sections.
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())


def test_drag_card_onto_card_makes_subcard(outline, qtbot):
    doc, model, _view, _ = outline
    news = model.index(0, 0)
    alpha, beta = model.index(0, 0, news), model.index(1, 0, news)
    alpha_id, beta_id = model.node_id(alpha), model.node_id(beta)
    model.dropMimeData(model.mimeData([beta]), Qt.DropAction.MoveAction, -1, 0, alpha)
    qtbot.waitUntil(lambda: doc.issue.cards[alpha_id].child_ids == [beta_id], timeout=2000)


def test_keyboard_only_add_and_indent(outline, qtbot):
    doc, _model, view, actions = outline
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    view.setFocus()
    view.select_ids([card_by_title(doc, "Beta 访谈")])
    alpha = card_by_title(doc, "Alpha 发布")
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert doc.issue.cards[alpha].child_ids == [card_by_title(doc, "Beta 访谈")]
    # Ctrl+Return adds a card after the current one, all from the keyboard.
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(doc.issue.cards[alpha].child_ids) == 2
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.issue.cards[alpha].child_ids == []


def test_first_sub_card_of_a_category_shows_the_heading(outline):
    doc, model, _view, _ = outline
    tools = model.index(1, 0)
    parent = model.index(0, 0, tools)
    first, second = (model.node_id(model.index(r, 0, parent)) for r in range(2))
    doc.issue.cards[first].group = "安全与合规"
    doc.issue.cards[second].group = "安全与合规"
    assert model.data(model.index(0, 0, parent)) == "安全与合规 · 1.1 Tool one"
    assert model.data(model.index(1, 0, parent)) == "1.2 Tool two"


def test_status_and_category_edits_repaint_the_outline(outline, qtbot):
    doc, model, _view, _ = outline
    alpha = card_by_title(doc, "Alpha 发布")
    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        doc.set_field(alpha, "status", type(doc.card(alpha).status)("ready"))
    from editor_app.gui.outline_model import StatusRole

    assert model.data(model.index_of(alpha), StatusRole) == "ready"


def test_delete_selects_the_neighbour_and_undo_selects_the_card_again(outline):
    doc, _model, view, actions = outline
    alpha, beta = doc.issue.sections[0].card_ids
    view.select_ids([alpha])
    actions.delete.trigger()
    assert view.current_id() == beta
    doc.undo_stack.undo()
    assert view.current_id() == alpha
