"""Keeping what the editor types while an issue is still opening.

Between the window appearing and the workspace being ready (the card shown, the preview's
first page loaded, the body given the keyboard), keystrokes land wherever the focus happens
to be, or nowhere; the QtWebEngine view taking the focus as it loads swallowed them. An
event filter on the window's widgets queues the text typed into them meanwhile, as plain
values, and replays it into the card body once the workspace is ready.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import Shiboken

# Keys that type into a text body; anything else (shortcuts, arrows) passes through.
_TYPING_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Backspace, Qt.Key.Key_Tab}
_PLAIN_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
_WATCHED_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.InputMethod)
# The longest wait for the preview before the buffer gives up waiting and replays.
MAX_WAIT_MS = 5000


# A widget (and its children) with this property set keeps its keys while an issue opens:
# the search panel, where Enter opens the next result rather than typing into the card.
KEEPS_OWN_KEYS = "mastheadKeepsOwnKeys"


def _keeps_own_keys(widget: QWidget) -> bool:
    while widget is not None:
        if widget.property(KEEPS_OWN_KEYS):
            return True
        widget = widget.parentWidget()
    return False


def _is_typing(event: QKeyEvent) -> bool:
    if event.modifiers() & ~_PLAIN_MODIFIERS:
        return False
    text = event.text()
    return (bool(text) and text.isprintable()) or event.key() in _TYPING_KEYS


class StartupKeyBuffer(QObject):
    """Queues typing aimed at ``window`` until ``release`` hands it to ``target()``."""

    def __init__(
        self,
        window: QWidget,
        target: Callable[[], QWidget | None],
        keep_focus_from: QWidget | None = None,
    ):
        super().__init__(window)
        self.window = window
        self.target = target
        self.keep_focus_from = keep_focus_from
        self.queued: list[tuple[int, int, str] | str] = []  # key events, or IME commits
        self.active = True
        # A filter on each of the window's own widgets, not on the application: an
        # application-wide Python filter is handed every object of QtWebEngine's internals,
        # and wrapping those crashed the process.
        self._watched = [window] + [
            w
            for w in window.findChildren(QWidget)
            if (
                keep_focus_from is None
                or (w is not keep_focus_from and not keep_focus_from.isAncestorOf(w))
            )
            and not _keeps_own_keys(w)
        ]
        for widget in self._watched:
            widget.installEventFilter(self)
        app = QApplication.instance()
        # The preview must not take the keyboard while the issue opens.
        app.focusChanged.connect(self._focus_changed)
        app.aboutToQuit.connect(self.discard)
        self._deadline = QTimer(self, singleShot=True, interval=MAX_WAIT_MS)
        self._deadline.timeout.connect(self.release)
        self._deadline.start()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        guard = self.keep_focus_from
        if not self.active or new is None or guard is None or not Shiboken.isValid(guard):
            return
        if new is guard or guard.isAncestorOf(new):
            body = self.target()
            if body is not None:
                body.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        # The event's type first: it sees every event of the application, and looking at
        # ``watched`` for them all would wrap objects Qt is in the middle of destroying.
        kind = event.type()
        if kind not in _WATCHED_EVENTS or not self.active:
            return False
        if not self.queued and watched is self.target():
            return False  # typed into the body itself, with nothing waiting before it
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
            for widget in self._watched:
                if Shiboken.isValid(widget):
                    widget.removeEventFilter(self)
            self._watched = []
            app = QApplication.instance()
            app.focusChanged.disconnect(self._focus_changed)
            app.aboutToQuit.disconnect(self.discard)
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
