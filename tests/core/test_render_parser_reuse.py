"""Each thread reuses one Markdown parser: a render must not depend on what it rendered
before (footnote numbers, heading-id prefixes, collected links), nor on a render that failed."""

from __future__ import annotations

import threading

import pytest

from editor_app.core import render

TEXT = (
    "## 标题 Heading\n\n正文 with a note[^a] and [a link](https://example.org/a).\n\n"
    "![图 figure](assets/x.png)\n\n[^a]: 脚注 the note.\n"
)
OTHER = '# Other\n\nMore[^b] text, <a href="https://example.org/raw">raw</a>.\n\n[^b]: b.\n'


def _seen(result: render.RenderResult) -> tuple:
    """What a render gives its readers (not how long it took)."""
    return result.html, result.links, result.images, result.headings


def _fresh(text: str, prefix: str) -> tuple:
    """The render of ``text`` by a thread that rendered nothing before."""
    box: list[tuple] = []
    worker = threading.Thread(
        target=lambda: box.append(_seen(render._render_limited(text, prefix)))
    )
    worker.start()
    worker.join()
    return box[0]


def test_a_reused_parser_renders_as_a_new_one():
    expected = _fresh(TEXT, "c1-")
    html, links, images, headings = expected
    assert 'id="c1-fn:1-a"' in html  # footnotes numbered as by a new parser
    assert headings[0][1].startswith("c1-")
    assert "https://example.org/a" in [x.url for x in links]
    assert [x.src for x in images] == ["assets/x.png"]
    for prefix in ("", "c2-", "c1-"):  # the render before must leave nothing behind
        render._render_limited(OTHER, prefix)
        assert _seen(render._render_limited(TEXT, "c1-")) == expected
    assert _seen(render._render_limited(TEXT, "")) == _fresh(TEXT, "")


def test_a_render_that_failed_leaves_no_parser_behind(monkeypatch):
    render._render_limited(TEXT, "c1-")
    calls = []
    real = render._Collector.run

    def failing(self, root):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("broken halfway")
        return real(self, root)

    monkeypatch.setattr(render._Collector, "run", failing)
    with pytest.raises(RuntimeError):
        render._render(TEXT, "c1-")
    assert render._local.parser is None
    assert _seen(render._render_limited(TEXT, "c1-")) == _fresh(TEXT, "c1-")


def test_a_blank_text_keeps_no_list_guess_of_the_text_before() -> None:
    # python-markdown runs no treeprocessor on a blank text.
    assert render._render_limited("  1. item\n    - lazy text\n", "").lists_guessed
    assert not render._render_limited("\n", "").lists_guessed
