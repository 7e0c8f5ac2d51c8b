"""CardFields: the typed fields of a card (title row plus a folding Details form).

Every edit goes through ``IssueDocument.set_field`` (undoable). Title and note are sent as
they are typed (the document merges consecutive edits into one undo step); the other line
edits are sent on editingFinished, tables on every cell edit, combos when chosen.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
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
from editor_app.gui.editor.fields import DetailsToggle, RecordTable, select_range
from editor_app.gui.i18n import message_catalog

if TYPE_CHECKING:
    from editor_app.gui.document import IssueDocument

_TAG_SPLIT = re.compile(r"[,，、;；]")


def parse_tags(text: str) -> list[str]:
    """Comma-separated tags (ASCII or Chinese commas), stripped, without duplicates."""
    out: list[str] = []
    for tag in _TAG_SPLIT.split(text):
        tag = tag.strip()
        if tag and tag not in out:
            out.append(tag)
    return out


class CardFields(QWidget):
    def __init__(self, document: IssueDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.card_id: str | None = None
        self._updating = False
        self._build()

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
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
        self.source_url_edit.setPlaceholderText(self.tr("https://…"))
        for edit in (self.source_title_edit, self.source_url_edit):
            edit.editingFinished.connect(self._commit_source)
        source_row = QHBoxLayout()
        source_row.addWidget(self.source_title_edit, 3)
        source_row.addWidget(self.source_url_edit, 2)
        form.addRow(self.tr("Source"), source_row)
        self.links_table = RecordTable(
            [self.tr("Label"), self.tr("URL")], [140], parent=self.details
        )
        self.links_table.edited.connect(self._links_edited)
        form.addRow(self.tr("Project links"), self.links_table)
        self.further_table = RecordTable(
            [self.tr("Title"), self.tr("URL"), self.tr("Summary")], [200, 220], parent=self.details
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
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().lineSpacing() * 3 + 14)
        self.note_edit.textChanged.connect(self._note_changed)
        form.addRow(self.tr("Editor's note"), self.note_edit)
        self.details.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.details.setVisible(False)
        self.details_toggle.toggled.connect(self.details.setVisible)

        for widget in (
            self.title_edit, self.source_title_edit, self.source_url_edit,
            self.tags_edit, self.group_edit, self.note_edit,
        ):  # fmt: skip
            widget.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.details_toggle)
        layout.addWidget(self.details)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

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
        return message_catalog().status(status)

    # -- showing a card ------------------------------------------------------------------------
    def load(self, card: Card | None) -> None:
        """Show every field of ``card`` (None clears the form)."""
        self.card_id = card.id if card else None
        self._updating = True
        try:
            self.title_edit.setText(card.title if card else "")
            self._set_combo(self.kind_combo, card.kind if card else "article")
            status = card.status.value if card else Status.DRAFT.value
            self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(status)))
            source = card.source if card and card.source else Source()
            self.source_title_edit.setText(source.title)
            self.source_url_edit.setText(source.url)
            for edit in (self.title_edit, self.source_title_edit, self.source_url_edit):
                edit.setCursorPosition(0)  # long values show their start, not their end
            self.links_table.set_rows([(x.label, x.url) for x in card.links] if card else [])
            self.further_table.set_rows(
                [(f.title, f.url, f.summary) for f in card.further_reading] if card else []
            )
            self.tags_edit.setText(", ".join(card.tags) if card else "")
            self.group_edit.setText(card.group if card else "")
            self._set_note(card.note if card else "")
        finally:
            self._updating = False
        self.update_extras(card)

    def sync(self, card: Card, field: str) -> None:
        """Show the card's new value of ``field`` ("*" = all) in the widgets that differ, so
        the widget being typed in keeps its cursor."""
        if field == "body":
            return  # no field shows the body (nor does the summary): typing changes nothing
        every = field == "*"
        self._updating = True
        try:
            if (every or field == "title") and self.title_edit.text() != card.title:
                position = self.title_edit.cursorPosition()
                self.title_edit.setText(card.title)
                self.title_edit.setCursorPosition(min(position, len(card.title)))
            if every or field == "kind":
                self._set_combo(self.kind_combo, card.kind)
            if every or field == "status":
                index = self.status_combo.findData(card.status.value)
                self.status_combo.setCurrentIndex(max(0, index))
            if every or field == "source":
                source = card.source or Source()
                if self.source_title_edit.text().strip() != source.title:
                    self.source_title_edit.setText(source.title)
                if self.source_url_edit.text().strip() != source.url:
                    self.source_url_edit.setText(source.url)
            if every or field == "links":
                self.links_table.set_rows([(x.label, x.url) for x in card.links])
            if every or field == "further_reading":
                rows = [(f.title, f.url, f.summary) for f in card.further_reading]
                self.further_table.set_rows(rows)
            if (every or field == "tags") and parse_tags(self.tags_edit.text()) != card.tags:
                self.tags_edit.setText(", ".join(card.tags))
            if (every or field == "group") and self.group_edit.text().strip() != card.group:
                self.group_edit.setText(card.group)
            if every or field == "note":
                self._set_note(card.note)
        finally:
            self._updating = False
        self.update_extras(card)

    def update_extras(self, card: Card | None) -> None:
        """The category row (sub-cards only) and the folded Details summary."""
        is_sub = False
        if card is not None:
            try:
                is_sub = parent_of(self.document.issue, card.id)[0] in self.document.issue.cards
            except OutlineError:
                is_sub = False
        visible = is_sub or bool(card and card.group)
        self.group_label.setVisible(visible)
        self.group_edit.setVisible(visible)
        self.details_toggle.set_summary(self._summary(card) if card else "")

    def _summary(self, card: Card) -> str:
        parts = []
        if card.source and card.source.url:
            parts.append(re.sub(r"^[a-z]+://(www\.)?", "", card.source.url).split("/")[0])
        elif not card.source:
            parts.append(self.tr("no source"))
        if card.links:
            parts.append(self.tr("links: %1").replace("%1", str(len(card.links))))
        if card.further_reading:
            count = str(len(card.further_reading))
            parts.append(self.tr("further reading: %1").replace("%1", count))
        if card.tags:
            parts.append("#" + " #".join(card.tags))
        if card.note:
            parts.append(self.tr("note"))
        return " · ".join(parts)

    def _set_combo(self, combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index < 0:  # a kind from a newer version: show it rather than lose it
            combo.addItem(self._kind_label(value), value)
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

    def reveal(self, field: str, start: int, end: int) -> None:
        """Select ``[start, end)`` (Python indexes) of ``field`` in its widget, opening the
        Details area for a field inside it: "title", "note", "group", "source.title",
        "links.N.label", "further_reading.N.title" or "further_reading.N.summary"."""
        if field == "title":
            select_range(self.title_edit, start, end)
            return
        widgets = {"note": self.note_edit, "group": self.group_edit}
        widgets["source.title"] = self.source_title_edit
        parts = field.split(".")
        if field not in widgets and not (len(parts) == 3 and parts[1].isdigit()):
            return
        self.details_toggle.setChecked(True)
        if field in widgets:
            select_range(widgets[field], start, end)
        elif parts[0] == "links" and parts[2] == "label":
            self.links_table.reveal(int(parts[1]), 0, start, end)
        elif parts[0] == "further_reading" and parts[2] in ("title", "summary"):
            column = 0 if parts[2] == "title" else 2
            self.further_table.reveal(int(parts[1]), column, start, end)

    def set_editable(self, editable: bool, enabled: bool) -> None:
        for edit in (
            self.title_edit, self.source_title_edit, self.source_url_edit,
            self.tags_edit, self.group_edit,
        ):  # fmt: skip
            edit.setReadOnly(not editable)
        self.note_edit.setReadOnly(not editable)
        self.links_table.setReadOnly(not editable)
        self.further_table.setReadOnly(not editable)
        self.kind_combo.setEnabled(editable)
        self.status_combo.setEnabled(editable)
        for widget in (self.title_edit, self.details_toggle, self.details):
            widget.setEnabled(enabled)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Undo/Redo in a field is the document's undo, like every other field edit.

        The widgets' own undo would bypass the document's stack and fight it.
        """
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(
            event, QKeyEvent
        ):
            undo = event.matches(QKeySequence.StandardKey.Undo)
            redo = event.matches(QKeySequence.StandardKey.Redo)
            if undo or redo:
                event.accept()  # keeps the window's Undo shortcut from running as well
                if kind == QEvent.Type.KeyPress:
                    self.commit_pending()  # typing not yet sent becomes the step to undo
                    stack = self.document.undo_stack
                    stack.undo() if undo else stack.redo()
                return True
        return super().eventFilter(watched, event)

    # -- edits from the widgets ------------------------------------------------------------------
    def commit_pending(self) -> None:
        """Send the edits that wait for editingFinished (source, tags, category, title trim)."""
        if self._updating or self.card_id is None or not self.document.has_card(self.card_id):
            return
        self._commit_source()
        self._commit_tags()
        self._commit_group()
        self._title_finished()

    def _set(self, field: str, value: object, description: str) -> None:
        if self._updating or self.card_id is None or not self.document.has_card(self.card_id):
            return
        self.document.set_field(self.card_id, field, value, description)

    def _title_edited(self, text: str) -> None:
        self._set("title", text, self.tr("Edit title"))

    def _title_finished(self) -> None:
        text = self.title_edit.text().strip()
        known = self.card_id is not None and self.document.has_card(self.card_id)
        if known and text != self.document.card(self.card_id).title:
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
