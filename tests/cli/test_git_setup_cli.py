"""masthead git-setup LIBRARY."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from editor_app.cli import main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


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
