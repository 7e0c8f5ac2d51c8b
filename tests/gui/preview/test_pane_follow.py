"""The preview keeps the part of a tall card being typed in view."""

from __future__ import annotations

import json

import pytest

from editor_app.core.model import Issue
from editor_app.core.outline import add_card, add_section
from editor_app.core.storage import save_issue
from editor_app.gui.document import IssueDocument
from editor_app.gui.preview import page_html
from tests.gui.preview.web_helpers import WAIT, needs_web, open_pane, run_js

pytestmark = needs_web

TALL_LINES = 240


@pytest.fixture
def document(tmp_path):
    issue = Issue(title="跟随 Follow", number=1, slug="follow")
    section = add_section(issue, "长文 Long", "📜")
    add_card(issue, section.id, "短 Short").body = "一行 one line"
    tall = add_card(issue, section.id, "长卡片 Tall")
    tall.body = "\n\n".join(f"第 {n} 段 paragraph {n} of the long card." for n in range(TALL_LINES))
    add_card(issue, section.id, "之后 After").body = "结尾 end"
    save_issue(issue, tmp_path / "follow")
    doc = IssueDocument(tmp_path / "follow", autosave_ms=60_000)
    yield doc
    doc.close()


def _card_box(qtbot, pane, card_id: str) -> dict:
    find = f"document.querySelector('[data-card-id=\"{card_id}\"]')"
    script = (
        f"(function(){{var r={find}.getBoundingClientRect();return {{top:r.top,"
        "bottom:r.bottom,h:window.innerHeight,y:window.scrollY};})()"
    )
    box = run_js(qtbot, pane, f"JSON.stringify({script})")
    return json.loads(box)


def test_typing_at_the_end_of_a_tall_card_brings_its_end_into_view(qtbot, document):
    pane = open_pane(qtbot, document)
    short, tall, _after = (c.id for c in document.issue.ordered_cards())
    pane.show_card(tall)
    start = _card_box(qtbot, pane, tall)
    # On screen, and taller than the view: its end is out of sight.
    assert 0 <= start["top"] < start["h"] < start["bottom"]

    def settled_where(condition) -> dict:
        # The page scrolls and lays the card out asynchronously: wait for the box the
        # condition describes rather than taking the first one that moved.
        boxes: list[dict] = []
        qtbot.waitUntil(
            lambda: condition(boxes.append(_card_box(qtbot, pane, tall)) or boxes[-1]),
            timeout=WAIT,
        )
        return boxes[-1]

    pane.follow_typing(tall, 1.0)
    # The card's last lines come on screen.
    end = settled_where(lambda b: b["y"] > start["y"] and 0 <= b["bottom"] <= b["h"] * 0.9)

    pane.follow_typing(tall, 0.0)  # back to the first line
    settled_where(lambda b: b["y"] < end["y"] and -1 <= b["top"] <= b["h"] * 0.5)


def test_a_card_that_fits_does_not_move_the_page(qtbot, document):
    pane = open_pane(qtbot, document)
    short = document.issue.ordered_cards()[0].id
    pane.show_card(short)
    before = _card_box(qtbot, pane, short)
    moved = run_js(qtbot, pane, page_html.js_reveal(None, short, 1.0))
    assert moved is False
    assert _card_box(qtbot, pane, short)["y"] == before["y"]


def test_the_reveal_script_clamps_the_share():
    assert "1.0000" in page_html.js_reveal("a", "c", 7.5)
    assert "0.0000" in page_html.js_reveal("a", "c", -1)
