"""Which characters count as CJK, in one place, and the line joins that depend on it.

A soft line break between two CJK characters is a wrapping artefact of the editor: Chinese and
Japanese put no space between words, so the break renders as nothing. Between CJK and Latin text
it stays a space. Hugo does the same with ``markup.goldmark.extensions.cjk.eastAsianLineBreaks``.
"""

from __future__ import annotations

import bisect
import re
import xml.etree.ElementTree as ET

from markdown.treeprocessors import Treeprocessor

# Han (with extensions and compatibility ideographs), kana, Hangul, CJK and full-width
# punctuation. Emoji are wide too but are symbols between words, so they keep their space.
CJK_RANGES: tuple[tuple[int, int], ...] = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x2FDF),  # CJK radicals, Kangxi radicals
    (0x3000, 0x303F),  # CJK symbols and punctuation (、。「」…)
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3100, 0x312F),  # Bopomofo
    (0x3130, 0x318F),  # Hangul compatibility Jamo
    (0x31A0, 0x31FF),  # Bopomofo extended, CJK strokes, Katakana extensions
    (0x3200, 0x33FF),  # enclosed CJK letters, CJK compatibility
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xA960, 0xA97F),  # Hangul Jamo extended A
    (0xAC00, 0xD7FF),  # Hangul syllables, Jamo extended B
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # full-width and half-width forms (，：！（） and half-width kana)
    (0x20000, 0x3FFFF),  # CJK extensions B and later, supplementary planes 2 and 3
)

_CLASS = "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in CJK_RANGES)
CJK_CHAR = f"[{_CLASS}]"
_STARTS = [lo for lo, _ in CJK_RANGES]
# Spaces around a soft break are not content (CommonMark strips them), so they go with it.
_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_SKIP = {"pre", "code", "script", "style"}
# A line break next to a block (a heading inside a list item) is no soft break in a paragraph.
_BLOCKS = {
    "p", "ul", "ol", "li", "pre", "blockquote", "table", "hr", "div",
    "h1", "h2", "h3", "h4", "h5", "h6",
}  # fmt: skip


def is_cjk(ch: str) -> bool:
    if len(ch) != 1:
        return False
    code = ord(ch)
    at = bisect.bisect_right(_STARTS, code) - 1
    return at >= 0 and code <= CJK_RANGES[at][1]


def join_cjk_lines(text: str) -> str:
    """Drop soft line breaks that sit between two CJK characters."""
    if "\n" not in text:
        return text
    kept: list[str] = []
    pos = 0
    for m in _BREAK.finditer(text):
        start, end = m.span()
        if m.group(0).count("\n") != 1 or start == 0 or end == len(text):
            continue
        if is_cjk(text[start - 1]) and is_cjk(text[end]):
            kept.append(text[pos:start])
            pos = end
    if not kept:
        return text
    kept.append(text[pos:])
    return "".join(kept)


class CjkLineJoin(Treeprocessor):
    """Joins CJK lines in every text node, and across inline element edges (``**粗体**\\n下一行``)."""

    def run(self, root: ET.Element) -> None:
        self._walk(root)

    def _walk(self, el: ET.Element) -> None:
        if el.tag in _SKIP:
            return
        if el.text and "\n" in el.text:
            el.text = join_cjk_lines(el.text)
        children = list(el)
        for i, child in enumerate(children):
            self._walk(child)
            if child.tail and "\n" in child.tail:
                child.tail = join_cjk_lines(child.tail)
                stripped = child.tail.lstrip(" \t\n")
                gap = child.tail[: len(child.tail) - len(stripped)]
                joins = gap.count("\n") == 1 and child.tag not in _BLOCKS
                if joins and is_cjk(_last_char(child)) and is_cjk(stripped[:1]):
                    child.tail = stripped
            if child.tag == "br" or child.tag in _BLOCKS:
                continue
            # Text right before an inline element that ends in a break: look at the element's start.
            before = el.text if i == 0 else children[i - 1].tail
            if before and before.rstrip(" \t").endswith("\n") and before.count("\n") >= 1:
                kept = before.rstrip(" \t\n")
                gap = before[len(kept) :]
                if gap.count("\n") == 1 and is_cjk(kept[-1:]) and is_cjk(_first_char(child)):
                    if i == 0:
                        el.text = kept
                    else:
                        children[i - 1].tail = kept


def _first_char(el: ET.Element) -> str:
    text = "".join(el.itertext())
    return text[:1]


def _last_char(el: ET.Element) -> str:
    text = "".join(el.itertext())
    return text[-1:]
