"""Context menus from the keyboard (Shift+F10 and the Menu key), at the current item or the
text cursor rather than wherever the mouse happens to be."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def is_menu_key(event: QKeyEvent) -> bool:
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if event.key() == Qt.Key.Key_Menu and mods == Qt.KeyboardModifier.NoModifier:
        return True
    return event.key() == Qt.Key.Key_F10 and mods == Qt.KeyboardModifier.ShiftModifier


def menu_anchor(widget: QWidget) -> tuple[QWidget, QPoint]:
    """The widget that receives the menu event (a scroll area's viewport) and the point in it
    where the menu belongs: the current item, the text cursor, else the middle."""
    if isinstance(widget, QAbstractItemView):
        index = widget.currentIndex()
        if index.isValid():
            widget.scrollTo(index)
            rect = widget.visualRect(index)
            return widget.viewport(), QPoint(
                rect.left() + min(24, rect.width() // 2), rect.bottom()
            )
        return widget.viewport(), widget.viewport().rect().center()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        widget.ensureCursorVisible()
        return widget.viewport(), widget.cursorRect().bottomRight()
    if isinstance(widget, QLineEdit):
        return widget, widget.cursorRect().bottomRight()
    if isinstance(widget, QAbstractScrollArea):
        return widget.viewport(), widget.viewport().rect().center()
    return widget, widget.rect().center()


class KeyboardContextMenus(QObject):
    """Turns Shift+F10 and the Menu key on the watched widgets into a context menu event.

    The key press is accepted here, so the platform does not send a second event for it.
    """

    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(watched, QWidget)
            and isinstance(event, QKeyEvent)
            and is_menu_key(event)
        ):
            target, pos = menu_anchor(watched)
            menu_event = QContextMenuEvent(
                QContextMenuEvent.Reason.Keyboard, pos, target.mapToGlobal(pos)
            )
            QApplication.sendEvent(target, menu_event)
            event.accept()
            return True
        return super().eventFilter(watched, event)
