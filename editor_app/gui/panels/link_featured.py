"""Featured-before for the link panel: the archive ledger, read and queried off the UI thread.

The ledger is refreshed once (and again on ``reset``); later lookups reuse it, since editing
this issue never changes what the *other* issues featured. At most one lookup runs; a
request made meanwhile runs when it ends, with the newest URLs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from editor_app.core.ledger import Ledger, LedgerEntry
from editor_app.gui.workers import run_in_thread

Featured = dict[str, list[LedgerEntry]]


def lookup_featured(
    ledger: Ledger | None,
    library: Path,
    folder: Path,
    urls: list[str],
    until: dt.date | None = None,
    number: int | None = None,
) -> tuple[Ledger, Featured]:
    """The (refreshed) ledger and, for each URL, the other issues that featured it."""
    if ledger is None:
        ledger = Ledger(library)
        ledger.refresh()
    skip = ledger.folders_matching(folder)
    found = {url: ledger.lookup(url, skip, until=until, number=number) for url in urls}
    return ledger, {url: hits for url, hits in found.items() if hits}


class FeaturedLookup(QObject):
    ready = Signal(dict)  # URL -> [LedgerEntry], for the URLs last requested
    failed = Signal(str)

    def __init__(
        self,
        library: Path,
        folder: Path,
        parent: QObject | None = None,
        until: Callable[[], dt.date | None] = lambda: None,
        number: Callable[[], int | None] = lambda: None,
    ):
        super().__init__(parent)
        self.library, self.folder = Path(library), Path(folder)
        # The date, read at each lookup (the editor may change it).
        self.until, self.number = until, number
        self.featured: Featured = {}
        self.done_for: list[str] | None = None  # the URLs `featured` answers
        self._ledger: Ledger | None = None
        self._running = False
        self._wanted: list[str] | None = None
        self._current: list[str] = []

    @property
    def busy(self) -> bool:
        return self._running

    def request(self, urls: list[str]) -> None:
        """Look these URLs up (nothing happens if they are the ones already answered)."""
        urls = sorted(set(urls))
        if urls == self.done_for and not self._running:
            return
        self._wanted = urls
        if not self._running:
            self._start()

    def reset(self) -> None:
        """Re-read the archive on the next request (other issues may have changed)."""
        self._ledger = None
        self.done_for = None

    def _start(self) -> None:
        urls, self._wanted = self._wanted or [], None
        self._running, self._current = True, urls
        ledger, library, folder, until = self._ledger, self.library, self.folder, self.until()
        number = self.number()
        run_in_thread(
            lambda: (urls, *lookup_featured(ledger, library, folder, urls, until, number)),
            self._done,
            self._failed,
            self,
        )

    def _done(self, result: tuple[list[str], Ledger, Featured]) -> None:
        urls, ledger, featured = result
        self._running = False
        self._ledger, self.featured, self.done_for = ledger, featured, urls
        self.ready.emit(featured)
        if self._wanted is not None and self._wanted != urls:
            self._start()  # the links changed meanwhile: look the new ones up too

    def _failed(self, message: str) -> None:
        self._running = False
        self.done_for = self._current  # no retry on every keystroke; reset() retries
        self._wanted = None
        self.failed.emit(message.splitlines()[0] if message else "")
