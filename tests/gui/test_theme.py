"""Light, dark and system themes on Fusion; open editors and icons follow a change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QPalette

from editor_app.gui import theme
from editor_app.gui.app_settings import AppSettings
from editor_app.gui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("text_preview")  # see tests/gui/conftest.py


@pytest.fixture(autouse=True)
def restore_theme(qapp):
    style, palette = qapp.style().name(), qapp.palette()
    yield
    qapp.setProperty("mastheadTheme", None)
    qapp.setStyle(style)
    qapp.setPalette(palette)


def test_dark_theme_sets_a_dark_fusion_palette(qapp):
    assert theme.apply_theme(qapp, theme.DARK) == theme.DARK
    palette = qapp.palette()
    assert qapp.style().name().lower() == "fusion"
    assert palette.color(QPalette.ColorRole.Window).lightness() < 80
    assert palette.color(QPalette.ColorRole.Base).lightness() < 80
    assert palette.color(QPalette.ColorRole.Text).lightness() > 200
    # Disabled text stays readable but visibly dimmer than normal text.
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert 80 < disabled.lightness() < palette.color(QPalette.ColorRole.Text).lightness()
    assert theme.current_scheme(qapp) == theme.DARK


def test_light_theme(qapp):
    assert theme.apply_theme(qapp, theme.LIGHT) == theme.LIGHT
    assert qapp.palette().color(QPalette.ColorRole.Base).lightness() > 200
    assert theme.current_scheme(qapp) == theme.LIGHT


def test_system_theme_follows_the_platform_scheme(qapp, monkeypatch):
    monkeypatch.setattr(theme, "system_scheme", lambda: theme.DARK)
    assert theme.apply_theme(qapp, theme.SYSTEM) == theme.DARK
    monkeypatch.setattr(theme, "system_scheme", lambda: theme.LIGHT)
    assert theme.apply_theme(qapp, theme.SYSTEM) == theme.LIGHT
    assert qapp.property("mastheadTheme") == theme.SYSTEM


def test_unknown_setting_means_system(tmp_path):
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert theme.theme_setting(settings) == theme.SYSTEM
    settings.set_value(theme.THEME_KEY, "dark")
    assert theme.theme_setting(settings) == theme.DARK
    settings.set_value(theme.THEME_KEY, "neon")
    assert theme.theme_setting(settings) == theme.SYSTEM


def test_open_editor_and_toolbar_icons_follow_a_change(qapp, qtbot, tmp_path, issue_folder):
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    theme.apply_theme(qapp, theme.LIGHT)
    window = MainWindow(issue_folder.parent, settings)
    qtbot.addWidget(window)
    window.show()
    assert window.open_issue(issue_folder)
    edit = window.workspace.editor.body_edit
    highlighter = edit.document().highlighter
    light_heading = highlighter.formats["heading"].foreground().color().name()
    icon_before = window.act_new.icon().pixmap(16, 16).toImage()

    theme.apply_theme(qapp, theme.DARK)
    dark_heading = highlighter.formats["heading"].foreground().color().name()
    assert dark_heading != light_heading
    assert window.act_new.icon().pixmap(16, 16).toImage() != icon_before  # redrawn light
    assert window.act_new.property("qtaIcon") == "mdi6.file-plus-outline"
    window.close()
