"""Running slow work off the UI thread and getting the result back on it.

The one rule: a worker thread never creates, holds or destroys a Qt object. A worker
thread that drops the last reference to a Python wrapper destroys the Qt object with it,
and no garbage collector setting can prevent that. So the design leaves nothing Qt-shaped
within a worker's reach:

- the work runs on a plain Python ``ThreadPoolExecutor``; the worker sees only the job's
  callable (refused here when it visibly carries a Qt object: bound to one, or holding one in
  a closure cell, a default or a ``partial`` argument) and plain Python queues;
- the worker puts its outcome on a ``queue.SimpleQueue`` and wakes the UI thread by writing a
  byte to a socket pair; it never emits a signal or touches a QObject;
- the callbacks and the owner stay in a dict read only on the UI thread, where a
  ``QSocketNotifier`` belonging to the dispatcher (created on and parented to the
  application) drains the queue and calls them.
"""

from __future__ import annotations

import functools
import os
import queue
import socket
import sys
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_futures
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QThread
from shiboken6 import Shiboken

# Enough threads that a slow link check or download does not hold up preview renders.
MAX_WORKERS = max(4, os.cpu_count() or 1)


# Lanes with threads of their own: the preview's renders (typing and background batches)
# must never queue behind a link check or a scan on the shared threads. The journal has one
# thread, so its writes and removals happen in the order they were asked for.
LANES = {"preview": 2, "journal": 1}


@dataclass
class _Callbacks:
    on_done: Callable[[Any], None]
    on_error: Callable[[str], None] | None
    on_progress: Callable[[Any], None] | None
    owner: QObject | None


class _Dispatcher(QObject):
    """Lives on the UI thread; delivers what the workers queued."""

    def __init__(self, app: QObject):
        super().__init__(app)
        self.outbox: queue.SimpleQueue[tuple[int, str, Any]] = queue.SimpleQueue()
        self.callbacks: dict[int, _Callbacks] = {}
        self.futures: dict[int, Future] = {}
        self._ids = 0
        self._read, self._write = socket.socketpair()
        self._read.setblocking(False)
        self._write.setblocking(False)
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self.deliver)
        self.executor = ThreadPoolExecutor(MAX_WORKERS, thread_name_prefix="masthead-worker")
        self.lanes: dict[str, ThreadPoolExecutor] = {}

    def lane(self, name: str) -> ThreadPoolExecutor:
        """The threads of the lane ``name``, made on first use."""
        if name not in self.lanes:
            self.lanes[name] = ThreadPoolExecutor(
                LANES[name], thread_name_prefix=f"masthead-{name}"
            )
        return self.lanes[name]

    def next_id(self) -> int:
        self._ids += 1
        return self._ids

    @property
    def waker(self) -> Callable[[], None]:
        """What a worker calls to wake the UI thread: plain socket I/O, no reference to us."""
        return functools.partial(_wake, self._write)

    def deliver(self, *_args: Any) -> None:
        try:
            self._read.recv(4096)
        except (BlockingIOError, OSError):
            pass
        while True:
            try:
                task_id, kind, payload = self.outbox.get_nowait()
            except queue.Empty:
                return
            if kind == "progress":
                callbacks = self.callbacks.get(task_id)
            else:
                callbacks = self.callbacks.pop(task_id, None)
                self.futures.pop(task_id, None)
            if callbacks is None:
                continue
            if callbacks.owner is not None and not Shiboken.isValid(callbacks.owner):
                continue  # the owner was deleted meanwhile: nobody wants the result
            call = {
                "done": callbacks.on_done,
                "error": callbacks.on_error,
                "progress": callbacks.on_progress,
            }[kind]
            if call is None:
                continue
            try:
                call(payload)
            except Exception:  # noqa: BLE001 - one failing callback must not strand the rest
                sys.excepthook(*sys.exc_info())


def _wake(sock: socket.socket) -> None:
    try:
        sock.send(b"\0")
    except OSError:
        pass  # a wake-up byte is already waiting (or the application is gone)


_dispatcher: _Dispatcher | None = None


def _get_dispatcher() -> _Dispatcher:
    global _dispatcher
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("run_in_thread needs a QApplication")
    if QThread.currentThread() is not app.thread():
        raise RuntimeError("run_in_thread must be called on the UI thread")
    if _dispatcher is None or not Shiboken.isValid(_dispatcher):
        _dispatcher = _Dispatcher(app)
    return _dispatcher


def qt_objects_carried_by(fn: Callable[..., Any], depth: int = 4) -> list[str]:
    """Where ``fn`` visibly carries a Qt object; empty when it is plain.

    Looks at what it is bound to, its closure cells, defaults and ``partial`` arguments, and
    into the functions found there (``depth`` levels); not inside containers or objects.
    """
    if isinstance(fn, Shiboken.Object):
        return [f"the job itself: {type(fn).__name__}"]
    # A work list rather than recursive inner functions: those would refer to each other
    # through their closures, a reference cycle made on every job started.
    found: list[str] = []
    seen: set[int] = set()
    pending: list[tuple[Any, str, int]] = [(fn, getattr(fn, "__qualname__", type(fn).__name__), 0)]
    while pending:
        func, where, level = pending.pop()
        if id(func) in seen:
            continue  # reached twice (two cells holding one function)
        seen.add(id(func))
        carried: list[tuple[Any, str]] = []
        if isinstance(func, functools.partial):
            carried.append((func.func, f"{where}.func"))
            carried += [(arg, f"{where} argument {i}") for i, arg in enumerate(func.args)]
            carried += [(arg, f"{where} argument {key}") for key, arg in func.keywords.items()]
        elif hasattr(func, "__code__") or hasattr(func, "__self__"):
            # (a class or a builtin without state captures nothing)
            carried.append((getattr(func, "__self__", None), f"{where} bound to"))
            for i, cell in enumerate(getattr(func, "__closure__", None) or ()):
                try:
                    carried.append((cell.cell_contents, f"{where} closure cell {i}"))
                except ValueError:
                    pass  # an empty cell
            for i, arg in enumerate(getattr(func, "__defaults__", None) or ()):
                carried.append((arg, f"{where} default {i}"))
            for key, arg in (getattr(func, "__kwdefaults__", None) or {}).items():
                carried.append((arg, f"{where} default {key}"))
        inner: list[tuple[Any, str, int]] = []
        for value, place in carried:
            if isinstance(value, Shiboken.Object):
                found.append(f"{place}: {type(value).__name__}")
            elif callable(value) and level < depth and id(value) not in seen:
                inner.append((value, place, level + 1))
        pending.extend(reversed(inner))
    return found


def _work(
    task_id: int,
    fn: Callable[..., Any],
    with_progress: bool,
    outbox: queue.SimpleQueue,
    wake: Callable[[], None],
) -> None:
    """The worker thread's whole part: call ``fn``, queue the outcome, wake the UI thread."""
    try:
        if with_progress:

            def report(value: Any) -> None:
                outbox.put((task_id, "progress", value))
                wake()

            result = fn(report)
        else:
            result = fn()
    except Exception as exc:  # noqa: BLE001 - reported to the UI, never swallowed
        outbox.put((task_id, "error", f"{exc}\n{traceback.format_exc(limit=3)}"))
    else:
        outbox.put((task_id, "done", result))
    wake()


def run_in_thread(
    fn: Callable[..., Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None] | None = None,
    owner: QObject | None = None,
    on_progress: Callable[[Any], None] | None = None,
    lane: str = "",
) -> Future:
    """Run ``fn`` on a worker thread; ``on_done(result)`` runs on the UI thread.

    ``lane`` names a set of threads of its own (see ``LANES``), so work that must answer
    quickly never waits behind long jobs on the shared threads.

    ``fn`` must be a plain function of plain data (no QObject, widget or other Qt value in
    its closure, defaults or ``partial`` arguments, and not a bound method of a Qt object);
    it returns plain data. With ``on_progress``, ``fn`` is called with one argument, a plain
    ``report(value)`` function whose values reach ``on_progress`` on the UI thread, in order
    and before the result. When ``owner`` is destroyed first, the callbacks are dropped.
    Call this on the UI thread only.
    """
    carried = qt_objects_carried_by(fn)
    if carried:
        raise TypeError("a worker job must not carry Qt objects: " + "; ".join(carried))
    dispatcher = _get_dispatcher()
    task_id = dispatcher.next_id()
    dispatcher.callbacks[task_id] = _Callbacks(on_done, on_error, on_progress, owner)
    executor = dispatcher.lane(lane) if lane else dispatcher.executor
    future = executor.submit(
        _work, task_id, fn, on_progress is not None, dispatcher.outbox, dispatcher.waker
    )
    dispatcher.futures[task_id] = future
    return future


# How long a thread runs Python before another waiting for the interpreter gets it. The UI
# thread gives the interpreter up at every call into Qt and must win it back after; with a
# worker busy in pure Python (checks, counts of a long text), Python's default of 5 ms made
# each of those returns wait up to 5 ms, and a keystroke's dozens of them added up to
# tenths of a second.
SWITCH_INTERVAL_S = 0.001


def share_interpreter() -> None:
    """Let the UI thread win the interpreter back quickly from busy workers."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)


def pending() -> int:
    """Jobs started whose outcome has not been delivered yet."""
    return len(_dispatcher.callbacks) if _dispatcher is not None else 0


def wait_for_workers(timeout: float = 30.0) -> bool:
    """Block until every job started so far has finished running (not delivered)."""
    if _dispatcher is None:
        return True
    _done, not_done = wait_futures(list(_dispatcher.futures.values()), timeout=timeout)
    return not not_done
