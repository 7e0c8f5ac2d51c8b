"""`masthead export` through a subprocess, as tools outside the project call it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

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
