"""Running the link check off the UI thread, with progress and Cancel.

The worker thread touches no Qt object: it writes its progress into a plain dict that a
timer on the UI thread reads, and its report comes back through ``run_in_thread``. The job
has no Qt parent and keeps itself alive until it has reported, so a panel closed mid-check
never deletes it under the worker (its signals then reach nobody).
"""

from __future__ import annotations

import threading
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QTimer, Signal

from editor_app.core.linkcheck import CheckReport, check_issue_links
from editor_app.core.model import Issue
from editor_app.gui.workers import run_in_thread

POLL_MS = 80


class LinkCheckJob(QObject):
    progress = Signal(int, int)  # done, total
    finished = Signal(object)  # CheckReport
    failed = Signal(str)

    _running: ClassVar[set[LinkCheckJob]] = set()

    def __init__(self, issue: Issue, urls: list[str], **options: Any):
        super().__init__()
        self.issue, self.urls, self.options = issue, urls, options
        self.cancel_event = threading.Event()
        self.done = False
        self._state = {"done": 0, "total": len(urls)}
        self._lock = threading.Lock()
        self._shown = (-1, -1)
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._poll)

    def start(self) -> None:
        LinkCheckJob._running.add(self)
        issue, urls, options = self.issue, list(self.urls), dict(self.options)
        cancel, state, lock = self.cancel_event, self._state, self._lock

        def progress(done: int, total: int) -> None:
            with lock:
                state["done"], state["total"] = done, total

        def work() -> CheckReport:
            return check_issue_links(issue, urls, cancel=cancel, progress=progress, **options)

        self._timer.start()
        run_in_thread(work, self._finished, self._failed)

    def cancel(self) -> None:
        self.cancel_event.set()

    def _poll(self) -> None:
        with self._lock:
            now = (self._state["done"], self._state["total"])
        if now != self._shown:
            self._shown = now
            self.progress.emit(*now)

    def _finished(self, report: CheckReport) -> None:
        self._stop()
        if not report.cancelled:
            self.progress.emit(len(report.results), len(report.results))
        self.finished.emit(report)

    def _failed(self, message: str) -> None:
        self._stop()
        self.failed.emit(message)

    def _stop(self) -> None:
        self.done = True
        self._timer.stop()
        LinkCheckJob._running.discard(self)
