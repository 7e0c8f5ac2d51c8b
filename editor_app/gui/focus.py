"""Keyboard focus helpers: give it back after a dialog, put it in a panel's first control."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid


@contextmanager
def kept_focus() -> Iterator[None]:
    """Put the keyboard focus back on the widget that had it once the block is done.

    A dialog closed with Escape otherwise leaves the focus wherever the window manager
    puts it, and a keyboard user has to find the place again. Every dialog, message box and
    file chooser the window opens runs inside this block (tests/gui/test_focus.py checks
    the source for it and opens each dialog from the editor and from the outline).
    """
    widget = QApplication.focusWidget()
    try:
        yield
    finally:
        restore_focus(widget)


def restore_focus(widget: QWidget | None) -> bool:
    """Give the focus back to ``widget`` if it still exists and can take it (True if so)."""
    if widget is not None and isValid(widget) and widget.isVisible() and widget.isEnabled():
        widget.activateWindow()
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
    return False


def focus_first_control(container: QWidget | None) -> QWidget | None:
    """Focus the first visible, enabled widget inside ``container`` that takes Tab focus."""
    if container is None:
        return None
    candidates = [container]
    widget = container.nextInFocusChain()
    while widget is not None and widget is not container and len(candidates) < 500:
        if container.isAncestorOf(widget):
            candidates.append(widget)
        widget = widget.nextInFocusChain()
    for widget in candidates:
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return widget
    container.setFocus(Qt.FocusReason.ShortcutFocusReason)
    return container
