"""Fetching a remote image into assets/, from a local server on 127.0.0.1 only."""

from __future__ import annotations

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image

from editor_app.core.errors import ImageError
from editor_app.core.images import fetch_remote_image


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (2400, 600), (10, 120, 200)).save(out, "PNG")
    return out.getvalue()


PAGES = {
    "/image.png": ("image/png", png_bytes()),
    "/page.html": ("text/html", b"<html><body>not an image</body></html>"),
    "/big.bin": ("application/octet-stream", b"\x89PNG\r\n\x1a\n" + b"\0" * 5000),
}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        if self.path not in PAGES:
            self.send_error(404)
            return
        kind, body = PAGES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def issue(tmp_path: Path) -> Path:
    (tmp_path / "issue").mkdir()
    return tmp_path / "issue"


def test_fetch_runs_the_pipeline(server, issue):
    result = fetch_remote_image(f"{server}/image.png", issue, timeout=5)
    assert result.path.startswith("assets/") and result.format == "PNG"
    assert (result.width, result.height) == (1600, 400)
    assert result.source == f"{server}/image.png"
    assert (issue / result.path).is_file()


def test_not_found_names_the_url(server, issue):
    with pytest.raises(ImageError, match="404") as err:
        fetch_remote_image(f"{server}/missing.png", issue, timeout=5)
    assert f"{server}/missing.png" in str(err.value)


def test_a_web_page_is_not_an_image(server, issue):
    with pytest.raises(ImageError, match="an HTML page"):
        fetch_remote_image(f"{server}/page.html", issue, timeout=5)
    assert not (issue / "assets").exists()


def test_size_limit(server, issue):
    with pytest.raises(ImageError, match="too large"):
        fetch_remote_image(f"{server}/big.bin", issue, timeout=5, max_bytes=1000)


def test_only_web_urls(issue):
    with pytest.raises(ImageError, match="http"):
        fetch_remote_image("file:///etc/passwd", issue)
