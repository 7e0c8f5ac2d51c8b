"""Markdown text helpers: escaping, markers and the body filter."""

from __future__ import annotations

import pytest

from editor_app.core.markup.mdtext import (
    filter_body,
    marker,
    md_escape,
    md_unescape,
    parse_marker,
    shift_md_headings,
)


@pytest.mark.parametrize(
    "text",
    [
        "plain 中文 title",
        "snake_case and _emphasis_ and *bold* [x](y)",
        "<b>tag</b> &amp; &lt; \\ back`tick`",
        "# not a heading",
        "1. not a list",
        "- not a bullet",
        "> not a quote",
    ],
)
def test_escape_round_trip(text: str) -> None:
    escaped = md_escape(text)
    assert md_unescape(escaped) == text
    assert "<b" not in escaped


def test_marker_round_trip_never_ends_the_comment() -> None:
    data = {"summary": "a --> b <script>", "n": 2}
    line = marker("card", data)
    assert line.count("-->") == 1 and "<script" not in line
    assert parse_marker(line) == ("card", data)
    assert parse_marker("<!-- other -->") is None


def keep(url: str, is_image: bool) -> str | None:
    return None if url.startswith(("javascript", "../")) else url


def test_filter_keeps_safe_markdown_unchanged() -> None:
    body = (
        "## 标题\n\n- a\n  - b\n\n[link](https://example.com/a_(b)) <https://x.org>\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n<sup>1</sup> `<script>` kept in code\n\n"
        "```html\n<script>also kept in a fence</script>\n```"
    )
    assert filter_body(body, keep) == body


def test_filter_removes_active_content() -> None:
    body = (
        '<script>x()</script> <!-- private --> <img src="a.png" onerror="y()">\n\n'
        "[bad](javascript:z()) ![gone](../up.png) <a href='javascript:q()' onclick=w>a</a>\n\n"
        "[r]: javascript:alert(1)"
    )
    out = filter_body(body, keep)
    assert "<script" not in out and "private" not in out and "onerror" not in out
    assert "javascript" not in out and "../up.png" not in out and "onclick" not in out
    assert '<img src="a.png">' in out
    assert "bad" in out  # the text of a refused link stays


def test_shift_headings_skips_fences() -> None:
    text = "# a\n\n```\n# code\n```\n\n### b"
    assert shift_md_headings(text, 2) == "### a\n\n```\n# code\n```\n\n##### b"
    assert shift_md_headings(shift_md_headings(text, 2), -2) == text


def test_refused_images_leave_their_alt_text_not_a_code_block() -> None:
    body = "![a](../a.png) ![b](../b.png) ![c](../c.png) ![d](../d.png) ![ok](assets/ok.png)"
    out = filter_body(body, keep)
    assert "../" not in out
    assert not out.startswith(" ")  # four leading spaces would make an indented code block
    assert out == "a b c d ![ok](assets/ok.png)"
