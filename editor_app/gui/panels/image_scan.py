"""The image panel's background work: the asset report and the thumbnails, off the UI thread.

Each kind of job runs at most once at a time; a request made meanwhile runs when it ends.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from editor_app.core.images import asset_report
from editor_app.core.model import Issue
from editor_app.gui.panels.image_thumbs import make_thumbnails
from editor_app.gui.workers import run_in_thread


class AssetScanner(QObject):
    reportReady = Signal(list)  # [AssetInfo]
    reportFailed = Signal(str)
    thumbnailsReady = Signal(dict)  # asset -> thumbnail file (or None)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._report: tuple[Issue, int] | None = None  # waiting to run
        self._thumbs: tuple[Path, list[str]] | None = None
        self.report_running = self.thumbs_running = False

    @property
    def busy(self) -> bool:
        return self.report_running or self.thumbs_running

    def scan(self, snapshot: Issue, max_width: int) -> None:
        """Report on ``snapshot`` (a copy of the issue, with its folder set)."""
        self._report = (snapshot, max_width)
        if not self.report_running:
            self._start_report()

    def make_thumbnails(self, folder: Path, assets: list[str]) -> None:
        self._thumbs = (folder, assets)
        if not self.thumbs_running:
            self._start_thumbs()

    def _start_report(self) -> None:
        if self._report is None:
            return
        (snapshot, max_width), self._report = self._report, None
        self.report_running = True
        run_in_thread(
            lambda: asset_report(snapshot, max_width=max_width),
            self._report_done,
            self._report_failed,
            self,
        )

    def _report_done(self, infos: list) -> None:
        self.report_running = False
        if self._report is not None:
            self._start_report()  # the issue changed meanwhile: this report is stale
            return
        self.reportReady.emit(infos)

    def _report_failed(self, message: str) -> None:
        self.report_running = False
        self.reportFailed.emit(message.splitlines()[0] if message else "")
        self._start_report()

    def _start_thumbs(self) -> None:
        if self._thumbs is None:
            return
        (folder, assets), self._thumbs = self._thumbs, None
        if not assets:
            return
        self.thumbs_running = True
        run_in_thread(
            lambda: make_thumbnails(folder, assets), self._thumbs_done, self._thumbs_failed, self
        )

    def _thumbs_done(self, thumbs: dict) -> None:
        self.thumbs_running = False
        self.thumbnailsReady.emit(thumbs)
        self._start_thumbs()

    def _thumbs_failed(self, _message: str) -> None:
        self.thumbs_running = False  # no thumbnails: the rows show an icon instead
        self._start_thumbs()
