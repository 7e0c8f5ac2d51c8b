"""The link panel's table model, its edit delegate and the proxy that filters and sorts it.

The rows themselves (``link_rows``) carry the link-check status from the issue's cache and the
featured-before entries from the archive ledger (looked up off the UI thread by the panel).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import qtawesome as qta
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from editor_app.core.ledger import LedgerEntry
from editor_app.core.linkcheck import (
    BLOCKED,
    BROKEN,
    CANCELLED,
    ERROR,
    OFFLINE,
    OK,
    REDIRECTED,
    SKIPPED,
    LinkStatus,
)
from editor_app.gui.i18n import message_catalog
from editor_app.gui.panels.link_rows import DUPLICATES_LISTED, LinkRow
from editor_app.gui.panels.panel_common import TextFlagFilter

CARD, TEXT, URL, KIND, STATUS, FEATURED = range(6)
COLUMNS = 6
RowRole = Qt.ItemDataRole.UserRole  # the LinkRow
SortRole = Qt.ItemDataRole.UserRole + 1

ERROR_COLOR = "#d64545"
WARNING_COLOR = "#d08c00"
OK_COLOR = "#2e9d4f"
INFO_COLOR = "#3d7bd9"
FEATURED_COLOR = "#8e5bd0"
MUTED_COLOR = "#8a8f98"

KIND_ICONS = {
    "source": "mdi6.newspaper-variant-outline",
    "link": "mdi6.link-variant",
    "inline": "mdi6.text-box-outline",
    "further": "mdi6.book-open-variant",
    "image": "mdi6.image-outline",
}
# state -> (icon, colour, sort rank: worst first when sorted ascending)
STATUS_LOOK = {
    BROKEN: ("mdi6.close-circle", ERROR_COLOR, 0),
    ERROR: ("mdi6.alert-circle", ERROR_COLOR, 1),
    BLOCKED: ("mdi6.shield-alert-outline", WARNING_COLOR, 2),
    REDIRECTED: ("mdi6.arrow-right-circle", INFO_COLOR, 3),
    OK: ("mdi6.check-circle", OK_COLOR, 4),
    OFFLINE: ("mdi6.wifi-off", MUTED_COLOR, 5),
    CANCELLED: ("mdi6.cancel", MUTED_COLOR, 6),
    SKIPPED: ("mdi6.minus-circle-outline", MUTED_COLOR, 7),
}


def _local_time(stamp: str) -> str:
    try:
        when = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


class LinkTableModel(QAbstractTableModel):
    """The issue's links. ``edit_handler(row, new_url, new_text)`` performs in-place edits."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[LinkRow] = []
        self.edit_handler: Callable[[LinkRow, str | None, str | None], bool] | None = None
        self.editable = True
        self.has_library = False
        self._icons: dict[tuple[str, str], Any] = {}

    # -- filling -----------------------------------------------------------------------------
    def set_rows(self, rows: list[LinkRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def set_statuses(self, statuses: dict[str, LinkStatus]) -> None:
        for row in self.rows:
            row.status = statuses.get(row.ref.url)
        self._column_changed(STATUS)

    def set_featured(self, featured: dict[str, list[LedgerEntry]]) -> None:
        for row in self.rows:
            found = featured.get(row.ref.url, []) if row.ref.kind != "image" else []
            row.featured = [e for e in found if e.featured]
            row.mentioned = [e for e in found if not e.featured]
        self._column_changed(FEATURED)
        self._column_changed(URL)

    def update_row(self, row: LinkRow, url: str | None, text: str | None) -> None:
        """Show an edit at once; the panel rebuilds every row shortly after."""
        if row not in self.rows:
            return
        changes = {k: v for k, v in (("url", url), ("text", text)) if v is not None}
        row.ref = replace(row.ref, **changes)
        i = self.rows.index(row)
        self.dataChanged.emit(self.index(i, 0), self.index(i, COLUMNS - 1))

    def _column_changed(self, column: int) -> None:
        if self.rows:
            top, bottom = self.index(0, column), self.index(len(self.rows) - 1, column)
            self.dataChanged.emit(top, bottom)

    def row_at(self, index: QModelIndex | QPersistentModelIndex) -> LinkRow | None:
        return self.rows[index.row()] if index.isValid() and index.row() < len(self.rows) else None

    # -- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_titles()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = {
                CARD: self.tr("Section / card number and the card's title"),
                TEXT: self.tr("Link text or image alt text (F2 edits)"),
                URL: self.tr("Address (F2 edits); marked when duplicated or featured before"),
                STATUS: self.tr("Result of the last link check"),
                FEATURED: self.tr("Other issues of the archive that featured this link")
                if self.has_library
                else self.tr("No archive library: featured-before is not known"),
            }
            return tips.get(section)
        return None

    def column_titles(self) -> list[str]:
        return [
            self.tr("Card"),
            self.tr("Text"),
            self.tr("URL"),
            self.tr("Kind"),
            self.tr("Status"),
            self.tr("Featured"),
        ]

    def kind_label(self, kind: str) -> str:
        return {
            "source": self.tr("Source"),
            "link": self.tr("Project link"),
            "inline": self.tr("Inline"),
            "further": self.tr("Further reading"),
            "image": self.tr("Image"),
            "intro": self.tr("Section intro"),
        }.get(kind, kind)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if self.editable and index.column() in (TEXT, URL):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def _icon(self, name: str, color: str) -> Any:
        key = (name, color)
        if key not in self._icons:
            self._icons[key] = qta.icon(name, color=color)
        return self._icons[key]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        col = index.column()
        if role == RowRole:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._display(row, col, role == Qt.ItemDataRole.EditRole)
        if role == SortRole:
            return self._sort_key(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col)
        if role == Qt.ItemDataRole.AccessibleTextRole and col == KIND:
            return self.kind_label(row.ref.kind)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._decoration(row, col)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == STATUS and row.status is not None:
                return QColor(STATUS_LOOK.get(row.status.state, ("", MUTED_COLOR))[1])
            if col == FEATURED and row.featured:
                return QColor(FEATURED_COLOR)
        return None

    def _display(self, row: LinkRow, col: int, edit: bool) -> str:
        r = row.ref
        if col == CARD:
            return f"{row.number} {row.card_title}".strip()
        if col == TEXT:
            return r.text
        if col == URL:
            # https:// is the norm: leave it out of the cell (the editor and tooltip have it).
            return r.url if edit or not r.url.startswith("https://") else r.url[8:]
        if col == KIND:
            return ""  # an icon; the kind's name is in the tooltip
        if col == STATUS:
            return "" if row.status is None else self.status_text(row.status)
        if col == FEATURED:
            entries = row.featured or row.mentioned
            if not entries:
                return ""
            first = entries[0]
            name = f"#{first.number}" if first.number is not None else first.slug
            more = len({e.folder for e in entries}) - 1
            text = name + (f" +{more}" if more > 0 else "")
            # Only mentioned there (in a card's text or an intro): says so, not a warning.
            return text if row.featured else self.tr("mentioned %1").replace("%1", text)
        return ""

    def status_text(self, status: LinkStatus) -> str:
        """Short enough for a narrow column: the final HTTP status, else the state.

        Redirects show as the icon; every hop is in the tooltip.
        """
        if status.status is not None and status.checked:
            return str(status.status)
        names = {
            ERROR: self.tr("error"),
            OFFLINE: self.tr("offline"),
            CANCELLED: self.tr("cancelled"),
            SKIPPED: self.tr("skipped"),
        }
        return names.get(status.state, status.state)

    def _sort_key(self, row: LinkRow, col: int) -> Any:
        if col == CARD:
            return row.order * 1000 + row.ref.index
        if col == STATUS:
            if row.status is None:
                return 99
            return STATUS_LOOK.get(row.status.state, ("", "", 50))[2]
        if col == FEATURED:
            return -len(row.featured)
        if col == KIND:
            return self.kind_label(row.ref.kind).lower()
        return self._display(row, col, True).lower()

    def _decoration(self, row: LinkRow, col: int) -> Any:
        if col == KIND:
            return self._icon(KIND_ICONS.get(row.ref.kind, "mdi6.link"), MUTED_COLOR)
        if col == URL:
            if row.duplicated and row.featured:
                return self._icon("mdi6.alert-decagram", ERROR_COLOR)
            if row.duplicated:
                return self._icon("mdi6.content-duplicate", WARNING_COLOR)
            if row.featured:
                return self._icon("mdi6.history", FEATURED_COLOR)
        if col == STATUS and row.status is not None:
            name, color, _ = STATUS_LOOK.get(row.status.state, ("mdi6.help-circle", MUTED_COLOR, 0))
            return self._icon(name, color)
        return None

    def _tooltip(self, row: LinkRow, col: int) -> str | None:
        if col == STATUS:
            return self.status_tooltip(row)
        if col == FEATURED:
            return self.featured_tooltip(row) or None
        if col == URL:
            parts = [row.ref.url]
            if row.duplicated:
                parts.append(self.duplicate_tooltip(row))
            if row.featured:
                parts.append(self.featured_tooltip(row))
            return "\n\n".join(parts)
        if col == CARD:
            where = self.tr("line %1").replace("%1", str(row.ref.line)) if row.ref.line else ""
            field = self.field_label(row.ref.field)
            return f"{row.number} {row.card_title}\n{field}" + (f", {where}" if where else "")
        if col == KIND:
            return self.kind_label(row.ref.kind)
        return self._display(row, col, False) or None

    def field_label(self, name: str) -> str:
        return {
            "source": self.tr("Source"),
            "links": self.tr("Project links"),
            "body": self.tr("Body"),
            "note": self.tr("Editor's note"),
            "further_reading": self.tr("Further reading"),
        }.get(name, name)

    def duplicate_tooltip(self, row: LinkRow) -> str:
        lines = [self.tr("Duplicate: the same link is also in")]
        others = row.duplicates
        for label, other in others[:DUPLICATES_LISTED]:
            lines.append(f"• {label} ({self.kind_label(other.kind)})")
        if len(others) > DUPLICATES_LISTED:
            lines.append(f"• … (+{len(others) - DUPLICATES_LISTED})")
        return "\n".join(lines)

    def featured_tooltip(self, row: LinkRow) -> str:
        lines = self._ledger_lines(self.tr("Featured before in"), row.featured)
        mentions = self._ledger_lines(self.tr("Mentioned before in"), row.mentioned)
        return "\n".join([*lines, *mentions])

    def _ledger_lines(self, heading: str, entries: list[LedgerEntry]) -> list[str]:
        if not entries:
            return []
        lines = [heading]
        for e in entries[:12]:
            issue = e.issue_title or e.slug
            extra = ", ".join(
                x for x in (f"No. {e.number}" if e.number is not None else "", str(e.date or ""))
                if x
            )  # fmt: skip
            if e.kind == "intro":
                card = self.tr("intro of section “%1”").replace("%1", e.card_title or e.card)
            else:
                card = self.tr("card “%1”").replace("%1", e.card_title or e.card)
            card += f" ({self.kind_label(e.kind)})"
            lines.append(f"• {issue}" + (f" ({extra})" if extra else "") + f": {card}")
        if len(entries) > 12:
            lines.append(self.tr("… and %1 more").replace("%1", str(len(entries) - 12)))
        return lines

    def status_tooltip(self, row: LinkRow) -> str:
        s = row.status
        if s is None:
            if not row.is_web:
                return self.tr("Not a web address: not checked")
            return self.tr("Not checked yet (Check Links asks the network)")
        names = {
            OK: self.tr("OK"),
            REDIRECTED: self.tr("OK after redirects"),
            BROKEN: self.tr("Broken"),
            BLOCKED: self.tr("Blocked: the server refused the robot; the page may exist"),
            ERROR: self.tr("No answer"),
            OFFLINE: self.tr("Not checked: no network"),
            CANCELLED: self.tr("Not checked: cancelled"),
            SKIPPED: self.tr("Not checked: not a web address"),
        }
        lines = [names.get(s.state, s.state)]
        if s.status is not None:
            lines.append(self.tr("HTTP status: %1").replace("%1", str(s.status)))
        for code, location in s.redirects:
            lines.append(f"  {code} → {location}")
        if s.final_url and s.final_url != s.url:
            lines.append(self.tr("Ends at: %1").replace("%1", s.final_url))
        if s.error:
            lines.append(message_catalog().say(s.reason))
        if s.checked_at:
            lines.append(self.tr("Checked: %1").replace("%1", _local_time(s.checked_at)))
        return "\n".join(lines)

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 2
    ) -> bool:  # noqa: N802
        row = self.row_at(index)
        if row is None or role != Qt.ItemDataRole.EditRole or self.edit_handler is None:
            return False
        text = str(value)
        if index.column() == URL and text.strip() != row.ref.url:
            return self.edit_handler(row, text.strip(), None)
        if index.column() == TEXT and text != row.ref.text:
            return self.edit_handler(row, None, text)
        return False


class LinkEditDelegate(QStyledItemDelegate):
    """Edits text and URLs in a line as wide as the table, not the (narrow) cell."""

    MIN_WIDTH = 320

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index) -> None:  # noqa: ANN001, N802
        super().updateEditorGeometry(editor, option, index)
        viewport = editor.parentWidget()
        if viewport is None:
            return
        rect = QRect(option.rect)
        rect.setRight(max(rect.right(), viewport.width() - 1))
        if rect.width() < self.MIN_WIDTH:
            rect.setLeft(max(0, rect.right() - self.MIN_WIDTH))
        editor.setGeometry(rect)


class LinkFilterProxy(TextFlagFilter):
    """Filters by a text (card, text or URL), a kind and a flag; sorts by SortRole."""

    FLAG_ALL, FLAG_ANY, FLAG_DUPLICATE, FLAG_FEATURED, FLAG_BROKEN, FLAG_UNCHECKED = range(6)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent, self.FLAG_ALL)
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)
        self.kind = ""

    def set_kind(self, kind: str) -> None:
        self._refilter("kind", kind)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:  # noqa: N802, E501
        model = self.sourceModel()
        if not isinstance(model, LinkTableModel) or source_row >= len(model.rows):
            return False
        row = model.rows[source_row]
        if self.kind and row.ref.kind != self.kind:
            return False
        if not self._flag_ok(row):
            return False
        if self.text:
            hay = f"{row.number} {row.card_title}\n{row.ref.text}\n{row.ref.url}".casefold()
            return all(word in hay for word in self.text.split())
        return True

    def _flag_ok(self, row: LinkRow) -> bool:
        flag = self.flag
        if flag == self.FLAG_ANY:
            return row.flagged
        if flag == self.FLAG_DUPLICATE:
            return row.duplicated
        if flag == self.FLAG_FEATURED:
            return bool(row.featured)
        if flag == self.FLAG_BROKEN:
            return row.broken
        if flag == self.FLAG_UNCHECKED:
            return row.is_web and (row.status is None or not row.status.checked)
        return True
