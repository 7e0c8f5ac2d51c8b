"""The body mirror answers what toPlainText() would, after any sequence of edits."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout

from editor_app.gui.editor.body_mirror import BodyMirror
from editor_app.gui.editor.highlighter import MarkdownHighlighter
from editor_app.gui.editor.search import Utf16Map

PIECES = ["a", "字", "😀", "\n", " ", "\u00a0", "**b**", "# 标题\n", "👩‍💻", "`x`", "\n\n- 项"]
texts = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)

# (kind, where from 0 to 1, length from 0 to 1, text)
edits = st.lists(
    st.tuples(
        st.sampled_from(["insert", "remove", "replace", "undo", "redo", "all", "block"]),
        st.floats(0, 1),
        st.floats(0, 1),
        texts,
    ),
    max_size=12,
)


def make_document(text: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setDocumentLayout(QPlainTextDocumentLayout(doc))
    doc.setPlainText(text)
    return doc


def apply(doc: QTextDocument, kind: str, where: float, length: float, text: str) -> None:
    """One edit at a place picked in Python indexes (a cursor never splits an emoji)."""
    plain = doc.toPlainText()
    umap = Utf16Map(plain)
    end = len(plain)
    cursor = QTextCursor(doc)
    start = int(where * end)
    cursor.setPosition(umap.to_qt(start))
    if kind == "undo":
        doc.undo()
    elif kind == "redo":
        doc.redo()
    elif kind == "all":
        doc.setPlainText(text)
    elif kind == "block":
        # Several changes as one undo step: Qt reports their sum once.
        cursor.beginEditBlock()
        cursor.insertText(text)
        cursor.setPosition(0)
        cursor.insertText(text[:2])
        cursor.endEditBlock()
    else:
        stop = min(end, start + int(length * (end - start)))
        cursor.setPosition(umap.to_qt(stop), QTextCursor.MoveMode.KeepAnchor)
        if kind == "remove":
            cursor.removeSelectedText()
        else:
            cursor.insertText(text if kind == "replace" else text + cursor.selectedText())


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(start=texts, steps=edits, highlighted=st.booleans())
def test_the_mirror_follows_every_edit(qapp, start, steps, highlighted):
    doc = make_document(start)
    highlighter = MarkdownHighlighter(doc) if highlighted else None
    mirror = BodyMirror(doc)
    for step in steps:
        apply(doc, *step)
        assert mirror.text == doc.toPlainText()
    assert mirror.resyncs == 0, "every change was followed without reading the whole text"
    assert not mirror.resync()
    del highlighter


def test_a_typed_character_costs_no_full_read(qapp):
    doc = make_document("正文 😀 text\n" * 1000)
    mirror = BodyMirror(doc)
    calls = []
    original = doc.toPlainText

    def counting() -> str:
        calls.append(1)
        return original()

    doc.toPlainText = counting  # what the mirror would call to read everything
    cursor = QTextCursor(doc)
    cursor.setPosition(doc.characterCount() // 2)
    for ch in "新的文字 new":
        cursor.insertText(ch)
    assert calls == []
    assert mirror.text == original()
