"""Lists laid out the CommonMark way, rewritten into the shape python-markdown parses.

python-markdown wants a blank line before a list and four spaces per nesting level; CommonMark
(and so Hugo) lets a list interrupt a paragraph and nests an item under the item whose content
column it reaches, whatever the indent. This preprocessor reads the lines the CommonMark way and
writes them back with a blank line where a list interrupts a paragraph and four spaces per level,
so both parsers see the same structure. Blockquotes are unwrapped, normalised and wrapped again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown.preprocessors import Preprocessor

# Marker, then 1-4 spaces of padding (5+ means the content is indented code: padding is 1),
# or the end of the line (an empty item).
_ITEM = re.compile(r"(?P<marker>[-*+]|(?P<num>\d{1,9})(?P<delim>[.)]))(?P<pad>[ \t]+|$)")
_FENCE = re.compile(r"(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_HR = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")
_QUOTE = re.compile(r" {0,3}>")


@dataclass
class _Item:
    content: int  # the source column where the item's content starts
    kind: str  # the marker character ('-', '*', '+') or the ordered delimiter ('.', ')')


def _expand(line: str) -> str:
    """Leading tabs to spaces (tab stops of four), the rest of the line untouched."""
    if "\t" not in line[: len(line) - len(line.lstrip(" \t"))]:
        return line
    body = line.lstrip(" \t")
    lead = line[: len(line) - len(body)]
    return lead.expandtabs(4) + body


class ListNormaliser(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return normalise(lines)


def normalise(lines: list[str]) -> list[str]:
    return _lists(lines)


def _quote(lines: list[str], i: int) -> tuple[list[str], int]:
    """The blockquote starting at line ``i`` (lazy continuations included), and where it ends."""
    inner: list[str] = []
    j = i
    while j < len(lines) and lines[j].strip():
        m = _QUOTE.match(lines[j])
        if m:
            rest = lines[j][m.end() :]
            inner.append(rest[1:] if rest.startswith(" ") else rest)
        elif _block_start(lines[j].lstrip()):
            break
        else:
            inner.append(lines[j])
        j += 1
    return [("> " + x).rstrip() if x.strip() else ">" for x in normalise(inner)], j


def _block_start(stripped: str) -> bool:
    return bool(
        _FENCE.match(stripped)
        or _HR.match(stripped)
        or _HEADING.match(stripped)
        or _QUOTE.match(stripped)
        or _ITEM.match(stripped)
    )


def _lists(lines: list[str]) -> list[str]:
    out: list[str] = []
    stack: list[_Item] = []
    fence: tuple[str, int] | None = None  # the open fence's character and length
    fence_shift = 0  # a fence inside an item moves with the item, content and all
    para = False  # the previous line is paragraph text that a lazy line may continue
    para_depth = 0  # how many items enclose that paragraph
    blank = True
    i = 0
    while i < len(lines):
        raw = lines[i]
        i += 1
        if fence is None and raw.startswith(">"):
            # A quote at the margin ends any list; its content is normalised on its own.
            quoted, i = _quote(lines, i - 1)
            out.extend(quoted)
            stack, para, blank = [], False, False
            continue
        line = _expand(raw)
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if fence is not None:
            m = _FENCE.match(stripped)
            if (
                m
                and m["fence"][0] == fence[0]
                and len(m["fence"]) >= fence[1]
                and not m["info"].strip()
            ):
                fence = None
            out.append(_shift(line, fence_shift))
            continue
        if not stripped:
            out.append("")
            blank, para = True, False
            continue
        item = _ITEM.match(stripped)
        if item and _HR.match(stripped):
            item = None  # '* * *' and '- - -' are rules
        # Close the items whose content column this line does not reach, unless it is a lazy
        # continuation of their paragraph.
        lazy = False
        depth = len(stack)
        while depth and indent < stack[depth - 1].content:
            depth -= 1
        if depth < len(stack) and para and not blank and not item and not _block_start(stripped):
            lazy = True
            depth = len(stack)
        if item:
            rel = indent - (stack[depth - 1].content if depth else 0)
            if rel >= 4 and depth:
                item = None  # indented code inside an item, or text
        if item and not lazy:
            number = item["num"]
            empty = not stripped[item.end() :].strip()
            kind = item["delim"] or item["marker"]
            opens_list = depth == len(stack) or stack[depth].kind != kind
            if opens_list and para and not blank and para_depth == depth:
                # A paragraph is interrupted only by a bullet or a list starting at 1, and not
                # by an empty item.
                if empty or (number is not None and int(number) != 1):
                    out.append(_place(line, indent, stack, depth, lazy=True))
                    if number is not None:
                        out[-1] = out[-1].replace(item["delim"], "\\" + item["delim"], 1)
                    continue
                if depth == 0:
                    out.append("")
            if depth < len(stack) and stack[depth].kind != kind and depth == 0 and not blank:
                out.append("")
            if depth < len(stack) and stack[depth].kind != kind and depth == 0:
                # A different marker starts a new list: keep python-markdown from merging them.
                out.extend(["<!-- -->", ""])
            del stack[depth:]
            pad = item["pad"]
            width = len(pad.expandtabs(4)) if pad else 1
            if width > 4 or empty:
                width = 1  # the content is indented code, or the item is empty
            marker = item["marker"]
            if item["delim"] == ")":
                marker = number + "."
            stack.append(_Item(indent + len(item["marker"]) + width, kind))
            text = (
                stripped[item.end() :]
                if pad and len(pad.expandtabs(4)) <= 4
                else stripped[len(item["marker"]) + 1 :]
            )
            out.append(" " * (4 * depth) + marker + " " + text)
            para, para_depth, blank = not empty and not _block_start(text), len(stack), False
            continue
        del stack[depth:]
        placed = _place(line, indent, stack, depth, lazy)
        m = _FENCE.match(stripped)
        if m and not (m["fence"][0] == "`" and "`" in m["info"]):
            fence = (m["fence"][0], len(m["fence"]))
            fence_shift = (len(placed) - len(placed.lstrip(" "))) - indent
            para = False
        elif _HR.match(stripped) or _HEADING.match(stripped):
            para = False
        elif not lazy:
            code = indent - (stack[-1].content if stack else 0) >= 4 and (blank or not para)
            para, para_depth = not code, len(stack)
        out.append(placed)
        blank = False
    return out


def _place(line: str, indent: int, stack: list[_Item], depth: int, lazy: bool) -> str:
    """The line moved to four spaces per level of the items it belongs to."""
    if not stack:
        return line
    if lazy:
        return " " * (4 * depth) + line.lstrip(" ")
    extra = indent - stack[depth - 1].content if depth else indent
    return " " * (4 * depth + max(extra, 0)) + line.lstrip(" ")


def _shift(line: str, by: int) -> str:
    if by > 0:
        return " " * by + line
    if by < 0 and line.startswith(" " * -by):
        return line[-by:]
    return line.lstrip(" ") if by < 0 else line
