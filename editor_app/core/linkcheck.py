"""Checking links over the network, only when the editor asks.

Requests run concurrently with timeouts: HEAD first, GET when a server refuses HEAD or
answers it with an error. Redirects are followed by hand so every hop is recorded. Results
carry the UTC time of the check and are cached in ``<issue>/.masthead/linkcheck.json``.
With no network the check says so at once: host names that do not resolve, or connections
refused/unreachable on several hosts before any server answers, stop the run.
"""

from __future__ import annotations

import datetime as dt
import errno
import http.client
import ipaddress
import json
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from editor_app import __version__
from editor_app.core.atomic import atomic_write_text
from editor_app.core.links import issue_links
from editor_app.core.messages import TEXTS, Text, text
from editor_app.core.model import Issue
from editor_app.core.redirectguard import PrivateAddressError, guarded_handlers
from editor_app.core.redirectguard import is_ip as _is_ip
from editor_app.core.redirectguard import origin as _origin
from editor_app.core.redirectguard import redirect_refusal as _redirect_refusal
from editor_app.core.storage import STATE_DIR

CACHE_FILE = "linkcheck.json"
CACHE_FORMAT = 1
USER_AGENT = f"Mozilla/5.0 (compatible; Masthead/{__version__}; link check)"

# States of one link.
OK, REDIRECTED, BROKEN, BLOCKED, ERROR = "ok", "redirected", "broken", "blocked", "error"
OFFLINE, CANCELLED, SKIPPED = "offline", "cancelled", "skipped"
_NOT_CHECKED = {OFFLINE, CANCELLED, SKIPPED}
_BLOCKED_CODES = {401, 403, 407, 429, 451}  # the page may well exist; the server said no

Cancel = threading.Event | Callable[[], bool] | None
Progress = Callable[[int, int], None] | None


@dataclass
class LinkStatus:
    url: str
    state: str
    status: int | None = None  # HTTP status of the last response
    final_url: str = ""  # where redirects ended
    redirects: list[list[Any]] = field(default_factory=list)  # [[status, location], ...]
    method: str = ""  # HEAD or GET
    error: str = ""  # English, as JSON and the cache show it
    # The same reason by key (core/messages.py), so the editor reads it in their language.
    error_key: str = ""
    error_args: dict[str, Any] = field(default_factory=dict)
    checked_at: str = ""  # UTC, ISO 8601
    elapsed_ms: int = 0
    unreachable: bool = False  # no server answered at all (DNS, refused, no route)

    @property
    def ok(self) -> bool:
        return self.state in (OK, REDIRECTED)

    @property
    def checked(self) -> bool:
        return self.state not in _NOT_CHECKED

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def set_error(self, reason: Text | str) -> None:
        """Record why the check failed: English in ``error``, the key beside it."""
        self.error = str(reason)
        if isinstance(reason, Text):
            self.error_key, self.error_args = reason.key, dict(reason.args)
        else:
            self.error_key, self.error_args = "", {}

    @property
    def reason(self) -> Text | str:
        """Why the check failed, as a Text when it has a key (a cache from before keys
        were kept, or a reason from the network stack, is English text)."""
        if self.error_key in TEXTS:
            return Text(self.error_key, self.error_args)
        return self.error

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LinkStatus:
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**known)

    def summary(self) -> str:
        """A short text for a table cell: "200", "404", "301 -> 200", "timed out" …"""
        if self.state in _NOT_CHECKED:
            return self.state
        if self.status is None:
            return self.error or self.state
        hops = " -> ".join(str(code) for code, _ in self.redirects)
        if self.state == BROKEN and self.error and self.redirects:
            return f"{hops}: {self.error}"  # a loop, or a redirect that was not followed
        return f"{hops} -> {self.status}" if hops else str(self.status)


@dataclass
class CheckReport:
    results: dict[str, LinkStatus]  # by URL, in the order asked
    offline: bool = False
    cancelled: bool = False
    message: str = ""  # English, for JSON
    text: Text | None = None  # the same, for the catalog

    @property
    def broken(self) -> list[LinkStatus]:
        return [r for r in self.results.values() if r.checked and not r.ok]


class _Unreachable(Exception):
    """The server could not be reached at all (DNS, refused, no route, connect timeout)."""


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201
        return None  # every hop is followed (and recorded) by _fetch


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _opener(url: str, guard: bool = False) -> urllib.request.OpenerDirector:
    """An opener that never follows redirects itself; with ``guard`` its connections refuse
    to talk to a private address (checked on the connected socket, after DNS)."""
    handlers: list[Any] = [_NoRedirect()]
    if _is_loopback(urlsplit(url).hostname or ""):
        handlers.append(urllib.request.ProxyHandler({}))
    if guard:
        handlers += guarded_handlers((urlsplit(url).hostname or "").lower())
    return urllib.request.build_opener(*handlers)


def _describe(exc: BaseException, timeout: float) -> tuple[Text | str, bool]:
    """A one-line reason, and whether it means the server was never reached."""
    reason: Any = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, socket.gaierror):
        return text("linkcheck.dns"), True
    if isinstance(reason, ConnectionRefusedError):
        return text("linkcheck.refused"), True
    if isinstance(reason, TimeoutError | socket.timeout):
        if isinstance(exc, urllib.error.URLError):
            return text("linkcheck.no-connection", seconds=timeout), True
        return text("linkcheck.no-answer", seconds=timeout), False
    if isinstance(reason, ssl.SSLCertVerificationError):
        detail = str(reason.verify_message or reason)
        return text("linkcheck.tls-certificate", detail=detail), False
    if isinstance(reason, ssl.SSLError):
        return text("linkcheck.tls", detail=str(reason.reason or reason)), False
    if isinstance(reason, OSError) and reason.errno in (
        errno.ENETUNREACH,
        errno.EHOSTUNREACH,
        errno.ENETDOWN,
        errno.EADDRNOTAVAIL,
    ):
        return text("linkcheck.network-unreachable", detail=str(reason.strerror)), True
    if isinstance(reason, http.client.RemoteDisconnected | ConnectionResetError):
        return text("linkcheck.closed"), False
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror, False
    return str(reason) or type(reason).__name__, False


def _fetch(url: str, method: str, timeout: float, max_redirects: int) -> LinkStatus:
    """Follow one URL with ``method``; raise _Unreachable if no server answered at all."""
    result = LinkStatus(url=url, state=ERROR, method=method)
    current, seen = url, {url}
    first = _origin(url)
    for _ in range(max_redirects + 1):
        # The body of a GET is never read: closing the response is enough.
        headers = {"User-Agent": USER_AGENT, "Accept": "*/*"}
        request = urllib.request.Request(current, method=method, headers=headers)
        # Only hops away from the first URL's host:port are guarded: the first URL is the
        # editor's choice, even on their own machine.
        guard = _origin(current) != first
        try:
            with _opener(current, guard).open(request, timeout=timeout) as response:
                result.status = response.status
                result.final_url = response.geturl()
        except urllib.error.HTTPError as exc:
            exc.close()
            location = exc.headers.get("Location") if exc.headers else None
            if 300 <= exc.code < 400 and location:
                target = urljoin(current, location)
                result.redirects.append([exc.code, target])
                if target in seen or urlsplit(target).scheme not in ("http", "https"):
                    result.status, result.final_url, result.state = exc.code, target, BROKEN
                    loop = target in seen
                    result.set_error(text("linkcheck.loop" if loop else "linkcheck.off-web"))
                    return result
                refusal = _redirect_refusal(target) if _origin(target) != first else None
                if refusal:
                    result.status, result.final_url, result.state = exc.code, target, BROKEN
                    result.set_error(refusal)
                    return result
                seen.add(target)
                current = target
                continue
            result.status, result.final_url = exc.code, current
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
            refused = getattr(exc, "reason", exc)
            if isinstance(refused, PrivateAddressError):
                result.state, result.final_url = BROKEN, current
                result.set_error(str(refused))
                return result
            reason, unreachable = _describe(exc, timeout)
            if unreachable and not result.redirects:
                raise _Unreachable(reason) from None
            result.final_url = current
            result.set_error(reason)
            return result
        break
    else:
        result.state = BROKEN
        result.set_error(text("linkcheck.too-many-redirects", count=max_redirects))
        return result
    result.state = _state_of(result)
    return result


def _state_of(result: LinkStatus) -> str:
    if result.status is None:
        return ERROR
    if 200 <= result.status < 300 or result.status == 304:
        return REDIRECTED if result.redirects else OK
    if result.status in _BLOCKED_CODES:
        return BLOCKED
    return BROKEN


def check_url(url: str, timeout: float = 10.0, max_redirects: int = 10) -> LinkStatus:
    """Check one URL now (HEAD, then GET if HEAD fails or is refused)."""
    started = time.monotonic()
    checked_at = _now()
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        result = LinkStatus(url, SKIPPED, checked_at=checked_at)
        result.set_error(text("linkcheck.not-web"))
        return result
    try:
        result = _fetch(url, "HEAD", timeout, max_redirects)
        if not result.ok:
            # Many servers refuse HEAD (405, 501) or answer it wrongly; GET is the truth.
            retry = _fetch(url, "GET", timeout, max_redirects)
            if retry.ok or retry.status is not None or result.status is None:
                result = retry
    except _Unreachable as exc:
        result = LinkStatus(url, ERROR, unreachable=True)
        result.set_error(exc.args[0] if exc.args else "")
    result.checked_at = checked_at
    result.elapsed_ms = int((time.monotonic() - started) * 1000)
    return result


def _is_cancelled(cancel: Cancel) -> bool:
    if cancel is None:
        return False
    if isinstance(cancel, threading.Event):
        return cancel.is_set()
    return bool(cancel())


def _proxied(urls: list[str]) -> bool:
    proxies = urllib.request.getproxies()
    return any(urlsplit(u).scheme in proxies for u in urls)


def _dns_dead(hosts: list[str], deadline: float) -> bool:
    """True when none of (up to 8 of) ``hosts`` resolves within ``deadline`` seconds."""
    names = [h for h in dict.fromkeys(hosts) if h and not _is_ip(h)][:8]
    if len(names) < 2:
        return False  # one host that fails to resolve is that host's problem
    done = threading.Event()
    lock = threading.Lock()
    state = {"ok": 0, "failed": 0}

    def resolve(name: str) -> None:
        try:
            socket.getaddrinfo(name, 443, type=socket.SOCK_STREAM)
            key = "ok"
        except OSError:
            key = "failed"
        with lock:
            state[key] += 1
            if state["ok"] or state["failed"] == len(names):
                done.set()

    for name in names:
        # Daemon threads: a resolver that hangs must not keep the program alive.
        threading.Thread(target=resolve, args=(name,), daemon=True).start()
    done.wait(deadline)
    with lock:
        return state["ok"] == 0


def check_links(
    urls: Iterable[str],
    *,
    timeout: float = 10.0,
    workers: int = 8,
    cancel: Cancel = None,
    progress: Progress = None,
    max_redirects: int = 10,
    offline_after: int = 3,
) -> CheckReport:
    """Check every distinct URL concurrently; see the module doc for offline and cancel."""
    order = list(dict.fromkeys(u.strip() for u in urls if u and u.strip()))
    results: dict[str, LinkStatus] = {}
    total = len(order)
    if progress:
        progress(0, total)
    web = [u for u in order if urlsplit(u).scheme.lower() in ("http", "https")]
    for url in order:
        if url not in web:
            results[url] = check_url(url)
    hosts = [urlsplit(u).hostname or "" for u in web]
    dns_dead = bool(web) and not _proxied(web) and _dns_dead(hosts, min(timeout, 3.0))
    dns_message = text("linkcheck.no-dns")
    if dns_dead:
        # Addresses written as IPs need no DNS: those are still checked.
        web = [u for u in web if _is_ip(urlsplit(u).hostname or "")]
        if not web:
            return _finish(order, results, offline=True, message=dns_message, progress=progress)

    done_count = total - len(web)
    reached, unreachable_hosts, unreachable = False, set(), 0
    offline = cancelled = False
    pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="linkcheck")
    pending: dict[Future[LinkStatus], str] = {}
    try:
        for url in web:
            pending[pool.submit(_guarded, url, timeout, max_redirects, cancel)] = url
        while pending:
            if _is_cancelled(cancel):
                cancelled = True
                break
            finished, _ = wait(pending, timeout=0.05, return_when=FIRST_COMPLETED)
            for future in finished:
                url = pending.pop(future)
                result = future.result()
                results[url] = result
                if result.state == CANCELLED:
                    continue
                done_count += 1
                if result.unreachable:
                    unreachable += 1
                    unreachable_hosts.add(urlsplit(url).hostname)
                else:
                    reached = True
                if progress:
                    progress(done_count, total)
            if (
                not reached
                and len(unreachable_hosts) >= 2
                and unreachable >= min(offline_after, len(web))
            ):
                offline = True
                break
    finally:
        # Do not wait for requests in flight: they end on their own timeout.
        pool.shutdown(wait=False, cancel_futures=True)
    message: Text | None = None
    if cancelled:
        message = text("linkcheck.cancelled")
    elif dns_dead:
        offline, message = True, dns_message
    elif offline:
        message = text("linkcheck.unreachable")
    return _finish(order, results, offline, cancelled, message, progress)


def _guarded(url: str, timeout: float, max_redirects: int, cancel: Cancel) -> LinkStatus:
    if _is_cancelled(cancel):
        return LinkStatus(url, CANCELLED)
    return check_url(url, timeout, max_redirects)


def _not_checked(url: str, state: str, reason: Text) -> LinkStatus:
    result = LinkStatus(url, state)
    result.set_error(reason)
    return result


def _finish(
    order: list[str],
    results: dict[str, LinkStatus],
    offline: bool = False,
    cancelled: bool = False,
    message: Text | None = None,
    progress: Progress = None,
) -> CheckReport:
    state = OFFLINE if offline else CANCELLED
    error = text("linkcheck.not-checked-offline" if offline else "linkcheck.not-checked-cancelled")
    ordered = {u: results.get(u) or _not_checked(u, state, error) for u in order}
    if progress and not cancelled:
        progress(len(order), len(order))
    return CheckReport(ordered, offline, cancelled, str(message or ""), message)


# -- the cache ----------------------------------------------------------------------------------
def cache_path(issue_folder: Path | str) -> Path:
    return Path(issue_folder) / STATE_DIR / CACHE_FILE


def load_cache(issue_folder: Path | str) -> dict[str, LinkStatus]:
    """The last result of every URL ever checked in this issue (empty if none or corrupt)."""
    try:
        data = json.loads(cache_path(issue_folder).read_text("utf-8"))
        items = data["results"].items() if data.get("format") == CACHE_FORMAT else ()
        return {url: LinkStatus.from_json(value) for url, value in items}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def save_cache(issue_folder: Path | str, results: Iterable[LinkStatus]) -> dict[str, LinkStatus]:
    """Merge real results (not skipped/offline/cancelled) into the cache; return it."""
    merged = load_cache(issue_folder)
    fresh = {r.url: r for r in results if r.checked}
    if not fresh:
        return merged
    merged.update(fresh)
    payload = {
        "format": CACHE_FORMAT,
        "results": {url: merged[url].to_json() for url in sorted(merged)},
    }
    atomic_write_text(cache_path(issue_folder), json.dumps(payload, ensure_ascii=False, indent=1))
    return merged


def issue_urls(issue: Issue) -> list[str]:
    """The distinct web URLs of an issue (remote images included), in issue order."""
    return list(
        dict.fromkeys(
            ref.url for ref in issue_links(issue) if ref.url.startswith(("http://", "https://"))
        )
    )


def check_issue_links(
    issue: Issue,
    urls: Iterable[str] | None = None,
    **options: Any,
) -> CheckReport:
    """Check the issue's links (or ``urls``) and cache the results in the issue folder.

    ``options`` are those of check_links (timeout, workers, cancel, progress …).
    """
    report = check_links(issue_urls(issue) if urls is None else urls, **options)
    if issue.folder is not None:
        try:
            save_cache(issue.folder, report.results.values())
        except OSError:
            pass  # a read-only issue still gets its results
    return report
