"""Resolving references from card Markdown to files inside the issue folder."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit


class UnsafePathError(ValueError):
    """A reference that would leave the issue folder."""


def is_remote(ref: str) -> bool:
    scheme = urlsplit(ref).scheme.lower()
    return scheme in {"http", "https", "data", "ftp"} or ref.startswith("//")


def local_path(folder: Path, ref: str) -> Path:
    """The file a relative reference names, refusing anything outside ``folder``.

    Raises UnsafePathError for absolute paths, ``..`` escapes, other schemes and symlinks
    pointing outside the folder.
    """
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc:
        raise UnsafePathError(f"{ref!r} is not a path inside the issue")
    raw = unquote(parts.path)
    if raw.startswith(("/", "\\")) or (len(raw) > 1 and raw[1] == ":"):
        raise UnsafePathError(f"{ref!r} is an absolute path")
    rel = PurePosixPath(raw.replace("\\", "/"))
    if ".." in rel.parts:
        raise UnsafePathError(f"{ref!r} leaves the issue folder")
    root = folder.resolve()
    target = (root / rel).resolve()
    if target != root and root not in target.parents:
        raise UnsafePathError(f"{ref!r} points outside the issue folder")
    return target
