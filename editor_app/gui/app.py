"""Creating the QApplication and the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from editor_app import __version__
from editor_app.core.resources import resource
from editor_app.gui.main_window import MainWindow

UI_FONT_FAMILIES = [
    "Inter", "Segoe UI", "Cantarell", "Noto Sans", "DejaVu Sans", "Helvetica Neue", "Arial",
    "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
    "WenQuanYi Micro Hei",
]  # fmt: skip


def create_application(argv: list[str] | None = None) -> QApplication:
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
    return app


def run_app(path: Path) -> int:
    app = create_application()
    window = MainWindow(path if not (path / "issue.yaml").exists() else path.parent)
    window.open_path(path)
    window.show()
    return app.exec()
