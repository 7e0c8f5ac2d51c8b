"""Atomic file writes: a temp file in the same folder, flushed, fsynced, then renamed."""

from __future__ import annotations

import contextlib
import functools
import os
import re
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path


def atomic_write_bytes(path: Path | str, data: bytes, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` all at once.

    ``durable`` also fsyncs, so the file survives a power cut; without it the write still
    survives the process being killed, which is all a recovery journal needs.
    """
    atomic_write_pieces(path, (data,), durable)


def atomic_write_pieces(path: Path | str, pieces: Iterable[bytes], durable: bool = True) -> None:
    """``atomic_write_bytes`` of the pieces joined, written one by one: a worker writing
    tens of MB never holds the interpreter (and so the UI thread) for one giant join and
    encoding; each piece's write lets it go."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _target_mode(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp creates 0600; the replaced file keeps the permissions it had (or the usual
        # ones for a new file), so exported pages stay readable by a web server.
        with contextlib.suppress(OSError):
            os.chmod(tmp_name, mode)
        with os.fdopen(fd, "wb") as handle:
            for piece in pieces:
                handle.write(piece)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    if durable:
        _fsync_dir(path.parent)


# The temporary name atomic_write_bytes gives: ".<name>.<mkstemp's 8 characters>.tmp".
_TEMP_NAME = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")


def remove_stray_temps(*folders: Path | str) -> list[Path]:
    """Delete the temporary files that writes killed half-way left in ``folders`` (not
    recursive); return them. Only for a writer that knows nobody else writes there now."""
    removed = []
    for folder in folders:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if _TEMP_NAME.match(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


def atomic_write_text(path: Path | str, text: str, durable: bool = True) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), durable)


def write_if_changed(path: Path | str, text: str) -> bool:
    """Write only when the bytes differ, so unchanged files keep their mtime. True if written."""
    path = Path(path)
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    atomic_write_bytes(path, data)
    return True


def _target_mode(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~_umask()


@functools.cache
def _umask() -> int:
    # Reading the umask means setting it; done once, as threads may write files meanwhile.
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not supported on every platform.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
