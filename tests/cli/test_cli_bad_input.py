"""Hostile issue folders through the command line: control characters, symbolic links and
non-image assets give a one-line message or a problem code, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from editor_app.core.model import Source
from editor_app.core.outline import add_card
from editor_app.core.storage import card_path, load_issue, save_issue
from editor_app.core.template import new_issue

# The characters an audit found: C0 controls YAML forbids outright, and ESC.
CONTROL_CHARS = [chr(c) for c in range(0x00, 0x09)] + ["\x0b", "\x0c", "\x1b"]
CHAR_IDS = [f"U+{ord(c):04X}" for c in CONTROL_CHARS]


def masthead(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "editor_app", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=120,
    )


def one_line_error(result: subprocess.CompletedProcess, *needles: str) -> None:
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


@pytest.fixture
def issue(tmp_path: Path) -> Path:
    issue = new_issue(tmp_path / "library", "Bad input", slug="bad-input")
    for n, section in enumerate(issue.sections, start=1):
        if not section.card_ids:
            card = add_card(issue, section.id, f"卡片 {n}")
            card.source = Source(f"Article {n}", f"https://example.org/{n}")
            card.body = f"正文 {n}"
    save_issue(issue)
    return issue.folder


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "photo.png"
    Image.new("RGB", (40, 20), "teal").save(path)
    return path


def commands(folder: Path, out: Path, photo: Path, card: str) -> dict[str, list[object]]:
    return {
        "inspect": ["inspect", folder, "--json"],
        "check": ["check", folder],
        "export": ["export", folder, "--format", "html", "--out", out],
        "links": ["links", folder, "--json"],
        "image add": ["image", "add", folder, photo, "--card", card],
    }


@pytest.mark.parametrize("char", CONTROL_CHARS, ids=CHAR_IDS)
def test_control_character_in_issue_yaml(issue, photo, tmp_path, char):
    manifest = issue / "issue.yaml"
    lines = manifest.read_text("utf-8").splitlines(keepends=True)
    title_line = next(n for n, line in enumerate(lines, 1) if line.startswith("title:"))
    lines[title_line - 1] = lines[title_line - 1].replace("title: ", f"title: a{char}b", 1)
    manifest.write_text("".join(lines), "utf-8")
    card = load_issue_card_id(issue)
    for name, args in commands(issue, tmp_path / "out", photo, card).items():
        result = masthead(*args)
        one_line_error(result, f"{manifest}:{title_line}:", f"U+{ord(char):04X}")
        assert result.stdout == "", name
    assert not (tmp_path / "out").exists()


def load_issue_card_id(folder: Path) -> str:
    """The first card id, read from the card files (the manifest may be unreadable)."""
    return sorted(p.stem for p in (folder / "cards").glob("*.md"))[0]


@pytest.mark.parametrize("char", CONTROL_CHARS, ids=CHAR_IDS)
def test_control_character_in_card_front_matter(issue, photo, tmp_path, char):
    victim = load_issue(issue).ordered_cards()[0].id
    path = card_path(issue, victim)
    text = path.read_text("utf-8")
    assert text.startswith("---\ntitle: ")
    path.write_text(text.replace("title: ", f"title: x{char}y", 1), "utf-8")
    where = f"{path}:2:"  # the title is on the file's second line
    runs = {
        name: masthead(*args)
        for name, args in commands(issue, tmp_path / "out", photo, victim).items()
    }
    for name, result in runs.items():
        assert "Traceback" not in result.stderr, (name, result.stderr)

    # The issue still opens: the card is reported unreadable, with file and line.
    data = json.loads(runs["inspect"].stdout)
    assert runs["inspect"].returncode == 0
    (problem,) = [p for p in data["problems"] if p["card"] == victim]
    assert problem["code"] == "unreadable-file" and where in problem["message"]
    assert runs["check"].returncode == 1
    assert "unreadable-file" in runs["check"].stdout and where in runs["check"].stdout
    assert runs["export"].returncode == 1 and where in runs["export"].stderr
    assert runs["links"].returncode == 0
    assert victim not in {row["card"] for row in json.loads(runs["links"].stdout)["links"]}
    one_line_error(runs["image add"], where, f"U+{ord(char):04X}")
    assert path.read_text("utf-8").count(char) == 1  # never written back


def test_symlinked_card_is_reported_and_never_read(issue, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: SECRET TITLE\n---\nSECRET BODY https://secret.example\n")
    victim = load_issue(issue).ordered_cards()[0].id
    path = card_path(issue, victim)
    path.unlink()
    os.symlink(secret, path)
    check = masthead("check", issue, "--json")
    assert check.returncode == 1
    (problem,) = [p for p in json.loads(check.stdout)["problems"] if p["card"] == victim]
    assert problem["code"] == "symlink" and "symbolic link" in problem["message"]
    for args in (["inspect", issue, "--json"], ["links", issue, "--json"]):
        result = masthead(*args)
        assert result.returncode == 0 and "SECRET" not in result.stdout
    out = tmp_path / "out"
    export = masthead("export", issue, "--format", "markdown", "--out", out, "--force")
    assert export.returncode == 0, export.stderr
    assert not any("SECRET" in f.read_text("utf-8") for f in out.rglob("*.md"))


def test_svg_named_png_is_reported_and_not_exported(issue, tmp_path):
    loaded = load_issue(issue)
    card = loaded.ordered_cards()[0]
    card.body += "\n\n![集群拓扑示意图](assets/chart.png)\n"
    save_issue(loaded)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    (issue / "assets" / "chart.png").write_bytes(svg)
    check = masthead("check", issue, "--json")
    assert check.returncode == 1
    codes = {(p["code"], p["card"]) for p in json.loads(check.stdout)["problems"]}
    assert ("unsafe-asset", card.id) in codes
    out = tmp_path / "out"
    export = masthead("export", issue, "--format", "html", "--out", out, "--force")
    assert export.returncode == 0 and "unsafe-asset" in export.stderr
    assert not (out / "assets" / "chart.png").exists()
    assert "chart.png" not in (out / "index.html").read_text("utf-8")
