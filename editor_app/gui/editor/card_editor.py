"""CardEditor: the typed fields of a card in a compact form above its Markdown body."""

from __future__ import annotations

import re
from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.errors import OutlineError
from editor_app.core.model import CARD_KINDS, Card, FurtherReading, Link, Source, Status
from editor_app.core.outline import parent_of
from editor_app.core.text_stats import TextStats, card_stats
from editor_app.gui.editor.fields import DetailsToggle, RecordTable
from editor_app.gui.editor.find_replace import SCOPE_ISSUE, FindReplaceBar
from editor_app.gui.editor.markdown_edit import ImageImporter, MarkdownEdit
from editor_app.gui.editor.search import IssueMatch, Utf16Map

if TYPE_CHECKING:
    from editor_app.gui.document import IssueDocument

DOCUMENT_CACHE = 32  # cards whose text documents (and editor undo history) are kept
_TAG_SPLIT = re.compile(r"[,，、;；]")


def parse_tags(text: str) -> list[str]:
    """Comma-separated tags (ASCII or Chinese commas), stripped, without duplicates."""
    out: list[str] = []
    for tag in _TAG_SPLIT.split(text):
        tag = tag.strip()
        if tag and tag not in out:
            out.append(tag)
    return out


class CardEditor(QWidget):
    """Edits one card of an IssueDocument. Every field edit is an undoable document command;
    typing in the body is the body editor's own undo (kept per card while switching).

    ``countsChanged(TextStats)`` follows the current card; ``jumpRequested(card_id, position)``
    asks the window to show a card for a find result (see FindReplaceBar).
    """

    countsChanged = Signal(object)
    jumpRequested = Signal(str, int)

    def __init__(self, document: IssueDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self._card_id: str | None = None
        self._shown = False  # show_card has run once (so "same card again" can be skipped)
        self._updating = False
        self._docs: OrderedDict[str, tuple[QTextDocument, int, int]] = OrderedDict()
        self._build()
        self._make_actions()
        self.body_edit.textChanged.connect(self._body_changed)
        document.cardChanged.connect(self._card_changed)
        document.outlineChanged.connect(self._outline_changed)
        self.show_card(None)

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("QLabel { padding: 4px; }")
        self.notice.hide()

        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("Card title"))
        font = self.title_edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title_edit.setFont(font)
        self.title_edit.textEdited.connect(self._title_edited)
        self.title_edit.editingFinished.connect(self._title_finished)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setToolTip(self.tr("Kind of item"))
        for kind in CARD_KINDS:
            self.kind_combo.addItem(self._kind_label(kind), kind)
        self.kind_combo.activated.connect(self._kind_chosen)
        self.status_combo = QComboBox(self)
        self.status_combo.setToolTip(self.tr("Editing status"))
        for status in Status:
            self.status_combo.addItem(self._status_label(status), status.value)
        self.status_combo.activated.connect(self._status_chosen)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.title_edit, 1)
        header.addWidget(self.kind_combo)
        header.addWidget(self.status_combo)

        self.details_toggle = DetailsToggle(self)
        self.details = QWidget(self)
        form = QFormLayout(self.details)
        form.setContentsMargins(4, 0, 4, 4)
        form.setVerticalSpacing(4)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.source_title_edit = QLineEdit(self.details)
        self.source_title_edit.setPlaceholderText(self.tr("Original title"))
        self.source_url_edit = QLineEdit(self.details)
        self.source_url_edit.setPlaceholderText("https://")
        for edit in (self.source_title_edit, self.source_url_edit):
            edit.editingFinished.connect(self._commit_source)
        source_row = QHBoxLayout()
        source_row.addWidget(self.source_title_edit, 3)
        source_row.addWidget(self.source_url_edit, 2)
        form.addRow(self.tr("Source"), source_row)
        self.links_table = RecordTable([self.tr("Label"), self.tr("URL")], self.details)
        self.links_table.edited.connect(self._links_edited)
        form.addRow(self.tr("Project links"), self.links_table)
        self.further_table = RecordTable(
            [self.tr("Title"), self.tr("URL"), self.tr("Summary")], self.details
        )
        self.further_table.edited.connect(self._further_edited)
        form.addRow(self.tr("Further reading"), self.further_table)
        self.tags_edit = QLineEdit(self.details)
        self.tags_edit.setPlaceholderText(self.tr("tag, another tag"))
        self.tags_edit.editingFinished.connect(self._commit_tags)
        form.addRow(self.tr("Tags"), self.tags_edit)
        self.group_edit = QLineEdit(self.details)
        self.group_edit.setPlaceholderText(self.tr("Category heading inside the parent card"))
        self.group_edit.editingFinished.connect(self._commit_group)
        self.group_label = QLabel(self.tr("Category"), self.details)
        form.addRow(self.group_label, self.group_edit)
        self.note_edit = QPlainTextEdit(self.details)
        self.note_edit.setPlaceholderText(self.tr("Editor's comment, shown under the card"))
        self.note_edit.setTabChangesFocus(True)
        line = self.note_edit.fontMetrics().lineSpacing()
        self.note_edit.setFixedHeight(line * 3 + 14)
        self.note_edit.textChanged.connect(self._note_changed)
        form.addRow(self.tr("Editor's note"), self.note_edit)
        self.details.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.details.setVisible(False)
        self.details_toggle.toggled.connect(self.details.setVisible)

        self.body_edit = MarkdownEdit(self)
        self._blank_doc = self.body_edit.document()  # shown when no card is selected
        self.find_bar = FindReplaceBar(self.body_edit, self.document, self)
        self.find_bar.matchActivated.connect(self._match_activated)
        self.find_bar.closed.connect(self.focus_body)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.notice)
        layout.addLayout(header)
        layout.addWidget(self.details_toggle)
        layout.addWidget(self.details)
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

        self.find_action = action(
            "find", self.tr("Find…"), QKeySequence.StandardKey.Find, lambda: self.find_bar.open()
        )
        self.replace_action = action(
            "replace", self.tr("Replace…"), "Ctrl+H", lambda: self.find_bar.open(replace=True)
        )
        self.find_in_issue_action = action(
            "find_in_issue",
            self.tr("Find in Issue…"),
            "Ctrl+Shift+F",
            lambda: self.find_bar.open(scope=SCOPE_ISSUE),
        )
        self.find_next_action = action(
            "find_next", self.tr("Find Next"), "F3", self.find_bar.find_next
        )
        self.find_previous_action = action(
            "find_previous", self.tr("Find Previous"), "Shift+F3", self.find_bar.find_previous
        )

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
        return self.body_edit.format_actions()

    def set_image_importer(self, importer: ImageImporter | None) -> None:
        self.body_edit.set_image_importer(importer)

    def _kind_label(self, kind: str) -> str:
        labels = {
            "article": self.tr("Article"),
            "release": self.tr("Release"),
            "report": self.tr("Report"),
            "project": self.tr("Project"),
            "talk": self.tr("Talk"),
            "meme": self.tr("Meme"),
            "roundup": self.tr("Roundup"),
        }
        return labels.get(kind, kind)

    def _status_label(self, status: Status) -> str:
        return {
            Status.DRAFT: self.tr("Draft"),
            Status.REVIEW: self.tr("In review"),
            Status.READY: self.tr("Ready"),
            Status.PUBLISHED: self.tr("Published"),
        }.get(status, status.value)

    # -- public API --------------------------------------------------------------------------
    @property
    def current_card_id(self) -> str | None:
        return self._card_id

    def current_card(self) -> Card | None:
        if self._card_id is None or not self.document.has_card(self._card_id):
            return None
        return self.document.card(self._card_id)

    def focus_body(self) -> None:
        self.body_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_details_expanded(self, expanded: bool) -> None:
        self.details_toggle.setChecked(expanded)

    def details_expanded(self) -> bool:
        return self.details_toggle.isChecked()

    def commit_pending(self) -> None:
        """Send field edits that wait for editingFinished (source, tags, category)."""
        if self.current_card() is None or self._updating:
            return
        self._commit_source()
        self._commit_tags()
        self._commit_group()
        self._title_finished()

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
        self._updating = True
        try:
            card = self.current_card()
            self._load_fields(card)
            self._load_body(card)
        finally:
            self._updating = False
        self._apply_read_only(card)
        if self.find_bar.isVisible():
            self.find_bar.refresh(move=False)
        self._emit_counts()

    def reveal(self, card_id: str, field: str, start: int, end: int) -> None:
        """Show a card with ``[start, end)`` of its title or body (Python indexes) selected."""
        self.show_card(card_id)
        card = self.current_card()
        if card is None:
            return
        if field == "title":
            umap = Utf16Map(card.title)
            self.title_edit.setSelection(umap.to_qt(start), umap.to_qt(end) - umap.to_qt(start))
            return
        umap = Utf16Map(self.body_edit.toPlainText())
        cursor = self.body_edit.textCursor()
        cursor.setPosition(umap.to_qt(start))
        cursor.setPosition(umap.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.body_edit.setTextCursor(cursor)
        self.body_edit.centerCursor()

    # -- loading -----------------------------------------------------------------------------
    def _load_fields(self, card: Card | None) -> None:
        self.title_edit.setText(card.title if card else "")
        self._set_combo(self.kind_combo, card.kind if card else "article", self._kind_label)
        status = card.status.value if card else Status.DRAFT.value
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(status)))
        source = card.source if card and card.source else Source()
        self.source_title_edit.setText(source.title)
        self.source_url_edit.setText(source.url)
        self.links_table.set_rows([(x.label, x.url) for x in card.links] if card else [])
        self.further_table.set_rows(
            [(f.title, f.url, f.summary) for f in card.further_reading] if card else []
        )
        self.tags_edit.setText(", ".join(card.tags) if card else "")
        self.group_edit.setText(card.group if card else "")
        self._set_note(card.note if card else "")
        self._update_group_row(card)
        self._update_summary(card)
        if card is not None and card.unreadable:
            self.notice.setText(
                self.tr("This card's file could not be read, so it is shown read-only and "
                        "never written: %1").replace("%1", card.unreadable)
            )  # fmt: skip
            self.notice.show()
        elif card is not None and self.document.read_only:
            self.notice.setText(self.tr("This issue is open read-only."))
            self.notice.show()
        else:
            self.notice.hide()

    def _set_combo(self, combo: QComboBox, value: str, label) -> None:
        index = combo.findData(value)
        if index < 0:  # a kind from a newer version: show it rather than lose it
            combo.addItem(label(value), value)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    def _set_note(self, text: str) -> None:
        if self.note_edit.toPlainText() == text:
            return
        position = self.note_edit.textCursor().position()
        self.note_edit.setPlainText(text)
        cursor = self.note_edit.textCursor()
        cursor.setPosition(min(position, len(self.note_edit.toPlainText())))
        self.note_edit.setTextCursor(cursor)

    def _update_group_row(self, card: Card | None) -> None:
        is_sub = False
        if card is not None:
            try:
                is_sub = parent_of(self.document.issue, card.id)[0] in self.document.issue.cards
            except OutlineError:
                is_sub = False
        visible = is_sub or bool(card and card.group)
        self.group_label.setVisible(visible)
        self.group_edit.setVisible(visible)

    def _update_summary(self, card: Card | None) -> None:
        if card is None:
            self.details_toggle.set_summary("")
            return
        parts = []
        if card.source and card.source.url:
            host = re.sub(r"^[a-z]+://(www\.)?", "", card.source.url).split("/")[0]
            parts.append(host)
        elif not card.source:
            parts.append(self.tr("no source"))
        if card.links:
            parts.append(self.tr("%n link(s)", "", len(card.links)))
        if card.further_reading:
            parts.append(self.tr("%n further reading", "", len(card.further_reading)))
        if card.tags:
            parts.append("#" + " #".join(card.tags))
        if card.note:
            parts.append(self.tr("note"))
        self.details_toggle.set_summary(" · ".join(parts))

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

    def _stash_body(self) -> None:
        """Keep the current card's text document (undo history, cursor) for later."""
        if self._card_id is None:
            return
        cursor = self.body_edit.textCursor()
        self._docs[self._card_id] = (self.body_edit.document(), cursor.anchor(), cursor.position())
        while len(self._docs) > DOCUMENT_CACHE:
            _, (doc, _a, _p) = self._docs.popitem(last=False)
            doc.deleteLater()

    def _apply_read_only(self, card: Card | None) -> None:
        editable = card is not None and not card.unreadable and not self.document.read_only
        for edit in (
            self.title_edit, self.source_title_edit, self.source_url_edit,
            self.tags_edit, self.group_edit,
        ):  # fmt: skip
            edit.setReadOnly(not editable)
        self.note_edit.setReadOnly(not editable)
        self.body_edit.setReadOnly(not editable)
        self.links_table.setReadOnly(not editable)
        self.further_table.setReadOnly(not editable)
        self.kind_combo.setEnabled(editable)
        self.status_combo.setEnabled(editable)
        for widget in (self.title_edit, self.details_toggle, self.details, self.body_edit):
            widget.setEnabled(card is not None)
        self.find_bar.set_replace_visible(self.find_bar.replace_edit.isVisible() and editable)

    def _emit_counts(self) -> None:
        card = self.current_card()
        self.countsChanged.emit(card_stats(card) if card else TextStats())

    # -- edits from the widgets --------------------------------------------------------------
    def _set(self, field: str, value: object, description: str) -> None:
        if self._updating or self._card_id is None:
            return
        self.document.set_field(self._card_id, field, value, description)

    def _title_edited(self, text: str) -> None:
        self._set("title", text, self.tr("Edit title"))

    def _title_finished(self) -> None:
        card = self.current_card()
        text = self.title_edit.text().strip()
        if card is not None and text != card.title:
            self._set("title", text, self.tr("Edit title"))

    def _kind_chosen(self, index: int) -> None:
        self._set("kind", self.kind_combo.itemData(index), self.tr("Change kind"))

    def _status_chosen(self, index: int) -> None:
        self._set("status", Status(self.status_combo.itemData(index)), self.tr("Change status"))

    def _commit_source(self) -> None:
        title = self.source_title_edit.text().strip()
        url = self.source_url_edit.text().strip()
        self._set("source", Source(title, url) if title or url else None, self.tr("Edit source"))

    def _links_edited(self, rows: list[tuple[str, ...]]) -> None:
        self._set("links", [Link(label, url) for label, url in rows], self.tr("Edit links"))

    def _further_edited(self, rows: list[tuple[str, ...]]) -> None:
        value = [FurtherReading(t, u, s) for t, u, s in rows]
        self._set("further_reading", value, self.tr("Edit further reading"))

    def _commit_tags(self) -> None:
        self._set("tags", parse_tags(self.tags_edit.text()), self.tr("Edit tags"))

    def _commit_group(self) -> None:
        self._set("group", self.group_edit.text().strip(), self.tr("Edit category"))

    def _note_changed(self) -> None:
        self._set("note", self.note_edit.toPlainText(), self.tr("Edit note"))

    def _body_changed(self) -> None:
        if self._updating or self._card_id is None or self.body_edit.isReadOnly():
            return
        self.document.set_card_body(self._card_id, self.body_edit.toPlainText())

    # -- changes from the document -----------------------------------------------------------
    def _card_changed(self, card_id: str, field: str) -> None:
        if card_id != self._card_id:
            cached = self._docs.get(card_id)
            if cached is not None and field in ("body", "*"):
                card = self.document.issue.cards.get(card_id)
                if card is None or cached[0].toPlainText() != card.body:
                    del self._docs[card_id]
                    cached[0].deleteLater()
            return
        card = self.current_card()
        if card is None:
            self.show_card(None)
            return
        self._updating = True
        try:
            self._sync(card, field)
        finally:
            self._updating = False
        self._update_summary(card)
        if field in ("*", "title", "body", "note", "further_reading"):
            self._emit_counts()

    def _sync(self, card: Card, field: str) -> None:
        """Show the card's values in widgets that differ, leaving the others (and the cursor
        of the widget being typed in) alone."""
        every = field == "*"
        if (every or field == "title") and self.title_edit.text() != card.title:
            position = self.title_edit.cursorPosition()
            self.title_edit.setText(card.title)
            self.title_edit.setCursorPosition(min(position, len(card.title)))
        if every or field == "kind":
            self._set_combo(self.kind_combo, card.kind, self._kind_label)
        if every or field == "status":
            self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(card.status.value)))
        if every or field == "source":
            source = card.source or Source()
            if self.source_title_edit.text().strip() != source.title:
                self.source_title_edit.setText(source.title)
            if self.source_url_edit.text().strip() != source.url:
                self.source_url_edit.setText(source.url)
        if every or field == "links":
            self.links_table.set_rows([(x.label, x.url) for x in card.links])
        if every or field == "further_reading":
            self.further_table.set_rows([(f.title, f.url, f.summary) for f in card.further_reading])
        if (every or field == "tags") and parse_tags(self.tags_edit.text()) != card.tags:
            self.tags_edit.setText(", ".join(card.tags))
        if (every or field == "group") and self.group_edit.text().strip() != card.group:
            self.group_edit.setText(card.group)
        if every or field == "note":
            self._set_note(card.note)
        if every or field == "body":
            old = self.body_edit.toPlainText()
            if old != card.body:
                self.body_edit.replace_region(0, old, card.body)
        if every:
            self._update_group_row(card)
            self._apply_read_only(card)

    def _outline_changed(self, _select: list[str]) -> None:
        if self._card_id is None:
            return
        if not self.document.has_card(self._card_id):
            self.show_card(None)
            return
        # Undoing a structural edit restores card objects: show whatever they hold now.
        self._card_changed(self._card_id, "*")

    def _match_activated(self, match: IssueMatch) -> None:
        self.reveal(match.card_id, match.field, match.start, match.end)
        self.jumpRequested.emit(match.card_id, match.start if match.field == "body" else -1)
