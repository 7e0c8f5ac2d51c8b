"""Fetching one page or feed for the inbox, only when the editor asks, and safely.

http and https only; a size cap (the body is read in pieces and the connection closed at
the cap, so a 1 GB answer costs the cap, not a gigabyte); a timeout per read and a deadline
for the whole fetch (a server that trickles bytes cannot hold a worker); at most a few
redirects, followed by hand, and a redirect to another host is refused when it leads into
the local network (``core/redirectguard.py``, as the link check does); a binary answer
(an image, an archive) is refused by its type or its first bytes; Cancel is looked at
between reads.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from editor_app import __version__
from editor_app.core.inbox.item import inbox_error
from editor_app.core.redirectguard import (
    PrivateAddressError,
    guarded_handlers,
    origin,
    redirect_refusal,
)

USER_AGENT = f"Mozilla/5.0 (compatible; Masthead/{__version__}; link inbox)"
PAGE_BYTES = 1024 * 1024  # a page's <head> is in its first few KB; the cap is generous
FEED_BYTES = 8 * 1024 * 1024
TIMEOUT_S = 10.0
DEADLINE_S = 30.0
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = (
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
    "text/xml", "application/feed+json", "text/html", "text/plain", "application/x-rss+xml",
)  # fmt: skip
# Types that are never a page or a feed, whatever their body says.
_BINARY_PREFIXES = ("image/", "audio/", "video/", "font/", "application/octet-stream")

Cancel = threading.Event | Callable[[], bool] | None


@dataclass
class Fetched:
    url: str  # asked
    final_url: str  # after redirects
    status: int
    content_type: str  # "text/html", without parameters ("" when the server gave none)
    charset: str  # from the Content-Type header ("" when none)
    body: bytes
    truncated: bool  # the cap (or the end of <head>) stopped the read


def cancelled(cancel: Cancel) -> bool:
    if cancel is None:
        return False
    return cancel.is_set() if isinstance(cancel, threading.Event) else bool(cancel())


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201
        return None  # each hop is followed by hand, so it can be checked and counted


def _opener(url: str, guard: bool) -> urllib.request.OpenerDirector:
    handlers: list[Any] = [_NoRedirect()]
    host = (urlsplit(url).hostname or "").lower()
    if host in ("localhost", "127.0.0.1", "::1"):
        handlers.append(urllib.request.ProxyHandler({}))  # a proxy cannot reach our loopback
    if guard:
        handlers += guarded_handlers(host)
    return urllib.request.build_opener(*handlers)


def _reason(exc: BaseException) -> str:
    reason: Any = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, socket.gaierror):
        return "host name not found (DNS)"
    if isinstance(reason, ssl.SSLError):
        return f"TLS error: {getattr(reason, 'reason', None) or reason}"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason) or type(reason).__name__


def _split_type(header: str) -> tuple[str, str]:
    mime, _, params = (header or "").partition(";")
    charset = ""
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower()
    return mime.strip().lower(), charset


def looks_binary(head: bytes) -> bool:
    """NUL bytes early on: no HTML page or feed has them (UTF-16 ones start with a BOM)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return b"\x00" in head[:1024]


def _open(url: str, first: tuple[str, int | None], timeout: float) -> Any:
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,"
                      "application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"}
    )  # fmt: skip
    # Hops away from the first URL's host:port are guarded; the first URL is the editor's.
    return _opener(url, origin(url) != first).open(request, timeout=timeout)


def fetch(
    url: str,
    max_bytes: int = PAGE_BYTES,
    accept: tuple[str, ...] = PAGE_TYPES,
    timeout: float = TIMEOUT_S,
    deadline: float = DEADLINE_S,
    max_redirects: int = MAX_REDIRECTS,
    cancel: Cancel = None,
    stop_after_head: bool = False,
) -> Fetched:
    """GET ``url`` within every limit above; InboxError (with a catalog key) if it fails."""
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise inbox_error("inbox.not-web", url=url)
    started = time.monotonic()
    current, first = url, origin(url)
    for _hop in range(max_redirects + 1):
        if cancelled(cancel):
            raise inbox_error("inbox.cancelled")
        try:
            response = _open(current, first, timeout)
        except urllib.error.HTTPError as exc:
            location = exc.headers.get("Location") if exc.headers else None
            exc.close()
            if not (300 <= exc.code < 400 and location):
                raise inbox_error("inbox.http-status", status=exc.code) from None
            target = urljoin(current, location)
            if urlsplit(target).scheme.lower() not in ("http", "https"):
                raise inbox_error("inbox.redirect-off-web") from None
            if origin(target) != first and redirect_refusal(target):
                raise inbox_error("inbox.redirect-refused", host=origin(target)[0]) from None
            current = target
            continue
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
            raw = getattr(exc, "reason", exc)
            if isinstance(raw, PrivateAddressError):
                raise inbox_error("inbox.redirect-refused", host=origin(current)[0]) from None
            if isinstance(raw, TimeoutError | socket.timeout):
                raise inbox_error("inbox.timeout", seconds=f"{timeout:g}") from None
            raise inbox_error("inbox.unreachable", reason=_reason(exc)) from None
        with response:
            return _read(response, url, max_bytes, accept, timeout, started + deadline,
                         deadline, cancel, stop_after_head)  # fmt: skip
    raise inbox_error("inbox.too-many-redirects", limit=max_redirects)


def _read(
    response: Any,
    url: str,
    max_bytes: int,
    accept: tuple[str, ...],
    timeout: float,
    until: float,
    deadline: float,
    cancel: Cancel,
    stop_after_head: bool,
) -> Fetched:
    mime, charset = _split_type(response.headers.get("Content-Type", ""))
    if mime.startswith(_BINARY_PREFIXES) or (mime and mime not in accept and "xml" not in mime):
        raise inbox_error("inbox.not-a-page", type=mime)
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > max_bytes and not stop_after_head:
        raise inbox_error("inbox.too-large", limit=f"{max_bytes / 1024 / 1024:g}")
    chunks: list[bytes] = []
    size, truncated, tail = 0, False, b""
    while True:
        if cancelled(cancel):
            raise inbox_error("inbox.cancelled")
        if time.monotonic() > until:
            raise inbox_error("inbox.timeout", seconds=f"{deadline:g}")
        try:
            # read1: one read from the socket at most, so the deadline and Cancel are looked
            # at between pieces even when the server sends a byte at a time.
            chunk = response.read1(min(_CHUNK, max_bytes - size + 1))
        except TimeoutError:
            raise inbox_error("inbox.timeout", seconds=f"{timeout:g}") from None
        except (OSError, http.client.HTTPException) as exc:
            raise inbox_error("inbox.unreachable", reason=_reason(exc)) from None
        if not chunk:
            break
        if not chunks and looks_binary(chunk):
            raise inbox_error("inbox.not-a-page", type=mime or "binary data")
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            if not stop_after_head:
                raise inbox_error("inbox.too-large", limit=f"{max_bytes / 1024 / 1024:g}")
            truncated = True
            break
        if stop_after_head and b"</head" in (tail + chunk).lower():
            truncated = True
            break
        tail = chunk[-8:]
    body = b"".join(chunks)[:max_bytes]
    return Fetched(url, response.geturl(), response.status, mime, charset, body, truncated)


def fetch_feed(url: str, cancel: Cancel = None, timeout: float = TIMEOUT_S) -> Fetched:
    """A feed document (RSS, Atom) for import: up to FEED_BYTES, never past them."""
    return fetch(url, FEED_BYTES, FEED_TYPES, timeout=timeout, cancel=cancel)
