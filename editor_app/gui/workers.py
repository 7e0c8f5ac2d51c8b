"""Running slow work off the UI thread and getting the result back by a signal."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(str)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.fn, self.relay = fn, relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # noqa: BLE001 - reported to the UI, never swallowed
            self.relay.failed.emit(f"{exc}\n{traceback.format_exc(limit=3)}")
        else:
            self.relay.finished.emit(result)


def run_in_thread(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None] | None = None,
    owner: QObject | None = None,
) -> _Relay:
    """Run ``fn`` on the global pool; ``on_done(result)`` runs on the owner's thread."""
    relay = _Relay(owner)
    relay.finished.connect(on_done)
    if on_error:
        relay.failed.connect(on_error)
    # Keep the relay alive until it reports.
    relay.finished.connect(relay.deleteLater)
    relay.failed.connect(relay.deleteLater)
    QThreadPool.globalInstance().start(_Task(fn, relay))
    return relay
