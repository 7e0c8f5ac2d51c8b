"""Markdown blocks sealed so that nothing in them can change the structure of what follows.

A Markdown export writes each section intro and card body between structural headings. A
few constructs run on past the blank line that ends a block: a fenced code block left open,
an HTML block of the kinds that end only at their own closing text (``<pre>``, ``<script>``,
comments, ``<?``, ``<!``, CDATA), and, since CommonMark ends a line at a lone carriage return
too, anything hidden behind one. Left in, they turn every later heading into code or raw HTML
for a site generator, and for our own importer, which reads the export line by line.

``seal_block`` filters the text (core/markup/mdtext.py) and returns it so that both readers see it ending closed: CommonMark (markdown-it, the
same rules as Hugo's Goldmark) and the line reader of core/markdown_syntax.py that the importer
uses. It tries the smallest change first (close what is open), then takes away the fences the
two readers disagree on, and as a last resort shows the whole text as a code block.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from editor_app.core.markdown_syntax import OPENING, Fence, fence_open, fence_roles
from editor_app.core.markup.assets import safe_url
from editor_app.core.markup.mdtext import AUTOLINK_TOKEN, UrlMap, filter_body

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# CommonMark ends a line at CR, LF or CRLF; the line reader splits at LF only.
_LINE_END = re.compile(r"\r\n?")
_PRE_OPEN = re.compile(r"^ {0,3}<pre(?=[\s>]|$)", re.I)
_PRE_CLOSE = re.compile(r"</pre>", re.I)
_SENTINEL = "masthead-seal-sentinel"


@lru_cache(maxsize=1)
def _commonmark() -> MarkdownIt:
    # Imported here: only an export needs it, and the CLI's start-up should not pay for it.
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def normalize_line_ends(text: str) -> str:
    """Every line ending as LF, so both readers split the text into the same lines."""
    return _LINE_END.sub("\n", text)


def _open_fence(lines: list[str]) -> Fence | None:
    return fence_roles(lines)[1]


def _open_pre(lines: list[str]) -> bool:
    roles = fence_roles(lines)[0]
    pre = False
    for line, role in zip(lines, roles, strict=True):
        if pre or not role and _PRE_OPEN.match(line):
            pre = not _PRE_CLOSE.search(line)
    return pre


def _closer(fence: Fence) -> str:
    # At the opener's indentation: a fence opened inside a list item closes inside it.
    return " " * fence.indent + fence.marker


def close_open_blocks(text: str) -> str:
    """``text`` with a fence or a ``<pre>`` block that the line reader sees open closed."""
    lines = text.split("\n")
    fence = _open_fence(lines)
    if fence is not None:
        return f"{text}\n{_closer(fence)}"
    return f"{text}\n</pre>" if _open_pre(lines) else text


def _commonmark_read(text: str) -> tuple[bool, set[int], set[int], set[int]]:
    """(whether a heading after ``text`` stays a top-level heading, the lines where a fence
    opens, the lines inside fenced code, fences included, the lines of raw HTML blocks) as
    CommonMark reads ``text``."""
    tokens = _commonmark().parse(f"{text}\n\n# {_SENTINEL}\n")
    last = tokens[-3:]
    closed = (
        len(last) == 3
        and last[0].type == "heading_open"
        and last[0].level == 0
        and last[1].content == _SENTINEL
    )
    fences = [t.map for t in tokens if t.type == "fence" and t.map]
    starts = {start for start, _end in fences}
    code = {i for start, end in fences for i in range(start, end)}
    raw = {i for t in tokens if t.type == "html_block" and t.map for i in range(*t.map)}
    return closed, starts, code, raw


def commonmark_code_lines(text: str) -> set[int]:
    """The lines of ``text`` that CommonMark reads as fenced code (fences included)."""
    return _commonmark_read(text)[2]


def is_sealed(text: str) -> bool:
    """Whether a heading written after ``text`` (and a blank line) stays a heading for both
    readers: CommonMark, and the line reader (no fence, no ``<pre>`` left open)."""
    lines = text.split("\n")
    if "\r" in text or _open_fence(lines) is not None or _open_pre(lines):
        return False
    return _commonmark_read(text)[0]


def _escape_fence(line: str, fence: Fence) -> str:
    return line[: fence.start] + "\\" + line[fence.start :]


def drop_disputed_fences(text: str) -> str:
    """Fence openers the line reader sees but CommonMark does not (inside an HTML block or a
    link title, say) escaped to plain text, so that both readers agree on what is code."""
    lines = text.split("\n")
    roles = fence_roles(lines)[0]
    starts = _commonmark_read(text)[1]
    out = []
    for i, (line, role) in enumerate(zip(lines, roles, strict=True)):
        fence = fence_open(line) if role == OPENING else None
        out.append(_escape_fence(line, fence) if fence and i not in starts else line)
    return "\n".join(out)


def as_code_block(text: str) -> str:
    """``text`` shown verbatim in a tilde fence longer than any tilde run inside it."""
    longest = max((len(m) for m in re.findall(r"~+", text)), default=0)
    fence = "~" * max(3, longest + 1)
    return f"{fence}\n{text}\n{fence}"


def _safe_only(url: str, is_image: bool) -> str | None:
    return url if safe_url(url) is not None else None


def is_clean(text: str) -> bool:
    """Whether the body filter finds nothing left to take out of what CommonMark reads as
    Markdown (everything outside fenced code)."""
    return filter_body(text, _safe_only, commonmark_code_lines(text)) == text


def _autolinks_as_text(text: str) -> str:
    """``<https://…>`` inside a raw HTML block is no link but a tag named after the scheme:
    shown as the text it is instead."""
    raw = _commonmark_read(text)[3]
    if not raw:
        return text
    lines = text.split("\n")
    for i in raw:
        if i < len(lines):
            lines[i] = AUTOLINK_TOKEN.sub(lambda m: "&lt;" + m.group(0)[1:], lines[i])
    return "\n".join(lines)


def seal_block(text: str, url_map: UrlMap) -> str:
    """Card or intro Markdown as it is safe to publish between structural headings.

    Filtered (see ``filter_body``; fenced code is left alone only where both readers see
    it), then changed as little as possible so that it ends with every block closed for both
    readers: whatever follows after a blank line (a heading, a structure marker) is read as
    itself. Text that cannot be made so is shown as a code block.
    """
    text = normalize_line_ends(text)
    text = _autolinks_as_text(filter_body(text, url_map, commonmark_code_lines(text)))
    for candidate in (text, drop_disputed_fences(text)):
        candidate = close_open_blocks(candidate)
        if is_sealed(candidate) and is_clean(candidate):
            return candidate
    return as_code_block(text)
