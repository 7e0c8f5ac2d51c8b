"""CJK typography by AutoCorrect's rules: the fixes, their spans, the problems, the setting."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.core.checks import WARNING, check_issue
from editor_app.core.model import Issue, Typography
from editor_app.core.outline import add_card, add_section
from editor_app.core.problems import TextSpan
from editor_app.core.render import render_markdown
from editor_app.core.typography import (
    SPACE_ADD,
    SPACE_REMOVE,
    TO_FULLWIDTH,
    TO_HALFWIDTH,
    Fix,
    apply_fixes,
    card_problems,
    find_fixes,
    fix_card,
    fix_text,
    line_marks,
    typography_on,
)
from editor_app.core.typography_places import place_fixes

TYPOGRAPHY_CODES = {"cjk-spacing", "halfwidth-punctuation", "fullwidth-punctuation"}


def test_a_space_between_cjk_and_latin_is_an_insertion_at_the_boundary() -> None:
    assert find_fixes("我们在2024年发布了Kubernetes版本") == [
        Fix(3, 3, "", " ", SPACE_ADD),
        Fix(7, 7, "", " ", SPACE_ADD),
        Fix(11, 11, "", " ", SPACE_ADD),
        Fix(21, 21, "", " ", SPACE_ADD),
    ]
    assert fix_text("我们在2024年发布了Kubernetes版本") == "我们在 2024 年发布了 Kubernetes 版本"


def test_half_width_punctuation_in_cjk_text_becomes_full_width() -> None:
    text = "GA,镜像卷快照也进入稳定阶段!"
    assert find_fixes(text) == [
        Fix(2, 3, ",", "，", TO_FULLWIDTH),
        Fix(15, 16, "!", "！", TO_FULLWIDTH),
    ]
    assert fix_text("发布说明:镜像卷") == "发布说明：镜像卷"


def test_full_width_punctuation_in_latin_text_becomes_half_width() -> None:
    fixes = find_fixes("We shipped it。")
    assert fixes == [Fix(13, 14, "。", ".", TO_HALFWIDTH)]


def test_a_space_next_to_full_width_punctuation_is_removed() -> None:
    assert find_fixes("插件 ，配置") == [Fix(2, 3, " ", "", SPACE_REMOVE)]


def test_english_text_and_text_already_right_have_no_fixes() -> None:
    assert find_fixes("Release notes, version 1.2: all good.") == []
    assert find_fixes("我们在 2024 年发布了 Kubernetes 版本，一切顺利。") == []
    assert find_fixes("") == []


# -- what is never touched ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("用`kubectl get pods,nodes中文`和English,中文", "`kubectl get pods,nodes中文`"),
        ("详见 https://example.com/路径,a 和English,中文", "https://example.com/路径,a"),
        (
            '见[文档](https://example.com/a,b中文 "标题,x")和English,中文',
            '(https://example.com/a,b中文 "标题,x")',
        ),
        ("见<https://example.com/文档,a>和English,中文", "<https://example.com/文档,a>"),
        ('见<span title="说明,a">和English,中文', '<span title="说明,a">'),
        ("见<!-- 注释,English -->和English,中文", "<!-- 注释,English -->"),
        ("见&amp;中文和English,中文", "&amp;中文"),
        ("见[^注1]和English,中文", "[^注1]"),
    ],
)
def test_code_addresses_and_markup_are_left_as_they_are(text: str, kept: str) -> None:
    fixed = fix_text(text)
    assert kept in fixed
    assert fixed.endswith("English，中文")  # the prose around it was fixed


def test_code_blocks_html_blocks_and_definitions_are_left_as_they_are() -> None:
    text = (
        "正文English,好\n\n"
        "```\n代码English,中文\n```\n\n"
        "    缩进代码English,中文\n\n"
        "<div>\n块级HTML,中文\n</div>\n\n"
        "[定义]: https://example.com/中文,a\n"
    )
    fixed = fix_text(text)
    assert fixed.startswith("正文 English，好\n\n")
    assert fixed[len("正文 English，好") :] == text[len("正文English,好") :]


def test_the_text_of_a_link_is_prose_and_its_brackets_are_not() -> None:
    assert fix_text("访问[GitHub仓库](https://x.org/a,b)了解") == (
        "访问[GitHub 仓库](https://x.org/a,b)了解"
    )


def test_block_markers_stay_and_the_text_after_them_is_read() -> None:
    text = "# 标题1\n\n- 列表项1\n- [ ] 任务2\n\n> 引用English,中文\n\n| 名称 | English说明 |\n|---|---|\n"
    assert fix_text(text) == (
        "# 标题 1\n\n- 列表项 1\n- [ ] 任务 2\n\n> 引用 English，中文\n\n"
        "| 名称 | English 说明 |\n|---|---|\n"
    )


def test_a_title_is_plain_text() -> None:
    # A title is not Markdown: backticks there are characters like others.
    assert find_fixes("用`x,中文`", markdown=True) == []
    assert [f.new for f in find_fixes("用`x,中文`", markdown=False)] == [" ", "，"]


def _structure(text: str) -> list[tuple[str, tuple]]:
    """The tags of the rendered page with their link and image addresses, in order."""
    html = render_markdown(text).html
    return [
        (m.group(1), tuple(re.findall(r'(?:href|src)="([^"]*)"', m.group(0))))
        for m in re.finditer(r"<([a-z0-9]+)[^>]*>", html)
    ]


def test_a_fix_keeps_the_rendered_structure() -> None:
    text = (
        "## 新功能1\n\n"
        "用`kubectl debug`调试Pod,然后看[官方文档](https://kubernetes.io/docs/a,b)了解**更多**细节.\n\n"
        "1. 第一步:安装v1.2版本\n2. 第二步,运行`make`\n\n"
        "> 注意:![示意图English](assets/a.png)里的数据是演示用的\n\n"
        "```yaml\nkey: 中文,English\n```\n"
    )
    fixed = fix_text(text)
    assert fixed != text
    assert _structure(fixed) == _structure(text)


def test_fixes_applied_once_leave_nothing_to_fix() -> None:
    text = "我们在2024年发布了GA,镜像卷 ，支持ARM64架构!详见`docs`和https://a.org。"
    once = fix_text(text)
    assert find_fixes(once) == []


def test_apply_fixes_replaces_each_span() -> None:
    fixes = [Fix(0, 1, "a", "A", TO_HALFWIDTH), Fix(2, 2, "", " ", SPACE_ADD)]
    assert apply_fixes("abcd", fixes) == "Ab cd"


# -- problems and the setting ---------------------------------------------------------------


def _issue(language: str = "zh-CN", typography: Typography = Typography.AUTO) -> Issue:
    issue = Issue(title="排版测试", language=language, typography=typography)
    section = add_section(issue, "新闻")
    card = add_card(issue, section.id, "发布说明:镜像卷")
    card.body = "第一段。\n\n插件API更新,支持ARM64架构"
    card.note = "编者按 ，补充"
    return issue


def test_each_fix_is_a_warning_with_its_exact_span() -> None:
    issue = _issue()
    card = issue.ordered_cards()[0]
    problems = card_problems(card, card.title)
    assert [(p.code, p.variant, p.severity) for p in problems] == [
        ("halfwidth-punctuation", "title", WARNING),
        ("cjk-spacing", "body", WARNING),
        ("cjk-spacing", "body", WARNING),
        ("halfwidth-punctuation", "body", WARNING),
        ("cjk-spacing", "body", WARNING),
        ("cjk-spacing", "body", WARNING),
        ("cjk-spacing", "note-remove", WARNING),
    ]
    comma = problems[3]
    assert comma.span is not None
    assert (comma.span.field, comma.span.line, comma.span.column) == ("body", 3, 8)
    assert card.body[comma.span.start : comma.span.end] == "," == comma.span.old
    assert comma.args["text"] == "插件API更新,支持ARM64架…"
    assert comma.args["fixed"] == "插件API更新，支持ARM64架…"
    assert comma.to_json()["span"] == {
        "field": "body",
        "start": 13,
        "end": 14,
        "line": 3,
        "column": 8,
    }


def test_the_checks_report_typography_for_a_chinese_issue_only() -> None:
    found = {p.code for p in check_issue(_issue())}
    assert {"cjk-spacing", "halfwidth-punctuation"} <= found
    english = _issue(language="en")
    assert not TYPOGRAPHY_CODES & {p.code for p in check_issue(english)}
    assert place_fixes(english) == []


@pytest.mark.parametrize(
    ("language", "setting", "on"),
    [
        ("zh-CN", Typography.AUTO, True),
        ("zh-Hant-TW", Typography.AUTO, True),
        ("ja", Typography.AUTO, True),
        ("en", Typography.AUTO, False),
        ("en-US", Typography.AUTO, False),
        ("de", Typography.AUTO, False),
        ("en", Typography.CJK, True),
        ("zh-CN", Typography.OFF, False),
    ],
)
def test_the_setting_defaults_by_language(language: str, setting: Typography, on: bool) -> None:
    assert typography_on(Issue(language=language, typography=setting)) is on


def test_fix_card_returns_only_the_changed_fields() -> None:
    card = _issue().ordered_cards()[0]
    card.note = "已经正确。"
    fixed = fix_card(card)
    assert set(fixed) == {"title", "body"}
    assert fixed["title"] == "发布说明：镜像卷"
    assert fixed["body"] == "第一段。\n\n插件 API 更新，支持 ARM64 架构"
    assert card.title == "发布说明:镜像卷"  # the card itself is untouched


def test_an_unreadable_card_has_no_fixes() -> None:
    card = _issue().ordered_cards()[0]
    card.unreadable = "broken"
    assert fix_card(card) == {}


# -- any mixture of prose and syntax -------------------------------------------------------

_PROSE = [
    "中文",
    "镜像卷",
    "GA",
    "Kubernetes",
    "2024",
    "v1.2",
    ",",
    ":",
    "!",
    ";",
    "?",
    "。",
    "，",
    " ",
    "（注）",
]
_SYNTAX = [
    "`kubectl get pods,中文`",
    "[文档English](https://x.org/a,b中文)",
    "![示意图,English](assets/a.png)",
    "<https://x.org/文档,c>",
    " https://x.org/路径,a ",
    "https://x.org/路径,a",
    "www.example.com",
    "**重点English**",
    "<b>粗体,English</b>",
    "&amp;",
    "\n\n",
    "\n\n- ",
    "\n\n> ",
    "\n\n## ",
    "\n\n```\n代码English,中文\n```\n\n",
]


# What is never changed, wherever it stands.
_KEPT = [
    "`kubectl get pods,中文`",
    "(https://x.org/a,b中文)",
    "(assets/a.png)",
    "<https://x.org/文档,c>",
    "https://x.org/路径,a",
    "<b>",
    "```\n代码English,中文\n```",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PROSE + _SYNTAX), min_size=1, max_size=14))
def test_fixing_any_mixture_keeps_syntax_structure_and_is_done_in_one_pass(parts) -> None:
    text = "".join(parts)
    fixed = fix_text(text)
    for kept in _KEPT:
        assert fixed.count(kept) == text.count(kept)
    assert _structure(fixed) == _structure(text)
    assert find_fixes(fixed) == []


def _naive_line_marks(text, spans):
    out = []
    for span in spans:
        if span.end > len(text) or text[span.start : span.end] != span.old:
            continue
        line_start = text.rfind("\n", 0, span.start) + 1
        line_end = text.find("\n", span.start)
        line_end = len(text) if line_end < 0 else line_end
        start, end = span.start, span.end
        if start == end:
            start, end = max(line_start, start - 1), min(line_end, end + 1)
        if end > start:
            line = text.count("\n", 0, span.start)
            out.append((line, start - line_start, end - line_start, text[start:end]))
    return out


@given(
    text=st.text(alphabet="ab中\n ", max_size=60),
    picks=st.lists(st.tuples(st.integers(0, 70), st.integers(0, 3), st.booleans()), max_size=12),
)
def test_line_marks_agree_with_counting_each_span_from_the_start(text, picks):
    spans = []
    for start, length, stale in picks:
        old = text[start : start + length]
        spans.append(TextSpan("body", start, start + length, 1, 1, old + "x" if stale else old))
    assert line_marks(text, spans) == _naive_line_marks(text, spans)


def test_a_body_too_long_to_render_is_reported_as_that_not_char_by_char() -> None:
    from editor_app.core.render_limits import MAX_CARD_CHARS

    issue = _issue()
    card = issue.ordered_cards()[0]
    card.body = "插件API更新。\n\n" * (MAX_CARD_CHARS // 9 + 1)
    assert len(card.body) > MAX_CARD_CHARS
    codes = {(p.code, p.span.field if p.span else "") for p in check_issue(issue)}
    assert any(code == "render-limit" for code, _field in codes)
    assert not any(field == "body" for code, field in codes if code in TYPOGRAPHY_CODES)
    assert any(field == "title" for code, field in codes if code in TYPOGRAPHY_CODES)
    # Asked for, the fixes still reach the whole body.
    assert "插件 API 更新" in fix_card(card)["body"]
