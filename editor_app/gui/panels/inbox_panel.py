"""The inbox panel: the library's links waiting for an issue.

Links arrive by pasting (the field at the top, Ctrl+V on the list, or onto the outline), from
a file (text, bookmarks, OPML, RSS/Atom) or a feed URL. Nothing is fetched unless the editor
asks: "Fetch Titles" reads the pages' titles off the UI thread with progress and Cancel.
Each row says whether an earlier issue featured the link (the archive ledger) or the open
issue has it already. Return (or a drag onto the outline) makes cards; Delete removes items;
F2 and double-click edit a title or tags in place, and the details below the table edit the
current item's title, note and tags; all are undoable from the window's Edit menu.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QProgressBar,
    QSplitter,
    QToolBar,
    QToolButton,
    QWidget,
)

from editor_app.core.inbox.item import INBOX_DIR, InboxItem
from editor_app.core.inbox.store import AddReport, InboxListing
from editor_app.core.links import issue_links, normalize_url
from editor_app.gui.document import IssueDocument
from editor_app.gui.focus import kept_focus
from editor_app.gui.i18n import message_catalog
from editor_app.gui.panels.inbox_details import InboxDetails
from editor_app.gui.panels.inbox_editing import InboxEditing
from editor_app.gui.panels.inbox_handoff import InboxChange, InboxHandoff, apply_state
from editor_app.gui.panels.inbox_jobs import (
    Outcome,
    added_text,
    failures_text,
    fetch_item_titles,
    import_feed,
    import_file,
    load_inbox,
)
from editor_app.gui.panels.inbox_model import InboxFilter, InboxRow, InboxTableModel, inbox_table
from editor_app.gui.panels.link_actions import panel_action
from editor_app.gui.panels.link_featured import FeaturedLookup
from editor_app.gui.panels.panel_common import (
    DeferredRefresh,
    RowSelection,
    filter_edit,
    flag_combo,
    lay_out_panel,
)
from editor_app.gui.theme import set_icon
from editor_app.gui.workers import run_in_thread

RELOAD_DELAY_MS = 300
IMPORT_FILTER = "*.txt *.md *.html *.htm *.opml *.xml *.rss *.atom"


class InboxPanel(QWidget):
    """Dock content for the library's inbox while an issue is open."""

    loaded = Signal()  # the rows were (re)read from the files
    jobFinished = Signal(object)  # the Outcome of an import or a title fetch

    def __init__(
        self,
        document: IssueDocument,
        library: Path,
        handoff: InboxHandoff,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.document, self.library, self.handoff = document, Path(library), handoff
        self.listing = InboxListing([])
        self.cancel_event: threading.Event | None = None
        self._loading = self._load_again = False
        self.featured = FeaturedLookup(
            self.library, document.folder, self,
            until=lambda: self.document.issue.date, number=lambda: self.document.issue.number,
        )  # fmt: skip
        self.featured.ready.connect(lambda _f: self._apply_statuses())
        self._in_issue: set[str] = set()
        self._build()
        self._make_actions()
        # The inbox is read (and looked up in the archive) only while the panel is on screen.
        self._reloading = DeferredRefresh(self, self.reload, 0)
        self._reload_timer = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self._reload_when_shown)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(lambda _p: self._reload_timer.start())
        self._watch()
        self._issue_links = DeferredRefresh(self, self._refresh_in_issue, 800)
        document.outlineChanged.connect(lambda _ids: self._issue_links.schedule())
        document.cardChanged.connect(lambda _c, _f: self._issue_links.schedule())
        handoff.changed.connect(self._reload_timer.start)
        handoff.added.connect(self._show_added)
        handoff.failed.connect(self._show_error)
        handoff.message.connect(self._show_status)
        self._issue_links.schedule(0)  # now if on screen, else once shown
        self._reloading.schedule(0)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._issue_links.shown()
        self._reloading.shown()

    def _reload_when_shown(self) -> None:
        self._reloading.schedule(0)

    def follow_dock(self, dock: QDockWidget) -> None:
        """Catch up on changes when ``dock``, holding this panel, becomes the current tab."""
        self._issue_links.follow(dock)
        self._reloading.follow(dock)

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.model = InboxTableModel(self)
        self.proxy = InboxFilter(self)
        self.proxy.setSourceModel(self.model)
        self.toolbar = QToolBar(self)
        self.toolbar.setIconSize(self.toolbar.iconSize() * 0.85)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.paste_edit = QLineEdit(self)
        self.paste_edit.setPlaceholderText(self.tr("Paste links here and press Enter…"))
        self.paste_edit.returnPressed.connect(self.add_pasted)
        self.filter_edit = filter_edit(self, self.proxy, self.tr("Filter the inbox…"))
        self.filter_edit.setToolTip(
            self.tr("Every word must match the title, link, note, site or tags; tag:name keeps "
                    "the items with that tag")
        )  # fmt: skip
        self.flag_combo = flag_combo(
            self,
            self.proxy,
            [
                (self.tr("All items"), InboxFilter.ALL),
                (self.tr("Not featured yet"), InboxFilter.NEW),
                (self.tr("Featured before"), InboxFilter.FEATURED),
                (self.tr("In this issue"), InboxFilter.IN_ISSUE),
            ],
        )
        filters = QHBoxLayout()
        filters.setSpacing(4)
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.flag_combo)
        self.view = inbox_table(self, self.proxy)
        self.view.setAccessibleName(self.tr("Inbox"))
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.selection = RowSelection(self.view, self.proxy, self.model)

        self.progress_row = QWidget(self)
        row = QHBoxLayout(self.progress_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.progress = QProgressBar(self.progress_row)
        self.progress.setTextVisible(True)
        self.cancel_button = QToolButton(self.progress_row)
        self.cancel_button.setText(self.tr("Cancel"))
        set_icon(self.cancel_button, "mdi6.close-circle-outline")
        self.cancel_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        self.progress_row.hide()

        top = QWidget(self)
        bar = QHBoxLayout(top)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(4)
        bar.addWidget(self.paste_edit, 1)
        bar.addWidget(self.toolbar)
        self.details = InboxDetails(self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.view)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setCollapsible(0, False)
        self.status_label, self.summary_label = lay_out_panel(
            self, top, filters, split, self.progress_row
        )

    def _make_actions(self) -> None:
        def action(text: str, icon: str, slot, keys=None, toolbar: bool = True):  # noqa: ANN001, ANN202
            return panel_action(self, self.view, self.toolbar if toolbar else None, text, icon,
                                slot, keys)  # fmt: skip

        self.take_action = action(
            self.tr("&Add to Issue"), "mdi6.card-plus-outline", self.take_selected, "Return"
        )
        self.take_action.setToolTip(
            self.tr("Make cards from the selected links after the current card (Enter)")
        )
        self.paste_action = action(
            self.tr("&Paste Links"), "mdi6.content-paste", self.paste_clipboard,
            QKeySequence.StandardKey.Paste, toolbar=False,
        )  # fmt: skip
        self.import_action = action(
            self.tr("&Import File…"), "mdi6.file-import-outline", self.import_file_dialog
        )
        self.import_action.setToolTip(
            self.tr("Import links from a text file, a bookmarks export, OPML or a feed file")
        )
        self.feed_action = action(self.tr("Import &Feed URL…"), "mdi6.rss", self.import_feed_dialog)
        self.titles_action = action(
            self.tr("Fetch &Titles"), "mdi6.download-network-outline", self.fetch_titles
        )
        self.titles_action.setToolTip(
            self.tr(
                "Read the titles of the selected pages (or of every untitled item) over the network"
            )
        )
        self.open_action = action(
            self.tr("&Open in Browser"), "mdi6.open-in-new", self.open_in_browser, "Ctrl+Shift+B",
            toolbar=False,
        )  # fmt: skip
        self.remove_action = action(
            self.tr("&Remove from Inbox"), "mdi6.delete-outline", self.remove_selected,
            QKeySequence.StandardKey.Delete,
        )  # fmt: skip
        self.editing = InboxEditing(
            self.document, self.library, self.view, self.model, self.details,
            self._show_status, self._show_error,
        )  # fmt: skip
        self._update_actions()

    def _update_actions(self) -> None:
        selected = bool(self.selection.targets())
        writable = not self.document.read_only
        busy = self.cancel_event is not None
        self.take_action.setEnabled(selected and writable)
        self.remove_action.setEnabled(selected and writable)
        self.open_action.setEnabled(selected)
        for act in (self.import_action, self.feed_action, self.titles_action):
            act.setEnabled(not busy)

    # -- rows ----------------------------------------------------------------------------------
    def _watch(self) -> None:
        folder = self.library / INBOX_DIR
        path = str(folder if folder.is_dir() else self.library)
        watched = self._watcher.directories()
        if path not in watched:
            if watched:
                self._watcher.removePaths(watched)
            self._watcher.addPath(path)

    def reload(self) -> None:
        """Read the item files again (off the UI thread)."""
        if self._loading:
            self._load_again = True
            return
        self._loading = True
        library = self.library
        run_in_thread(lambda: load_inbox(library), self._loaded, self._load_failed, self)

    def _loaded(self, listing: InboxListing) -> None:
        self._loading = False
        self._watch()
        keep = {r.key for r in self.selection.selected()}
        current = self.selection.current()
        self.listing = listing
        self.model.set_rows([InboxRow(item) for item in listing.items])
        self.selection.restore(lambda r: r.key, keep, current.key if current else None)
        self.editing.sync()
        self._apply_statuses()
        self.featured.request([item.url for item in listing.items])
        self._update_summary()
        self._update_actions()
        self.loaded.emit()
        if self._load_again:
            self._load_again = False
            self.reload()

    def _load_failed(self, message: str) -> None:
        self._loading = False
        self._show_error(message.splitlines()[0] if message else "")

    def _refresh_in_issue(self) -> None:
        keys = set()
        for ref in issue_links(self.document.issue):
            if ref.kind != "image" and ref.url.startswith(("http://", "https://")):
                keys.add(normalize_url(ref.url))
        if keys != self._in_issue:
            self._in_issue = keys
            self._apply_statuses()

    def _apply_statuses(self) -> None:
        found = self.featured.featured
        changed = []
        for n, row in enumerate(self.model.rows):
            in_issue = row.item.key in self._in_issue
            featured = [e for e in found.get(row.item.url, []) if e.featured]
            if (in_issue, featured) != (row.in_issue, row.featured):
                row.in_issue, row.featured = in_issue, featured
                changed.append(n)
        # Only the rows whose status moved are redrawn (and filtered again by the proxy).
        self.model.statuses_changed(changed)
        self._update_summary()

    def _update_summary(self) -> None:
        rows = self.model.rows
        featured = sum(1 for r in rows if r.featured)
        here = sum(1 for r in rows if r.in_issue)
        text = self.tr("%n item(s)", "", len(rows))
        if featured or here:
            text += " · " + self.tr("%1 featured before, %2 in this issue")
            text = text.replace("%1", str(featured)).replace("%2", str(here))
        if self.listing.problems:
            text += " · " + self.tr("%n unreadable file(s)", "", len(self.listing.problems))
        self.summary_label.setText(text)
        self.summary_label.setToolTip("\n".join(str(p) for p in self.listing.problems))

    def selected_items(self) -> list[InboxItem]:
        return [row.item for row in self.selection.targets()]

    # -- adding --------------------------------------------------------------------------------
    def add_pasted(self) -> None:
        text = self.paste_edit.text()
        if self.handoff.add_text(text, "paste"):
            self.paste_edit.clear()
        elif text.strip():
            self._show_status(self.tr("No web links in the pasted text."))

    def paste_clipboard(self) -> None:
        clip = QGuiApplication.clipboard().mimeData()
        text = "\n".join(u.toString() for u in clip.urls()) if clip and clip.hasUrls() else ""
        text = text or QGuiApplication.clipboard().text()
        if not self.handoff.add_text(text, "paste"):
            self._show_status(self.tr("No web links on the clipboard."))

    def _show_added(self, report: AddReport) -> None:
        self._show_status(added_text(report, message_catalog()))

    def import_file_dialog(self) -> None:
        with kept_focus():
            path, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Import Links"), str(Path.home()),
                self.tr("Links, bookmarks, OPML and feeds (%1);;All files (*)").replace("%1", IMPORT_FILTER),
            )  # fmt: skip
        if path:
            self.import_path(path)

    def import_path(self, path: str, fmt: str = "auto") -> None:
        library = self.library
        self._start(lambda _report: import_file(library, path, fmt), self.tr("Importing…"))

    def import_feed_dialog(self) -> None:
        with kept_focus():
            url, ok = QInputDialog.getText(
                self, self.tr("Import Feed"), self.tr("Address of an RSS or Atom feed:")
            )
        if ok and url.strip():
            self.import_feed_url(url.strip())

    def import_feed_url(self, url: str) -> None:
        library, cancel = self.library, threading.Event()
        self._start(lambda _r: import_feed(library, url, cancel), self.tr("Fetching the feed…"),
                    cancel)  # fmt: skip

    def fetch_titles(self, refresh: bool = False) -> None:
        items = self.selected_items() if self.selection.selected() else []
        items = items or [r.item for r in self.model.rows if not r.item.title]
        if not items:
            self._show_status(self.tr("Every item has a title; select items to fetch again."))
            return
        library, cancel = self.library, threading.Event()
        urls = [i.url for i in items]
        self._start(
            lambda report: fetch_item_titles(library, urls, cancel, report, refresh),
            self.tr("Fetching titles…"), cancel, len(urls),
        )  # fmt: skip

    # -- background jobs -----------------------------------------------------------------------
    def _start(self, job, text: str, cancel: threading.Event | None = None, total: int = 0) -> None:  # noqa: ANN001
        if self.cancel_event is not None:
            return  # one job at a time; the buttons are disabled meanwhile
        self.cancel_event = cancel or threading.Event()
        self.progress.setRange(0, total)  # 0 of 0: a busy bar until figures arrive
        self.progress.setValue(0)
        self.progress.setFormat(text if not total else "%v / %m")
        self.progress_row.show()
        self.cancel_button.setEnabled(True)
        self._show_status(text)
        self._update_actions()
        run_in_thread(job, self._job_done, self._job_failed, self, self._job_progress)

    def _job_progress(self, value: object) -> None:
        if isinstance(value, tuple) and len(value) == 2:
            done, total = value
            self.progress.setRange(0, int(total))
            self.progress.setValue(int(done))

    def cancel(self) -> None:
        if self.cancel_event is not None:
            self.cancel_event.set()
            self.cancel_button.setEnabled(False)
            self._show_status(self.tr("Cancelling…"))

    def _finish_job(self) -> bool:
        was_cancelled = self.cancel_event is not None and self.cancel_event.is_set()
        self.cancel_event = None
        self.progress_row.hide()
        self._update_actions()
        return was_cancelled

    def _job_done(self, outcome: Outcome) -> None:
        cancelled = self._finish_job()
        self.reload()
        if outcome.error_key:
            if outcome.error_key == "inbox.cancelled" or cancelled:
                self._show_status(self.tr("Cancelled."))
            else:
                detail = message_catalog().text(outcome.error_key, **outcome.error_fields)
                where = (
                    Path(outcome.path).name
                    if outcome.path and "://" not in outcome.path
                    else outcome.path
                )
                self._show_error(f"{where}: {detail}" if where else detail)
        elif outcome.report is not None:
            self._show_added(outcome.report)
        elif outcome.titles is not None:
            failed = len(outcome.titles.failed)
            text = self.tr("%n title(s) updated", "", outcome.updated)
            if failed:
                text += " · " + self.tr("%n page(s) could not be read", "", failed)
            if outcome.titles.cancelled or cancelled:
                text += " · " + self.tr("cancelled")
            self._show_status(text)
            self.status_label.setToolTip(failures_text(outcome, message_catalog()))
        self.jobFinished.emit(outcome)

    def _job_failed(self, message: str) -> None:
        self._finish_job()
        self._show_error(message.splitlines()[0] if message else "")

    # -- acting on items -----------------------------------------------------------------------
    def take_selected(self) -> list[str]:
        items = self.selected_items()
        if not items or self.document.read_only:
            return []
        ids = self.handoff.take(items)
        if ids:
            self._show_status(self.tr("%n card(s) made from the inbox", "", len(ids)))
        return ids

    def remove_selected(self) -> None:
        items = self.selected_items()
        if not items or self.document.read_only:
            return
        before = {i.id: i for i in items}
        after = dict.fromkeys(before)
        try:
            apply_state(self.library, after)
        except OSError as exc:
            self._show_error(str(exc))
            return
        text = self.tr("Remove %n item(s) from the inbox", "", len(items))
        self.document.undo_stack.push(
            InboxChange(
                text, self.library, before, after, self._reload_timer.start, self._show_error
            )  # fmt: skip
        )
        self.reload()

    def open_in_browser(self) -> None:
        for item in self.selected_items()[:10]:
            QDesktopServices.openUrl(QUrl(item.url))

    # -- status --------------------------------------------------------------------------------
    def _show_status(self, text: str) -> None:
        self.status_label.setStyleSheet("")
        self.status_label.setText(text)

    def _show_error(self, text: str) -> None:
        self.status_label.setStyleSheet("color: #c62828;")
        self.status_label.setText(text)

    def shutdown(self) -> None:
        """Before the panel goes: stop a job in flight (its result will reach nobody)."""
        if self.cancel_event is not None:
            self.cancel_event.set()
        self.editing.close()
        self._reload_timer.stop()
        self._reloading.cancel()
        if self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())
