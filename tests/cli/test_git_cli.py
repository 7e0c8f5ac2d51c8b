"""masthead git-setup LIBRARY and the merge-issue driver git runs."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from editor_app.cli import main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

BASE = "format: 1\ntitle: Base\noutline:\n- id: s1\n  title: News\n  cards:\n  - c1\n"


def test_git_setup_registers_the_driver_once(tmp_path, capsys):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    assert main(["git-setup", str(tmp_path)]) == 0
    assert "issue.yaml merge=masthead-issue" in (tmp_path / ".gitattributes").read_text()
    assert ".masthead/" in (tmp_path / ".gitignore").read_text()
    driver = subprocess.run(
        ["git", "config", "merge.masthead-issue.driver"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    ).stdout
    assert "-m editor_app merge-issue %O %A %B" in driver
    capsys.readouterr()
    assert main(["git-setup", str(tmp_path)]) == 0
    assert "nothing changed" in capsys.readouterr().out
    assert (tmp_path / ".gitattributes").read_text().count("merge=masthead-issue") == 1


def test_git_setup_outside_a_repository_is_a_clear_error(tmp_path, capsys):
    assert main(["git-setup", str(tmp_path)]) == 2
    assert "git rev-parse failed" in capsys.readouterr().err


def test_merge_issue_rewrites_ours_and_exits_by_outcome(tmp_path, capsys):
    base, ours, theirs = (tmp_path / n for n in ("base", "ours", "theirs"))
    base.write_text(BASE)
    ours.write_text(BASE.replace("  - c1\n", "  - c1\n  - c2\n"))
    theirs.write_text(BASE.replace("  - c1\n", "  - c1\n  - c3\n"))
    assert main(["merge-issue", str(base), str(ours), str(theirs), "7", "x/issue.yaml"]) == 0
    assert "  - c2\n  - c3\n" in ours.read_text()
    ours.write_text(BASE.replace("title: Base", "title: Ours"))
    theirs.write_text(BASE.replace("title: Base", "title: Theirs"))
    assert main(["merge-issue", str(base), str(ours), str(theirs), "7", "x/issue.yaml"]) == 1
    assert "x/issue.yaml: both sides changed title" in capsys.readouterr().err
    assert "title: Ours" in ours.read_text() and "title: Theirs" in ours.read_text()
