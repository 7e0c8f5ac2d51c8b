"""Editing a section's emoji, title and introduction (shown when a section is selected)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from editor_app.core.model import Section
from editor_app.core.numbering import compute_numbers
from editor_app.core.problems import Problem
from editor_app.core.typography import line_marks
from editor_app.gui.document import IssueDocument
from editor_app.gui.editor.highlighter import MarkdownHighlighter, Theme


class SectionEditor(QWidget):
    def __init__(self, document: IssueDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.section_id: str | None = None
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.emoji = QLineEdit(self)
        self.emoji.setMaxLength(8)
        self.emoji.setMaximumWidth(80)
        self.title = QLineEdit(self)
        self.intro = QPlainTextEdit(self)
        self.intro.setPlaceholderText(self.tr("A line or two shown under the section heading"))
        self.intro.setMaximumHeight(120)
        # The intro is Markdown like a card body: the same colours, and the typography
        # problems the checks found in it underlined (the window re-themes it with the rest).
        intro_doc = self.intro.document()
        intro_doc.highlighter = MarkdownHighlighter(intro_doc, Theme.for_palette(self.palette()))
        self.hint = QLabel(
            self.tr("Select a card in the outline to edit it, or press Ctrl+Return to add one."),
            self,
        )
        self.hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Emoji"), self.emoji)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Introduction"), self.intro)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self.emoji.editingFinished.connect(lambda: self._commit("emoji", self.emoji.text().strip()))
        self.title.editingFinished.connect(lambda: self._commit("title", self.title.text().strip()))
        self.intro.textChanged.connect(lambda: self._commit("intro", self.intro.toPlainText()))
        document.outlineChanged.connect(lambda _ids: self.refresh())
        document.problemsChanged.connect(self._show_marks)
        for widget in (self.emoji, self.title, self.intro):
            widget.setReadOnly(document.read_only)

    def show_section(self, section_id: str) -> None:
        self.section_id = section_id
        self.refresh()
        self._show_marks(self.document.problems)

    def _show_marks(self, problems: list[Problem]) -> None:
        """Underline in the intro the places of the shown section's problems."""
        section = self._section()
        spans = [
            p.span
            for p in problems
            if section is not None
            and p.section == section.id
            and p.span is not None
            and p.span.field == "intro"
        ]
        marks = line_marks(section.intro, spans) if section is not None else []
        self.intro.document().highlighter.set_marks(marks)

    def _section(self) -> Section | None:
        """The section shown, if it still exists."""
        if self.section_id is None:
            return None
        try:
            return self.document.issue.section(self.section_id)
        except KeyError:
            return None

    def refresh(self) -> None:
        section = self._section()
        if section is None:
            self.section_id = None  # deleted meanwhile
            return
        label = compute_numbers(self.document.issue).sections.get(section.id, "")
        self.heading.setText(" ".join(p for p in (section.emoji, label, section.title) if p))
        for widget, value in ((self.emoji, section.emoji), (self.title, section.title)):
            if widget.text() != value:
                widget.setText(value)
        if self.intro.toPlainText() != section.intro:
            self.intro.blockSignals(True)
            self.intro.setPlainText(section.intro)
            self.intro.blockSignals(False)

    def field_widget(self, field: str) -> QLineEdit | QPlainTextEdit | None:
        """The editor of a section's ``field`` ("title" or "intro"), for selecting a place."""
        return {"title": self.title, "intro": self.intro}.get(field)

    def commit_pending(self) -> None:
        """Send a title or emoji still being typed (they are otherwise sent when editing ends)."""
        section = self._section()
        if section is None:
            return
        for field, widget in (("emoji", self.emoji), ("title", self.title)):
            if widget.text().strip() != getattr(section, field):
                self._commit(field, widget.text().strip())

    def _commit(self, field: str, value: str) -> None:
        if self.section_id is not None:
            self.document.set_section_field(self.section_id, field, value)
