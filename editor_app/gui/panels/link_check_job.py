"""Running the link check off the UI thread, and the progress bar with Cancel that shows it.

The worker thread touches no Qt object: it writes its progress into a plain dict that a
timer on the UI thread reads, and its report comes back through ``run_in_thread``. The job
has no Qt parent and keeps itself alive until it has reported, so a panel closed mid-check
never deletes it under the worker (its signals then reach nobody).
"""

from __future__ import annotations

import threading
import weakref
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QToolButton, QWidget

from editor_app.core.linkcheck import CheckReport, check_issue_links
from editor_app.core.model import Issue
from editor_app.gui.theme import set_icon
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

        # The callbacks stay on the UI thread (run_in_thread keeps them there); the weak
        # reference lets a job nobody holds any more go without waiting for its report.
        me = weakref.ref(self)

        def finished(report: CheckReport) -> None:
            if (job := me()) is not None:
                job._finished(report)

        def failed(message: str) -> None:
            if (job := me()) is not None:
                job._failed(message)

        self._timer.start()
        run_in_thread(work, finished, failed)

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


class LinkCheckBar(QWidget):
    """A progress bar with a Cancel button that runs one LinkCheckJob at a time."""

    finished = Signal(object)  # CheckReport
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.job: LinkCheckJob | None = None
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.progress.setFormat(self.tr("Checking %v of %m"))
        self.cancel_button = QToolButton(self)
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        set_icon(self.cancel_button, "mdi6.stop-circle-outline")
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        self.setVisible(False)

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self, issue: Issue, urls: list[str], **options: Any) -> None:
        if self.job is not None:
            return
        job = LinkCheckJob(issue, urls, **options)
        job.progress.connect(self._progress)
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)
        self.job = job
        self.progress.setRange(0, max(len(urls), 1))
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        self.setVisible(True)
        job.start()

    def cancel(self) -> None:
        """Stop the check: it reports at once, requests in flight end on their own."""
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finished(self, report: CheckReport) -> None:
        self.job = None
        self.setVisible(False)
        self.finished.emit(report)

    def _failed(self, message: str) -> None:
        self.job = None
        self.setVisible(False)
        self.failed.emit(message)
