"""UI language: system locale by default, a setting overrides, Qt's own strings follow."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from editor_app.gui import i18n
from editor_app.gui.app_settings import AppSettings
from editor_app.gui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("text_preview")  # see tests/gui/conftest.py

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module", autouse=True)
def compiled_catalogue():
    """The .qm is build output (make translations); build it here if it is missing or stale."""
    spec = importlib.util.spec_from_file_location("mh_tr", ROOT / "packaging" / "translations.py")
    tool = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = tool
    spec.loader.exec_module(tool)
    for language in tool.LANGUAGES:
        ts, qm = tool.ts_path(language), tool.qm_path(language)
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            tool.release()
        assert qm.is_file()


@pytest.fixture
def english_after(qapp):
    yield qapp
    i18n.install_translators(qapp, i18n.ENGLISH)


@pytest.fixture
def settings(tmp_path):
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.mark.parametrize(
    ("system", "expected"),
    [
        ("zh_CN", i18n.CHINESE),
        ("zh_SG", i18n.CHINESE),
        ("zh_TW", i18n.ENGLISH),  # Traditional Chinese has no catalogue: English, not zh_CN
        ("zh_HK", i18n.ENGLISH),
        ("zh", i18n.CHINESE),
        ("en_GB", i18n.ENGLISH),
        ("de_DE", i18n.ENGLISH),
        ("C", i18n.ENGLISH),
    ],
)
def test_system_locale_picks_the_language(system, expected):
    assert i18n.resolve_language(i18n.SYSTEM, QLocale(system)) == expected


def test_setting_overrides_the_system_locale():
    assert i18n.resolve_language(i18n.ENGLISH, QLocale("zh_CN")) == i18n.ENGLISH
    assert i18n.resolve_language(i18n.CHINESE, QLocale("en_US")) == i18n.CHINESE


def test_language_setting_is_read_and_checked(settings):
    assert i18n.language_setting(settings) == i18n.SYSTEM
    settings.set_value(i18n.LANGUAGE_KEY, "zh_CN")
    assert i18n.language_setting(settings) == i18n.CHINESE
    settings.set_value(i18n.LANGUAGE_KEY, "klingon")
    assert i18n.language_setting(settings) == i18n.SYSTEM


def test_chinese_translates_the_window_menus(english_after, qtbot, settings, tmp_path):
    assert i18n.install_translators(english_after, i18n.CHINESE) == i18n.CHINESE
    assert i18n.current_language(english_after) == i18n.CHINESE
    window = MainWindow(tmp_path, settings)
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:2] == ["文件(&F)", "编辑(&E)"]
    assert "大纲(&O)" in titles and "帮助(&H)" in titles
    assert window.act_undo.text() == "撤销(&U)"
    assert window.act_settings.text() == "首选项(&E)…"
    assert window.outline_dock.windowTitle() == "大纲"


def test_system_chinese_locale_installs_the_catalogue(english_after, qtbot):
    assert i18n.install_translators(english_after, i18n.SYSTEM, QLocale("zh_CN")) == "zh_CN"
    names = i18n.installed_catalogues(english_after)
    assert "masthead_zh_CN.qm" in names
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    assert QCoreApplication.translate("SettingsDialog", "Preferences") == "首选项"


def test_qt_standard_buttons_are_translated_too(english_after, qtbot):
    i18n.install_translators(english_after, i18n.CHINESE)
    assert "qtbase_zh_CN.qm" in i18n.installed_catalogues(english_after)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_switching_back_to_english_removes_the_catalogues(english_after, qtbot, tmp_path):
    i18n.install_translators(english_after, i18n.CHINESE)
    assert i18n.install_translators(english_after, i18n.ENGLISH) == i18n.ENGLISH
    # Only the English plural forms stay: Qt's own Chinese catalogues are gone.
    assert i18n.installed_catalogues(english_after) == ["masthead_en.qm"]
    assert i18n.current_language(english_after) == i18n.ENGLISH
    assert QCoreApplication.translate("SettingsDialog", "Preferences") == "Preferences"
    assert isinstance(QApplication.instance(), QApplication)


def test_missing_catalogue_falls_back_to_english(english_after, monkeypatch, tmp_path):
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    assert i18n.install_translators(english_after, i18n.CHINESE) == i18n.ENGLISH
    assert i18n.installed_catalogues(english_after) == []


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        (i18n.ENGLISH, "1 image", "2 images"),
        (i18n.CHINESE, "1 张图片", "2 张图片"),
    ],
)
def test_counts_take_the_plural_forms_of_the_ui_language(english_after, language, one, two):
    """tr(text, "", n) reads "%n image(s)" as "1 image" / "2 images", never "1 images"."""
    i18n.install_translators(english_after, language)
    assert QCoreApplication.translate("ImagePanel", "%n image(s)", None, 1) == one
    assert QCoreApplication.translate("ImagePanel", "%n image(s)", None, 2) == two
    used = QCoreApplication.translate("ImageAssetModel", "Used by %n card(s): %1", None, 1)
    assert used == ("Used by 1 card: %1" if language == i18n.ENGLISH else "1 张卡片使用：%1")


def test_chinese_ui_shows_problems_and_statuses_from_the_core_catalog(
    english_after, qtbot, issue_folder
):
    from editor_app.core.problem_codes import problem
    from editor_app.gui.document import IssueDocument
    from editor_app.gui.issue_properties import IssuePropertiesDialog
    from editor_app.gui.panels.export_problems import ProblemList

    item = problem("missing-alt", card="c1", url="assets/a.png", name="Alpha")
    i18n.install_translators(english_after, i18n.CHINESE)
    problems = ProblemList()
    qtbot.addWidget(problems)
    problems.set_problems([item])
    assert problems.item(0).text() == "“Alpha”中的图片“assets/a.png”没有替代文字"
    document = IssueDocument(issue_folder, autosave_ms=100000)
    dialog = IssuePropertiesDialog(document)
    qtbot.addWidget(dialog)
    names = [dialog.status.itemText(i) for i in range(dialog.status.count())]
    assert names == ["草稿", "审阅中", "待发布", "已发布"]

    i18n.install_translators(english_after, i18n.ENGLISH)
    problems.set_problems([item])
    assert problems.item(0).text() == item.message
    dialog = IssuePropertiesDialog(document)
    qtbot.addWidget(dialog)
    assert dialog.status.itemText(0) == "Draft"


def test_chinese_ui_shows_asset_flags_and_reasons_by_code(english_after, qtbot):
    from editor_app.core.images import AssetInfo
    from editor_app.gui.panels.image_asset_model import AssetRow, ImageAssetModel

    info = AssetInfo("assets/wide.png", True, bytes=1000, width=2400, height=600)
    info.problems = ["oversize", "missing-alt", "unused"]
    row = AssetRow(info)
    i18n.install_translators(english_after, i18n.CHINESE)
    model = ImageAssetModel()
    texts = [text for text, _colour in model.problem_texts(row)]
    assert texts == ["过大（宽 2400 像素，超过 1600）", "缺少替代文字", "未使用"]
    i18n.install_translators(english_after, i18n.ENGLISH)
    texts = [text for text, _colour in model.problem_texts(row)]
    assert texts == ["Too large (2400 px wide, more than 1600)", "No alt text", "Unused"]
