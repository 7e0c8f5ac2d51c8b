"""Issue Properties: title, number, date, status, numbering styles, typography checks,
summary and tags."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from editor_app.core.model import (
    CardNumbering,
    Numbering,
    SectionNumbering,
    Status,
    SubcardNumbering,
    Typography,
)
from editor_app.gui.document import IssueDocument
from editor_app.gui.i18n import message_catalog


class IssuePropertiesDialog(QDialog):
    def __init__(self, document: IssueDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        issue = document.issue
        self.setWindowTitle(self.tr("Issue Properties"))
        self.title = QLineEdit(issue.title, self)
        self.has_number = QCheckBox(self.tr("Numbered"), self)
        self.number = QSpinBox(self)
        self.number.setRange(0, 100_000)
        self.number.setValue(issue.number or 0)
        self.has_number.setChecked(issue.number is not None)
        self.number.setEnabled(issue.number is not None)
        self.has_number.toggled.connect(self.number.setEnabled)
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        day = issue.date or dt.date.today()
        self.date.setDate(QDate(day.year, day.month, day.day))
        self.status = QComboBox(self)
        statuses = message_catalog()  # the same names as the checks and the CLI use
        for status in Status:
            self.status.addItem(statuses.status(status), status.value)
        self.status.setCurrentIndex(self.status.findData(issue.status.value))
        self.section_style = QComboBox(self)
        self.section_style.addItem(
            self.tr("专题一, 专题二 … (Chinese)"), SectionNumbering.CHINESE.value
        )
        self.section_style.addItem(self.tr("Part 1, Part 2 …"), SectionNumbering.PART.value)
        self.section_style.addItem(self.tr("No section labels"), SectionNumbering.NONE.value)
        self.section_style.setCurrentIndex(
            self.section_style.findData(issue.numbering.sections.value)
        )
        self.card_style = QComboBox(self)
        self.card_style.addItem(
            self.tr("Restart in every section"), CardNumbering.PER_SECTION.value
        )
        self.card_style.addItem(self.tr("Run through the issue"), CardNumbering.CONTINUOUS.value)
        self.card_style.setCurrentIndex(self.card_style.findData(issue.numbering.cards.value))
        self.subcard_style = QComboBox(self)
        self.subcard_style.addItem(
            self.tr("3.1, 3.2 … (under card 3)"), SubcardNumbering.NESTED.value
        )
        self.subcard_style.addItem(
            self.tr("1), 2) … (restart in every card)"), SubcardNumbering.LOCAL.value
        )
        self.subcard_style.setCurrentIndex(
            self.subcard_style.findData(issue.numbering.subcards.value)
        )
        self.typography = QComboBox(self)
        self.typography.addItem(
            self.tr("By language (on for Chinese, Japanese and Korean)"), Typography.AUTO.value
        )
        self.typography.addItem(self.tr("CJK rules (AutoCorrect)"), Typography.CJK.value)
        self.typography.addItem(self.tr("Off"), Typography.OFF.value)
        self.typography.setCurrentIndex(self.typography.findData(issue.typography.value))
        self.summary = QPlainTextEdit(issue.summary, self)
        self.summary.setMaximumHeight(90)
        self.tags = QLineEdit(", ".join(issue.tags), self)
        form = QFormLayout(self)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.has_number, self.number)
        form.addRow(self.tr("&Date"), self.date)
        form.addRow(self.tr("&Status"), self.status)
        form.addRow(self.tr("Section &labels"), self.section_style)
        form.addRow(self.tr("Card &numbers"), self.card_style)
        form.addRow(self.tr("Su&b-card numbers"), self.subcard_style)
        form.addRow(self.tr("T&ypography checks"), self.typography)
        form.addRow(self.tr("S&ummary"), self.summary)
        form.addRow(self.tr("Ta&gs"), self.tags)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, 420)

    def select(self, field: str, start: int, end: int) -> None:
        """Start with ``[start, end)`` of the title or the summary selected (a problem's place)."""
        from editor_app.gui.place_reveal import select_range

        select_range({"title": self.title, "summary": self.summary}.get(field), start, end)

    def apply(self) -> None:
        """Write the changes as one undoable step."""
        doc = self.document
        qd = self.date.date()
        values = {
            "title": self.title.text().strip(),
            "number": self.number.value() if self.has_number.isChecked() else None,
            "date": dt.date(qd.year(), qd.month(), qd.day()),
            "status": Status(self.status.currentData()),
            "numbering": Numbering(
                SectionNumbering(self.section_style.currentData()),
                CardNumbering(self.card_style.currentData()),
                SubcardNumbering(self.subcard_style.currentData()),
            ),
            "typography": Typography(self.typography.currentData()),
            "summary": self.summary.toPlainText().strip(),
            "tags": [
                t.strip() for t in self.tags.text().replace("，", ",").split(",") if t.strip()
            ],
        }
        doc.undo_stack.beginMacro(self.tr("Edit issue properties"))
        for name, value in values.items():
            doc.set_issue_field(name, value)
        doc.undo_stack.endMacro()
