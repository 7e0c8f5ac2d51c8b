"""The built-in style of each channel (WeChat, email) and the settings that tune it.

Each channel has one stylesheet (resources/templates/channel-<name>.css) filled with a few
values: the accent colour and the body font size come from the ``export:`` settings of
issue.yaml (``accent_color``, ``body_font_size``), the font stack and line height from the
issue's language. Values are checked here before they reach the stylesheet: a setting is
text the editor typed, and a stray ``;`` or ``}`` in it would otherwise write CSS.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from string import Template

from editor_app.core.export.registry import ExportOptions
from editor_app.core.problem_codes import problem
from editor_app.core.problems import Problem
from editor_app.core.resources import resource

CHANNELS = ("wechat", "email")

# Chinese text wants a CJK face before any Latin fallback (else punctuation and digits mix
# faces), and more leading than Latin text: 1.75 is what WeChat's own editors use.
CJK_FONTS = (
    "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', "
    "'Noto Sans CJK SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif"
)
LATIN_FONTS = (
    "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, "
    "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif"
)
CJK_LINE_HEIGHT = "1.75"
LATIN_LINE_HEIGHT = "1.6"

DEFAULT_ACCENT = {"wechat": "#0f7b6c", "email": "#0b63c5"}
DEFAULT_FONT_SIZE = {"wechat": 15, "email": 16}
FONT_SIZE_RANGE = (12, 24)  # px: smaller is unreadable on a phone, larger is a heading

_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
_PIXELS = re.compile(r"(\d{1,3})(?:\s*px)?")


@dataclass(frozen=True)
class ChannelStyle:
    channel: str
    accent: str
    font_size: int
    fonts: str
    line_height: str

    @property
    def accent_soft(self) -> str:
        """The accent mixed with white (quotes, sub-card rules): a tint, no transparency,
        which some mail clients do not draw."""
        rgb = _rgb(self.accent)
        return "#" + "".join(f"{round(c + (255 - c) * 0.88):02x}" for c in rgb)

    def css(self) -> str:
        """The channel's stylesheet with this style's values."""
        return Template(_sheet(self.channel)).substitute(
            accent=self.accent,
            accent_soft=self.accent_soft,
            size=self.font_size,
            small=max(self.font_size - 2, FONT_SIZE_RANGE[0]),
            fonts=self.fonts,
            line_height=self.line_height,
        )


def _rgb(colour: str) -> tuple[int, int, int]:
    digits = colour[1:]
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


@functools.lru_cache(maxsize=4)
def _sheet(channel: str) -> str:
    return resource("templates", f"channel-{channel}.css").read_text(encoding="utf-8")


def is_chinese(language: str) -> bool:
    return (language or "").lower().startswith("zh")


def channel_style(
    channel: str, options: ExportOptions | None = None, language: str = "zh-CN"
) -> tuple[ChannelStyle, list[Problem]]:
    """The style for ``channel`` and a warning for each setting it could not use."""
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}")
    options = options or ExportOptions()
    problems: list[Problem] = []
    accent = DEFAULT_ACCENT[channel]
    given = options.accent_color.strip()
    if given:
        if _HEX.fullmatch(given):
            accent = given.lower()
        else:
            problems.append(_unusable("accent_color", given, accent))
    size = DEFAULT_FONT_SIZE[channel]
    given = options.body_font_size.strip()
    if given:
        match = _PIXELS.fullmatch(given)
        low, high = FONT_SIZE_RANGE
        if match and low <= int(match.group(1)) <= high:
            size = int(match.group(1))
        else:
            problems.append(_unusable("body_font_size", given, f"{size}px"))
    chinese = is_chinese(language)
    style = ChannelStyle(
        channel=channel,
        accent=accent,
        font_size=size,
        fonts=CJK_FONTS if chinese else LATIN_FONTS,
        line_height=CJK_LINE_HEIGHT if chinese else LATIN_LINE_HEIGHT,
    )
    return style, problems


def _unusable(key: str, value: str, default: str) -> Problem:
    return problem("style-setting", key=key, value=value[:40], default=default)
