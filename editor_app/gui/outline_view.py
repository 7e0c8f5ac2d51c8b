"""The outline tree: sections, cards and sub-cards with numbers, status and problem badges."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QItemSelectionModel, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

from editor_app.gui.outline_model import KindRole, OutlineModel, ProblemsRole, StatusRole

STATUS_ICONS = {
    "draft": ("mdi6.pencil-outline", "#8a8f98"),
    "review": ("mdi6.eye-outline", "#d08a00"),
    "ready": ("mdi6.check-circle-outline", "#2e9d5b"),
    "published": ("mdi6.send-check-outline", "#3a6fd8"),
}


class OutlineDelegate(QStyledItemDelegate):
    """Adds a status icon and an error/warning badge to each row."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        if index.data(KindRole) == "section":
            option.font.setWeight(QFont.Weight.DemiBold)
        status = index.data(StatusRole)
        if status in STATUS_ICONS:
            name, color = STATUS_ICONS[status]
            option.icon = qta.icon(name, color=color)
            option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        errors, warnings = index.data(ProblemsRole) or (0, 0)
        if not (errors or warnings):
            super().paint(painter, option, index)
            return
        badge_w = 26
        narrowed = QStyleOptionViewItem(option)
        narrowed.rect = option.rect.adjusted(0, 0, -badge_w - 4, 0)
        super().paint(painter, narrowed, index)
        color = QColor("#d64545") if errors else QColor("#d9a400")
        rect = QRect(
            option.rect.right() - badge_w, option.rect.top() + 3, badge_w, option.rect.height() - 6
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(color)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(QColor("white"))
        font = QFont(option.font)
        font.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.8))
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(errors or warnings))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(size.width() + 30, max(size.height(), 24))


class OutlineView(QTreeView):
    currentNodeChanged = Signal(str, str)  # id, kind ("" when nothing)

    def __init__(self, model: OutlineModel, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.outline = model
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setItemDelegate(OutlineDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # DragDrop rather than InternalMove: links and inbox items dragged in from outside
        # are accepted too (the model decides what a drop means).
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setUniformRowHeights(True)
        # Rename with F2 or a double-click only: a click on the selected row is how one comes
        # back to the outline, and a field opened by it swallowed the next Delete.
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        # Long titles end in "…" within the dock's width (the full title is the tooltip).
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Outline"))
        # Rows are expanded unless the editor collapsed them. Row moves keep each row's state
        # (persistent indexes); new rows and a reset are expanded from this set of ids.
        self._collapsed: set[str] = set()
        self._restoring = False
        # While the model performs a structural change, the current row Qt picks when the
        # current one is removed is not announced: the change's end decides what is current.
        self._updating = False
        self._before: str | None = None
        self.collapsed.connect(self._on_collapsed)
        self.expanded.connect(self._on_expanded)
        model.aboutToUpdate.connect(self._before_update)
        model.updated.connect(self._after_update)
        model.rowsInserted.connect(self._expand_inserted)
        model.rowsMoved.connect(self._expand_moved)
        model.modelReset.connect(self._restore_expansion)
        self.selectionModel().currentChanged.connect(self._on_current)
        self.expandAll()

    # -- state across structural changes -------------------------------------------------------
    def _on_collapsed(self, index: QModelIndex) -> None:
        if not self._restoring:
            self._collapsed.add(self.outline.node_id(index))

    def _on_expanded(self, index: QModelIndex) -> None:
        if not self._restoring:
            self._collapsed.discard(self.outline.node_id(index))

    def _expand(self, index: QModelIndex, subtree: bool) -> None:
        """Expand ``index`` (and with ``subtree`` its descendants) unless collapsed by hand."""
        self._restoring = True
        try:
            stack = [index]
            while stack:
                current = stack.pop()
                if current.isValid() and self.outline.node_id(current) not in self._collapsed:
                    self.setExpanded(current, True)
                if subtree:
                    rows = self.outline.rowCount(current)
                    stack.extend(self.outline.index(r, 0, current) for r in range(rows))
        finally:
            self._restoring = False

    def _expand_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        # A card that just got its first sub-card opens, as does whatever was inserted with
        # its own sub-cards (an undone delete, a duplicate).
        self._expand(parent, subtree=False)
        for row in range(first, last + 1):
            self._expand(self.outline.index(row, 0, parent), subtree=True)

    def _expand_moved(
        self, _source: QModelIndex, _s: int, _e: int, dest: QModelIndex, _r: int
    ) -> None:
        self._expand(dest, subtree=False)  # an indented card shows under its new parent

    def _restore_expansion(self) -> None:
        self._restoring = True
        self.expandAll()
        for node_id in self._collapsed:
            idx = self.outline.index_of(node_id)
            if idx.isValid():
                self.setExpanded(idx, False)
        self._restoring = False

    def _before_update(self) -> None:
        self._updating = True
        self._before = self.current_id()

    def _after_update(self, select: list[str]) -> None:
        """Select what the change asks for; else keep the current row, or clear if it is gone."""
        self._updating = False
        ids = [i for i in select if self.outline.index_of(i).isValid()]
        if ids:
            self.select_ids(ids)
            return
        before = self.outline.index_of(self._before) if self._before else QModelIndex()
        if before.isValid():
            if self.currentIndex() != before:  # only after a reset
                self.select_ids([self._before])
            return
        # The current row went away and the change named nothing to select.
        had_current = self.currentIndex().isValid()
        self.selectionModel().clear()
        if not had_current:
            self.currentNodeChanged.emit("", "")

    def select_ids(self, ids: list[str]) -> None:
        sel = self.selectionModel()
        sel.clearSelection()
        first = None
        for node_id in ids:
            idx = self.outline.index_of(node_id)
            if not idx.isValid():
                continue
            parent = idx.parent()
            while parent.isValid():
                self.setExpanded(parent, True)
                parent = parent.parent()
            sel.select(idx, QItemSelectionModel.SelectionFlag.Select)
            first = first or idx
        if first is not None:
            sel.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.scrollTo(first)
            self._on_current(first, QModelIndex())

    # -- queries -----------------------------------------------------------------------------
    def current_id(self) -> str | None:
        return self.outline.node_id(self.currentIndex())

    def current_kind(self) -> str | None:
        return self.outline.kind(self.currentIndex())

    def selected_ids(self, kind: str | None = None) -> list[str]:
        rows = self.selectionModel().selectedRows()
        ids = [
            self.outline.node_id(i) for i in rows if kind is None or self.outline.kind(i) == kind
        ]
        current = self.current_id()
        if not ids and current and (kind is None or self.current_kind() == kind):
            ids = [current]
        order = {c.id: n for n, c in enumerate(self.outline.document.issue.ordered_cards())}
        return sorted(ids, key=lambda i: order.get(i, -1))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._updating:
            return
        node_id = self.outline.node_id(current)
        self.currentNodeChanged.emit(node_id or "", self.outline.kind(current) or "")
