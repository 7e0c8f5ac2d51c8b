"""New images for the issue: files chosen on disk, or one image fetched from a web address.

Both run the image pipeline (resize, store under ``assets/`` by content hash), ask the alt
text and end by emitting ``insertRequested`` with the Markdown; the image panel shows the
``status`` messages and lists the new files on ``finished``. The download runs off the UI
thread (``image_fetch``), and only when the user asks for it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

from editor_app.core.errors import MastheadError
from editor_app.core.images import ImportedImage
from editor_app.gui import image_import
from editor_app.gui.app_settings import AppSettings
from editor_app.gui.document import IssueDocument
from editor_app.gui.focus import kept_focus
from editor_app.gui.i18n import error_text
from editor_app.gui.panels.image_fetch import RemoteImageFetch

IMAGE_FILTER = "*.png *.jpg *.jpeg *.webp *.gif"


class ImageIntake(QObject):
    """Imports and fetches images for one open issue; ``panel`` parents its dialogs."""

    insertRequested = Signal(str)  # Markdown of the new images, to insert at the cursor
    status = Signal(str, bool)  # a message ("" clears it), and whether it is an error
    fetchingChanged = Signal(bool)  # a download started (True) or ended
    finished = Signal()  # an import or a fetch ended: the assets folder may have changed

    def __init__(self, document: IssueDocument, panel: QWidget, settings: AppSettings | None):
        super().__init__(panel)
        self.document = document
        self.panel = panel
        self.settings = settings
        self.fetcher = RemoteImageFetch(self)
        self.fetcher.fetched.connect(self._fetched)
        self.fetcher.failed.connect(self._fetch_failed)

    @property
    def fetching(self) -> bool:
        return self.fetcher.running

    def import_images(self) -> None:
        """Choose image files, run them through the pipeline, ask alt text, insert them."""
        if self.document.read_only:
            return
        with kept_focus():
            files, _ = QFileDialog.getOpenFileNames(
                self.panel,
                self.tr("Import Images"),
                "",
                self.tr("Images (%1);;All files (*)").replace("%1", IMAGE_FILTER),
            )
        markdown = []
        for name in files:
            path = Path(name)
            try:
                result = image_import.import_with_alt(
                    path, path.name, self.document.folder, self.panel, self.settings
                )
            except MastheadError as exc:
                self.status.emit(error_text(exc), True)
                continue
            if result is not None:
                image, alt = result
                markdown.append(image.markdown(alt))
        if markdown:
            self.status.emit("", False)
            self.insertRequested.emit("\n\n".join(markdown))
        self.finished.emit()

    def fetch_remote(self, url: str | None = None) -> None:
        """Ask for an image URL, download it off the UI thread (only now), then insert it."""
        if self.document.read_only or self.fetcher.running:
            return
        if url is None:
            with kept_focus():
                url, ok = QInputDialog.getText(
                    self.panel,
                    self.tr("Fetch Remote Image"),
                    self.tr("Image address (http:// or https://):"),
                    QLineEdit.EchoMode.Normal,
                )
            if not ok:
                return
        url = url.strip()
        if not url.lower().startswith(("http://", "https://")):
            self.status.emit(self.tr("Enter an http:// or https:// address."), True)
            return
        self.fetcher.start(
            url, self.document.folder, image_import.image_policy_of(self.settings)[0]
        )
        self.fetchingChanged.emit(True)
        self.status.emit(self.tr("Fetching %1…").replace("%1", url), False)

    def _fetched(self, image: ImportedImage) -> None:
        self.fetchingChanged.emit(False)
        self.status.emit("", False)
        suggested = image_import.alt_from_name(Path(image.source).name)
        alt = image_import.ask_alt_for(image, self.document.folder, self.panel, suggested)
        if alt is not None:
            self.insertRequested.emit(image.markdown(alt))
        self.finished.emit()

    def _fetch_failed(self, message: str) -> None:
        self.fetchingChanged.emit(False)
        self.status.emit(self.tr("Could not fetch the image: %1").replace("%1", message), True)
