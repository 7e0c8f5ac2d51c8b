"""The card editor's image hook: pipeline into assets/, alt text dialog, Markdown returned."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QSettings
from PySide6.QtWidgets import QDialogButtonBox

from editor_app.core.errors import MastheadError
from editor_app.core.images.names import NAMES_FILE, original_names
from editor_app.core.model import Issue
from editor_app.core.outline import add_card, add_section
from editor_app.core.storage import save_issue
from editor_app.gui import image_import, workers
from editor_app.gui.app_settings import AppSettings
from editor_app.gui.document import IssueDocument
from editor_app.gui.editor import CardEditor
from editor_app.gui.image_import import AltTextDialog, alt_from_name, make_image_importer


def png_bytes(width: int = 800, height: int = 400) -> bytes:
    image = Image.new("RGB", (width, height), "white")
    for x in range(0, width, 40):
        for y in range(height):
            image.putpixel((x, y), (30, 90, 200))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def jpeg_file(path: Path, width: int = 3000, height: int = 2000) -> Path:
    # A noisy gradient: a photograph as far as the pipeline can tell.
    image = Image.effect_noise((width, height), 60).convert("RGB")
    image.save(path, "JPEG", quality=90)
    return path


def dispose(*objects) -> None:
    """Free Qt objects on this thread (see tests/gui/panels/test_link_panel.py)."""
    workers.wait_for_workers(30)
    QCoreApplication.processEvents()
    for obj in objects:
        if isinstance(obj, IssueDocument):
            obj.close()
        obj.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    qs = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    qs.setValue("images/maxWidth", 640)
    return AppSettings(qs)


@pytest.fixture
def doc(qtbot, tmp_path):
    issue = Issue(title="Images")
    section = add_section(issue, "S")
    card = add_card(issue, section.id, "Card")
    card.body = "Intro.\n"
    save_issue(issue, tmp_path / "issue")
    document = IssueDocument(tmp_path / "issue", autosave_ms=100000)
    yield document
    dispose(document)


@pytest.fixture
def answers(monkeypatch):
    """Replace the alt-text dialog: each call pops the next answer (None = Cancel)."""
    queue: list[str | None] = []
    asked: list[tuple[Path | None, str, str]] = []

    def fake(parent, path, alt="", detail=""):  # noqa: ANN001
        asked.append((path, alt, detail))
        return queue.pop(0)

    monkeypatch.setattr(image_import, "ask_alt_text", fake)
    return queue, asked


def test_pasted_bytes_become_an_asset_and_markdown(doc, settings, answers):
    queue, asked = answers
    queue.append("流量分布示意图 traffic chart")
    importer = make_image_importer(doc, None, settings)

    markdown = importer(png_bytes(), "pasted-image.png")

    assert markdown.startswith("![流量分布示意图 traffic chart](assets/")
    asset = markdown.split("](", 1)[1].rstrip(")")
    with Image.open(doc.folder / asset) as stored:
        assert stored.width == 640  # the max-width setting, not the default 1600
    path, suggested, detail = asked[0]
    assert path == doc.folder / asset and path.is_file()
    assert suggested == ""  # a clipboard name suggests nothing
    assert "640 × 320 px" in detail


def test_dropped_file_is_processed_and_named_by_content(doc, settings, answers, tmp_path):
    queue, asked = answers
    queue += ["集群拓扑照片", "again"]
    photo = jpeg_file(tmp_path / "cluster-topology.jpg")
    importer = make_image_importer(doc, None, settings)

    first = importer(photo, photo.name)
    second = importer(photo, photo.name)

    assert first.startswith("![集群拓扑照片](assets/") and first.endswith(".jpg)")
    assert second.split("](")[1] == first.split("](")[1]  # the same image is stored once
    assert asked[0][1] == "cluster topology"  # suggested from a descriptive file name
    stored = sorted(p.name for p in (doc.folder / "assets").iterdir())
    # One image, and beside it the name it was dropped as.
    assert len(stored) == 2 and stored[0] == NAMES_FILE
    assert original_names(doc.folder) == {stored[1]: "cluster-topology.jpg"}


def test_cancel_returns_nothing_and_leaves_no_file(doc, settings, answers):
    queue, _ = answers
    queue.append(None)
    importer = make_image_importer(doc, None, settings)
    assert importer(png_bytes(), "pasted-image.png") == ""
    assets = doc.folder / "assets"
    assert not assets.exists() or not any(assets.iterdir())


def test_refused_images_raise_a_clear_masthead_error(doc, settings, answers, tmp_path):
    importer = make_image_importer(doc, None, settings)
    fake = tmp_path / "notes.png"
    fake.write_text("this is not an image", "utf-8")
    with pytest.raises(MastheadError) as error:
        importer(fake, fake.name)
    assert "Cannot import the image" in str(error.value) and "notes.png" in str(error.value)

    truncated = png_bytes()[:300]
    with pytest.raises(MastheadError):
        importer(truncated, "pasted-image.png")
    assert not (doc.folder / "assets").exists() or not any((doc.folder / "assets").iterdir())


def test_formats_switched_off_in_preferences_are_refused(doc, settings, answers):
    settings.set_value("images/formats", ["JPEG", "WEBP"])
    importer = make_image_importer(doc, None, settings)
    with pytest.raises(MastheadError) as error:
        importer(png_bytes(), "pasted-image.png")
    assert "PNG images are switched off" in str(error.value)


def test_read_only_issue_refuses(doc, settings, answers):
    doc.read_only = True
    with pytest.raises(MastheadError):
        make_image_importer(doc, None, settings)(png_bytes(), "x.png")


def test_editor_paste_inserts_the_markdown(qtbot, doc, settings, answers):
    queue, _ = answers
    queue.append("部署流程 deployment steps")
    editor = CardEditor(doc)
    editor.set_image_importer(make_image_importer(doc, editor, settings))
    card_id = doc.issue.ordered_cards()[0].id
    editor.show_card(card_id)
    cursor = editor.body_edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.body_edit.setTextCursor(cursor)

    mime = QMimeData()  # given straight to the editor, never to the clipboard
    mime.setData("image/png", png_bytes(300, 200))
    editor.body_edit.insertFromMimeData(mime)

    body = doc.card(card_id).body
    assert "![部署流程 deployment steps](assets/" in body
    assert body.startswith("Intro.")
    dispose(editor)


def test_alt_dialog_refuses_empty_and_generic_text(qtbot, tmp_path):
    path = tmp_path / "a.png"
    path.write_bytes(png_bytes(200, 100))
    dialog = AltTextDialog(path, "", "200 × 100 px")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and dialog.hint.text()
    dialog.edit.setText("An image to describe post")
    assert not ok.isEnabled() and "describe" in dialog.hint.text()
    dialog.edit.setText("  请求 延迟 对比图  ")
    assert ok.isEnabled()
    assert dialog.alt() == "请求 延迟 对比图"
    assert dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull()
    dispose(dialog)


@pytest.mark.parametrize(
    ("name", "alt"),
    [
        ("survey-top-challenges.png", "survey top challenges"),
        ("IMG_2041.jpg", ""),
        ("pasted-image.png", ""),
        ("0123456789abcdef.png", ""),
        ("架构图.png", "架构图"),
    ],
)
def test_alt_suggested_from_the_file_name(name, alt):
    assert alt_from_name(name) == alt


def test_busy_dialog_is_gone_after_processing(qtbot, monkeypatch):
    import time

    from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

    from editor_app.gui import image_import

    monkeypatch.setattr(image_import, "BUSY_DELAY_MS", 10)
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    assert image_import.run_blocking(lambda: time.sleep(0.3) or 42, parent, "busy") == 42
    qtbot.wait(100)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
    assert not [d for d in dialogs if d.isVisible()]
    assert not parent.findChildren(QProgressDialog)
