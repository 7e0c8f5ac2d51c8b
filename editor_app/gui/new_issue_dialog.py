"""New Issue: title, folder name and date; the sections come from the template."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from editor_app.core.template import ascii_slug


class NewIssueDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Issue"))
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("e.g. 云原生月刊 2026 年 11 月"))
        self.slug = QLineEdit(self)
        self.slug.setPlaceholderText(self.tr("folder name, from the title"))
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        hint = QLabel(
            self.tr("The issue starts with the six standard sections of the template."), self
        )
        hint.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Folder"), self.slug)
        form.addRow(self.tr("&Date"), self.date)
        form.addRow(hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._slug_edited = False
        self.slug.textEdited.connect(lambda _t: setattr(self, "_slug_edited", True))
        self.title.textChanged.connect(self._title_changed)
        self._title_changed("")
        self.resize(460, 180)

    def _title_changed(self, text: str) -> None:
        if not self._slug_edited:
            self.slug.setText(ascii_slug(text) or self._date_slug())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(text.strip()))

    def _date_slug(self) -> str:
        return f"issue-{self.issue_date().isoformat()}"

    def issue_date(self) -> dt.date:
        qd = self.date.date()
        return dt.date(qd.year(), qd.month(), qd.day())

    def values(self) -> tuple[str, str | None, dt.date]:
        # An untouched folder name lets core pick a free one ("…-2") instead of refusing.
        slug = (self.slug.text().strip() or None) if self._slug_edited else None
        return self.title.text().strip(), slug, self.issue_date()
