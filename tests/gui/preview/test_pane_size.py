"""The preview at any size: served by its own scheme, large issues in full, failed loads and
crashed render processes, the theme and the "As Published" style, cards that fail to render.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWidgets import QApplication

from editor_app.gui import theme
from editor_app.gui.document import IssueDocument
from editor_app.gui.preview import PreviewPane, jobs, page_html, scheme
from tests.gui.preview.web_helpers import open_pane as _pane
from tests.gui.preview.web_helpers import page_text as _text
from tests.gui.preview.web_helpers import run_js as _js

WAIT = 30_000
ROOT = Path(__file__).resolve().parents[3]

needs_web = pytest.mark.skipif(
    os.environ.get("MASTHEAD_NO_WEBENGINE") == "1",
    reason="the QTextBrowser fallback was forced with MASTHEAD_NO_WEBENGINE=1",
)
pytestmark = needs_web


def _big_issue_module():
    spec = importlib.util.spec_from_file_location("big_issue", ROOT / "benchmarks" / "big_issue.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def sample_document(tmp_path):
    big = _big_issue_module()
    issue = big.build_big_issue(tmp_path / "small", 0.2)
    doc = IssueDocument(issue.folder, autosave_ms=60_000)
    yield doc
    doc.close()


# -- pure parts ------------------------------------------------------------------------------
def test_scheme_serves_only_files_inside_the_issue(tmp_path):
    folder = tmp_path / "issue"
    (folder / "assets").mkdir(parents=True)
    (folder / "assets" / "a b.png").write_bytes(b"png")
    (folder / ".masthead").mkdir()
    (folder / ".masthead" / "lock").write_text("x")
    (tmp_path / "secret.txt").write_text("no")
    (folder / "assets" / "link.txt").symlink_to(tmp_path / "secret.txt")
    assert scheme.resolve_file(folder, "/assets/a%20b.png") == (folder / "assets" / "a b.png")
    for path in (
        "/../secret.txt",
        "/assets/../../secret.txt",
        "/.masthead/lock",
        "/assets/link.txt",
        "/",
        "/assets/none.png",
    ):
        assert scheme.resolve_file(folder, path) is None, path
    assert scheme.resolve_file(None, "/assets/a%20b.png") is None


def test_shell_marks_every_card_but_the_first_screen(sample_document):
    issue = sample_document.issue
    full = jobs.first_screen(issue, None)
    result = jobs.render_shell(jobs.outline_snapshot(issue, set(full)), False, "", full)
    tops = [t for s in issue.sections for t in s.card_ids]
    assert result.pending == [t for t in tops if t not in full] != []
    assert result.html.count(f'{jobs.PENDING_ATTR}=""') == len(result.pending)
    # Every card is in the shell (its title at least), so the table of contents is whole.
    assert all(f'data-card-id="{t}"' in result.html for t in tops)


# -- the QtWebEngine preview ---------------------------------------------------------------
def test_page_comes_from_the_preview_scheme_never_set_html(qtbot, sample_document, monkeypatch):
    calls: list = []
    monkeypatch.setattr(QWebEnginePage, "setHtml", lambda *a: calls.append(a))
    pane = _pane(qtbot, sample_document)
    url = pane.backend.page.url()
    assert url.scheme() == scheme.SCHEME and url.host() == scheme.HOST
    assert calls == []
    # The issue's own images come through the same scheme and display.
    widths = "JSON.stringify(Array.from(document.images).map(i => i.naturalWidth))"
    qtbot.waitUntil(lambda: _js(qtbot, pane, widths) != "[]", timeout=WAIT)
    qtbot.waitUntil(lambda: 0 not in eval(_js(qtbot, pane, widths)), timeout=WAIT)  # noqa: S307
    assert any(p.startswith("/assets/") for p in pane.backend.handler.requests)
    csp = "document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content"
    assert "script-src 'none'" in _js(qtbot, pane, csp)


def test_a_multi_megabyte_issue_shows_every_card(qtbot, tmp_path):
    big = _big_issue_module()
    issue = big.build_big_issue(tmp_path / "big", 1.0)  # about 3 MB of HTML: past setHtml's 2 MB
    doc = IssueDocument(issue.folder, autosave_ms=60_000)
    try:
        order: list[str] = []
        pane = PreviewPane(doc)
        qtbot.addWidget(pane)
        pane.backend.cardReplaced.connect(order.append)
        pane.resize(900, 700)
        pane.show()
        qtbot.waitUntil(lambda: pane.page_loads >= 1, timeout=WAIT)
        tops = [t for s in doc.issue.sections for t in s.card_ids]
        last = [s for s in doc.issue.sections if s.card_ids][-1].card_ids[-1]
        middle = tops[len(tops) // 2]
        # Moving to a card not rendered yet brings it (and what follows it) in first.
        pane.show_card(last)
        qtbot.waitUntil(pane.is_complete, timeout=180_000)
        assert pane.page_completions == 1
        assert order.index(last) < order.index(middle)
        text = _text(qtbot, pane)
        assert big.last_card_title(doc.issue) in text
        body_line = next(line for line in doc.card(last).body.splitlines() if len(line) > 12)
        assert body_line[:12] in text
        assert _js(qtbot, pane, f"document.querySelectorAll('[{jobs.PENDING_ATTR}]').length") == 0
        # Every card of the issue is in the page, each once, in outline order.
        in_page = _js(
            qtbot,
            pane,
            "Array.from(document.querySelectorAll('[data-card-id]'),"
            " e => e.getAttribute('data-card-id')).join()",
        ).split(",")
        assert in_page == [card.id for card in doc.issue.ordered_cards()]
        size = "new Blob([document.documentElement.outerHTML]).size"
        assert _js(qtbot, pane, size) > 2 * 1024 * 1024  # what setHtml refused

        # Typing still reaches the preview, in place.
        with qtbot.waitSignal(pane.renderedCard, timeout=WAIT, check_params_cb=lambda c: c == last):
            doc.set_card_body(last, "最后一张卡片 last-card-typed")
        assert "last-card-typed" in _text(qtbot, pane)
        assert pane.page_loads == 1
    finally:
        doc.close()


def test_a_page_that_fails_to_load_offers_a_reload(qtbot, sample_document, monkeypatch):
    handler_type = type(_pane(qtbot, sample_document).backend.handler)
    real = handler_type.set_page
    monkeypatch.setattr(handler_type, "set_page", lambda self, path, html, root: None)
    pane = PreviewPane(sample_document)
    qtbot.addWidget(pane)
    pane.show()
    failures: list[str] = []
    pane.loadFailed.connect(failures.append)
    qtbot.waitUntil(pane.failure_shown, timeout=WAIT)
    assert failures and pane.page_loads == 0
    assert pane.retry_button.isVisible() and pane.failure_label.text()
    assert not pane.backend.widget.isVisible()

    monkeypatch.setattr(handler_type, "set_page", real)
    pane.retry_button.click()
    qtbot.waitUntil(lambda: pane.page_loads == 1, timeout=WAIT)
    assert not pane.failure_shown() and pane.backend.widget.isVisible()
    assert sample_document.issue.title.split()[0] in _text(qtbot, pane)


def test_a_crashed_render_process_offers_a_reload(qtbot, sample_document):
    pane = _pane(qtbot, sample_document)
    status = QWebEnginePage.RenderProcessTerminationStatus
    pane.backend._on_render_process_terminated(status.NormalTerminationStatus, 0)
    assert not pane.failure_shown()  # a normal end (the page going away) is not a crash

    pane.backend.page.renderProcessTerminated.emit(status.CrashedTerminationStatus, 11)
    assert pane.failure_shown() and pane.retry_button.isVisible()
    assert not pane.backend.is_loaded
    pane.retry_button.click()
    qtbot.waitUntil(lambda: pane.page_loads == 2, timeout=WAIT)
    assert not pane.failure_shown()


def _background(qtbot, pane) -> str:
    return _js(qtbot, pane, "getComputedStyle(document.body).backgroundColor")


def test_page_follows_the_theme_and_as_published(qtbot, sample_document):
    app = QApplication.instance()
    before = app.property("mastheadTheme") or theme.SYSTEM
    pane = _pane(qtbot, sample_document)
    try:
        theme.apply_theme(app, theme.LIGHT)
        qtbot.waitUntil(lambda: _background(qtbot, pane) == "rgb(255, 255, 255)", timeout=WAIT)
        theme.apply_theme(app, theme.DARK)
        qtbot.waitUntil(lambda: pane.page_scheme() == "dark", timeout=WAIT)
        qtbot.waitUntil(lambda: _background(qtbot, pane) == "rgb(30, 31, 34)", timeout=WAIT)
        assert pane.page_loads == 1  # swapped in place

        assert pane.published_action.isCheckable() and pane.published_action.text()
        pane.published_action.trigger()
        assert pane.as_published() and pane.page_scheme() is None
        css = f"document.getElementById({page_html.js_string(page_html.THEME_ID)}).textContent"
        qtbot.waitUntil(lambda: _js(qtbot, pane, css) == "", timeout=WAIT)
        assert _background(qtbot, pane) != "rgb(30, 31, 34)"
        pane.published_action.trigger()
        qtbot.waitUntil(lambda: _background(qtbot, pane) == "rgb(30, 31, 34)", timeout=WAIT)

        # A page rendered later starts in the current theme.
        with qtbot.waitSignal(pane.pageLoaded, timeout=WAIT):
            pane.reload()
        assert _background(qtbot, pane) == "rgb(30, 31, 34)"
    finally:
        theme.apply_theme(app, before)


def test_a_card_that_fails_to_render_never_blanks_the_page(qtbot, sample_document, monkeypatch):
    pane = _pane(qtbot, sample_document)
    qtbot.waitUntil(pane.is_complete, timeout=WAIT)
    card_id = sample_document.issue.sections[0].card_ids[0]
    real = jobs.render_cards

    def failing(snaps, layout, *rest):
        if any(top == card_id for top, _ in snaps):
            raise ValueError("broken card")
        return real(snaps, layout, *rest)

    monkeypatch.setattr(jobs, "render_cards", failing)
    with qtbot.waitSignal(pane.scheduler.renderFailed, timeout=WAIT):
        sample_document.set_card_body(card_id, "this text cannot be rendered")
    assert pane.error_label.isVisible() and "broken card" in pane.error_label.text()
    assert not pane.failure_shown()
    other = sample_document.issue.sections[1].card_ids[0]
    assert sample_document.card(other).title in _text(qtbot, pane)
    # The next good render clears the message.
    with qtbot.waitSignal(pane.renderedCard, timeout=WAIT):
        sample_document.set_card_body(other, "still rendering other-card-ok")
    assert "other-card-ok" in _text(qtbot, pane)
    assert not pane.error_label.isVisible()
