"""A local web server for the inbox's fetch tests: never the internet.

Each path answers one shape: a normal page, a GBK page, a binary file, a 1 GB body, a slow
trickle, redirects (a chain, a loop, off the web), a feed of many entries.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Plain title | Example Site</title>
<meta property="og:title" content="The OpenGraph title">
<meta name="description" content="What the page is about.">
<meta property="og:site_name" content="Example Site">
</head><body><p>hello</p></body></html>"""

GBK_PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>云原生周报：服务网格的新进展</title>
<meta name="description" content="本期介绍服务网格和可观测性。">
</head><body>正文</body></html>""".encode("gbk")

GIGABYTE = 1024**3


def feed_xml(entries: int) -> bytes:
    items = "".join(
        f"<item><title>Post {i}</title><link>https://blog.example.org/p/{i}</link>"
        f"<description>Text of post {i}.</description></item>"
        for i in range(entries)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Example blog</title>'
        f"<link>https://blog.example.org/</link>{items}</channel></rss>"
    ).encode()


class Handler(BaseHTTPRequestHandler):
    hits: Counter = Counter()

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, body: bytes, ctype: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        Handler.hits[self.path] += 1
        path = self.path.split("?")[0]
        if path == "/page":
            self._send(PAGE.encode(), "text/html; charset=utf-8")
        elif path == "/gbk":
            self._send(GBK_PAGE, "text/html")  # the charset is only in the <meta>
        elif path == "/gbk-header":
            body = GBK_PAGE.replace(b"charset=gb2312", b"")
            self._send(body, "text/html; charset=GBK")
        elif path == "/binary":
            self._send(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64, "image/png")
        elif path == "/binary-as-html":
            self._send(b"\x00\x01\x02PK\x03\x04" + b"\x00" * 4096, "text/html")
        elif path in ("/gigabyte", "/gigabyte-html"):
            self._endless(path == "/gigabyte-html")
        elif path == "/slow":
            self._trickle()
        elif path.startswith("/hop/"):
            n = int(path.rsplit("/", 1)[1])
            self._redirect(f"/hop/{n - 1}" if n > 0 else "/page")
        elif path == "/loop":
            self._redirect("/loop")
        elif path == "/to-private":
            self._redirect("http://10.0.0.1/admin")  # another host, inside a private network
        elif path == "/off-web":
            self._redirect("ftp://files.example.org/x")
        elif path == "/missing":
            self._send(b"gone", "text/plain", 404)
        elif path.startswith("/feed/"):
            self._send(feed_xml(int(path.rsplit("/", 1)[1])), "application/rss+xml")
        elif path == "/not-a-feed":
            self._send(b"just some words, no feed here", "text/plain")
        else:
            self._send(b"<html><head></head><body>nothing</body></html>", "text/html")

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _endless(self, html: bool) -> None:
        """A 1 GB answer, written until the client hangs up."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html" if html else "application/octet-stream")
        self.send_header("Content-Length", str(GIGABYTE))
        self.end_headers()
        chunk = (b"<html><body>" if html else b"") + b"x" * 65536
        sent = 0
        try:
            while sent < GIGABYTE:
                self.wfile.write(chunk)
                sent += len(chunk)
        except OSError:
            pass  # the client stopped reading: what we want

    def _trickle(self) -> None:
        """A page sent one byte every 0.2 s: each read is quick, the whole never ends."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            for _ in range(10_000):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass


@contextmanager
def serving() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
