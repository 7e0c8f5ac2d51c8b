"""Small inline additions: GFM strikethrough and the backslash hard break."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import markdown
from markdown.inlinepatterns import InlineProcessor, SimpleTagInlineProcessor

# GFM strikes text between one or two tildes (a run of three is not a delimiter). The runs are
# matched whole, so '~~a~' is left alone, as GFM leaves it.
STRIKE_DOUBLE = r"(?<!~)(~~)(?![~\s])(.+?)(?<![~\s])~~(?!~)"
STRIKE_SINGLE = r"(?<!~)(~)(?![~\s])(.+?)(?<![~\s])~(?!~)"
# A backslash at the end of a line that continues the paragraph is a hard break.
BACKSLASH_BREAK = r"\\\n(?=.)"


class _BreakProcessor(InlineProcessor):
    def handleMatch(self, m, data):  # type: ignore[override]  # noqa: N802 - markdown API
        el = ET.Element("br")
        el.tail = "\n"
        return el, m.start(0), m.end(0)


def register(md: markdown.Markdown) -> None:
    # Before the escapes (180), which would otherwise keep the backslash.
    md.inlinePatterns.register(_BreakProcessor(BACKSLASH_BREAK, md), "dialect_backslash_br", 185)
    # Before emphasis (60), so '~~**a**~~' nests as GFM nests it.
    md.inlinePatterns.register(SimpleTagInlineProcessor(STRIKE_DOUBLE, "del"), "dialect_strike", 66)
    md.inlinePatterns.register(
        SimpleTagInlineProcessor(STRIKE_SINGLE, "del"), "dialect_strike1", 65
    )
