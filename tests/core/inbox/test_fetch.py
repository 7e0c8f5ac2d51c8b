"""Fetching for the inbox, against a local server: caps, timeouts, redirects, binary."""

from __future__ import annotations

import threading
import time

import pytest

from editor_app.core.errors import InboxError
from editor_app.core.inbox.fetch import PAGE_BYTES, fetch, fetch_feed


def _key(call) -> str:
    with pytest.raises(InboxError) as info:
        call()
    return info.value.key


def test_a_page_is_read_up_to_the_end_of_its_head(server) -> None:
    page = fetch(server + "/page", stop_after_head=True)
    assert page.status == 200 and page.content_type == "text/html" and page.charset == "utf-8"
    assert b"og:title" in page.body


def test_only_web_addresses_are_fetched() -> None:
    assert _key(lambda: fetch("file:///etc/passwd")) == "inbox.not-web"
    assert _key(lambda: fetch("ftp://example.org/x")) == "inbox.not-web"


def test_a_binary_answer_is_refused_by_its_type_or_its_bytes(server) -> None:
    assert _key(lambda: fetch(server + "/binary")) == "inbox.not-a-page"
    assert _key(lambda: fetch(server + "/binary-as-html")) == "inbox.not-a-page"
    assert _key(lambda: fetch_feed(server + "/binary")) == "inbox.not-a-page"


def test_a_gigabyte_binary_body_is_refused_before_reading_it(server) -> None:
    started = time.monotonic()
    assert _key(lambda: fetch(server + "/gigabyte", stop_after_head=True)) == "inbox.not-a-page"
    assert time.monotonic() - started < 10


def test_a_gigabyte_page_costs_the_cap_not_a_gigabyte(server) -> None:
    page = fetch(server + "/gigabyte-html", stop_after_head=True)
    assert page.truncated and len(page.body) <= PAGE_BYTES
    # A feed is needed whole: past its cap it is refused, not cut.
    assert _key(lambda: fetch_feed(server + "/gigabyte-html")) == "inbox.too-large"


def test_a_trickling_server_meets_the_deadline(server) -> None:
    started = time.monotonic()
    error = _key(lambda: fetch(server + "/slow", timeout=2, deadline=1.5))
    assert error == "inbox.timeout"
    assert time.monotonic() - started < 8


def test_redirects_are_followed_up_to_the_cap(server) -> None:
    assert fetch(server + "/hop/3").final_url.endswith("/page")
    assert _key(lambda: fetch(server + "/hop/9", max_redirects=5)) == "inbox.too-many-redirects"
    assert _key(lambda: fetch(server + "/loop")) == "inbox.too-many-redirects"
    assert _key(lambda: fetch(server + "/off-web")) == "inbox.redirect-off-web"


def test_a_redirect_into_a_private_network_is_refused(server) -> None:
    # The first address is the editor's choice (here our own machine); a redirect elsewhere
    # into a private network is a request nobody asked for.
    assert _key(lambda: fetch(server + "/to-private")) == "inbox.redirect-refused"


def test_an_error_status_is_reported(server) -> None:
    with pytest.raises(InboxError) as info:
        fetch(server + "/missing")
    assert info.value.key == "inbox.http-status" and info.value.fields["status"] == 404


def test_cancel_stops_a_fetch_between_reads(server) -> None:
    cancel = threading.Event()
    threading.Timer(0.5, cancel.set).start()
    started = time.monotonic()
    assert _key(lambda: fetch(server + "/slow", cancel=cancel, deadline=30)) == "inbox.cancelled"
    assert time.monotonic() - started < 5


def test_nothing_answering_is_a_clear_error() -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again: nobody listens there
    assert _key(lambda: fetch(f"http://127.0.0.1:{port}/x", timeout=2)) == "inbox.unreachable"
