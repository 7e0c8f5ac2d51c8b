"""Pasted, dropped and imported images: the pipeline into assets/, then the alt text.

``make_image_importer(document, parent)`` gives the card editor's ``set_image_importer``
hook. The hook is synchronous (the editor inserts what it returns), so the pipeline runs on
a worker thread while a local event loop keeps the window painting; a busy dialog appears
only if it takes longer than ``BUSY_DELAY_MS`` (a large phone photo). The processed file is
then shown in a small dialog that asks for the alt text; Cancel removes a file that this
import wrote and returns "".
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.checks import is_generic_alt
from editor_app.core.errors import ImageError, MastheadError
from editor_app.core.images import ImportedImage, import_image, sniff_format
from editor_app.core.images.names import forget_name
from editor_app.gui.app_settings import AppSettings
from editor_app.gui.focus import kept_focus
from editor_app.gui.i18n import error_text
from editor_app.gui.workers import run_in_thread

BUSY_DELAY_MS = 400
PREVIEW_SIZE = (360, 220)
T = TypeVar("T")


def describe_image(image: ImportedImage) -> str:
    size = f"{image.bytes / 1024:.0f} KB" if image.bytes < 1e6 else f"{image.bytes / 1e6:.1f} MB"
    parts = [f"{image.width} × {image.height} px", image.format, size]
    if image.frames > 1:
        # lupdate does not extract a count from translate(); the image panel's tr() holds
        # the same text, so its context gives the forms.
        frames = QCoreApplication.translate("ImageAssetModel", "%n frame(s)", None, image.frames)
        parts.append(frames)
    return " · ".join(parts)


class AltTextDialog(QDialog):
    """Shows the imported image and asks what it shows (the alt text readers get)."""

    def __init__(
        self,
        image_path: Path | None,
        alt: str = "",
        detail: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Image Description"))
        self.preview = QLabel(self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(80)
        pixmap = QPixmap(str(image_path)) if image_path is not None else QPixmap()
        if not pixmap.isNull():
            pixmap = pixmap.scaled(
                *PREVIEW_SIZE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            self.preview.setPixmap(pixmap)
        else:
            self.preview.setText(self.tr("(no preview)"))
        self.detail = QLabel(detail, self)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setVisible(bool(detail))
        prompt = QLabel(
            self.tr("Describe what the image shows, for readers who cannot see it:"), self
        )
        prompt.setWordWrap(True)
        self.edit = QLineEdit(alt, self)
        self.edit.setPlaceholderText(self.tr("e.g. Bar chart: 62% of teams run Kubernetes"))
        self.edit.setMinimumWidth(360)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #d08c00;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        layout.addWidget(self.detail)
        layout.addWidget(prompt)
        layout.addWidget(self.edit)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._validate)
        self._validate()

    def _validate(self) -> None:
        text = self.edit.text().strip()
        if not text:
            hint = self.tr("Alt text is required: screen readers and broken images show it.")
        elif is_generic_alt(text):
            hint = self.tr("“%1” says nothing about this image; describe what it shows.")
            hint = hint.replace("%1", text)
        else:
            hint = ""
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not hint)

    def alt(self) -> str:
        return " ".join(self.edit.text().split())


def ask_alt_text(
    parent: QWidget | None, image_path: Path | None, alt: str = "", detail: str = ""
) -> str | None:
    """The alt text for an image, or None when the editor cancels (tests replace this)."""
    dialog = AltTextDialog(image_path, alt, detail, parent)
    try:
        with kept_focus():
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.alt() if accepted else None
    finally:
        dialog.deleteLater()


def run_blocking(fn: Callable[[], T], parent: QWidget | None, label: str) -> T:
    """Run ``fn`` on a worker thread and wait for it, keeping the window painted.

    A modal busy dialog shows only if the work takes longer than BUSY_DELAY_MS. An
    exception raised by ``fn`` is raised again here, with its own type.
    """
    outcome: dict[str, Any] = {}
    loop = QEventLoop()
    # Weak: the worker thread may free these callbacks, never the loop with them.
    weak_loop = weakref.ref(loop)

    def work() -> tuple[bool, Any]:
        try:
            return True, fn()
        except BaseException as exc:  # noqa: BLE001 - re-raised on the UI thread below
            return False, exc

    def done(result: tuple[bool, Any]) -> None:
        outcome["result"] = result
        if (running := weak_loop()) is not None:
            running.quit()

    def failed(message: str) -> None:
        outcome["result"] = (False, MastheadError(message.splitlines()[0]))
        if (running := weak_loop()) is not None:
            running.quit()

    busy = QProgressDialog(label, "", 0, 0, parent)
    busy.setCancelButton(None)
    busy.setWindowModality(Qt.WindowModality.WindowModal)
    busy.setMinimumDuration(0)
    busy.hide()
    timer = QTimer(singleShot=True, interval=BUSY_DELAY_MS)
    timer.timeout.connect(busy.show)
    timer.start()
    run_in_thread(work, done, failed)
    if "result" not in outcome:
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    timer.stop()
    busy.hide()
    # QProgressDialog arms its own show timer; deleteLater would wait for an event loop that
    # the alt-text dialog's nested loop never returns to, and the dialog popped up over it.
    busy.setParent(None)
    del busy
    ok, value = outcome["result"]
    if not ok:
        raise value
    return value


_WORDS = re.compile(r"[A-Za-z\u4e00-\u9fff]{2,}")


def alt_from_name(name: str) -> str:
    """A starting alt text from a descriptive file name ("survey-results.png" -> "survey
    results"); nothing for camera, clipboard and hash names."""
    stem = Path(name).stem
    if re.fullmatch(r"(?i)(img|dsc|pxl|image|screenshot|pasted-image|photo)?[-_ ]?[\d_\- ]*", stem):
        return ""
    if re.fullmatch(r"[0-9a-f]{12,}", stem) or not _WORDS.search(stem):
        return ""
    return " ".join(re.split(r"[-_ ]+", stem)).strip()


def image_policy_of(settings: AppSettings | None) -> tuple[int, list[str]]:
    from editor_app.gui.preferences import image_policy

    return image_policy(settings or AppSettings())


def check_format_allowed(source: bytes | Path, formats: list[str], name: str) -> None:
    """Refuse formats switched off in the preferences (the pipeline refuses the rest)."""
    if isinstance(source, bytes | bytearray):
        head = bytes(source[:64])
    else:
        try:
            with open(source, "rb") as handle:
                head = handle.read(64)
        except OSError:
            return  # the pipeline reports unreadable files with their reason
    fmt = sniff_format(head)
    if fmt is not None and fmt not in formats:
        raise ImageError(
            QCoreApplication.translate(
                "ImageImport", "%1 images are switched off in Preferences (accepted: %2)"
            )
            .replace("%1", fmt)
            .replace("%2", ", ".join(formats)),
            name,
        )


def import_with_alt(
    source: bytes | Path,
    name: str,
    folder: Path,
    parent: QWidget | None,
    settings: AppSettings | None = None,
    alt: str | None = None,
) -> tuple[ImportedImage, str] | None:
    """Pipeline then alt text; None when cancelled (a file this import wrote is removed)."""
    max_width, formats = image_policy_of(settings)
    check_format_allowed(source, formats, name)
    label = QCoreApplication.translate("ImageImport", "Processing %1…").replace("%1", name)
    image = run_blocking(
        lambda: import_image(source, folder, name=name, max_width=max_width), parent, label
    )
    chosen = ask_alt_for(image, folder, parent, alt_from_name(name) if alt is None else alt)
    return None if chosen is None else (image, chosen)


def ask_alt_for(
    image: ImportedImage, folder: Path, parent: QWidget | None, suggested: str = ""
) -> str | None:
    """Ask the alt text of a freshly imported image; on Cancel remove the file if this
    import wrote it (an asset nobody uses is clutter) and return None."""
    chosen = ask_alt_text(parent, folder / image.path, suggested, describe_image(image))
    if chosen is None and not image.existed:
        (folder / image.path).unlink(missing_ok=True)
        forget_name(folder, image.path)
    return chosen


def make_image_importer(
    document: Any, parent_widget: QWidget | None, settings: AppSettings | None = None
) -> Callable[[bytes | Path, str], str]:
    """The card editor's image hook: ``importer(bytes_or_path, name) -> Markdown`` ("" =
    cancelled). Raises MastheadError with a readable message when the image is refused."""

    def importer(source: bytes | Path, name: str) -> str:
        if document.read_only:
            raise MastheadError(
                QCoreApplication.translate("ImageImport", "This issue is open read-only.")
            )
        label = name or (Path(source).name if isinstance(source, Path | str) else "image")
        try:
            result = import_with_alt(
                Path(source) if isinstance(source, str) else source,
                label,
                document.folder,
                parent_widget,
                settings,
            )
        except ImageError as exc:
            raise MastheadError(
                QCoreApplication.translate("ImageImport", "Cannot import the image: %1").replace(
                    "%1", error_text(exc)
                )
            ) from None
        if result is None:
            return ""
        image, alt = result
        return image.markdown(alt)

    return importer
