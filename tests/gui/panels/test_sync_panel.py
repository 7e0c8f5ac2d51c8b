"""The Sync panel on two real clones: status, commit, sync, a conflict resolved by choice."""

from __future__ import annotations

from editor_app.core.storage import load_issue, save_issue
from editor_app.gui.conflict_dialog import ConflictDialog
from editor_app.gui.document import TAKE_THEIRS
from editor_app.gui.panels.sync_panel import SyncPanel


def make_panel(qtbot, library, saves=None):
    calls = saves if saves is not None else []
    panel = SyncPanel(library, lambda: calls.append(1) is None)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.summary.text() != "")
    return panel


def wait_idle(qtbot, panel):
    qtbot.waitUntil(
        lambda: not panel.busy and panel.commit_button.isEnabled() is True, timeout=20000
    )


def retitle(folder, title):
    issue = load_issue(folder)
    issue.title = title
    save_issue(issue, folder)


def test_a_folder_outside_git_says_so_and_offers_nothing(qtbot, tmp_path):
    panel = make_panel(qtbot, tmp_path)
    assert "not in a git repository" in panel.summary.text()
    assert not panel.sync_button.isEnabled() and not panel.commit_button.isEnabled()


def test_commit_then_sync_with_a_conflict_resolved_in_the_dialog(qtbot, library_clones):
    ana, ben = library_clones
    retitle(ana / "test-issue", "Ana's title")
    ana_panel = make_panel(qtbot, ana)
    qtbot.waitUntil(lambda: ana_panel.files.count() == 1)
    assert ana_panel.files.item(0).text() == "changed  test-issue · issue.yaml"
    assert ana_panel.files.item(0).toolTip() == "test-issue/issue.yaml"
    ana_panel.message.setText("Ana retitles")
    ana_panel.commit_button.click()
    wait_idle(qtbot, ana_panel)
    ana_panel.sync()
    wait_idle(qtbot, ana_panel)
    assert ana_panel.result.text() == "Synced."

    saves: list[int] = []
    retitle(ben / "test-issue", "Ben's title")
    panel = make_panel(qtbot, ben, saves)
    panel.message.setText("Ben retitles")
    panel.commit()
    wait_idle(qtbot, panel)
    panel.sync()
    wait_idle(qtbot, panel)
    assert saves, "the open issue is saved before git runs"
    assert "conflicts" in panel.result.text()
    qtbot.waitUntil(lambda: panel.files.count() == 1 and "CONFLICT" in panel.files.item(0).text())

    shown = []

    class ChooseTheirs(ConflictDialog):
        def exec(self):
            shown.append((self.views[0].toPlainText(), self.views[1].toPlainText()))
            self._choose(TAKE_THEIRS)
            return 1

    panel.resolve("test-issue/issue.yaml", ChooseTheirs)
    mine, theirs = shown[0]
    assert "Ben's title" in mine and "Ana's title" in theirs
    assert "<<<<<<<" not in mine + theirs
    qtbot.waitUntil(lambda: "Commit finishes the merge" in panel.summary.text())
    panel.commit()
    wait_idle(qtbot, panel)
    assert load_issue(ben / "test-issue").title == "Ana's title"
    qtbot.waitUntil(lambda: panel.summary.text() == "Everything is committed.")
