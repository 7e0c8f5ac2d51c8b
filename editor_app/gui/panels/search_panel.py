"""The search panel: full-text search over every issue of the library.

Typing searches (a moment after the last key); Up and Down move through the results from the
query field, Enter opens the current one: its issue, at the card, with the match selected.
The queries and the index upkeep run off the UI thread (``gui/workers.run_in_thread`` with
plain data: the library path, the query). At most one search runs; a query typed meanwhile
runs when it ends. The index catches up with the files (a stat of every card file) on the
first search after the panel is shown and every ``REFRESH_EVERY_S``; a save re-indexes its
issue at once.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from editor_app.core.search import engine
from editor_app.core.search.index import index_path
from editor_app.gui.key_buffer import KEEPS_OWN_KEYS
from editor_app.gui.panels.search_results import SearchResultDelegate, SearchResultsModel
from editor_app.gui.workers import run_in_thread

SEARCH_DELAY_MS = 250
REFRESH_EVERY_S = 30.0
RESULT_LIMIT = 100
_MOVES = {
    Qt.Key.Key_Down: QAbstractItemView.CursorAction.MoveDown,
    Qt.Key.Key_Up: QAbstractItemView.CursorAction.MoveUp,
    Qt.Key.Key_PageDown: QAbstractItemView.CursorAction.MovePageDown,
    Qt.Key.Key_PageUp: QAbstractItemView.CursorAction.MovePageUp,
}


class QueryField(QLineEdit):
    """The query; Up/Down/PageUp/PageDown move through the results without leaving it."""

    moveRequested = Signal(object)  # a QAbstractItemView.CursorAction

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        move = _MOVES.get(Qt.Key(event.key()))
        if move is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.moveRequested.emit(move)
            return
        super().keyPressEvent(event)


class ResultList(QListView):
    """The results; Escape goes back to the query."""

    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)

    def move(self, action: QAbstractItemView.CursorAction) -> None:
        index = self.moveCursor(action, Qt.KeyboardModifier.NoModifier)
        if index.isValid():
            self.setCurrentIndex(index)


class SearchPanel(QWidget):
    """Dock content searching the library ``library()`` names (read at each search)."""

    # issue folder name, kind ("card", "section", "issue"), card or section id, field of the
    # match ("title", "body", "note", "links"), its start and end (-1: none)
    openRequested = Signal(str, str, str, str, int, int)
    searched = Signal(object)  # the SearchOutcome shown

    def __init__(self, library: Callable[[], Path], parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.outcome: engine.SearchOutcome | None = None
        self._running = False
        self._wanted: str | None = None
        self._refreshed_at = 0.0  # when the index last caught up with the files
        self._stale = False  # a save changed the index while the panel was hidden

        self.field = QueryField(self)
        self.field.setObjectName("search-query")
        self.field.setClearButtonEnabled(True)
        self.field.setPlaceholderText(self.tr('Search every issue: words, 中文, "a phrase"'))
        self.model = SearchResultsModel(self)
        self.view = ResultList(self)
        self.view.setObjectName("search-results")
        self.view.setModel(self.model)
        self.view.setItemDelegate(SearchResultDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.rebuild_action = QAction(self.tr("Rebuild Search Index"), self)
        self.rebuild_action.triggered.connect(self._rebuild_triggered)
        self.view.addAction(self.rebuild_action)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.field)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.setFocusProxy(self.field)
        # Typed while a result's issue opens, Enter and the query are the panel's own.
        self.setProperty(KEEPS_OWN_KEYS, True)

        self.timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.search_now)
        # Bound methods, not lambdas holding self: a closed panel is then freed at once.
        self.field.textChanged.connect(self._text_changed)
        self.field.returnPressed.connect(self.open_current)
        self.field.moveRequested.connect(self.view.move)
        self.view.activated.connect(self._open)
        self.view.escaped.connect(self.field.setFocus)
        self._show_hint()

    # -- searching ----------------------------------------------------------------------------
    def _text_changed(self, _text: str) -> None:
        self.timer.start()

    def focus_query(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def search_now(self) -> None:
        """Search for the query field's text (after the running search, if one runs)."""
        self.timer.stop()
        query = self.field.text().strip()
        if not query:
            self._wanted = None
            self.outcome = None
            self.model.set_hits([])
            self._show_hint()
            return
        self._wanted = query
        if not self._running:
            self._start()

    def _start(self) -> None:
        query, self._wanted = self._wanted or "", None
        library = self.library()
        refresh = time.monotonic() - self._refreshed_at > REFRESH_EVERY_S
        if not index_path(library).is_file():
            self.status.setText(self.tr("Building the search index of the library…"))
        elif not self.model.hits:
            self.status.setText(self.tr("Searching…"))
        self._running = True
        job = functools.partial(engine.search_library, library, query, RESULT_LIMIT, refresh)
        run_in_thread(job, self._done, self._failed, self)

    def _done(self, outcome: engine.SearchOutcome) -> None:
        self._running = False
        if outcome.refreshed is not None and outcome.indexed:
            self._refreshed_at = time.monotonic()
        if self._wanted is not None and self._wanted != outcome.query:
            self._start()  # typed on meanwhile: the newest query is what counts
            return
        self._wanted = None
        if outcome.query != self.field.text().strip():
            return  # cleared meanwhile
        self.outcome = outcome
        self.model.set_hits(outcome.hits)
        if outcome.hits:
            self.view.setCurrentIndex(self.model.index(0, 0))
        self.status.setText(self._summary(outcome))
        self.searched.emit(outcome)

    def _failed(self, message: str) -> None:
        self._running = False
        self.status.setText(message.splitlines()[0] if message else self.tr("Search failed."))
        if self._wanted is not None:
            self._start()

    def _summary(self, outcome: engine.SearchOutcome) -> str:
        count = len(outcome.hits)
        if not count:
            text = self.tr("Nothing found.")
        elif outcome.more:
            text = self.tr("The first %n results.", "", count)
        else:
            text = self.tr("%n result(s).", "", count)
        notes = {
            engine.INDEX_BUILT: self.tr("The search index was built."),
            engine.INDEX_REBUILT: self.tr(
                "The search index was damaged or out of date and was rebuilt."
            ),
            engine.INDEX_READ_ONLY: self.tr(
                "The library cannot be written: searched the files without an index (slower)."
            ),
            engine.INDEX_UNAVAILABLE: self.tr(
                "The search index cannot be used: searched the files without an index (slower)."
            ),
        }
        note = notes.get(outcome.index)
        if not note:
            return text
        return (
            self.tr("%1 %2", "a count of results, then what happened to the index")
            .replace("%1", text)
            .replace("%2", note)
        )

    def _show_hint(self) -> None:
        self.status.setText(
            self.tr("Searches the titles, text, notes, links and section intros of every issue.")
        )

    # -- opening ------------------------------------------------------------------------------
    def open_current(self) -> None:
        """Open the current result (the first one when none is current)."""
        if self.timer.isActive():
            self.search_now()  # Enter right after typing: wait for these results
            return
        index = self.view.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0)
        if index.isValid():
            self._open(index)

    def _open(self, index: QModelIndex) -> None:
        hit = self.model.hit(index)
        if hit is not None:
            self.openRequested.emit(
                hit.folder, hit.kind, hit.owner, hit.reveal_field, hit.start, hit.end
            )

    # -- keeping the index current -----------------------------------------------------------
    def issue_saved(self, folder: Path) -> None:
        """Re-index the issue just saved (when the library has an index), then search again."""
        library = self.library()
        if not index_path(library).is_file():
            return
        job = functools.partial(engine.update_issue_index, library, Path(folder))
        run_in_thread(job, self._updated, None, self)

    def _updated(self, changed: bool) -> None:
        if not changed or not self.field.text().strip():
            return
        if self.isVisible():
            self.search_now()
        else:
            self._stale = True

    def _rebuild_triggered(self, _checked: bool = False) -> None:
        self.rebuild()

    def rebuild(self) -> None:
        """Build the index again from the library's files, then search again."""
        self.status.setText(self.tr("Rebuilding the search index…"))
        job = functools.partial(engine.refresh_index, self.library(), True)
        run_in_thread(job, self._rebuilt, self._failed, self)

    def _rebuilt(self, _result: object) -> None:
        self._refreshed_at = time.monotonic()
        self.status.setText(self.tr("The search index was rebuilt."))
        if self.field.text().strip():
            self.search_now()

    def library_changed(self) -> None:
        """Another library was chosen: forget the results of the previous one."""
        self._refreshed_at = 0.0
        self.outcome = None
        self.model.set_hits([])
        if self.field.text().strip():
            self.search_now()
        else:
            self._show_hint()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        # Back in the panel: files may have changed outside Masthead meanwhile.
        self._refreshed_at = 0.0
        if self._stale:
            self._stale = False
            self.search_now()
