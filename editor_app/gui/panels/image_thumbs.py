"""Thumbnails of an issue's assets, cached in ``<issue>/.masthead/thumbs/`` by content hash.

Pure Python (Pillow), run on a worker thread by the image panel. A cached thumbnail is
named after the SHA-256 of the image's bytes, so renaming an asset reuses it and a changed
file gets a new one. The cache is local state (never exported) and can be deleted.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterable
from pathlib import Path

from PIL import Image, ImageOps

from editor_app.core.atomic import atomic_write_bytes
from editor_app.core.paths import UnsafePathError, local_path
from editor_app.core.storage import STATE_DIR

THUMB_DIR = "thumbs"
THUMB_SIZE = 128  # pixels, the longer side; drawn at 64 px, sharp on 2x screens
MAX_SOURCE_BYTES = 64 * 1024 * 1024


def thumbs_dir(issue_folder: Path | str) -> Path:
    return Path(issue_folder) / STATE_DIR / THUMB_DIR


def content_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:24]


def render_thumbnail(path: Path, size: int = THUMB_SIZE) -> bytes:
    """PNG bytes of a thumbnail of ``path`` (first frame; EXIF orientation applied).

    Raises OSError/ValueError for anything Pillow refuses (bombs, truncated files).
    """
    with Image.open(path) as image:
        image.draft("RGB", (size * 2, size * 2))  # JPEG: decode at a reduced scale
        image.seek(0)
        frame = ImageOps.exif_transpose(image) or image
        if frame.mode not in ("RGB", "RGBA"):
            frame = frame.convert("RGBA")
        frame.thumbnail((size, size), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        frame.save(out, "PNG", optimize=False)
    return out.getvalue()


def thumbnail_for(issue_folder: Path, asset: str, size: int = THUMB_SIZE) -> Path | None:
    """The cached thumbnail of one asset, made if needed; None if there is no image."""
    try:
        source = local_path(issue_folder, asset)
    except UnsafePathError:
        return None
    try:
        if not source.is_file() or source.stat().st_size > MAX_SOURCE_BYTES:
            return None
        target = thumbs_dir(issue_folder) / f"{content_hash(source)}-{size}.png"
        if target.is_file():
            return target
        data = render_thumbnail(source, size)
    except (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError):
        return None
    try:
        atomic_write_bytes(target, data)
    except OSError:
        return None  # a read-only issue: no cache, and no thumbnail this time
    return target


def make_thumbnails(
    issue_folder: Path | str, assets: Iterable[str], size: int = THUMB_SIZE
) -> dict[str, str | None]:
    """asset -> path of its thumbnail (None: missing, unreadable or not cacheable)."""
    folder = Path(issue_folder)
    out: dict[str, str | None] = {}
    for asset in assets:
        thumb = thumbnail_for(folder, asset, size)
        out[asset] = os.fspath(thumb) if thumb else None
    return out
