"""A long text rendered in parts gives exactly the whole text's render, and after an edit
only the part typed in is rendered again."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from editor_app.core import render, render_blocks
from editor_app.core.markdown_syntax import LIST_ITEM, Fence, fence_open, is_fence_close
from editor_app.core.render_blocks import BLOCKWISE_CHARS, MAX_PART, MIN_PART, cut_blocks
from editor_app.core.render_limits import MAX_CARD_CHARS, TOO_COMPLEX, TOO_LARGE


def _seen(result: render.RenderResult) -> tuple:
    """Everything a render gives its readers except how long it took."""
    limits = result.limits
    return (
        result.html,
        result.links,
        result.images,
        result.headings,
        (limits.refused, limits.detail, limits.neutralised),
    )


def _whole(text: str, prefix: str = "") -> tuple:
    # The render of the text in one piece, as before parts existed.
    return _seen(render._render_limited(text, prefix))


# -- the blocks the property test composes --------------------------------------------------

_WORDS = st.sampled_from(
    [
        "news", "Rust", "release", "*emphasis*", "**bold**", "_under_", "`code()`", "~~gone~~",
        "[a link](https://example.org/a)", "[same](https://example.org/a)", "![pic](img/p.png)",
        "https://bare.example.com/path", "www.example.net", "<https://angle.example.org>",
        "snake_case_name", "a [bracket", "3 * 4", "x_y", "&amp;", "\\*", "周报", "中文",
        "更新了，", "版本。", "(paren)", "100%", "#tag",
        "[x &amp; y](https://example.org/e)", "[www.example.net](https://example.org/w)",
    ]
)  # fmt: skip
_CJK = st.sampled_from(["中文段落", "测试一下", "这是第二行", "标点，", "结束。", "Rust 版本"])
_TITLES = st.sampled_from(
    ["Intro", "News", "新闻", "Links", "Intro 2", "Tips & tricks", "结尾", "A &amp; B", "`x`"]
)


def _line(words: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.lists(words, min_size=1, max_size=12).map(" ".join)


_PARAGRAPH = st.lists(
    st.tuples(_line(_WORDS), st.sampled_from(["", "", "  ", "\\"])), min_size=1, max_size=4
).map(lambda rows: "\n".join(text + end for text, end in rows).rstrip("\\ "))
_CJK_PARAGRAPH = st.lists(_line(_CJK), min_size=1, max_size=4).map("\n".join)
_HEADING = st.builds(lambda n, t: "#" * n + " " + t, st.integers(1, 4), _TITLES)
_SETEXT = st.builds(lambda t, u: t + "\n" + u, _TITLES, st.sampled_from(["===", "---"]))


@st.composite
def _list(draw: st.DrawFn) -> str:
    ordered = draw(st.sampled_from(["", "1.", "1)"]))
    loose = draw(st.booleans())
    rows = []
    for n in range(draw(st.integers(1, 4))):
        marker = f"{n + 1}{ordered[-1]}" if ordered else draw(st.sampled_from("-*+"))
        box = draw(st.sampled_from(["", "", "[ ] ", "[x] "]))
        rows.append(f"{marker} {box}{draw(_line(_WORDS))}")
        pad = " " * (len(marker) + 1)
        extra = draw(st.sampled_from(["", "", "nested", "para", "lazy", "code", "deep"]))
        if extra == "nested":
            rows.append(f"{pad}- {draw(_line(_WORDS))}")
        elif extra == "para":
            rows.append(f"\n{pad}{draw(_line(_WORDS))}")
        elif extra == "lazy":
            rows.append(draw(_line(_WORDS)))
        elif extra == "code":
            rows.append(f"\n{pad}    indented code")
        elif extra == "deep":
            rows.extend(" " * (2 * d) + "- deep" for d in range(1, draw(st.integers(2, 20))))
    return ("\n\n" if loose else "\n").join(rows)


@st.composite
def _quote(draw: st.DrawFn) -> str:
    depth = draw(st.integers(1, 3))
    rows = [">" * depth + " " + draw(_line(_WORDS)) for _ in range(draw(st.integers(1, 3)))]
    shape = draw(st.sampled_from(["", "lazy", "list", "gap", "deep"]))
    if shape == "lazy":
        rows.append(draw(_line(_WORDS)))
    elif shape == "list":
        rows.append("> - item\n> - item two")
    elif shape == "gap":
        rows.append(">\n> " + draw(_line(_WORDS)))
    elif shape == "deep":
        rows.append("> " * 20 + "too deep")
    return "\n".join(rows)


@st.composite
def _fence(draw: st.DrawFn) -> str:
    mark = draw(st.sampled_from(["```", "~~~", "````"]))
    info = draw(st.sampled_from(["", "python", "rust {.x}"]))
    body = draw(
        st.lists(
            st.sampled_from(
                ["x = 1", "", "", "# not a heading", "- not a list", "[a]", "y = 2", "", "~~~"]
                + ["```python"] * (mark != "```")
            ),
            max_size=6,
        )
    )
    closing = draw(st.sampled_from([mark] * 12 + [mark + "`", ""]))  # rarely left open
    return "\n".join([mark + info, *body, closing])


_INDENTED_CODE = st.lists(
    st.sampled_from(["    let x = 1;", "    ", "\tfn main() {}", "    # code"]),
    min_size=1,
    max_size=4,
).map("\n".join)
_TABLE = st.builds(
    lambda a, b, rows: (
        f"| {a} | {b} |\n|:---|---:|\n" + "\n".join(f"| {r} | `a\\|b` |" for r in rows)
    ),
    _TITLES,
    _TITLES,
    st.lists(_line(_WORDS), min_size=1, max_size=3),
)
_OTHER = st.sampled_from(
    [
        "---", "***", "* * *", "===", "#hashtag line", "{: .note}", "a line  ", "   ",
        "Term with trailing backslash\\", "[unclosed [brackets [everywhere",
        "*" * 40 + "x" + "*" * 40,
    ]
)  # fmt: skip
# Document-wide constructs: a text with any of them is rendered whole.
_GLOBAL = st.sampled_from(
    [
        "<div>\n\nraw *html*\n\n</div>", "<!-- a comment\n\nover blank lines -->",
        "<details>\n<summary>More</summary>\n\nhidden\n\n</details>", "inline <b>html</b> tag",
        "see [the docs][ref]\n\n[ref]: https://example.org/ref", "a note[^n]\n\n[^n]: the note.",
        "## Custom {#intro}", "[TOC]", "1. one\n\n   fenced below\n\n   ```\n   code\n   ```",
    ]
)  # fmt: skip
_BLOCK = st.one_of(
    _PARAGRAPH, _PARAGRAPH, _PARAGRAPH, _CJK_PARAGRAPH, _HEADING, _HEADING, _SETEXT, _list(),
    _list(), _quote(), _fence(), _INDENTED_CODE, _TABLE, _OTHER,
)  # fmt: skip
_SEPARATOR = st.sampled_from(["\n\n", "\n\n", "\n\n", "\n\n\n", "\n  \n", "\n\n\n\n", "\n"])


@st.composite
def _document(draw: st.DrawFn) -> str:
    pieces = []
    size = 0
    target = draw(st.integers(BLOCKWISE_CHARS + 1, 3 * BLOCKWISE_CHARS))
    while size < target:
        block = draw(_BLOCK)
        pieces.append(block)
        pieces.append(draw(_SEPARATOR))
        size += len(block) + 2
    if draw(st.integers(0, 5)) == 0:
        pieces.insert(draw(st.integers(0, len(pieces) - 1)) // 2 * 2, draw(_GLOBAL) + "\n\n")
    return "".join(pieces[:-1])


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example],
)
@given(_document(), st.sampled_from(["", "c12-"]))
def test_parts_render_as_the_whole(text: str, prefix: str) -> None:
    assert len(text) > BLOCKWISE_CHARS
    parts = cut_blocks(text)
    event("rendered in parts" if parts else "rendered whole")
    if parts:
        assert "\n".join(parts) == text
    assert _seen(render.render_markdown(text, prefix)) == _whole(text, prefix)


def _cut_line_by_line(text: str) -> list[str] | None:
    """cut_blocks reading every line: what its search for the few lines that matter saves."""
    if render_blocks.rendered_whole(text):
        return None
    lines = text.split("\n")
    if any(x[:1].isspace() and x.lstrip().startswith(("```", "~~~")) for x in lines):
        return None
    parts: list[str] = []
    start = size = 0
    fence: Fence | None = None
    limits_fence = ""
    after_blank = False
    for i, line in enumerate(lines):
        safe = after_blank and fence is None and not limits_fence and line[:1].strip() != ""
        safe = safe and line[0] not in ">{" and LIST_ITEM.match(line) is None
        if safe and size >= MIN_PART and (size >= MAX_PART or render_blocks._picked(line)):
            parts.append("\n".join(lines[start:i]))
            start, size = i, 0
        size += len(line) + 1
        if line.startswith(("```", "~~~")):
            if fence is None:
                fence = fence_open(line)
            elif is_fence_close(line, fence):
                fence = None
            run = line[: len(line) - len(line.lstrip(line[0]))]
            if not limits_fence:
                limits_fence = run
            elif run == limits_fence:
                limits_fence = ""
        after_blank = not line.strip(" \t")
    return [*parts, "\n".join(lines[start:])] if parts else None


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example],
)
@given(_document())
def test_the_cuts_are_those_of_reading_every_line(text: str) -> None:
    assert cut_blocks(text) == _cut_line_by_line(text)


# -- a text of every kind, cut ----------------------------------------------------------------


def _sample(n: int, title: str = "Part") -> str:
    """Varied Markdown of about ``n`` characters, headings numbered so that none repeat."""
    blocks = []
    i = 0
    while sum(map(len, blocks)) < n:
        blocks.append(
            f"## {title} {i}\n\nThe **{i}th** item links [here](https://example.org/{i}) and "
            f"https://bare.example.com/{i}, with `code` and ![a figure](img/{i}.png).\n"
            f"中文第{i}段，换行\n继续。\n\n- one\n- two\n  - nested\n\n1) first\n2) second\n\n"
            f"> quoted {i}\n\n```python\nx = {i}\n\ny = x\n```\n\n    indented {i}\n\n"
            f"| a | b |\n|---|---|\n| {i} | {i + 1} |\n"
        )
        i += 1
    return "\n".join(blocks)


def test_a_long_varied_text_is_cut_and_renders_as_the_whole() -> None:
    text = _sample(12_000)
    parts = cut_blocks(text)
    assert parts is not None and len(parts) >= 6
    assert all(len(p) < 4_000 for p in parts)
    assert "\n".join(parts) == text
    result = render.render_markdown(text, "c3-")
    assert _seen(result) == _whole(text, "c3-")
    assert [x.line for x in result.links][:2] == [3, 3]


@pytest.mark.parametrize(
    "extra",
    [
        "<div>\n\nraw\n\n</div>",
        "<!-- comment -->",
        "<details>\n<summary>s</summary>\n\nbody\n\n</details>",
        "text <span>inline</span> html",
        "[ref]: https://example.org/r",
        "a note[^1]\n\n[^1]: text",
        "[TOC]",
        "## Heading {#custom}",
        "carriage\rreturn",
        "- item\n\n  ```\n  code\n\n  more\n  ```",
    ],
)
def test_document_wide_constructs_are_rendered_whole(extra: str) -> None:
    text = _sample(6_000) + "\n\n" + extra + "\n"
    assert cut_blocks(text) is None
    assert _seen(render.render_markdown(text, "p-")) == _whole(text, "p-")


def test_short_and_oversized_texts_are_not_cut() -> None:
    assert cut_blocks(_sample(100)[:BLOCKWISE_CHARS]) is None
    huge = _sample(MAX_CARD_CHARS + 10)
    assert cut_blocks(huge) is None
    result = render.render_markdown(huge)
    assert result.limits.refused == TOO_LARGE and result.html == ""


def test_a_paragraph_too_busy_is_refused_as_in_the_whole() -> None:
    text = _sample(6_000) + "\n\n" + "*a* " * 11_000 + "\n"
    assert cut_blocks(text) is not None
    result = render.render_markdown(text)
    assert result.limits.refused == TOO_COMPLEX
    assert _seen(result) == _whole(text)


def test_a_heading_repeated_in_two_parts_is_numbered_as_in_the_whole() -> None:
    text = _sample(6_000, "Same") + "\n\n" + _sample(6_000, "Same")
    parts = cut_blocks(text)
    assert parts is not None
    result = render.render_markdown(text)
    assert _seen(result) == _whole(text)
    ids = [ident for _, ident, _ in result.headings]
    assert "same-0_1" in ids and len(set(ids)) == len(ids)


def test_the_render_limits_apply_to_each_part_as_to_the_whole() -> None:
    deep = "\n".join(" " * (2 * d) + "- level" for d in range(24))
    text = _sample(3_000) + "\n\n" + deep + "\n\nafter [unclosed bracket\n\n" + _sample(3_000, "B")
    assert cut_blocks(text) is not None
    result = render.render_markdown(text)
    assert result.limits.neutralised > 0
    assert _seen(result) == _whole(text)


def test_an_edit_renders_only_the_part_typed_in(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = render._render

    def counting(text: str, id_prefix: str) -> render.RenderResult:
        calls.append(text)
        return real(text, id_prefix)

    monkeypatch.setattr(render, "_render", counting)
    render._render_cached.cache_clear()
    text = _sample(16_000)
    parts = cut_blocks(text)
    assert parts is not None
    render.render_markdown(text)
    assert len(calls) == len(parts)  # the first render: every part once

    calls.clear()
    at = text.index("The **20th** item") + 4
    edited = text[:at] + "x" + text[at:]
    result = render.render_markdown(edited)
    assert len(calls) == 1 and "The x**20th** item" in calls[0]
    assert len(cut_blocks(edited) or []) == len(parts)
    assert "The x<strong>20th</strong> item" in result.html

    calls.clear()
    assert _seen(render.render_markdown(edited)) == _whole(edited)
    assert len(calls) == 1  # only the whole render above; the parts came from memory


def test_fences_read_apart_by_the_dialect_and_the_limits_are_not_cut_inside() -> None:
    # The limits' pre-scan closes the first fence at '```python' (same run); the dialect does
    # not. Between the two readings no cut is made, so the deep list is neutralised alike.
    odd = "```rust\n```python\n\ncode\n```\n\n" + "\n".join(" " * 2 * d + "- x" for d in range(20))
    text = _sample(3_500) + "\n\n" + odd + "\n\n" + _sample(3_500, "B")
    assert cut_blocks(text) is not None
    assert _seen(render.render_markdown(text)) == _whole(text)


def test_lists_the_dialect_could_not_match_are_rendered_whole() -> None:
    # An indented item with a line that reaches no content column: python-markdown's lists
    # differ from the dialect's reading, and the looseness of every list is then guessed at once.
    odd = "  1. item\n    - lazy text\n\n- one\n- two"
    text = _sample(3_500) + "\n\n" + odd + "\n\n" + _sample(3_500, "B")
    assert render._render_limited(odd, "").lists_guessed
    assert _seen(render.render_markdown(text)) == _whole(text)


def test_an_entity_in_a_heading_renders_in_parts_as_whole() -> None:
    text = _sample(3_500) + "\n\n## Tips &amp; tricks\n\n" + _sample(3_500, "B")
    result = render.render_markdown(text)
    assert _seen(result) == _whole(text)
