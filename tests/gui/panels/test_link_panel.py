"""The link panel: table, in-place edits through the undo stack, flags, filters, link check."""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from editor_app.core.linkcheck import cache_path
from editor_app.core.model import FurtherReading, Issue, Link, Source
from editor_app.core.outline import add_card, add_section
from editor_app.core.storage import read_card, save_issue
from editor_app.gui import workers
from editor_app.gui.document import IssueDocument
from editor_app.gui.panels.link_panel import LinkPanel
from editor_app.gui.panels.link_table_model import CARD, FEATURED, KIND, STATUS, TEXT, URL

SHARED = "https://example.org/shared-article"


def make_library(root: Path) -> tuple[Path, dict[str, str]]:
    """A library of two issues: last month's features SHARED; this month's repeats it."""
    old = Issue(title="九月刊 September", number=41, date=dt.date(2026, 9, 30), slug="2026-09")
    news = add_section(old, "新闻")
    card = add_card(old, news.id, "旧文章 Old article")
    card.source = Source("Shared article", SHARED + "?utm_source=newsletter")
    save_issue(old, root / "2026-09")

    new = Issue(title="十月刊 October", number=42, date=dt.date(2026, 10, 31), slug="2026-10")
    news = add_section(new, "新闻")
    tools = add_section(new, "工具")
    first = add_card(new, news.id, "第一篇 First")
    first.source = Source("Shared again", "http://www.example.org/shared-article/")
    first.links = [Link("GitHub", "https://github.com/acme/tool")]
    first.body = (
        "正文先说背景。\n\n"
        "详见[文档](https://docs.example.com/guide?utm_source=news&utm_medium=email&id=7)。\n\n"
        "![架构图 architecture](assets/arch.png)\n"
    )
    second = add_card(new, tools.id, "第二篇 Second")
    second.source = Source("Acme tool", "https://github.com/acme/tool/")
    second.further_reading = [
        FurtherReading("A blog post", "https://blog.example.net/post?fbclid=abc123", "一句话")
    ]
    second.note = "🎤 参考 <https://notes.example.com/x?utm_campaign=oct> 的说法。"
    save_issue(new, root / "2026-10")
    return root / "2026-10", {"first": first.id, "second": second.id}


def dispose(*objects) -> None:
    """Free Qt objects on this thread now. Let work in flight report first; then delete.

    A Python-owned QObject left to the garbage collector may be freed on a worker thread,
    taking its timers down there (and the process with them).
    """
    workers.wait_for_workers(30)
    QCoreApplication.processEvents()
    for obj in objects:
        if isinstance(obj, IssueDocument):
            obj.close()
        elif isinstance(obj, LinkPanel):
            obj.shutdown()
        obj.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def library(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    lib = tmp_path / "library"
    folder, ids = make_library(lib)
    return lib, folder, ids


@pytest.fixture
def doc(qtbot, library):
    document = IssueDocument(library[1], autosave_ms=100000)
    yield document
    dispose(document)


@pytest.fixture
def panel(qtbot, doc, library):
    widget = LinkPanel(doc, library[0])
    widget.resize(450, 600)
    widget.show()  # panels refresh while visible, as in their dock
    qtbot.waitUntil(lambda: widget.featured.done_for is not None, timeout=10000)
    yield widget
    dispose(widget)


def shown(qtbot, widget: LinkPanel) -> LinkPanel:
    """The panel on screen, its rows built (a panel out of sight builds none)."""
    widget.show()
    qtbot.waitUntil(lambda: not widget._deferred.stale and not widget._deferred.timer.isActive())
    return widget


def row_index(panel: LinkPanel, predicate, column: int = 0) -> QModelIndex:
    """The proxy index of the first visible row matching ``predicate(row)``."""
    for r in range(panel.proxy.rowCount()):
        index = panel.proxy.index(r, column)
        row = panel.model.row_at(panel.proxy.mapToSource(index))
        if predicate(row):
            return index
    raise AssertionError("no such row")


def row_of(panel: LinkPanel, predicate):
    return panel.model.row_at(panel.proxy.mapToSource(row_index(panel, predicate)))


def visible_rows(panel: LinkPanel) -> list:
    return [
        panel.model.row_at(panel.proxy.mapToSource(panel.proxy.index(r, 0)))
        for r in range(panel.proxy.rowCount())
    ]


def test_table_lists_every_link_with_its_card(panel, doc, library):
    rows = visible_rows(panel)
    kinds = sorted(r.ref.kind for r in rows)
    assert kinds == sorted(["source", "link", "inline", "image", "source", "further", "inline"])
    source = row_index(panel, lambda r: r.ref.kind == "source" and "shared" in r.ref.url)
    assert source.siblingAtColumn(CARD).data() == "1/1 第一篇 First"
    assert source.siblingAtColumn(TEXT).data() == "Shared again"
    assert source.siblingAtColumn(KIND).data(Qt.ItemDataRole.ToolTipRole) == "Source"
    second = row_index(panel, lambda r: r.ref.field == "further_reading")
    assert second.siblingAtColumn(CARD).data() == "2/1 第二篇 Second"
    # https:// is left out of the cell, not out of the edited value.
    assert second.siblingAtColumn(URL).data() == "blog.example.net/post?fbclid=abc123"
    assert second.siblingAtColumn(URL).data(Qt.ItemDataRole.EditRole).startswith("https://")


def test_edit_url_in_place_rewrites_markdown_and_undoes(qtbot, panel, doc, library):
    ids = library[2]
    index = row_index(panel, lambda r: r.ref.kind == "inline" and r.ref.field == "body", URL)
    panel.view.setCurrentIndex(index)
    before = doc.card(ids["first"]).body
    steps = doc.undo_stack.count()

    # Through the real editor: F2's action opens it, Enter commits.
    panel.edit_selected(URL)
    editor = panel.view.viewport().findChild(QLineEdit)
    assert editor is not None
    assert editor.text().startswith("https://docs.example.com/guide")
    editor.setText("https://docs.example.com/v2/guide")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next loop turn
    qtbot.waitUntil(lambda: "/v2/guide" in doc.card(ids["first"]).body, timeout=3000)

    body = doc.card(ids["first"]).body
    assert "详见[文档](https://docs.example.com/v2/guide)。" in body
    assert "![架构图 architecture](assets/arch.png)" in body  # the rest is untouched
    assert doc.undo_stack.count() == steps + 1
    doc.save()
    assert "https://docs.example.com/v2/guide" in read_card(library[1], ids["first"]).body
    qtbot.waitUntil(
        lambda: any(r.ref.url == "https://docs.example.com/v2/guide" for r in panel.model.rows)
    )

    doc.undo_stack.undo()
    assert doc.card(ids["first"]).body == before
    qtbot.waitUntil(lambda: any("utm_medium" in r.ref.url for r in panel.model.rows))


def test_edit_text_of_a_structured_field_and_of_an_image(qtbot, panel, doc, library):
    ids = library[2]
    source = row_index(panel, lambda r: r.ref.kind == "source" and r.ref.card == ids["second"])
    assert panel.model.setData(panel.proxy.mapToSource(source.siblingAtColumn(TEXT)), "Acme 工具")
    assert doc.card(ids["second"]).source.title == "Acme 工具"
    assert doc.card(ids["second"]).source.url == "https://github.com/acme/tool/"

    qtbot.waitUntil(lambda: not panel._deferred.timer.isActive())
    image = row_index(panel, lambda r: r.ref.kind == "image")
    panel.model.setData(panel.proxy.mapToSource(image.siblingAtColumn(TEXT)), "新版架构图")
    assert "![新版架构图](assets/arch.png)" in doc.card(ids["first"]).body

    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.card(ids["second"]).source.title == "Acme tool"
    assert "![架构图 architecture](assets/arch.png)" in doc.card(ids["first"]).body


def test_strip_tracking_from_all_links_is_one_undo_step(qtbot, panel, doc, library):
    ids = library[2]
    first, second = doc.card(ids["first"]), doc.card(ids["second"])
    before = (first.body, first.source, second.further_reading, second.note)
    steps = doc.undo_stack.count()

    panel.strip_all()

    assert doc.undo_stack.count() == steps + 1
    assert "](https://docs.example.com/guide?id=7)" in first.body
    assert second.further_reading[0].url == "https://blog.example.net/post"
    assert second.further_reading[0].summary == "一句话"
    assert "<https://notes.example.com/x>" in second.note
    assert first.source.url == "http://www.example.org/shared-article/"  # nothing to strip
    assert not any("utm_" in r.ref.url or "fbclid" in r.ref.url for r in panel.model.rows)

    doc.undo_stack.undo()
    assert (first.body, first.source, second.further_reading, second.note) == before
    doc.undo_stack.redo()
    assert second.further_reading[0].url == "https://blog.example.net/post"


def test_strip_tracking_from_the_selected_link_only(panel, doc, library):
    ids = library[2]
    index = row_index(panel, lambda r: r.ref.field == "further_reading")
    panel.view.selectRow(index.row())
    assert panel.strip_action.isEnabled()
    panel.strip_action.trigger()
    assert doc.card(ids["second"]).further_reading[0].url == "https://blog.example.net/post"
    assert "utm_source=news" in doc.card(ids["first"]).body
    assert "utm_campaign" in doc.card(ids["second"]).note


def test_filter_by_text_kind_and_flag_and_sort(qtbot, panel):
    panel.filter_edit.setText("docs.example")
    assert [r.ref.kind for r in visible_rows(panel)] == ["inline"]
    panel.filter_edit.setText("第二篇")  # the card title matches too
    assert {r.ref.card for r in visible_rows(panel)} == {visible_rows(panel)[0].ref.card}
    assert len(visible_rows(panel)) == 3
    panel.filter_edit.clear()

    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("source"))
    assert [r.ref.kind for r in visible_rows(panel)] == ["source", "source"]
    panel.kind_combo.setCurrentIndex(0)

    panel.flag_combo.setCurrentIndex(panel.flag_combo.findData(panel.proxy.FLAG_DUPLICATE))
    assert sorted(r.ref.url for r in visible_rows(panel)) == [
        "https://github.com/acme/tool",
        "https://github.com/acme/tool/",
    ]
    panel.flag_combo.setCurrentIndex(panel.flag_combo.findData(panel.proxy.FLAG_FEATURED))
    assert [r.ref.url for r in visible_rows(panel)] == ["http://www.example.org/shared-article/"]
    panel.flag_combo.setCurrentIndex(0)

    panel.view.sortByColumn(URL, Qt.SortOrder.AscendingOrder)
    urls = [r.ref.url.lower() for r in visible_rows(panel)]
    assert urls == sorted(urls)
    panel.view.sortByColumn(CARD, Qt.SortOrder.DescendingOrder)
    orders = [r.order for r in visible_rows(panel)]
    assert orders == sorted(orders, reverse=True)


def test_duplicates_and_featured_before_are_flagged(panel, library):
    ids = library[2]
    dup = row_index(panel, lambda r: r.ref.kind == "link", URL)
    tip = dup.data(Qt.ItemDataRole.ToolTipRole)
    assert "Duplicate" in tip and "2/1 第二篇 Second" in tip
    assert dup.data(Qt.ItemDataRole.DecorationRole) is not None

    featured = row_index(panel, lambda r: r.ref.card == ids["first"] and r.ref.kind == "source")
    cell = featured.siblingAtColumn(FEATURED)
    assert cell.data() == "#41"
    tip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "九月刊 September" in tip and "旧文章 Old article" in tip and "2026-09-30" in tip
    assert featured.siblingAtColumn(URL).data(Qt.ItemDataRole.DecorationRole) is not None
    # The issue itself never counts as "featured before".
    plain = row_index(panel, lambda r: r.ref.field == "further_reading", FEATURED)
    assert plain.data() == ""
    assert "1 featured before" in panel.summary_label.text()
    assert "2 duplicated" in panel.summary_label.text()


def test_no_library_means_no_featured_column_data(qtbot, doc):
    widget = shown(qtbot, LinkPanel(doc, None))
    assert widget.model.rows and all(not r.featured for r in widget.model.rows)
    assert "no archive library" in widget.summary_label.text()
    dispose(widget)


def test_document_changes_refresh_the_table(qtbot, panel, doc, library):
    ids = library[2]
    card = doc.card(ids["second"])
    doc.set_field(ids["second"], "body", card.body + "\n\n[新链接](https://new.example.com/a)\n")
    qtbot.waitUntil(
        lambda: any(r.ref.url == "https://new.example.com/a" for r in panel.model.rows),
        timeout=3000,
    )


def test_jump_copy_and_open(qtbot, panel, library, monkeypatch):
    ids = library[2]
    index = row_index(panel, lambda r: r.ref.kind == "inline" and r.ref.field == "body")
    with qtbot.waitSignal(panel.jumpRequested) as jump:
        panel.view.activated.emit(index)
    assert jump.args == [ids["first"], 3]

    panel.view.selectRow(index.row())
    panel.copy_action.trigger()
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text().startswith("https://docs.example.com/guide?")
    clipboard.clear()

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    panel.open_action.trigger()
    assert opened == ["https://docs.example.com/guide?utm_source=news&utm_medium=email&id=7"]


# -- link check against a local server --------------------------------------------------------
class Handler(BaseHTTPRequestHandler):
    def _answer(self) -> None:
        if self.path.startswith("/slow"):
            time.sleep(3)
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif self.path in ("/ok", "/slow"):
            self.send_response(200)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = do_GET = _answer  # noqa: N815

    def log_message(self, *args) -> None:  # noqa: ANN002
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def local_issue(root: Path, urls: list[str]) -> Path:
    issue = Issue(title="Local", slug="local")
    section = add_section(issue, "S")
    card = add_card(issue, section.id, "Card")
    card.source = Source("first", urls[0])
    card.body = "\n\n".join(f"[link {i}]({url})" for i, url in enumerate(urls[1:]))
    save_issue(issue, root / "local")
    return root / "local"


@pytest.fixture
def local_panel(qtbot, tmp_path, request):
    made = []

    def make(urls: list[str]) -> LinkPanel:
        document = IssueDocument(local_issue(tmp_path, urls), autosave_ms=100000)
        widget = shown(qtbot, LinkPanel(document, None))
        widget.check_options = {"timeout": 5}
        made.append((widget, document))
        return widget

    yield make
    for widget, document in made:
        dispose(widget, document)


def test_link_check_shows_progress_and_results(qtbot, server, local_panel):
    panel = local_panel([f"{server}/ok", f"{server}/missing", f"{server}/moved"])
    seen: list[int] = []
    panel.progress.valueChanged.connect(seen.append)
    with qtbot.waitSignal(panel.checkFinished, timeout=20000) as done:
        panel.check_action.trigger()
        assert panel.check_bar.isVisibleTo(panel)
        assert not panel.check_action.isEnabled()
    report = done.args[0]
    assert not report.offline and not report.cancelled
    assert max(seen) == 3
    assert not panel.check_bar.isVisibleTo(panel)

    status = {r.ref.url.rsplit("/", 1)[1]: r for r in panel.model.rows}
    cell = row_index(panel, lambda r: r is status["ok"], STATUS)
    assert cell.data() == "200"
    assert "Checked:" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert row_index(panel, lambda r: r is status["missing"], STATUS).data() == "404"
    moved = row_index(panel, lambda r: r is status["moved"], STATUS)
    assert moved.data() == "200"  # the redirect is the icon; the hops are in the tooltip
    assert "301 → " in moved.data(Qt.ItemDataRole.ToolTipRole)
    assert "1 with problems" in panel.status_label.text()
    assert cache_path(panel.document.folder).is_file()

    # A new panel reads the cached results without asking the network.
    again = shown(qtbot, LinkPanel(panel.document, None))
    assert {r.status.state for r in again.model.rows} == {"ok", "broken", "redirected"}
    dispose(again)


def closed_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def test_link_check_without_network_says_so_at_once(qtbot, local_panel):
    port = closed_port()
    panel = local_panel([f"http://127.0.0.{n}:{port}/x" for n in (1, 2, 3)])
    with qtbot.waitSignal(panel.checkFinished, timeout=10000) as done:
        panel.check_links()
    assert done.args[0].offline
    assert "No network" in panel.status_label.text()
    states = {row_index(panel, lambda r, u=r: r is u, STATUS).data() for r in panel.model.rows}
    assert states and states <= {"offline", "error"}
    tips = [row_index(panel, lambda r, u=r: r is u, STATUS).data(3) for r in panel.model.rows]
    assert all("no network" in t.lower() or "refused" in t for t in tips)
    assert panel.check_action.isEnabled()


def test_link_check_can_be_cancelled(qtbot, server, local_panel):
    panel = local_panel([f"{server}/slow?{n}" for n in range(3)])
    with qtbot.waitSignal(panel.checkFinished, timeout=5000) as done:
        panel.check_links()
        assert panel.cancel_button.isEnabled()
        qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert done.args[0].cancelled
    assert "cancelled" in panel.status_label.text()
    assert {r.status.state for r in panel.model.rows} == {"cancelled"}


def test_read_only_issue_cannot_be_edited(qtbot, library):
    document = IssueDocument(library[1], autosave_ms=100000)
    document.read_only = True
    widget = shown(qtbot, LinkPanel(document, None))
    index = row_index(widget, lambda r: r.ref.kind == "inline", URL)
    assert not index.flags() & Qt.ItemFlag.ItemIsEditable
    widget.view.selectRow(index.row())
    assert not widget.edit_url_action.isEnabled()
    assert not widget.strip_all_action.isEnabled()
    assert widget.copy_action.isEnabled() and widget.check_action.isEnabled()
    before = document.undo_stack.count()
    widget.strip_all()
    assert document.undo_stack.count() == before
    dispose(widget, document)


def test_enter_and_double_click_jump(qtbot, panel, library):
    ids = library[2]
    panel.show()
    qtbot.waitExposed(panel)
    index = row_index(panel, lambda r: r.ref.field == "further_reading", TEXT)
    panel.view.setCurrentIndex(index)
    with qtbot.waitSignal(panel.jumpRequested) as jump:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert jump.args == [ids["second"], 0]  # a card field has no line
    index = row_index(panel, lambda r: r.ref.kind == "image", URL)
    rect = panel.view.visualRect(index)
    viewport, left = panel.view.viewport(), Qt.MouseButton.LeftButton
    with qtbot.waitSignal(panel.revealRequested) as reveal:
        qtbot.mouseClick(viewport, left, pos=rect.center())  # a double-click starts with a click
        qtbot.mouseDClick(viewport, left, pos=rect.center())
    card, field, start, end = reveal.args
    assert (card, field) == (ids["first"], "body")
    body = panel.document.card(card).body
    assert body[start:end] == "![架构图 architecture](assets/arch.png)"
    assert panel.view.state() != panel.view.State.EditingState  # double-click jumps, not edits


def test_intro_links_and_mentions_are_shown_apart(qtbot, tmp_path):
    root = tmp_path / "library"
    old = Issue(title="旧刊", number=7, date=dt.date(2026, 1, 31), slug="old")
    card = add_card(old, add_section(old, "新闻").id, "旧文")
    card.body = "顺带一提 https://mention.example.org/a"
    save_issue(old, root / "old")
    new = Issue(title="新刊", number=8, date=dt.date(2026, 2, 28), slug="new")
    section = add_section(new, "封面")
    section.intro = "![封面](assets/cover.png) 见 [长文](https://essay.example.org/x)"
    first = add_card(new, section.id, "新文")
    first.source = Source("Mentioned", "https://mention.example.org/a")
    save_issue(new, root / "new")
    document = IssueDocument(root / "new", autosave_ms=100000)
    panel = LinkPanel(document, root)
    panel.show()
    try:
        qtbot.waitUntil(lambda: panel.featured.done_for is not None, timeout=10000)
        intro = row_index(panel, lambda r: r.ref.url == "https://essay.example.org/x")
        assert intro.siblingAtColumn(CARD).data() == "1/§ 封面"
        assert row_of(panel, lambda r: r.ref.kind == "image").ref.section == section.id
        source = row_index(panel, lambda r: r.ref.kind == "source", FEATURED)
        assert source.data() == "mentioned #7"
        tip = source.data(Qt.ItemDataRole.ToolTipRole)
        assert "Mentioned before in" in tip and "Featured before" not in tip
        assert "Inline" in tip and "旧文" in tip
        assert source.siblingAtColumn(URL).data(Qt.ItemDataRole.DecorationRole) is None
        panel.view.setCurrentIndex(intro)
        panel.jump()  # an intro has no card to jump to: nothing happens, nothing breaks
    finally:
        dispose(panel, document)


def test_card_and_text_columns_grow_with_the_panel(qtbot, panel):
    from editor_app.gui.panels.link_table_model import CARD, KIND, TEXT, URL

    header = panel.view.horizontalHeader()
    narrow = {c: header.sectionSize(c) for c in (CARD, TEXT, URL, KIND)}
    panel.resize(1100, 600)
    qtbot.waitUntil(lambda: header.sectionSize(CARD) > narrow[CARD] + 100, timeout=3000)
    assert header.sectionSize(TEXT) > narrow[TEXT] + 100
    assert header.sectionSize(URL) > narrow[URL] + 100
    assert header.sectionSize(KIND) == narrow[KIND]  # a short column keeps its size
    assert panel.view.horizontalScrollBar().maximum() == 0


def test_a_refused_edit_opens_again_with_the_typed_text(qtbot, panel, doc, library):
    ids = library[2]
    doc.set_card_body(
        ids["first"], doc.card(ids["first"]).body + "\n另见 https://bare.example.org/a\n"
    )
    panel.refresh()
    # Settled first: a rebuild of the rows while the editor is open would close it.
    bare = "https://bare.example.org/a"
    qtbot.waitUntil(lambda: bare in (panel.featured.done_for or []), timeout=10000)
    qtbot.waitUntil(lambda: not panel._deferred.timer.isActive(), timeout=5000)
    index = row_index(panel, lambda r: r.ref.url == bare, URL)
    panel.view.setCurrentIndex(index)
    before, steps = doc.card(ids["first"]).body, doc.undo_stack.count()
    panel.edit_selected(URL)
    editor = panel.view.viewport().findChild(QLineEdit)
    editor.setText("https://bare.example.org/a b")  # a bare URL cannot hold a space
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits and closes its editor on the next loop turn, and says why not.
    qtbot.waitUntil(lambda: "spaces" in panel.status_label.text(), timeout=5000)

    def reopened() -> bool:
        editors = [e for e in panel.view.viewport().findChildren(QLineEdit) if not e.isHidden()]
        return any(e.text() == "https://bare.example.org/a b" for e in editors)

    qtbot.waitUntil(reopened, timeout=5000)
    assert doc.card(ids["first"]).body == before and doc.undo_stack.count() == steps
    current = panel.model.row_at(panel.proxy.mapToSource(panel.view.currentIndex()))
    assert current.ref.url == "https://bare.example.org/a"
    # Escape drops it, as in any cell editor.
    editor = next(e for e in panel.view.viewport().findChildren(QLineEdit) if not e.isHidden())
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    editing = QAbstractItemView.State.EditingState
    qtbot.waitUntil(lambda: panel.view.state() != editing, timeout=5000)
    assert doc.card(ids["first"]).body == before
