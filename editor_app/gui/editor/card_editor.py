"""CardEditor: a card's typed fields above its Markdown body, with a find/replace bar."""

from __future__ import annotations

from collections import OrderedDict
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor, QTextDocument
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from editor_app.core.model import Card
from editor_app.core.problems import Problem
from editor_app.core.text_stats import TextStats, card_stats, card_stats_key, stats_of_key
from editor_app.core.typography import line_marks
from editor_app.gui.editor.body_mirror import BodyMirror
from editor_app.gui.editor.card_fields import CardFields
from editor_app.gui.editor.find_replace import SCOPE_ISSUE, FindReplaceBar
from editor_app.gui.editor.markdown_edit import ImageImporter, MarkdownEdit
from editor_app.gui.editor.search import IssueMatch, Utf16Map
from editor_app.gui.focus import restore_focus
from editor_app.gui.i18n import message_catalog
from editor_app.gui.workers import run_in_thread

if TYPE_CHECKING:
    from editor_app.gui.document import IssueDocument

# Longer bodies are followed change by change (BodyMirror) instead of being read back whole
# on every keystroke.
LARGE_BODY_CHARS = 200_000
# Longer bodies are counted once typing pauses, on a worker: recounting a long essay on every
# keystroke took milliseconds of the keystroke's own time on the UI thread.
COUNT_LIVE_CHARS = 4_000
COUNT_DELAY_MS = 500

DOCUMENT_CACHE = 32  # cards whose text documents (and editor undo history) are kept


class CardEditor(QWidget):
    """Edits one card of an IssueDocument.

    Field edits are undoable document commands; typing in the body is the body editor's own
    undo, kept per card while switching between cards. ``countsChanged(TextStats)`` follows
    the current card; ``jumpRequested(card_id, position)`` tells the window that a find result
    in another card is being shown (position: index into the body, -1 for the title), so the
    outline can select it.
    """

    countsChanged = Signal(object)
    jumpRequested = Signal(str, int)

    def __init__(self, document: IssueDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self._card_id: str | None = None
        self._card_object: Card | None = None  # to notice cards replaced by an outline undo
        self._shown = False  # show_card ran once, so "the same card again" can be skipped
        self._updating = False
        self._docs: OrderedDict[str, tuple[QTextDocument, int, int]] = OrderedDict()
        self._sent_body: str | None = None  # the body text this editor last gave the document
        self._counts_timer = QTimer(self, singleShot=True, interval=COUNT_DELAY_MS)
        self._counts_timer.timeout.connect(self._count_large_body)
        self._build()
        self._make_actions()
        self.body_edit.textChanged.connect(self._body_changed)
        document.cardChanged.connect(self._card_changed)
        document.outlineChanged.connect(self._outline_changed)
        document.problemsChanged.connect(self._show_marks)
        self.show_card(None)

    def _build(self) -> None:
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setContentsMargins(4, 4, 4, 4)
        self.notice.hide()
        self.fields = CardFields(self.document, self)
        # The form's widgets, reachable from here for the window and the tests.
        f = self.fields
        self.title_edit, self.kind_combo, self.status_combo = (
            f.title_edit, f.kind_combo, f.status_combo,
        )  # fmt: skip
        self.details_toggle, self.details = f.details_toggle, f.details
        self.source_title_edit, self.source_url_edit = f.source_title_edit, f.source_url_edit
        self.links_table, self.further_table = f.links_table, f.further_table
        self.tags_edit, self.group_edit, self.note_edit = f.tags_edit, f.group_edit, f.note_edit
        self.title_edit.returnPressed.connect(self.focus_body)

        self.body_edit = MarkdownEdit(self)
        self._blank_doc = self.body_edit.document()  # shown when no card is selected
        self.find_bar = FindReplaceBar(self.body_edit, self.document, self)
        self.find_bar.matchActivated.connect(self._match_activated)
        self.find_bar.closed.connect(self._find_closed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.notice)
        layout.addWidget(self.fields)
        layout.addWidget(self.body_edit, 1)
        layout.addWidget(self.find_bar)

    def _make_actions(self) -> None:
        def action(name: str, text: str, keys: QKeySequence | str, slot) -> QAction:
            act = QAction(text, self)
            act.setObjectName(name)
            act.setShortcut(QKeySequence(keys))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        bar = self.find_bar
        self.find_action = action(
            "find", self.tr("Find…"), QKeySequence.StandardKey.Find, lambda: bar.open()
        )
        self.replace_action = action(
            "replace", self.tr("Replace…"), "Ctrl+H", lambda: bar.open(replace=True)
        )
        self.find_in_issue_action = action(
            "find_in_issue",
            self.tr("Find in Issue…"),
            "Ctrl+Shift+F",
            lambda: bar.open(scope=SCOPE_ISSUE),
        )
        self.find_next_action = action("find_next", self.tr("Find Next"), "F3", bar.find_next)
        self.find_previous_action = action(
            "find_previous", self.tr("Find Previous"), "Shift+F3", bar.find_previous
        )

    # -- public API --------------------------------------------------------------------------
    def edit_actions(self) -> list[QAction]:
        """Find/replace actions for the window's Edit menu (their shortcuts live here)."""
        return [
            self.find_action,
            self.replace_action,
            self.find_in_issue_action,
            self.find_next_action,
            self.find_previous_action,
        ]

    def format_actions(self) -> list[QAction]:
        """Formatting actions for a Format menu (shortcuts active while the body has focus)."""
        return self.body_edit.format_actions()

    def set_image_importer(self, importer: ImageImporter | None) -> None:
        self.body_edit.set_image_importer(importer)

    @property
    def current_card_id(self) -> str | None:
        return self._card_id

    def current_card(self) -> Card | None:
        if self._card_id is None or not self.document.has_card(self._card_id):
            return None
        return self.document.card(self._card_id)

    def focus_body(self) -> None:
        self.body_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _find_closed(self) -> None:
        # Back where the search started (the title, the outline …); the body otherwise.
        if not restore_focus(self.find_bar.return_to):
            self.focus_body()

    def focus_title(self) -> None:
        """Put the keyboard in the title (a new card starts there); Enter moves to the body."""
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title_edit.selectAll()

    def set_details_expanded(self, expanded: bool) -> None:
        self.details_toggle.setChecked(expanded)

    def commit_pending(self) -> None:
        """Send field edits still waiting for editingFinished (call before saving/closing)."""
        self.fields.commit_pending()

    def show_card(self, card_id: str | None) -> None:
        """Edit ``card_id`` (None shows nothing). Showing the current card again does nothing."""
        if card_id is not None and not self.document.has_card(card_id):
            card_id = None
        if self._shown and card_id == self._card_id:
            return
        self._shown = True
        self.commit_pending()
        self._stash_body()
        self._card_id = card_id
        card = self.current_card()
        self._card_object = card
        self.fields.load(card)
        self._updating = True
        try:
            self._load_body(card)
        finally:
            self._updating = False
        self._apply_state(card)
        if self.find_bar.isVisible():
            self.find_bar.refresh(move=False)
        self._emit_counts()
        self._show_marks(self.document.problems)

    def reveal(self, card_id: str, field: str, start: int, end: int) -> None:
        """Show a card with ``[start, end)`` of a field (Python indexes) selected: the body
        here, any other field (title, note, source title, a link label …) in its widget."""
        self.show_card(card_id)
        card = self.current_card()
        if card is None:
            return
        if field != "body":
            self.fields.reveal(field, start, end)
            return
        umap = Utf16Map(self.body_edit.toPlainText())
        cursor = self.body_edit.textCursor()
        cursor.setPosition(umap.to_qt(start))
        cursor.setPosition(umap.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.body_edit.setTextCursor(cursor)
        self.body_edit.centerCursor()

    # -- body documents ------------------------------------------------------------------------
    def _load_body(self, card: Card | None) -> None:
        if card is None:
            self.body_edit.set_markdown_document(self._blank_doc)
            return
        cached = self._docs.pop(card.id, None)
        if cached is not None and cached[0].toPlainText() == card.body:
            doc, anchor, position = cached
        else:
            if cached is not None:
                cached[0].deleteLater()
            doc, anchor, position = self.body_edit.new_document(card.body), 0, 0
        self.body_edit.set_markdown_document(doc)
        cursor = QTextCursor(doc)
        end = doc.characterCount() - 1
        cursor.setPosition(min(anchor, end))
        cursor.setPosition(min(position, end), QTextCursor.MoveMode.KeepAnchor)
        self.body_edit.setTextCursor(cursor)
        # The layout settles after the fields above resize; scroll once it has.
        QTimer.singleShot(0, self._scroll_to_cursor)

    def _scroll_to_cursor(self) -> None:
        if self.body_edit.textCursor().position() == 0:
            self.body_edit.verticalScrollBar().setValue(0)
        else:
            self.body_edit.ensureCursorVisible()

    def _stash_body(self) -> None:
        """Keep the current card's text document (undo history, cursor) for later."""
        if self._card_id is None:
            return
        cursor = self.body_edit.textCursor()
        self._docs[self._card_id] = (self.body_edit.document(), cursor.anchor(), cursor.position())
        while len(self._docs) > DOCUMENT_CACHE:
            _, (doc, _anchor, _position) = self._docs.popitem(last=False)
            doc.deleteLater()

    def _apply_state(self, card: Card | None) -> None:
        """Read-only and enabled states, and the notice above the fields."""
        editable = card is not None and not card.unreadable and not self.document.read_only
        self.fields.set_editable(editable, enabled=card is not None)
        self.body_edit.setReadOnly(not editable)
        self.body_edit.setEnabled(card is not None)
        self.find_bar.set_replace_visible(not self.find_bar.replace_edit.isHidden())
        if card is not None and card.unreadable:
            reason = message_catalog().say(card.unreadable_reason or card.unreadable)
            self.notice.setText(
                self.tr("This card's file could not be read, so it is shown read-only and "
                        "never written: %1").replace("%1", reason)
            )  # fmt: skip
        elif card is not None and self.document.read_only:
            self.notice.setText(self.tr("This issue is open read-only."))
        self.notice.setVisible(card is not None and not editable)

    def _show_marks(self, problems: list[Problem]) -> None:
        """Underline in the body the places of the current card's problems (typography)."""
        highlighter = getattr(self.body_edit.document(), "highlighter", None)
        if highlighter is None:
            return
        card = self.current_card()
        spans = [
            p.span
            for p in problems
            if card is not None and p.card == card.id and p.span and p.span.field == "body"
        ]
        highlighter.set_marks(line_marks(card.body, spans) if card is not None else [])

    def _emit_counts(self) -> None:
        card = self.current_card()
        if card is not None and len(card.body) > COUNT_LIVE_CHARS:
            # Counted once the typing pauses, on a worker.
            self._counts_timer.start()
            return
        self._counts_timer.stop()
        self.countsChanged.emit(card_stats(card) if card else TextStats())

    def _count_large_body(self) -> None:
        mirror = getattr(self.body_edit.document(), "mirror", None)
        if mirror is not None and not self.body_edit.isReadOnly() and mirror.resync():
            # A safety net, once typing pauses: the mirror read the text again because it
            # had lost track of it; the document must hold what the editor shows.
            self._body_changed()
        card = self.current_card()
        if card is None:
            self.countsChanged.emit(TextStats())
            return
        job = partial(stats_of_key, card_stats_key(card))
        run_in_thread(job, partial(self._large_counted, card.id), None, self)

    def _large_counted(self, card_id: str, stats: TextStats) -> None:
        if card_id == self._card_id and not self._counts_timer.isActive():
            self.countsChanged.emit(stats)

    def _body_changed(self) -> None:
        if self._updating or self._card_id is None or self.body_edit.isReadOnly():
            return
        doc = self.body_edit.document()
        if doc.characterCount() > LARGE_BODY_CHARS:
            mirror = getattr(doc, "mirror", None)
            if mirror is None:
                mirror = doc.mirror = BodyMirror(doc)
            text = mirror.text
        else:
            text = self.body_edit.toPlainText()
        self._sent_body = text
        self.document.set_card_body(self._card_id, text)

    # -- changes from the document -----------------------------------------------------------
    def _card_changed(self, card_id: str, field: str) -> None:
        if card_id != self._card_id:
            cached = self._docs.get(card_id)
            if cached is not None and field in ("body", "*"):
                card = self.document.issue.cards.get(card_id)
                if card is None or cached[0].toPlainText() != card.body:
                    del self._docs[card_id]  # changed elsewhere: rebuilt when shown
                    cached[0].deleteLater()
            return
        card = self.current_card()
        if card is None:
            self.show_card(None)
            return
        self._card_object = card
        self.fields.sync(card, field)
        if field == "*" or (field == "body" and card.body is not self._sent_body):
            # Not for the text this editor just sent: reading a long body back per keystroke
            # costs O(card).
            old = self.body_edit.toPlainText()
            if old != card.body:
                self._updating = True
                try:
                    self.body_edit.replace_region(0, old, card.body)
                finally:
                    self._updating = False
        if field == "*":
            self._apply_state(card)
        if field in ("*", "title", "body", "note", "further_reading"):
            self._emit_counts()

    def _outline_changed(self, _select: list[str]) -> None:
        if self._card_id is None:
            return
        card = self.current_card()
        if card is None:
            self.show_card(None)
        elif card is not self._card_object:
            # An outline undo/redo restores card objects: show whatever they hold now.
            self._card_changed(self._card_id, "*")
        else:
            self.fields.update_extras(card)  # indent/outdent changes the category row

    def _match_activated(self, match: IssueMatch) -> None:
        self.reveal(match.card_id, match.field, match.start, match.end)
        self.jumpRequested.emit(match.card_id, match.start if match.field == "body" else -1)
