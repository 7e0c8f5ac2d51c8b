"""Running one export off the UI thread, reporting progress by signals, cancellable."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from editor_app.core.export import get_exporter
from editor_app.core.export.base import ExportOptions
from editor_app.core.model import Issue


class ExportJob(QObject):
    """One export. Connect to the signals, then call start(); they arrive on the UI thread.

    The job has no Qt parent and keeps itself alive until it has reported, so a panel
    closed mid-export cannot delete it under the worker thread.
    """

    progress = Signal(int, int, str)  # step, total, message
    finished = Signal(object)  # the exporter's last Progress (files, changed, problems)
    failed = Signal(object)  # the exception (PreflightError, ExportError, OSError …)
    cancelled = Signal(int)  # files written before the export stopped

    _alive: ClassVar[set[ExportJob]] = set()

    def __init__(self, fmt: str, issue: Issue, out_dir: Path, options: ExportOptions):
        super().__init__()
        self.fmt, self.issue, self.out_dir, self.options = fmt, issue, Path(out_dir), options
        self._cancel = threading.Event()

    def start(self) -> None:
        ExportJob._alive.add(self)
        # Connected last, so every other receiver has its result before the job goes.
        for signal in (self.finished, self.failed, self.cancelled):
            signal.connect(self._release)
        QThreadPool.globalInstance().start(_Runner(self))

    def cancel(self) -> None:
        """Stop after the file being written; files already written stay (each is whole)."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def _release(self, *_args: object) -> None:
        ExportJob._alive.discard(self)

    def run(self) -> None:
        """The worker thread's part: iterate the exporter, emitting as it goes."""
        written = 0
        try:
            steps = get_exporter(self.fmt).export(self.issue, self.out_dir, self.options)
            last = None
            for step in steps:
                if self._cancel.is_set():
                    steps.close()
                    self.cancelled.emit(written)
                    return
                if step.path is not None:
                    written += 1
                self.progress.emit(step.step, step.total, step.message)
                last = step
        except Exception as exc:  # noqa: BLE001 - every failure is shown to the editor
            self.failed.emit(exc)
            return
        self.finished.emit(last)


class _Runner(QRunnable):
    def __init__(self, job: ExportJob):
        super().__init__()
        self.job = job

    def run(self) -> None:
        self.job.run()
