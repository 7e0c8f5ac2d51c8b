"""File > Import: the dialog imports off the UI thread and reports the importer's guesses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from editor_app.core.storage import load_issue
from editor_app.gui.import_dialog import ImportDialog

NEWSLETTER = """\
# Weekly Notes 12

## 📰 News

1. [Alpha released](https://example.org/alpha)

Alpha ships a new scheduler.

2、[Beta interview](https://example.org/beta)

A talk with the Beta team.

## 🧰 Tools

**1、Gamma**

原文：[Gamma tool](https://example.com/gamma)

A small tool for big clusters.
"""


def guesses_shown(dialog: ImportDialog) -> list[str]:
    return [dialog.guess_list.item(i).text() for i in range(dialog.guess_list.count())]


def make_dialog(qtbot, library: Path, path: Path | None = None) -> ImportDialog:
    dialog = ImportDialog(library, None, path)
    qtbot.addWidget(dialog)
    return dialog


def test_imports_markdown_and_reports_guesses(qtbot, tmp_path, monkeypatch):
    source = tmp_path / "in" / "weekly-12.md"
    source.parent.mkdir()
    source.write_text(NEWSLETTER, encoding="utf-8")
    library = tmp_path / "library"
    dialog = make_dialog(qtbot, library)
    assert not dialog.import_button.isEnabled()  # no file yet
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), "Newsletter files")
    )
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert dialog.path_edit.text() == str(source)

    with qtbot.waitSignal(dialog.imported, timeout=10000) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    folder = blocker.args[0]
    assert folder == dialog.imported_folder == library / "weekly-notes-12"
    issue = load_issue(folder)
    assert issue.title == "Weekly Notes 12"
    assert [c.title for c in issue.ordered_cards()] == [
        "Alpha released",
        "Beta interview",
        "Gamma",
    ]
    shown = guesses_shown(dialog)
    assert shown and all(g.message in " ".join(shown) for g in dialog.guesses)
    assert len(shown) == len(dialog.guesses) == 5
    assert any("no date found" in text for text in shown)
    assert shown[0].startswith("Line 5:") and "numbered link" in shown[0]
    assert any(text.startswith("Line 15:") and "source" in text for text in shown)
    assert "2 sections, 3 cards." in dialog.status.text()
    # Done: the form is locked (a second click would import twice) and Open is offered.
    assert not dialog.import_button.isEnabled()
    assert dialog.open_button.isEnabled()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_plain_text_with_format_and_slug(qtbot, tmp_path):
    source = tmp_path / "copied.dat"  # no telling suffix: the format is chosen by hand
    source.write_text(
        "第 3 期 周报\n\n📰 专题一：新闻\n\n1. Alpha 发布\nAlpha released\n\n"
        "正文一段。\n\n2. Beta 访谈\nBeta interview\n\n正文两段。\n",
        encoding="utf-8",
    )
    dialog = make_dialog(qtbot, tmp_path / "lib", source)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("text"))
    dialog.slug_edit.setText("issue-3")
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.start_import()
    assert dialog.imported_folder == tmp_path / "lib" / "issue-3"
    assert len(load_issue(dialog.imported_folder).cards) == 2
    assert dialog.guess_list.count() >= 1


def test_error_names_the_file_and_line(qtbot, tmp_path):
    source = tmp_path / "broken.md"
    source.write_bytes("# Title\n\n## News\n\nbad \xff byte\n".encode("latin-1"))
    library = tmp_path / "lib"
    dialog = make_dialog(qtbot, library, source)
    with qtbot.waitSignal(dialog.failed, timeout=10000) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    message = blocker.args[0]
    assert f"{source}:5" in message and "UTF-8" in message
    assert dialog.status.text() == message
    assert dialog.imported_folder is None
    assert not library.exists() or not any(library.iterdir())  # nothing created
    assert dialog.import_button.isEnabled()  # fix the file and try again
    assert not dialog.open_button.isEnabled()


def test_bad_slug_is_refused(qtbot, tmp_path):
    source = tmp_path / "n.md"
    source.write_text(NEWSLETTER, encoding="utf-8")
    dialog = make_dialog(qtbot, tmp_path / "lib", source)
    dialog.slug_edit.setText("no spaces please")
    with qtbot.waitSignal(dialog.failed, timeout=10000) as blocker:
        dialog.start_import()
    assert "slug" in blocker.args[0]
    assert dialog.imported_folder is None


def test_new_guesses_are_listed(qtbot, tmp_path):
    """Bare numbered items, sub-section categories and essay sub-headings are reported."""
    source = Path(__file__).parents[1] / "fixtures" / "import" / "shape-cn-numbered.md"
    dialog = make_dialog(qtbot, tmp_path / "library", source)
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    shown = guesses_shown(dialog)
    assert any(t.startswith("Line 31:") and "has no title on its line" in t for t in shown)
    assert any("'国内' taken as the category" in t for t in shown)
    assert any("kept as a sub-heading" in t for t in shown)
    assert any("no date found" in t for t in shown)
