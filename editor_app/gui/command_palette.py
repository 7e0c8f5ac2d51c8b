"""The command palette (Ctrl+Shift+P): every command of the window, found by typing.

It lists the actions of the menus, the window, the outline, the card editor and the panels,
each with its menu path (or the panel it belongs to) and its shortcut. Typing filters by the
words of the shown name, of the English name and, for Chinese names, by pinyin
(gui/palette_match.py). Enter runs the command, Escape closes; the focus goes back to where
it was before the command runs, so a command that acts on "the current widget" finds it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import (
    QAction,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.gui.focus import restore_focus
from editor_app.gui.i18n import english_source
from editor_app.gui.palette_match import SearchKeys, clean_label, rank, search_keys

PATH_SEPARATOR = " › "
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class PaletteEntry:
    action: QAction
    label: str
    path: str
    shortcut: str
    keys: SearchKeys


def entry_for(action: QAction, path: str) -> PaletteEntry:
    label = clean_label(action.text())
    english = english_source(action.text()) or action.text()
    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return PaletteEntry(action, label, path, shortcut, search_keys(action.text(), english))


def _usable(action: QAction) -> bool:
    return (
        not action.isSeparator()
        and action.menu() is None
        and action.isVisible()
        and bool(clean_label(action.text()))
    )


def _menu_actions(menu: QMenu, path: list[str]) -> Iterable[tuple[QAction, str]]:
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from _menu_actions(sub, [*path, clean_label(sub.title())])
        else:
            yield action, PATH_SEPARATOR.join(path)


def collect_entries(
    window: QMainWindow, areas: Iterable[tuple[str, Iterable[QAction]]] = ()
) -> list[PaletteEntry]:
    """The window's commands: menus first (with their paths), then the window's own actions,
    then each named area's (outline, editor, panels). An action is listed once."""
    found: list[tuple[QAction, str]] = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            found.extend(_menu_actions(menu, [clean_label(menu.title())]))
    found.extend((action, "") for action in window.actions())
    for area, actions in areas:
        found.extend((action, area) for action in actions)
    seen: set[int] = set()
    entries = []
    for action, path in found:
        if id(action) in seen or not _usable(action):
            continue
        seen.add(id(action))
        entries.append(entry_for(action, path))
    return entries


class PaletteFilter(QSortFilterProxyModel):
    """Shows the entries matching the query, best first."""

    def __init__(self, entries: list[PaletteEntry], parent: QObject | None = None):
        super().__init__(parent)
        self.entries = entries
        self._order: dict[int, int] = {}
        self.set_query("")

    def set_query(self, query: str) -> None:
        ranked = rank([e.keys for e in self.entries], query)
        self._order = {row: position for position, row in enumerate(ranked)}
        self.invalidate()
        self.sort(0)

    def filterAcceptsRow(self, row: int, _parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        return row in self._order

    def lessThan(  # noqa: N802 - Qt API
        self,
        left: QModelIndex | QPersistentModelIndex,
        right: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        return self._order.get(left.row(), 0) < self._order.get(right.row(), 0)


class PaletteDelegate(QStyledItemDelegate):
    """The name on the left; the menu path and the shortcut, dimmed, on the right."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        entry: PaletteEntry = index.data(ENTRY_ROLE)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = opt.rect.adjusted(8, 0, -8, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = opt.palette.ColorRole.HighlightedText if selected else opt.palette.ColorRole.Text
        painter.save()
        text_color = opt.palette.color(role)
        if not entry.action.isEnabled():
            text_color.setAlpha(110)
        painter.setPen(text_color)
        flags = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(rect, flags | Qt.AlignmentFlag.AlignLeft, entry.label)
        detail = "   ".join(part for part in (entry.path, entry.shortcut) if part)
        dim = opt.palette.color(role)
        dim.setAlpha(150)
        painter.setPen(dim)
        name_width = opt.fontMetrics.horizontalAdvance(entry.label) + 24
        right = QRect(
            rect.left() + name_width, rect.top(), rect.width() - name_width, rect.height()
        )
        elided = opt.fontMetrics.elidedText(detail, Qt.TextElideMode.ElideLeft, right.width())
        painter.drawText(right, flags | Qt.AlignmentFlag.AlignRight, elided)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 10))


class CommandPalette(QDialog):
    """A small popup over the window: a search field above the list of commands."""

    def __init__(self, entries: list[PaletteEntry], parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Popup | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("CommandPalette")
        self.setWindowTitle(self.tr("Command Palette"))
        self.chosen: QAction | None = None
        self.source = QStandardItemModel(self)
        for entry in entries:
            item = QStandardItem(entry.label)
            item.setData(entry, ENTRY_ROLE)
            item.setToolTip(entry.path)
            item.setEditable(False)
            self.source.appendRow(item)
        self.proxy = PaletteFilter(entries, self)
        self.proxy.setSourceModel(self.source)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Type a command (English, 中文 or pinyin)…"))
        self.search.setClearButtonEnabled(True)
        self.list = QListView(self)
        self.list.setModel(self.proxy)
        self.list.setItemDelegate(PaletteDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing always goes to the field
        self.list.activated.connect(self._run)
        self.list.clicked.connect(self._run)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        self.search.textChanged.connect(self.set_query)
        self.search.installEventFilter(self)
        self.resize(640, 420)
        self.set_query("")

    def entries_shown(self) -> list[PaletteEntry]:
        return [self.proxy.index(r, 0).data(ENTRY_ROLE) for r in range(self.proxy.rowCount())]

    def set_query(self, text: str) -> None:
        self.proxy.set_query(text)
        for row in range(self.proxy.rowCount()):
            entry = self.proxy.index(row, 0).data(ENTRY_ROLE)
            if entry.action.isEnabled():
                self.list.setCurrentIndex(self.proxy.index(row, 0))
                return
        self.list.setCurrentIndex(QModelIndex())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                QApplication.sendEvent(self.list, QKeyEvent(event))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._run(self.list.currentIndex())
                return True
        return super().eventFilter(watched, event)

    def _run(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        entry: PaletteEntry = index.data(ENTRY_ROLE)
        if entry.action.isEnabled():
            self.chosen = entry.action
            self.accept()

    def place_over(self, window: QWidget) -> None:
        """Centred near the top of the window, as wide as fits."""
        width = min(680, max(420, window.width() - 80))
        self.resize(width, min(460, max(240, window.height() - 120)))
        top_left = window.mapToGlobal(window.rect().topLeft())
        self.move(top_left.x() + (window.width() - width) // 2, top_left.y() + 60)


def open_palette(window: QMainWindow, entries: list[PaletteEntry]) -> CommandPalette:
    """Show the palette (it does not block); once it closes, put the focus back where it was
    and then run the chosen command, so the command acts where the user was."""
    before = QApplication.focusWidget()
    palette = CommandPalette(entries, window)
    palette.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    palette.place_over(window)

    def finished(_result: int) -> None:
        chosen = palette.chosen
        restore_focus(before)
        if chosen is not None:
            chosen.trigger()

    palette.finished.connect(finished)
    palette.show()
    palette.activateWindow()
    palette.search.setFocus(Qt.FocusReason.PopupFocusReason)
    return palette
