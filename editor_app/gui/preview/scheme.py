"""The preview's own URL scheme: the page and the issue's files, served from memory and disk.

``setHtml`` hands the page over as a data: URL, which Chromium refuses past 2 MB; a page
served by a scheme handler has no such limit. The page lives at
``masthead-preview://issue/preview-<n>.html``, so the issue's relative image paths
(``assets/x.png``) resolve to the same scheme and are read from the issue folder. Nothing
outside that folder (or in its .masthead/ state) is ever served.

The scheme must be registered before the QApplication exists: ``register_scheme`` runs when
the preview package is imported, and the app and the tests call it again early (it is
idempotent).
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import unquote

log = logging.getLogger(__name__)

SCHEME = "masthead-preview"
HOST = "issue"
_PRIVATE_DIRS = {".masthead", ".git"}


def register_scheme() -> bool:
    """Declare the scheme to QtWebEngine; False when it cannot be (no QtWebEngine, or the
    application already exists)."""
    try:
        from PySide6.QtWebEngineCore import QWebEngineUrlScheme
    except ImportError:
        return False
    if QWebEngineUrlScheme.schemeByName(SCHEME.encode()).name():
        return True
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is not None:
        log.warning("the preview scheme was not registered before the application started")
        return False
    scheme = QWebEngineUrlScheme(SCHEME.encode())
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    flags = QWebEngineUrlScheme.Flag
    # Secure (like https), and never able to reach file: or the network on its own.
    scheme.setFlags(flags.SecureScheme)
    QWebEngineUrlScheme.registerScheme(scheme)
    return True


def page_url(serial: int) -> str:
    return f"{SCHEME}://{HOST}/preview-{serial}.html"


def resolve_file(root: Path | None, url_path: str) -> Path | None:
    """The file of the issue folder ``url_path`` names, or None if it is not one to serve."""
    if root is None:
        return None
    parts = [p for p in unquote(url_path).split("/") if p]
    if not parts or parts[0] in _PRIVATE_DIRS or any(p in ("..", ".") for p in parts):
        return None
    try:
        base = root.resolve()
        path = base.joinpath(*parts).resolve()
        path.relative_to(base)  # symlinks may not lead out of the issue folder
    except (OSError, ValueError):
        return None
    return path if path.is_file() else None
