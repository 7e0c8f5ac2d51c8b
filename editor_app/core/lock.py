"""The issue's two locks, both under its .masthead/ folder.

``IssueLock`` (``.masthead/lock``: pid, host, since) is held by the window for as long as it
edits the issue; a second window opens read-only. ``issue_write_lock`` is taken by every writer
(the window's saves, each CLI command that changes an existing issue) around one
read-modify-write: an OS file lock on ``.masthead/write-lock`` serialises the writers, and a
window lock held by another live process makes other writers refuse (or wait).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from editor_app.core.errors import IssueLockedError
from editor_app.core.messages import Text, text
from editor_app.core.storage import STATE_DIR

LOCK_NAME = "lock"
WRITE_LOCK_NAME = "write-lock"
_POLL_S = 0.05


@dataclass(frozen=True)
class LockInfo:
    pid: int
    host: str
    since: float


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill(pid, 0) would terminate the process on Windows
        return _pid_alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    except OSError:
        return False
    return True


def _pid_alive_windows(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    kernel32.CloseHandle(handle)
    return True


def read_lock(folder: Path) -> LockInfo | None:
    try:
        data = json.loads((Path(folder) / STATE_DIR / LOCK_NAME).read_text("utf-8"))
        return LockInfo(int(data["pid"]), str(data["host"]), float(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class IssueLock:
    """Held by the instance that edits an issue. ``acquire`` returns False if another live
    process holds it; a lock left by a dead process on this host is taken over."""

    def __init__(self, folder: Path):
        self.path = Path(folder) / STATE_DIR / LOCK_NAME
        self.held = False
        self.holder: LockInfo | None = None

    def acquire(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        me = {"pid": os.getpid(), "host": socket.gethostname(), "since": time.time()}
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                info = read_lock(self.path.parent.parent)
                if info and info.pid == os.getpid() and info.host == me["host"]:
                    self.held = True
                    return True
                if info and (info.host != me["host"] or _pid_alive(info.pid)):
                    self.holder = info
                    return False
                # Stale: its process is gone (or the file is garbage). Take it over.
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(me, handle)
            self.held = True
            return True
        return False

    def release(self) -> None:
        if self.held:
            info = read_lock(self.path.parent.parent)
            if info and info.pid == os.getpid():
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()
            self.held = False


def window_holder(folder: Path) -> LockInfo | None:
    """Who holds the issue's window lock, if it is another process that is still alive.

    None when nobody does, when this process does (the window writes through its own lock),
    or when the lock is stale: its process is gone from this host. A lock from another host
    cannot be checked and counts as held.
    """
    info = read_lock(folder)
    if info is None:
        return None
    host = socket.gethostname()
    if info.host == host and (info.pid == os.getpid() or not _pid_alive(info.pid)):
        return None
    return info


def _holder_message(info: LockInfo, waited: float | None) -> Text:
    if waited is not None:
        return text("lock.still-open", pid=info.pid, host=info.host, seconds=waited)
    return text("lock.open-elsewhere", pid=info.pid, host=info.host)


@contextlib.contextmanager
def issue_write_lock(
    folder: Path | str, wait: bool = False, timeout: float | None = None
) -> Iterator[None]:
    """Hold the issue for one read-modify-write (read the files inside the ``with``).

    Writers queue on an OS file lock, so concurrent commands never lose each other's
    changes. If another live process has the issue open in a window, raise
    ``IssueLockedError`` at once, or with ``wait`` poll until that window closes. ``timeout``
    (seconds) bounds the whole wait, for the window and the file lock alike; None waits as long
    as it takes.
    """
    folder = Path(folder)
    start = time.monotonic()
    deadline = None if timeout is None else start + timeout
    while True:
        holder = window_holder(folder)
        if holder is None:
            handle = _lock_file(folder, deadline, timeout)
            try:
                # A window may have opened while this writer queued: look again, under the lock.
                holder = window_holder(folder)
                if holder is None:
                    yield
                    return
            finally:
                _unlock_file(handle)
        if not wait:
            raise IssueLockedError(_holder_message(holder, None), folder)
        if deadline is not None and time.monotonic() >= deadline:
            raise IssueLockedError(_holder_message(holder, timeout), folder)
        time.sleep(_POLL_S * 4)


def _lock_file(folder: Path, deadline: float | None, timeout: float | None) -> IO[bytes]:
    path = folder / STATE_DIR / WRITE_LOCK_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+b")  # noqa: SIM115 - closed by _unlock_file
    try:
        while not _try_lock(handle, block=deadline is None):
            if deadline is not None and time.monotonic() >= deadline:
                raise IssueLockedError(text("lock.still-writing", seconds=timeout), folder)
            time.sleep(_POLL_S / 5)
    except BaseException:
        handle.close()
        raise
    return handle


if os.name == "nt":
    import msvcrt

    def _try_lock(handle: IO[bytes], block: bool) -> bool:
        # msvcrt has no blocking lock without a 10-second limit: poll instead.
        handle.seek(0)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            if block:
                time.sleep(_POLL_S / 5)
            return False
        return True

    def _unlock_file(handle: IO[bytes]) -> None:
        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        finally:
            handle.close()

else:
    import fcntl

    def _try_lock(handle: IO[bytes], block: bool) -> bool:
        flags = fcntl.LOCK_EX | (0 if block else fcntl.LOCK_NB)
        try:
            fcntl.flock(handle.fileno(), flags)
        except BlockingIOError:
            return False
        return True

    def _unlock_file(handle: IO[bytes]) -> None:
        # Closing the file releases the flock, also when the process dies mid-write.
        handle.close()


@contextlib.contextmanager
def file_lock(path: Path | str, timeout: float | None = 10.0) -> Iterator[None]:
    """An OS lock on ``path`` (created if needed) for one read-modify-write of files that
    are not an issue's (the library's inbox); IssueLockedError after ``timeout`` seconds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = None if timeout is None else time.monotonic() + timeout
    handle = open(path, "a+b")  # noqa: SIM115 - closed by _unlock_file
    try:
        while not _try_lock(handle, block=deadline is None):
            if deadline is not None and time.monotonic() >= deadline:
                raise IssueLockedError(
                    f"another program is still writing here after {timeout:g} s", path.parent
                )
            time.sleep(_POLL_S / 5)
    except BaseException:
        handle.close()
        raise
    try:
        yield
    finally:
        _unlock_file(handle)
