"""The image panel: flags, thumbnails, alt text for every reference, undoable removal, import."""

from __future__ import annotations

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QFileDialog, QInputDialog

from editor_app.core.model import Issue
from editor_app.core.outline import add_card, add_section
from editor_app.core.storage import read_card, save_issue
from editor_app.gui import image_import, workers
from editor_app.gui.app_settings import AppSettings
from editor_app.gui.document import IssueDocument
from editor_app.gui.panels.image_panel import ImagePanel
from editor_app.gui.panels.image_thumbs import content_hash, thumbs_dir


def png(width: int, height: int, color: str = "white") -> bytes:
    image = Image.new("RGB", (width, height), color)
    for x in range(0, width, 25):
        for y in range(height):
            image.putpixel((x, y), (200, 40, 40))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def dispose(*objects) -> None:
    """Free Qt objects on this thread (see tests/gui/panels/test_link_panel.py)."""
    workers.wait_for_workers(30)
    QCoreApplication.processEvents()
    for obj in objects:
        if isinstance(obj, IssueDocument):
            obj.close()
        elif isinstance(obj, ImagePanel):
            obj.shutdown()
        obj.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def folder(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    issue = Issue(title="图片测试 Images")
    section = add_section(issue, "S")
    first = add_card(issue, section.id, "第一篇 First")
    second = add_card(issue, section.id, "第二篇 Second")
    first.body = (
        "开头。\n\n![An image to describe post](assets/chart.png)\n\n"
        "![](assets/wide.png)\n\n![gone](assets/gone.png)\n"
    )
    second.body = "对比:\n\n![图表 chart](assets/chart.png)\n"
    second.note = '🎤 <img src="assets/chart.png" alt="image">'
    root = tmp_path / "issue"
    save_issue(issue, root)
    assets = root / "assets"
    assets.mkdir(exist_ok=True)
    (assets / "chart.png").write_bytes(png(400, 200))
    (assets / "wide.png").write_bytes(png(2400, 300, "yellow"))
    (assets / "unused.png").write_bytes(png(100, 100, "green"))
    return root, {"first": first.id, "second": second.id}


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    qs = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    qs.setValue("images/maxWidth", 1600)
    return AppSettings(qs)


@pytest.fixture
def doc(qtbot, folder):
    document = IssueDocument(folder[0], autosave_ms=100000)
    yield document
    dispose(document)


def wait_ready(qtbot, panel: ImagePanel) -> None:
    qtbot.waitUntil(
        lambda: bool(panel.model.rows) and not panel.scanner.report_running, timeout=5000
    )
    qtbot.waitUntil(
        lambda: (
            not panel.scanner.thumbs_running
            and all(r.thumb for r in panel.model.rows if r.info.exists)
        ),
        timeout=10000,
    )


@pytest.fixture
def panel(qtbot, doc, settings):
    widget = ImagePanel(doc, settings=settings)
    widget.resize(450, 600)
    widget.show()  # panels refresh while visible, as in their dock
    wait_ready(qtbot, widget)
    yield widget
    dispose(widget)


@pytest.fixture
def answers(monkeypatch):
    queue: list[str | None] = []
    asked: list[tuple] = []

    def fake(parent, path, alt="", detail=""):  # noqa: ANN001
        asked.append((path, alt, detail))
        return queue.pop(0)

    monkeypatch.setattr(image_import, "ask_alt_text", fake)
    return queue, asked


def problems(panel: ImagePanel) -> dict[str, list[str]]:
    return {row.path: row.problems for row in panel.model.rows}


def test_assets_are_listed_with_their_flags_and_users(panel, folder):
    ids = folder[1]
    found = problems(panel)
    assert found == {
        "assets/chart.png": ["generic-alt"],
        "assets/wide.png": ["oversize", "missing-alt"],
        "assets/gone.png": ["missing"],
        "assets/unused.png": ["unused"],
    }
    chart = panel.row_for("assets/chart.png")
    assert [cid for cid, _ in chart.users] == [ids["first"], ids["second"]]
    assert panel.model.users_text(chart) == "Used by 2 cards: 1/1 第一篇 First, 1/2 第二篇 Second"
    # The alt text names the image; the file name follows with the facts.
    assert chart.title == chart.info.alts[0].strip() != "chart.png"
    assert panel.model.data(panel.model.index(panel.model.rows.index(chart), 0)) == chart.title
    assert panel.model.facts(chart).startswith("chart.png · 400 × 200 · PNG · ")
    wide = panel.row_for("assets/wide.png")
    assert wide.title == "wide.png"  # no alt text: the file name, not repeated in the facts
    assert panel.model.facts(wide).startswith("2400 × ")
    assert panel.summary_label.text().startswith(f"{len(panel.model.rows)} images")
    one_user = panel.row_for("assets/wide.png")
    assert panel.model.users_text(one_user).startswith("Used by 1 card: ")
    wide = panel.row_for("assets/wide.png")
    texts = [t for t, _ in panel.model.problem_texts(wide)]
    assert texts[0].startswith("Too large (2400 px wide")
    assert texts[1] == "No alt text"
    tip = panel.model.tooltip(panel.row_for("assets/gone.png"))
    assert "Missing file" in tip
    # Problems first: the clean-looking list still puts what needs work on top.
    assert all(row.problems for row in panel.model.rows)
    assert "1 unused" in panel.summary_label.text() and "1 missing" in panel.summary_label.text()


def test_thumbnails_are_generated_off_thread_and_cached_by_content(qtbot, panel, doc, settings):
    chart = panel.row_for("assets/chart.png")
    thumb = Path(chart.thumb)
    assert thumb.parent == thumbs_dir(doc.folder)
    assert thumb.name.startswith(content_hash(doc.folder / "assets/chart.png"))
    with Image.open(thumb) as image:
        assert max(image.size) <= 128
    assert panel.row_for("assets/gone.png").thumb is None
    made = sorted(p.name for p in thumbs_dir(doc.folder).iterdir())
    assert len(made) == 3

    # A second panel reuses the cache: no new files.
    again = ImagePanel(doc, settings=settings)
    again.show()  # a panel out of sight reads nothing
    wait_ready(qtbot, again)
    assert sorted(p.name for p in thumbs_dir(doc.folder).iterdir()) == made
    assert again.row_for("assets/chart.png").thumb == chart.thumb
    dispose(again)


def test_alt_text_edit_updates_every_reference_as_one_undo_step(qtbot, panel, doc, folder, answers):
    ids = folder[1]
    queue, asked = answers
    queue.append("2026 年各版本采用率柱状图")
    first_before, second = doc.card(ids["first"]).body, doc.card(ids["second"])
    second_before = (second.body, second.note)
    steps = doc.undo_stack.count()

    assert panel.select_asset("assets/chart.png")
    assert panel.alt_action.isEnabled()
    panel.alt_action.trigger()

    assert asked[0][1] == "图表 chart"  # the dialog starts from the one meaningful alt
    assert asked[0][0] == doc.folder / "assets/chart.png"
    assert doc.undo_stack.count() == steps + 1
    assert "![2026 年各版本采用率柱状图](assets/chart.png)" in doc.card(ids["first"]).body
    assert "![2026 年各版本采用率柱状图](assets/chart.png)" in second.body
    assert 'alt="2026 年各版本采用率柱状图"' in second.note
    assert "![](assets/wide.png)" in doc.card(ids["first"]).body  # other images untouched
    doc.save()
    assert "采用率" in read_card(doc.folder, ids["second"]).body
    qtbot.waitUntil(lambda: problems(panel).get("assets/chart.png") == [], timeout=5000)

    doc.undo_stack.undo()
    assert doc.card(ids["first"]).body == first_before
    assert (second.body, second.note) == second_before


def test_removing_an_unused_asset_is_undoable(qtbot, panel, doc):
    target = doc.folder / "assets/unused.png"
    data = target.read_bytes()
    assert panel.select_asset("assets/chart.png")
    assert not panel.remove_action.isEnabled()  # a used image cannot be removed
    assert panel.select_asset("assets/unused.png")
    assert panel.remove_action.isEnabled()

    panel.remove_action.trigger()
    assert not target.exists()
    assert doc.undo_stack.undoText().startswith("Remove unused image")
    qtbot.waitUntil(lambda: panel.row_for("assets/unused.png") is None, timeout=5000)

    doc.undo_stack.undo()
    assert target.read_bytes() == data
    qtbot.waitUntil(lambda: panel.row_for("assets/unused.png") is not None, timeout=5000)
    doc.undo_stack.redo()
    assert not target.exists()
    doc.undo_stack.undo()
    assert target.is_file()


def test_remove_all_unused_is_one_step(qtbot, panel, doc):
    (doc.folder / "assets/extra.png").write_bytes(png(50, 50, "blue"))
    panel.refresh()
    qtbot.waitUntil(lambda: panel.row_for("assets/extra.png") is not None, timeout=5000)
    steps = doc.undo_stack.count()
    panel.remove_all_action.trigger()
    assert doc.undo_stack.count() == steps + 1
    assert not (doc.folder / "assets/extra.png").exists()
    assert not (doc.folder / "assets/unused.png").exists()
    doc.undo_stack.undo()
    assert (doc.folder / "assets/extra.png").is_file()
    assert (doc.folder / "assets/unused.png").is_file()


def test_insert_and_jump(qtbot, panel, folder, answers):
    ids = folder[1]
    assert panel.select_asset("assets/chart.png")
    with qtbot.waitSignal(panel.insertRequested) as inserted:
        panel.insert_action.trigger()
    assert inserted.args == ["![图表 chart](assets/chart.png)"]

    queue, _ = answers
    queue.append("一张绿色方块 green square")
    assert panel.select_asset("assets/unused.png")
    with qtbot.waitSignal(panel.insertRequested) as inserted:
        panel.insert_action.trigger()
    assert inserted.args == ["![一张绿色方块 green square](assets/unused.png)"]

    assert panel.select_asset("assets/wide.png")
    with qtbot.waitSignal(panel.jumpRequested) as jump:
        panel.view.activated.emit(panel.view.currentIndex())
    assert jump.args == [ids["first"], 5]


def test_import_image_asks_alt_and_inserts(qtbot, panel, doc, answers, tmp_path, monkeypatch):
    source = tmp_path / "big-photo.png"
    source.write_bytes(png(2000, 1000))
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(source)], ""))
    )
    queue, _ = answers
    queue.append("导入的图 imported")
    with qtbot.waitSignal(panel.insertRequested, timeout=15000) as inserted:
        panel.import_action.trigger()
    markdown = inserted.args[0]
    assert markdown.startswith("![导入的图 imported](assets/")
    asset = markdown.split("](")[1].rstrip(")")
    with Image.open(doc.folder / asset) as image:
        assert image.width == 1600
    # A report started by the folder watcher may land between the picture and its name being
    # written; the refresh that follows the import brings the name.
    qtbot.waitUntil(
        lambda: (row := panel.row_for(asset)) is not None and row.file_name == "big-photo.png",
        timeout=15000,
    )
    # Stored under its hash, shown by the name it was imported from.
    row = panel.row_for(asset)
    assert row.name != "big-photo.png"
    assert "Imported from big-photo.png" in panel.model.tooltip(row)


class ImageHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        if self.path == "/pic.png":
            body = png(120, 60, "purple")
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
        else:
            body = b"nope"
            self.send_response(404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # noqa: ANN002
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), ImageHandler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetch_remote_image(qtbot, panel, doc, answers, server, monkeypatch):
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: (f"{server}/pic.png", True))
    )
    queue, asked = answers
    queue.append("远程图片 remote picture")
    with qtbot.waitSignal(panel.insertRequested, timeout=10000) as inserted:
        panel.fetch_action.trigger()
        assert panel.busy.isVisibleTo(panel)
    asset = inserted.args[0].split("](")[1].rstrip(")")
    assert inserted.args[0].startswith("![远程图片 remote picture](assets/")
    assert (doc.folder / asset).is_file()
    assert asked[0][1] == "pic"
    assert not panel.busy.isVisibleTo(panel)

    panel.fetch_remote(f"{server}/missing.png")
    qtbot.waitUntil(lambda: "404" in panel.status_label.text(), timeout=10000)
    assert panel.fetch_action.isEnabled()


def test_read_only_issue_disables_edits(qtbot, folder, settings):
    document = IssueDocument(folder[0], autosave_ms=100000)
    document.read_only = True
    widget = ImagePanel(document, settings=settings)
    widget.show()
    wait_ready(qtbot, widget)
    widget.select_asset("assets/unused.png")
    assert not widget.remove_action.isEnabled()
    assert not widget.import_action.isEnabled()
    assert not widget.alt_action.isEnabled()
    dispose(widget, document)
