"""Fixtures for the GUI tests."""

from __future__ import annotations

import gc

import pytest


@pytest.fixture
def text_preview(monkeypatch):
    """Whole-window tests use the QTextBrowser preview.

    They test the window, not the preview (tests/gui/preview/test_pane.py does that with a few
    WebEngine views); creating and destroying a Chromium view in every window test made the
    suite crash now and then inside QtWebEngine.
    """
    monkeypatch.setenv("MASTHEAD_NO_WEBENGINE", "1")


@pytest.fixture
def window(qtbot, tmp_path, issue_folder):
    """The main window on ``issue_folder``, with settings of its own (a test file may define
    its own ``window`` when it needs something else)."""
    from PySide6.QtCore import QSettings

    from editor_app.gui.app_settings import AppSettings
    from editor_app.gui.main_window import MainWindow

    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(issue_folder.parent, settings)
    qtbot.addWidget(win)
    win.show()
    win.open_issue(issue_folder)
    yield win
    win.close()


@pytest.fixture(autouse=True)
def _empty_clipboard_after(qapp):
    """With the offscreen platform, MIME data left on the clipboard (setMimeData) crashes the
    process when the application is destroyed at exit, after every test passed; a real
    display (xcb) does not."""
    yield
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().clear()


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_ui_thread():
    """As in the app (gui/gc_guard.py): no cyclic collection in worker threads during a GUI
    test; leftover cycles holding Qt objects are collected here, on the UI thread."""
    gc.disable()
    yield
    gc.collect()
    gc.enable()


def pytest_configure(config):
    """The preview's URL scheme must be registered before pytest-qt creates the app."""
    from editor_app.gui.preview.scheme import register_scheme

    register_scheme()


@pytest.fixture(scope="session", autouse=True)
def _english_catalogue(qapp):
    """The English UI as the app shows it: with its catalogue of plural forms ("1 card").

    The .qm files are build output (make translations): built here when missing or stale.
    """
    import importlib.util
    import sys
    from pathlib import Path

    from editor_app.gui import i18n

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location(
        "mh_tr_gui", root / "packaging" / "translations.py"
    )
    tool = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = tool
    spec.loader.exec_module(tool)
    stale = [
        lang
        for lang in tool.LANGUAGES
        if not tool.qm_path(lang).exists()
        or tool.qm_path(lang).stat().st_mtime < tool.ts_path(lang).stat().st_mtime
    ]
    if stale:
        tool.release()
    i18n.install_translators(qapp, i18n.ENGLISH)
    yield
