"""Copy for WeChat / Copy as Email HTML: the channel's rendering on the clipboard.

The rendering runs on a worker thread from a copy of the issue taken here, on the UI thread;
the clipboard gets both text/html (the article, or the whole email, images inside) and
text/plain (the same content as text, links numbered), so a paste into a rich editor keeps
the styling and a paste into a plain one still reads well.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtGui import QGuiApplication

from editor_app.core.errors import MastheadError
from editor_app.core.export.base import PreflightError
from editor_app.core.export.channel_page import ChannelOutput
from editor_app.core.export.channels import copy_channel
from editor_app.core.model import Issue
from editor_app.gui.workers import run_in_thread


@dataclass(frozen=True)
class Refused:
    """Why nothing was copied: error-level problems (counted), or an error's message."""

    errors: int = 0
    message: str = ""


def _copy_job(issue: Issue, channel: str) -> ChannelOutput | Refused:
    """The rendering, or the reason there is none (plain data either way)."""
    try:
        return copy_channel(issue, channel)
    except PreflightError as exc:
        return Refused(errors=sum(p.severity == "error" for p in exc.problems))
    except MastheadError as exc:
        return Refused(message=str(exc))


def mime_for(output: ChannelOutput) -> QMimeData:
    mime = QMimeData()
    mime.setHtml(output.fragment)
    mime.setText(output.text)
    return mime


class ChannelCopier(QObject):
    """Renders a channel off the UI thread and puts the result on the clipboard."""

    copied = Signal(str)  # the channel, once its rendering is on the clipboard
    failed = Signal(str)  # a message for the status bar

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.busy = False

    def copy(self, issue: Issue, channel: str) -> None:
        if self.busy:
            return
        self.busy = True
        snapshot = copy.deepcopy(issue)  # the worker never sees the live issue
        run_in_thread(
            partial(_copy_job, snapshot, channel),
            partial(self._done, channel),
            self._failed,
            self,
        )

    def _done(self, channel: str, result: ChannelOutput | Refused) -> None:
        self.busy = False
        if isinstance(result, Refused):
            if result.errors:
                text = self.tr(
                    "Not copied: the checks found %n error(s). The Export panel lists them.",
                    "",
                    result.errors,
                )
                self.failed.emit(text)
            else:
                self.failed.emit(self.tr("Not copied: %1").replace("%1", result.message))
            return
        QGuiApplication.clipboard().setMimeData(mime_for(result))
        self.copied.emit(channel)

    def _failed(self, message: str) -> None:
        self.busy = False
        first = message.splitlines()[0] if message else ""
        self.failed.emit(self.tr("Not copied: %1").replace("%1", first))
