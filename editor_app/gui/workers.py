"""Running slow work off the UI thread and getting the result back by a signal."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from shiboken6 import Shiboken


class _Relay(QObject):
    """Carries one result back to the UI thread.

    Its Qt parent is the application, never a widget that could be deleted mid-task, so a
    worker thread dropping the last Python reference cannot destroy it off the UI thread.
    Once it has reported, it drops its callbacks and deletes itself on the UI thread.
    """

    finished = Signal(object)
    failed = Signal(str)
    _in_flight: ClassVar[set[_Relay]] = set()

    def __init__(self) -> None:
        super().__init__(QCoreApplication.instance())
        _Relay._in_flight.add(self)

    def release_when_reported(self) -> None:
        # Connected last, so it runs after the callers' callbacks.
        self.finished.connect(self._done)
        self.failed.connect(self._done)

    def _done(self, *_args: Any) -> None:
        self.finished.disconnect()
        self.failed.disconnect()
        _Relay._in_flight.discard(self)
        self.deleteLater()


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
    pool: QThreadPool | None = None,
) -> _Relay:
    """Run ``fn`` on the global pool (or ``pool``); ``on_done(result)`` runs on the UI thread.

    When ``owner`` is destroyed first, the callbacks are dropped instead of called.
    """
    relay = _Relay()
    if owner is not None:

        def deliver(result: Any) -> None:
            if Shiboken.isValid(owner):
                on_done(result)

        def deliver_error(message: str) -> None:
            if Shiboken.isValid(owner) and on_error:
                on_error(message)

        relay.finished.connect(deliver)
        relay.failed.connect(deliver_error)
    else:
        relay.finished.connect(on_done)
        if on_error:
            relay.failed.connect(on_error)
    relay.release_when_reported()
    (pool or QThreadPool.globalInstance()).start(_Task(fn, relay))
    return relay
