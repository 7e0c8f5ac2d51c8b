"""The export panel warns when a draft goes to Hugo or Jekyll, as `masthead export` does."""

from __future__ import annotations

import pytest

from editor_app.core.model import Status
from editor_app.gui.document import IssueDocument
from editor_app.gui.panels.export_panel import ExportPanel
from editor_app.gui.panels.export_problems import CodeRole


@pytest.fixture
def doc(qtbot, issue_folder):
    document = IssueDocument(issue_folder, autosave_ms=100)
    yield document
    document.close()


def shown_codes(panel: ExportPanel) -> list[str]:
    items = [panel.checks.list.item(i) for i in range(panel.checks.list.count())]
    return [item.data(CodeRole) for item in items]


def choose(panel: ExportPanel, fmt: str, profile: str) -> None:
    panel.format_combo.setCurrentIndex(panel.format_combo.findData(fmt))
    panel.profile_combo.setCurrentIndex(panel.profile_combo.findData(profile))


def test_draft_warning_follows_profile_and_status(qtbot, doc) -> None:
    panel = ExportPanel(doc)
    qtbot.addWidget(panel)
    doc.issue.status = Status.DRAFT
    choose(panel, "markdown", "hugo")
    panel.refresh_problems()
    assert "draft-export" in shown_codes(panel)
    row = shown_codes(panel).index("draft-export")
    item = panel.checks.list.item(row)
    assert "Hugo will not publish it unless built with -D" in item.text()
    assert "Warning" in item.toolTip()
    choose(panel, "markdown", "plain")
    panel.refresh_problems()
    assert "draft-export" not in shown_codes(panel)
    choose(panel, "markdown", "jekyll")
    panel.refresh_problems()
    assert "draft-export" in shown_codes(panel)
    doc.issue.status = Status.PUBLISHED
    panel.refresh_problems()
    assert "draft-export" not in shown_codes(panel)
