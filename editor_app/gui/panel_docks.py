"""The side panels of the window (export, links, images) and their wiring to an issue."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from editor_app.gui.app_settings import AppSettings
from editor_app.gui.image_import import make_image_importer
from editor_app.gui.panels.export_panel import ExportPanel
from editor_app.gui.panels.image_panel import ImagePanel
from editor_app.gui.panels.link_panel import LinkPanel
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
        for dock in self.docks():
            window.tabifyDockWidget(anchor, dock)
        anchor.raise_()
        # The export panel lives as long as the window; it follows the open issue.
        self.export_panel = ExportPanel(None, window)
        self.export_dock.setWidget(self.export_panel)
        self.export_panel.jumpToCard.connect(lambda card_id: reveal(card_id, "", -1, -1))
        self.export_panel.checks.list.fixRequested.connect(self._fix)
        self.links: LinkPanel | None = None
        self.images: ImagePanel | None = None
        self.fixes: QuickFixes | None = None

    def docks(self) -> list[QDockWidget]:
        return [self.export_dock, self.links_dock, self.images_dock]

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
        for dock, panel in ((self.links_dock, self.links), (self.images_dock, self.images)):
            if panel is not None:
                panel.shutdown()
                dock.setWidget(QWidget())
                panel.deleteLater()
        self.links = self.images = None
        if self.fixes is not None:
            self.fixes.deleteLater()
            self.fixes = None

    def show(self, dock: QDockWidget) -> None:
        dock.show()
        dock.raise_()
        if dock.widget() is not None:
            dock.widget().setFocus()
