"""The prose segments of Markdown: what a typography fix may read and change."""

from __future__ import annotations

import pytest

from editor_app.core.prose_spans import prose_segments


def pieces(text: str, markdown: bool = True) -> list[str]:
    return [text[s.start : s.end] for s in prose_segments(text, markdown)]


def test_segments_never_cross_a_line() -> None:
    assert pieces("第一行\n第二行\r\n第三行") == ["第一行", "第二行", "第三行"]


def test_code_spans_and_link_syntax_end_segments() -> None:
    text = '用`kubectl`查看,再读[文档English](https://x.org/a "题")和![图](a.png)。'
    assert pieces(text) == ["用", "查看,再读", "文档English", "和", "图", "。"]


@pytest.mark.parametrize(
    "text",
    [
        "```\n代码,中文\n```",
        "~~~~\n代码,中文\n~~~~",
        "前文\n\n    缩进代码,中文",
        "<div>\nHTML 块,中文\n</div>",
        "[ref]: https://x.org/中文 '标题'",
        "---",
        "标题\n===",
        "|---|:-:|",
    ],
)
def test_whole_lines_of_syntax_are_no_prose(text: str) -> None:
    assert [p for p in pieces(text) if "," in p] == []


def test_indented_text_in_a_list_item_is_prose() -> None:
    text = "- 第一项\n\n    续行English,中文\n"
    assert pieces(text) == ["第一项", "续行English,中文"]


def test_code_indented_past_a_list_item_is_not() -> None:
    text = "- 第一项\n\n        代码English,中文\n"
    assert pieces(text) == ["第一项"]


def test_block_markers_are_left_out() -> None:
    text = "> - [x] 完成\n## 标题 ##\n1. 第一\n"
    assert pieces(text) == ["完成", "标题 ##", "第一"]


def test_inline_html_entities_escapes_and_pipes_end_segments() -> None:
    text = "甲<b>乙</b>丙&amp;丁\\*戊|己[^1]庚"
    assert pieces(text) == ["甲", "乙", "丙", "丁", "戊", "己", "庚"]


def test_bare_addresses_are_opaque_runs_inside_their_segment() -> None:
    text = "详见https://x.org/路径,a 和www.example.com,好"
    (segment,) = prose_segments(text)
    assert [text[a:b] for a, b in segment.opaque] == [
        "https://x.org/路径,a",
        "www.example.com,好",
    ]


def test_an_address_in_link_text_stops_at_the_bracket() -> None:
    text = "[https://x.org/a](https://x.org/a)"
    (segment,) = prose_segments(text)
    assert [text[a:b] for a, b in segment.opaque] == ["https://x.org/a"]


def test_plain_text_keeps_its_backticks_and_brackets() -> None:
    assert pieces("发布:`x` [y](z)", markdown=False) == ["发布:`x` [y](z)"]


def test_an_address_after_a_link_destination_is_still_found() -> None:
    text = "[文档](https://x.org/a)中文https://x.org/b,c"
    segment = prose_segments(text)[-1]
    assert [text[a:b] for a, b in segment.opaque] == ["https://x.org/b,c"]
