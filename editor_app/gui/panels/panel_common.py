"""Pieces the link and image panels share: the filter proxy and the panel's layout."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QLabel, QLayout, QVBoxLayout, QWidget


class TextFlagFilter(QSortFilterProxyModel):
    """A proxy filtered by a search text and one flag; subclasses decide what matches."""

    def __init__(self, parent: QObject | None = None, flag: int = 0):
        super().__init__(parent)
        self.text = ""
        self.flag = flag

    def _refilter(self, name: str, value: object) -> None:
        self.beginFilterChange()
        setattr(self, name, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self._refilter("text", text.strip().casefold())

    def set_flag(self, flag: int) -> None:
        self._refilter("flag", flag)


def lay_out_panel(
    panel: QWidget, toolbar: QWidget, filters: QLayout, view: QWidget, progress: QWidget
) -> tuple[QLabel, QLabel]:
    """Toolbar, filters, the list, a progress row, then a status and a summary line."""
    status = QLabel(panel)
    status.setWordWrap(True)
    status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    summary = QLabel(panel)
    summary.setWordWrap(True)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.setSpacing(4)
    layout.addWidget(toolbar)
    layout.addLayout(filters)
    layout.addWidget(view, 1)
    layout.addWidget(progress)
    layout.addWidget(status)
    layout.addWidget(summary)
    return status, summary
