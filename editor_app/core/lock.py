"""A lock file in the issue's .masthead/ folder so a second instance opens read-only."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
from dataclasses import dataclass
from pathlib import Path

from editor_app.core.storage import STATE_DIR

LOCK_NAME = "lock"


@dataclass(frozen=True)
class LockInfo:
    pid: int
    host: str
    since: float


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    except OSError:
        return False
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
