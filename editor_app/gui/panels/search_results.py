"""The search panel's list: one row per result, drawn as its title, issue and snippet with the
matches highlighted."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from editor_app.core.search.engine import SearchHit

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
SNIPPET_LINES = 2  # lines of snippet under the title line


def marked_html(text: str, marks: tuple[tuple[int, int], ...], style: str) -> str:
    """``text`` as HTML with each ``(start, end)`` span in ``style`` (CSS declarations)."""
    out, pos = [], 0
    for start, end in marks:
        if start < pos or end > len(text):
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f'<span style="{style}">{html.escape(text[start:end])}</span>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def hit(self, index: QModelIndex | QPersistentModelIndex) -> SearchHit | None:
        row = index.row()
        return self.hits[row] if index.isValid() and 0 <= row < len(self.hits) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        hit = self.hit(index)
        if hit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            # What screen readers read and what tests compare: title, then the snippet.
            return f"{hit.title}\n{hit.snippet}"
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [hit.issue_title, hit.section, hit.folder]
            return " · ".join(p for p in dict.fromkeys(parts) if p)
        if role == HIT_ROLE:
            return hit
        return None


class SearchResultDelegate(QStyledItemDelegate):
    """Three parts per row: the title (matches marked) on one line, the issue and section
    dimmed on the next, then up to two lines of snippet (matches marked)."""

    PAD = 6

    def _mark_style(self, palette: QPalette) -> str:
        # Its own text colour too: the selected row's white text is unreadable on yellow.
        if palette.color(QPalette.ColorRole.Base).lightness() < 128:
            return "background-color:#806000; color:#ffffff"
        return "background-color:#ffe27a; color:#000000"

    def _text_color(self, option: QStyleOptionViewItem) -> QColor:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        return option.palette.color(role)

    def _document(self, option: QStyleOptionViewItem, body: str, width: int) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(0)
        doc.setDefaultStyleSheet(f"body {{ color: {self._text_color(option).name()}; }}")
        doc.setHtml(f"<body>{body}</body>")
        doc.setTextWidth(width)
        return doc

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        hit = index.data(HIT_ROLE)
        if hit is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = option.rect.adjusted(self.PAD, self.PAD // 2, -self.PAD, -self.PAD // 2)
        line = option.fontMetrics.lineSpacing()
        mark = self._mark_style(option.palette)
        painter.save()
        painter.setClipRect(rect)
        # The title on one line (cut at the edge), the matches marked.
        title = self._document(
            option, "<b>" + marked_html(hit.title or "…", hit.title_marks, mark) + "</b>", -1
        )
        painter.translate(rect.topLeft())
        title.documentLayout().draw(painter, QAbstractTextDocumentLayout.PaintContext())
        # The issue and the section, dimmed and elided.
        where = " · ".join(p for p in dict.fromkeys((hit.issue_title, hit.section)) if p)
        dim = QColor(self._text_color(option))
        dim.setAlphaF(0.6)
        painter.setPen(dim)
        elided = option.fontMetrics.elidedText(where, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(0, line + option.fontMetrics.ascent(), elided)
        # Up to two lines of snippet.
        if hit.snippet:
            painter.setClipRect(0, 2 * line, rect.width(), SNIPPET_LINES * line)
            snippet = self._document(
                option, marked_html(hit.snippet, hit.marks, mark), rect.width()
            )
            painter.translate(QPoint(0, 2 * line))
            snippet.documentLayout().draw(painter, QAbstractTextDocumentLayout.PaintContext())
        painter.restore()

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = option.fontMetrics.lineSpacing()
        return QSize(200, line * (2 + SNIPPET_LINES) + self.PAD)
