"""The card editor: fields, Markdown body, formatting, paste, IME, find and replace."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QGuiApplication,
    QInputMethodEvent,
    QKeyEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication

from editor_app.core import outline
from editor_app.core.model import FurtherReading, Issue, Link, Source, Status
from editor_app.core.storage import read_card, save_issue
from editor_app.core.text_stats import TextStats
from editor_app.gui.document import IssueDocument
from editor_app.gui.editor import CardEditor, MarkdownEdit
from editor_app.gui.editor import formatting as fmt
from editor_app.gui.editor.find_replace import SCOPE_ISSUE
from editor_app.gui.editor.search import SearchOptions, Utf16Map, compile_search, find_all

PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a2d4a0f20000000049454e44ae426082"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    issue = Issue(title="第 1 期")
    news = outline.add_section(issue, "新闻")
    first = outline.add_card(issue, news.id, "Kubernetes 1.33 发布")
    first.body = "# 概览\n\nKubernetes 发布了新版本。\n\nSee the release notes."
    first.source = Source("Kubernetes v1.33", "https://kubernetes.io/blog/v133")
    second = outline.add_card(issue, news.id, "Release roundup")
    second.body = "Another release of the runtime.\n\n- item one"
    sub = outline.add_card(issue, second.id, "子项目")
    sub.group = "安全与合规"
    sub.body = "release 说明"
    save_issue(issue, tmp_path / "issue-1")
    return tmp_path / "issue-1"


@pytest.fixture
def document(folder: Path):
    doc = IssueDocument(folder, autosave_ms=100000)
    yield doc
    doc.close()


def _ids(document: IssueDocument) -> list[str]:
    return [card.id for card in document.issue.ordered_cards()]


@pytest.fixture
def editor(qtbot, document: IssueDocument) -> CardEditor:
    widget = CardEditor(document)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    widget.show_card(_ids(document)[0])
    widget.focus_body()
    return widget


def _set_body(edit: MarkdownEdit, text: str, start: int, end: int | None = None) -> None:
    edit.selectAll()
    edit.insertPlainText(text)
    cursor = edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start if end is None else end, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)


def _type(widget, text: str) -> None:
    """Type text key by key; QTest.keyClicks only handles ASCII."""
    for char in text:
        QCoreApplication.sendEvent(
            widget, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char)
        )


def _body(editor: CardEditor) -> str:
    return editor.document.card(editor.current_card_id).body


# -- body and fields ---------------------------------------------------------------------------
def test_typing_in_the_body_reaches_the_document(qtbot, editor):
    edit = editor.body_edit
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(edit, " Done")
    assert _body(editor).endswith("See the release notes. Done")
    assert editor.document.dirty
    editor.document.save()
    assert read_card(editor.document.folder, editor.current_card_id).body.endswith("notes. Done")


def test_title_edit_is_undoable(qtbot, editor, document):
    card_id = editor.current_card_id
    editor.title_edit.setFocus()
    editor.title_edit.end(False)
    _type(editor.title_edit, " 正式版")
    assert document.card(card_id).title == "Kubernetes 1.33 发布 正式版"
    # Consecutive keystrokes in the title merge into one undo step.
    document.undo_stack.undo()
    assert document.card(card_id).title == "Kubernetes 1.33 发布"
    assert editor.title_edit.text() == "Kubernetes 1.33 发布"
    document.undo_stack.redo()
    assert editor.title_edit.text() == "Kubernetes 1.33 发布 正式版"


def test_title_then_enter_moves_to_the_body(qtbot, editor, document):
    editor.focus_title()
    assert editor.title_edit.hasFocus() and editor.title_edit.hasSelectedText()
    qtbot.keyClicks(editor.title_edit, "New title")
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Return)
    assert editor.body_edit.hasFocus()
    assert document.card(editor.current_card_id).title == "New title"


def test_ctrl_z_in_a_field_is_the_document_undo(qtbot, editor, document):
    card_id = editor.current_card_id
    editor.set_details_expanded(True)
    editor.tags_edit.setFocus()
    qtbot.keyClicks(editor.tags_edit, "alpha")
    editor.title_edit.setFocus()  # the tags are sent when the field is left
    assert document.card(card_id).tags == ["alpha"]
    editor.source_url_edit.setFocus()
    editor.source_url_edit.selectAll()
    qtbot.keyClicks(editor.source_url_edit, "https://example.com/new")
    # Ctrl+Z first sends the pending URL, then undoes it: the field shows the old value.
    qtbot.keyClick(editor.source_url_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert document.card(card_id).source.url == "https://kubernetes.io/blog/v133"
    assert editor.source_url_edit.text() == "https://kubernetes.io/blog/v133"
    qtbot.keyClick(editor.source_url_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert document.card(card_id).tags == []
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(editor.source_url_edit, Qt.Key.Key_Z, ctrl_shift)
    assert document.card(card_id).tags == ["alpha"]
    assert editor.tags_edit.text() == "alpha"


def test_outline_changes_refresh_the_editor(editor, document):
    first, second, _ = _ids(document)
    editor.set_details_expanded(True)
    editor.show_card(second)
    assert editor.group_edit.isHidden()
    document.edit_outline(
        "Indent", lambda issue: outline.indent_card(issue, second), lambda _: [second]
    )
    assert not editor.group_edit.isHidden()  # now a sub-card of the first card
    editor.body_edit.moveCursor(QTextCursor.MoveOperation.End)
    document.undo_stack.undo()
    assert editor.group_edit.isHidden()
    assert editor.current_card_id == second
    assert editor.body_edit.toPlainText() == document.card(second).body


def test_typed_fields_go_through_the_undo_stack(qtbot, editor, document):
    card_id = editor.current_card_id
    editor.set_details_expanded(True)
    editor.source_url_edit.setText("https://kubernetes.io/blog/2025/v1-33")
    editor.source_url_edit.editingFinished.emit()
    assert document.card(card_id).source == Source(
        "Kubernetes v1.33", "https://kubernetes.io/blog/2025/v1-33"
    )
    editor.tags_edit.setText("k8s，release, k8s")
    editor.tags_edit.editingFinished.emit()
    assert document.card(card_id).tags == ["k8s", "release"]
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData("release"))
    editor.kind_combo.activated.emit(editor.kind_combo.currentIndex())
    editor.status_combo.setCurrentIndex(editor.status_combo.findData("ready"))
    editor.status_combo.activated.emit(editor.status_combo.currentIndex())
    assert document.card(card_id).kind == "release"
    assert document.card(card_id).status == Status.READY

    editor.links_table.add_row()
    table = editor.links_table.table
    table.item(0, 0).setText("GitHub")
    assert document.card(card_id).links == [Link("GitHub", "")]
    table.item(0, 1).setText("https://github.com/kubernetes/kubernetes")
    assert document.card(card_id).links == [
        Link("GitHub", "https://github.com/kubernetes/kubernetes")
    ]
    editor.further_table.add_row()
    editor.further_table.table.item(0, 0).setText("深入解读")
    editor.further_table.table.item(0, 1).setText("https://example.com/deep")
    editor.further_table.table.item(0, 2).setText("一句话总结")
    assert document.card(card_id).further_reading == [
        FurtherReading("深入解读", "https://example.com/deep", "一句话总结")
    ]
    editor.note_edit.setPlainText("值得升级")
    assert document.card(card_id).note == "值得升级"

    # Undo walks back through every field, and the widgets follow.
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    card = document.card(card_id)
    assert card.links == [] and card.further_reading == [] and card.note == ""
    assert card.tags == [] and card.kind == "article" and card.status == Status.DRAFT
    assert card.source.url == "https://kubernetes.io/blog/v133"
    assert editor.links_table.table.rowCount() == 0
    assert editor.tags_edit.text() == "" and editor.note_edit.toPlainText() == ""
    assert editor.source_url_edit.text() == "https://kubernetes.io/blog/v133"
    assert editor.kind_combo.currentData() == "article"


def test_group_field_shows_for_sub_cards(editor, document):
    first, second, sub = _ids(document)
    editor.set_details_expanded(True)
    assert editor.group_edit.isHidden()
    editor.show_card(sub)
    assert not editor.group_edit.isHidden()
    assert editor.group_edit.text() == "安全与合规"
    editor.group_edit.setText("调度与编排")
    editor.group_edit.editingFinished.emit()
    assert document.card(sub).group == "调度与编排"


def test_pending_field_edit_is_committed_when_switching_cards(editor, document):
    first, second, _ = _ids(document)
    editor.set_details_expanded(True)
    editor.tags_edit.setText("pending")
    editor.show_card(second)
    assert document.card(first).tags == ["pending"]
    assert document.card(second).tags == []
    assert editor.tags_edit.text() == ""


def test_body_undo_history_is_kept_per_card(qtbot, editor, document):
    first, second, _ = _ids(document)
    editor.body_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.body_edit, "XYZ")
    editor.show_card(second)
    assert editor.body_edit.toPlainText() == document.card(second).body
    editor.show_card(first)
    assert editor.body_edit.textCursor().position() == len(editor.body_edit.toPlainText())
    editor.body_edit.undo()
    assert not document.card(first).body.endswith("XYZ")


def test_outside_body_change_keeps_the_cursor(editor, document):
    card_id = editor.current_card_id
    cursor = editor.body_edit.textCursor()
    cursor.setPosition(3)
    editor.body_edit.setTextCursor(cursor)
    new_body = _body(editor).replace("release notes", "changelog")
    document.replace_card_body(card_id, new_body, "Edit link")
    assert editor.body_edit.toPlainText() == new_body
    assert editor.body_edit.textCursor().position() == 3
    document.undo_stack.undo()
    assert editor.body_edit.toPlainText().endswith("See the release notes.")


def test_counts_follow_the_current_card(editor, document):
    seen = []
    editor.countsChanged.connect(seen.append)
    editor.body_edit.moveCursor(QTextCursor.MoveOperation.End)
    _type(editor.body_edit, " 好")
    assert isinstance(seen[-1], TextStats)
    # Title: Kubernetes, 1.33 + 发布; body: 概览, Kubernetes 发布了新版本, See the release notes, 好
    assert seen[-1] == TextStats(han=2 + 2 + 6 + 1, latin=2 + 1 + 4)
    editor.show_card(_ids(document)[2])
    assert seen[-1] == TextStats(han=3 + 2, latin=1)


def test_read_only_document_disables_editing(qtbot, folder):
    doc = IssueDocument(folder, autosave_ms=100000)
    doc.read_only = True
    try:
        widget = CardEditor(doc)
        qtbot.addWidget(widget)
        widget.show_card(_ids(doc)[0])
        assert widget.body_edit.isReadOnly() and widget.title_edit.isReadOnly()
        assert not widget.kind_combo.isEnabled()
        assert not widget.body_edit.actions_by_name["bold"].isEnabled()
        assert not widget.notice.isHidden()
        qtbot.keyClicks(widget.body_edit, "typed")
        assert "typed" not in doc.card(widget.current_card_id).body
    finally:
        doc.close()


def test_show_none_and_deleted_card(editor, document):
    editor.show_card(None)
    assert editor.current_card_id is None and not editor.body_edit.isEnabled()
    second = _ids(document)[1]
    editor.show_card(second)
    document.edit_outline("Delete", lambda issue: outline.remove_card(issue, second), lambda _: [])
    assert editor.current_card_id is None


# -- formatting ---------------------------------------------------------------------------------
def test_bold_and_italic_shortcuts_toggle(qtbot, editor):
    edit = editor.body_edit
    _set_body(edit, "make this bold", 10, 14)
    qtbot.keyClick(edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert edit.toPlainText() == "make this **bold**"
    assert edit.textCursor().selectedText() == "bold"
    qtbot.keyClick(edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert edit.toPlainText() == "make this bold"
    qtbot.keyClick(edit, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert edit.toPlainText() == "make this *bold*"
    qtbot.keyClick(edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert edit.toPlainText() == "make this ***bold***"
    qtbot.keyClick(edit, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert edit.toPlainText() == "make this **bold**"
    assert _body(editor) == "make this **bold**"
    # A selection that includes the markers also toggles off; one undo step per action.
    _set_body(edit, "中文 **加粗** 文本", 3, 9)
    qtbot.keyClick(edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert edit.toPlainText() == "中文 加粗 文本"
    edit.undo()
    assert edit.toPlainText() == "中文 **加粗** 文本"


def test_bold_without_selection(qtbot, editor):
    edit = editor.body_edit
    _set_body(edit, "word here", 2)
    qtbot.keyClick(edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert edit.toPlainText() == "**word** here"
    qtbot.keyClick(edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert edit.toPlainText() == "word here"
    _set_body(edit, "中文", 2)
    qtbot.keyClick(edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert edit.toPlainText() == "中文****"
    _type(edit, "重点")
    assert edit.toPlainText() == "中文**重点**"


def test_heading_list_quote_and_code_shortcuts(qtbot, editor):
    edit = editor.body_edit
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    _set_body(edit, "标题", 1)
    qtbot.keyClick(edit, Qt.Key.Key_2, ctrl)
    assert edit.toPlainText() == "## 标题"
    qtbot.keyClick(edit, Qt.Key.Key_3, ctrl)
    assert edit.toPlainText() == "### 标题"
    qtbot.keyClick(edit, Qt.Key.Key_3, ctrl)
    assert edit.toPlainText() == "标题"

    _set_body(edit, "one\ntwo\n\nthree", 0, 14)
    qtbot.keyClick(edit, Qt.Key.Key_8, ctrl | shift)
    assert edit.toPlainText() == "- one\n- two\n\n- three"
    qtbot.keyClick(edit, Qt.Key.Key_7, ctrl | shift)
    assert edit.toPlainText() == "1. one\n2. two\n\n3. three"
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_7, ctrl | shift)
    assert edit.toPlainText() == "one\ntwo\n\nthree"

    _set_body(edit, "引用一\n引用二", 0, 7)
    qtbot.keyClick(edit, Qt.Key.Key_Period, ctrl | shift)
    assert edit.toPlainText() == "> 引用一\n> 引用二"
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Period, ctrl | shift)
    assert edit.toPlainText() == "引用一\n引用二"

    _set_body(edit, "run kubectl now", 4, 11)
    qtbot.keyClick(edit, Qt.Key.Key_C, ctrl | shift)
    assert edit.toPlainText() == "run `kubectl` now"
    qtbot.keyClick(edit, Qt.Key.Key_C, ctrl | shift)
    assert edit.toPlainText() == "run kubectl now"
    _set_body(edit, "a: 1\nb: 2", 0, 9)
    qtbot.keyClick(edit, Qt.Key.Key_C, ctrl | shift)
    assert edit.toPlainText() == "```\na: 1\nb: 2\n```"
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_C, ctrl | shift)
    assert edit.toPlainText() == "a: 1\nb: 2"


def test_link_and_image_shortcuts(qtbot, editor):
    edit = editor.body_edit
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    QGuiApplication.clipboard().setText("not a url")
    _set_body(edit, "see 官网 now", 4, 6)
    qtbot.keyClick(edit, Qt.Key.Key_K, ctrl)
    assert edit.toPlainText() == "see [官网]() now"
    assert edit.textCursor().position() == len("see [官网](")
    qtbot.keyClicks(edit, "https://example.com")
    assert _body(editor) == "see [官网](https://example.com) now"
    # Ctrl+K on a link takes the link away again.
    qtbot.keyClick(edit, Qt.Key.Key_K, ctrl)
    assert edit.toPlainText() == "see 官网 now"
    # A URL on the clipboard becomes the link target.
    QGuiApplication.clipboard().setText("https://example.org/x")
    _set_body(edit, "see 官网 now", 4, 6)
    qtbot.keyClick(edit, Qt.Key.Key_K, ctrl)
    assert edit.toPlainText() == "see [官网](https://example.org/x) now"

    _set_body(edit, "架构图", 0, 3)
    qtbot.keyClick(edit, Qt.Key.Key_I, ctrl | shift)
    assert edit.toPlainText() == "![架构图]()"
    assert edit.textCursor().position() == len("![架构图](")


def test_paste_url_over_selection_makes_a_link(editor):
    edit = editor.body_edit
    _set_body(edit, "read the 发布说明 today", 9, 13)
    QGuiApplication.clipboard().setText("https://example.com/notes")
    edit.paste()
    assert edit.toPlainText() == "read the [发布说明](https://example.com/notes) today"
    assert _body(editor) == edit.toPlainText()
    # Without a selection, or pasting plain text, paste is plain.
    _set_body(edit, "x ", 2)
    edit.paste()
    assert edit.toPlainText() == "x https://example.com/notes"
    _set_body(edit, "abc", 0, 3)
    QGuiApplication.clipboard().setText("plain words")
    edit.paste()
    assert edit.toPlainText() == "plain words"


def test_enter_continues_and_ends_lists(qtbot, editor):
    edit = editor.body_edit
    _set_body(edit, "", 0)
    qtbot.keyClicks(edit, "- one")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "two")
    assert edit.toPlainText() == "- one\n- two"
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # on the empty item: the list ends
    assert edit.toPlainText() == "- one\n- two\n"
    _type(edit, "1. 第一")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    _type(edit, "第二")
    assert edit.toPlainText().endswith("\n1. 第一\n2. 第二")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)  # nest the item
    assert edit.toPlainText().endswith("\n1. 第一\n  2. 第二")
    # Shift+Enter: a continuation line inside the item, not a new item.
    _set_body(edit, "- item", 6)
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(edit, "more")
    assert edit.toPlainText() == "- item\n  more"
    assert _body(editor) == "- item\n  more"
    _set_body(edit, "- [x] done", 10)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.toPlainText() == "- [x] done\n- [ ] "
    # Inside a fenced code block, Enter is a plain line break.
    _set_body(edit, "```\n- code", 10)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.toPlainText() == "```\n- code\n"


def test_highlighter_formats_markdown(editor):
    edit = editor.body_edit
    _set_body(
        edit, "# 概览 Title\n\nSome **bold** and [link](https://x.y)\n```\n# not heading\n```", 0
    )
    doc = edit.document()

    def format_at(line: int, column: int) -> QTextCharFormat:
        ranges = doc.findBlockByNumber(line).layout().formats()
        for item in ranges:
            if item.start <= column < item.start + item.length:
                return QTextCharFormat(item.format)
        return QTextCharFormat()

    assert doc.findBlockByNumber(0).layout().formats(), "the heading line has formats"
    assert format_at(0, 4).fontWeight() == QFont.Weight.Bold
    assert format_at(0, 0).foreground().color() != format_at(0, 4).foreground().color()
    assert format_at(2, 7).fontWeight() == QFont.Weight.Bold  # inside **bold**
    assert format_at(2, 0).fontWeight() != QFont.Weight.Bold
    assert format_at(2, 19).fontUnderline()  # the link text
    assert not format_at(2, 26).fontUnderline()  # its URL
    code = format_at(4, 2)
    assert code.fontWeight() != QFont.Weight.Bold  # a # inside a fence is no heading
    assert code.background().style() != Qt.BrushStyle.NoBrush
    assert doc.findBlockByNumber(4).userState() >= 1000
    assert doc.findBlockByNumber(5).userState() == -1


def test_editor_font_has_cjk_fallbacks(editor):
    families = editor.body_edit.font().families()
    assert "Noto Sans CJK SC" in families and "Microsoft YaHei" in families
    assert families.index("DejaVu Sans") < families.index("Noto Sans CJK SC")
    assert editor.body_edit.lineWrapMode() == editor.body_edit.LineWrapMode.WidgetWidth


# -- input methods --------------------------------------------------------------------------------
def test_input_method_preedit_and_commit(qtbot, editor):
    edit = editor.body_edit
    _set_body(edit, "第一行\n第二行", 0)
    before = edit.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
    edit.moveCursor(QTextCursor.MoveOperation.End)
    at_end = edit.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
    assert at_end.top() > before.top()  # the candidate window follows the cursor down
    assert at_end.left() > before.left()

    underline = QTextCharFormat()
    underline.setFontUnderline(True)
    attrs = [
        QInputMethodEvent.Attribute(QInputMethodEvent.AttributeType.TextFormat, 0, 5, underline),
        QInputMethodEvent.Attribute(QInputMethodEvent.AttributeType.Cursor, 5, 1),
    ]
    QCoreApplication.sendEvent(edit, QInputMethodEvent("zhong", attrs))
    layout = edit.textCursor().block().layout()
    assert layout.preeditAreaText() == "zhong"  # shown in the text while composing …
    assert edit.toPlainText() == "第一行\n第二行"  # … but not part of it yet
    assert _body(editor) == "第一行\n第二行"
    composing = edit.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
    # The candidate window is placed after the composed text, not over it.
    assert composing.left() > at_end.left()
    assert composing.top() == at_end.top()

    commit = QInputMethodEvent("", [])
    commit.setCommitString("中文")
    QCoreApplication.sendEvent(edit, commit)
    assert layout.preeditAreaText() == ""
    assert edit.toPlainText() == "第一行\n第二行中文"
    assert _body(editor) == "第一行\n第二行中文"
    assert edit.textCursor().position() == len("第一行\n第二行中文")
    assert edit.inputMethodQuery(Qt.InputMethodQuery.ImEnabled)


# -- images -------------------------------------------------------------------------------------
def test_image_paste_and_drop_call_the_importer(qtbot, editor, tmp_path):
    calls = []

    def importer(source, name):
        calls.append((source, name))
        return "" if name == "cancel.png" else f"![图]({name})"

    edit = editor.body_edit
    editor.set_image_importer(importer)
    _set_body(edit, "前 后", 2)
    mime = QMimeData()
    mime.setData("image/png", PNG_1PX)
    assert edit.canInsertFromMimeData(mime)
    QGuiApplication.clipboard().setMimeData(mime)
    edit.paste()
    # The clipboard owns the mime data now; clear it before Python frees its wrapper.
    QGuiApplication.clipboard().clear()
    assert calls == [(PNG_1PX, "pasted-image.png")]
    # An image becomes its own paragraph, so it never joins the text around it.
    assert edit.toPlainText() == "前 \n\n![图](pasted-image.png)\n\n后"
    assert _body(editor) == edit.toPlainText()

    picture = tmp_path / "diagram.png"
    picture.write_bytes(PNG_1PX)
    cancelled = tmp_path / "cancel.png"
    cancelled.write_bytes(PNG_1PX)
    _set_body(edit, "", 0)
    drop = QMimeData()
    drop.setUrls([QUrl.fromLocalFile(str(picture)), QUrl.fromLocalFile(str(cancelled))])
    args = (
        Qt.DropAction.CopyAction,
        drop,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(QPoint(5, 5), *args)
    QCoreApplication.sendEvent(edit.viewport(), enter)
    assert enter.isAccepted()
    QCoreApplication.sendEvent(edit.viewport(), QDragMoveEvent(QPoint(5, 5), *args))
    QCoreApplication.sendEvent(edit.viewport(), QDropEvent(QPointF(5, 5), *args))
    assert calls[1:] == [(picture, "diagram.png"), (cancelled, "cancel.png")]
    assert edit.toPlainText() == "![图](diagram.png)"


def test_image_importer_errors_are_reported(qtbot, editor):
    from editor_app.core.errors import ImageError

    def importer(source, name):
        raise ImageError("not an image", name)

    editor.set_image_importer(importer)
    mime = QMimeData()
    mime.setData("image/png", b"garbage")
    with qtbot.waitSignal(editor.body_edit.imageImportFailed) as blocker:
        editor.body_edit.insertFromMimeData(mime)
    assert "not an image" in blocker.args[0]


# -- find and replace -------------------------------------------------------------------------------
def test_find_and_replace_in_the_card(qtbot, editor):
    edit = editor.body_edit
    _set_body(edit, "Release one. release two 😀 release three.", 0)
    qtbot.keyClick(edit, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = editor.find_bar
    assert bar.isVisible() and bar.find_edit.hasFocus()
    qtbot.keyClicks(bar.find_edit, "release")
    assert edit.textCursor().selectedText() == "Release"
    assert bar.status_label.text() == "1 of 3"
    assert len(edit.extraSelections()) == 3  # every match is highlighted
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_F3)
    assert edit.textCursor().selectionStart() == len("Release one. ")
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_F3)
    # Qt positions count the emoji as two units.
    assert edit.textCursor().selectionStart() == len("Release one. release two 😀 ") + 1
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bar.status_label.text() == "2 of 3"
    bar.case_button.setChecked(True)
    assert bar.status_label.text().endswith("of 2")

    qtbot.keyClick(edit, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert bar.replace_edit.isVisible()
    bar.replace_edit.setText("版本")
    bar.case_button.setChecked(False)
    count = bar.replace_all()
    assert count == 3
    assert edit.toPlainText() == "版本 one. 版本 two 😀 版本 three."
    assert _body(editor) == edit.toPlainText()
    edit.undo()  # one editor undo step
    assert edit.toPlainText() == "Release one. release two 😀 release three."

    # Replace one: the selected match is replaced and the next one selected.
    bar.find_edit.setText("release")
    edit.moveCursor(QTextCursor.MoveOperation.Start)
    bar.find_next()
    bar.replace_current()
    assert edit.toPlainText() == "版本 one. release two 😀 release three."
    assert edit.textCursor().selectedText() == "release"
    assert bar.status_label.text() == "1 of 2"
    edit.undo()

    bar.regex_button.setChecked(True)
    bar.find_edit.setText(r"(\w+)e (t\w+)")
    bar.replace_edit.setText(r"\2-\1")
    bar.replace_all()
    assert edit.toPlainText() == "Release one. two-releas 😀 three-releas."
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert not bar.isVisible() and edit.hasFocus()
    assert edit.extraSelections() == []


def test_whole_word_and_bad_regex(editor):
    bar = editor.find_bar
    _set_body(editor.body_edit, "cat concat cat_x 猫cat", 0)
    bar.open()
    bar.word_button.setChecked(True)
    bar.find_edit.setText("cat")
    assert bar.status_label.text().endswith("of 2")  # "cat" and "猫cat"
    bar.regex_button.setChecked(True)
    bar.find_edit.setText("(")
    assert bar.status_label.text().startswith("Invalid pattern")


def test_find_and_replace_across_the_issue(qtbot, editor, document):
    first, second, sub = _ids(document)
    bar = editor.find_bar
    bar.open(replace=True, scope=SCOPE_ISSUE)
    bar.find_edit.setText("release")
    assert bar.results.isVisible()
    # first: body "release notes"; second: title + body; sub: body.
    assert bar.results_count() == 4
    assert bar.status_label.text() == "4 matches in 3 cards"

    with qtbot.waitSignal(editor.jumpRequested) as blocker:
        item = bar.results.item(2)  # the body match in the second card
        bar.results.itemClicked.emit(item)
    assert blocker.args == [second, len("Another ")]
    assert editor.current_card_id == second
    assert editor.body_edit.textCursor().selectedText() == "release"

    with qtbot.waitSignal(editor.jumpRequested) as blocker:
        bar.results.itemClicked.emit(bar.results.item(1))
    assert blocker.args == [second, -1]  # a title match
    assert editor.title_edit.selectedText() == "Release"

    bar.find_next()  # F3 walks through the results across cards
    assert bar.results.currentRow() == 2
    bar.find_previous()
    assert editor.title_edit.selectedText() == "Release"

    bar.replace_edit.setText("版本")
    depth = document.undo_stack.count()
    assert bar.replace_all() == 4
    assert document.undo_stack.count() == depth + 1  # one macro
    assert document.card(first).body.endswith("See the 版本 notes.")
    assert document.card(second).title == "版本 roundup"
    assert document.card(second).body.startswith("Another 版本 of")
    assert document.card(sub).body == "版本 说明"
    assert editor.body_edit.toPlainText() == document.card(second).body
    assert bar.results_count() == 0

    document.undo_stack.undo()
    assert document.card(first).body.endswith("See the release notes.")
    assert document.card(second).title == "Release roundup"
    assert document.card(sub).body == "release 说明"
    assert editor.body_edit.toPlainText() == document.card(second).body
    assert editor.title_edit.text() == "Release roundup"


# -- pure helpers ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "s", "e", "marker", "expected"),
    [
        ("a b", 0, 1, "**", ("**a** b", 2, 3)),
        ("**a** b", 2, 3, "**", ("a b", 0, 1)),
        ("**a** b", 0, 5, "**", ("a b", 0, 1)),
        ("**a** and **b**", 0, 15, "**", ("****a** and **b****", 2, 17)),
        ("*a*", 1, 2, "*", ("a", 0, 1)),
        ("**a**", 2, 3, "*", ("***a***", 3, 4)),
        ("x\ny", 0, 3, "~~", ("~~x~~\n~~y~~", 2, 9)),
        ("`a`", 1, 2, "`", ("a", 0, 1)),
    ],
)
def test_toggle_inline(text, s, e, marker, expected):
    assert fmt.toggle_inline(text, s, e, marker) == expected


def test_enter_in_list_rules():
    assert fmt.enter_in_list("- a", 3) == ("- a\n- ", 6)
    assert fmt.enter_in_list("  * a", 5) == ("  * a\n  * ", 10)
    assert fmt.enter_in_list("9) a", 4) == ("9) a\n10) ", 9)
    assert fmt.enter_in_list("- ab", 3) == ("- a\n- b", 6)
    assert fmt.enter_in_list("- ", 2) == ("", 0)
    assert fmt.enter_in_list("> quote", 7) == ("> quote\n> ", 10)
    assert fmt.enter_in_list("> - a", 5) == ("> - a\n> - ", 10)
    assert fmt.enter_in_list("> ", 2) == ("", 0)
    assert fmt.enter_in_list("plain", 5) is None
    assert fmt.enter_in_list("- a", 0) is None
    assert fmt.continuation_prefix("  10. a") == "      "
    assert fmt.continuation_prefix("> - a") == ">   "
    assert fmt.continuation_prefix("plain") == ""


def test_search_helpers():
    pattern = compile_search(SearchOptions("Cat", case_sensitive=False, whole_word=True))
    assert find_all(pattern, "cat concat CAT 猫cat") == [(0, 3), (11, 14), (16, 19)]
    assert compile_search(SearchOptions("")) is None
    umap = Utf16Map("a😀b")
    assert [umap.to_qt(i) for i in range(4)] == [0, 1, 3, 4]
    assert [umap.from_qt(p) for p in (0, 1, 3, 4)] == [0, 1, 2, 3]


def test_inserted_image_after_a_quote_is_its_own_paragraph(qtbot, editor):
    edit = editor.body_edit
    _set_body(edit, "> a quote\n", len("> a quote\n"))
    edit.insert_block("![chart](assets/c.png)")
    assert edit.toPlainText() == "> a quote\n\n![chart](assets/c.png)"
