"""Test-wide set-up. Qt runs offscreen; QtWebEngine needs these before any QApplication."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
# Keep QSettings of tests away from the developer's own settings.
os.environ.setdefault("XDG_CONFIG_HOME", os.path.join(os.path.dirname(__file__), ".config-tests"))


import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture
def issue_folder(tmp_path):
    """A small saved issue: two sections, five cards, one card with two sub-cards."""
    from editor_app.core.model import Issue, Source
    from editor_app.core.outline import add_card, add_section
    from editor_app.core.storage import save_issue

    issue = Issue(title="测试期刊 Test Issue", number=7, slug="test-issue")
    news = add_section(issue, "新闻与访谈", "📰")
    tools = add_section(issue, "产品/方案介绍", "🧰")
    for title in ("Alpha 发布", "Beta 访谈"):
        card = add_card(issue, news.id, title)
        card.source = Source(title=f"{title} source", url=f"https://example.org/{len(title)}")
        card.body = f"正文 {title}\n\n- one\n- two"
    parent = add_card(issue, tools.id, "工具合集")
    parent.body = "三个工具。"
    for title in ("Tool one", "Tool two"):
        child = add_card(issue, parent.id, title)
        child.source = Source(title=title, url=f"https://example.com/{title.replace(' ', '-')}")
        child.body = f"{title} body"
    folder = tmp_path / "test-issue"
    save_issue(issue, folder)
    return folder


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=folder, check=True, capture_output=True, text=True
    ).stdout


def _clone(remote: Path, where: Path) -> Path:
    subprocess.run(["git", "clone", "-q", str(remote), str(where)], check=True)
    _git(where, "config", "user.name", "Editor")
    _git(where, "config", "user.email", "editor@example.org")
    # The driver runs as "python -m editor_app": the test's interpreter and this source tree.
    from editor_app.core.gitmerge.setup import setup_library

    setup_library(where, python=sys.executable)
    return where


@pytest.fixture
def library_clones(tmp_path, issue_folder, monkeypatch):
    """Two clones (ana, ben) of a library holding ``issue_folder``, with the merge driver."""
    if shutil.which("git") is None:
        # CI clones the project with git, so there it must be present: fail, never skip.
        if os.environ.get("CI"):
            pytest.fail("git is not installed, and CI needs it for the sync and merge tests")
        pytest.skip("git is not installed")
    monkeypatch.setenv("PYTHONPATH", str(Path(__file__).resolve().parents[1]))
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    first = _clone(remote, tmp_path / "ana")
    shutil.copytree(issue_folder, first / "test-issue")
    _git(first, "checkout", "-q", "-b", "main")
    _git(first, "add", "-A")
    _git(first, "commit", "-q", "-m", "first issue")
    _git(first, "push", "-q", "-u", "origin", "main")
    second = _clone(remote, tmp_path / "ben")
    return first, second


@pytest.fixture(autouse=True)
def _delete_qt_leftovers():
    """Delete what a Qt test left behind while the QApplication still exists.

    Widgets only closed by a test would otherwise be destroyed by Python's shutdown after
    the application, which crashes inside Qt.
    """
    yield
    import sys

    # Only after a test that brought Qt in and made an application: nothing to delete else.
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtCore import QCoreApplication, QEvent
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None:
            for widget in app.topLevelWidgets():
                widget.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
