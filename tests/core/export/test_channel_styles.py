"""The built-in channel styles and the settings that tune them."""

from __future__ import annotations

import re

import pytest

from editor_app.core.export.channel_styles import (
    CJK_FONTS,
    DEFAULT_ACCENT,
    channel_style,
)
from editor_app.core.export.registry import ExportOptions


@pytest.mark.parametrize("channel", ["wechat", "email"])
def test_defaults_and_chinese_typography(channel):
    style, problems = channel_style(channel, ExportOptions(), "zh-CN")
    assert problems == []
    assert style.accent == DEFAULT_ACCENT[channel]
    assert style.line_height == "1.75" and style.fonts == CJK_FONTS
    css = style.css()
    assert "$" not in css and "PingFang SC" in css and "Noto Sans CJK SC" in css
    assert f"font-size: {style.font_size}px" in css
    # Nothing an inliner cannot carry into a style attribute.
    rules = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    for unsupported in (":hover", "::before", "@media", "var(--"):
        assert unsupported not in rules


def test_settings_tune_the_style():
    options = ExportOptions(accent_color="#A30", body_font_size="18 px")
    style, problems = channel_style("email", options, "en")
    assert problems == []
    assert style.accent == "#a30" and style.font_size == 18
    assert style.line_height == "1.6" and "Segoe UI" in style.fonts
    assert style.accent_soft.startswith("#") and len(style.accent_soft) == 7


@pytest.mark.parametrize(
    ("accent", "size"),
    [("red", "16"), ("#12345", "16"), ("#fff;}body{x", "16"), ("", "11"), ("", "25"), ("", "a")],
)
def test_unusable_settings_warn_and_keep_the_default(accent, size):
    style, problems = channel_style(
        "wechat", ExportOptions(accent_color=accent, body_font_size=size)
    )
    assert [p.code for p in problems] == ["style-setting"]
    assert style.accent == DEFAULT_ACCENT["wechat"]
    assert 12 <= style.font_size <= 24
    css = style.css()
    # No value of the editor's reaches the CSS.
    assert not accent or f": {accent}" not in css


def test_unknown_channel():
    with pytest.raises(ValueError):
        channel_style("fax")
