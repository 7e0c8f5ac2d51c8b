"""Typing into a very long body: the keystroke does no work that grows with the body."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from editor_app.core import outline, typography
from editor_app.core.model import Issue
from editor_app.core.storage import save_issue
from editor_app.gui.document import IssueDocument
from editor_app.gui.editor import CardEditor
from editor_app.gui.editor import card_editor as card_editor_module
from editor_app.gui.editor.markdown_edit import HIGHLIGHT_MAX_CHARS

BODY = (
    "## 小节 Part\n\n云原生 cloud native 段落，含 emoji 🎤 与链接 https://example.org/x\n\n" * 5_000
)


def _open(qtbot, tmp_path, body: str) -> tuple[CardEditor, IssueDocument, str]:
    issue = Issue(title="大卡片 Large")
    card = outline.add_card(issue, outline.add_section(issue, "新闻").id, "长 Long")
    card.body = body
    save_issue(issue, tmp_path / "large")
    doc = IssueDocument(tmp_path / "large", autosave_ms=60_000)
    editor = CardEditor(doc)
    qtbot.addWidget(editor)
    editor.show_card(card.id)
    return editor, doc, card.id


def _commit(editor: CardEditor, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(editor.body_edit, event)


def test_keystrokes_in_a_long_body_read_nothing_whole(qtbot, tmp_path, monkeypatch):
    assert len(BODY) > card_editor_module.LARGE_BODY_CHARS
    editor, doc, card_id = _open(qtbot, tmp_path, BODY)
    try:
        edit = editor.body_edit
        edit.moveCursor(QTextCursor.MoveOperation.End)
        _commit(editor, "先")  # the first keystroke starts following the text
        whole_reads: list[int] = []
        marks: list[int] = []
        real_plain = type(edit).toPlainText
        monkeypatch.setattr(
            type(edit), "toPlainText", lambda self: whole_reads.append(1) or real_plain(self)
        )
        real_marks = typography.line_marks
        monkeypatch.setattr(
            card_editor_module,
            "line_marks",
            lambda text, spans: marks.append(1) or real_marks(text, spans),
        )
        cursor = edit.textCursor()
        cursor.setPosition(len("## 小节"))
        edit.setTextCursor(cursor)
        for ch in "输入 typed 😀":
            _commit(editor, ch)
        # No keystroke read the body back whole, nor ran the checks or their marks.
        assert whole_reads == [] and marks == []
        assert doc._check_timer.isActive()
        body = doc.card(card_id).body
        assert body.startswith("## 小节输入 typed 😀 Part")
        assert body.endswith("example.org/x先")
        edit.undo()  # the editor's own undo: the document follows it too
        assert doc.card(card_id).body == real_plain(edit)
    finally:
        doc.close()


def test_a_long_body_opens_without_syntax_highlighting(qtbot, tmp_path):
    editor, doc, _card_id = _open(qtbot, tmp_path, "x\n" * (HIGHLIGHT_MAX_CHARS // 2 + 1))
    try:
        assert editor.body_edit.document().highlighter is None
        assert editor.body_edit.new_document("short").highlighter is not None
    finally:
        doc.close()
