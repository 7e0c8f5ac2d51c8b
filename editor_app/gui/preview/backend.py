"""Choosing the preview backend.

QtWebEngine must be imported, and the preview's URL scheme registered, before the
QApplication exists, so the probe runs when this package is imported (the main window
imports it early), not when the first pane is built.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

NO_WEBENGINE_ENV = "MASTHEAD_NO_WEBENGINE"


def _probe() -> bool:
    if os.environ.get(NO_WEBENGINE_ENV, "") not in ("", "0"):
        return False
    try:
        import PySide6.QtWebEngineCore  # noqa: F401
        import PySide6.QtWebEngineWidgets  # noqa: F401
    except ImportError:
        return False
    from editor_app.gui.preview.scheme import register_scheme

    register_scheme()
    return True


_AVAILABLE = _probe()


def web_engine_available() -> bool:
    """False when QtWebEngine is missing or MASTHEAD_NO_WEBENGINE=1 asks for the fallback."""
    return _AVAILABLE and os.environ.get(NO_WEBENGINE_ENV, "") in ("", "0")


def make_backend(parent: QWidget, use_web: bool | None = None) -> QObject:
    """A WebBackend or TextBackend; both offer the same small interface: ``widget``,
    ``is_web``, ``is_loaded``, signals ``loaded``, ``loadFailed(str)`` and ``cardReplaced(str)``, and
    ``load_page``, ``replace_cards``, ``replace_element``, ``set_theme``, ``set_focus``,
    ``set_remote_content``, ``page_text``, ``run_js``.
    """
    if use_web is None:
        use_web = web_engine_available()
    if use_web:
        from editor_app.gui.preview.web import WebBackend

        return WebBackend(parent)
    from editor_app.gui.preview.fallback import TextBackend

    return TextBackend(parent)
