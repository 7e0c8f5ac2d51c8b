"""The link check against a local HTTP server on 127.0.0.1 (never the real network)."""

from __future__ import annotations

import datetime as dt
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from editor_app.core import linkcheck
from editor_app.core.linkcheck import (
    BLOCKED,
    BROKEN,
    CANCELLED,
    ERROR,
    OFFLINE,
    OK,
    REDIRECTED,
    SKIPPED,
    cache_path,
    check_issue_links,
    check_links,
    check_url,
    load_cache,
)
from editor_app.core.model import Card, Issue, Section, Source

RELEASE = threading.Event()  # /slow answers once this is set (or after 5 s)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen: list[tuple[str, str]] = []

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def reply(self, code: int, headers: dict[str, str] | None = None) -> None:
        body = b"" if self.command == "HEAD" else b"hello"
        self.send_response(code)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def route(self) -> None:
        Handler.seen.append((self.command, self.path))
        path = self.path.split("?")[0]
        if path == "/ok":
            self.reply(200)
        elif path == "/missing":
            self.reply(404)
        elif path == "/forbidden":
            self.reply(403)
        elif path == "/moved":
            self.reply(301, {"Location": "/hop"})
        elif path == "/hop":
            self.reply(302, {"Location": "/ok"})
        elif path == "/loop":
            self.reply(302, {"Location": "/loop"})
        elif path == "/nohead":
            self.reply(405 if self.command == "HEAD" else 200)
        elif path == "/slow":
            RELEASE.wait(5)
            self.reply(200)
        else:
            self.reply(500)

    do_HEAD = route  # noqa: N815 - http.server API
    do_GET = route  # noqa: N815 - http.server API


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # clients that hang up early (cancel, timeout) are expected here


@pytest.fixture(scope="module")
def server():
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    RELEASE.set()
    httpd.shutdown()
    httpd.server_close()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_ok_missing_forbidden(server):
    report = check_links([f"{server}/ok", f"{server}/missing", f"{server}/forbidden"])
    ok, missing, forbidden = report.results.values()
    assert (ok.state, ok.status, ok.method, ok.redirects) == (OK, 200, "HEAD", [])
    assert ok.final_url == f"{server}/ok"
    assert (missing.state, missing.status) == (BROKEN, 404)
    assert missing.method == "GET"  # a HEAD error is confirmed with GET
    assert (forbidden.state, forbidden.status) == (BLOCKED, 403)
    assert not report.offline and not report.cancelled
    assert [r.url for r in report.broken] == [f"{server}/missing", f"{server}/forbidden"]


def test_redirects_are_recorded(server):
    result = check_url(f"{server}/moved")
    assert result.state == REDIRECTED and result.status == 200
    assert result.redirects == [[301, f"{server}/hop"], [302, f"{server}/ok"]]
    assert result.final_url == f"{server}/ok"
    assert result.summary() == "301 -> 302 -> 200"


def test_redirect_loop(server):
    result = check_url(f"{server}/loop")
    assert result.state == BROKEN and "loop" in result.error


def test_head_not_allowed_falls_back_to_get(server):
    Handler.seen.clear()
    result = check_url(f"{server}/nohead")
    assert (result.state, result.status, result.method) == (OK, 200, "GET")
    assert Handler.seen == [("HEAD", "/nohead"), ("GET", "/nohead")]


def test_timeout_is_reported(server):
    RELEASE.clear()
    try:
        result = check_url(f"{server}/slow", timeout=0.3)
    finally:
        RELEASE.set()
    assert result.state == ERROR and result.status is None
    assert "0.3 s" in result.error


def test_checked_at_is_utc_iso(server):
    result = check_url(f"{server}/ok")
    stamp = dt.datetime.fromisoformat(result.checked_at.replace("Z", "+00:00"))
    assert stamp.tzinfo is not None and stamp.utcoffset() == dt.timedelta(0)
    assert abs((dt.datetime.now(dt.UTC) - stamp).total_seconds()) < 60


def test_non_web_urls_are_skipped(server):
    report = check_links(["mailto:a@example.org", "assets/x.png", f"{server}/ok", f"{server}/ok"])
    assert [r.state for r in report.results.values()] == [SKIPPED, SKIPPED, OK]


def test_progress_reaches_the_total(server):
    calls: list[tuple[int, int]] = []
    check_links([f"{server}/ok", f"{server}/missing"], progress=lambda d, t: calls.append((d, t)))
    assert calls[0] == (0, 2) and calls[-1] == (2, 2)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_cancel_stops_the_run(server):
    RELEASE.clear()
    cancel = threading.Event()
    urls = [f"{server}/ok"] + [f"{server}/slow?{n}" for n in range(6)]

    def progress(done: int, total: int) -> None:
        if done >= 1:
            cancel.set()

    try:
        report = check_links(urls, workers=2, timeout=5, cancel=cancel, progress=progress)
    finally:
        RELEASE.set()
    assert report.cancelled and not report.offline
    states = [r.state for r in report.results.values()]
    assert states[0] == OK
    assert states.count(CANCELLED) >= 4
    assert report.message == "link check cancelled"


def test_cancel_callable_before_start(server):
    report = check_links([f"{server}/ok"], cancel=lambda: True)
    assert report.cancelled and report.results[f"{server}/ok"].state == CANCELLED


def test_one_refused_host_is_an_error_not_offline():
    url = f"http://127.0.0.1:{closed_port()}/x"
    report = check_links([url])
    assert not report.offline
    assert report.results[url].state == ERROR
    assert report.results[url].error == "connection refused"


def test_no_server_reachable_means_offline():
    port = closed_port()
    urls = [f"http://127.0.0.{n}:{port}/page{k}" for n in (1, 2) for k in range(4)]
    urls += [f"http://127.0.0.3:{port}/p{k}" for k in range(20)]
    report = check_links(urls, workers=2, timeout=2)
    assert report.offline and "no network" in report.message
    states = {r.state for r in report.results.values()}
    assert states <= {ERROR, OFFLINE} and OFFLINE in states


def test_dns_failure_everywhere_is_reported_at_once(monkeypatch):
    def no_dns(*args, **kwargs):
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(linkcheck.socket, "getaddrinfo", no_dns)
    monkeypatch.setattr(linkcheck, "_fetch", lambda *a, **k: pytest.fail("no request expected"))
    report = check_links(["https://a.example.org/1", "https://b.example.org/2"])
    assert report.offline and "resolved" in report.message
    assert all(r.state == OFFLINE for r in report.results.values())


def test_without_dns_ip_addresses_are_still_checked(server, monkeypatch):
    real = socket.getaddrinfo

    def only_ips(host, *args, **kwargs):
        if host and host[0].isdigit():
            return real(host, *args, **kwargs)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", only_ips)
    report = check_links(["https://a.example.org/", "https://b.example.org/", f"{server}/ok"])
    assert report.offline and "resolved" in report.message
    states = [r.state for r in report.results.values()]
    assert states == [OFFLINE, OFFLINE, OK]


def test_issue_results_are_cached_without_unchecked_ones(server, tmp_path: Path):
    card = Card(id="cabcdefgh", title="t", source=Source("s", f"{server}/ok"))
    card.body = f"[坏链接]({server}/missing) 与 mailto:x@example.org ![图](assets/a.png)"
    issue = Issue(title="t", sections=[Section(id="sabcdefgh", card_ids=[card.id])])
    issue.cards[card.id] = card
    issue.folder = tmp_path
    report = check_issue_links(issue)
    assert set(report.results) == {f"{server}/ok", f"{server}/missing"}
    cached = load_cache(tmp_path)
    assert cached[f"{server}/missing"].status == 404
    assert cached[f"{server}/ok"].state == OK
    assert cache_path(tmp_path).parent.name == ".masthead"

    # A cancelled run keeps the earlier results and adds nothing unchecked.
    check_issue_links(issue, [f"{server}/ok", f"{server}/other"], cancel=lambda: True)
    assert set(load_cache(tmp_path)) == {f"{server}/ok", f"{server}/missing"}


def test_corrupt_cache_reads_as_empty(tmp_path: Path):
    cache_path(tmp_path).parent.mkdir(parents=True)
    cache_path(tmp_path).write_text("{broken", "utf-8")
    assert load_cache(tmp_path) == {}


def test_nothing_touches_the_network_until_asked(monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("network used")

    monkeypatch.setattr(socket, "create_connection", forbidden)
    monkeypatch.setattr(socket, "getaddrinfo", forbidden)
    assert load_cache(Path("/nonexistent")) == {}
    assert check_links([]).results == {}


def test_cancel_does_not_wait_for_requests_in_flight(server):
    RELEASE.clear()
    cancel = threading.Event()
    timer = threading.Timer(0.2, cancel.set)
    timer.start()
    try:
        report = check_links([f"{server}/slow?a", f"{server}/slow?b"], timeout=5, cancel=cancel)
    finally:
        RELEASE.set()
        timer.cancel()
    assert report.cancelled
    # Both requests were still waiting on the server: the run returned without them.
    assert all(r.state == CANCELLED for r in report.results.values())


def test_a_failure_keeps_its_reason_by_key_through_the_cache(tmp_path) -> None:
    from editor_app.core.i18n_catalog import CHINESE, catalog
    from editor_app.core.linkcheck import LinkStatus, check_url, load_cache, save_cache
    from editor_app.core.messages import text

    skipped = check_url("ftp://example.org/file")
    assert skipped.error == "not a web address" and skipped.error_key == "linkcheck.not-web"
    assert catalog(CHINESE).say(skipped.reason) == "不是网址"
    refused = LinkStatus("https://x.example", "error", unreachable=True)
    refused.set_error(text("linkcheck.no-connection", seconds=10.0))
    save_cache(tmp_path, [refused])
    (again,) = load_cache(tmp_path).values()
    assert again.error == "no connection within 10 s"
    assert catalog(CHINESE).say(again.reason) == "10 秒内无法连接"
    # A cache written before keys were kept still reads, in English.
    old = LinkStatus.from_json({"url": "https://x.example", "state": "error", "error": "boom"})
    assert catalog(CHINESE).say(old.reason) == "boom"
