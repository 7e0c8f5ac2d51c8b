"""Where the prose of a card's Markdown is: the only text a typography fix may change.

A typography rule that adds a space or swaps a comma for a full-width one must never reach code,
an address or markup: a space inside a link destination breaks the link, a full-width colon in a
code span changes the code. This module cuts a Markdown text into *prose segments*, pieces of
one line that are ordinary text, with everything else left out:

- fenced and indented code blocks, HTML blocks, reference definitions, thematic breaks, setext
  underlines and table delimiter rows (whole lines);
- the block markers at the start of a line (quote ``>``, list markers, task boxes, ``#``);
- code spans, HTML comments and tags, character references, backslash escapes, footnote labels,
  table pipes;
- the brackets and destinations of links and images (their text and alt text are prose), and
  autolinks ``<https://…>``.

Each left-out piece ends a segment, so the text on either side of a code span or a link is read
on its own, as AutoCorrect reads the text nodes of Markdown (it adds no space between a CJK
character and a backtick or a link bracket). Bare addresses (``https://…``, ``www.…``) stay
inside their segment as *opaque* runs: AutoCorrect reads them as words, but neither they nor the
characters bordering them are changed.

Block and inline syntax come from core/markdown_syntax.py and the link scanner
(core/linkscan.py), so this agrees with the highlighter and the link panel on what a fence, a
code span or a link destination is.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from editor_app.core.linkscan import AUTOLINK, BARE, HTML, scan_markdown
from editor_app.core.markdown_syntax import (
    ATX_HEADING,
    CODE_SPAN,
    ENTITY,
    ESCAPE,
    FOOTNOTE_REF,
    HTML_COMMENT,
    HTML_TAG,
    REFERENCE_DEFINITION,
    TASK_BOX,
    THEMATIC_BREAK,
    fenced_ranges,
    leading_columns,
    list_item,
)

__all__ = ["ProseSegment", "prose_segments"]


@dataclass(frozen=True)
class ProseSegment:
    """``text[start:end]`` is prose on one line; ``opaque`` spans inside it (absolute offsets)
    are bare addresses, read as words but never changed."""

    start: int
    end: int
    opaque: tuple[tuple[int, int], ...] = ()


_QUOTE_PREFIX = re.compile(r"[ \t]{0,3}(?:>[ \t]?)+")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_TABLE_DELIMITER = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_HTML_BLOCK_START = re.compile(r"^ {0,3}<(?:[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$)|/[A-Za-z]|!|\?)")
_FOOTNOTE_LABEL = re.compile(r"^ {0,3}\[\^[^\]\n]+\]:", re.M)
# A bare address, found wherever it starts (the renderer links only those after a space or
# "*_~(", but none may be changed either way). It runs to the next blank: text glued to an
# address may be part of it (a path in Chinese), so no space is put into it either.
_URL_RUN = re.compile(r"(?:https?://|ftp://|www\.)\S*", re.I)
_PIPE = re.compile(r"(?<!\\)\|")


def prose_segments(text: str, markdown: bool = True) -> list[ProseSegment]:
    """The prose segments of ``text`` in order; with ``markdown=False`` (a title) only the
    line breaks and bare addresses are special."""
    skip: list[tuple[int, int]] = []
    opaque: list[tuple[int, int]] = []
    if markdown:
        skip += fenced_ranges(text)
        skip += _block_spans(text, _Spans(skip))
        skip += _inline_spans(text, _Spans(skip), opaque)
    skip_spans = _Spans(skip)
    pos = 0
    while (m := _URL_RUN.search(text, pos)) is not None:
        inside = skip_spans.end_if_inside(m.start())
        if inside is not None:
            pos = inside  # an address in a destination or code; look on after it
            continue
        # Up to the syntax that follows it (a code span, a link's closing bracket).
        end = min(m.end(), skip_spans.next_start(m.start()))
        opaque.append((m.start(), end))
        pos = max(end, m.start() + 1)
    return _segments(text, skip_spans, opaque)


# -- whole lines and line prefixes -----------------------------------------------------------


def _block_spans(text: str, fenced: _Spans) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    blank_before = True
    html_block = False
    in_code = False  # the last line with text was indented code (blank lines continue it)
    list_content = -1  # the content column of the open list, -1 when none
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        if fenced.end_if_inside(start) is not None:
            blank_before = html_block = in_code = False
            continue
        line = raw.rstrip("\r")
        if not line.strip():
            blank_before, html_block = True, False
            continue
        cols = leading_columns(line)[0]
        code_at = 4 + max(list_content, 0)
        item = list_item(line) if cols < code_at else None
        if html_block or (blank_before and _HTML_BLOCK_START.match(line)):
            html_block, in_code = True, False
            out.append((start, end))
        elif cols >= code_at and (blank_before or in_code):
            in_code = True
            out.append((start, end))
        else:
            in_code = False
            if _whole_line_syntax(line):
                out.append((start, end))
            else:
                out.append((start, start + _prefix_length(line)))
            if item:
                gap = len(item.group(3).expandtabs(4))
                list_content = leading_columns(line[: item.end(2)])[0] + (
                    gap if 0 < gap <= 4 else 1
                )
            elif blank_before and cols == 0:
                list_content = -1  # a paragraph at the margin ends the list
        blank_before = False
    return out


def _whole_line_syntax(line: str) -> bool:
    """Lines that are syntax from end to end (a footnote's text is prose, its label is not)."""
    if THEMATIC_BREAK.match(line) or _SETEXT.match(line) or _TABLE_DELIMITER.match(line):
        return True
    return bool(REFERENCE_DEFINITION.match(line)) and not _FOOTNOTE_LABEL.match(line)


def _prefix_length(line: str) -> int:
    """How much of the line is block markers: quotes, a list marker and task box, ``#``s."""
    quote = _QUOTE_PREFIX.match(line)
    at = quote.end() if quote and ">" in quote.group() else 0
    rest = line[at:]
    item = list_item(rest)
    if item:
        at += item.end()
        task = TASK_BOX.match(line, at) if item.group(3) else None
        if task:
            at = task.end()
    heading = ATX_HEADING.match(line, at) if not item else None
    if heading:
        at = heading.end()
    while at < len(line) and line[at] in " \t":
        at += 1
    return at


# -- inline syntax ---------------------------------------------------------------------------


def _inline_spans(
    text: str, blocks: _Spans, opaque: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for pattern in (CODE_SPAN, HTML_COMMENT):
        out += [m.span() for m in pattern.finditer(text) if not blocks.overlaps(*m.span())]
    code = _Spans(out + blocks.ranges())
    for pattern in (HTML_TAG, ENTITY, ESCAPE, FOOTNOTE_REF, _FOOTNOTE_LABEL, _PIPE):
        out += [m.span() for m in pattern.finditer(text) if not code.overlaps(*m.span())]
    for link in scan_markdown(text):
        if link.form == BARE:
            continue  # read as an opaque run (see _URL_RUN)
        if link.form in (AUTOLINK, HTML):
            out.append((link.span_start, link.span_end))
        else:
            # The brackets and the destination; a reference's definition is a line of its own.
            out += [(link.span_start, link.text_start), (link.text_end, link.span_end)]
    return out


# -- cutting ---------------------------------------------------------------------------------


class _Spans:
    """Sorted, merged character ranges."""

    def __init__(self, ranges: list[tuple[int, int]]):
        merged: list[list[int]] = []
        for start, end in sorted(r for r in ranges if r[1] > r[0]):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def ranges(self) -> list[tuple[int, int]]:
        return list(zip(self.starts, self.ends, strict=True))

    def end_if_inside(self, pos: int) -> int | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and pos < self.ends[i]:
            return self.ends[i]
        return None

    def next_start(self, pos: int) -> int:
        """Where the first range at or after ``pos`` starts (a huge number when none does)."""
        i = bisect.bisect_left(self.starts, pos)
        return self.starts[i] if i < len(self.starts) else 1 << 62

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, max(start, end - 1)) - 1
        return i >= 0 and self.ends[i] > start


def _segments(text: str, skip: _Spans, opaque: list[tuple[int, int]]) -> list[ProseSegment]:
    out: list[ProseSegment] = []
    cuts = sorted(
        [(s, e) for s, e in skip.ranges()]
        + [(m.start(), m.end()) for m in re.finditer(r"\r?\n", text)]
    )
    pos = 0
    for start, end in [*cuts, (len(text), len(text))]:
        if start > pos:
            piece = text[pos:start]
            if piece.strip():
                inner = tuple(
                    sorted((max(a, pos), min(b, start)) for a, b in opaque if a < start and b > pos)
                )
                out.append(ProseSegment(pos, start, inner))
        pos = max(pos, end)
    return out
