"""The link panel: every link of the issue in a sortable, filterable table.

Edits (URL or text in place, stripping tracking parameters) go through ``replace_link`` /
``strip_tracking_edits`` and ``IssueDocument.set_field``, so each is on the undo stack (one
macro when several fields change). Featured-before comes from the library's archive ledger,
built and queried off the UI thread; the link check runs only when asked, off the UI thread,
with progress and Cancel. Activating a row (Enter, double-click) emits ``jumpRequested``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QTableView,
    QToolBar,
    QToolButton,
    QWidget,
)

from editor_app.core.errors import MastheadError
from editor_app.core.link_edits import LinkEditError, replace_link, strip_tracking_edits
from editor_app.core.linkcheck import CheckReport, LinkStatus, load_cache
from editor_app.core.url_normalize import strip_tracking
from editor_app.gui.document import IssueDocument
from editor_app.gui.i18n import error_text
from editor_app.gui.panels.link_actions import edit_again, panel_action, push_field_edits
from editor_app.gui.panels.link_check_job import LinkCheckBar
from editor_app.gui.panels.link_featured import FeaturedLookup
from editor_app.gui.panels.link_rows import LinkRow, build_rows
from editor_app.gui.panels.link_table_model import (
    CARD,
    ERROR_COLOR,
    FEATURED,
    KIND,
    STATUS,
    TEXT,
    URL,
    LinkEditDelegate,
    LinkFilterProxy,
    LinkTableModel,
)
from editor_app.gui.panels.panel_common import (
    DeferredRefresh,
    RowSelection,
    filter_edit,
    flag_combo,
    lay_out_panel,
)

REFRESH_DELAY_MS = 300


class LinkPanel(QWidget):
    """Dock content listing the open issue's links. Create one per open issue."""

    jumpRequested = Signal(str, int)  # card id, 1-based line in its field (0: a card field)
    revealRequested = Signal(str, str, int, int)  # card id, field, start, end (-1: no span)
    checkFinished = Signal(object)  # the CheckReport of a finished (or cancelled) check
    featuredUpdated = Signal()  # featured-before column filled in

    def __init__(
        self, document: IssueDocument, library: Path | None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.document = document
        self.library = Path(library) if library else None
        self.statuses: dict[str, LinkStatus] = {}
        self.featured: FeaturedLookup | None = None
        if self.library is not None:
            self.featured = FeaturedLookup(
                self.library,
                document.folder,
                self,
                until=lambda: self.document.issue.date,
                number=lambda: self.document.issue.number,
            )
            self.featured.ready.connect(self._featured_ready)
            self.featured.failed.connect(self._featured_failed)
        self.check_options: dict = {}  # extra check_links options (timeout, workers …)
        self._deferred = DeferredRefresh(self, self.refresh, REFRESH_DELAY_MS)
        self._build()
        self._make_actions()
        document.cardChanged.connect(self._document_changed)
        document.outlineChanged.connect(self._document_changed)
        self.statuses = load_cache(document.folder)
        self._deferred.schedule(0)  # now if on screen, else once shown

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._deferred.shown()

    def follow_dock(self, dock: QDockWidget) -> None:
        """Catch up on changes when ``dock``, holding this panel, becomes the current tab."""
        self._deferred.follow(dock)

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.model = LinkTableModel(self)
        self.model.edit_handler = self._edit_link
        self.model.editable = not self.document.read_only
        self.model.has_library = self.library is not None
        self.proxy = LinkFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.toolbar = QToolBar(self)
        self.toolbar.setIconSize(self.toolbar.iconSize() * 0.85)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

        self.filter_edit = filter_edit(self, self.proxy, self.tr("Filter links…"))
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("All kinds"), "")
        for kind in ("source", "link", "inline", "further", "image"):
            self.kind_combo.addItem(self.model.kind_label(kind), kind)
        self.kind_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.set_kind(self.kind_combo.currentData() or "")
        )
        self.flag_combo = flag_combo(
            self,
            self.proxy,
            [
                (self.tr("All links"), LinkFilterProxy.FLAG_ALL),
                (self.tr("Flagged"), LinkFilterProxy.FLAG_ANY),
                (self.tr("Duplicates"), LinkFilterProxy.FLAG_DUPLICATE),
                (self.tr("Featured before"), LinkFilterProxy.FLAG_FEATURED),
                (self.tr("Broken"), LinkFilterProxy.FLAG_BROKEN),
                (self.tr("Not checked"), LinkFilterProxy.FLAG_UNCHECKED),
            ],
        )
        filters = QHBoxLayout()
        filters.setSpacing(4)
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.kind_combo)
        filters.addWidget(self.flag_combo)

        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(LinkEditDelegate(self.view))
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(CARD, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # F2 and the Edit actions open the editor; Enter and double-click jump to the card.
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.activated.connect(self._activated)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setMinimumSectionSize(28)
        # The text-like columns share the width the short ones leave, so they grow with the
        # dock and a ~450 px dock needs no scrolling.
        for column in (CARD, TEXT, URL):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (KIND, STATUS, FEATURED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())

        self.check_bar = LinkCheckBar(self)
        self.check_bar.finished.connect(self._check_done)
        self.check_bar.failed.connect(self._check_failed)
        self.check_bar.cancel_button.clicked.connect(
            lambda: self._show_status(self.tr("Cancelling…"))
        )
        # Short names the tests and the lead use.
        self.progress, self.cancel_button = self.check_bar.progress, self.check_bar.cancel_button

        self.status_label, self.summary_label = lay_out_panel(
            self, self.toolbar, filters, self.view, self.check_bar
        )
        self._show_status("")

    def _make_actions(self) -> None:
        def action(text: str, icon: str, slot, keys=None, toolbar: bool = True) -> QAction:  # noqa: ANN001
            bar = self.toolbar if toolbar else None
            return panel_action(self, self.view, bar, text, icon, slot, keys)

        self.jump_action = action(self.tr("&Jump to Card"), "mdi6.card-search-outline", self.jump)
        self.jump_action.setToolTip(self.tr("Show the link in its card (Enter)"))
        self.open_action = action(
            self.tr("&Open in Browser"), "mdi6.open-in-new", self.open_in_browser, "Ctrl+Shift+B"
        )
        self.copy_action = action(
            self.tr("&Copy URL"), "mdi6.content-copy", self.copy_url, QKeySequence.StandardKey.Copy
        )
        self.edit_url_action = action(
            self.tr("Edit &URL"), "mdi6.pencil-outline", lambda: self.edit_selected(URL), "F2"
        )
        self.edit_text_action = action(
            self.tr("Edit &Text"), "mdi6.format-text", lambda: self.edit_selected(TEXT), "Shift+F2",
            toolbar=False,
        )  # fmt: skip
        self.toolbar.addSeparator()
        self.strip_action = action(
            self.tr("&Strip Tracking Parameters"), "mdi6.broom", self.strip_selected,
            "Ctrl+Shift+T",
        )  # fmt: skip
        self.strip_all_action = action(
            self.tr("Strip Tracking from &All Links"), "mdi6.auto-fix", self.strip_all,
            toolbar=False,
        )  # fmt: skip
        # The strip button: the selected links by a click, every link from its menu.
        strip_button = self.toolbar.widgetForAction(self.strip_action)
        if isinstance(strip_button, QToolButton):
            menu = QMenu(strip_button)
            menu.addActions([self.strip_action, self.strip_all_action])
            strip_button.setMenu(menu)
            strip_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.toolbar.addSeparator()
        self.check_action = panel_action(
            self, self.view, self.toolbar, self.tr("Check &Links"), "mdi6.web-check",
            self.check_links, "Ctrl+Shift+K", labelled=True,
        )  # fmt: skip
        self.check_action.setToolTip(
            self.tr("Check every web link over the network (only when you ask)")
        )
        self.check_selected_action = action(
            self.tr("Check &Selected Links"), "mdi6.web-check", self.check_selected, toolbar=False
        )
        self.refresh_action = action(self.tr("&Refresh"), "mdi6.refresh", self.reload)
        self.refresh_action.setToolTip(self.tr("Re-read the archive and the link-check results"))
        self._update_actions()

    # -- rows ------------------------------------------------------------------------------
    def _document_changed(self, *_args: object) -> None:
        self._deferred.schedule()

    def refresh(self) -> None:
        """Rebuild the rows from the issue (keeping the selection) and update the flags."""
        self._deferred.cancel()
        selected = {r.key for r in self.selected_rows()}
        current = self.current_row()
        current_key = current.key if current else None
        rows = build_rows(self.document.issue)
        for row in rows:
            row.status = self.statuses.get(row.ref.url)
            if row.ref.kind != "image" and self.featured is not None:
                row.featured = self.featured.featured.get(row.ref.url, [])
        self.model.set_rows(rows)
        self._restore_selection(selected, current_key)
        self._update_summary()
        self._update_actions()
        self._schedule_featured()

    def reload(self) -> None:
        """Re-read the link-check cache and the archive (other issues may have changed)."""
        self.statuses = load_cache(self.document.folder)
        if self.featured is not None:
            self.featured.reset()
        self.refresh()

    def _restore_selection(self, keys: set, current_key: tuple | None) -> None:
        self._rows().restore(lambda row: row.key, keys, current_key)

    def _rows(self) -> RowSelection:
        return RowSelection(self.view, self.proxy, self.model)

    def selected_rows(self) -> list[LinkRow]:
        return self._rows().selected()

    def current_row(self) -> LinkRow | None:
        return self._rows().current()

    def _target_rows(self) -> list[LinkRow]:
        return self._rows().targets()

    def _update_actions(self) -> None:
        rows = self._target_rows()
        one = len(rows) == 1
        writable = not self.document.read_only
        web = any(r.is_web for r in rows)
        self.jump_action.setEnabled(one)
        self.open_action.setEnabled(web)
        self.copy_action.setEnabled(bool(rows))
        self.edit_url_action.setEnabled(one and writable)
        self.edit_text_action.setEnabled(one and writable)
        strippable = any(strip_tracking(r.ref.url) != r.ref.url for r in rows)
        self.strip_action.setEnabled(writable and strippable)
        self.strip_all_action.setEnabled(writable and bool(self.model.rows))
        running = self.check_bar.running
        self.check_action.setEnabled(not running)
        self.check_selected_action.setEnabled(not running and web)

    def _update_summary(self) -> None:
        rows = self.model.rows
        dups = sum(r.duplicated for r in rows)
        featured = sum(bool(r.featured) for r in rows)
        broken = sum(r.broken for r in rows)
        text = self.tr("%n link(s)", "", len(rows))
        extra = []
        if dups:
            extra.append(self.tr("%1 duplicated").replace("%1", str(dups)))
        if featured:
            extra.append(self.tr("%1 featured before").replace("%1", str(featured)))
        if broken:
            extra.append(self.tr("%1 broken").replace("%1", str(broken)))
        if self.library is None:
            extra.append(self.tr("no archive library"))
        self.summary_label.setText(" · ".join([text, *extra]))

    def _header_menu(self, pos) -> None:  # noqa: ANN001
        header = self.view.horizontalHeader()
        menu = QMenu(self)
        for column, title in enumerate(self.model.column_titles()):
            act = menu.addAction(title)
            act.setCheckable(True)
            act.setChecked(not header.isSectionHidden(column))
            act.setEnabled(column not in (CARD, URL))
            act.toggled.connect(lambda on, c=column: header.setSectionHidden(c, not on))
        menu.exec(header.mapToGlobal(pos))

    def _context_menu(self, pos) -> None:  # noqa: ANN001
        menu = QMenu(self)
        for act in (self.jump_action, self.open_action, self.copy_action, None,
                    self.edit_url_action, self.edit_text_action, None, self.strip_action,
                    self.strip_all_action, None, self.check_selected_action, self.check_action):  # fmt: skip
            menu.addSeparator() if act is None else menu.addAction(act)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    # -- featured before (off the UI thread) -------------------------------------------------
    def _schedule_featured(self) -> None:
        if self.featured is not None:
            self.featured.request(
                [r.ref.url for r in self.model.rows if r.is_web and r.ref.kind != "image"]
            )

    def _featured_ready(self, featured: dict) -> None:
        self.model.set_featured(featured)
        self._update_summary()
        self.featuredUpdated.emit()

    def _featured_failed(self, message: str) -> None:
        self._show_status(self.tr("Cannot read the archive: %1").replace("%1", message), True)

    # -- actions ---------------------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(self.proxy.mapToSource(index))
        if row is not None:
            self._jump_to(row)

    def jump(self) -> None:
        rows = self._target_rows()
        if rows:
            self._jump_to(rows[0])

    def _jump_to(self, row: LinkRow) -> None:
        ref = row.ref
        if not ref.card:
            return  # a section intro's link: edited in the section editor, no card to show
        self.jumpRequested.emit(ref.card, ref.line or 0)
        if ref.span_start is not None and ref.span_end is not None:
            self.revealRequested.emit(ref.card, ref.field, ref.span_start, ref.span_end)
        else:
            self.revealRequested.emit(ref.card, ref.field, -1, -1)

    def open_in_browser(self) -> None:
        for row in self._target_rows()[:10]:  # a stray Ctrl+A must not open 200 tabs
            if row.is_web:
                QDesktopServices.openUrl(QUrl(row.ref.url))

    def copy_url(self) -> None:
        rows = self._target_rows()
        if rows:
            QGuiApplication.clipboard().setText("\n".join(r.ref.url for r in rows))
            self._show_status(self.tr("Copied %n URL(s)", "", len(rows)))

    def edit_selected(self, column: int) -> None:
        row = self.current_row() or next(iter(self.selected_rows()), None)
        if row is None or self.document.read_only:
            return
        i = self.model.rows.index(row)
        index = self.proxy.mapFromSource(self.model.index(i, column))
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    def _edit_link(self, row: LinkRow, new_url: str | None, new_text: str | None) -> bool:
        """In-place edit from the table: one undoable set_field on the card."""
        if self.document.read_only or not self.document.has_card(row.ref.card):
            return False
        card = self.document.card(row.ref.card)
        try:
            edit = replace_link(card, row.ref, new_url=new_url, new_text=new_text)
        except (LinkEditError, MastheadError) as exc:
            self._show_status(error_text(exc), True)
            column, typed = (URL, new_url) if new_url is not None else (TEXT, new_text or "")
            QTimer.singleShot(0, self, lambda: self._edit_again(row.key, column, typed))
            return False
        if not edit.changed:
            return False
        what = self.tr("Edit link URL") if new_url is not None else self.tr("Edit link text")
        self.document.set_field(edit.card, edit.field, edit.new, what)
        self.model.update_row(row, new_url, new_text)
        self._show_status("")
        # Other links of the card moved: rebuild once the editor has closed.
        self._deferred.schedule(0)
        return True

    def _edit_again(self, key: tuple, column: int, text: str) -> None:
        """After a refused edit: the rows as the card is now, the refused text back in edit."""
        self.refresh()
        n = next((i for i, r in enumerate(self.model.rows) if r.key == key), -1)
        if n >= 0:
            edit_again(self.view, self.proxy.mapFromSource(self.model.index(n, column)), text)

    def strip_selected(self) -> None:
        self._strip([r.ref for r in self._target_rows()], self.tr("Strip tracking parameters"))

    def strip_all(self) -> None:
        self._strip(None, self.tr("Strip tracking parameters from all links"))

    def _strip(self, refs: list | None, description: str) -> None:
        if self.document.read_only:
            return
        try:
            edits = strip_tracking_edits(self.document.issue, refs)
        except (LinkEditError, MastheadError) as exc:
            self._show_status(error_text(exc), True)
            return
        edits = [e for e in edits if e.changed]
        if not push_field_edits(self.document, edits, description):
            self._show_status(self.tr("No tracking parameters to remove."))
            return
        cards = len({e.card for e in edits})
        self._show_status(
            self.tr("Removed tracking parameters in %n card(s); Undo puts them back.", "", cards)
        )
        self.refresh()

    # -- link check ------------------------------------------------------------------------
    def check_links(self) -> None:
        """Check every web link of the issue (the network is used only here)."""
        if self._deferred.stale or self._deferred.timer.isActive():
            self.refresh()  # asked for from the menu while the panel was out of sight
        self._start_check(list(dict.fromkeys(r.ref.url for r in self.model.rows if r.is_web)))

    def check_selected(self) -> None:
        self._start_check(list(dict.fromkeys(r.ref.url for r in self._target_rows() if r.is_web)))

    def _start_check(self, urls: list[str]) -> None:
        if self.check_bar.running:
            return
        if not urls:
            self._show_status(self.tr("There are no web links to check."))
            return
        self._show_status("")  # the progress bar says what is going on
        self.check_bar.start(self.document.issue, urls, **self.check_options)
        self._update_actions()

    def _check_done(self, report: CheckReport) -> None:
        cached = load_cache(self.document.folder)
        for url, status in report.results.items():
            if status.checked:
                cached[url] = status
            elif url not in cached:
                cached[url] = status  # offline / cancelled: shown until a real result
        self.statuses = cached
        self.model.set_statuses(self.statuses)
        self._update_summary()
        self._update_actions()
        if report.offline:
            self._show_status(self.tr("No network: the links could not be checked."), True)
        elif report.cancelled:
            self._show_status(self.tr("Link check cancelled."))
        else:
            broken = report.broken
            text = self.tr("Checked %n link(s): %1 with problems.", "", len(report.results))
            text = text.replace("%1", str(len(broken)))
            self._show_status(text, bool(broken))
        self.checkFinished.emit(report)

    def _check_failed(self, message: str) -> None:
        self._update_actions()
        first = message.splitlines()[0] if message else ""
        self._show_status(self.tr("The link check failed: %1").replace("%1", first), True)

    def _show_status(self, text: str, error: bool = False) -> None:
        self.status_label.setStyleSheet(f"color: {ERROR_COLOR};" if error else "")
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    # -- lifetime --------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop a running check (call before the panel is deleted with its issue)."""
        self.check_bar.cancel()
        self._deferred.cancel()
