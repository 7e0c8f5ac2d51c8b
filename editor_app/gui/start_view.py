"""The start view: the issues of the library, New Issue, Open Issue and recent issues."""

from __future__ import annotations

from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.library import IssueSummary, list_issues
from editor_app.gui.i18n import message_catalog
from editor_app.gui.workers import run_in_thread


class IssueTableModel(QAbstractTableModel):
    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.rows: list[IssueSummary] = []
        self.headers = [
            self.tr("Title"),
            self.tr("No."),
            self.tr("Date"),
            self.tr("Status"),
            self.tr("Cards"),
        ]

    def status_label(self, status: str) -> str:
        """A status as the core catalog says it (the same words as the card editor's)."""
        if status == "unreadable":
            return self.tr("Unreadable")
        try:
            return message_catalog().status(status)
        except ValueError:
            return status

    def set_rows(self, rows: list[IssueSummary]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802, ANN001, ANN201
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            values = [row.title, row.number or "", row.date.isoformat() if row.date else "",
                      self.status_label(row.status), row.cards]  # fmt: skip
            return str(values[index.column()])
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.error:
                return row.error
            # The title column elides a long title: the tooltip gives it whole.
            return f"{row.title}\n{row.folder}" if index.column() == 0 else str(row.folder)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            return (
                qta.icon("mdi6.alert-circle-outline", color="#d64545")
                if row.error
                else qta.icon("mdi6.newspaper-variant-outline")
            )
        return None


class StartView(QWidget):
    openRequested = Signal(Path)
    newRequested = Signal()
    openOtherRequested = Signal()

    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.library: Path | None = None
        self._pending = 0  # listings in flight
        self.model = IssueTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._open_row)
        self.table.setAccessibleName(self.tr("Issues of the library"))

        self.heading = QLabel(self)
        self.heading.setObjectName("startHeading")
        self.heading.setStyleSheet("font-size: 18pt; font-weight: 600; padding: 6px 0;")
        self.library_label = QLabel(self)
        self.library_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        new_btn = QPushButton(qta.icon("mdi6.file-plus-outline"), self.tr("&New Issue…"), self)
        new_btn.clicked.connect(self.newRequested)
        open_btn = QPushButton(qta.icon("mdi6.folder-open-outline"), self.tr("&Open Issue…"), self)
        open_btn.clicked.connect(self.openOtherRequested)
        self.recent = QListWidget(self)
        self.recent.itemActivated.connect(
            lambda item: self.openRequested.emit(Path(item.data(Qt.ItemDataRole.UserRole)))
        )
        self.recent.setMaximumHeight(140)

        buttons = QHBoxLayout()
        buttons.addWidget(new_btn)
        buttons.addWidget(open_btn)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(self.heading)
        layout.addWidget(self.library_label)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(self.tr("Recent issues"), self))
        layout.addWidget(self.recent)
        self.heading.setText(self.tr("Masthead library"))

    def set_library(self, library: Path) -> None:
        self.library = library
        self.library_label.setText(str(library))
        self.refresh()

    def refresh(self) -> None:
        """List the library's issues off the UI thread (the view shows at once, then fills).

        The job takes a path and returns IssueSummary records: plain data both ways.
        """
        if self.library is None:
            return
        library = self.library
        self._pending += 1
        self.library_label.setText(self.tr("%1 (reading…)").replace("%1", str(library)))
        run_in_thread(
            lambda: list_issues(library),
            lambda rows: self._rows_ready(library, rows),
            self._list_failed,
            owner=self,
        )

    def _rows_ready(self, library: Path, rows: list[IssueSummary]) -> None:
        self._pending -= 1
        if library != self.library:
            return  # the library changed meanwhile; its own listing follows
        self.library_label.setText(str(library))
        self.model.set_rows(rows)
        if self.model.rows:
            self.table.selectRow(0)

    def _list_failed(self, message: str) -> None:
        self._pending -= 1
        self.library_label.setText(f"{self.library}: {message}")

    @property
    def loading(self) -> bool:
        return self._pending > 0

    def set_recent(self, folders: list[Path]) -> None:
        self.recent.clear()
        for folder in folders:
            item = QListWidgetItem(qta.icon("mdi6.history"), f"{folder.name}  —  {folder}")
            item.setData(Qt.ItemDataRole.UserRole, str(folder))
            self.recent.addItem(item)

    def _open_row(self, index: QModelIndex) -> None:
        row = self.model.rows[index.row()]
        self.openRequested.emit(row.folder)
