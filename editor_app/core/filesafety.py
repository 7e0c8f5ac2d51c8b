"""Which files of an issue folder may be read, copied and published.

An issue folder comes from git pulls, imports and other people's machines. Two things in it
are never trusted: a symbolic link (it can name any file of the machine, and a link inside the
folder today can point elsewhere tomorrow), and an asset whose bytes are not the image its
name claims (an SVG or HTML page carries scripts that run on the site it is published on).
The checks report both and the exporters leave both out; see docs/links-and-images.md.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path, PurePosixPath

from editor_app.core.messages import Text, text

# Files a browser runs or renders as a page: never published from outside assets/ either.
ACTIVE_SUFFIXES = frozenset(
    {".svg", ".svgz", ".html", ".htm", ".xhtml", ".xht", ".shtml", ".xml", ".xsl", ".js", ".mjs"}
)
_HEAD_BYTES = 512
_SVG, _HTML, _UNKNOWN = "content.svg", "content.html", "content.unknown"


class UnsafeFileError(OSError):
    """A file that must not be read: a symbolic link or not a regular file."""


def sniff_format(data: bytes) -> str | None:
    """The allowed image format the bytes are in (PNG, JPEG, GIF, WEBP), or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    return None


def describe_content(data: bytes) -> Text:
    """A name for bytes that are not an allowed image, for messages (a ``content.*`` Text)."""
    head = data[:_HEAD_BYTES]
    brand = head[8:12]
    if head[4:8] == b"ftyp":
        if brand in (b"heic", b"heix", b"mif1", b"msf1", b"heim", b"heis"):
            return text("content.heic")
        if brand in (b"avif", b"avis"):
            return text("content.avif")
        return text("content.video")
    signatures = {
        b"BM": "bmp", b"II*\x00": "tiff", b"MM\x00*": "tiff", b"%PDF": "pdf",
        b"\x00\x00\x01\x00": "icon", b"8BPS": "psd", b"PK\x03\x04": "zip", b"\x1f\x8b": "gzip",
    }  # fmt: skip
    for magic, name in signatures.items():
        if head.startswith(magic):
            return text(f"content.{name}")
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<svg", b"<?xml")) or b"<svg" in lowered:
        return text(_SVG)
    if lowered.startswith((b"<!doctype", b"<html", b"<head", b"<body", b"<script", b"<!--")):
        return text(_HTML)
    if not head:
        return text("content.empty")
    try:
        head.decode("utf-8")
        return text("content.text")
    except UnicodeDecodeError:
        return text(_UNKNOWN)


def read_regular_file(path: Path, limit: int | None = None) -> bytes:
    """The bytes of ``path`` (the first ``limit`` only, if given), refusing a symbolic link
    in the last component and anything that is not a regular file (a pipe would hang)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_BINARY", 0)
    if not hasattr(os, "O_NOFOLLOW") and Path(path).is_symlink():
        raise UnsafeFileError(errno.ELOOP, "is a symbolic link", str(path))
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnsafeFileError(errno.ELOOP, "is a symbolic link", str(path)) from None
        raise
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UnsafeFileError(errno.EINVAL, "is not a regular file", str(path))
        return handle.read() if limit is None else handle.read(limit)


def symlink_in_path(folder: Path, rel: str) -> str | None:
    """The first part of ``rel`` (a POSIX path inside ``folder``) that is a symbolic link,
    as a path relative to the folder, or None. The folder itself may be reached by links."""
    current = Path(folder)
    walked: list[str] = []
    for part in PurePosixPath(rel).parts:
        if part in ("", "."):
            continue
        current = current / part
        walked.append(part)
        if current.is_symlink():
            return "/".join(walked)
    return None


def unsafe_content_reason(path: Path, image: bool) -> Text | None:
    """Why the file at ``path`` must not be published, or None.

    With ``image`` (an image, or any file under assets/) the bytes must be PNG, JPEG, WebP or
    GIF, whatever the name says. A file elsewhere that is only linked to may be any document,
    but not one a browser runs (SVG, HTML, XML, JavaScript), by name or by content.
    """
    try:
        head = read_regular_file(path, _HEAD_BYTES)
    except OSError as exc:
        return text("reason.unreadable", detail=str(exc.strerror or exc))
    if image:
        if sniff_format(head) is None:
            what = describe_content(head)
            if what.key == _UNKNOWN:
                return text("reason.not-an-image")
            return text("reason.not-an-image-but", what=what)
        return None
    if path.suffix.lower() in ACTIVE_SUFFIXES:
        return text("reason.active-suffix")
    what = describe_content(head)
    if what.key in (_SVG, _HTML):
        return text("reason.active-content", what=what)
    return None
