"""Rendering limits: hostile cards render bounded, as text or as an error box, never a trace."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest

from editor_app.core import checks, render, render_limits
from editor_app.core.checks import check_issue
from editor_app.core.export import get_exporter
from editor_app.core.export.base import ExportOptions, run_export
from editor_app.core.issue_html import card_fragment, issue_page
from editor_app.core.model import Issue
from editor_app.core.outline import add_card, add_section
from editor_app.core.render import render_markdown
from editor_app.core.render_limits import (
    MAX_BLOCK_DEPTH,
    MAX_BRACKET_DEPTH,
    MAX_CARD_CHARS,
    MAX_INLINE_DEPTH,
    MAX_INLINE_TOKENS,
    RENDERER_ERROR,
    TOO_COMPLEX,
    TOO_LARGE,
    neutralise,
)
from tests.core.export.export_helpers import assert_no_active_content


def max_nesting(html: str, tags: str) -> int:
    depth = deepest = 0
    for match in re.finditer(rf"<(/?)(?:{tags})\b", html):
        depth += -1 if match.group(1) else 1
        deepest = max(deepest, depth)
    return deepest


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def nested_emphasis(n: int) -> str:
    opening = "".join("*a " if i % 2 else "_a " for i in range(n))
    closing = "".join(" a*" if i % 2 else " a_" for i in reversed(range(n)))
    return opening + "deepest" + closing


# Each shape stays under the size cap, so it goes through the renderer, not the error box.
HOSTILE = {
    "lists, 2-space indent": "\n".join("  " * i + f"- item {i}" for i in range(300)),
    "lists, 4-space indent": "\n".join("    " * i + f"- item {i}" for i in range(200)),
    "lists with blank lines": "\n\n".join("   " * i + f"1. item {i}" for i in range(240)),
    "markers on one line": "- " * 2000 + "deepest",
    "quotes and lists on one line": "> - " * 1000 + "deepest",
    "growing >": "\n".join(">" * i + f" line {i}" for i in range(1, 400)),
    "nested brackets": "[" * 10_000 + "deepest" + "]" * 10_000,
    "nested emphasis": nested_emphasis(10_000),
    "nested strong": "**a " * 10_000 + "deepest" + " a**" * 10_000,
    "brackets and emphasis": "[*" * 5_000 + "deepest" + "*]" * 5_000,
    "nested link texts": "[a " * 3_000 + "deepest" + "](https://example.com/)" * 3_000,
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_shapes_render_bounded_with_their_text(name: str) -> None:
    text = HOSTILE[name]
    assert len(text) <= MAX_CARD_CHARS
    result = render_markdown(text)
    assert not result.limits.refused
    assert result.limits.neutralised > 0
    html = result.html
    assert max_nesting(html, "ul|ol|blockquote") <= MAX_BLOCK_DEPTH
    assert max_nesting(html, "ul|ol") <= MAX_BLOCK_DEPTH
    assert max_nesting(html, "blockquote") <= MAX_BLOCK_DEPTH
    # Each delimiter run opens at most em and strong together.
    assert max_nesting(html, "em|strong|a") <= 2 * MAX_INLINE_DEPTH
    # Bounded output: a few times the input, not a blow-up.
    assert len(html) < 8 * len(text) + 10_000
    if "deepest" in text:
        assert "deepest" in text_of(html)
    else:
        for n in re.findall(r"(?:item|line) (\d+)", text):
            assert re.search(rf"\b{n}\b", text_of(html)), n


def test_every_list_item_keeps_its_text() -> None:
    html = render_markdown(HOSTILE["lists, 2-space indent"]).html
    shown = text_of(html)
    assert all(f"item {i}" in shown for i in range(300))
    assert max_nesting(html, "ul") == MAX_BLOCK_DEPTH  # capped, not collapsed


@pytest.mark.parametrize("indent", [2, 4])
def test_lists_up_to_the_cap_keep_their_structure(indent: int) -> None:
    text = "\n".join(" " * indent * i + f"- item {i}" for i in range(MAX_BLOCK_DEPTH))
    assert neutralise(text) == (text, 0)
    assert max_nesting(render_markdown(text).html, "ul") == MAX_BLOCK_DEPTH


def test_quotes_up_to_the_cap_keep_their_structure_and_deeper_ones_become_text() -> None:
    at_cap = ">" * MAX_BLOCK_DEPTH + " deep"
    assert neutralise(at_cap) == (at_cap, 0)
    deeper = ">" * (MAX_BLOCK_DEPTH + 5) + " deeper"
    html = render_markdown(deeper).html
    assert max_nesting(html, "blockquote") == MAX_BLOCK_DEPTH
    assert "&gt;&gt;&gt;&gt;&gt; deeper" in html  # the extra markers are shown as text


def test_inline_nesting_up_to_the_cap_is_untouched() -> None:
    text = "[" * MAX_BRACKET_DEPTH + "x" + "]" * MAX_BRACKET_DEPTH
    assert neutralise(text) == (text, 0)
    emphasis = "*a " * MAX_INLINE_DEPTH + "x" + " a*" * MAX_INLINE_DEPTH
    assert neutralise(emphasis) == (emphasis, 0)


def test_ordinary_markdown_is_never_touched() -> None:
    text = (
        "# Title\n\nSome *emphasis*, **strong**, snake_case_names and `**kwargs`.\n\n"
        "- one\n  - two\n    - three\n\n> quote\n> > nested [link](https://x.org/a_(b))\n\n"
        "1. first\n2. second\n\n---\n\n* * *\n\n| a | b |\n|---|---|\n| [x] | _y_ |\n"
        + "word_with_underscores " * 200
        + "\n\n"
        + "a*b*c " * 100
    )
    assert neutralise(text) == (text, 0)


def test_fenced_code_is_never_touched() -> None:
    inside = "\n".join([">" * 40 + " quoted", "- " * 40 + "x", "[" * 100, "*a " * 100])
    text = f"```\n{inside}\n```\n\nafter"
    assert neutralise(text) == (text, 0)
    html = render_markdown(text).html
    assert "[" * 100 in html
    # An unclosed fence is not code for python-markdown, so it is scanned like text.
    unclosed = "```\n" + "[" * 100 + "x"
    assert neutralise(unclosed)[1] == 100 - MAX_BRACKET_DEPTH


def test_unclosed_brackets_are_escaped_but_not_reported() -> None:
    # They are text either way; escaped, python-markdown does not scan for their ends.
    source, deeper = neutralise("see [1 and [2")
    assert (source, deeper) == ("see \\[1 and \\[2", 0)
    assert "see [1 and [2" in render_markdown("see [1 and [2").html


def test_an_oversized_text_is_refused_without_rendering() -> None:
    text = "word " * (MAX_CARD_CHARS // 5 + 1)
    result = render_markdown(text)
    assert result.limits.refused == TOO_LARGE
    assert result.html == ""
    assert f"{MAX_CARD_CHARS:,}" in result.limits.detail


def test_a_paragraph_with_too_many_inline_markers_is_refused() -> None:
    # python-markdown's inline pass is quadratic in them; the same markers split into
    # paragraphs are fine.
    crowded = "*a* " * (MAX_INLINE_TOKENS // 2 + 1)
    result = render_markdown(crowded)
    assert result.limits.refused == TOO_COMPLEX
    assert result.html == ""
    spread = "\n\n".join(["*a* " * 100] * (MAX_INLINE_TOKENS // 200 + 1))
    assert not render_markdown(spread).limits.refused


def test_a_renderer_exception_becomes_a_refusal(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str, id_prefix: str) -> render.RenderResult:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(render, "_render", broken)
    result = render_markdown("hello")
    assert result.limits.refused == RENDERER_ERROR
    assert "RecursionError" in result.limits.detail


# -- the issue: checks, preview fragment, export ----------------------------------------------
def issue_with(body: str, language: str = "en") -> tuple[Issue, list[str]]:
    issue = Issue(title="limits", language=language)
    section = add_section(issue, "News")
    ids = []
    for title, text in (("Before", "Plain **before** text."), ("Hostile", body), ("After", "")):
        card = add_card(issue, section.id, title)
        card.body = text or "Plain *after* text."
        ids.append(card.id)
    return issue, ids


def oversized(marker: str = "") -> str:
    # Unique text, so the checks' render cache never answers for another test.
    return f"{marker}<script>alert(1)</script> {uuid.uuid4()}\n\n" + "x " * MAX_CARD_CHARS


def test_checks_report_an_oversized_card_as_render_limit() -> None:
    issue, (before, hostile, after) = issue_with(oversized())
    problems = [p for p in check_issue(issue) if p.code == checks.RENDER_LIMIT]
    assert [(p.severity, p.card) for p in problems] == [(checks.ERROR, hostile)]
    assert "could not be rendered" in problems[0].message


def test_checks_report_a_renderer_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    marker = f"explode-{uuid.uuid4()}"
    original = render._render

    def fragile(text: str, id_prefix: str) -> render.RenderResult:
        if marker in text:
            raise ValueError("boom")
        return original(text, id_prefix)

    monkeypatch.setattr(render, "_render", fragile)
    issue, (before, hostile, after) = issue_with(f"Some text {marker}")
    problems = [p for p in check_issue(issue) if p.code == checks.RENDER_LIMIT]
    assert [p.card for p in problems] == [hostile]
    assert "ValueError: boom" in problems[0].message
    page = issue_page(issue)
    assert page.count('class="render-error"') == 1
    assert "the Markdown renderer failed (ValueError: boom)" in page


def test_checks_warn_about_flattened_nesting_and_slow_renders(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    issue, (before, hostile, after) = issue_with(HOSTILE["growing >"] + f"\n\n{uuid.uuid4()}")
    problems = check_issue(issue)
    deep = [p for p in problems if p.code == checks.DEEP_NESTING]
    assert [(p.severity, p.card) for p in deep] == [(checks.WARNING, hostile)]
    assert not [p for p in problems if p.code == checks.RENDER_LIMIT]
    monkeypatch.setattr(render_limits, "TIME_BUDGET_SECONDS", -1.0)
    slow = [p for p in check_issue(issue) if p.code == checks.RENDER_SLOW]
    assert {p.card for p in slow} == {before, hostile, after}


def _article(page: str, card_id: str) -> str:
    start = page.index(f'data-card-id="{card_id}"')
    return page[start : page.index("</article>", start)]


@pytest.mark.parametrize("profile", ["site", "single-file"])
def test_html_export_shows_the_box_for_that_card_only(tmp_path: Path, profile: str) -> None:
    issue, (before, hostile, after) = issue_with(oversized())
    exporter = get_exporter("html")
    assert checks.RENDER_LIMIT in {p.code for p in exporter.preflight(issue)}
    files = run_export(exporter, issue, tmp_path, ExportOptions(profile, force=True)).files
    page = files[0].read_text("utf-8")
    assert_no_active_content(page)
    assert page.count('class="render-error"') == 1
    box = _article(page, hostile)
    assert "This card could not be rendered: its text has" in box
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in box  # shown as escaped text
    assert "more characters not shown" in box
    assert len(box) < 30_000  # the text is cut, not copied whole
    assert "<strong>before</strong>" in _article(page, before)
    assert "<em>after</em>" in _article(page, after)


def test_the_preview_fragment_carries_the_same_box_in_the_issue_language() -> None:
    issue, (before, hostile, after) = issue_with(oversized(), language="zh-CN")
    fragment = card_fragment(issue, hostile)
    assert "此卡片无法渲染" in fragment
    assert fragment.strip() in issue_page(issue)
    assert "render-error" not in card_fragment(issue, before)
