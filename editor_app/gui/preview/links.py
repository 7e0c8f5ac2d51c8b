"""Where clicked preview links go: the system browser, never the preview itself."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

_EXTERNAL_SCHEMES = {"http", "https", "mailto"}


def open_external(url: QUrl) -> bool:
    """Hand a link to the system browser; other schemes (file:, data:) are ignored."""
    if url.scheme().lower() in _EXTERNAL_SCHEMES:
        QDesktopServices.openUrl(url)
        return True
    return False
