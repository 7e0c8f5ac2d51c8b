"""The image panel's list: one row per asset with its thumbnail, facts, users and flags."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Any

import qtawesome as qta
from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from editor_app.core.images import COVER, SECTION_USER, AssetInfo, asset_key, oversize_reason
from editor_app.core.links import LinkRef, links_of_card
from editor_app.core.model import Card, Issue
from editor_app.core.numbering import compute_numbers
from editor_app.gui.i18n import message_catalog
from editor_app.gui.panels.panel_common import TextFlagFilter

RowRole = Qt.ItemDataRole.UserRole
ERROR_COLOR = "#d64545"
WARNING_COLOR = "#d08c00"
MUTED_COLOR = "#8a8f98"
THUMB_PX = 64
_ERROR_FLAGS = frozenset({"missing", "unreadable", "missing-alt", "symlink", "unsafe-asset"})


@dataclass
class AssetRow:
    info: AssetInfo
    users: list[tuple[str, str]] = field(default_factory=list)  # (card id, "1/3 Title")
    thumb: str | None = None  # cached thumbnail file

    @property
    def path(self) -> str:
        return self.info.path

    @property
    def name(self) -> str:
        return posixpath.basename(self.info.path)

    @property
    def file_name(self) -> str:
        """The name the editor knows the file by: the one it was imported from when known
        (the stored name is a content hash), else the stored name."""
        return self.info.original or self.name

    @property
    def title(self) -> str:
        """What the image shows: its first alt text; the file name only when no card
        describes it."""
        return next((a.strip() for a in self.info.alts if a.strip()), "") or self.file_name

    @property
    def problems(self) -> list[str]:
        return self.info.problems

    @property
    def unused(self) -> bool:
        return "unused" in self.info.problems


def human_size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n / 1024 / 1024:.1f} MB"


class ImageAssetModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[AssetRow] = []
        self.max_width = 1600
        self._pixmaps: dict[str, QPixmap] = {}

    def set_rows(self, rows: list[AssetRow]) -> None:
        old = {r.path: r.thumb for r in self.rows}
        for row in rows:
            row.thumb = row.thumb or old.get(row.path)
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def set_thumbnails(self, thumbs: dict[str, str | None]) -> None:
        for i, row in enumerate(self.rows):
            if row.path in thumbs and thumbs[row.path] != row.thumb:
                row.thumb = thumbs[row.path]
                index = self.index(i, 0)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def pixmap(self, row: AssetRow) -> QPixmap | None:
        if not row.thumb:
            return None
        pix = self._pixmaps.get(row.thumb)
        if pix is None:
            pix = QPixmap(row.thumb)
            if pix.isNull():
                return None
            self._pixmaps[row.thumb] = pix
        return pix

    def scaled_pixmap(self, row: AssetRow, size: QSize, dpr: float) -> QPixmap | None:
        """The thumbnail fitted into ``size`` for a screen of ``dpr`` (cached)."""
        pix = self.pixmap(row)
        if pix is None:
            return None
        key = f"{row.thumb}@{size.width()}x{size.height()}@{dpr:g}"
        scaled = self._pixmaps.get(key)
        if scaled is None:
            scaled = pix.scaled(
                size * dpr,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            scaled.setDevicePixelRatio(dpr)
            self._pixmaps[key] = scaled
        return scaled

    def row_at(self, index: QModelIndex | QPersistentModelIndex) -> AssetRow | None:
        return self.rows[index.row()] if index.isValid() and index.row() < len(self.rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role == Qt.ItemDataRole.DecorationRole:
            pix = self.pixmap(row)
            return QIcon(pix) if pix is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row)
        return None

    # -- texts shared by the delegate and the tooltip ----------------------------------------
    def facts(self, row: AssetRow) -> str:
        info = row.info
        if not info.exists:
            return self.tr("file not found")
        parts = [row.file_name] if row.title != row.file_name else []
        if info.width:
            parts.append(f"{info.width} × {info.height}")
        if info.format:
            parts.append(info.format)
        parts.append(human_size(info.bytes))
        if info.frames > 1:
            parts.append(self.tr("%n frame(s)", "", info.frames))
        return " · ".join(parts)

    def users_text(self, row: AssetRow) -> str:
        if not row.users:
            return self.tr("Not used by any card")
        names = [label for _cid, label in row.users]
        return self.tr("Used by %n card(s): %1", "", len(names)).replace("%1", ", ".join(names))

    def problem_texts(self, row: AssetRow) -> list[tuple[str, str]]:
        """(text, colour) for each flag of the asset, labelled by its code in the core
        catalog (the same labels `masthead image list` prints)."""
        catalog = message_catalog()
        out = []
        for code in row.problems:
            text = catalog.asset_flag(code)
            if code == "oversize":
                reason = oversize_reason(row.info, self.max_width)
                if reason is not None:
                    text = self.tr("%1 (%2)").replace("%1", text).replace("%2", catalog.say(reason))
            out.append((text, ERROR_COLOR if code in _ERROR_FLAGS else WARNING_COLOR))
        return out

    def tooltip(self, row: AssetRow) -> str:
        lines = [row.path]
        if row.info.original:
            lines.append(self.tr("Imported from %1").replace("%1", row.info.original))
        lines += [self.facts(row).removeprefix(f"{row.file_name} · "), self.users_text(row)]
        alts = list(dict.fromkeys(a for a in row.info.alts))
        if alts:
            lines.append(self.tr("Alt text: %1").replace("%1", " | ".join(a or "∅" for a in alts)))
        lines += [text for text, _ in self.problem_texts(row)]
        return "\n".join(lines)


class AssetFilterProxy(TextFlagFilter):
    """Filters by a text (file name, alt text, card) and a flag."""

    ALL, PROBLEMS, UNUSED, MISSING, ALT = range(5)

    def filterAcceptsRow(
        self, source_row: int, parent: QModelIndex | QPersistentModelIndex
    ) -> bool:  # noqa: N802
        model = self.sourceModel()
        if not isinstance(model, ImageAssetModel) or source_row >= len(model.rows):
            return False
        row = model.rows[source_row]
        p = set(row.problems)
        ok = {
            self.ALL: True,
            self.PROBLEMS: bool(p),
            self.UNUSED: "unused" in p,
            self.MISSING: bool(p & {"missing", "unreadable"}),
            self.ALT: bool(p & {"missing-alt", "generic-alt"}),
        }[self.flag]
        if not ok:
            return False
        if self.text:
            labels = (label for _, label in row.users)
            hay = "\n".join([row.path, row.info.original, *row.info.alts, *labels])
            return all(word in hay.casefold() for word in self.text.split())
        return True


class AssetDelegate(QStyledItemDelegate):
    """Thumbnail on the left; name, facts, users and coloured flags on four lines."""

    PAD = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        line = QFontMetrics(option.font).lineSpacing()
        return QSize(200, max(THUMB_PX, 4 * line) + 2 * self.PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        model = index.model()
        source = model.sourceModel() if isinstance(model, QSortFilterProxyModel) else model
        row = index.data(RowRole)
        if row is None or not isinstance(source, ImageAssetModel):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text, opt.icon = "", QIcon()
        style = opt.widget.style() if opt.widget else None
        painter.save()
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = option.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        thumb_rect = QRect(rect.left(), rect.top(), THUMB_PX, THUMB_PX)
        self._paint_thumb(painter, source, row, thumb_rect, option)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active
        text_color = option.palette.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = text_color if selected else QColor(MUTED_COLOR)
        x = thumb_rect.right() + self.PAD + 4
        width = rect.right() - x
        fm = QFontMetrics(option.font)
        line = fm.lineSpacing()
        y = rect.top()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_color)
        self._text(painter, QFontMetrics(bold), x, y, width, row.title)
        painter.setFont(option.font)
        painter.setPen(muted)
        self._text(painter, fm, x, y + line, width, source.facts(row))
        self._text(painter, fm, x, y + 2 * line, width, source.users_text(row))
        flags = source.problem_texts(row)
        cx = x
        for text, color in flags:
            painter.setPen(text_color if selected else QColor(color))
            label = "● " + text
            w = fm.horizontalAdvance(label)
            if cx + w > x + width and cx > x:
                label = fm.elidedText(label, Qt.TextElideMode.ElideRight, x + width - cx)
                w = fm.horizontalAdvance(label)
            painter.drawText(
                QRect(cx, y + 3 * line, max(w, 0), line), Qt.AlignmentFlag.AlignLeft, label
            )
            cx += w + 10
            if cx >= x + width:
                break
        painter.restore()

    @staticmethod
    def _text(painter: QPainter, fm: QFontMetrics, x: int, y: int, width: int, text: str) -> None:
        elided = fm.elidedText(text, Qt.TextElideMode.ElideMiddle, max(width, 0))
        painter.drawText(QRect(x, y, width, fm.lineSpacing()), Qt.AlignmentFlag.AlignLeft, elided)

    @staticmethod
    def _paint_thumb(
        painter: QPainter,
        model: ImageAssetModel,
        row: AssetRow,
        rect: QRect,
        option: QStyleOptionViewItem,
    ) -> None:
        dpr = painter.device().devicePixelRatioF()
        pix = model.scaled_pixmap(row, rect.size(), dpr)
        if pix is None:
            if not row.info.exists:
                name, color = "mdi6.image-remove", ERROR_COLOR
            elif "unreadable" in row.problems:
                name, color = "mdi6.image-broken-variant", ERROR_COLOR
            else:
                name, color = "mdi6.image-outline", MUTED_COLOR
            icon = qta.icon(name, color=color)
            icon.paint(painter, rect.adjusted(12, 12, -12, -12))
            return
        scaled = pix
        size = scaled.deviceIndependentSize().toSize()
        x = rect.left() + (rect.width() - size.width()) // 2
        y = rect.top() + (rect.height() - size.height()) // 2
        painter.fillRect(rect, option.palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawPixmap(x, y, scaled)


def card_label(numbers: dict[str, str], titles: dict[str, str], card_id: str, cover: str) -> str:
    if card_id == COVER:
        return cover
    if card_id.startswith("#"):  # a section intro: its title, as put in ``titles``
        return titles.get(card_id, card_id)
    return f"{numbers.get(card_id, '?')} {titles.get(card_id, card_id)}".strip()


def build_asset_rows(issue: Issue, infos: list[AssetInfo], cover: str) -> list[AssetRow]:
    """Rows for an asset report: problems first, then by file name (what needs work on top)."""
    numbers = compute_numbers(issue)
    section_pos = {s.id: pos for pos, s in enumerate(issue.sections, 1)}
    labels = {
        card.id: f"{section_pos[section.id]}/{numbers.cards.get(card.id, '?')}"
        for section, card, _ in issue.iter_cards()
    }
    titles = {cid: card.title for cid, card in issue.cards.items()}
    titles.update({f"{SECTION_USER}{s.id}": f"§ {s.title}" for s in issue.sections})
    rows = [
        AssetRow(info, [(cid, card_label(labels, titles, cid, cover)) for cid in info.cards])
        for info in infos
    ]
    rows.sort(key=lambda r: (not r.problems, r.file_name.lower()))
    return rows


def image_ref(card: Card, asset: str) -> LinkRef | None:
    """The first reference to ``asset`` in the card (where a jump should land)."""
    return next(
        (r for r in links_of_card(card) if r.kind == "image" and asset_key(r.url) == asset), None
    )
