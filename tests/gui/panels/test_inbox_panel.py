"""The inbox panel on a real library: statuses, paste, take (key and drop), send back, move
to the next issue, imports that are refused, titles on request with Cancel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QMimeData, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QKeySequence

from editor_app.core.inbox.item import Candidate
from editor_app.core.inbox.store import Inbox
from editor_app.core.library import list_issues
from editor_app.core.model import Issue, Source
from editor_app.core.outline import add_card, add_section
from editor_app.core.storage import load_issue, save_issue
from editor_app.gui import workers
from editor_app.gui.document import IssueDocument
from editor_app.gui.outline_model import OutlineModel
from editor_app.gui.outline_view import OutlineView
from editor_app.gui.panels.inbox_handoff import InboxHandoff
from editor_app.gui.panels.inbox_model import STATUS, items_to_mime
from editor_app.gui.panels.inbox_outline import InboxOutlineActions
from editor_app.gui.panels.inbox_panel import InboxPanel
from tests.core.inbox.pages import Handler, serving

SHARED = "https://example.org/featured-last-month"
HERE = "https://example.org/already-here"
FRESH = "https://example.org/fresh"


def make_library(root: Path) -> tuple[Path, str]:
    old = Issue(title="Monthly 2026-09", number=41, date=dt.date(2026, 9, 30), slug="2026-09")
    card = add_card(old, add_section(old, "News").id, "Old")
    card.source = Source("Shared", SHARED)
    save_issue(old, root / "2026-09")
    new = Issue(title="Monthly 2026-10", number=42, date=dt.date(2026, 10, 31), slug="2026-10")
    news = add_section(new, "News")
    add_section(new, "Tools")
    first = add_card(new, news.id, "First")
    first.source = Source("Here", HERE + "?utm_source=x")
    save_issue(new, root / "2026-10")
    Inbox(root).add(
        [Candidate(SHARED, "Shared again"), Candidate(HERE, "Here too"),
         Candidate(FRESH, "Fresh", "a note", ["k8s"])],
        "paste",
    )  # fmt: skip
    return root / "2026-10", first.id


def dispose(*objects) -> None:
    workers.wait_for_workers(30)
    QCoreApplication.processEvents()
    for obj in objects:
        if isinstance(obj, IssueDocument):
            obj.close()
        elif isinstance(obj, InboxPanel):
            obj.shutdown()
        obj.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def setup(qtbot, tmp_path: Path):
    library = tmp_path / "library"
    folder, first = make_library(library)
    doc = IssueDocument(folder, autosave_ms=100000)
    handoff = InboxHandoff(doc, library, lambda: first)
    panel = InboxPanel(doc, library, handoff)
    panel.resize(520, 500)
    panel.show()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=10000)
    qtbot.waitUntil(lambda: panel.featured.done_for is not None, timeout=10000)
    yield library, doc, handoff, panel, first
    dispose(panel, handoff, doc)


def rows_by_url(panel: InboxPanel) -> dict:
    return {r.item.url: r for r in panel.model.rows}


def select(panel: InboxPanel, *urls: str) -> None:
    sel = panel.view.selectionModel()
    sel.clearSelection()
    for r in range(panel.proxy.rowCount()):
        index = panel.proxy.index(r, 0)
        if panel.model.row_at(panel.proxy.mapToSource(index)).item.url in urls:
            flags = (
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            )
            sel.select(index, flags)
            sel.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)


def test_rows_say_where_a_link_was_seen(setup) -> None:
    _library, _doc, _handoff, panel, _first = setup
    rows = rows_by_url(panel)
    assert rows[SHARED].featured and rows[SHARED].featured[0].slug == "2026-09"
    assert rows[HERE].in_issue and not rows[FRESH].featured and not rows[FRESH].in_issue
    texts = {
        panel.model.rows[r].item.url: panel.model.index(r, STATUS).data()
        for r in range(panel.model.rowCount())
    }
    assert texts == {SHARED: "Featured 2026-09", HERE: "In this issue", FRESH: ""}
    panel.flag_combo.setCurrentIndex(1)  # not featured yet
    assert panel.proxy.rowCount() == 1
    panel.flag_combo.setCurrentIndex(0)
    panel.filter_edit.setText("k8s")
    assert panel.proxy.rowCount() == 1


def test_opening_fetches_nothing(qtbot, tmp_path: Path) -> None:
    library = tmp_path / "library"
    with serving() as base:
        folder, first = make_library(library)
        Inbox(library).add([Candidate(base + "/page")], "paste")
        Handler.hits.clear()
        doc = IssueDocument(folder, autosave_ms=100000)
        handoff = InboxHandoff(doc, library, lambda: first)
        panel = InboxPanel(doc, library, handoff)
        panel.show()
        qtbot.waitUntil(lambda: panel.model.rowCount() == 4, timeout=10000)
        qtbot.wait(300)
        assert sum(Handler.hits.values()) == 0
        dispose(panel, handoff, doc)


def test_pasted_links_are_added_once(qtbot, setup) -> None:
    _library, _doc, _handoff, panel, _first = setup
    panel.paste_edit.setText("new https://example.org/one and http://www.example.org/fresh/")
    panel.paste_edit.returnPressed.emit()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 4, timeout=10000)
    assert "1 added, 1 merged" in panel.status_label.text()
    QGuiApplication.clipboard().setText("https://example.org/two\nhttps://example.org/three")
    panel.paste_action.trigger()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 6, timeout=10000)


def test_enter_makes_a_card_after_the_current_one_and_undo_brings_the_item_back(
    qtbot, setup
) -> None:
    library, doc, _handoff, panel, first = setup
    select(panel, FRESH)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    news = doc.issue.sections[0]
    assert news.card_ids[0] == first and len(news.card_ids) == 2
    card = doc.issue.cards[news.card_ids[1]]
    assert (card.title, card.source.url, card.note, card.tags) == (
        "Fresh",
        FRESH,
        "a note",
        ["k8s"],
    )
    assert load_issue(doc.folder).cards[card.id].source.url == FRESH  # saved at once
    assert FRESH not in {i.url for i in Inbox(library).load().items}
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=10000)
    doc.undo_stack.undo()
    assert card.id not in doc.issue.cards
    assert FRESH in {i.url for i in Inbox(library).load().items}
    assert next(i for i in Inbox(library).load().items if i.url == FRESH).note == "a note"
    doc.undo_stack.redo()
    assert len(doc.issue.sections[0].card_ids) == 2
    assert FRESH not in {i.url for i in Inbox(library).load().items}


def test_dropping_items_on_the_outline_makes_cards_there(qtbot, setup) -> None:
    library, doc, handoff, panel, _first = setup
    model = OutlineModel(doc)
    view = OutlineView(model)
    actions = InboxOutlineActions(handoff, model, view, view)
    items = [r.item for r in panel.model.rows if r.item.url in (FRESH, SHARED)]
    tools = model.index_of(doc.issue.sections[1].id)
    mime = items_to_mime(items)
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, tools)
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, tools)
    qtbot.waitUntil(lambda: len(doc.issue.sections[1].card_ids) == 2, timeout=5000)
    urls = [doc.issue.cards[c].source.url for c in doc.issue.sections[1].card_ids]
    assert sorted(urls) == sorted([FRESH, SHARED])
    assert [i.url for i in Inbox(library).load().items] == [HERE]
    # Links dropped from a browser go to the inbox instead.
    links = QMimeData()
    links.setUrls([QUrl("https://example.org/dragged")])
    assert model.dropMimeData(links, Qt.DropAction.CopyAction, -1, 0, tools)
    qtbot.waitUntil(lambda: len(Inbox(library).load().items) == 2, timeout=5000)
    # Ctrl+V on the outline: the links on the clipboard go to the inbox.
    QGuiApplication.clipboard().setText("https://example.org/pasted-on-the-outline")
    actions.paste.trigger()
    qtbot.waitUntil(lambda: len(Inbox(library).load().items) == 3, timeout=5000)
    assert actions.paste.shortcut() == QKeySequence(QKeySequence.StandardKey.Paste)
    view.deleteLater()


def test_a_card_goes_back_to_the_inbox_with_its_text(qtbot, setup) -> None:
    library, doc, handoff, panel, first = setup
    doc.set_card_body(first, "My draft text")
    assert handoff.send_back([first]) == 1
    assert first not in doc.issue.cards
    back = next(i for i in Inbox(library).load().items if i.url.startswith(HERE))
    # It was in the inbox already: merged, not added twice; the text rides along.
    assert back.title == "Here too" and back.body == "My draft text"
    assert len(Inbox(library).load().items) == 3
    doc.undo_stack.undo()
    assert first in doc.issue.cards
    assert next(i for i in Inbox(library).load().items if i.url.startswith(HERE)).body == ""


def test_move_to_next_issue_creates_it_from_the_template_and_undoes(qtbot, setup) -> None:
    library, doc, handoff, panel, first = setup
    target = handoff.move_to_next_issue([first])
    assert target is not None and target.name == "2026-11"
    moved = load_issue(target)
    assert moved.title == "Monthly 2026-11" and moved.date == dt.date(2026, 11, 30)
    assert [moved.cards[c].title for s in moved.sections for c in s.card_ids] == ["First"]
    assert first not in doc.issue.cards
    assert len(list_issues(library)) == 3
    doc.undo_stack.undo()
    assert first in doc.issue.cards and not load_issue(target).cards
    doc.undo_stack.redo()
    assert first not in doc.issue.cards and first in load_issue(target).cards


def test_a_50_mb_bookmarks_file_is_refused_with_a_clear_message(qtbot, setup, tmp_path) -> None:
    library, _doc, _handoff, panel, _first = setup
    big = tmp_path / "bookmarks.html"
    with open(big, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with qtbot.waitSignal(panel.jobFinished, timeout=10000):
        panel.import_path(str(big))
    assert "bookmarks.html is 50.0 MB" in panel.status_label.text()
    assert "16.0 MB" in panel.status_label.text()
    assert len(Inbox(library).load().items) == 3
    assert not [p for p in (library / "inbox").iterdir() if p.name.startswith(".")]


def test_malformed_opml_is_refused_with_a_clear_message(qtbot, setup, tmp_path) -> None:
    _library, _doc, _handoff, panel, _first = setup
    bad = tmp_path / "feeds.opml"
    bad.write_text("<opml><body><outline text='x'")
    with qtbot.waitSignal(panel.jobFinished, timeout=10000):
        panel.import_path(str(bad))
    assert panel.status_label.text().startswith("feeds.opml: not a readable OPML file")


def test_titles_are_fetched_on_request_with_progress(qtbot, tmp_path: Path) -> None:
    library = tmp_path / "library"
    with serving() as base:
        folder, first = make_library(library)
        Inbox(library).add([Candidate(base + "/gbk"), Candidate(base + "/binary")], "paste")
        doc = IssueDocument(folder, autosave_ms=100000)
        handoff = InboxHandoff(doc, library, lambda: first)
        panel = InboxPanel(doc, library, handoff)
        panel.show()
        qtbot.waitUntil(lambda: panel.model.rowCount() == 5, timeout=10000)
        select(panel, base + "/gbk", base + "/binary")
        with qtbot.waitSignal(panel.jobFinished, timeout=20000) as done:
            panel.titles_action.trigger()
            assert panel.progress_row.isVisibleTo(panel)
        outcome = done.args[0]
        assert outcome.updated == 1 and len(outcome.titles.failed) == 1
        assert "1 title updated" in panel.status_label.text()
        assert "not a web page (image/png)" in panel.status_label.toolTip()
        qtbot.waitUntil(
            lambda: "云原生周报：服务网格的新进展" in [r.item.title for r in panel.model.rows],
            timeout=10000,
        )
        # A slow page: Cancel ends the job at once, and the panel is free again.
        Inbox(library).add([Candidate(base + "/slow")], "paste")
        qtbot.waitUntil(lambda: panel.model.rowCount() == 6, timeout=10000)
        select(panel, base + "/slow")
        with qtbot.waitSignal(panel.jobFinished, timeout=10000):
            panel.titles_action.trigger()
            qtbot.wait(300)
            panel.cancel_button.click()
        assert "cancelled" in panel.status_label.text()
        assert panel.titles_action.isEnabled() and not panel.progress_row.isVisibleTo(panel)
        dispose(panel, handoff, doc)
