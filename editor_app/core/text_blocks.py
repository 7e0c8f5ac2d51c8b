"""What the word counts read of Markdown: the text stripped of syntax, whole or by block.

Counting a multi-MB body at once runs a dozen regular expressions over the whole text; each
call holds the interpreter, and so the UI thread, for tens to hundreds of milliseconds, and
the whole count costs most of a second of Python after every pause in typing. So a long text
is cut at blank lines into blocks of at least ``MIN_BLOCK`` characters (``cut_blocks``) and
each block is stripped and counted alone: every call is short, and text_stats remembers a
block's count by its text, so after an edit only the block typed in is counted again (the
cut points only depend on the text since the previous cut, so they fall in the same places
again right after the edit).

The blocks' counts add up to the whole text's count. A cut is only made where nothing that
the stripping removes can run over it (``strip_block`` checks each step on the block's text
as that step sees it); a block whose end is not such a place grows to a later blank line.
Where no safe cut comes (an unclosed tag or comment, an open fence), the rest of the text is
one block, counted as the whole text would be.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TypeVar

from editor_app.core.markdown_syntax import (
    CLOSING,
    FOOTNOTE_REF,
    IMAGE,
    LINK,
    OPENING,
    REFERENCE_DEFINITION,
    fence_roles,
)

# Long enough that a text has few blocks to look up, short enough that stripping one holds
# the interpreter for about a millisecond.
MIN_BLOCK = 8_192
_CUT = "\n\n"
T = TypeVar("T")

_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_AUTOLINK = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9+.\-]*:|mailto:)[^>\s]*>")
_BARE_URL = re.compile(r"\b(?:https?|ftp)://[^\s<>()\[\]]+|\bwww\.[^\s<>()\[\]]+")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#x[0-9A-Fa-f]+);")
# Ordered-list markers (possibly inside quotes); bullets are punctuation and vanish anyway.
_ORDERED_MARKER = re.compile(r"^(\s*(?:>\s*)*)\d{1,9}[.)](?=\s|$)", re.MULTILINE)


def strip_markdown(text: str) -> str:
    """The text a reader reads: Markdown syntax, URLs and images removed (approximation)."""
    return _strip(text)[0]


def strip_fence_lines(text: str) -> str:
    """``text`` with the lines that open and close fenced code blanked (the code is kept)."""
    return _strip_fences(text)[0]


def strip_block(block: str) -> tuple[str, bool]:
    """``block`` stripped as ``strip_markdown`` strips it, and whether a cut right after it
    is safe: nothing any step removes can start in it and end after it.

    Every cut follows a blank line (the block ends with two line feeds), which every step
    keeps. Matches of reference definitions, footnote references, autolinks, bare URLs and
    entities never hold a line feed, so they cannot run over a cut. An ordered-list marker's
    match may start at the blank line and take the digits that start the next block: the
    same digits go when that block is stripped alone, only whitespace moves, and the counts
    (which do not count whitespace) agree.
    """
    return _strip(block)


def cut_blocks(
    text: str, measure: Callable[[str], tuple[T, bool]], min_block: int = MIN_BLOCK
) -> Iterator[T]:
    """What ``measure`` says of each block of ``text``, in order.

    ``measure(block)`` gives its result for the block and whether a cut after it is safe
    (what ``strip_block`` says; a caller that remembers blocks remembers that too).
    ``min_block`` is for the tests, which cut small texts often.
    """
    start, size = 0, min_block
    while start < len(text):
        at = text.find(_CUT, start + max(size - len(_CUT), 0))
        if at < 0:
            yield measure(text[start:])[0]
            return
        end = at + len(_CUT)
        result, safe = measure(text[start:end])
        if safe:
            yield result
            start, size = end, min_block
        else:
            # Grow geometrically: a stretch with no safe cut is then stripped about twice
            # over, not once per blank line in it.
            size = 2 * (end - start)


def _strip(text: str) -> tuple[str, bool]:
    # Each step is checked on its own input: a step before it may have removed what closed
    # a construct (an autolink's ">", a comment), so the raw text alone does not tell.
    opened = text.rfind("<!--")
    safe = opened < 0 or text.find("-->", opened + 4) >= 0
    text = _HTML_COMMENT.sub(" ", text)
    text, fence_open = _strip_fences(text)
    safe = safe and not fence_open
    text = REFERENCE_DEFINITION.sub(" ", text)
    safe = safe and not _link_may_continue(text)
    text = IMAGE.sub(" ", text)
    safe = safe and not _link_may_continue(text)
    text = LINK.sub(_link_text, text)
    text = FOOTNOTE_REF.sub(" ", text)
    text = _AUTOLINK.sub(" ", text)
    text = _BARE_URL.sub(" ", text)
    # A tag's attributes run to the next angle bracket, over any number of lines.
    safe = safe and text.rfind("<") <= text.rfind(">")
    text = _HTML_TAG.sub(" ", text)
    text = _ENTITY.sub(" ", text)
    return _ORDERED_MARKER.sub(r"\1 ", text), safe


def _link_text(match: re.Match[str]) -> str:
    return f" {match.group(1)} "


def _strip_fences(text: str) -> tuple[str, bool]:
    lines = text.split("\n")
    roles, fence = fence_roles(lines)
    stripped = "\n".join(
        " " if role in (OPENING, CLOSING) else line for line, role in zip(lines, roles, strict=True)
    )
    return stripped, fence is not None


def _link_may_continue(text: str) -> bool:
    """Whether a link or image of ``text`` may go on after its end.

    A link's text, destination and title each stay on one line and only blanks come
    between them, so a link that runs over the end has its ``](`` in one of the last three
    lines that are not blank ("[text](", the destination, the title; the ")" is after).
    """
    end, seen = len(text), 0
    while end > 0 and seen < 3:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line.strip():
            seen += 1
            if "](" in line:
                return True
        end = start - 1
    return False
