"""Outline rows: rename only on F2 or double-click; long titles elided with a tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from editor_app.core.outline import add_card
from editor_app.gui.document import IssueDocument
from editor_app.gui.outline_model import OutlineModel
from editor_app.gui.outline_view import OutlineView


def _view(qtbot, issue_folder):  # noqa: ANN001, ANN202
    doc = IssueDocument(issue_folder)
    model = OutlineModel(doc)
    view = OutlineView(model)
    qtbot.addWidget(view)
    view.resize(260, 400)
    view.show()
    qtbot.waitExposed(view)
    return doc, model, view


def test_click_on_selected_row_does_not_rename(qtbot, issue_folder):
    doc, model, view = _view(qtbot, issue_folder)
    card = doc.issue.sections[0].card_ids[0]
    view.select_ids([card])
    rect = view.visualRect(model.index_of(card))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.wait(50)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.wait(QApplication.styleHints().mouseDoubleClickInterval() + 50)
    assert view.state() != QAbstractItemView.State.EditingState
    triggers = view.editTriggers()
    assert not triggers & QAbstractItemView.EditTrigger.SelectedClicked
    assert triggers & QAbstractItemView.EditTrigger.DoubleClicked
    qtbot.keyClick(view, Qt.Key.Key_F2)
    assert view.state() == QAbstractItemView.State.EditingState
    doc.close()


def test_long_chinese_title_is_elided_with_full_tooltip(qtbot, issue_folder):
    doc, model, view = _view(qtbot, issue_folder)
    title = "云原生社区年度回顾：从服务网格到平台工程的十个关键变化与未来三年的技术路线展望"
    section = doc.issue.sections[0]
    card = doc.edit_outline("Add", lambda i: add_card(i, section.id, title), lambda c: [c.id])
    index = model.index_of(card.id)
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert title in tip
    # The status icon's meaning, in words.
    assert "Status: Draft" in tip.splitlines()
    section_tip = model.data(model.index_of(section.id), Qt.ItemDataRole.ToolTipRole)
    assert section.title in section_tip
    assert view.textElideMode() == Qt.TextElideMode.ElideRight
    # The column follows the view's width: no horizontal scrolling past a long title.
    assert view.columnWidth(0) <= view.viewport().width()
    assert view.horizontalScrollBar().maximum() == 0
    doc.close()
