"""Keyboard reach of the main window: the command palette, a shortcut per dock, context menus
from the keyboard. Built once with the window; ``attach`` wires an opened issue."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget
from shiboken6 import isValid

from editor_app.gui.command_palette import CommandPalette, collect_entries, open_palette
from editor_app.gui.focus import focus_first_control
from editor_app.gui.keyboard_menus import KeyboardContextMenus

if TYPE_CHECKING:
    from editor_app.gui.main_window import MainWindow
    from editor_app.gui.workspace import Workspace


class WindowKeys(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.menus = KeyboardContextMenus(self)
        self.palette: CommandPalette | None = None
        self.act_palette = QAction(self.tr("Command &Palette…"), window)
        self.act_palette.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.act_palette.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.act_palette.triggered.connect(lambda _c=False: self.show_palette())
        window.addAction(self.act_palette)
        # Alt+digit: no menu uses digits as accelerators and the editor's headings are Ctrl+digit.
        docks = [
            (window.outline_dock, self.tr("Go to &Outline")),
            (window.preview_dock, self.tr("Go to Pre&view")),
            (window.panels.export_dock, self.tr("Go to E&xport")),
            (window.panels.links_dock, self.tr("Go to &Links")),
            (window.panels.images_dock, self.tr("Go to &Images")),
            (window.panels.sync_dock, self.tr("Go to S&ync")),
            (window.panels.inbox_dock, self.tr("Go to In&box")),
        ]
        self.dock_actions: list[QAction] = []
        for number, (dock, text) in enumerate(docks, start=1):
            action = QAction(text, window)
            action.setShortcut(QKeySequence(f"Alt+{number}"))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _c=False, d=dock: self.go_to_dock(d))
            window.addAction(action)
            self.dock_actions.append(action)
        menu = window.view_menu
        menu.addSeparator()
        for action in self.dock_actions:
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.act_palette)
        self.set_issue_open(False)

    def set_issue_open(self, is_open: bool) -> None:
        for action in self.dock_actions:
            action.setEnabled(is_open)

    def attach(self, ws: Workspace) -> None:
        """Shift+F10 and the Menu key in the outline, the card editor and the panels."""
        widgets = [ws.view, ws.editor.body_edit, ws.editor.title_edit]
        panels = self.window.panels
        widgets += [p.view for p in (panels.links, panels.images, panels.inbox) if p is not None]
        self.menus.watch(*widgets)
        self.set_issue_open(True)

    # -- docks -------------------------------------------------------------------------------
    def go_to_dock(self, dock: QDockWidget) -> None:
        if self.window.workspace is None:
            return
        dock.show()
        dock.raise_()
        focus_first_control(dock.widget())

    # -- palette -----------------------------------------------------------------------------
    def areas(self) -> list[tuple[str, Iterable[QAction]]]:
        """Actions that live on widgets rather than in the menus, by where they act."""
        ws = self.window.workspace
        panels = self.window.panels
        search = (panels.search_dock.windowTitle(), panels.search_panel.findChildren(QAction))
        if ws is None:
            return [search]
        found: list[tuple[str, Iterable[QAction]]] = [
            search,
            (self.window.outline_dock.windowTitle(), ws.view.actions()),
            (self.tr("Editor"), [*ws.editor.actions(), *ws.editor.body_edit.actions()]),
            (panels.export_dock.windowTitle(), panels.export_panel.findChildren(QAction)),
        ]
        for dock, panel in (
            (panels.links_dock, panels.links),
            (panels.images_dock, panels.images),
            (panels.inbox_dock, panels.inbox),
        ):
            if panel is not None:
                found.append((dock.windowTitle(), panel.findChildren(QAction)))
        return found

    def show_palette(self) -> CommandPalette:
        # The palette deletes itself on close: a second Ctrl+Shift+P finds only its wrapper.
        if self.palette is not None and isValid(self.palette) and self.palette.isVisible():
            return self.palette
        entries = collect_entries(self.window, self.areas())
        entries = [e for e in entries if e.action is not self.act_palette]
        self.palette = open_palette(self.window, entries)
        return self.palette
