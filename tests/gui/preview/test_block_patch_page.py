"""Block patches in the QtWebEngine page: a long card patched edit by edit holds exactly what
swapping the whole card gives, and a patch that does not fit the page is replaced by the
whole card."""

from __future__ import annotations

import pytest

from editor_app.core.model import Issue
from editor_app.core.outline import add_card, add_section
from editor_app.core.storage import save_issue
from editor_app.gui.document import IssueDocument
from editor_app.gui.preview import PreviewPane, page_html
from tests.gui.preview.test_block_patch import EDITS, long_markdown
from tests.gui.preview.web_helpers import WAIT, needs_web
from tests.gui.preview.web_helpers import open_pane as _pane
from tests.gui.preview.web_helpers import run_js as _js


@pytest.fixture
def document(tmp_path):
    issue = Issue(title="补丁页 Patch page", number=4, slug="patch-page")
    section = add_section(issue, "日志 Logs", "⚓")
    add_card(issue, section.id, "短卡 Short").body = "短 short"
    add_card(issue, section.id, "港口日志 Harbour log").body = long_markdown()
    parent = add_card(issue, section.id, "合集 Bundle")
    parent.body = long_markdown(8)
    add_card(issue, parent.id, "子卡 Child").body = "子卡 child body"
    save_issue(issue, tmp_path / "patch")
    doc = IssueDocument(tmp_path / "patch", autosave_ms=60_000)
    yield doc
    doc.close()


def _el(card_id: str) -> str:
    return f"document.querySelector('[data-card-id=\"{card_id}\"]')"


def _edit(qtbot, pane: PreviewPane, doc, card_id: str, body: str) -> list:
    """Set the body; the results sent to the page for the card (CardsResult)."""
    results: list = []

    def seen(result, _answers) -> None:  # noqa: ANN001
        if card_id in result.fragments:
            results.append(result)

    pane.scheduler.cardsRendered.connect(seen)
    with qtbot.waitSignal(pane.renderedCard, timeout=WAIT, check_params_cb=lambda c: c == card_id):
        doc.set_card_body(card_id, body)
    pane.scheduler.cardsRendered.disconnect(seen)
    return results


def _swap_whole(qtbot, pane: PreviewPane, card_id: str) -> None:
    fragment = pane.backend.shown[card_id]
    with qtbot.waitSignal(pane.backend.cardReplaced, timeout=WAIT):
        pane.backend.replace_card(card_id, fragment)


def _fresh_parse_equal(card_id: str, fragment: str) -> str:
    """A script: true when the card's element equals its attributes with ``fragment``'s
    children as the page parses them, node for node; otherwise what differs."""
    inner = page_html.split_element(fragment)[1]
    return (
        "(function (html) { try { var t = document.createElement('template');"
        f" t.innerHTML = html; var el = {_el(card_id)}, n = el.cloneNode(false);"
        " n.appendChild(t.content); return n.isEqualNode(el) ||"
        " [n.innerHTML === el.innerHTML, n.childNodes.length, el.childNodes.length].join();"
        " } catch (e) { return 'error ' + e; } })"
        f"({page_html.js_string(inner)})"
    )


@needs_web
@pytest.mark.parametrize("which", [1, 2])  # a top-level card; one with a sub-card
def test_a_patched_long_card_is_what_the_whole_swap_gives(qtbot, document, which):
    pane = _pane(qtbot, document)
    qtbot.waitUntil(pane.is_complete, timeout=WAIT)
    card_id = document.issue.sections[0].card_ids[which]
    body = document.card(card_id).body
    _edit(qtbot, pane, document, card_id, body + "\n\n第一次 first")  # sent whole: the base
    patched = 0
    for edit in EDITS:
        results = _edit(qtbot, pane, document, card_id, edit(body))
        patched += sum(1 for r in results if card_id in r.bases)
        after_patch = _js(qtbot, pane, f"{_el(card_id)}.innerHTML")
        # The same node structure as parsing the card's whole HTML (not only the same text).
        fresh = _fresh_parse_equal(card_id, pane.backend.shown[card_id])
        assert _js(qtbot, pane, fresh) is True, edit(body)[:60]
        _swap_whole(qtbot, pane, card_id)
        assert _js(qtbot, pane, f"{_el(card_id)}.innerHTML") == after_patch
    assert patched == len(EDITS)  # every edit went as a patch
    assert pane.page_loads == 1


@needs_web
def test_typing_into_a_long_card_keeps_its_nodes_and_sends_only_the_typed_text(qtbot, document):
    pane = _pane(qtbot, document)
    card_id = document.issue.sections[0].card_ids[1]
    body = document.card(card_id).body
    _edit(qtbot, pane, document, card_id, body + "\n\nT")
    _js(qtbot, pane, f"window.firstTable = {_el(card_id)}.querySelector('table'); 1")
    for typed in ("Ty", "Typ", "Typed 中文"):
        (result,) = _edit(qtbot, pane, document, card_id, body + "\n\n" + typed)
        assert card_id in result.bases and len(result.script) < 8_000
    assert _js(qtbot, pane, f"window.firstTable === {_el(card_id)}.querySelector('table')")
    assert "Typed 中文" in _js(qtbot, pane, f"{_el(card_id)}.textContent")


@needs_web
def test_a_patch_that_does_not_fit_the_page_is_followed_by_the_whole_card(qtbot, document, caplog):
    pane = _pane(qtbot, document)
    card_id = document.issue.sections[0].card_ids[1]
    body = document.card(card_id).body
    _edit(qtbot, pane, document, card_id, body + "\n\n基础 base")
    # Something the preview did not send: the card's body has a node more than it thinks.
    _js(qtbot, pane, f"{_el(card_id)}.querySelector('.card-body').append('stray'); 1")
    (result,) = _edit(qtbot, pane, document, card_id, body + "\n\n改过 changed")
    assert card_id in result.bases  # it was sent as a patch, which the page refused
    assert "refused by the page" in caplog.text
    assert _js(qtbot, pane, _fresh_parse_equal(card_id, pane.backend.shown[card_id])) is True
    assert "stray" not in _js(qtbot, pane, f"{_el(card_id)}.textContent")


@needs_web
def test_a_new_page_takes_whole_cards_again(qtbot, document):
    pane = _pane(qtbot, document)
    card_id = document.issue.sections[0].card_ids[1]
    body = document.card(card_id).body
    _edit(qtbot, pane, document, card_id, body + "\n\n一 one")
    assert card_id in pane.backend.shown
    loads = pane.page_loads
    pane.reload()
    qtbot.waitUntil(lambda: pane.page_loads > loads, timeout=WAIT)
    assert card_id not in pane.backend.shown
    (result,) = _edit(qtbot, pane, document, card_id, body + "\n\n二 two")
    assert not result.bases
    assert _js(qtbot, pane, _fresh_parse_equal(card_id, pane.backend.shown[card_id])) is True
