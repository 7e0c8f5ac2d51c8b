"""What the preview tests share: opening a pane and asking its page for script results."""

from __future__ import annotations

import os

import pytest

from editor_app.gui.preview import PreviewPane

WAIT = 20_000

needs_web = pytest.mark.skipif(
    os.environ.get("MASTHEAD_NO_WEBENGINE") == "1",
    reason="the QTextBrowser fallback was forced with MASTHEAD_NO_WEBENGINE=1",
)


def open_pane(qtbot, doc) -> PreviewPane:  # noqa: ANN001 - qtbot and an IssueDocument
    """A shown preview pane on ``doc`` whose first page has loaded."""
    pane = PreviewPane(doc)
    qtbot.addWidget(pane)
    pane.resize(900, 700)
    pane.show()
    qtbot.waitUntil(lambda: pane.page_loads >= 1, timeout=WAIT)
    return pane


def run_js(qtbot, pane: PreviewPane, script: str):  # noqa: ANN001, ANN201
    """The result of ``script`` in the pane's page."""
    box: list = []
    pane.backend.run_js(script, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=WAIT)
    return box[0]


def page_text(qtbot, pane: PreviewPane) -> str:  # noqa: ANN001
    box: list[str] = []
    pane.page_text(box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=WAIT)
    return box[0]
