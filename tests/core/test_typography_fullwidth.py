"""The rule of our own that completes AutoCorrect: half-width , : ; ! ? next to Chinese or
Japanese text becomes full-width, and nothing else does."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.core.typography import (
    TO_FULLWIDTH,
    Fix,
    find_fixes,
    fix_text,
    fullwidth_next_to_cjk,
)


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("上线:Sidecar 模式", "上线：Sidecar 模式"),  # AutoCorrect leaves this colon alone
        ("先做兼容;再做迁移", "先做兼容；再做迁移"),
        ("太好了!Thanks", "太好了！Thanks"),
        ("真的吗?Yes", "真的吗？Yes"),
        ("结论:", "结论："),  # at the end of a line
        ("怎么办?!", "怎么办？！"),  # a run after CJK text
        ("ありがとう!", "ありがとう！"),  # kana
        ("《指南》,作者", "《指南》，作者"),  # after a closing CJK bracket
        ("时间:10:30", "时间：10:30"),  # only the colon after the Chinese character
        # Right before CJK text, where AutoCorrect only changes it after a Latin letter.
        ("服务端应用 (server-side apply),成为默认", "服务端应用 (server-side apply)，成为默认"),
        ("占比超过 10%,平均用时", "占比超过 10%，平均用时"),
        ("注意:配置", "注意：配置"),
    ],
)
def test_half_width_punctuation_next_to_cjk_becomes_full_width(text: str, fixed: str) -> None:
    assert fullwidth_next_to_cjk(text) == fixed
    assert fix_text(text) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "会议在 10:30 开始",  # a time: the colon follows a digit
        "比例是 16:9",
        "Hello, world: is it done? Yes; it is!",  # Latin text
        "版本 v1.2.3 已发布",  # a full stop is never changed
        "配置写在.env里",  # a full stop after CJK may begin a file name
        "좋아요!정말요?",  # Korean is written with half-width punctuation
        "好的:)",  # an emoticon
        "好的;-(",
    ],
)
def test_what_the_rule_leaves_alone(text: str) -> None:
    assert fullwidth_next_to_cjk(text) == text
    assert not [f for f in find_fixes(text) if f.kind == TO_FULLWIDTH]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("见https://x.org/路径:a?b=中文!和结论:", "https://x.org/路径:a?b=中文!"),
        ("运行`kubectl get 中文:x`即可", "`kubectl get 中文:x`"),
        ('看[文档](https://x.org/中文:a "标题?说明")吧', '(https://x.org/中文:a "标题?说明")'),
        ("图如下![示意图](assets/a.png)", "![示意图](assets/a.png)"),
        ("地址<https://x.org/文档:a>见上", "<https://x.org/文档:a>"),
        ("中文\\!转义", "\\!"),
        ('说明<span title="提示:x">正文</span>', '<span title="提示:x">'),
    ],
)
def test_code_addresses_links_and_markup_keep_their_punctuation(text: str, kept: str) -> None:
    fixed = fix_text(text)
    assert kept in fixed


def test_a_comma_after_a_code_span_is_fixed_and_the_code_is_not() -> None:
    assert fix_text("放一个`catalog.yaml`,写明负责人") == "放一个`catalog.yaml`，写明负责人"
    assert fix_text("放一个`a,写`吧") == "放一个`a,写`吧"


def test_the_colon_of_a_heading_or_list_line_end_is_fixed_in_markdown() -> None:
    text = "## 变化:\n\n- 第一项:Sidecar\n- 第二项;\n"
    assert fix_text(text) == "## 变化：\n\n- 第一项：Sidecar\n- 第二项；\n"


def test_each_change_is_reported_at_its_place() -> None:
    assert find_fixes("发布:Sidecar") == [Fix(2, 3, ":", "：", TO_FULLWIDTH)]


def test_a_space_after_punctuation_made_full_width_goes_too_in_one_pass() -> None:
    # AutoCorrect's own rule removes the space once the semicolon is full-width; both in one.
    assert fix_text("先做兼容; then migrate") == "先做兼容；then migrate"
    assert find_fixes(fix_text("先做兼容; then migrate")) == []


_HAN = st.sampled_from("中文发布镜像")
_PIECES = st.sampled_from(
    ["中文", "镜像", "Sidecar", "10", "30", "v1.2", ",", ":", ";", "!", "?", ".", " ", ":)", "。"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=16))
def test_the_rule_changes_only_punctuation_next_to_cjk_and_is_idempotent(parts) -> None:
    text = "".join(parts)
    fixed = fullwidth_next_to_cjk(text)
    assert len(fixed) == len(text)
    for before, after in zip(text, fixed, strict=True):
        if before != after:
            assert before in ",:;!?" and after in "，：；！？"
    assert fullwidth_next_to_cjk(fixed) == fixed
    # Times and version numbers come through unchanged.
    for kept in re.findall(r"\d+[:.]\d+", text):
        assert kept in fixed


@settings(max_examples=200, deadline=None)
@given(_HAN, st.integers(0, 23), st.integers(0, 59))
def test_a_time_after_chinese_text_keeps_its_colon(han: str, hour: int, minute: int) -> None:
    time = f"{hour}:{minute:02d}"
    assert time in fix_text(f"{han}{time}开始")
    assert fix_text(f"{han}:{time}").startswith(f"{han}：")
