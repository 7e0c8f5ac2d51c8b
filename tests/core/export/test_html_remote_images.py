"""Remote images in the HTML exports: fetched when allowed, else kept remote and allowed.

A loopback server stands in for the image hosts: a PNG, a PNG over the size cap, a 404 and
an HTML page named like a PNG. Nothing here touches the real network.
"""

from __future__ import annotations

import base64
import io
import random
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image

from editor_app.core.checks import INFO, WARNING
from editor_app.core.export import get_exporter
from editor_app.core.export.base import ExportOptions, Progress, megabytes, run_export
from editor_app.core.model import Issue, Source
from editor_app.core.outline import add_card, add_section
from editor_app.core.storage import load_issue, save_issue
from tests.core.export.export_helpers import parse_html

CAP = 60_000  # bytes: the small PNG fits, the noisy one does not


def _png(size: tuple[int, int], noisy: bool) -> bytes:
    image = Image.new("RGB", size, (40, 120, 200))
    if noisy:
        rng = random.Random(7)
        image.putdata(
            [(rng.randrange(256), rng.randrange(256), 0) for _ in range(size[0] * size[1])]
        )
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


SMALL_PNG = _png((40, 30), noisy=False)
BIG_PNG = _png((200, 200), noisy=True)
assert len(SMALL_PNG) < CAP < len(BIG_PNG)


class _Handler(BaseHTTPRequestHandler):
    requests: list[str]

    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        type(self).requests.append(self.path)
        bodies = {
            "/chart.png": ("image/png", SMALL_PNG),
            "/huge.png": ("image/png", BIG_PNG),
            "/page.png": ("image/png", b"<!doctype html><title>Not found</title><p>sorry</p>"),
        }
        if self.path not in bodies:
            self.send_error(404, "Not Found")
            return
        kind, body = bodies[self.path]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    handler = type("Handler", (_Handler,), {"requests": []})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", handler.requests
    httpd.shutdown()
    httpd.server_close()


def _issue(tmp_path: Path, base: str) -> Issue:
    issue = Issue(title="Remote images", number=1, slug="remote", language="en")
    section = add_section(issue, "News", "📰")
    card = add_card(issue, section.id, "Charts from elsewhere")
    card.source = Source("The article", "https://example.org/article")
    card.body = (
        f"![Throughput chart]({base}/chart.png)\n\n"
        f"![A huge photo]({base}/huge.png)\n\n"
        f"![Gone diagram]({base}/missing.png)\n\n"
        f"![A page, not a picture]({base}/page.png)\n\n"
        f"Again: ![Throughput chart]({base}/chart.png)\n"
    )
    save_issue(issue, tmp_path / "remote")
    return load_issue(tmp_path / "remote")


class _Csp(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.policies: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(values.get("content") or "")


def img_sources(page: str) -> list[str]:
    """The img-src sources of the page's Content-Security-Policy meta element."""
    parser = _Csp()
    parser.feed(page)
    assert len(parser.policies) == 1
    directives = {}
    for part in parser.policies[0].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives["img-src"]


def _export(issue: Issue, out: Path, profile: str, allow: bool) -> tuple[Progress, list[Progress]]:
    steps: list[Progress] = []
    options = ExportOptions(profile, allow_remote=allow, remote_image_max_bytes=CAP)
    last = run_export(get_exporter("html"), issue, out, options, steps.append)
    return last, steps


def _failures(last: Progress) -> dict[str, str]:
    return {
        p.message.split()[2].rsplit("/", 1)[1]: p.message
        for p in last.problems
        if p.code == "remote-image-failed"
    }


def test_single_file_embeds_what_it_can_and_lists_the_rest(tmp_path: Path, server) -> None:
    base, requests = server
    issue = _issue(tmp_path, base)
    last, steps = _export(issue, tmp_path / "out", "single-file", allow=True)
    page = (last.files or [])[0].read_text("utf-8")
    images = parse_html(page).images
    # Both mentions of the chart are the embedded PNG; the other three are left out.
    assert len(images) == 2
    for src in images:
        assert src.startswith("data:image/png;base64,")
        assert base64.b64decode(src.split(",", 1)[1]) == SMALL_PNG
    assert f'src="{base}' not in page
    assert all(not src.startswith("http") for src in images)
    assert "Gone diagram" in page  # the alt text of a left-out image stays readable
    # Nothing remote is left, so the policy allows no remote source.
    assert not {"http:", "https:"} & set(img_sources(page))
    failures = _failures(last)
    assert set(failures) == {"huge.png", "missing.png", "page.png"}
    assert "larger than" in failures["huge.png"] or "too large" in failures["huge.png"]
    assert "404" in failures["missing.png"]
    assert "not an accepted image" in failures["page.png"]
    assert all(
        p.severity == WARNING and p.card
        for p in last.problems
        if p.code.startswith("remote-image-f")
    )
    # Each distinct image is fetched once, with one progress step each.
    assert sorted(requests) == ["/chart.png", "/huge.png", "/missing.png", "/page.png"]
    fetch_steps = [str(s.message) for s in steps if s.message.key == "progress.fetched"]
    assert [m.split(":", 1)[0] for m in fetch_steps] == [
        f"fetched image {n}/4" for n in (1, 2, 3, 4)
    ]


def test_site_downloads_into_its_assets(tmp_path: Path, server) -> None:
    base, _requests = server
    issue = _issue(tmp_path, base)
    out = tmp_path / "out"
    last, _steps = _export(issue, out, "site", allow=True)
    names = sorted(f.relative_to(out).as_posix() for f in last.files or [])
    assert names[0] == "assets/remote/" + names[0].rsplit("/", 1)[1]
    assert names[1:] == ["index.html"]
    assert (out / names[0]).read_bytes() == SMALL_PNG
    page = (out / "index.html").read_text("utf-8")
    assert parse_html(page).images == [names[0], names[0]]
    assert not {"http:", "https:"} & set(img_sources(page))
    assert set(_failures(last)) == {"huge.png", "missing.png", "page.png"}


@pytest.mark.parametrize("profile", ["single-file", "site"])
def test_without_permission_images_stay_remote_and_the_policy_allows_them(
    tmp_path: Path, server, profile: str
) -> None:
    base, requests = server
    issue = _issue(tmp_path, base)
    last, steps = _export(issue, tmp_path / "out", profile, allow=False)
    page = next(f for f in last.files or [] if f.suffix == ".html").read_text("utf-8")
    images = parse_html(page).images
    assert images == [f"{base}/{n}.png" for n in ("chart", "huge", "missing", "page", "chart")]
    assert {"https:", "http:"} <= set(img_sources(page))
    assert requests == []  # nothing was fetched
    assert not any(s.message.key == "progress.fetched" for s in steps)
    assert [p.code for p in last.problems if p.severity == INFO] == ["remote-images-kept"]


def test_an_issue_without_remote_images_keeps_the_strict_policy(
    rich_issue: Issue, tmp_path: Path
) -> None:
    for allow in (False, True):
        last, _ = _export(rich_issue, tmp_path / str(allow), "single-file", allow=allow)
        page = (last.files or [])[0].read_text("utf-8")
        assert img_sources(page) == ["'self'", "data:", "file:"]


def test_preflight_says_which_will_happen(tmp_path: Path, server) -> None:
    base, requests = server
    issue = _issue(tmp_path, base)
    exporter = get_exporter("html")

    def info(profile: str, allow: bool) -> list[str]:
        options = ExportOptions(profile, allow_remote=allow, remote_image_max_bytes=CAP)
        return [p.message for p in exporter.preflight(issue, options) if p.severity == INFO]

    assert info("single-file", True) == [
        "4 remote images will be embedded (fetched when the export runs; at most 60 KB each, "
        "failures are listed)"
    ]
    assert info("single-file", False) == [
        "4 remote images stay remote: they load from their sites when the file is opened"
    ]
    assert info("site", True)[0].startswith("4 remote images will be downloaded into the site's")
    assert info("site", False)[0].endswith("when the page is opened")
    assert requests == []  # preflight never fetches


def test_the_size_cap_is_a_setting() -> None:
    assert ExportOptions().remote_image_max_bytes == 5_000_000
    assert (
        ExportOptions.from_settings({"remote_image_max_mb": 2}).remote_image_max_bytes == 2_000_000
    )
    assert (
        ExportOptions.from_settings({"remote_image_max_mb": 0.5}).remote_image_max_bytes == 500_000
    )
    for bad in (0, -1, "lots", True, None):
        assert megabytes(bad) == 5_000_000
