"""The window's Undo and Redo actions follow the open issue's undo stack.

``QUndoStack.createUndoAction`` makes a new action per stack; the window keeps one pair of
actions (in its menus, toolbar and shortcuts) for whichever issue is open, so they are named
and enabled here the way those actions would be.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QUndoStack
from shiboken6 import Shiboken


class UndoActionBinder(QObject):
    """Lives as a child of the stack: when the issue closes, the binding goes with it."""

    def __init__(self, stack: QUndoStack, undo: QAction, redo: QAction):
        super().__init__(stack)
        self.stack, self.undo, self.redo = stack, undo, redo
        for signal in (
            stack.canUndoChanged,
            stack.canRedoChanged,
            stack.undoTextChanged,
            stack.redoTextChanged,
            stack.indexChanged,
        ):
            signal.connect(self.update)
        self.update()

    def update(self, *_args: object) -> None:
        stack = self.stack
        # A stack being destroyed still signals while it clears itself, after its wrapper is
        # gone: there is nothing left to follow then.
        if not Shiboken.isValid(stack):
            return
        self.undo.setEnabled(stack.canUndo())
        self.redo.setEnabled(stack.canRedo())
        undo_text, redo_text = stack.undoText(), stack.redoText()
        if undo_text:
            self.undo.setText(
                QCoreApplication.translate("UndoActions", "&Undo %1").replace("%1", undo_text)
            )
        else:
            self.undo.setText(QCoreApplication.translate("UndoActions", "&Undo"))
        if redo_text:
            self.redo.setText(
                QCoreApplication.translate("UndoActions", "&Redo %1").replace("%1", redo_text)
            )
        else:
            self.redo.setText(QCoreApplication.translate("UndoActions", "&Redo"))
        for action in (self.undo, self.redo):
            action.setToolTip(action.text().replace("&", ""))


def bind_undo_actions(stack: QUndoStack, undo: QAction, redo: QAction) -> UndoActionBinder:
    return UndoActionBinder(stack, undo, redo)


def reset_undo_actions(undo: QAction, redo: QAction) -> None:
    """No issue open: plain names, both disabled."""
    undo.setText(QCoreApplication.translate("UndoActions", "&Undo"))
    redo.setText(QCoreApplication.translate("UndoActions", "&Redo"))
    for action in (undo, redo):
        action.setToolTip(action.text().replace("&", ""))
        action.setEnabled(False)
