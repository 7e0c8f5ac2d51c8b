"""The preview's WeChat and email views: the channel's rendering, loaded as a whole page.

The site view swaps single cards into a loaded page; a channel page is rendered in one piece
(its styles are written into every element, its links renumbered across the whole issue), so
an edit renders the page again, a moment after the typing pauses. Rendering runs on the
preview's worker lane from a copy of the issue; at most one render is in flight, and edits
made meanwhile are picked up by the next.
"""

from __future__ import annotations

import copy
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from editor_app.core.export.channels import CHANNELS, render_channel
from editor_app.core.model import Issue
from editor_app.gui.preview import page_html
from editor_app.gui.workers import run_in_thread

if TYPE_CHECKING:
    from editor_app.gui.document import IssueDocument

SITE = "site"
VIEWS = (SITE, *CHANNELS)
DELAY_MS = 300  # after the last keystroke

# Preview only, never exported: the page on light paper whatever the app's theme (the
# channel's colours are fixed), a WeChat article at a phone's width, and the rules that
# show a single card in "current card" mode.
_PAPER = '<style id="mh-channel">:root { color-scheme: light; } html { background: #ededed; }'
CHANNEL_HEAD = {
    "wechat": _PAPER + " body { max-width: 390px; margin: 16px auto !important; padding: 20px 16px;"
    " background: #ffffff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.15); }</style>",
    "email": _PAPER + "</style>",
}


def render_channel_page(issue: Issue, channel: str, remote: bool) -> str:
    """The channel's page for the preview (a worker job: plain data in and out)."""
    output = render_channel(
        issue, channel, page_html.PreviewResolver(issue.folder), keep_card_ids=True
    )
    html = output.html
    head = CHANNEL_HEAD[channel] + page_html.PREVIEW_CSS
    at = html.find("</head>")
    if at >= 0:
        html = html[:at] + head + html[at:]
    return page_html.with_policy(html, remote)


class ChannelView(QObject):
    """Renders the chosen channel's page whenever asked, coalescing requests."""

    rendered = Signal(str)  # the page's HTML, ready to load
    failed = Signal(str)

    def __init__(self, document: IssueDocument, parent: QObject | None = None):
        super().__init__(parent)
        self._document = document
        self.channel = SITE
        self.remote = False
        self._busy = False
        self._again = False
        self.renders = 0  # renders started (tests read it)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self._start)

    def request(self, at_once: bool = False) -> None:
        """Render again (after a short pause, so typing does not render every keystroke)."""
        if self.channel == SITE:
            return
        if at_once:
            self._timer.stop()
            self._start()
        else:
            self._timer.start()

    def _start(self) -> None:
        if self.channel == SITE:
            return
        if self._busy:
            self._again = True
            return
        self._busy = True
        self.renders += 1
        snapshot = copy.deepcopy(self._document.issue)  # the worker never sees the live issue
        job = partial(render_channel_page, snapshot, self.channel, self.remote)
        run_in_thread(job, partial(self._done, self.channel), self._failed, self, lane="preview")

    def _done(self, channel: str, html: str) -> None:
        self._busy = False
        if self._again:
            self._again = False
            self._start()
            return
        if channel == self.channel:
            self.rendered.emit(html)

    def _failed(self, message: str) -> None:
        self._busy = False
        self.failed.emit(message.splitlines()[0] if message else "")
        if self._again:
            self._again = False
            self._start()
