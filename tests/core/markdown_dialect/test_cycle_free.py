"""The table-of-contents and raw-HTML steps leave no reference cycles and change no output."""

from __future__ import annotations

import gc

import pytest
from markdown.postprocessors import RawHtmlPostprocessor

from editor_app.core import render
from editor_app.core.markdown_dialect.cycle_free import _StashedHtml

TEXTS = [
    "plain words only",
    "## 标题 Heading\n\nText with &amp; an entity and &copy; another.",
    '<div class="box">\n<p>raw block</p>\n</div>\n\nAfter it.',
    "Inline <b>bold</b> and <span>span &lt;x&gt;</span> in a paragraph.",
    "<!-- a comment -->\n\n<details><summary>更多</summary>\n\n- inside\n</details>",
    "<table><tr><td>cell</td></tr></table>\n\n<em>inline at the start</em> of a line",
    "Term &mdash; <kbd>Ctrl</kbd>+<kbd>S</kbd>\n\n<p>wrapped <i>inline</i></p>",
    "```html\n<div>code, not html</div>\n```\n\n<hr>\n\n## A & B",
    "Intro\n\n[TOC]\n\n## One\n\n### Two",
]


@pytest.mark.parametrize("text", TEXTS)
def test_raw_html_is_put_back_exactly_as_the_stock_step_does(text, monkeypatch):
    ours = render._render(text, "p-").html
    monkeypatch.setattr(_StashedHtml, "run", RawHtmlPostprocessor.run)
    assert render._render(text, "p-").html == ours


def test_a_toc_marker_is_text_as_on_the_site():
    html = render._render("Intro\n\n[TOC]\n\n## One\n", "").html
    assert "<p>[TOC]</p>" in html
    assert 'class="toc"' not in html
    assert '<h2 id="one">One</h2>' in html


def test_renders_leave_no_reference_cycles():
    # Their garbage would wait for a collection, and collections run on the UI thread.
    for text in TEXTS:
        render._render(text, "warm-")
    gc.collect()
    gc.disable()
    try:
        for text in TEXTS * 3:
            render._render(text, "c-")
        assert gc.collect() == 0
    finally:
        gc.enable()
