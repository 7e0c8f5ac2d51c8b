"""After an image import the editor has the focus again, with the image in the text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QFileDialog

from editor_app.gui import image_import
from editor_app.gui.app_settings import AppSettings
from editor_app.gui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("text_preview")  # see tests/gui/conftest.py


class _Imported:
    def markdown(self, alt: str) -> str:
        return f"![{alt}](assets/abc123.png)"


def test_focus_returns_to_the_editor_after_import(qtbot, tmp_path, issue_folder, monkeypatch):
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(issue_folder.parent, settings)
    qtbot.addWidget(window)
    window.show()
    window.open_issue(issue_folder)
    ws = window.workspace
    picked = tmp_path / "photo.png"
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(picked)], ""))
    )
    monkeypatch.setattr(image_import, "import_with_alt", lambda *a, **k: (_Imported(), "A photo"))
    window.panels.show(window.panels.images_dock)
    window.panels.images.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not ws.editor.body_edit, timeout=3000)
    window.panels.images.import_images()
    assert "![A photo](assets/abc123.png)" in ws.editor.body_edit.toPlainText()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ws.editor.body_edit, timeout=3000)
    window.close()
