"""The image panel: the issue's assets with thumbnails, facts, the cards using them and flags.

The asset report and the thumbnails are computed off the UI thread (thumbnails cached in
``<issue>/.masthead/thumbs/`` by content hash). Alt-text edits change every reference as one
undo macro of ``set_field`` calls; removing an unused asset is a QUndoCommand on the
document's stack (the file goes to ``.masthead/trash/assets/`` and comes back on undo): both
in ``image_commands``. Importing and fetching images (``image_intake``) end by emitting
``insertRequested`` with the Markdown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QListView,
    QMenu,
    QProgressBar,
    QToolBar,
    QWidget,
)

from editor_app.core.checks import is_generic_alt
from editor_app.core.errors import MastheadError
from editor_app.core.link_edits import escape_link_text
from editor_app.core.model import detached_copy
from editor_app.core.paths import local_path
from editor_app.gui import image_import
from editor_app.gui.app_settings import AppSettings
from editor_app.gui.document import IssueDocument
from editor_app.gui.panels.image_asset_model import (
    ERROR_COLOR,
    AssetDelegate,
    AssetFilterProxy,
    AssetRow,
    ImageAssetModel,
    build_asset_rows,
    image_ref,
)
from editor_app.gui.panels.image_commands import ImageAssetEdits
from editor_app.gui.panels.image_intake import ImageIntake
from editor_app.gui.panels.image_scan import AssetScanner
from editor_app.gui.panels.link_actions import panel_action
from editor_app.gui.panels.panel_common import (
    DeferredRefresh,
    RowSelection,
    filter_edit,
    flag_combo,
    lay_out_panel,
)

REFRESH_DELAY_MS = 400


class ImagePanel(QWidget):
    """Dock content listing the open issue's images. Create one per open issue."""

    insertRequested = Signal(str)  # Markdown to insert at the cursor of the current card
    jumpRequested = Signal(str, int)  # card id, 1-based line of the image in its field
    revealRequested = Signal(str, str, int, int)  # card id, field, start, end
    assetsRefreshed = Signal()  # the list was rebuilt
    thumbnailsReady = Signal()

    def __init__(
        self,
        document: IssueDocument,
        parent: QWidget | None = None,
        settings: AppSettings | None = None,
    ):
        super().__init__(parent)
        self.document = document
        self.settings = settings
        self.scanner = AssetScanner(self)
        self.scanner.reportReady.connect(self._report_ready)
        self.scanner.reportFailed.connect(lambda message: self._show_status(message, True))
        self.scanner.thumbnailsReady.connect(self._thumbnails_ready)
        self.intake = ImageIntake(document, self, settings)
        self.edits = ImageAssetEdits(document, self)
        self._deferred = DeferredRefresh(self, self.refresh, REFRESH_DELAY_MS)
        self._build()
        self._make_actions()
        self.intake.insertRequested.connect(self.insertRequested)
        self.intake.status.connect(self._show_status)
        self.intake.fetchingChanged.connect(self._fetching_changed)
        self.intake.finished.connect(self.refresh)
        self.edits.status.connect(self._show_status)
        self.edits.changed.connect(self.refresh)
        self.edits.changedLater.connect(self.schedule_refresh)
        document.cardChanged.connect(self.schedule_refresh)
        document.outlineChanged.connect(self.schedule_refresh)
        document.issueChanged.connect(self.schedule_refresh)
        # New files (pasted in the editor, imported by `masthead image add`) show up too.
        self._watcher = QFileSystemWatcher(self)
        self._watch_assets()
        self._watcher.directoryChanged.connect(self.schedule_refresh)
        self._deferred.schedule(0)  # now if on screen, else once shown

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._deferred.shown()

    def follow_dock(self, dock: QDockWidget) -> None:
        """Catch up on changes when ``dock``, holding this panel, becomes the current tab."""
        self._deferred.follow(dock)

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.model = ImageAssetModel(self)
        self.model.max_width = self._policy()[0]
        self.proxy = AssetFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.toolbar = QToolBar(self)
        self.toolbar.setIconSize(self.toolbar.iconSize() * 0.85)
        self.filter_edit = filter_edit(self, self.proxy, self.tr("Filter images…"))
        self.flag_combo = flag_combo(
            self,
            self.proxy,
            [
                (self.tr("All images"), AssetFilterProxy.ALL),
                (self.tr("With problems"), AssetFilterProxy.PROBLEMS),
                (self.tr("Unused"), AssetFilterProxy.UNUSED),
                (self.tr("Missing"), AssetFilterProxy.MISSING),
                (self.tr("Alt text problems"), AssetFilterProxy.ALT),
            ],
        )
        filters = QHBoxLayout()
        filters.setSpacing(4)
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.flag_combo)

        self.view = QListView(self)
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(AssetDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setUniformItemSizes(True)
        self.view.setAlternatingRowColors(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.activated.connect(self._activated)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())

        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(8)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)
        self.status_label, self.summary_label = lay_out_panel(
            self, self.toolbar, filters, self.view, self.busy
        )
        self._show_status("")

    def _make_actions(self) -> None:
        def action(text: str, icon: str, slot, keys=None, toolbar: bool = True, labelled=False):  # noqa: ANN001, ANN202
            bar = self.toolbar if toolbar else None
            return panel_action(self, self.view, bar, text, icon, slot, keys, labelled=labelled)

        self.import_action = action(
            self.tr("&Import Image…"), "mdi6.image-plus-outline", self.import_images, labelled=True
        )
        self.fetch_action = action(
            self.tr("&Fetch Remote Image…"), "mdi6.cloud-download-outline", self.fetch_remote,
            labelled=True,
        )  # fmt: skip
        self.import_action.setIconText(self.tr("Import…"))
        self.fetch_action.setIconText(self.tr("Fetch URL…"))
        self.toolbar.addSeparator()
        self.insert_action = action(
            self.tr("I&nsert into Current Card"), "mdi6.file-image-plus-outline",
            self.insert_selected, "Ctrl+Shift+I",
        )  # fmt: skip
        self.alt_action = action(
            self.tr("Edit &Alt Text…"), "mdi6.text-recognition", self.edit_alt_text, "F2"
        )
        self.jump_action = action(self.tr("&Jump to Card"), "mdi6.card-search-outline", self.jump)
        self.jump_action.setToolTip(self.tr("Show the card that uses the image (Enter)"))
        self.open_action = action(
            self.tr("&Open Image"), "mdi6.open-in-app", self.open_file, toolbar=False
        )
        self.toolbar.addSeparator()
        self.remove_action = action(
            self.tr("&Remove Unused Image"), "mdi6.delete-outline", self.remove_selected,
            QKeySequence.StandardKey.Delete,
        )  # fmt: skip
        self.remove_all_action = action(
            self.tr("Remove &All Unused Images"), "mdi6.delete-sweep-outline",
            self.remove_all_unused, toolbar=False,
        )  # fmt: skip
        self.refresh_action = action(self.tr("Re&fresh"), "mdi6.refresh", self.refresh, None, False)
        self._update_actions()

    # -- settings --------------------------------------------------------------------------
    def _policy(self) -> tuple[int, list[str]]:
        return image_import.image_policy_of(self.settings)

    # -- rows ------------------------------------------------------------------------------
    def schedule_refresh(self, *_args: object) -> None:
        self._deferred.schedule()

    def _watch_assets(self) -> None:
        assets = self.document.folder / "assets"
        if assets.is_dir() and str(assets) not in self._watcher.directories():
            self._watcher.addPath(str(assets))

    def refresh(self) -> None:
        """Rebuild the asset report off the UI thread."""
        self._deferred.cancel()
        self._watch_assets()
        snapshot = detached_copy(self.document.issue)
        snapshot.folder = self.document.folder
        self.model.max_width = self._policy()[0]
        self.scanner.scan(snapshot, self.model.max_width)

    def _report_ready(self, infos: list) -> None:
        selected = {r.path for r in self.selected_rows()}
        current = self.current_row()
        rows = build_asset_rows(self.document.issue, infos, self.tr("Issue cover"))
        self.model.set_rows(rows)
        self._restore_selection(selected, current.path if current else None)
        self._update_summary()
        self._update_actions()
        self.assetsRefreshed.emit()
        never_read = {"symlink", "unsafe-asset"}
        wanted = [
            r.path
            for r in self.model.rows
            if r.info.exists and not r.thumb and not never_read & set(r.problems)
        ]
        if wanted:
            self.scanner.make_thumbnails(self.document.folder, wanted)

    def _thumbnails_ready(self, thumbs: dict) -> None:
        self.model.set_thumbnails(thumbs)
        self.thumbnailsReady.emit()

    def _restore_selection(self, paths: set[str], current: str | None) -> None:
        self._rows().restore(lambda row: row.path, paths, current)

    def _rows(self) -> RowSelection:
        return RowSelection(self.view, self.proxy, self.model)

    def selected_rows(self) -> list[AssetRow]:
        return self._rows().selected()

    def current_row(self) -> AssetRow | None:
        return self._rows().current()

    def _target_rows(self) -> list[AssetRow]:
        return self._rows().targets()

    def row_for(self, asset: str) -> AssetRow | None:
        return next((r for r in self.model.rows if r.path == asset), None)

    def select_asset(self, asset: str) -> bool:
        """Make ``asset`` the current, selected row (True if it is listed)."""
        for i, row in enumerate(self.model.rows):
            if row.path == asset:
                index = self.proxy.mapFromSource(self.model.index(i, 0))
                if index.isValid():
                    self.view.setCurrentIndex(index)
                    return True
        return False

    def _update_actions(self) -> None:
        rows = self._target_rows()
        one = len(rows) == 1
        writable = not self.document.read_only
        row = rows[0] if one else None
        self.insert_action.setEnabled(one and row is not None and row.info.exists)
        self.alt_action.setEnabled(writable and one and row is not None and bool(row.info.alts))
        self.jump_action.setEnabled(one and row is not None and self._first_card(row) is not None)
        self.open_action.setEnabled(one and row is not None and row.info.exists)
        self.remove_action.setEnabled(writable and bool(rows) and all(r.unused for r in rows))
        self.remove_all_action.setEnabled(writable and any(r.unused for r in self.model.rows))
        self.import_action.setEnabled(writable)
        self.fetch_action.setEnabled(writable and not self.intake.fetching)

    def _update_summary(self) -> None:
        rows = self.model.rows
        counts = {
            code: sum(code in r.problems for r in rows)
            for code in ("missing", "unused", "oversize", "missing-alt", "generic-alt")
        }
        names = {
            "missing": self.tr("%1 missing"),
            "unused": self.tr("%1 unused"),
            "oversize": self.tr("%1 too large"),
            "missing-alt": self.tr("%1 without alt text"),
            "generic-alt": self.tr("%1 with generic alt text"),
        }
        parts = [self.tr("%n image(s)", "", len(rows))]
        parts += [names[c].replace("%1", str(n)) for c, n in counts.items() if n]
        self.summary_label.setText(" · ".join(parts))

    def _context_menu(self, pos) -> None:  # noqa: ANN001
        menu = QMenu(self)
        rows = self._target_rows()
        for act in (self.insert_action, self.alt_action, self.jump_action):
            menu.addAction(act)
        if len(rows) == 1 and len(rows[0].users) > 1:
            sub = menu.addMenu(self.tr("Jump to"))
            for card_id, label in rows[0].users:
                if not card_id.startswith("#"):  # the cover and section intros are no cards
                    sub.addAction(label, lambda c=card_id, r=rows[0]: self._jump_card(r, c))
        menu.addAction(self.open_action)
        menu.addSeparator()
        for act in (self.remove_action, self.remove_all_action, None, self.import_action,
                    self.fetch_action, self.refresh_action):  # fmt: skip
            menu.addSeparator() if act is None else menu.addAction(act)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    # -- jump, insert, open ----------------------------------------------------------------
    def _first_card(self, row: AssetRow) -> str | None:
        return next((cid for cid, _ in row.users if not cid.startswith("#")), None)

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(self.proxy.mapToSource(index))
        if row is not None and (card_id := self._first_card(row)):
            self._jump_card(row, card_id)

    def jump(self) -> None:
        rows = self._target_rows()
        if rows and (card_id := self._first_card(rows[0])):
            self._jump_card(rows[0], card_id)

    def _jump_card(self, row: AssetRow, card_id: str) -> None:
        if not self.document.has_card(card_id):
            return
        ref = image_ref(self.document.card(card_id), row.path)
        self.jumpRequested.emit(card_id, (ref.line or 0) if ref else 0)
        if ref is not None and ref.span_start is not None and ref.span_end is not None:
            self.revealRequested.emit(card_id, ref.field, ref.span_start, ref.span_end)
        else:
            self.revealRequested.emit(card_id, "", -1, -1)

    def _good_alt(self, row: AssetRow) -> str:
        return next((a for a in row.info.alts if a.strip() and not is_generic_alt(a)), "")

    def insert_selected(self) -> None:
        rows = self._target_rows()
        if len(rows) != 1 or not rows[0].info.exists:
            return
        row = rows[0]
        alt = self._good_alt(row)
        if not alt:
            chosen = image_import.ask_alt_text(self, self._file(row), "", self.model.facts(row))
            if chosen is None:
                return
            alt = chosen
        self.insertRequested.emit(f"![{escape_link_text(alt)}]({row.path})")

    def _file(self, row: AssetRow) -> Path | None:
        try:
            return local_path(self.document.folder, row.path)
        except MastheadError:
            return None

    def open_file(self) -> None:
        rows = self._target_rows()
        if len(rows) == 1 and (path := self._file(rows[0])) is not None and path.is_file():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # -- alt text ----------------------------------------------------------------------------
    def edit_alt_text(self) -> None:
        rows = self._target_rows()
        if len(rows) != 1 or self.document.read_only:
            return
        row = rows[0]
        current = self._good_alt(row) or next(iter(row.info.alts), "")
        alt = image_import.ask_alt_text(self, self._file(row), current, self.model.facts(row))
        if alt is not None:
            self.set_alt_text(row.path, alt)

    def set_alt_text(self, asset: str, alt: str) -> int:
        """Give every reference to ``asset`` the alt text ``alt`` as one undo step.

        Returns how many card fields changed.
        """
        return self.edits.set_alt_text(asset, alt)

    # -- removing unused assets --------------------------------------------------------------
    def remove_selected(self) -> None:
        self.edits.remove([r.path for r in self._target_rows() if r.unused])

    def remove_all_unused(self) -> None:
        self.edits.remove([r.path for r in self.model.rows if r.unused])

    # -- new images ------------------------------------------------------------------------
    def import_images(self) -> None:
        """Choose image files, import them with their alt text and insert them."""
        self.intake.import_images()

    def fetch_remote(self, url: str | None = None) -> None:
        """Download the image at ``url`` (asked when None), then insert it."""
        self.intake.fetch_remote(url)

    def _fetching_changed(self, fetching: bool) -> None:
        self.busy.setVisible(fetching)
        self._update_actions()

    # -- status ------------------------------------------------------------------------------
    def _show_status(self, text: str, error: bool = False) -> None:
        self.status_label.setStyleSheet(f"color: {ERROR_COLOR};" if error else "")
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def shutdown(self) -> None:
        """Stop watching the issue (call before the panel is deleted with its issue)."""
        self._deferred.cancel()
        dirs = self._watcher.directories()
        if dirs:
            self._watcher.removePaths(dirs)
