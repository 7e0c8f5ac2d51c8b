"""`masthead export` through a subprocess, as tools outside the project call it."""

from __future__ import annotations

import base64
import io
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image

from editor_app.core.model import Source
from editor_app.core.outline import add_card
from editor_app.core.storage import load_issue, save_issue
from editor_app.core.template import new_issue


def masthead(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "editor_app", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def make_issue(library: Path) -> Path:
    issue = new_issue(library, "Export CLI issue", slug="cli-issue")
    issue.cards.clear()
    for section in issue.sections:
        section.card_ids.clear()
    for n, section in enumerate(issue.sections, start=1):
        card = add_card(issue, section.id, f"卡片 {n}")
        card.source = Source(f"Article {n}", f"https://example.com/{n}")
        card.body = f"正文 {n}。\n\n![第 {n} 张示意图](assets/pic.png)"
    save_issue(issue)
    (issue.folder / "assets" / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\npic")
    return issue.folder


@pytest.mark.parametrize(
    ("fmt", "profile", "expected"),
    [
        ("markdown", "hugo", ["cli-issue/index.md", "cli-issue/pic.png"]),
        ("markdown", "plain", ["cli-issue.md", "cli-issue/pic.png"]),
        ("html", "site", ["index.html", "assets/pic.png"]),
        ("html", "single-file", ["cli-issue.html"]),
    ],
)
def test_export_prints_each_file(tmp_path: Path, fmt: str, profile: str, expected: list) -> None:
    folder = make_issue(tmp_path / "lib")
    out = tmp_path / "out"
    proc = masthead("export", folder, "--format", fmt, "--profile", profile, "--out", out)
    assert proc.returncode == 0, proc.stderr
    printed = proc.stdout.split()
    assert printed == [str(out / name) for name in expected]
    assert all(Path(p).is_file() for p in printed)


def test_jekyll_with_image_prefix(tmp_path: Path) -> None:
    folder = make_issue(tmp_path / "lib")
    out = tmp_path / "out"
    proc = masthead(
        "export", folder, "--format", "markdown", "--profile", "jekyll", "--out", out,
        "--image-prefix", "https://cdn.example.com/img/",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    post = Path(proc.stdout.split()[0])
    assert post.parent.name == "_posts" and post.name.endswith("-cli-issue.md")
    assert "](https://cdn.example.com/img/pic.png)" in post.read_text("utf-8")


def test_errors_stop_the_export_unless_forced(tmp_path: Path) -> None:
    folder = make_issue(tmp_path / "lib")
    issue = load_issue(folder)
    issue.cards[issue.sections[0].card_ids[0]].body += "\n\n![escape](../../secret.png)"
    save_issue(issue)
    out = tmp_path / "out"
    proc = masthead("export", folder, "--format", "html", "--out", out)
    assert proc.returncode == 1
    assert "unsafe-path" in proc.stderr and proc.stdout == ""
    assert not out.exists()
    forced = masthead("export", folder, "--format", "html", "--out", out, "--force")
    assert forced.returncode == 0, forced.stderr
    assert "secret.png" not in (out / "index.html").read_text("utf-8")


def test_settings_in_issue_yaml_are_the_defaults(tmp_path: Path) -> None:
    folder = make_issue(tmp_path / "lib")
    issue = load_issue(folder)
    issue.export = {"format": "markdown", "profile": "plain", "out": "../published"}
    save_issue(issue)
    proc = masthead("export", folder)
    assert proc.returncode == 0, proc.stderr
    assert (folder.parent / "published" / "cli-issue.md").is_file()


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "markdown", "--profile", "wordpress", "--out", "OUT"],
        ["--format", "pdf", "--out", "OUT"],
        ["--out", "OUT"],  # no format given and none stored
    ],
)
def test_bad_usage_exits_2(tmp_path: Path, args: list[str]) -> None:
    folder = make_issue(tmp_path / "lib")
    args = [str(tmp_path / "out") if a == "OUT" else a for a in args]
    proc = masthead("export", folder, *args)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


def test_missing_issue_exits_2(tmp_path: Path) -> None:
    proc = masthead("export", tmp_path / "nope", "--format", "html", "--out", tmp_path / "o")
    assert proc.returncode == 2 and "nope" in proc.stderr


class _ImageHost(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        if self.path != "/ok.png":
            self.send_error(404, "Not Found")
            return
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(_PNG)))
        self.end_headers()
        self.wfile.write(_PNG)

    def log_message(self, *_args: object) -> None:
        pass


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 20, 20)).save(out, "PNG")
    return out.getvalue()


_PNG = _png()


@pytest.fixture
def image_host() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _ImageHost)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_allow_remote_embeds_and_prints_what_failed(tmp_path: Path, image_host: str) -> None:
    folder = make_issue(tmp_path / "lib")
    issue = load_issue(folder)
    card = issue.ordered_cards()[0]
    card.body += f"\n\n![Remote chart]({image_host}/ok.png)\n\n![Gone]({image_host}/gone.png)"
    save_issue(issue)
    out = tmp_path / "out"
    kept = masthead("export", folder, "--format", "html", "--profile", "single-file", "--out", out)
    assert kept.returncode == 0, kept.stderr
    assert "info: remote-images-kept: 2 remote images stay remote" in kept.stderr
    assert f'src="{image_host}/ok.png"' in (out / "cli-issue.html").read_text("utf-8")

    args = ["--format", "html", "--profile", "single-file", "--out", out, "--allow-remote"]
    proc = masthead("export", folder, *args, "--remote-image-max-mb", "1")
    assert proc.returncode == 0, proc.stderr
    assert "info: remote-images-fetched: 2 remote images will be embedded" in proc.stderr
    failed = [x for x in proc.stderr.splitlines() if x.startswith("warning: remote-image-failed")]
    assert len(failed) == 1 and "gone.png" in failed[0] and "404" in failed[0]
    page = (out / "cli-issue.html").read_text("utf-8")
    assert image_host not in page.split("<body", 1)[1]
    assert "data:image/png;base64," + base64.b64encode(_PNG).decode() in page


def test_remote_image_limit_must_be_positive(tmp_path: Path) -> None:
    folder = make_issue(tmp_path / "lib")
    args = ["--format", "html", "--out", tmp_path / "o", "--remote-image-max-mb", "0"]
    proc = masthead("export", folder, *args)
    assert proc.returncode == 2 and "--remote-image-max-mb" in proc.stderr
