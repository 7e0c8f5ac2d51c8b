"""The shared Markdown line patterns, checked against markdown-it-py in CommonMark mode."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from editor_app.core import linkscan, text_stats
from editor_app.core.markdown_syntax import (
    CLOSING,
    CODE,
    OPENING,
    OUTSIDE,
    atx_level,
    fence_open,
    fence_roles,
    fenced_lines,
    fenced_ranges,
    is_fence_close,
    is_fence_open,
    leading_columns,
    list_item,
)
from editor_app.core.markup import mdtext
from editor_app.core.render import render_markdown

COMMONMARK = MarkdownIt("commonmark")


def oracle_fenced(lines: list[str]) -> list[bool]:
    """Which lines markdown-it puts in fenced code blocks (fences included)."""
    flags = [False] * len(lines)
    for token in COMMONMARK.parse("\n".join(lines)):
        if token.type == "fence" and token.map:
            for i in range(token.map[0], min(token.map[1], len(lines))):
                flags[i] = True
    return flags


def test_leading_columns_expand_tabs_to_stops_of_four() -> None:
    assert leading_columns("abc") == (0, 0)
    assert leading_columns("   x") == (3, 3)
    assert leading_columns("\tx") == (4, 1)
    assert leading_columns("  \tx") == (4, 3)
    assert leading_columns(" \t \tx") == (8, 4)


@pytest.mark.parametrize(
    ("line", "opens"),
    [
        ("```", True),
        ("~~~", True),
        ("``", False),
        ("   ```", True),  # three spaces: still a fence
        ("    ```", False),  # four: indented code
        ("\t```", False),  # a tab reaches column 4
        (" \t```", False),
        ("```python", True),
        ("``` a`b", False),  # a backtick in the info: inline code
        ("~~~ a`b", True),  # tildes allow it
        ("`````", True),
        ("x ```", False),
    ],
)
def test_fence_open_follows_commonmark(line: str, opens: bool) -> None:
    assert is_fence_open(line) is opens
    assert oracle_fenced([line, "code"])[0] is opens


def test_fence_open_reports_marker_indent_and_info() -> None:
    fence = fence_open("  ````py title ")
    assert fence is not None
    assert (fence.char, fence.length, fence.indent, fence.info, fence.start) == (
        "`",
        4,
        2,
        "py title",
        2,
    )
    assert fence.marker == "````"


@pytest.mark.parametrize(
    ("opening", "closing", "closes"),
    [
        ("```", "```", True),
        ("```", "````", True),  # longer closes
        ("````", "```", False),  # shorter does not
        ("```", "~~~", False),  # other character
        ("~~~", "~~~~  ", True),  # trailing blanks are fine
        ("```", "``` x", False),  # nothing may follow
        ("```", "   ```", True),
        ("```", "    ```", False),  # four spaces: content
        ("```", "\t```", False),
    ],
)
def test_fence_close_follows_commonmark(opening: str, closing: str, closes: bool) -> None:
    fence = fence_open(opening)
    assert fence is not None
    assert is_fence_close(closing, fence) is closes
    assert is_fence_close(closing, (fence.char, fence.length)) is closes
    lines = [opening, "code", closing, "after"]
    assert oracle_fenced(lines)[3] is not closes


def test_roles_of_a_fence_and_one_left_open() -> None:
    lines = ["intro", "~~~~", "```", "~~~", "~~~~~", "text", "```js", "x"]
    roles, still_open = fence_roles(lines)
    assert roles == [OUTSIDE, OPENING, CODE, CODE, CLOSING, OUTSIDE, OPENING, CODE]
    assert still_open is not None and still_open.marker == "```"


def test_fenced_ranges_are_character_spans() -> None:
    text = "a\n```\nb\n```\nc\n~~~\nd"
    spans = fenced_ranges(text)
    assert [text[s:e] for s, e in spans] == ["```\nb\n```\n", "~~~\nd"]


_FENCE_LINES = st.sampled_from(
    [
        "```", "````", "~~~", "~~~~", "```py", "``` a`b", "~~~ a`b", "   ```", "    ```",
        "\t```", " \t~~~", "```  ", "~~~~ ", "  ~~~", "code", "more text", "",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_FENCE_LINES, min_size=1, max_size=12))
def test_fenced_lines_agree_with_markdown_it(lines: list[str]) -> None:
    # Trailing blank lines after an unclosed fence are a matter of where the document ends.
    while lines and not lines[-1]:
        lines.pop()
    assert fenced_lines(lines) == oracle_fenced(lines)


@settings(max_examples=200, deadline=None)
@given(st.lists(_FENCE_LINES, min_size=1, max_size=12))
def test_every_line_reader_agrees_on_fences(lines: list[str]) -> None:
    while lines and not lines[-1]:
        lines.pop()  # an empty last line has no character for a span to cover
    text = "\n".join(lines)
    expected = fenced_lines(lines)
    assert mdtext.iter_fenced(lines) == expected
    starts = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]
    assert [any(s <= at < e for s, e in fenced_ranges(text)) for at in starts] == expected


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("```\nhttps://a.example/\n```", False),
        ("   ~~~\nhttps://a.example/\n~~~", False),
        ("\t```\n\nhttps://a.example/", True),  # indented code, then a paragraph
        ("``` a`b\nhttps://a.example/", True),  # inline code, not a fence
    ],
)
def test_link_scan_skips_fenced_code_only(text: str, listed: bool) -> None:
    urls = [x.url for x in linkscan.scan_markdown(text)]
    assert (urls == ["https://a.example/"]) is listed


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("# a", 1),
        ("###### a", 6),
        ("####### a", None),
        ("#a", None),
        ("#", 1),
        ("#\ta", 1),
        ("   ## a", 2),
        ("    ## a", None),
        ("\t## a", None),
        (" \t# a", None),
    ],
)
def test_atx_headings_follow_commonmark(line: str, level: int | None) -> None:
    assert atx_level(line) == level
    tokens = [t for t in COMMONMARK.parse(line) if t.type == "heading_open"]
    assert (int(tokens[0].tag[1]) if tokens else None) == level


@pytest.mark.parametrize(
    ("line", "marker"),
    [
        ("- a", "-"),
        ("* a", "*"),
        ("+ a", "+"),
        ("-\ta", "-"),
        ("-", "-"),  # an empty item
        ("1. a", "1."),
        ("1) a", "1)"),
        ("123456789. a", "123456789."),
        ("1234567890. a", None),
        ("-a", None),
        ("1.a", None),
        ("- - -", None),  # a thematic break
        ("* * *", None),
        ("   - a", "-"),
    ],
)
def test_list_items_follow_commonmark(line: str, marker: str | None) -> None:
    m = list_item(line)
    assert (m.group(2) if m else None) == marker
    tokens = {t.type for t in COMMONMARK.parse(line)}
    assert bool(tokens & {"bullet_list_open", "ordered_list_open"}) is (marker is not None)


def test_the_renderer_reads_fences_by_the_same_rules() -> None:
    # Four columns of indentation make indented code, for the dialect too.
    assert "<pre><code>```" in render_markdown("    ```\ncode\n    ```").html
    assert "<pre><code>```" in render_markdown("\t```\ncode\n```").html
    # A closing fence indented four columns is content.
    html = render_markdown("```\nx\n    ```\ny").html
    assert "<p>y</p>" not in html and "y" in html


def test_text_stats_drop_only_real_fence_lines() -> None:
    # A ``` inside a tilde fence is code, and code is counted as text.
    inside = "~~~\n```\nword\n~~~"
    assert "```" in text_stats.strip_markdown(inside)
    assert "~~~" not in text_stats.strip_markdown(inside)
    # A tab-indented ``` is not a fence; its backticks are not letters either way.
    assert text_stats.count_words("\t```\nword") == 1


def reference_fenced_ranges(text: str) -> list[tuple[int, int]]:
    """Every line of ``text`` read in turn, as fenced_ranges once did."""
    out: list[tuple[int, int]] = []
    pos, start = 0, 0
    fence = None
    for line in text.splitlines(keepends=True):
        if fence is None:
            fence = fence_open(line.rstrip("\r\n"))
            start = pos
        elif is_fence_close(line, fence):
            out.append((start, pos + len(line)))
            fence = None
        pos += len(line)
    if fence is not None:
        out.append((start, len(text)))
    return out


# Fence markers, indentation and every line boundary splitlines knows, CR LF included.
_FENCED_TEXT = st.lists(
    st.sampled_from(
        [
            "```",
            "~~~",
            "````",
            "`",
            "~",
            " ",
            "   ",
            "\t",
            "a",
            "中",
            "\n",
            "\n",
            "\r",
            "\r\n",
            "\x0b",
            "\x0c",
            "\x1c",
            "\x85",
            "\u2028",
            "\u2029",
        ]
    )  # fmt: skip
).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_FENCED_TEXT, st.integers(1, 12))
def test_fenced_ranges_read_only_fence_lines_and_agree_with_every_line(text, piece_chars):
    assert fenced_ranges(text, piece_chars) == reference_fenced_ranges(text)
    assert fenced_ranges(text) == reference_fenced_ranges(text)
