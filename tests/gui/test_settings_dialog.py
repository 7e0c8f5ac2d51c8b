"""Preferences: stored under stable QSettings keys, edited in the dialog, applied live."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QDialogButtonBox

from editor_app.core import settings_registry as reg
from editor_app.core.images.pipeline import ALLOWED_FORMATS
from editor_app.gui import theme
from editor_app.gui.app_settings import AppSettings
from editor_app.gui.main_window import MainWindow
from editor_app.gui.preferences import Preferences, image_policy
from editor_app.gui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.usefixtures("text_preview")  # see tests/gui/conftest.py


@pytest.fixture
def ini(tmp_path):
    return tmp_path / "settings.ini"


@pytest.fixture
def settings(ini):
    return AppSettings(QSettings(str(ini), QSettings.Format.IniFormat))


@pytest.fixture
def restore_theme(qapp):
    style, palette = qapp.style().name(), qapp.palette()
    yield
    qapp.setProperty("mastheadTheme", None)
    qapp.setStyle(style)
    qapp.setPalette(palette)


@pytest.fixture
def dialog(qtbot, settings, tmp_path):
    d = SettingsDialog(settings, tmp_path / "sample", None)
    qtbot.addWidget(d)
    return d


def test_defaults_without_settings(settings):
    prefs = Preferences.load(settings)
    assert prefs == Preferences()
    assert prefs.autosave_ms == 1000
    assert prefs.image_max_width == 1600
    assert prefs.image_formats == list(ALLOWED_FORMATS)
    assert prefs.remote_content is False
    assert (prefs.language, prefs.theme) == ("", "system")
    assert image_policy(settings) == (1600, list(ALLOWED_FORMATS))


def test_round_trip_through_the_settings_file(settings, ini, tmp_path):
    prefs = Preferences(
        library=str(tmp_path / "lib"),
        autosave_ms=2500,
        font_family="DejaVu Serif",
        font_size=15,
        image_max_width=1200,
        image_formats=["PNG", "WEBP"],
        remote_content=True,
        language="zh_CN",
        theme="dark",
    )
    prefs.save(settings)
    fresh = AppSettings(QSettings(str(ini), QSettings.Format.IniFormat))
    assert Preferences.load(fresh) == prefs
    # The keys other parts of the app read.
    assert fresh.autosave_ms() == 2500
    assert int(fresh.value("images/maxWidth", 0)) == 1200
    assert fresh.value("preview/remoteContent", False, bool) is True
    assert fresh.value("ui/language", "") == "zh_CN"
    assert fresh.value("ui/theme", "") == "dark"
    assert image_policy(fresh) == (1200, ["PNG", "WEBP"])


def test_bad_stored_values_fall_back_to_sane_ones(settings):
    settings.set_value("editor/autosaveMs", "soon")
    settings.set_value("images/maxWidth", 5)
    settings.set_value("images/formats", "tiff")
    settings.set_value("ui/theme", "purple")
    settings.set_value("editor/fontSize", 400)
    prefs = Preferences.load(settings)
    assert prefs.autosave_ms == 1000
    assert prefs.image_max_width == 200  # clamped to the smallest allowed width
    assert prefs.image_formats == list(ALLOWED_FORMATS)  # never "accept nothing"
    assert prefs.theme == "system"
    assert prefs.font_size == 48
    settings.set_value("images/formats", "gif")  # QSettings gives one value as a string
    assert Preferences.load(settings).image_formats == ["GIF"]


def test_dialog_shows_and_writes_the_settings(dialog, settings):
    assert dialog.autosave_spin.value() == pytest.approx(1.0)
    assert dialog.image_width_spin.value() == 1600
    assert all(c.isChecked() for c in dialog.format_checks.values())
    assert dialog.font_default_check.isChecked() and not dialog.font_combo.isEnabled()

    dialog.autosave_spin.setValue(3.5)
    dialog.image_width_spin.setValue(1000)
    dialog.format_checks["GIF"].setChecked(False)
    dialog.remote_check.setChecked(True)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("light"))
    dialog.font_default_check.setChecked(False)
    dialog.font_combo.setCurrentFont(QFont("DejaVu Serif"))
    dialog.font_size_spin.setValue(16)
    applied = []
    dialog.applied.connect(lambda: applied.append(True))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Apply).click()

    assert applied == [True]
    prefs = Preferences.load(settings)
    assert prefs.autosave_ms == 3500
    assert prefs.image_max_width == 1000
    assert prefs.image_formats == ["PNG", "JPEG", "WEBP"]
    assert prefs.remote_content is True
    assert (prefs.language, prefs.theme) == ("zh_CN", "light")
    assert prefs.font_size == 16 and prefs.font_family == dialog.font_combo.currentFont().family()


def test_restore_defaults_and_cancel_write_nothing(dialog, settings):
    dialog.image_width_spin.setValue(900)
    dialog.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).click()
    assert dialog.image_width_spin.value() == 1600
    dialog.image_width_spin.setValue(900)
    dialog.reject()
    assert settings.qs.allKeys() == []


def test_no_image_format_means_ok_is_disabled(dialog, settings):
    for check in dialog.format_checks.values():
        check.setChecked(False)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert not dialog.formats_warning.isHidden()
    dialog.accept()  # e.g. Enter pressed: still refused
    assert settings.qs.allKeys() == []
    dialog.format_checks["PNG"].setChecked(True)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_library_change_is_announced(dialog, tmp_path):
    seen = []
    dialog.libraryChanged.connect(seen.append)
    dialog.library_edit.setText(str(tmp_path))
    dialog.apply()
    dialog.apply()  # unchanged the second time
    assert seen == [tmp_path]


def test_preferences_action_in_file_menu(qtbot, settings, tmp_path):
    window = MainWindow(tmp_path, settings)
    qtbot.addWidget(window)
    assert window.act_settings in window.file_menu.actions()
    assert window.act_settings.shortcut() == QKeySequence("Ctrl+,")


def test_settings_apply_to_the_open_issue(qtbot, settings, issue_folder, restore_theme):
    window = MainWindow(issue_folder.parent, settings)
    qtbot.addWidget(window)
    window.show()
    assert window.open_issue(issue_folder)
    ws = window.workspace
    assert ws.document._autosave.interval() == 1000
    assert ws.preview.remote_content() is False

    Preferences(
        autosave_ms=4000, remote_content=True, font_family="DejaVu Serif", font_size=19
    ).save(settings)
    window.apply_settings()
    assert ws.document._autosave.interval() == 4000
    assert ws.preview.remote_content() is True
    font = ws.editor.body_edit.font()
    assert font.pointSize() == 19
    assert font.families()[0] == "DejaVu Serif"
    assert "Noto Sans CJK SC" in font.families()  # Chinese still has a face
    assert ws.editor.body_edit.document().defaultFont().pointSize() == 19

    # The next issue opened starts with the same settings.
    window.close_issue()
    assert window.open_issue(issue_folder)
    assert window.workspace.document._autosave.interval() == 4000
    assert window.workspace.editor.body_edit.font().pointSize() == 19
    window.close()


def test_theme_setting_applies_when_settings_change(qtbot, qapp, settings, tmp_path, restore_theme):
    window = MainWindow(tmp_path, settings)
    qtbot.addWidget(window)
    Preferences(theme="dark").save(settings)
    window.apply_settings()
    assert theme.current_scheme(qapp) == theme.DARK
    Preferences(theme="light").save(settings)
    window.apply_settings()
    assert theme.current_scheme(qapp) == theme.LIGHT


def test_library_setting_switches_the_start_view(qtbot, settings, issue_folder, tmp_path):
    other = tmp_path / "other-library"
    other.mkdir()
    window = MainWindow(issue_folder.parent, settings)
    qtbot.addWidget(window)

    def fill_in() -> None:
        dialog = window.findChild(SettingsDialog)
        dialog.library_edit.setText(str(other))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, fill_in)
    window.edit_settings()  # modal until fill_in presses OK
    assert window.library == other
    assert window.start.library == other
    assert Preferences.load(settings).library == str(other)


def test_dialog_offers_every_user_facing_setting(dialog):
    pages = [dialog.tabs.widget(i) for i in range(dialog.tabs.count())]
    for setting in reg.user_facing():
        widget = dialog.editors.get(setting.key)
        assert widget is not None, f"the Preferences dialog has no editor for {setting.key}"
        assert any(page is widget or page.isAncestorOf(widget) for page in pages), setting.key
    assert set(dialog.editors) == {s.key for s in reg.user_facing()}
    combo_values = [dialog.language_combo.itemData(i) for i in range(dialog.language_combo.count())]
    assert tuple(combo_values) == reg.LANGUAGE.choices
    theme_values = [dialog.theme_combo.itemData(i) for i in range(dialog.theme_combo.count())]
    assert tuple(theme_values) == reg.THEME.choices
    assert tuple(dialog.format_checks) == reg.IMAGE_FORMATS.choices
    assert (dialog.image_width_spin.minimum(), dialog.image_width_spin.maximum()) == (
        reg.IMAGE_MAX_WIDTH.bounds
    )
    low, high = reg.AUTOSAVE_MS.bounds
    assert (dialog.autosave_spin.minimum(), dialog.autosave_spin.maximum()) == (
        low / 1000,
        high / 1000,
    )


def test_defaults_come_from_the_settings_registry(settings):
    prefs = Preferences.load(settings)
    for name, setting in [
        ("library", reg.LIBRARY),
        ("autosave_ms", reg.AUTOSAVE_MS),
        ("font_family", reg.FONT_FAMILY),
        ("font_size", reg.FONT_SIZE),
        ("image_max_width", reg.IMAGE_MAX_WIDTH),
        ("remote_content", reg.REMOTE_CONTENT),
        ("language", reg.LANGUAGE),
        ("theme", reg.THEME),
    ]:
        assert getattr(prefs, name) == setting.default, name
    assert tuple(prefs.image_formats) == reg.IMAGE_FORMATS.default
    assert settings.autosave_ms() == reg.AUTOSAVE_MS.default
