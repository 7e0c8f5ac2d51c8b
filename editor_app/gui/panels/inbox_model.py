"""The inbox panel's table: one row per item, with where its link already appeared.

Rows are plain records (``InboxRow``); the model only shows them. The title and tags cells
are edited in place: ``setData`` hands the new value to ``edit_handler`` (the panel writes
the item file and updates the row). Dragging rows gives the items as JSON under
``INBOX_MIME`` (what the outline takes to make cards) and their URLs (what a browser or
another program takes).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QUrl,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from editor_app.core.inbox.item import InboxItem
from editor_app.core.ledger import LedgerEntry
from editor_app.gui.outline_model import INBOX_MIME
from editor_app.gui.panels.panel_common import TextFlagFilter

TITLE, SITE, TAGS, ADDED, STATUS = range(5)
ItemRole = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


@dataclass
class InboxRow:
    item: InboxItem
    featured: list[LedgerEntry] = field(default_factory=list)  # earlier issues, newest first
    in_issue: bool = False  # the open issue links to it already

    @property
    def key(self) -> str:
        return self.item.id

    @property
    def host(self) -> str:
        host = (urlsplit(self.item.url).hostname or "").lower()
        return host[4:] if host.startswith("www.") else host


def items_from_mime(data: QMimeData) -> list[InboxItem]:
    """The items a drag from the inbox carries (none for any other drag)."""
    if not data.hasFormat(INBOX_MIME):
        return []
    try:
        raw = json.loads(bytes(data.data(INBOX_MIME)).decode("utf-8"))
        return [InboxItem.from_json(entry) for entry in raw if isinstance(entry, dict)]
    except (ValueError, TypeError):
        return []


def items_to_mime(items: list[InboxItem]) -> QMimeData:
    mime = QMimeData()
    mime.setData(INBOX_MIME, json.dumps([i.to_json() for i in items]).encode("utf-8"))
    mime.setUrls([QUrl(i.url) for i in items])
    mime.setText("\n".join(i.url for i in items))
    return mime


class InboxTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[InboxRow] = []
        self.headers = [
            self.tr("Title"), self.tr("Site"), self.tr("Tags"), self.tr("Added"), self.tr("Seen"),
        ]  # fmt: skip

        # Called with the row and {"title" or "tags": text}; True if the edit was made.
        self.edit_handler: Callable[[InboxRow, dict[str, Any]], bool] | None = None
        self.editable = False

    def set_rows(self, rows: list[InboxRow]) -> None:
        """Show ``rows``; when they are the same items in the same order (a reload after one
        file changed), only the rows whose item changed are refreshed, so the selection, the
        scroll position and an open cell editor stay."""
        if [r.key for r in rows] == [r.key for r in self.rows]:
            for row in rows:
                self.update_item(row.item)
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, item_id: str) -> int:
        """The row showing item ``item_id``, or -1."""
        return next((n for n, r in enumerate(self.rows) if r.item.id == item_id), -1)

    def update_item(self, item: InboxItem) -> bool:
        """Show ``item`` in its row (a changed file, an edit, an undo); True if it changed."""
        n = self.row_of(item.id)
        if n < 0 or self.rows[n].item == item:
            return False
        self.rows[n].item = item
        self.dataChanged.emit(self.index(n, 0), self.index(n, len(self.headers) - 1))
        return True

    def statuses_changed(self, rows: list[int]) -> None:
        for n in rows:
            self.dataChanged.emit(self.index(n, STATUS), self.index(n, STATUS))

    def row_at(self, index: Index) -> InboxRow | None:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.rows[index.row()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def status_text(self, row: InboxRow) -> str:
        if row.in_issue:
            return self.tr("In this issue")
        if row.featured:
            first = row.featured[0]
            more = len(row.featured) - 1
            # The month is short and says enough; the tooltip names the issue and the card.
            when = first.date.strftime("%Y-%m") if first.date else first.slug
            text = self.tr("Featured %1").replace("%1", when)
            return text + (f" +{more}" if more else "")
        return ""

    def tooltip(self, row: InboxRow) -> str:
        item = row.item
        lines = [item.display_title, item.url]
        if item.description:
            lines.append(item.description)
        if item.note:
            lines.append(self.tr("Note: %1").replace("%1", item.note))
        lines.append(self.tr("From: %1").replace("%1", item.origin))
        for entry in row.featured[:5]:
            lines.append(
                self.tr("Featured in %1 (%2)")
                .replace("%1", entry.issue_title or entry.slug)
                .replace("%2", entry.card_title or entry.card)
            )
        if row.in_issue:
            lines.append(self.tr("The open issue links to this page already."))
        return "\n".join(lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            item = row.item
            return {
                TITLE: item.display_title,
                SITE: item.site or row.host,
                TAGS: ", ".join(item.tags),
                ADDED: item.added[:10],
                STATUS: self.status_text(row),
            }[column]
        if role == Qt.ItemDataRole.EditRole and column in (TITLE, TAGS):
            return row.item.title if column == TITLE else ", ".join(row.item.tags)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            if row.in_issue:
                return QColor("#2e7dd8")
            if row.featured:
                return QColor("#c47f00")
        if role == ItemRole:
            return row.item
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )
        if self.editable and index.column() in (TITLE, TAGS):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        row = self.row_at(index)
        if row is None or role != Qt.ItemDataRole.EditRole or self.edit_handler is None:
            return False
        if index.column() not in (TITLE, TAGS):
            return False
        name = "title" if index.column() == TITLE else "tags"
        return self.edit_handler(row, {name: str(value)})

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt API
        return [INBOX_MIME, "text/uri-list", "text/plain"]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802 - Qt API
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return items_to_mime([self.rows[r].item for r in rows])

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 - Qt API
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction


class InboxFilter(TextFlagFilter):
    """Filters by text (title, URL, tags, note; ``tag:name`` for one tag exactly) and by
    where the link was seen."""

    ALL, NEW, FEATURED, IN_ISSUE = range(4)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        row = model.rows[source_row] if isinstance(model, InboxTableModel) else None
        if row is None:
            return True
        if self.flag == self.NEW and (row.featured or row.in_issue):
            return False
        if self.flag == self.FEATURED and not row.featured:
            return False
        if self.flag == self.IN_ISSUE and not row.in_issue:
            return False
        if not self.text:
            return True
        item = row.item
        haystack = " ".join([item.title, item.url, item.note, item.site, *item.tags]).casefold()
        tags = {t.casefold() for t in item.tags}
        # Every word must match; "tag:name" asks for that tag exactly ("tag:go" is not "golang").
        for word in self.text.split():
            if word.startswith("tag:") and len(word) > 4:
                if word[4:] not in tags:
                    return False
            elif word not in haystack:
                return False
        return True


def inbox_table(parent: QWidget, proxy: InboxFilter) -> QTableView:
    """The inbox's table over ``proxy``: rows selected whole, dragged out, newest first."""
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(ADDED, Qt.SortOrder.DescendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setDragEnabled(True)
    view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
    view.setDefaultDropAction(Qt.DropAction.MoveAction)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    # The title takes what the others leave; an issue's slug in "Seen" can be long, so
    # those columns keep a set width (the tooltip has everything).
    header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(ADDED, QHeaderView.ResizeMode.ResizeToContents)
    em = view.fontMetrics().averageCharWidth()
    for column, chars in ((SITE, 14), (TAGS, 14), (STATUS, 20)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, chars * em)
    return view
