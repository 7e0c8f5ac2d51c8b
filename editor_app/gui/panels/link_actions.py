"""Helpers shared by the link and image panels: view-scoped actions, edits as one undo step,
a refused cell edit opened again with its text."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QToolBar,
    QToolButton,
    QWidget,
)

from editor_app.core.link_edits import FieldEdit
from editor_app.gui.theme import set_icon


def panel_action(
    owner: QObject,
    view: QWidget,
    toolbar: QToolBar | None,
    text: str,
    icon: str,
    slot: Callable[[], Any],
    keys: QKeySequence | QKeySequence.StandardKey | str | None = None,
    *,
    labelled: bool = False,
) -> QAction:
    """An action on ``view`` (its shortcut works only while the list has focus, so not in a
    filter box or a cell editor), optionally on ``toolbar`` (``labelled``: with its text)."""
    act = QAction(text, owner)
    set_icon(act, icon)
    if keys is not None:
        act.setShortcut(QKeySequence(keys))
        act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    act.triggered.connect(lambda _checked=False: slot())
    view.addAction(act)
    if toolbar is not None:
        toolbar.addAction(act)
        button = toolbar.widgetForAction(act)
        if labelled and isinstance(button, QToolButton):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    return act


def push_field_edits(document: Any, edits: Iterable[FieldEdit], description: str) -> int:
    """Apply card-field edits through ``document.set_field`` as one undo step.

    Returns how many fields changed (0: nothing was pushed).
    """
    changed = [e for e in edits if e.changed]
    if not changed or document.read_only:
        return 0
    stack = document.undo_stack
    stack.beginMacro(description)
    try:
        for edit in changed:
            document.set_field(edit.card, edit.field, edit.new, description)
    finally:
        stack.endMacro()
    return len(changed)


def edit_again(view: QAbstractItemView, index: QModelIndex, text: str) -> None:
    """Open the cell editor of ``index`` again holding ``text``: an edit the panel refused
    (the message says why) closes its editor, and the typed text must not go with it."""
    if not index.isValid():
        return
    view.setCurrentIndex(index)
    view.edit(index)
    # The editor just opened is the one shown: the refused one is hidden, waiting deletion.
    shown = [w for w in view.viewport().findChildren(QLineEdit) if not w.isHidden()]
    if shown:
        shown[-1].setText(text)
