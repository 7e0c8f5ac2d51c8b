"""Pieces the table panels share: filter proxy and its filter row, selection helper, layout."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


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


def filter_edit(parent: QWidget, proxy: Any, placeholder: str) -> QLineEdit:
    """The text filter of a panel's list: typing narrows ``proxy`` (``set_text``)."""
    edit = QLineEdit(parent)
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    edit.textChanged.connect(proxy.set_text)
    return edit


def flag_combo(parent: QWidget, proxy: Any, choices: list[tuple[str, int]]) -> QComboBox:
    """The flag filter of a panel's list: (label, flag) choices sent to ``proxy.set_flag``."""
    combo = QComboBox(parent)
    for text, flag in choices:
        combo.addItem(text, flag)
    combo.currentIndexChanged.connect(lambda _i: proxy.set_flag(int(combo.currentData())))
    return combo


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


class RowSelection:
    """The selected rows of a view over a filter proxy, as the source model's row objects.

    The source model keeps its rows in ``rows`` and answers ``row_at(source_index)``.
    """

    def __init__(self, view: QAbstractItemView, proxy: QSortFilterProxyModel, model: Any):
        self.view, self.proxy, self.model = view, proxy, model

    def selected(self) -> list[Any]:
        rows = (self.model.row_at(self.proxy.mapToSource(i)) for i in self._selected_indexes())
        return [row for row in rows if row is not None]

    def _selected_indexes(self) -> list[QModelIndex]:
        return self.view.selectionModel().selectedRows()

    def current(self) -> Any | None:
        index = self.view.currentIndex()
        return self.model.row_at(self.proxy.mapToSource(index)) if index.isValid() else None

    def targets(self) -> list[Any]:
        """The selection, or the current row when nothing is selected."""
        rows = self.selected()
        if not rows and (current := self.current()) is not None:
            rows = [current]
        return rows

    def restore(self, key: Callable[[Any], Hashable], keys: set, current: Hashable | None) -> None:
        """Select the rows whose key is in ``keys`` again after a refresh."""
        selection = self.view.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for i, row in enumerate(self.model.rows):
            row_key = key(row)
            if row_key not in keys and row_key != current:
                continue
            index = self.proxy.mapFromSource(self.model.index(i, 0))
            if not index.isValid():
                continue
            if row_key == current:
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            if row_key in keys:
                selection.select(index, flags)


class DeferredRefresh(QObject):
    """Refreshes a panel a moment after the issue changes, and only while it is on screen.

    A panel hidden behind another dock tab rebuilds nothing while the editor types; it
    catches up once when it is shown (the panel's showEvent calls ``shown``, and so does its
    dock becoming the current tab: see ``follow``). A panel in a dock tab that is not the
    current one counts as visible to Qt (it is only moved out of sight), so "on screen" also
    asks for a visible region. No event filter: a filter child would be called while the
    panel is being destroyed.
    """

    def __init__(self, panel: QWidget, refresh: Callable[[], None], delay_ms: int):
        super().__init__(panel)
        self.panel, self.refresh, self.stale = panel, refresh, False
        self.timer = QTimer(self, singleShot=True, interval=delay_ms)
        self.timer.timeout.connect(self._run)

    def on_screen(self) -> bool:
        return self.panel.isVisible() and not self.panel.visibleRegion().isEmpty()

    def schedule(self, delay_ms: int | None = None) -> None:
        if self.stale and not self.timer.isActive():
            return  # already waiting to be shown (asking Qt again costs, per keystroke)
        if self.on_screen():
            self.timer.start(self.timer.interval() if delay_ms is None else delay_ms)
        else:
            self.stale = True

    def cancel(self) -> None:
        self.timer.stop()

    def _run(self) -> None:
        if not self.on_screen():
            self.stale = True  # hidden meanwhile: caught up when shown again
            return
        self.stale = False
        self.refresh()

    def shown(self) -> None:
        if self.stale:
            self.timer.start(0)

    def follow(self, dock: QDockWidget) -> None:
        """Catch up when ``dock`` (the panel's dock) becomes the current tab."""
        # A bound method, not a lambda: the dock outlives the panels it holds, and Qt drops
        # the connection when this object goes.
        dock.visibilityChanged.connect(self._dock_visibility)

    def _dock_visibility(self, visible: bool) -> None:
        if visible:
            self.shown()
