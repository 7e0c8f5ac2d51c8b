"""The Markdown block and link syntax that every line-based reader of card text shares.

The renderer (core/render.py with core/markdown_dialect/) is the one that turns Markdown into
HTML. Several other places read card text line by line without rendering it: the editor's
highlighter and formatting commands, the word counts, the link scan, the Markdown exporter's
heading shift and fence closing, and the importers. They take their patterns from here, so they
agree with each other and with the dialect (CommonMark + GFM) on what a fence, a heading, a list
item and a link are:

- **Indentation** is counted in columns, a tab advancing to the next multiple of 4. Block
  markers may be indented by at most 3 columns (4 make indented code), so a leading tab, or
  spaces then a tab, never starts a fence or a heading.
- **Fences** are 3 or more backticks or tildes; a backtick fence's info string may not contain a
  backtick (that line is inline code). The closing fence uses the same character, is at least as
  long as the opening one, is indented at most 3 columns and has nothing after it but blanks.
  A fence left open runs to the end of the text.
- **ATX headings** are 1 to 6 ``#`` followed by a space, a tab or the end of the line.
- **List items** start with ``-``, ``*``, ``+`` or 1 to 9 digits and ``.`` or ``)``, followed by a
  space, a tab or the end of the line. (A line such as ``- - -`` is a thematic break first.)

This module is plain Python with no imports from the rest of the package, so anything may use
it, Qt-free code and the GUI alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TAB_STOP = 4
MAX_MARKER_INDENT = 3  # one more column makes indented code

# -- indentation ----------------------------------------------------------------------------


def leading_columns(line: str) -> tuple[int, int]:
    """The width in columns of the line's leading spaces and tabs, and where the text starts."""
    col = 0
    for i, ch in enumerate(line):
        if ch == " ":
            col += 1
        elif ch == "\t":
            col += TAB_STOP - col % TAB_STOP
        else:
            return col, i
    return col, len(line)


# -- fenced code ----------------------------------------------------------------------------

_FENCE_RUN = re.compile(r"(`{3,}|~{3,})(.*)$", re.S)


@dataclass(frozen=True)
class Fence:
    """An opening fence: its character, length, indentation (columns), info string, and where
    its marker starts in the line (a string index)."""

    char: str
    length: int
    indent: int
    info: str
    start: int

    @property
    def marker(self) -> str:
        return self.char * self.length


def fence_open(line: str) -> Fence | None:
    """The fence this line opens, or None (the line is not a fence outside a code block)."""
    cols, start = leading_columns(line)
    if cols > MAX_MARKER_INDENT:
        return None
    m = _FENCE_RUN.match(line, start)
    if not m:
        return None
    run, info = m.group(1), m.group(2)
    if run[0] == "`" and "`" in info:
        return None  # ```code``` on one line is a code span
    return Fence(run[0], len(run), cols, info.strip(), start)


def is_fence_open(line: str) -> bool:
    return fence_open(line) is not None


def is_fence_close(line: str, fence: Fence | tuple[str, int]) -> bool:
    """Whether ``line`` closes ``fence`` (a Fence, or its character and length)."""
    char, length = (fence.char, fence.length) if isinstance(fence, Fence) else fence
    cols, start = leading_columns(line)
    if cols > MAX_MARKER_INDENT:
        return False
    end = start
    while end < len(line) and line[end] == char:
        end += 1
    return end - start >= max(length, 3) and not line[end:].strip(" \t\r\n")


# Each line's part in fenced code: outside, the opening fence, content, the closing fence.
OUTSIDE, OPENING, CODE, CLOSING = "", "open", "code", "close"


def fence_roles(lines: list[str]) -> tuple[list[str], Fence | None]:
    """Each line's role (OUTSIDE, OPENING, CODE, CLOSING) and the fence left open at the end."""
    roles: list[str] = []
    fence: Fence | None = None
    for line in lines:
        if fence is None:
            fence = fence_open(line)
            roles.append(OPENING if fence else OUTSIDE)
        elif is_fence_close(line, fence):
            roles.append(CLOSING)
            fence = None
        else:
            roles.append(CODE)
    return roles, fence


def fenced_lines(lines: list[str]) -> list[bool]:
    """For each line, whether it is part of fenced code (its fences included)."""
    return [role != OUTSIDE for role in fence_roles(lines)[0]]


# Where a line may open or close a fence: at the start of a line (after any line boundary
# str.splitlines knows), at most three spaces, then three backticks or tildes. No other line
# opens or closes one (a tab in front reaches column 4), so only these lines need reading.
_FENCE_LINE = re.compile(r"(?:\A|(?<=[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029])) {0,3}(?:```|~~~)")
_LINE_END = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Characters searched at once (at least: each piece ends just after a line feed).
PIECE_CHARS = 1 << 16


def fenced_ranges(text: str, piece_chars: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """Character spans of the fenced code blocks in ``text``, fences included.

    The lines are those of ``text.splitlines()``. Reading every line in Python cost a 10 MB
    body a fifth of a second; only the lines that may be fences are read, found a piece of
    text at a time (a search through megabytes in one call would hold the interpreter, and
    so the UI thread when a worker runs it). A piece ends just after a line feed, which
    always ends a line and never separates the two characters of a CR LF.
    """
    out: list[tuple[int, int]] = []
    start = 0
    fence: Fence | None = None
    offset = 0
    while offset < len(text):
        cut = text.find("\n", offset + piece_chars)
        piece = text[offset : len(text) if cut < 0 else cut + 1]
        for m in _FENCE_LINE.finditer(piece):
            line_end = _LINE_END.search(piece, m.start())
            end = line_end.end() if line_end else len(piece)
            line = piece[m.start() : end]
            if fence is None:
                fence = fence_open(line.rstrip("\r\n"))
                start = offset + m.start()
            elif is_fence_close(line, fence):
                out.append((start, offset + end))
                fence = None
        offset += len(piece)
    if fence is not None:
        out.append((start, len(text)))
    return out


# -- headings and list items ----------------------------------------------------------------

# Group 1: the indentation (spaces only: a tab in the first columns reaches column 4), group 2
# the hashes.
ATX_HEADING = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)")
# The importers and the exporter's heading shift read headings at the margin only (our export
# writes them there); group 1 is the hashes.
ATX_AT_MARGIN = re.compile(r"^(#{1,6})(?=[ \t]|$)")


def atx_level(line: str) -> int | None:
    """The level (1-6) of the ATX heading on this line, or None."""
    m = ATX_HEADING.match(line)
    return len(m.group(2)) if m else None


LIST_MARKER = r"[-*+]|\d{1,9}[.)]"
# Group 1: the indentation, group 2: the marker, group 3: the blanks after it ("" at the end).
LIST_ITEM = re.compile(rf"^([ \t]*)({LIST_MARKER})([ \t]+|$)")
# A bullet item (no ordered markers), indented at most 3 columns: what the importers read.
BULLET_ITEM = re.compile(r"^ {0,3}[-*+][ \t]+")
TASK_BOX = re.compile(r"\[[ xX]\](?=[ \t]|$)")
THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")


def list_item(line: str) -> re.Match[str] | None:
    """The list item marker that starts this line, or None (a thematic break is not one)."""
    if THEMATIC_BREAK.match(line):
        return None
    return LIST_ITEM.match(line)


# -- inline links and images ----------------------------------------------------------------

# A link destination in parentheses: <...> or text without blanks with one level of balanced
# parentheses, then an optional title in double or single quotes or parentheses.
LINK_DESTINATION = (
    r"\(\s*(?:<[^>\n]*>|(?:[^()\s]|\([^()\s]*\))*)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\s*\)"
)
# An inline or reference image and link on one line; group 1 of LINK is the link text.
IMAGE = re.compile(rf"!\[[^\]\n]*\](?:{LINK_DESTINATION}|\[[^\]\n]*\])")
LINK = re.compile(rf"\[([^\]\n]*)\](?:{LINK_DESTINATION}|\[[^\]\n]*\])")
FOOTNOTE_REF = re.compile(r"\[\^[^\]\n]+\]")
# A reference definition line: ``[label]: destination ...``.
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.MULTILINE)

# -- inline code and raw HTML ---------------------------------------------------------------

# A code span: a run of backticks, then text, then a run of the same length (not preceded by a
# backslash). It may run over lines of one paragraph; nothing inside it is Markdown.
CODE_SPAN = re.compile(r"(?<![`\\])(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
# An HTML character reference (``&amp;``, ``&#12288;``, ``&#x3000;``).
ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# A backslash escape of ASCII punctuation.
ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~]")
