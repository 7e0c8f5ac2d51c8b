"""Keeping what the editor types while an issue is still opening.

Between the window appearing and the workspace being ready (the card shown, the preview's
first page loaded, the body given the keyboard), keystrokes land wherever the focus happens
to be, or nowhere; the QtWebEngine view taking the focus as it loads swallowed them. An
application-wide event filter queues the text typed into the window meanwhile, as plain
values, and replays it into the card body once the workspace is ready.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QWidget

# Keys that type into a text body; anything else (shortcuts, arrows) passes through.
_TYPING_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Backspace, Qt.Key.Key_Tab}
_PLAIN_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
# The longest wait for the preview before the buffer gives up waiting and replays.
MAX_WAIT_MS = 5000


def _is_typing(event: QKeyEvent) -> bool:
    if event.modifiers() & ~_PLAIN_MODIFIERS:
        return False
    text = event.text()
    return (bool(text) and text.isprintable()) or event.key() in _TYPING_KEYS


class StartupKeyBuffer(QObject):
    """Queues typing aimed at ``window`` until ``release`` hands it to ``target()``."""

    def __init__(self, window: QWidget, target: Callable[[], QWidget | None]):
        super().__init__(window)
        self.window = window
        self.target = target
        self.queued: list[tuple[int, int, str] | str] = []  # key events, or IME commits
        self.active = True
        QCoreApplication.instance().installEventFilter(self)
        self._deadline = QTimer(self, singleShot=True, interval=MAX_WAIT_MS)
        self._deadline.timeout.connect(self.release)
        self._deadline.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if not self.active or not isinstance(watched, QWidget):
            return False
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.InputMethod):
            return False
        if watched.window() is not self.window:
            return False  # a dialog over the window keeps its keys
        if kind == QEvent.Type.InputMethod:
            commit = event.commitString()
            if not commit:
                return False  # a preedit: only what is committed is typed
            self.queued.append(commit)
            return True
        if not _is_typing(event):
            return False
        if kind == QEvent.Type.KeyPress:
            self.queued.append((event.key(), event.modifiers().value, event.text()))
        return True

    def discard(self) -> None:
        """Stop queueing and forget what was queued (the issue closed before it was ready)."""
        if self.active:
            self.active = False
            self._deadline.stop()
            QCoreApplication.instance().removeEventFilter(self)
        self.queued = []
        self.deleteLater()

    def release(self) -> None:
        """Stop queueing; give the body the keyboard and type into it what was queued."""
        if not self.active:
            return
        queued = self.queued
        self.discard()
        body = self.target()
        if body is None:
            return
        body.setFocus(Qt.FocusReason.OtherFocusReason)
        for item in queued:
            if isinstance(item, str):
                commit = QInputMethodEvent()
                commit.setCommitString(item)
                QCoreApplication.sendEvent(body, commit)
                continue
            key, modifiers, text = item
            mods = Qt.KeyboardModifier(modifiers)
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QCoreApplication.sendEvent(body, QKeyEvent(kind, key, mods, text))
