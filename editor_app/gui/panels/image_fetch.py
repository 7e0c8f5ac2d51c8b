"""Fetching a remote image into the issue off the UI thread (the network is used only here)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from editor_app.core.images import ImportedImage, fetch_remote_image
from editor_app.gui.workers import run_in_thread


class RemoteImageFetch(QObject):
    """One download at a time: ``start`` it, then ``fetched`` or ``failed`` tells."""

    fetched = Signal(object)  # ImportedImage
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.running = False

    def start(self, url: str, folder: Path, max_width: int, timeout: float = 15.0) -> bool:
        if self.running:
            return False
        self.running = True
        run_in_thread(
            lambda: fetch_remote_image(url, folder, timeout, max_width=max_width),
            self._done,
            self._failed,
            self,
        )
        return True

    def _done(self, image: ImportedImage) -> None:
        self.running = False
        self.fetched.emit(image)

    def _failed(self, message: str) -> None:
        self.running = False
        self.failed.emit(message.splitlines()[0] if message else "")
