"""Redirects into the local network: the link check's guard against request pivots.

A page on the web can redirect the checker to http://127.0.0.1:8080/admin or a router's
address: a request the editor never asked for, into their own machine or network. The first
URL is the editor's own choice and may be anywhere; a redirect to another host:port is only
followed when that host resolves to public addresses only, and the connected socket is checked
again (a DNS answer can change between the check and the connection).
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import urllib.request
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit


def is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class PrivateAddressError(OSError):
    """A redirect led to a loopback, private, link-local or reserved address."""


def private_reason(address: str) -> str | None:
    """Why ``address`` (an IP) must not be reached by a redirect, or None."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for test, name in (
        ("is_loopback", "loopback"),
        ("is_unspecified", "unspecified"),
        ("is_link_local", "link-local"),
        ("is_reserved", "reserved"),
        ("is_multicast", "multicast"),
        ("is_private", "private"),
    ):
        if getattr(ip, test):
            return f"{name} address {ip}"
    return None


def origin(url: str) -> tuple[str, int | None]:
    parts = urlsplit(url)
    default = 443 if parts.scheme.lower() == "https" else 80
    try:
        port = parts.port or default
    except ValueError:
        port = None
    return (parts.hostname or "").lower(), port


def redirect_refusal(target: str) -> str | None:
    """Why a redirect to ``target`` (another origin than the first URL) is not followed."""
    host, port = origin(target)
    reason = private_reason(host)
    if reason is None and not is_ip(host):
        try:
            infos = socket.getaddrinfo(host, port or 80, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError):
            return None  # not resolvable: the request itself reports it
        for info in infos:
            reason = private_reason(str(info[4][0]))
            if reason:
                break
    if reason is None:
        return None
    return f"redirect to {host} refused: it leads to a {reason}"


def _guard_socket(conn: http.client.HTTPConnection, target_host: str) -> None:
    """After connecting: refuse if the peer is private (a DNS answer that changed since the
    redirect was checked). A connection to a proxy (another host) is not judged here."""
    proxied = conn._tunnel_host or conn.host.strip("[]").lower() != target_host  # noqa: SLF001
    if proxied or conn.sock is None:
        return
    try:
        peer = conn.sock.getpeername()[0]
    except OSError:
        return
    reason = private_reason(str(peer))
    if reason:
        conn.close()
        raise PrivateAddressError(f"redirect to {target_host} refused: it leads to a {reason}")


class _GuardedHTTPConnection(http.client.HTTPConnection):
    target = ""

    def connect(self) -> None:
        super().connect()
        _guard_socket(self, self.target)


class _GuardedHTTPSConnection(http.client.HTTPSConnection):
    target = ""

    def connect(self) -> None:
        # Check the plain socket before the TLS handshake sends anything.
        http.client.HTTPConnection.connect(self)
        _guard_socket(self, self.target)
        server_hostname = self._tunnel_host or self.host
        self.sock = self._context.wrap_socket(self.sock, server_hostname=server_hostname)


def _bound(cls: type, target: str) -> Callable[..., http.client.HTTPConnection]:
    def make(host: str, **kwargs: Any) -> http.client.HTTPConnection:
        conn = cls(host, **kwargs)
        conn.target = target
        return conn

    return make


class _GuardedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, target: str):
        super().__init__()
        self.target = target

    def http_open(self, req):  # noqa: ANN001, ANN201
        return self.do_open(_bound(_GuardedHTTPConnection, self.target), req)


class _GuardedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, target: str):
        super().__init__()
        self.target = target

    def https_open(self, req):  # noqa: ANN001, ANN201
        return self.do_open(_bound(_GuardedHTTPSConnection, self.target), req)


def guarded_handlers(target: str) -> list[urllib.request.BaseHandler]:
    """urllib handlers whose connections to ``target`` refuse a private peer address."""
    return [_GuardedHTTPHandler(target), _GuardedHTTPSHandler(target)]
