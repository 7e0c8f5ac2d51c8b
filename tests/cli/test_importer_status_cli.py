"""`masthead import --status`, the draft warning of `masthead export`, and bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from editor_app.core.storage import load_issue

FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"
ISSUE = FIXTURES / "shape-emoji-rated.md"


def masthead(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "editor_app", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.mark.parametrize(
    ("args", "status"), [((), "draft"), (("--status", "published"), "published")]
)
def test_status_sets_issue_and_cards(tmp_path: Path, args: tuple, status: str) -> None:
    proc = masthead("import", ISSUE, "--into", tmp_path, *args)
    assert proc.returncode == 0, proc.stderr
    issue = load_issue(Path(proc.stdout.strip()))
    assert issue.status.value == status
    assert issue.cards and {c.status.value for c in issue.cards.values()} == {status}


def test_unknown_status_is_refused(tmp_path: Path) -> None:
    proc = masthead("import", ISSUE, "--into", tmp_path, "--status", "ready")
    assert proc.returncode == 2 and "invalid choice" in proc.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("status", "profile", "warned"),
    [("draft", "hugo", True), ("draft", "jekyll", True), ("draft", "plain", False),
     ("published", "hugo", False)],
)  # fmt: skip
def test_export_warns_when_a_draft_goes_to_a_site_generator(
    tmp_path: Path, status: str, profile: str, warned: bool
) -> None:
    folder = masthead("import", ISSUE, "--into", tmp_path / "lib", "--status", status)
    assert folder.returncode == 0, folder.stderr
    proc = masthead(
        "export", folder.stdout.strip(), "--format", "markdown", "--profile", profile,
        "--out", tmp_path / "out", "--force",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert ("warning: draft-export" in proc.stderr) is warned
    if profile == "hugo":
        assert ("Hugo will not publish it unless built with -D" in proc.stderr) is warned
    page = next((tmp_path / "out").rglob("*.md")).read_text("utf-8")
    if profile == "hugo":
        assert f"draft: {'true' if status == 'draft' else 'false'}" in page


@pytest.mark.parametrize("slug", ["../x", "..", "a/../../x", "/tmp/x"])
def test_slug_leaving_the_library_is_refused(tmp_path: Path, slug: str) -> None:
    library = tmp_path / "lib"
    proc = masthead("import", ISSUE, "--into", library, "--slug", slug)
    assert proc.returncode == 2 and "slug" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_not_a_newsletter(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Tool\n\nA tool.\n\n## Install\n\nRun the installer.\n", "utf-8")
    log = tmp_path / "app.log"
    log.write_text("2025-01-01 12:00:01 INFO start\n2025-01-01 12:00:02 WARN slow\n", "utf-8")
    binary = tmp_path / "prog.bin"
    binary.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00\xff\xfe" * 20)
    for path, message in [
        (readme, "no numbered items found"),
        (log, "no numbered items found"),
        (binary, "binary data"),
    ]:
        proc = masthead("import", path, "--into", tmp_path / "lib")
        assert proc.returncode == 2, path
        assert message in proc.stderr and path.name in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
    assert not (tmp_path / "lib").exists()


def test_headings_without_items_import_with_a_note(tmp_path: Path) -> None:
    readme = tmp_path / "NOTES.md"
    readme.write_text("# Notes\n\n## Setup\n\n### Options\n\nSome options.\n", "utf-8")
    proc = masthead("import", readme, "--into", tmp_path / "lib")
    assert proc.returncode == 0, proc.stderr
    assert "is this file a newsletter issue?" in proc.stderr
