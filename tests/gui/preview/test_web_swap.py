"""A card update in the QtWebEngine page keeps the card's element and swaps its children."""

from __future__ import annotations

import threading

import pytest

from editor_app.core import issue_html
from editor_app.core.model import Issue
from editor_app.core.outline import add_card, add_section
from editor_app.core.storage import save_issue
from editor_app.gui.document import IssueDocument
from editor_app.gui.preview import PreviewPane, page_html
from tests.gui.preview.web_helpers import WAIT, needs_web
from tests.gui.preview.web_helpers import open_pane as _pane
from tests.gui.preview.web_helpers import run_js as _js


@pytest.fixture
def document(tmp_path):
    issue = Issue(title="替换测试 Swap", number=3, slug="swap")
    section = add_section(issue, "新闻 News", "📰")
    for n in range(3):
        add_card(issue, section.id, f"卡片 {n}").body = f"原文 body-{n}"
    parent = add_card(issue, section.id, "合集 Bundle")
    parent.body = "合集 intro"
    for name in ("alpha", "beta"):
        add_card(issue, parent.id, f"Tool {name}").body = f"tool-{name} 正文"
    save_issue(issue, tmp_path / "swap")
    doc = IssueDocument(tmp_path / "swap", autosave_ms=60_000)
    yield doc
    doc.close()


def _edit(qtbot, pane: PreviewPane, doc, card_id: str, body: str) -> None:
    with qtbot.waitSignal(pane.renderedCard, timeout=WAIT, check_params_cb=lambda c: c == card_id):
        doc.set_card_body(card_id, body)


def _el(card_id: str) -> str:
    return f"document.querySelector('[data-card-id=\"{card_id}\"]')"


# -- the script, without a page --------------------------------------------------------------
def test_split_element_gives_attributes_and_children():
    fragment = (
        '<article class="card card-tool" id="x&amp;y" data-card-id="c1">\n<h2>T</h2>'
        '<article class="card sub-card" id="s" data-card-id="c2">sub</article>\n</article>\n'
    )
    attrs, inner = page_html.split_element(fragment)
    assert attrs == [["class", "card card-tool"], ["id", "x&y"], ["data-card-id", "c1"]]
    assert inner.startswith("\n<h2>T</h2><article") and inner.endswith("</article>\n")
    # Anything but one article is replaced whole.
    assert page_html.split_element("<p>one</p>") is None
    assert page_html.split_element('<article id="a"></article><article id="b"></article>') is None
    script = page_html.js_replace_cards([("c9", "", "<p>one</p>")])
    assert '["c9", "", null, "<p>one</p>"]' in script


def test_a_card_render_is_the_same_with_the_pages_anchors_shared(document):
    issue = document.issue
    card_id = issue.sections[0].card_ids[3]
    whole = issue_html.card_fragment(issue, card_id)
    from editor_app.core.numbering import compute_numbers

    numbers = compute_numbers(issue)
    anchors = issue_html.page_anchors(issue, numbers)
    shared = issue_html.card_fragment(issue, card_id, numbers=numbers, anchors=anchors)
    again = issue_html.card_fragment(issue, card_id, numbers=numbers, anchors=anchors)
    assert whole == shared == again
    assert card_id in issue_html.page_anchors(issue).cards


# -- in the page -----------------------------------------------------------------------------
@needs_web
def test_typing_keeps_the_cards_element(qtbot, document):
    pane = _pane(qtbot, document)
    card_id = document.issue.sections[0].card_ids[1]
    parent = document.issue.sections[0].card_ids[3]
    child = document.card(parent).child_ids[0]
    # The isolated world keeps its globals between scripts: remember the elements.
    _js(qtbot, pane, f"window.kept = {_el(card_id)}; window.keptParent = {_el(parent)}; 1")
    for text in ("第一版 first", "第二版 second **bold**"):
        _edit(qtbot, pane, document, card_id, text)
    _edit(qtbot, pane, document, child, "子卡片 child-typed")
    assert _js(qtbot, pane, f"window.kept === {_el(card_id)} && window.kept.isConnected")
    assert _js(qtbot, pane, f"window.keptParent === {_el(parent)}")
    assert _js(qtbot, pane, "window.kept.querySelector('strong').textContent") == "bold"
    assert "第二版 second" in _js(qtbot, pane, "window.kept.textContent")
    assert "child-typed" in _js(qtbot, pane, "window.keptParent.textContent")
    assert _js(qtbot, pane, "document.querySelectorAll('[data-card-id]').length") == 6
    assert pane.page_loads == 1


@needs_web
def test_card_mode_marks_survive_an_edit_of_the_shown_sub_card(qtbot, document):
    pane = _pane(qtbot, document)
    parent = document.issue.sections[0].card_ids[3]
    child = document.card(parent).child_ids[1]
    pane.show_card(child)
    pane.set_mode("card")
    qtbot.waitUntil(
        lambda: _js(qtbot, pane, "document.querySelector('.mh-target') !== null"), timeout=WAIT
    )
    _edit(qtbot, pane, document, child, "只看这张 only-this")
    target = "document.querySelector('.mh-target')"
    assert _js(qtbot, pane, f"{target}.getAttribute('data-card-id')") == child
    assert _js(qtbot, pane, f"{_el(parent)}.classList.contains('mh-path')")
    visible = (
        "Array.from(document.querySelectorAll('[data-card-id]'))"
        ".filter(e => e.offsetParent !== null).map(e => e.getAttribute('data-card-id')).join()"
    )
    shown = _js(qtbot, pane, visible).split(",")
    assert child in shown and document.issue.sections[0].card_ids[0] not in shown


@needs_web
def test_a_keystroke_renders_off_the_ui_thread(qtbot, document, monkeypatch):
    pane = _pane(qtbot, document)
    card_id = document.issue.sections[0].card_ids[0]
    calls: list[int] = []  # threads that rendered this card (other panes may still render)
    real = issue_html.card_fragment

    def recording(issue, top, *args, **kwargs):
        if top == card_id:
            calls.append(threading.get_ident())
        return real(issue, top, *args, **kwargs)

    monkeypatch.setattr(issue_html, "card_fragment", recording)
    long_body = "长文 long paragraph. " * 20_000  # over the renderer's per-card size
    with qtbot.waitSignal(pane.renderedCard, timeout=WAIT, check_params_cb=lambda c: c == card_id):
        document.set_card_body(card_id, long_body)
        handled_at_once = list(calls)
    ui_thread = threading.get_ident()
    # A worker may already be rendering (an earlier refresh); the UI thread never does.
    assert ui_thread not in handled_at_once
    assert calls and ui_thread not in calls
    assert "long paragraph" in _js(qtbot, pane, f"{_el(card_id)}.textContent")


def _inner_html_expected(pane: PreviewPane, doc, top: str) -> str:
    """What the card's children should be: its fragment rendered now with the page's anchors,
    as the page parses it."""
    from editor_app.gui.preview import jobs

    layout = pane.scheduler.layout
    fragment = jobs.render_cards([(top, jobs.subtree_snapshot(doc.issue, top))], layout)
    return page_html.split_element(fragment.fragments[top])[1]


@needs_web
def test_an_edit_changes_only_the_nodes_that_differ(qtbot, document):
    pane = _pane(qtbot, document)
    card_id = document.issue.sections[0].card_ids[2]
    body = "第一段 first paragraph.\n\n- 列表 item\n- second\n\n最后一段 last"
    _edit(qtbot, pane, document, card_id, body)
    el = _el(card_id)
    _js(
        qtbot,
        pane,
        f"window.firstP = {el}.querySelector('p'); window.list = {el}.querySelector('ul'); 1",
    )
    _edit(qtbot, pane, document, card_id, body + " typed")
    # The paragraph and the list nobody typed in are the same nodes; the typed text is there.
    assert _js(
        qtbot, pane, f"window.firstP === {el}.querySelector('p') && window.firstP.isConnected"
    )
    assert _js(qtbot, pane, f"window.list === {el}.querySelector('ul')")
    assert "last typed" in _js(qtbot, pane, f"{el}.textContent")


@needs_web
def test_merged_card_equals_a_fresh_parse_of_its_render(qtbot, document):
    pane = _pane(qtbot, document)
    card_id = document.issue.sections[0].card_ids[0]
    bodies = [
        "一 one\n\n二 two\n\n三 three",
        "一 one\n\n三 three",  # a paragraph removed
        "# 标题 Heading\n\n一 one\n\n> 引用 quote\n\n三 three **bold**",  # added, nested
        "| a | b |\n| --- | --- |\n| 1 | 2 |\n\n一 one",  # a table, the rest gone
        "",  # empty
        "一 one\n\n二 two [link](https://example.org)\n\n三 three",
    ]
    compare = (
        "(function (html) { var t = document.createElement('template'); t.innerHTML = html;"
        f" return t.innerHTML === {_el(card_id)}.innerHTML; }})(%s)"
    )
    for body in bodies:
        _edit(qtbot, pane, document, card_id, body)
        expected = _inner_html_expected(pane, document, card_id)
        assert _js(qtbot, pane, compare % page_html.js_string(expected)), body


@needs_web
def test_the_preview_starts_its_render_before_the_other_listeners_run(qtbot, document):
    # In the window the editor and the outline listen to the document before the preview
    # exists; their work must not delay the render.
    panes: list[PreviewPane] = []
    renders_seen: list[int] = []
    document.cardChanged.connect(lambda _c, _f: renders_seen.append(panes[0].scheduler.renders))
    panes.append(_pane(qtbot, document))
    pane = panes[0]
    qtbot.waitUntil(lambda: not pane.scheduler.busy, timeout=WAIT)
    before = pane.scheduler.renders
    _edit(qtbot, pane, document, document.issue.sections[0].card_ids[0], "先渲染 first")
    assert renders_seen == [before + 1]


@needs_web
def test_the_contents_sections_and_cards_skip_rendering_off_screen(qtbot, document):
    pane = _pane(qtbot, document)
    card_id = document.issue.sections[0].card_ids[0]
    style = "getComputedStyle(%s).contentVisibility"
    for element in ("document.getElementById('toc')", "document.querySelector('section')"):
        assert _js(qtbot, pane, style % element) == "auto"
    assert _js(qtbot, pane, style % _el(card_id)) == "auto"
    # Still there for the reader: the contents list the cards.
    assert "卡片 0" in _js(qtbot, pane, "document.getElementById('toc').textContent")
