"""The main window: start view or the open issue's workspace, docks, menus and toolbar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from editor_app.core.errors import MastheadError
from editor_app.core.storage import is_issue_folder
from editor_app.core.template import new_issue
from editor_app.gui import theme
from editor_app.gui.app_settings import AppSettings
from editor_app.gui.channel_copy import ChannelCopier
from editor_app.gui.elide import elide
from editor_app.gui.focus import kept_focus
from editor_app.gui.i18n import error_text
from editor_app.gui.import_dialog import ImportDialog
from editor_app.gui.issue_notices import IssueNotices, show_message
from editor_app.gui.main_menus import MainMenusMixin
from editor_app.gui.panel_docks import PanelDocks
from editor_app.gui.place_reveal import jump_to, reveal
from editor_app.gui.preferences import Preferences
from editor_app.gui.start_view import StartView
from editor_app.gui.status_bar import StatusBarController
from editor_app.gui.undo_actions import bind_undo_actions, reset_undo_actions
from editor_app.gui.window_keys import WindowKeys
from editor_app.gui.workspace import Workspace


class MainWindow(MainMenusMixin, QMainWindow):
    def __init__(self, library: Path, settings: AppSettings | None = None):
        super().__init__()
        self.settings = settings or AppSettings()
        self.library = library
        self.workspace: Workspace | None = None
        self.setObjectName("MastheadMainWindow")
        self.resize(1400, 880)

        self.start = StartView(self)
        self.start.openRequested.connect(self.open_issue)
        self.start.newRequested.connect(self.new_issue)
        self.start.openOtherRequested.connect(self.choose_issue)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.start)
        self.editor_host = QStackedWidget(self)
        self.stack.addWidget(self.editor_host)
        self.setCentralWidget(self.stack)

        self.outline_dock = self._dock(
            "outline", self.tr("Outline"), Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.preview_dock = self._dock(
            "preview", self.tr("Preview"), Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.panels = PanelDocks(self, self.preview_dock, self.settings, self._dock, self._reveal)
        self.export_dock = self.panels.export_dock
        self.status = StatusBarController(self.statusBar(), self)
        self.copier = ChannelCopier(self)
        self.copier.copied.connect(self._channel_copied)
        self.copier.failed.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        self.notices = IssueNotices(self)
        self._build_actions()
        self._build_menus()
        self.keys = WindowKeys(self)
        geometry, state = self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        # With no saved layout, give the docks useful widths when an issue first opens.
        self._needs_default_layout = state is None
        if state is not None:
            self.restoreState(state)
        self._docks_shown: dict[str, bool] = {}
        self._set_workspace_visible(False)
        reset_undo_actions(self.act_undo, self.act_redo)
        self.show_library(library)

    # -- construction ------------------------------------------------------------------------
    def _dock(self, name: str, title: str, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    # -- library and issues ------------------------------------------------------------------
    def show_library(self, library: Path) -> None:
        self.library = library
        self.start.set_library(library)
        self.start.set_recent(self.settings.recent_issues())
        self.stack.setCurrentWidget(self.start)
        self.setWindowTitle(self.tr("Masthead — %1").replace("%1", library.name))

    def open_path(self, path: Path) -> None:
        """Open what the command line named: an issue folder or a library."""
        if is_issue_folder(path):
            self.library = path.parent
            self.start.set_library(path.parent)
            self.open_issue(path)
        else:
            self.show_library(path)

    def choose_issue(self) -> None:
        with kept_focus():
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Open Issue Folder"), str(self.library)
            )
        if folder:
            if not is_issue_folder(Path(folder)):
                show_message(
                    self,
                    QMessageBox.Icon.Warning,
                    self.tr("Not an issue"),
                    self.tr("%1 has no issue.yaml.").replace("%1", folder),
                )
                return
            self.open_issue(Path(folder))

    def new_issue(self) -> None:
        from editor_app.gui.new_issue_dialog import NewIssueDialog

        dialog = NewIssueDialog(self)
        with kept_focus():
            result = dialog.exec()
        if result != QDialog.DialogCode.Accepted:
            return
        title, slug, date = dialog.values()
        try:
            issue = new_issue(self.library, title, slug=slug, date=date)
        except (MastheadError, OSError) as exc:
            self.show_error(self.tr("Could not create the issue"), exc)
            return
        self.start.refresh()
        self.open_issue(issue.folder)

    def open_issue(self, folder: Path) -> bool:
        self.close_issue()
        try:
            workspace = Workspace(Path(folder), self.settings.autosave_ms(), self)
        except (MastheadError, OSError) as exc:
            self.show_error(self.tr("Could not open the issue"), exc)
            return False
        self.workspace = workspace
        doc = workspace.document
        self.settings.add_recent(doc.folder)
        self.outline_dock.setWidget(workspace.view)
        self.preview_dock.setWidget(workspace.preview)
        self.panels.attach(workspace, self.library)
        self.editor_host.addWidget(workspace.editor_area)
        self.editor_host.setCurrentWidget(workspace.editor_area)
        self.stack.setCurrentWidget(self.editor_host)
        self._install_workspace_actions(workspace)
        self.keys.attach(workspace)
        self._set_workspace_visible(True)
        bind_undo_actions(doc.undo_stack, self.act_undo, self.act_redo)
        if self._needs_default_layout:
            self._needs_default_layout = False
            width = max(self.width(), 1200)
            self.resizeDocks(
                [self.outline_dock, self.preview_dock],
                [int(width * 0.22), int(width * 0.36)],
                Qt.Orientation.Horizontal,
            )
        self.status.attach(doc, count_now=False)
        workspace.when_ready(self.status.count_issue)
        workspace.editor.countsChanged.connect(self.status.show_card_counts)
        workspace.view.currentNodeChanged.connect(self.status.show_node)
        self.notices.watch(doc)
        workspace.actions.failed.connect(lambda msg: self.statusBar().showMessage(msg, 5000))
        workspace.actions.message.connect(lambda msg: self.statusBar().showMessage(msg, 6000))
        if self.panels.fixes is not None:
            self.panels.fixes.done.connect(lambda msg: self.statusBar().showMessage(msg, 6000))
        workspace.model.moveFailed.connect(lambda msg: self.statusBar().showMessage(msg, 5000))
        workspace.view.currentNodeChanged.connect(self._remember_card)
        self._show_issue_title()
        doc.issueChanged.connect(self._show_issue_title)

        start_card = self.settings.last_card(doc.folder)
        if not start_card or not doc.has_card(start_card):
            start_card = workspace.first_card()
        if start_card:
            workspace.open_card(start_card)
            workspace.hold_keys_until_ready(self)
        else:  # nothing to type in yet: the keyboard starts in the outline (add a card)
            workspace.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.apply_settings()
        self.notices.announce_soon(doc)
        return True

    def close_issue(self) -> None:
        ws = self.workspace
        if ws is None:
            self.stack.setCurrentWidget(self.start)
            return
        self.status.detach()
        self._remove_workspace_actions(ws)
        ws.editor.commit_pending()
        self.outline_dock.setWidget(QWidget())
        self.preview_dock.setWidget(QWidget())
        self.panels.detach()
        self.keys.set_issue_open(False)
        self.editor_host.removeWidget(ws.editor_area)
        ws.close()
        ws.deleteLater()
        self.workspace = None
        self._set_workspace_visible(False)
        reset_undo_actions(self.act_undo, self.act_redo)
        self.start.refresh()
        self.start.set_recent(self.settings.recent_issues())
        self.stack.setCurrentWidget(self.start)
        self.setWindowTitle(self.tr("Masthead — %1").replace("%1", self.library.name))

    def _workspace_docks(self) -> list[QDockWidget]:
        return [self.outline_dock, self.preview_dock, *self.panels.issue_docks()]

    def _set_workspace_visible(self, visible: bool) -> None:
        """Docks show only with an open issue; the ones the editor closed stay closed."""
        docks = self._workspace_docks()
        if not visible:
            self._docks_shown = {d.objectName(): not d.isHidden() for d in docks}
        for dock in docks:
            dock.setVisible(visible and self._docks_shown.get(dock.objectName(), True))
        for action in (
            self.act_save,
            self.act_undo,
            self.act_redo,
            self.act_library,
            self.act_properties,
            self.act_export,
            self.act_copy_wechat,
            self.act_copy_email,
        ):
            action.setEnabled(visible)

    # -- commands ----------------------------------------------------------------------------
    def undo(self) -> None:
        if self.workspace:
            self.workspace.document.undo_stack.undo()

    def redo(self) -> None:
        if self.workspace:
            self.workspace.document.undo_stack.redo()

    def save_now(self) -> None:
        if self.workspace:
            self.workspace.editor.commit_pending()
            self.workspace.document.save()

    def _reveal(self, owner: str, field: str, start: int, end: int) -> None:
        """Show a card, a section or the issue's properties with a range of a field selected."""
        reveal(self, owner, field, start, end)

    def _jump_to(self, card_id: str, position: int) -> None:
        jump_to(self, card_id, position)

    def import_issue(self) -> None:
        dialog = ImportDialog(self.library, self)
        dialog.imported.connect(lambda _folder: self.start.refresh())
        with kept_focus():
            result = dialog.exec()
        if result == QDialog.DialogCode.Accepted and dialog.imported_folder:
            self.open_issue(dialog.imported_folder)

    def copy_channel(self, channel: str) -> None:
        """Copy for WeChat / Copy as Email HTML (rendered off the UI thread)."""
        if self.workspace is not None:
            self.copier.copy(self.workspace.document.issue, channel)

    def _channel_copied(self, channel: str) -> None:
        if channel == "wechat":
            text = self.tr("Copied for WeChat: paste it into the WeChat editor.")
        else:
            text = self.tr("Copied as email HTML, with its plain-text version.")
        self.statusBar().showMessage(text, 6000)

    def show_export(self) -> None:
        if self.workspace is None:
            return
        self.panels.show(self.export_dock)

    def edit_properties(self, field: str = "", start: int = -1, end: int = -1) -> None:
        """Issue Properties, with ``[start, end)`` of its ``field`` selected when given."""
        if self.workspace is None:
            return
        from editor_app.gui.issue_properties import IssuePropertiesDialog

        dialog = IssuePropertiesDialog(self.workspace.document, self)
        if field and start >= 0:
            dialog.select(field, start, end)
        with kept_focus():
            if dialog.exec():
                dialog.apply()

    def focus_outline(self) -> None:
        if self.workspace:
            self.outline_dock.show()
            self.workspace.view.setFocus()

    def focus_editor(self) -> None:
        if self.workspace:
            self.workspace.editor.focus_body()

    def _remember_card(self, node_id: str, kind: str) -> None:
        if kind == "card" and self.workspace:
            self.settings.set_last_card(self.workspace.document.folder, node_id)

    def _show_issue_title(self) -> None:
        """The issue's title in the window title, shortened when long: a title bar or a task
        bar would cut " — Masthead" off first. The outline and the editor show it whole."""
        ws = self.workspace
        if ws is None:
            return
        doc = ws.document
        title = elide(doc.issue.title or doc.folder.name)
        suffix = self.tr(" [read-only]") if doc.read_only else ""
        self.setWindowTitle(f"{title}{suffix} — Masthead")

    def show_error(self, title: str, exc: Exception) -> None:
        show_message(self, QMessageBox.Icon.Critical, title, error_text(exc))

    def about(self) -> None:
        from editor_app.gui.about_dialog import AboutDialog

        with kept_focus():
            AboutDialog(self).exec()

    def edit_settings(self) -> None:
        from editor_app.core.resources import default_library
        from editor_app.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, default_library(), self)
        dialog.applied.connect(self.apply_settings)
        dialog.libraryChanged.connect(self._library_chosen)
        with kept_focus():
            dialog.exec()

    def apply_settings(self) -> None:
        """Push the preferences into the application (theme) and the open issue (autosave,
        preview, editor font)."""
        prefs = Preferences.load(self.settings)
        app = QApplication.instance()
        if isinstance(app, QApplication) and app.property("mastheadTheme") != prefs.theme:
            theme.apply_theme(app, prefs.theme)
        if self.workspace is not None:
            self.workspace.apply_preferences(prefs)

    def _library_chosen(self, library: Path) -> None:
        if not library.is_dir():
            return
        if self.workspace is None:
            self.show_library(library)
        else:  # "Show Library" goes there once the editor is done with this issue
            self.library = library
            self.start.set_library(library)
        self.panels.search_panel.library_changed()
        self.panels.sync.refresh()

    # -- lifecycle ---------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.workspace is None:
            # Save the layout an open issue would have, not the library view's hidden docks.
            for dock in self._workspace_docks():
                dock.setVisible(self._docks_shown.get(dock.objectName(), True))
        self.settings.save_window_state(self.saveGeometry(), self.saveState())
        if self.workspace is not None:
            self.workspace.editor.commit_pending()
            self.workspace.document.save()
            self.close_issue()
        super().closeEvent(event)
