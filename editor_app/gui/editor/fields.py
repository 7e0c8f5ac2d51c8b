"""Small widgets for the card's typed fields: editable record tables and the Details toggle,
and selecting a range of a field's text (``select_range``)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QWidget,
)

from editor_app.gui.editor.search import Utf16Map

Row = tuple[str, ...]
VISIBLE_ROWS = 4  # rows shown before the table scrolls


class RecordTable(QWidget):
    """A small editable table of text records (project links, further reading).

    ``edited`` carries every row with at least one non-empty cell, after any cell edit,
    row removal or row move. Blank rows are scratch space: they are never emitted.
    """

    edited = Signal(list)

    def __init__(
        self, headers: list[str], widths: list[int] | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._columns = len(headers)
        self._loading = False
        self.table = QTableWidget(0, self._columns, self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setTabKeyNavigation(False)  # Tab leaves the table: keyboard-only use
        self.table.setWordWrap(False)
        for column, width in enumerate(widths or []):
            self.table.setColumnWidth(column, width)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.table.itemChanged.connect(self._item_changed)

        self.add_button = QToolButton(self)
        self.add_button.setText("+")
        self.add_button.setToolTip(self.tr("Add a row"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QToolButton(self)
        self.remove_button.setText("−")
        self.remove_button.setToolTip(self.tr("Remove the selected rows"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button = QToolButton(self)
        self.up_button.setText("↑")
        self.up_button.setToolTip(self.tr("Move the row up"))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QToolButton(self)
        self.down_button.setText("↓")
        self.down_button.setToolTip(self.tr("Move the row down"))
        self.down_button.clicked.connect(lambda: self.move_current(1))

        # A 2x2 block of buttons fits beside a one-row table.
        buttons = QGridLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(0)
        for index, button in enumerate(
            (self.add_button, self.remove_button, self.up_button, self.down_button)
        ):
            button.setAutoRaise(True)
            buttons.addWidget(button, index // 2, index % 2)
        buttons.setRowStretch(2, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._fit_height()

    # -- values ------------------------------------------------------------------------------
    def rows(self) -> list[Row]:
        """Every row with at least one non-empty cell, cells stripped."""
        out = []
        for r in range(self.table.rowCount()):
            row = tuple(self._cell(r, c) for c in range(self._columns))
            if any(row):
                out.append(row)
        return out

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def set_rows(self, rows: list[Row]) -> None:
        """Show ``rows`` unless the table already shows them (keeps blank rows and editing)."""
        if [tuple(r) for r in rows] == self.rows():
            return
        self._loading = True
        try:
            self.table.setRowCount(0)
            for row in rows:
                self._append(row)
        finally:
            self._loading = False
        self._fit_height()

    def _append(self, row: Row) -> int:
        index = self.table.rowCount()
        self.table.insertRow(index)
        for column in range(self._columns):
            self.table.setItem(index, column, QTableWidgetItem(row[column]))
        return index

    def setReadOnly(self, read_only: bool) -> None:  # noqa: N802 - Qt naming like QLineEdit
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setEnabled(not read_only)

    # -- editing ------------------------------------------------------------------------------
    def add_row(self) -> None:
        self._loading = True
        try:
            index = self._append(("",) * self._columns)
        finally:
            self._loading = False
        self._fit_height()
        self.table.setCurrentCell(index, 0)
        self.table.setFocus()
        self.table.editItem(self.table.item(index, 0))

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        if not rows:
            return
        for row in rows:
            self.table.removeRow(row)
        self._fit_height()
        self.edited.emit(self.rows())

    def move_current(self, delta: int) -> None:
        row = self.table.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        values = [self._cell(row, c) for c in range(self._columns)]
        others = [self._cell(target, c) for c in range(self._columns)]
        self._loading = True
        try:
            for column in range(self._columns):
                self.table.item(row, column).setText(others[column])
                self.table.item(target, column).setText(values[column])
        finally:
            self._loading = False
        self.table.setCurrentCell(target, self.table.currentColumn())
        self.edited.emit(self.rows())

    def reveal(self, record: int, column: int, start: int, end: int) -> None:
        """Edit the cell of ``record`` (its index among the rows ``rows`` returns) in
        ``column`` with ``[start, end)`` (Python indexes) of its text selected."""
        filled = [
            r
            for r in range(self.table.rowCount())
            if any(self._cell(r, c) for c in range(self._columns))
        ]
        if not 0 <= record < len(filled) or not 0 <= column < self._columns:
            return
        row = filled[record]
        self.table.setCurrentCell(row, column)
        self.table.scrollToItem(self.table.item(row, column))
        if self.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers:
            return  # read-only: the cell is shown, not opened
        self.table.editItem(self.table.item(row, column))
        editors = [w for w in self.table.viewport().findChildren(QLineEdit) if not w.isHidden()]
        editor = editors[-1] if editors else None
        select_range(editor, start, end)

    def _item_changed(self, _item: QTableWidgetItem) -> None:
        if not self._loading:
            self.edited.emit(self.rows())

    def _fit_height(self) -> None:
        rows = max(1, min(self.table.rowCount(), VISIBLE_ROWS))
        height = self.table.horizontalHeader().sizeHint().height()
        height += rows * self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(height + 2 * self.table.frameWidth() + 2)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(360, self.table.height())


class DetailsToggle(QToolButton):
    """A flat arrow button that folds the Details area; shows a one-line summary when closed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setCheckable(True)
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._summary = ""
        self.toggled.connect(self._update)
        self._update(False)

    def set_summary(self, summary: str) -> None:
        self._summary = summary
        self._update(self.isChecked())

    def _update(self, expanded: bool) -> None:
        self.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        title = self.tr("Details")
        if not expanded and self._summary:
            title = f"{title} — {self._summary}"
        self.setText(title)


def select_range(widget: QLineEdit | QPlainTextEdit | None, start: int, end: int) -> None:
    """Focus ``widget`` and select ``[start, end)`` of its text (Python indexes)."""
    if widget is None:
        return
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        umap = Utf16Map(widget.text())
        widget.setSelection(umap.to_qt(start), umap.to_qt(end) - umap.to_qt(start))
        return
    umap = Utf16Map(widget.toPlainText())
    cursor = widget.textCursor()
    cursor.setPosition(umap.to_qt(start))
    cursor.setPosition(umap.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    widget.setTextCursor(cursor)
    widget.ensureCursorVisible()
