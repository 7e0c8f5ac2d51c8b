"""Preview rendering off the UI thread: at most one render in flight per lane, coalesced.

While a render runs, further requests only mark what is stale; when it finishes, the next
render picks up the latest text. The main lane, in order of urgency: a new page (its shell,
see jobs.py), the cards being edited, the table of contents after a rename. The background
lane renders the cards of a large page not rendered yet, a batch at a time, beside the main
lane so typing never waits for a batch; a batch result is dropped for a page replaced
meanwhile and for cards the main lane rendered from newer text. Snapshots are taken on the UI thread and copy only what
the job needs (an edited card's subtree), so workers never touch the live issue and a
keystroke costs the same in a small issue and a huge one.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QObject, Signal

from editor_app.core.errors import OutlineError
from editor_app.gui.preview import jobs, page_html
from editor_app.gui.workers import run_in_thread

log = logging.getLogger(__name__)


class RenderScheduler(QObject):
    shellRendered = Signal(object)  # jobs.ShellResult: a page to load
    cardsRendered = Signal(object, dict)  # jobs.CardsResult, top id -> card ids it answers
    tocRendered = Signal(str)  # the table of contents after a rename
    renderFailed = Signal(str)
    cardsFailed = Signal(list)  # top ids of the page that could not be rendered (stay stubs)

    def __init__(
        self,
        document: QObject,
        parent: QObject | None = None,
        progressive: bool = True,
        shown: dict[str, str] | None = None,
    ):
        """``progressive``: pages come as a shell plus batches (QtWebEngine); otherwise in
        one piece (the QTextBrowser preview, which redraws the whole page per change).
        ``shown``: the page's cards as last sent (top id -> HTML, kept by the backend), which
        an edited card's render patches instead of sending it whole."""
        super().__init__(parent)
        self._document = document
        self._shown = shown if shown is not None else {}
        self._progressive = progressive
        self._remote = False
        self._head = ""
        self._focus: str | None = None
        self._page_pending: str | None = None  # "load" or "patch"
        self._cards_pending: list[str] = []  # in request order, no duplicates
        self._in_flight: str | None = None  # main lane: "load", "patch" or "cards"
        self._wanted: dict[str, list[str]] = {}
        self._batch: list[str] = []
        self._layout: jobs.Layout | None = None
        self._unrendered: dict[str, None] = {}  # stub cards of the page, in page order
        self._batches_on = False
        self._single = False  # after a failed batch: one card per batch
        self._batch_running = False
        self._page_gen = 0  # pages started; a batch for an older page is dropped
        self._touched: set[str] = set()  # cards the main lane rendered during the batch
        self.renders = 0  # renders started (tests and the benchmark read it)

    @property
    def busy(self) -> bool:
        return self._in_flight is not None or self._batch_running

    @property
    def layout(self) -> jobs.Layout | None:
        return self._layout

    def unrendered(self) -> int:
        return len(self._unrendered) + len(self._batch)

    def set_remote(self, remote: bool) -> None:
        self._remote = remote

    def set_head(self, head: str) -> None:
        """Markup for the next page's <head> (the theme's stylesheet)."""
        self._head = head

    def set_focus(self, top: str | None) -> None:
        """The top-level card the next page renders first."""
        self._focus = top

    def prioritize(self, top: str) -> None:
        """Render the cards from ``top`` on (what the editor now looks at) before the rest."""
        if top not in self._unrendered:
            return
        pending = list(self._unrendered)
        start = pending.index(top)
        self._unrendered = dict.fromkeys(pending[start:] + pending[:start])

    def request_page(self, patch_only: bool = False) -> None:
        """A whole page; ``patch_only`` when only the table of contents is wanted."""
        if self._page_pending != "load":
            self._page_pending = "patch" if patch_only else "load"
        self._kick()

    def request_card(self, card_id: str) -> None:
        if card_id not in self._cards_pending:
            self._cards_pending.append(card_id)
        self._kick()

    def page_ready(self) -> None:
        """The page is in the view: the remaining cards may follow."""
        self._batches_on = True
        self._kick()

    # -- internals --------------------------------------------------------------------------
    def _kick(self) -> None:
        if self._in_flight is None:
            self._kick_main()
        if (
            not self._batch_running
            and self._batches_on
            and self._unrendered
            and self._in_flight != "load"
            and self._page_pending != "load"
        ):
            self._start_batch()

    def _kick_main(self) -> None:
        issue = self._document.issue
        if self._page_pending == "load":
            self._page_pending = None
            self._page_gen += 1
            self._cards_pending.clear()  # the new page holds every card as it is now
            self._unrendered.clear()
            self._batches_on = False
            self._single = False
            tops = [t for s in issue.sections for t in s.card_ids if t in issue.cards]
            if self._progressive:
                full = jobs.first_screen(issue, self._focus)
                snap = jobs.outline_snapshot(issue, set(full))
                job = partial(jobs.render_shell, snap, self._remote, self._head, full)
            else:
                snap = jobs.outline_snapshot(issue, set(tops))
                job = partial(jobs.render_full_page, snap, self._remote, self._head)
            self._start("load", job)
            return
        if self._layout is None:
            return  # no page yet: its render holds every card
        if self._cards_pending and self._start_cards(issue):
            return
        if self._page_pending == "patch":
            self._page_pending = None
            snap = jobs.outline_snapshot(issue)
            self._start("patch", partial(jobs.render_toc, snap, self._remote, self._layout))

    def _start_batch(self) -> None:
        issue = self._document.issue
        pending = list(self._unrendered)
        tops = pending[:1] if self._single else jobs.batches(issue, pending)
        for top in tops:
            self._unrendered.pop(top, None)
        present = [t for t in tops if t in issue.cards]
        if not present:
            return
        self._batch = present
        self._batch_running = True
        self._touched.clear()
        snaps = [(top, jobs.subtree_snapshot(issue, top)) for top in present]
        job = partial(jobs.render_cards, snaps, self._layout)
        gen = self._page_gen
        self.renders += 1
        run_in_thread(job, partial(self._batch_done, gen), partial(self._batch_failed, gen), self)

    def _batch_done(self, gen: int, result: jobs.CardsResult) -> None:
        self._batch_running = False
        self._batch = []
        if gen == self._page_gen:
            stale = self._touched & set(result.fragments)
            if stale:
                result = jobs.without_cards(result, stale, self._layout)
            if result.fragments:
                self.cardsRendered.emit(result, {})
        self._kick()

    def _batch_failed(self, gen: int, message: str) -> None:
        self._batch_running = False
        batch, self._batch = self._batch, []
        log.warning("preview batch render failed: %s", message)
        if gen == self._page_gen:
            if len(batch) > 1:
                # Find the card that fails: the others still get rendered, one at a time.
                self._unrendered = {**dict.fromkeys(batch), **self._unrendered}
                self._single = True
            else:
                self.cardsFailed.emit(batch)
            self.renderFailed.emit(message.splitlines()[0] if message else "")
        self._kick()

    def _start_cards(self, issue) -> bool:
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
            return False
        for top in wanted:
            self._unrendered.pop(top, None)  # this render brings it in
            if self._batch_running:
                self._touched.add(top)
        snaps = [(top, jobs.subtree_snapshot(issue, top)) for top in wanted]
        shown = {top: self._shown[top] for top in wanted if top in self._shown}
        self._start("cards", partial(jobs.render_cards, snaps, self._layout, shown), wanted)
        return True

    def _start(self, kind: str, job: partial, wanted: dict | None = None) -> None:
        self._in_flight = kind
        self._wanted = wanted or {}
        self.renders += 1
        run_in_thread(job, self._done, self._failed, self, lane="preview")

    def _done(self, result: object) -> None:
        kind, self._in_flight = self._in_flight, None
        if kind == "load":
            self._layout = result.layout
            self._unrendered = dict.fromkeys(result.pending)
            self.shellRendered.emit(result)
        elif kind == "patch":
            if result.reload:
                self._page_pending = "load"
            else:
                self._layout = result.layout
                self.tocRendered.emit(result.toc)
        else:
            self.cardsRendered.emit(result, self._wanted)
        self._kick()

    def _failed(self, message: str) -> None:
        kind, self._in_flight = self._in_flight, None
        log.warning("preview render failed (%s): %s", kind, message)
        self.renderFailed.emit(message.splitlines()[0] if message else "")
        self._kick()
