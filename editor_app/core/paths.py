"""Resolving references from card Markdown to files inside the issue folder."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from editor_app.core.messages import Text, text


class UnsafePathError(ValueError):
    """A reference that would leave the issue folder; ``reason`` says why (a Text)."""

    def __init__(self, reason: Text):
        super().__init__(str(reason))
        self.reason = reason


_REMOTE_SCHEMES = ("http", "https", "data", "ftp")


def is_remote(ref: str) -> bool:
    try:
        scheme = urlsplit(ref).scheme.lower()
    except ValueError:  # e.g. a broken IPv6 host: still a remote address, not a file
        scheme = ref.split(":", 1)[0].lower() if ":" in ref else ""
    return scheme in _REMOTE_SCHEMES or ref.startswith("//")


def local_path(folder: Path, ref: str) -> Path:
    """The file a relative reference names, refusing anything outside ``folder``.

    Raises UnsafePathError for absolute paths, ``..`` escapes, other schemes and symlinks
    pointing outside the folder.
    """
    try:
        parts = urlsplit(ref)
    except ValueError:
        raise UnsafePathError(text("path.unparsable", ref=ref)) from None
    if parts.scheme or parts.netloc:
        raise UnsafePathError(text("path.not-inside", ref=ref))
    raw = unquote(parts.path)
    if raw.startswith(("/", "\\")) or (len(raw) > 1 and raw[1] == ":"):
        raise UnsafePathError(text("path.absolute", ref=ref))
    rel = PurePosixPath(raw.replace("\\", "/"))
    if ".." in rel.parts:
        raise UnsafePathError(text("path.leaves", ref=ref))
    root = Path(folder).resolve()
    try:
        target = (root / rel).resolve()
    except (OSError, RuntimeError):  # a symlink loop
        raise UnsafePathError(text("path.unresolvable", ref=ref)) from None
    if target != root and root not in target.parents:
        raise UnsafePathError(text("path.outside", ref=ref))
    return target


_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")


def outside_file(ref: str) -> Path | None:
    """The file elsewhere on the computer that a reference names: an absolute path
    (``/home/me/a.png``, ``C:\\pics\\a.png``), one in the home folder (``~/Desktop/b.png``)
    or a ``file:`` URL. None for anything else (a path inside the issue, a web address).

    The path is not checked: a Windows path read on another system, or a file moved since,
    is returned all the same, and the caller says that it cannot be found.
    """
    ref = ref.strip()
    if not ref or is_remote(ref):
        return None
    if ref.lower().startswith("file:"):
        try:
            parts = urlsplit(ref)
        except ValueError:
            return None
        path = unquote(parts.path)
        if re.match(r"^/[A-Za-z]:", path):
            path = path[1:]  # file:///C:/pics/a.jpg
        host = parts.netloc if parts.netloc.lower() not in ("", "localhost") else ""
        return Path(f"//{host}{path}") if host else Path(path) if path else None
    if ref.startswith("~"):
        return Path(_decoded(ref)).expanduser()
    if ref.startswith(("/", "\\\\")) or _DRIVE.match(ref):
        return Path(_decoded(ref))
    return None


def _decoded(raw: str) -> str:
    """``raw`` as written when that file exists, else with %XX escapes decoded (a Markdown
    destination cannot hold spaces, so ``my%20photo.png`` names ``my photo.png``)."""
    if "%" in raw and not Path(raw).expanduser().exists():
        return unquote(raw)
    return raw
