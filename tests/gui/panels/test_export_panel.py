"""The export panel: settings in issue.yaml, preflight, export off the UI thread, result."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from editor_app.core.export.base import ExportOptions
from editor_app.core.export.registry import EXPORTS
from editor_app.core.model import Issue
from editor_app.core.outline import add_card
from editor_app.core.storage import load_issue, save_issue
from editor_app.gui.document import IssueDocument
from editor_app.gui.panels.export_form import ExportForm
from editor_app.gui.panels.export_job import ExportJob
from editor_app.gui.panels.export_labels import MARKED, shown_strings
from editor_app.gui.panels.export_panel import ExportPanel
from editor_app.gui.panels.export_problems import CardRole
from editor_app.gui.panels.export_settings import ExportSettings, resolve_out, store_out
from tests.core.export.export_helpers import registry_with_text

# A 1x1 PNG, so the export has an image to copy (more than one progress step).
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@pytest.fixture
def folder(issue_folder: Path) -> Path:
    """The shared test issue plus one image referenced from the first card."""
    issue = load_issue(issue_folder)
    (issue_folder / "assets").mkdir(exist_ok=True)
    (issue_folder / "assets" / "chart.png").write_bytes(PNG)
    first = issue.cards[issue.sections[0].card_ids[0]]
    first.body += "\n\n![部署架构图 deployment chart](assets/chart.png)\n"
    save_issue(issue, issue_folder)
    return issue_folder


@pytest.fixture
def doc(qtbot, folder):
    document = IssueDocument(folder, autosave_ms=100)
    yield document
    document.close()


@pytest.fixture
def panel(qtbot, doc):
    widget = ExportPanel(doc)
    qtbot.addWidget(widget)
    widget.resize(420, 760)
    return widget


def choose(panel: ExportPanel, fmt: str, profile: str, out: Path | None = None) -> None:
    panel.format_combo.setCurrentIndex(panel.format_combo.findData(fmt))
    panel.profile_combo.setCurrentIndex(panel.profile_combo.findData(profile))
    if out is not None:
        panel.out_edit.setText(str(out))
        panel.out_edit.editingFinished.emit()


def run_export(qtbot, panel: ExportPanel) -> list[Path]:
    with qtbot.waitSignal(panel.exportFinished, timeout=15000) as blocker:
        qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def test_export_writes_files_and_progress_reaches_100(qtbot, panel, tmp_path):
    out = tmp_path / "site" / "content"
    choose(panel, "markdown", "hugo", out)
    seen: list[int] = []
    panel.progress.valueChanged.connect(seen.append)

    files = run_export(qtbot, panel)

    page = out / "test-issue" / "index.md"
    image = out / "test-issue" / "chart.png"
    assert files == [page, image]
    assert "Alpha 发布" in page.read_text("utf-8")
    assert image.read_bytes() == PNG
    assert panel.progress.value() == 100 and seen[-1] == 100
    assert len(seen) >= 2  # it moved through the files, not straight to the end
    rows = [panel.result_list.item(i).text() for i in range(panel.result_list.count())]
    assert rows == ["test-issue/index.md", "test-issue/chart.png"]
    assert "Exported" in panel.status.text()
    assert panel.open_folder_button.isEnabled()
    assert not panel.open_browser_button.isEnabled()  # Markdown: nothing to browse
    assert panel.export_button.isEnabled() and not panel.cancel_button.isEnabled()


def test_html_export_opens_folder_and_page(qtbot, panel, tmp_path, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    out = tmp_path / "www"
    choose(panel, "html", "site", out)
    files = run_export(qtbot, panel)
    assert out / "index.html" in files
    assert (out / "assets" / "chart.png").read_bytes() == PNG

    qtbot.mouseClick(panel.open_browser_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [str(out / "index.html"), str(out)]

    choose(panel, "html", "single-file")
    files = run_export(qtbot, panel)
    assert files == [out / "test-issue.html"]
    qtbot.mouseClick(panel.open_browser_button, Qt.MouseButton.LeftButton)
    assert opened[-1] == str(out / "test-issue.html")


def add_empty_card(doc: IssueDocument) -> str:
    """An error-level problem (empty-card), added the way the outline adds cards."""
    section_id = doc.issue.sections[1].id
    return doc.edit_outline(
        "Add card", lambda i: add_card(i, section_id, "空白卡片"), lambda c: [c.id]
    ).id


def test_preflight_error_blocks_export_unless_forced(qtbot, panel, doc, tmp_path):
    card_id = add_empty_card(doc)
    out = tmp_path / "out"
    choose(panel, "markdown", "plain", out)

    with qtbot.waitSignal(panel.exportFailed, timeout=15000) as blocker:
        qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert "Export anyway" in blocker.args[0]
    assert panel.status.text() == blocker.args[0]
    assert not out.exists()  # nothing written
    errors = [p for p in panel.problem_list.problems if p.severity == "error"]
    assert [(p.code, p.card) for p in errors] == [("empty-card", card_id)]
    assert panel.result_list.files == []

    panel.force_check.setChecked(True)
    files = run_export(qtbot, panel)
    assert files[0] == out / "test-issue.md" and files[0].is_file()


def test_settings_round_trip_through_issue_yaml(qtbot, panel, doc, folder, tmp_path):
    out = tmp_path / "site"
    choose(panel, "html", "single-file", out)
    panel.remote_check.setChecked(True)
    choose(panel, "markdown", "jekyll")
    panel.prefix_edit.setText("https://cdn.example.com/img")
    panel.prefix_edit.editingFinished.emit()
    assert doc.save()

    stored = load_issue(folder).export
    assert stored == {
        "format": "markdown",
        "profile": "jekyll",
        "out": "../site",  # beside the library: stored relative to the issue folder
        "image_prefix": "https://cdn.example.com/img",
        "allow_remote": True,
    }
    # What `masthead export ISSUE` makes of it.
    assert resolve_out(folder, stored["out"]) == out
    assert ExportOptions.from_settings(stored).profile == "jekyll"

    # A new panel on the reopened issue shows the same settings.
    doc.close()
    other = IssueDocument(folder)
    again = ExportPanel(other)
    qtbot.addWidget(again)
    assert again.format_combo.currentData() == "markdown"
    assert again.profile_combo.currentData() == "jekyll"
    assert Path(again.out_edit.text()) == out
    assert again.prefix_edit.text() == "https://cdn.example.com/img"
    assert again.remote_check.isChecked()
    assert again.settings().to_mapping() == stored
    other.close()


def test_settings_change_is_undoable_and_panel_follows(qtbot, panel, doc):
    choose(panel, "html", "site")
    assert doc.issue.export["format"] == "html"
    doc.undo_stack.undo()
    assert doc.issue.export.get("format", "markdown") == "markdown"
    assert panel.format_combo.currentData() == "markdown"
    assert panel.profile_combo.currentData() == "hugo"


def test_unknown_export_keys_are_kept(doc):
    doc.issue.export = {"format": "html", "profile": "site", "note": "kept"}
    mapping = ExportSettings.from_mapping(doc.issue.export).to_mapping(doc.issue.export)
    assert mapping["note"] == "kept" and mapping["profile"] == "site"


def test_problem_double_click_and_enter_emit_jump(qtbot, panel, doc):
    card_id = add_empty_card(doc)
    qtbot.waitUntil(lambda: card_id in [p.card for p in panel.problem_list.problems], timeout=10000)
    plist = panel.problem_list
    row = next(i for i in range(plist.count()) if plist.item(i).data(CardRole) == card_id)
    item = plist.item(row)
    assert "空白卡片" in item.text()
    panel.show()
    qtbot.waitExposed(panel)
    plist.scrollToItem(item)
    center = plist.visualItemRect(item).center()

    with qtbot.waitSignal(panel.jumpToCard, timeout=3000) as blocker:
        # A real double-click starts with a press: the view only opens the row pressed.
        qtbot.mouseClick(plist.viewport(), Qt.MouseButton.LeftButton, pos=center)
        qtbot.mouseDClick(plist.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert blocker.args == [card_id]

    plist.setCurrentRow(row)
    plist.setFocus()
    with qtbot.waitSignal(panel.jumpToCard, timeout=3000) as blocker:
        qtbot.keyClick(plist, Qt.Key.Key_Return)
    assert blocker.args == [card_id]


def test_browse_chooses_folder_and_refuses_issue_folder(
    qtbot, panel, doc, folder, tmp_path, monkeypatch
):
    target = tmp_path / "chosen"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(target))
    qtbot.mouseClick(panel.browse_button, Qt.MouseButton.LeftButton)
    assert panel.output_folder() == target
    assert doc.issue.export["out"] == "../chosen"

    # Inside the issue folder the export would mix with the issue's own files.
    panel.out_edit.setText(str(folder / "export"))
    panel.out_edit.editingFinished.emit()
    assert "outside the issue folder" in panel.status.text()
    assert doc.issue.export["out"] == "../chosen"
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert not panel.is_running() and not (folder / "export").exists()


def test_default_output_folder_is_outside_the_issue(
    qtbot, panel, doc, folder, tmp_path, monkeypatch
):
    home = tmp_path / "home"
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: home))
    panel.set_document(doc)  # placeholder and default follow the (patched) home
    assert panel.out_edit.text() == ""
    assert panel.output_folder() == home / "Masthead Exports"
    files = run_export(qtbot, panel)
    # The profile's layout adds the one level named for the issue.
    assert files[0] == home / "Masthead Exports" / "test-issue" / "index.md"
    assert not (home / "Masthead Exports" / "test-issue" / "test-issue").exists()
    # Stored so that `masthead export ISSUE` repeats it.
    assert resolve_out(folder, doc.issue.export["out"]) == home / "Masthead Exports"


def test_store_out_relative_only_inside_the_library_tree(tmp_path):
    issue = tmp_path / "repo" / "issues" / "2024-05"
    assert store_out(issue, tmp_path / "repo" / "site" / "content") == "../../site/content"
    assert store_out(issue, Path("/elsewhere/out")) == "/elsewhere/out"
    assert resolve_out(issue, "../../site/content") == tmp_path / "repo" / "site" / "content"


def test_cancelled_job_writes_nothing(qtbot, doc, tmp_path):
    job = ExportJob("markdown", doc.issue, tmp_path / "out", ExportOptions(profile="plain"))
    job.cancel()
    with qtbot.waitSignal(job.cancelled, timeout=10000) as blocker:
        job.start()
    assert blocker.args == [0]
    assert not (tmp_path / "out").exists()


def test_without_document_the_panel_is_idle(qtbot, panel, doc):
    panel.set_document(None)
    assert not panel.export_button.isEnabled()
    assert panel.problem_list.count() == 0
    panel.export()  # nothing to do, no error
    panel.set_document(doc)
    assert panel.export_button.isEnabled()
    assert panel.profile_combo.currentData() == "hugo"


def test_masthead_export_repeats_the_panels_export(qtbot, panel, doc, folder, tmp_path, capsys):
    from editor_app.cli import main

    out = tmp_path / "www"
    choose(panel, "html", "single-file", out)
    panel_files = run_export(qtbot, panel)
    page = panel_files[0].read_bytes()
    panel_files[0].unlink()
    assert doc.save()

    assert main(["export", str(folder)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert [Path(p).resolve() for p in printed] == [(out / "test-issue.html").resolve()]
    assert (out / "test-issue.html").read_bytes() == page


def test_remote_images_note_follows_the_check_box(qtbot, panel, doc):
    first = doc.issue.sections[0].card_ids[0]
    body = doc.issue.cards[first].body
    doc.set_field(first, "body", body + "\n\n![远程图 remote chart](https://img.example.org/a.png)")
    choose(panel, "html", "single-file")
    panel.refresh_problems()

    def notes() -> list[str]:
        return [p.message for p in panel.problem_list.problems if p.severity == "info"]

    assert notes() == [
        "1 remote image stays remote: it loads from its site when the file is opened"
    ]
    # A note is not a warning: the summary does not count it.
    warnings = [p for p in panel.problem_list.problems if p.severity == "warning"]
    assert panel.problem_list.warning_count() == len(warnings)
    panel.remote_check.setChecked(True)
    assert notes()[0].startswith("1 remote image will be embedded")
    assert panel.problem_list.item(panel.problem_list.count() - 1).text() == notes()[0]


def test_remote_image_limit_comes_from_issue_yaml(panel, doc):
    choose(panel, "html", "site")
    assert panel.options().remote_image_max_bytes == 5_000_000
    mapping = dict(doc.issue.export or {}, remote_image_max_mb=2)
    doc.set_issue_field("export", mapping, "limit")
    assert panel.options().remote_image_max_bytes == 2_000_000
    panel.remote_check.setChecked(True)  # the panel keeps keys it does not show
    assert doc.issue.export["remote_image_max_mb"] == 2


def test_form_lists_the_registrys_formats_and_options(qtbot):
    registry = registry_with_text()
    form = ExportForm(registry=registry)
    qtbot.addWidget(form)
    formats = [form.format_combo.itemData(i) for i in range(form.format_combo.count())]
    assert formats == ["markdown", "html", "wechat", "email", "text"]
    assert form.format_combo.itemText(4) == "Plain text"
    form.format_combo.setCurrentIndex(4)
    assert form.profile_combo.count() == 1 and form.profile_combo.currentText() == "Text file"
    visible = [k for k, w in form.option_widgets.items() if form.form.isRowVisible(w)]
    assert visible == ["force"]  # the text format takes no option of its own
    form.update_for_issue(Issue(title="T", slug="my-issue"), "/tmp/out")
    assert form.profile_hint.text() == "Writes my-issue.txt."
    form.format_combo.setCurrentIndex(0)
    visible = [k for k, w in form.option_widgets.items() if form.form.isRowVisible(w)]
    assert visible == ["image_prefix", "force"]
    form.format_combo.setCurrentIndex(2)  # WeChat: the channel style's settings
    visible = [k for k, w in form.option_widgets.items() if form.form.isRowVisible(w)]
    assert visible == ["allow_remote", "accent_color", "body_font_size", "force"]


def test_every_registry_string_is_marked_for_translation():
    # The catalogue only holds what export_labels.py marks; an unmarked label shows in English.
    assert shown_strings(EXPORTS) <= set(MARKED)


def test_panel_options_follow_the_format(panel):
    panel.prefix_edit.setText("https://cdn/")
    panel.remote_check.setChecked(True)
    choose(panel, "markdown", "plain")
    options = panel.options()
    assert options.image_prefix == "https://cdn/" and not options.allow_remote
    choose(panel, "html", "site")
    options = panel.options()
    assert options.image_prefix == "" and options.allow_remote and options.profile == "site"


def test_channel_style_settings_are_kept_in_issue_yaml(panel, doc):
    choose(panel, "wechat", "wechat")
    edit = panel.form.option_widgets["accent_color"]
    edit.setText("#aa3300")
    edit.editingFinished.emit()
    size = panel.form.option_widgets["body_font_size"]
    size.setText("17")
    size.editingFinished.emit()
    assert doc.issue.export["format"] == "wechat"
    assert doc.issue.export["accent_color"] == "#aa3300"
    assert doc.issue.export["body_font_size"] == "17"
    options = panel.options()
    assert (options.accent_color, options.body_font_size) == ("#aa3300", "17")
    # A value the style cannot use is listed before the export runs.
    edit.setText("crimson")
    edit.editingFinished.emit()
    panel.refresh_problems()
    assert "style-setting" in {p.code for p in panel.problem_list.problems}


@pytest.mark.parametrize(("language", "wrote"), [("en", "wrote "), ("zh_CN", "已写入 ")])
def test_progress_steps_are_said_in_the_ui_language(qtbot, doc, tmp_path, qapp, language, wrote):
    from editor_app.gui import i18n

    i18n.install_translators(qapp, language)
    try:
        job = ExportJob("markdown", doc.issue, tmp_path / "out", ExportOptions(profile="plain"))
        steps: list[str] = []
        job.progress.connect(lambda _step, _total, message: steps.append(message))
        with qtbot.waitSignal(job.finished, timeout=10000):
            job.start()
    finally:
        i18n.install_translators(qapp, i18n.ENGLISH)
    assert any(s.startswith(wrote) for s in steps), steps
    assert steps[-1] == ("done" if language == "en" else "完成")
