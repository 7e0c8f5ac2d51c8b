"""Redirects into the local network are not followed (two loopback servers, no real network).

The first URL may be anywhere (the editor asked for it); a redirect to another host:port that
resolves to a loopback or private address is refused and the result says why.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from editor_app.core import linkcheck
from editor_app.core.linkcheck import BROKEN, OK, REDIRECTED, check_links, check_url
from editor_app.core.redirectguard import private_reason


def make_server(routes: dict[str, tuple[int, str]], hits: list[str]) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:
            pass

        def route(self) -> None:
            hits.append(self.path)
            code, location = routes.get(self.path, (200, ""))
            self.send_response(code)
            if location:
                self.send_header("Location", location.format(**self.server.ports))
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_HEAD = route  # noqa: N815 - http.server API
        do_GET = route  # noqa: N815 - http.server API

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def servers():
    """``front`` redirects in many ways; ``inner`` (another port) stands for a local service."""
    front_hits: list[str] = []
    inner_hits: list[str] = []
    routes = {
        "/same": (302, "/ok"),
        "/to-inner": (302, "http://127.0.0.1:{inner}/admin"),
        "/to-inner-by-name": (301, "http://localhost:{inner}/admin"),
        "/to-front-by-name": (302, "http://localhost:{front}/ok"),
        "/to-ten": (302, "http://10.1.2.3:{inner}/admin"),
        "/to-v6": (302, "http://[::1]:{inner}/admin"),
        "/to-mapped": (302, "http://[::ffff:127.0.0.1]:{inner}/admin"),
        "/to-metadata": (302, "http://169.254.169.254/latest/meta-data/"),
    }
    front = make_server(routes, front_hits)
    inner = make_server({}, inner_hits)
    ports = {"front": front.server_address[1], "inner": inner.server_address[1]}
    front.ports = inner.ports = ports
    yield f"http://127.0.0.1:{ports['front']}", ports, inner_hits
    for server in (front, inner):
        server.shutdown()
        server.server_close()


def test_the_first_url_may_be_loopback_and_redirect_within_it(servers):
    base, _ports, inner_hits = servers
    assert check_url(f"{base}/ok").state == OK
    result = check_url(f"{base}/same")
    assert result.state == REDIRECTED and result.final_url == f"{base}/ok"
    assert inner_hits == []


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/to-inner", ["127.0.0.1", "loopback"]),
        ("/to-inner-by-name", ["localhost", "loopback"]),
        ("/to-front-by-name", ["localhost", "loopback"]),  # same port, other host name
        ("/to-ten", ["10.1.2.3", "private"]),
        ("/to-v6", ["::1", "loopback"]),
        ("/to-mapped", ["loopback"]),
        ("/to-metadata", ["169.254.169.254", "link-local"]),
    ],
)
def test_redirect_to_another_local_origin_is_refused(servers, path, words):
    base, _ports, inner_hits = servers
    result = check_url(f"{base}{path}", timeout=3)
    assert result.state == BROKEN and not result.ok
    assert "refused" in result.error
    for word in words:
        assert word in result.error
    assert result.redirects and result.final_url == result.redirects[-1][1]
    assert result.error in result.summary()
    assert inner_hits == []  # the local service never saw a request


def test_refusal_reaches_the_report(servers):
    base, _ports, inner_hits = servers
    report = check_links([f"{base}/to-inner", f"{base}/ok"], timeout=3)
    assert [r.url for r in report.broken] == [f"{base}/to-inner"]
    assert inner_hits == []


def test_connection_is_checked_too_when_dns_changes_its_answer(servers, monkeypatch):
    # The name looked public when the redirect was judged, then resolved to 127.0.0.1
    # (DNS rebinding): the connected socket's address is checked before a byte is sent.
    base, _ports, inner_hits = servers
    monkeypatch.setattr(linkcheck, "_redirect_refusal", lambda target: None)
    result = check_url(f"{base}/to-inner-by-name", timeout=3)
    assert result.state == BROKEN
    assert "loopback" in result.error and "refused" in result.error
    assert inner_hits == []


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("0.0.0.0", "unspecified"),
        ("192.168.1.1", "private"),
        ("172.16.0.5", "private"),
        ("fc00::1", "private"),
        ("fe80::1", "link-local"),
        ("240.0.0.1", "reserved"),
        ("::ffff:10.0.0.1", "private"),
        ("93.184.216.34", None),
        ("2606:4700::1111", None),
    ],
)
def test_which_addresses_are_local(address, expected):
    reason = private_reason(address)
    assert (reason.split(" ")[0] if reason else None) == expected
