"""Live preview of the open issue (QtWebEngine, or QTextBrowser when it is unavailable)."""

from __future__ import annotations

from editor_app.gui.preview.backend import web_engine_available
from editor_app.gui.preview.pane import PreviewPane

__all__ = ["PreviewPane", "web_engine_available"]
