"""Fetching a remote image into the issue's assets; the network is used only when called."""

from __future__ import annotations

import posixpath
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urlsplit

from editor_app import __version__
from editor_app.core.errors import ImageError
from editor_app.core.messages import Text, text

from .pipeline import DEFAULT_MAX_WIDTH, MAX_INPUT_BYTES, ImportedImage, import_image

USER_AGENT = f"Mozilla/5.0 (compatible; Masthead/{__version__})"


def _fail(url: str, reason: Text) -> ImageError:
    # The URL goes in the message: as a path it would lose its "//".
    return ImageError(text("remote.failed", url=url, reason=reason))


def failure_reason(exc: ImageError) -> Text | str:
    """Why fetching failed, without the URL ``_fail`` put in front."""
    said = exc.text
    if said is not None and said.key == "remote.failed":
        return said.args["reason"]
    return said or exc.message


def size_text(n: int) -> str:
    """Bytes as the messages show them: "7 MB", "2.5 MB", "60 KB"."""
    if n >= 1_000_000:
        return f"{n / 1e6:.1f}".removesuffix(".0") + " MB"
    return f"{max(n // 1000, 1)} KB"


def download(url: str, timeout: float = 15.0, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes at ``url`` (http or https), refusing anything larger than ``max_bytes``."""
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise _fail(url, text("remote.only-http"))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "image/*"})
    host = urlsplit(url).hostname or ""
    # The loopback never goes through a proxy (and tests rely on that).
    handlers = (
        [urllib.request.ProxyHandler({})] if host in ("localhost", "127.0.0.1", "::1") else []
    )
    try:
        with urllib.request.build_opener(*handlers).open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                size, limit = size_text(int(length)), size_text(max_bytes)
                raise _fail(url, text("remote.too-large", size=size, limit=limit))
            data = response.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        raise _fail(url, text("remote.http-status", status=exc.code, detail=exc.reason)) from None
    except urllib.error.URLError as exc:
        raise _fail(url, text("remote.cannot-download", detail=str(exc.reason))) from None
    except (TimeoutError, OSError) as exc:
        raise _fail(url, text("remote.cannot-download", detail=str(exc))) from None
    if len(data) > max_bytes:
        raise _fail(url, text("remote.over-limit", limit=size_text(max_bytes)))
    return data


def fetch_remote_image(
    url: str,
    issue_folder: Path | str,
    timeout: float = 15.0,
    *,
    max_width: int = DEFAULT_MAX_WIDTH,
    max_bytes: int = MAX_INPUT_BYTES,
    photo_format: str = "JPEG",
) -> ImportedImage:
    """Download an image and run it through the import pipeline into ``<issue>/assets/``."""
    data = download(url, timeout, max_bytes)
    name = posixpath.basename(unquote(urlsplit(url).path)) or "image"
    try:
        image = import_image(
            data,
            issue_folder,
            name=name,
            max_width=max_width,
            photo_format=photo_format,
            original=name,
        )
    except ImageError as exc:
        raise _fail(url, exc.text or text("image.damaged", detail=exc.message)) from None
    return ImportedImage(
        image.path, image.width, image.height, image.bytes, image.format, image.frames,
        image.existed, url,
    )  # fmt: skip
