"""The side panels of the window (export, links, images, sync, inbox, search) and their
wiring to an issue."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from editor_app.gui.app_settings import AppSettings
from editor_app.gui.image_import import make_image_importer
from editor_app.gui.panels.export_panel import ExportPanel
from editor_app.gui.panels.image_panel import ImagePanel
from editor_app.gui.panels.inbox_handoff import InboxHandoff
from editor_app.gui.panels.inbox_outline import InboxOutlineActions
from editor_app.gui.panels.inbox_panel import InboxPanel
from editor_app.gui.panels.link_panel import LinkPanel
from editor_app.gui.panels.search_panel import SearchPanel
from editor_app.gui.panels.sync_panel import SyncPanel
from editor_app.gui.quick_fixes import QuickFixes
from editor_app.gui.workspace import Workspace

Reveal = Callable[[str, str, int, int], None]


class PanelDocks(QObject):
    """Creates the docks once; fills them with panels for each opened issue."""

    def __init__(
        self,
        window: QMainWindow,
        anchor: QDockWidget,
        settings: AppSettings,
        make_dock: Callable[[str, str, Qt.DockWidgetArea], QDockWidget],
        reveal: Reveal,
    ):
        super().__init__(window)
        self.window, self.settings, self.reveal = window, settings, reveal
        area = Qt.DockWidgetArea.RightDockWidgetArea
        self.export_dock = make_dock("export", self.tr("Export"), area)
        self.links_dock = make_dock("links", self.tr("Links"), area)
        self.images_dock = make_dock("images", self.tr("Images"), area)
        self.sync_dock = make_dock("sync", self.tr("Sync"), area)
        self.inbox_dock = make_dock("inbox", self.tr("Inbox"), area)
        self.search_dock = make_dock("search", self.tr("Search"), area)
        for dock in self.docks():
            window.tabifyDockWidget(anchor, dock)
        anchor.raise_()
        # The search covers the library, not the open issue: it stays with the window (in the
        # library view too) and is shown when asked for (until a saved layout says otherwise).
        self.search_panel = SearchPanel(lambda: window.library, window)
        self.search_dock.setWidget(self.search_panel)
        self.search_dock.hide()
        self.search_panel.openRequested.connect(self.open_search_result)
        # Sync too belongs to the library: after a pull with conflicts the issue may not open
        # until they are resolved, so the panel must not need an open issue.
        self.sync = SyncPanel(lambda: window.library, self._save_open_issue, window)
        self.sync_dock.setWidget(self.sync)
        self.sync_dock.hide()
        # The export panel lives as long as the window; it follows the open issue.
        self.export_panel = ExportPanel(None, window)
        self.export_dock.setWidget(self.export_panel)
        self.export_panel.jumpToCard.connect(lambda card_id: reveal(card_id, "", -1, -1))
        self.export_panel.revealRequested.connect(reveal)
        self.export_panel.checks.list.fixRequested.connect(self._fix)
        self.links: LinkPanel | None = None
        self.images: ImagePanel | None = None
        self.inbox: InboxPanel | None = None
        self.fixes: QuickFixes | None = None
        self.handoff: InboxHandoff | None = None
        self.inbox_actions: InboxOutlineActions | None = None

    def docks(self) -> list[QDockWidget]:
        return [*self.issue_docks(), self.sync_dock, self.search_dock]

    def issue_docks(self) -> list[QDockWidget]:
        """The docks that show only while an issue is open."""
        return [
            self.export_dock,
            self.links_dock,
            self.images_dock,
            self.inbox_dock,
        ]

    def attach(self, ws: Workspace, library: Path) -> None:
        doc = ws.document
        self.export_panel.set_document(doc)
        self.links = LinkPanel(doc, library, self.window)
        self.images = ImagePanel(doc, self.window, self.settings)
        self.links_dock.setWidget(self.links)
        self.images_dock.setWidget(self.images)
        for panel in (self.links, self.images):
            panel.revealRequested.connect(self.reveal)
        self.images.insertRequested.connect(ws.editor.body_edit.insert_block)
        # Once the image is in the text, writing goes on there (not on the panel's button).
        self.images.insertRequested.connect(lambda _markdown: ws.editor.body_edit.setFocus())
        ws.editor.set_image_importer(make_image_importer(doc, self.window, self.settings))
        # The inbox belongs to the library; it is shown beside the issue it feeds.
        self.handoff = InboxHandoff(doc, library, ws.view.current_id, ws)
        self.inbox = InboxPanel(doc, library, self.handoff, self.window)
        self.inbox_dock.setWidget(self.inbox)
        # A panel behind another dock tab does no work until its tab is picked.
        self.links.follow_dock(self.links_dock)
        self.images.follow_dock(self.images_dock)
        self.inbox.follow_dock(self.inbox_dock)
        self.inbox_actions = InboxOutlineActions(self.handoff, ws.model, ws.view, ws)
        self.handoff.failed.connect(lambda text: self.window.statusBar().showMessage(text, 8000))
        self.handoff.message.connect(lambda text: self.window.statusBar().showMessage(text, 8000))
        self.handoff.added.connect(lambda _r: self.show_inbox_if_hidden())
        folder = doc.folder
        doc.saveStateChanged.connect(
            lambda state: state == "saved" and self.search_panel.issue_saved(folder)
        )
        self.fixes = QuickFixes(doc, ws.editor, self.window, self.settings)
        editor = ws.editor
        editor.body_edit.localImageImportRequested.connect(
            lambda url: (
                self.fixes is not None
                and self.fixes.import_local_image(editor.current_card_id or "", url)
            )
        )

    def _fix(self, problem) -> None:  # noqa: ANN001 - a Problem
        if self.fixes is not None:
            self.fixes.apply(problem)

    def detach(self) -> None:
        self.export_panel.set_document(None)
        pairs = (
            (self.links_dock, self.links),
            (self.images_dock, self.images),
            (self.inbox_dock, self.inbox),
        )
        for dock, panel in pairs:
            if panel is not None:
                panel.shutdown()
                dock.setWidget(QWidget())
                panel.deleteLater()
        if self.fixes is not None:
            self.fixes.deleteLater()
            self.fixes = None
        self.links = self.images = self.inbox = None
        self.handoff = self.inbox_actions = None  # they live with the workspace

    def show_inbox_if_hidden(self) -> None:
        """Links pasted onto the outline went to the inbox: let the editor see them arrive."""
        if self.inbox_dock.isHidden() or self.inbox_dock.visibleRegion().isEmpty():
            self.inbox_dock.show()
            self.inbox_dock.raise_()

    def show(self, dock: QDockWidget) -> None:
        dock.show()
        dock.raise_()
        if dock.widget() is not None:
            dock.widget().setFocus()

    def _save_open_issue(self) -> bool:
        workspace = getattr(self.window, "workspace", None)
        return workspace.document.save() if workspace is not None else True

    def show_search(self) -> None:
        """Show the search panel with its query selected, ready for typing."""
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.focus_query()

    def open_search_result(
        self, folder: str, kind: str, owner: str, field: str, start: int, end: int
    ) -> None:
        """Open the issue of a search result (unless it is the open one) at the card or
        section, with the match selected in the card's title or body."""
        window = self.window
        target = Path(window.library) / folder
        ws = window.workspace
        if ws is None or ws.document.folder.resolve() != target.resolve():
            if not window.open_issue(target):
                return
            ws = window.workspace
        if ws is None or kind == "issue":
            return
        if kind == "section" or not ws.document.has_card(owner):
            self.reveal(owner, "", -1, -1)  # selects a section; a card deleted since: nothing
            return
        if field in ("title", "body") and start >= 0:
            ws.view.select_ids([owner])
            ws.editor.reveal(owner, field, start, end)
            (ws.editor.title_edit if field == "title" else ws.editor.body_edit).setFocus()
        else:
            self.reveal(owner, "", -1, -1)
            ws.editor.focus_body()
