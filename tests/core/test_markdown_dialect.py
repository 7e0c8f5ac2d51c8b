"""The dialect's own behaviour, case by case: what an editor types and what the site shows."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.core.markdown_dialect.cjk import is_cjk, join_cjk_lines
from editor_app.core.render import render_markdown


def compact(text: str) -> str:
    return re.sub(r"\s*\n\s*", "", render_markdown(text).html)


def test_a_list_right_after_a_paragraph_is_a_list():
    assert compact("本版亮点:\n- A\n- B\n") == "<p>本版亮点:</p><ul><li>A</li><li>B</li></ul>"
    assert compact("Steps:\n1. one\n2. two\n") == "<p>Steps:</p><ol><li>one</li><li>two</li></ol>"


def test_an_ordered_list_not_starting_at_one_does_not_interrupt_a_paragraph():
    html = render_markdown("The meeting moved to\n2. floor\n").html
    assert html == "<p>The meeting moved to\n2. floor</p>"
    assert "<ol" not in render_markdown("第\n3. 次\n").html


@pytest.mark.parametrize("indent", [2, 3, 4])
def test_nesting_follows_the_content_column(indent):
    pad = " " * indent
    assert compact(f"- a\n{pad}- b\n- c\n") == "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>"


def test_two_spaces_under_an_ordered_item_do_not_nest():
    # '1. ' puts the content at column 3: two spaces do not reach it.
    assert compact("1. a\n  - b\n") == "<ol><li>a</li></ol><ul><li>b</li></ul>"


def test_paren_lists_and_start_numbers():
    assert compact("3) three\n4) four\n") == '<ol start="3"><li>three</li><li>four</li></ol>'


def test_strikethrough_with_one_or_two_tildes():
    assert compact("~~旧~~ ~old~ ~/path") == "<p><del>旧</del> <del>old</del> ~/path</p>"


def test_task_lists_show_a_ballot_box():
    html = render_markdown("- [ ] 待办\n- [x] 完成\n").html
    assert html.count('class="task-list-item"') == 2
    assert "☐</span> 待办" in html and "☑</span> 完成" in html
    assert "<input" not in html


def test_bold_next_to_cjk_punctuation_follows_commonmark():
    assert compact("**中文**：说明") == "<p><strong>中文</strong>：说明</p>"
    # The closing '**' follows punctuation and precedes a letter: not bold on the site either.
    assert compact("**“引号”**后文") == "<p>**“引号”**后文</p>"


def test_hard_breaks():
    assert compact("a  \nb") == "<p>a<br>b</p>"
    assert compact("a\\\nb") == "<p>a<br>b</p>"


def test_a_soft_break_between_cjk_characters_renders_as_nothing():
    assert render_markdown("第一行\n第二行").html == "<p>第一行第二行</p>"
    assert render_markdown("句号。\n下一句").html == "<p>句号。下一句</p>"
    assert render_markdown("かな\nカナ").html == "<p>かなカナ</p>"
    assert render_markdown("한국어\n문장").html == "<p>한국어문장</p>"


def test_a_soft_break_between_cjk_and_latin_stays():
    assert render_markdown("中文\nEnglish").html == "<p>中文\nEnglish</p>"
    assert render_markdown("English\n中文").html == "<p>English\n中文</p>"
    assert render_markdown("one\ntwo").html == "<p>one\ntwo</p>"


def test_cjk_joins_across_inline_markup_but_not_across_hard_breaks_or_code():
    assert render_markdown("**加粗**\n下一行").html == "<p><strong>加粗</strong>下一行</p>"
    assert render_markdown("上一行\n*斜体*").html == "<p>上一行<em>斜体</em></p>"
    assert "<br>" in render_markdown("第一行  \n第二行").html
    assert render_markdown("```\n第一行\n第二行\n```").html.count("\n第二行") == 1


def test_cjk_ranges():
    for ch in "中文、。「」かなカナ한글（），：":
        assert is_cjk(ch), ch
    for ch in "aZ1 ,.!🎉é":
        assert not is_cjk(ch), ch
    assert join_cjk_lines("中\n文 a\n中 文\n b") == "中文 a\n中 文\n b"


def test_bare_urls_are_links_and_code_stays_code():
    html = render_markdown("见 https://example.org/a，以及 `https://example.org/b`").html
    assert '<a href="https://example.org/a"' in html
    assert "<code>https://example.org/b</code>" in html


PIECES = [
    "- ", "* ", "+ ", "1. ", "2) ", "10. ", "  ", "   ", "    ", "\t", "> ", ">", "```", "~~~",
    "# ", "#", "---", "***", "| a | b |", "|---|:-:|", "[ ] ", "[x] ", "**", "*", "_", "~", "~~",
    "`", "\\", "&amp;", "&x;", "<div>", "</div>", "<!-- c -->", "https://e.org/a_(b)", "www.e.org",
    "[t](https://e.org)", "![i](assets/a.png)", "中文", "。", "：", "“", "”", "text", "\n", "\n\n",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_any_mixture_renders_without_error_and_sanitized(pieces):
    text = "".join(pieces)
    result = render_markdown(text)
    assert "<script" not in result.html and "<!--" not in result.html
    assert "\x02" not in result.html and "\x03" not in result.html  # no placeholder left
