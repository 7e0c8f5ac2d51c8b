"""Creating the QApplication and the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from editor_app import __version__
from editor_app.core.resources import default_library, resource
from editor_app.gui import gc_guard, i18n, theme, workers
from editor_app.gui.app_settings import AppSettings
from editor_app.gui.main_window import MainWindow
from editor_app.gui.preview.scheme import register_scheme
from editor_app.gui.qt_env import prepare_webengine_environment

UI_FONT_FAMILIES = [
    "Inter", "Segoe UI", "Cantarell", "Noto Sans", "DejaVu Sans", "Helvetica Neue", "Arial",
    "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
    "WenQuanYi Micro Hei",
]  # fmt: skip

# MASTHEAD_SMOKE_TEST=1: open the window, wait until the issue and its preview have loaded,
# then quit with 0 (1 if that did not happen in time). Used by `make bundle-check`.
SMOKE_ENV = "MASTHEAD_SMOKE_TEST"
SMOKE_TIMEOUT_MS = int(os.environ.get("MASTHEAD_SMOKE_TIMEOUT_MS", "90000"))


def create_application(argv: list[str] | None = None) -> QApplication:
    register_scheme()  # the preview's URL scheme: QtWebEngine needs it before the app exists
    app = QApplication.instance() or QApplication(argv or sys.argv)
    QCoreApplication.setOrganizationName("Masthead")
    QCoreApplication.setApplicationName("Masthead")
    QCoreApplication.setApplicationVersion(__version__)
    app.setDesktopFileName("org.masthead.Masthead")
    icon = resource("icons", "masthead.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    font = QFont(app.font())
    font.setFamilies(UI_FONT_FAMILIES)
    app.setFont(font)
    gc_guard.install(app)
    workers.share_interpreter()
    settings = AppSettings()
    i18n.install_translators(app, i18n.language_setting(settings))
    theme.apply_theme(app, theme.theme_setting(settings))
    return app


def run_app(path: Path | None = None, environment_changes: list[str] | None = None) -> int:
    """Open the window; ``environment_changes`` from prepare_webengine_environment, when the
    caller ran it before importing Qt (else it runs here, still before QApplication)."""
    if environment_changes is None:
        environment_changes = prepare_webengine_environment()
    app = create_application()
    settings = AppSettings()
    if path is None:
        path = settings.library(default_library())
        if not path.is_dir():  # a chosen library that was moved or deleted
            path = default_library()
    if path.name == "issue.yaml" and path.is_file():
        path = path.parent  # the file manager opened an issue's manifest
    window = MainWindow(path if not (path / "issue.yaml").exists() else path.parent, settings)
    window.open_path(path)
    window.show()
    if "sandbox" in environment_changes:
        _say_sandbox_is_off(window)
    if os.environ.get(SMOKE_ENV, "") not in ("", "0"):
        _arm_smoke_test(app, window)
    code = app.exec()
    # WebEngine pages must go before the application does; deleteLater alone would not run.
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return code


def _say_sandbox_is_off(window: MainWindow) -> None:
    """Once per start, on stderr and in the status bar."""
    message = QCoreApplication.translate(
        "Startup",
        "Running as root: the preview's Chromium sandbox is switched off "
        "(QTWEBENGINE_DISABLE_SANDBOX=1).",
    )
    print(f"masthead: {message}", file=sys.stderr, flush=True)
    window.statusBar().showMessage(message, 20000)


def _arm_smoke_test(app: QApplication, window: MainWindow) -> None:
    """Quit once the opened issue shows its first card and the preview page has loaded."""
    state = {"done": False}

    def finish(code: int, message: str) -> None:
        if state["done"]:
            return
        state["done"] = True
        print(f"smoke-test: {message}", flush=True)
        window.close()
        app.exit(code)

    ws = window.workspace
    if ws is None:
        QTimer.singleShot(0, lambda: finish(1, "no issue was opened"))
        return

    def loaded() -> None:
        cards = len(ws.document.issue.ordered_cards())
        engine = "QtWebEngine" if ws.preview.uses_web_engine else "QTextBrowser"
        catalogues = ", ".join(i18n.installed_catalogues(app)) or "none"
        finish(
            0,
            f"ok: {ws.document.folder.name}, {cards} cards, preview by {engine}, "
            f"menu: {window.file_menu.title()}, catalogues: {catalogues}",
        )

    if ws.preview.page_loads:
        QTimer.singleShot(0, loaded)
    else:
        ws.preview.pageLoaded.connect(loaded)
        ws.preview.scheduler.renderFailed.connect(
            lambda message: finish(1, f"the preview could not be rendered: {message}")
        )
        ws.preview.loadFailed.connect(
            lambda message: finish(1, f"the preview page did not load: {message}")
        )

    def timed_out() -> None:
        import faulthandler

        faulthandler.dump_traceback(all_threads=True)  # where it is stuck, on stderr
        finish(1, "timed out waiting for the preview")

    QTimer.singleShot(SMOKE_TIMEOUT_MS, timed_out)
