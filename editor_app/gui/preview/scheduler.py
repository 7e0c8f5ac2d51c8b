"""Preview rendering off the UI thread: at most one render in flight, coalesced.

While a render runs, further requests only mark what is stale; when it finishes, one more
render picks up the latest text. Snapshots are taken on the UI thread, so workers never
touch the live issue.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QObject, Signal

from editor_app.core.errors import OutlineError
from editor_app.core.numbering import compute_numbers
from editor_app.gui.preview import page_html
from editor_app.gui.workers import run_in_thread

log = logging.getLogger(__name__)


class RenderScheduler(QObject):
    pageRendered = Signal(str, bool)  # the whole page; True: only to patch the loaded one
    cardsRendered = Signal(dict, dict)  # top id -> fragment, top id -> card ids it answers
    renderFailed = Signal(str)

    def __init__(self, document: QObject, parent: QObject | None = None):
        super().__init__(parent)
        self._document = document
        self._remote = False
        self._page_pending: str | None = None  # "load" or "patch"
        self._cards_pending: list[str] = []  # in request order, no duplicates
        self._in_flight: str | None = None  # "load", "patch" or "cards"
        self._wanted: dict[str, list[str]] = {}
        self.renders = 0  # renders started (tests and the benchmark read it)

    @property
    def busy(self) -> bool:
        return self._in_flight is not None

    def set_remote(self, remote: bool) -> None:
        self._remote = remote

    def request_page(self, patch_only: bool = False) -> None:
        """A whole page; ``patch_only`` when only parts outside the cards are wanted."""
        if self._page_pending != "load":
            self._page_pending = "patch" if patch_only else "load"
        self._kick()

    def request_card(self, card_id: str) -> None:
        if card_id not in self._cards_pending:
            self._cards_pending.append(card_id)
        self._kick()

    # -- internals --------------------------------------------------------------------------
    def _kick(self) -> None:
        if self._in_flight is not None:
            return  # coalesce: the finished render starts the next one
        issue = self._document.issue
        if self._page_pending:
            kind, self._page_pending = self._page_pending, None
            if kind == "load":
                # The new page holds every card as it is now.
                self._cards_pending.clear()
            job = partial(page_html.render_page, page_html.issue_snapshot(issue), self._remote)
            self._start(kind, job)
            return
        if not self._cards_pending:
            return
        wanted: dict[str, list[str]] = {}
        for card_id in self._cards_pending:
            if card_id not in issue.cards:
                continue  # deleted meanwhile; the outline change reloads the page
            try:
                top = page_html.top_level_of(issue, card_id)
            except OutlineError:
                continue
            wanted.setdefault(top, [])
            for cid in (top, card_id):
                if cid not in wanted[top]:
                    wanted[top].append(cid)
        self._cards_pending.clear()
        if not wanted:
            return
        jobs = [(top, page_html.card_snapshot(issue, top)) for top in wanted]
        numbers = compute_numbers(issue)
        job = partial(page_html.render_cards, jobs, numbers)
        self._start("cards", job, wanted)

    def _start(self, kind: str, job: partial, wanted: dict | None = None) -> None:
        self._in_flight = kind
        self._wanted = wanted or {}
        self.renders += 1
        run_in_thread(job, self._done, self._failed, self)

    def _done(self, result: object) -> None:
        kind, self._in_flight = self._in_flight, None
        if kind in ("load", "patch"):
            self.pageRendered.emit(result, kind == "patch")
        else:
            self.cardsRendered.emit(result, self._wanted)
        self._kick()

    def _failed(self, message: str) -> None:
        self._in_flight = None
        log.warning("preview render failed: %s", message)
        self.renderFailed.emit(message.splitlines()[0] if message else "")
        self._kick()
