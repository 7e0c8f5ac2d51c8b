"""Fixtures for the GUI tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def text_preview(monkeypatch):
    """Whole-window tests use the QTextBrowser preview.

    They test the window, not the preview (tests/gui/test_preview.py does that with a few
    WebEngine views); creating and destroying a Chromium view in every window test made the
    suite crash now and then inside QtWebEngine.
    """
    monkeypatch.setenv("MASTHEAD_NO_WEBENGINE", "1")
