"""The environment QtWebEngine needs is set before Qt starts, and root is told once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor_app.gui.qt_env import prepare_webengine_environment

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def dri(tmp_path: Path) -> Path:
    folder = tmp_path / "dri"
    folder.mkdir()
    (folder / "renderD128").touch()
    return folder


def test_root_switches_the_sandbox_off(dri):
    env = {"QT_QPA_PLATFORM": "xcb"}
    assert prepare_webengine_environment(env, root=True, dri=dri) == ["sandbox"]
    assert env["QTWEBENGINE_DISABLE_SANDBOX"] == "1"
    assert "QTWEBENGINE_CHROMIUM_FLAGS" not in env  # a GPU is there
    assert prepare_webengine_environment(env, root=True, dri=dri) == []  # nothing twice


def test_a_normal_user_keeps_the_sandbox(dri):
    env = {"QT_QPA_PLATFORM": "wayland"}
    assert prepare_webengine_environment(env, root=False, dri=dri) == []
    assert env == {"QT_QPA_PLATFORM": "wayland"}


def test_the_users_own_setting_wins(dri):
    env = {"QTWEBENGINE_DISABLE_SANDBOX": "0", "QT_QPA_PLATFORM": "xcb"}
    assert prepare_webengine_environment(env, root=True, dri=dri) == []
    assert env["QTWEBENGINE_DISABLE_SANDBOX"] == "0"


@pytest.mark.parametrize("platform", ["offscreen", "minimal:foo"])
def test_no_gpu_on_headless_platforms(platform, dri):
    env = {"QT_QPA_PLATFORM": platform, "QTWEBENGINE_CHROMIUM_FLAGS": "--lang=zh-CN"}
    assert prepare_webengine_environment(env, root=False, dri=dri) == ["gpu"]
    assert env["QTWEBENGINE_CHROMIUM_FLAGS"] == "--lang=zh-CN --disable-gpu"
    assert prepare_webengine_environment(env, root=False, dri=dri) == []  # not twice


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/dev/dri is Linux's")
def test_no_gpu_without_a_render_device(tmp_path):
    env = {"QT_QPA_PLATFORM": "xcb"}
    assert prepare_webengine_environment(env, root=False, dri=tmp_path / "none") == ["gpu"]
    assert env["QTWEBENGINE_CHROMIUM_FLAGS"] == "--disable-gpu"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs to run as root")
def test_the_window_starts_as_root_without_the_variables(tmp_path, issue_folder):
    """The whole start, QtWebEngine preview included, with neither variable set."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("QTWEBENGINE_DISABLE_SANDBOX", "QTWEBENGINE_CHROMIUM_FLAGS")
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        MASTHEAD_SMOKE_TEST="1",
        MASTHEAD_SMOKE_TIMEOUT_MS="60000",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        PYTHONPATH=str(ROOT),
    )
    env.pop("MASTHEAD_NO_WEBENGINE", None)
    done = subprocess.run(
        [sys.executable, "-m", "editor_app", str(issue_folder)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "preview by QtWebEngine" in done.stdout
    told = [line for line in done.stderr.splitlines() if "sandbox is switched off" in line]
    assert len(told) == 1, done.stderr
