from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox

from editor_app.gui.new_issue_dialog import NewIssueDialog


def test_slug_follows_title_until_edited(qtbot):
    dialog = NewIssueDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.title.setText("Cloud Native Weekly 12")
    assert dialog.slug.text() == "cloud-native-weekly-12"
    assert ok.isEnabled()
    dialog.date.setDate(QDate(2026, 12, 1))
    assert dialog.values() == ("Cloud Native Weekly 12", None, dt.date(2026, 12, 1))
    qtbot.keyClicks(dialog.slug, "-x")
    dialog.title.setText("Another")
    assert dialog.values()[1] == "cloud-native-weekly-12-x"


def test_chinese_title_gets_a_dated_folder(qtbot):
    dialog = NewIssueDialog()
    qtbot.addWidget(dialog)
    dialog.date.setDate(QDate(2026, 11, 30))
    dialog.title.setText("云原生月刊")
    assert dialog.slug.text() == "issue-2026-11-30"
