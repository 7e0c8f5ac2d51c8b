"""Where a long Markdown text may be cut so that its parts render as the whole does.

Typing into a long card renders its Markdown again on every keystroke, and python-markdown's
cost grows with the text (about 1.4 ms per 1,000 characters): past ~6,000 characters one
render no longer fits a frame. core/render.py therefore renders a text longer than
``BLOCKWISE_CHARS`` in parts, each through its memory of short texts, and joins the results;
after a keystroke only the part typed in is rendered again. This module decides the parts.

The parts must give exactly the whole text's result. python-markdown keeps some state for the
whole document, so a text that uses any of it is not cut at all (``cut_blocks`` returns None
and the whole text is rendered):

- reference definitions (``[x]: url``) and footnotes (``[^x]``), which any part may use or
  number;
- raw HTML (a block runs over blank lines until its closing tag, and inline tags are collected
  across the document), the table-of-contents marker, ``{#id}`` attributes (the heading ids are
  made unique against every id in the document), carriage returns (python-markdown reads them
  as line ends);
- fence-like lines that are indented (a fence in a list item: where it ends depends on the
  item's indentation, read as the dialect's list normaliser reads it).

Elsewhere a cut goes before a line at the margin that follows a blank line and cannot carry
anything on from above: not a list item (a loose list goes on after a blank line), not a quote
(python-markdown would join two quotes), not indented, not an attribute list, and outside
fenced code as both the dialect (CommonMark's fences) and the render limits' pre-scan
(core/render_limits.py, which pairs fences by their exact run) read it. There the limits'
pre-scan starts afresh too, so the parts are neutralised as the whole is. Headings whose ids
collide across parts are checked by the caller, on the rendered ids.

The cut points only depend on the text around them (a part ends at a candidate chosen by a
hash of the line after it, once the part is long enough), so an edit moves no cut outside the
part it is in, and the other parts are found in the render memory.
"""

from __future__ import annotations

import re
import zlib

from editor_app.core.markdown_syntax import LIST_ITEM, Fence, fence_open, is_fence_close
from editor_app.core.render_limits import MAX_CARD_CHARS

BLOCKWISE_CHARS = 3_000  # texts up to this long are rendered whole
MIN_PART = 400  # a part shorter than this is not cut off: each part costs a parser reset
MAX_PART = 2_000  # past this a part ends at the next safe place, whatever its hash
_PICK = 4  # about one safe place in this many ends a part once it is long enough

# Anything that makes python-markdown read one part of the document in the light of another.
_GLOBAL_LITERALS = ("\r", "]:", "[^", "[TOC]")
# An HTML tag, comment, declaration or processing instruction; '<https://…>' is an autolink.
_HTML = re.compile(r"<(?!(?:https?|ftp|mailto):[^<>\s]*>)[A-Za-z!?/]")
_ID_ATTRIBUTE = re.compile(r"\{[^}\n]*#")
# A fence run at the margin as the render limits' pre-scan sees it (any info string).
_LIMITS_FENCE = re.compile(r"`{3,}|~{3,}")
_MARGIN_FENCE = re.compile(r"^(?:```|~~~).*", re.MULTILINE)
# A fence-like line indented by any white space: its extent depends on the list around it.
_INDENTED_FENCE = re.compile(r"^[^\S\n]+(?:```|~~~)", re.MULTILINE)
# A blank line (spaces and tabs only) and, after it, a line that may start a part: at the
# margin, neither a quote nor an attribute list (list items are left out by the caller).
_AFTER_BLANK = re.compile(r"\n[ \t]*\n(?=[^\s>{])")


def cut_blocks(text: str) -> list[str] | None:
    """``text`` cut into parts that render as the whole (joined by newlines they are ``text``),
    or None when it should be rendered whole: short, over the size limit, document-wide
    constructs, or no safe place to cut."""
    if rendered_whole(text) or _INDENTED_FENCE.search(text):
        return None
    # Only the lines after a blank line and the fence lines are read (a loop over every line
    # cost a 32,000-character text most of a millisecond). A part may start with a fence:
    # where both start, the cut is decided before the fence opens.
    events = sorted(
        [(m.start(), 1, m.group()) for m in _MARGIN_FENCE.finditer(text)]
        + [(m.end(), 0, "") for m in _AFTER_BLANK.finditer(text)]
    )
    parts: list[str] = []
    start = 0  # where the part under way starts
    fence: Fence | None = None  # the dialect's open fence
    limits_fence = ""  # the pre-scan's open fence run
    for pos, is_fence, line in events:
        if is_fence:
            if fence is None:
                fence = fence_open(line)
            elif is_fence_close(line, fence):
                fence = None
            run = _LIMITS_FENCE.match(line)
            if run and not limits_fence:
                limits_fence = run.group()
            elif run and run.group() == limits_fence:
                limits_fence = ""
            continue
        size = pos - start
        if size < MIN_PART or fence is not None or limits_fence:
            continue
        end = text.find("\n", pos)
        line = text[pos : end if end >= 0 else len(text)]
        if LIST_ITEM.match(line) is None and (size >= MAX_PART or _picked(line)):
            parts.append(text[start : pos - 1])
            start = pos
    if not parts:
        return None
    parts.append(text[start:])
    return parts


def rendered_whole(text: str) -> bool:
    """Whether ``text`` is rendered whole for its length or a document-wide construct."""
    if len(text) <= BLOCKWISE_CHARS or len(text) > MAX_CARD_CHARS:
        return True  # an oversized text is refused by the whole render, as always
    if any(x in text for x in _GLOBAL_LITERALS):
        return True
    return bool(_HTML.search(text) or _ID_ATTRIBUTE.search(text))


def _picked(line: str) -> bool:
    # A hash of the line itself, not of where it is: the same cuts come back after an edit.
    return zlib.crc32(line.encode("utf-8", "surrogatepass")) % _PICK == 0
