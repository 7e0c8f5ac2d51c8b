"""The About dialog: version and the licences of what the bundle ships."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from editor_app import __version__
from editor_app.gui.about_dialog import COMPONENTS, AboutDialog, component_version
from editor_app.gui.app_settings import AppSettings
from editor_app.gui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("text_preview")  # see tests/gui/conftest.py


def test_lists_version_and_licences(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert f"Masthead {__version__}" in dialog.header.text()
    assert "GNU General Public License" in dialog.header.text()
    text = dialog.licence_text()
    for expected in (
        "PySide6", "Qt 6", "LGPL-3.0", "Chromium", "Python-Markdown", "BSD-3-Clause", "PyYAML",
        "MIT", "Pillow", "MIT-CMU (HPND)", "QtAwesome", "SIL OFL 1.1", "Apache-2.0", "Jinja2",
        "nh3", "CC BY 4.0",
    ):  # fmt: skip
        assert expected in text, expected


def test_versions_of_installed_components_are_shown():
    by_name = {c.name: c for c in COMPONENTS}
    import PySide6

    assert component_version(by_name["PySide6 / Shiboken6"]) == PySide6.__version__
    assert component_version(by_name["PyYAML"])  # read from the package metadata
    assert component_version(by_name["Material Design Icons"]) == ""  # not a package


def test_help_menu_opens_the_about_dialog(qtbot, tmp_path):
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(tmp_path, settings)
    qtbot.addWidget(window)
    seen = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog).__name__)
        dialog.reject()

    QTimer.singleShot(0, close_it)
    window.act_about.trigger()
    assert seen == ["AboutDialog"]
