"""The main window's actions, menus and toolbar (a mixin of MainWindow).

The window-wide actions are built once; an open issue adds its own (the outline's, the
editor's Find and formatting, typography) and takes them away when it closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QToolBar

from editor_app.gui.typography_actions import TypographyActions

if TYPE_CHECKING:
    from editor_app.gui.workspace import Workspace


class MainMenusMixin:
    """Builds the window-wide actions; the handlers live on MainWindow."""

    def _action(self, text: str, icon: str | None, shortcut=None, slot=None) -> QAction:  # noqa: ANN001
        action = QAction(qta.icon(icon) if icon else QIcon(), text, self)
        if icon:
            action.setProperty("qtaIcon", icon)  # redrawn in the new colours on a theme change
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if slot is not None:
            action.triggered.connect(lambda _c=False: slot())
        return action

    def _build_actions(self) -> None:
        self.act_new = self._action(
            self.tr("&New Issue…"),
            "mdi6.file-plus-outline",
            QKeySequence.StandardKey.New,
            self.new_issue,
        )
        self.act_open = self._action(
            self.tr("&Open Issue…"),
            "mdi6.folder-open-outline",
            QKeySequence.StandardKey.Open,
            self.choose_issue,
        )
        self.act_library = self._action(
            self.tr("Show &Library"), "mdi6.bookshelf", "Ctrl+Shift+L", self.close_issue
        )
        self.act_save = self._action(
            self.tr("&Save Now"),
            "mdi6.content-save-outline",
            QKeySequence.StandardKey.Save,
            self.save_now,
        )
        self.act_quit = self._action(
            self.tr("&Quit"), "mdi6.exit-to-app", QKeySequence.StandardKey.Quit, self.close
        )
        self.act_undo = self._action(
            self.tr("&Undo"), "mdi6.undo", QKeySequence.StandardKey.Undo, self.undo
        )
        self.act_redo = self._action(self.tr("&Redo"), "mdi6.redo", "Ctrl+Shift+Z", self.redo)
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.act_focus_outline = self._action(
            self.tr("Focus &Outline"), None, "Ctrl+Shift+O", self.focus_outline
        )
        self.act_focus_editor = self._action(
            self.tr("Focus &Editor"), None, "Ctrl+Shift+E", self.focus_editor
        )
        self.act_import = self._action(
            self.tr("&Import Issue…"), "mdi6.file-import-outline", "Ctrl+Alt+I", self.import_issue
        )
        self.act_export = self._action(
            self.tr("&Export…"), "mdi6.export-variant", "Ctrl+E", self.show_export
        )
        self.act_copy_wechat = self._action(
            self.tr("Copy for &WeChat"),
            "mdi6.wechat",
            None,
            lambda: self.copy_channel("wechat"),
        )
        self.act_copy_wechat.setToolTip(
            self.tr("Copy the issue as a WeChat article (styles and images inside)")
        )
        self.act_copy_email = self._action(
            self.tr("Copy as Email &HTML"),
            "mdi6.email-outline",
            None,
            lambda: self.copy_channel("email"),
        )
        self.act_copy_email.setToolTip(
            self.tr("Copy the issue as newsletter email HTML, with its plain-text version")
        )
        self.act_properties = self._action(
            self.tr("Issue &Properties…"), "mdi6.cog-outline", "Ctrl+Alt+P", self.edit_properties
        )
        self.act_about = self._action(
            self.tr("&About Masthead"), "mdi6.information-outline", None, self.about
        )
        self.act_settings = self._action(
            self.tr("Pr&eferences…"), "mdi6.tune-variant", "Ctrl+,", self.edit_settings
        )
        self.act_settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        # Listed in the Format menu while an issue is open.
        self.typography = TypographyActions(self, self._action)
        self.typography.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.typography.attach(None)
        # Ctrl+Shift+F is the card editor's Find in Issue; this one searches every issue.
        self.act_search_library = self._action(
            self.tr("Search &Library…"), "mdi6.text-search", "Ctrl+Alt+F", self.panels.show_search
        )
        # Undo/Redo also serve the text editor, which handles its own Ctrl+Z when focused.
        for action in (self.act_undo, self.act_redo):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        for action in (
            self.act_new,
            self.act_open,
            self.act_library,
            self.act_save,
            self.act_properties,
        ):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_import)
        self.file_menu.addAction(self.act_export)
        self.recent_menu = self.file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_settings)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_quit)

        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.edit_menu.addAction(self.act_undo)
        self.edit_menu.addAction(self.act_redo)
        self.edit_menu.addSeparator()
        self.edit_ws_anchor = self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.act_copy_wechat)
        self.edit_menu.addAction(self.act_copy_email)
        self.edit_menu.addAction(self.act_search_library)
        self.format_menu = bar.addMenu(self.tr("Fo&rmat"))
        self.outline_menu = bar.addMenu(self.tr("&Outline"))
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.view_menu.addAction(self.outline_dock.toggleViewAction())
        self.view_menu.addAction(self.preview_dock.toggleViewAction())
        for dock in self.panels.docks():
            self.view_menu.addAction(dock.toggleViewAction())
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.act_focus_outline)
        self.view_menu.addAction(self.act_focus_editor)
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.act_about)

        self.toolbar = QToolBar(self.tr("Main toolbar"), self)
        self.toolbar.setObjectName("toolbar-main")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.addToolBar(self.toolbar)
        for action in (self.act_new, self.act_open, self.act_library):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_undo)
        self.toolbar.addAction(self.act_redo)
        self.toolbar.addSeparator()
        self.outline_toolbar_anchor = self.toolbar.addSeparator()

    # -- the open issue's actions ------------------------------------------------------------
    def _install_workspace_actions(self, ws: Workspace) -> None:
        # The editor owns Find/Replace and formatting shortcuts; the menus only list them.
        self._edit_ws_actions = list(ws.editor.edit_actions())
        for action in self._edit_ws_actions:
            self.edit_menu.insertAction(self.edit_ws_anchor, action)
        self.format_menu.clear()
        for action in ws.editor.format_actions():
            self.format_menu.addAction(action)
        self.format_menu.addSeparator()
        for action in self.typography.actions():
            self.format_menu.addAction(action)
        editor = ws.editor
        self.typography.attach(
            ws.document, lambda: editor.current_card_id, ws.commit_pending, ws.shown_section_id
        )
        ws.editor.jumpRequested.connect(self._jump_to)
        self.outline_menu.clear()
        for action in ws.actions.all():
            self.outline_menu.addAction(action)
            # Window-wide shortcuts, except those that must only act in the tree.
            if action not in (ws.actions.delete, ws.actions.rename):
                self.addAction(action)
        for action in (ws.actions.add_section, ws.actions.add_card, ws.actions.add_subcard):
            self.toolbar.insertAction(self.outline_toolbar_anchor, action)
        self._workspace_toolbar_actions = [
            ws.actions.add_section,
            ws.actions.add_card,
            ws.actions.add_subcard,
        ]

    def _remove_workspace_actions(self, ws: Workspace) -> None:
        """Take the closing issue's actions out of the menus, the toolbar and the window."""
        for action in getattr(self, "_workspace_toolbar_actions", []):
            self.toolbar.removeAction(action)
            self.removeAction(action)
        for action in ws.actions.all():
            self.removeAction(action)
        self.outline_menu.clear()
        self.format_menu.clear()
        self.typography.attach(None)
        for action in getattr(self, "_edit_ws_actions", []):
            self.edit_menu.removeAction(action)
        self._edit_ws_actions = []

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for folder in self.settings.recent_issues():
            action = self.recent_menu.addAction(folder.name)
            action.setToolTip(str(folder))
            action.triggered.connect(lambda _c=False, f=folder: self.open_issue(f))
        if not self.recent_menu.actions():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)
