"""The card editor's word counts: at once for ordinary cards, after a pause and off the UI
thread for very long bodies."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtGui import QTextCursor

from editor_app.core import outline, text_stats
from editor_app.core.model import Issue
from editor_app.core.storage import save_issue
from editor_app.gui.document import IssueDocument
from editor_app.gui.editor import CardEditor
from editor_app.gui.editor import card_editor as card_editor_module


def _editor(qtbot, tmp_path, body: str) -> tuple[CardEditor, IssueDocument, str]:
    issue = Issue(title="计数 Counts")
    section = outline.add_section(issue, "新闻")
    card = outline.add_card(issue, section.id, "长卡片 Long")
    card.body = body
    save_issue(issue, tmp_path / "counts")
    doc = IssueDocument(tmp_path / "counts", autosave_ms=60_000)
    editor = CardEditor(doc)
    qtbot.addWidget(editor)
    editor.show_card(card.id)
    return editor, doc, card.id


def _type(editor: CardEditor, text: str) -> None:
    editor.body_edit.moveCursor(QTextCursor.MoveOperation.End)
    editor.body_edit.insertPlainText(text)


def _record_counting_threads(monkeypatch) -> list[int]:
    threads: list[int] = []
    real = text_stats.text_stats

    def recording(text: str, markdown: bool = True):
        threads.append(threading.get_ident())
        return real(text, markdown)

    monkeypatch.setattr(text_stats, "text_stats", recording)
    return threads


def test_a_short_card_is_counted_on_each_keystroke(qtbot, tmp_path):
    editor, doc, _card = _editor(qtbot, tmp_path, "一二三 one two")
    try:
        seen: list = []
        editor.countsChanged.connect(seen.append)
        for ch in " three":
            _type(editor, ch)
        assert len(seen) == len(" three")  # one count per keystroke, at once
        assert seen[-1] == text_stats.card_stats(doc.card(editor.current_card_id))
        assert seen[-1].latin == 4  # one, two, three and the title's "Long"
    finally:
        doc.close()


@pytest.mark.parametrize(
    "copies",
    [300, 12_000],  # a long essay (about 8,000 characters), a huge paste (330,000)
    ids=["long", "huge"],
)
def test_a_long_body_is_counted_after_a_pause_on_a_worker(qtbot, tmp_path, monkeypatch, copies):
    paragraph = "云原生 cloud native paragraph.\n\n"
    assert len(paragraph) * 300 > card_editor_module.COUNT_LIVE_CHARS
    assert len(paragraph) * 12_000 > card_editor_module.LARGE_BODY_CHARS
    body = paragraph * copies
    editor, doc, card_id = _editor(qtbot, tmp_path, body)
    try:
        threads = _record_counting_threads(monkeypatch)
        seen: list = []
        editor.countsChanged.connect(seen.append)
        for ch in "typed":
            _type(editor, ch)
        # The keystrokes counted nothing; the document has every one of them.
        assert threads == [] and seen == []
        assert doc.card(card_id).body.endswith("typed")
        qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
        assert threading.get_ident() not in threads
        assert len(seen) == 1  # one count for the burst
        assert seen[0] == text_stats.card_stats(doc.card(card_id))
    finally:
        doc.close()
