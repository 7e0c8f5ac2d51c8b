"""Running one export off the UI thread, reporting progress by signals, cancellable."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Signal

from editor_app.core.export import get_exporter
from editor_app.core.export.base import ExportOptions, Progress
from editor_app.core.messages import Text
from editor_app.core.model import Issue
from editor_app.gui.i18n import message_catalog
from editor_app.gui.workers import run_in_thread


class ExportJob(QObject):
    """One export. Connect to the signals, then call start(); they arrive on the UI thread.

    The job never leaves the UI thread: the worker runs ``export_steps`` on plain data (a
    snapshot of the issue, the options, a threading.Event) and its progress and outcome come
    back through ``run_in_thread``. The job keeps itself alive until it has reported, so a
    panel closed mid-export does not lose the report halfway.
    """

    progress = Signal(int, int, str)  # step, total, message in the UI language
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
        work = functools.partial(
            export_steps, self.fmt, self.issue, self.out_dir, self.options, self._cancel
        )
        run_in_thread(work, self._report, self._crashed, on_progress=self._progress)

    def cancel(self) -> None:
        """Stop after the file being written; files already written stay (each is whole)."""
        self._cancel.set()

    def _progress(self, step: tuple[int, int, Text]) -> None:
        done, total, message = step
        self.progress.emit(done, total, message_catalog().say(message))

    def _report(self, outcome: tuple[str, Any]) -> None:
        ExportJob._alive.discard(self)
        kind, value = outcome
        {"finished": self.finished, "failed": self.failed, "cancelled": self.cancelled}[kind].emit(
            value
        )

    def _crashed(self, message: str) -> None:
        ExportJob._alive.discard(self)
        self.failed.emit(RuntimeError(message.splitlines()[0] if message else ""))


def export_steps(
    fmt: str,
    issue: Issue,
    out_dir: Path,
    options: ExportOptions,
    cancel: threading.Event,
    report: Callable[[tuple[int, int, Text]], None],
) -> tuple[str, Progress | Exception | int | None]:
    """The worker thread's part: iterate the exporter, reporting each step.

    Returns ("finished", last Progress), ("cancelled", files written) or ("failed", exc).
    """
    written = 0
    try:
        steps = get_exporter(fmt).export(issue, out_dir, options)
        last = None
        for step in steps:
            if cancel.is_set():
                steps.close()
                return "cancelled", written
            if step.path is not None:
                written += 1
            report((step.step, step.total, step.message))
            last = step
    except Exception as exc:  # noqa: BLE001 - every failure is shown to the editor
        exc.__traceback__ = None  # the worker's frames stay on the worker
        return "failed", exc
    return "finished", last
