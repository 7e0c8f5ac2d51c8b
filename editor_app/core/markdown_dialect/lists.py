"""Lists laid out the CommonMark way, rewritten into the shape python-markdown parses.

python-markdown wants a blank line before a list and four spaces per nesting level, and it
knows fenced code and blockquotes only at the margin. CommonMark (and so Hugo) lets a list
interrupt a paragraph, nests an item under the item whose content column it reaches, whatever
the indent, and allows fences and quotes inside items. This preprocessor reads the lines the
CommonMark way and writes them back so python-markdown sees the same structure: blank lines
where a list interrupts a paragraph, four spaces per level, fences stashed as finished HTML,
quotes normalised on their own. Blank lines it adds for python-markdown's sake would make lists
loose, so it records which lists CommonMark calls loose; ``looseness`` applies that afterwards.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass

import markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from editor_app.core.markdown_dialect.cjk import is_cjk
from editor_app.core.markdown_syntax import Fence, fence_open, is_fence_close

# Marker, then spaces (or the end of the line: an empty item).
_ITEM = re.compile(r"(?P<marker>[-*+]|(?P<num>\d{1,9})(?P<delim>[.)]))(?P<pad>[ \t]+|$)")
_HR = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")
_QUOTE = re.compile(r">")
_SETEXT = re.compile(r"(?:=+|-+)[ \t]*$")
_DELIMITER_ROW = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")

FenceStash = Callable[[list[str]], str | None]


@dataclass
class _Item:
    content: int  # the source column where the item's content starts
    kind: str  # the marker character ('-', '*', '+') or the ordered delimiter ('.', ')')
    list_no: int  # which list (in document order) the item belongs to


def _expand(line: str) -> str:
    """Leading tabs to spaces (tab stops of four), the rest of the line untouched."""
    if "\t" not in line:
        return line
    body = line.lstrip(" \t")
    lead = line[: len(line) - len(body)]
    return lead.expandtabs(4) + body if "\t" in lead else line


def _opens_fence(stripped: str) -> Fence | None:
    """The fence a line opens, its indentation already removed (the caller checks it)."""
    return fence_open(stripped)


def _cells(row: str) -> int:
    row = row.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return len(re.split(r"(?<!\\)\|", row))


def _starts_table(stripped: str, lines: list[str], i: int) -> bool:
    """This line is a table's header: the next line is a delimiter row with as many cells."""
    if "|" not in stripped or i >= len(lines):
        return False
    below = lines[i].strip()
    return (
        "|" in below + stripped
        and _DELIMITER_ROW.match(below) is not None
        and ("|" in below or _cells(stripped) == 1)
        and _cells(below) == _cells(stripped)
    )


def _block_start(stripped: str) -> bool:
    return bool(
        _opens_fence(stripped)
        or _HR.match(stripped)
        or _HEADING.match(stripped)
        or _QUOTE.match(stripped)
        or _ITEM.match(stripped)
    )


class ListNormaliser(Preprocessor):
    def __init__(self, md: markdown.Markdown):
        super().__init__(md)
        self.loose: list[bool] = []  # per list, in document order: read by ListLooseness

    def run(self, lines: list[str]) -> list[str]:
        self.loose = []
        # The trailing blank lines let python-markdown see a final placeholder as a block.
        scanner = _Scanner(self._stash_fence, self.loose, self._separator)
        return [*scanner.run(lines), "", ""]

    def _separator(self) -> str:
        # A comment counts as block-level HTML for python-markdown, and the sanitizer drops it.
        return self.md.htmlStash.store("<!-- -->")

    def _stash_fence(self, lines: list[str]) -> str | None:
        """The fence rendered by python-markdown's own fenced code, as one placeholder line."""
        try:
            fenced = self.md.preprocessors["fenced_code_block"]
        except KeyError:
            return None
        kept = [x for x in fenced.run(lines) if x.strip()]
        return kept[0] if len(kept) == 1 else None


class _Scanner:
    def __init__(self, stash: FenceStash, loose: list[bool], separator: Callable[[], str]):
        self.stash = stash
        self.loose = loose
        self.separator = separator

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        stack: list[_Item] = []
        para = False  # the previous line is paragraph text that a lazy line may continue
        para_depth = 0  # how many items enclose that paragraph
        # Where that paragraph's first line is in ``out``, and where its text starts there.
        para_start, para_column = 0, 0
        blank = False  # the previous line is blank
        # python-markdown reads the lines between blank lines as one chunk, and a chunk that
        # starts indented all goes into the item above: an item less indented than the start
        # of its chunk needs a blank line before it. The indent of the current chunk's start:
        chunk: int | None = 0
        last_quote = (-1, -1)  # the depth of the last quote written and where its lines end
        lines = list(lines)
        i = 0
        while i < len(lines):
            line = _expand(lines[i])
            stripped = line.lstrip(" ")
            indent = len(line) - len(stripped)
            i += 1
            if not stripped:
                out.append("")
                blank, para, chunk = True, False, None
                continue
            item = _ITEM.match(stripped)
            if item and _HR.match(stripped):
                item = None  # '* * *' and '- - -' are rules
            depth = len(stack)
            while depth and indent < stack[depth - 1].content:
                depth -= 1
            lazy = depth < len(stack) and para and not blank and not _block_start(stripped)
            if lazy:
                depth = len(stack)
            base = stack[depth - 1].content if depth else 0
            if item and indent - base >= 4:
                item = None  # indented code inside an item, or text
            # An item continues the list at its depth only with the same marker kind.
            same_list = (
                item is not None
                and depth < len(stack)
                and stack[depth].kind == (item["delim"] or item["marker"])
            )
            if blank and depth:
                # A blank line between two blocks of an item, or between two items: loose.
                owner = stack[depth].list_no if same_list else None
                self.loose[owner if owner is not None else stack[depth - 1].list_no] = True
            elif blank and same_list:
                self.loose[stack[depth].list_no] = True

            if item and not lazy:
                number, delim = item["num"], item["delim"]
                rest = stripped[item.end() :]
                empty = not rest.strip()
                kind = delim or item["marker"]
                opens_list = depth == len(stack) or stack[depth].kind != kind
                if opens_list and para and not blank and para_depth == depth:
                    # Only a bullet or a list starting at 1, with content, interrupts a paragraph.
                    if empty or (number is not None and int(number) != 1):
                        text = stripped.replace(delim, "\\" + delim, 1) if delim else stripped
                        out.append(" " * (4 * depth) + text)
                        blank = False
                        continue
                    if depth == 0:
                        out.append("")
                if chunk is not None and 4 * depth < chunk and out and out[-1].strip():
                    out.append("")
                    chunk = None
                if depth < len(stack) and stack[depth].kind != kind:
                    # A different marker starts a new list: python-markdown would merge the two,
                    # so an empty stashed comment stands between them, at the list's level.
                    out.extend(["", " " * (4 * depth) + self.separator(), ""])
                    chunk = 4 * depth
                if opens_list:
                    list_no = len(self.loose)
                    self.loose.append(False)
                else:
                    list_no = stack[depth].list_no
                del stack[depth:]
                pad = item["pad"]
                width = len(pad.expandtabs(4)) if pad else 1
                if width > 4 or empty:
                    width = 1  # the content is indented code, or the item is empty
                    rest = stripped[len(item["marker"]) + 1 :]
                marker = number + "." if delim == ")" else item["marker"]
                content = indent + len(item["marker"]) + width
                stack.append(_Item(content, kind, list_no))
                inner = _ITEM.match(rest)
                if (inner and not _HR.match(rest)) or _opens_fence(rest):
                    # '- 1. x' is a list in a list, '- ```' a fence in an item: the inner block
                    # is read as its own line.
                    lines.insert(i, " " * content + rest)
                    rest, empty = "", True
                out.append(" " * (4 * depth) + marker + " " + rest)
                para, para_depth = not empty and not _block_start(rest), len(stack)
                para_start, para_column = len(out) - 1, len(out[-1]) - len(rest)
                blank = False
                chunk = 4 * depth if chunk is None else chunk
                continue

            # A block after an item that CommonMark ends here: python-markdown would take a line
            # of the same chunk into the item, so the chunk ends.
            left = depth < len(stack) and not lazy
            del stack[depth:]
            pad_to = 4 * depth + (0 if lazy else max(indent - base, 0))
            # Four columns past the container's content make indented code, not a fence.
            fence = _opens_fence(stripped) if indent - base <= 3 else None
            if fence:
                body, i = self._fence_body(lines, i, fence, indent, base)
                lang = re.match(r"[\w#.+-]*", fence.info)
                opening = fence.marker + (lang.group(0) if lang else "")
                placeholder = self.stash([opening, *body, fence.marker])
                block = [placeholder] if placeholder else [opening, *body, fence.marker]
                # A fence interrupts a paragraph and ends it. In an item too: python-markdown
                # would leave the placeholder inside the item's paragraph.
                out.extend(" " * pad_to + x if x else x for x in ["", *block, ""])
                para, blank, chunk = False, False, None
                continue
            if _QUOTE.match(stripped) and indent - base < 4:
                quoted, i = self._quote(lines, i - 1)
                if (depth or left) and out and out[-1].strip():
                    out.append("")
                    chunk = None
                if last_quote == (len(stack), _last_filled(out)):
                    # A blank line ends a quote, and the next '>' opens another one; python-
                    # markdown would add it to the first, so a stashed comment stands between.
                    out.extend([" " * (4 * depth) + self.separator(), ""])
                out.extend(" " * (4 * depth) + x for x in quoted)
                last_quote = (len(stack), len(out))
                para, blank = False, False
                chunk = 4 * depth if chunk is None else chunk
                if i < len(lines) and lines[i].strip():
                    # The quote ended at a line that is no lazy continuation (a list item, a
                    # rule): python-markdown would take that line into the quote.
                    out.append("")
                    chunk = None
                continue
            code = indent - base >= 4 and (blank or not para) and not lazy
            # An underline is never a lazy line: below a paragraph in an item, it is outside.
            setext = (
                para
                and not blank
                and not lazy
                and depth == para_depth
                and indent - base < 4
                and _SETEXT.match(stripped)
            )
            if setext and depth:
                # python-markdown keeps an item's continuation lines indented and finds no
                # underline there: the heading is written in the other style.
                _setext_to_atx(out, para_start, para_column, 1 if stripped[0] == "=" else 2)
                para, blank = False, False
                continue
            if not code and indent - base < 4 and _HR.match(stripped) and not setext:
                # A rule, even right under a paragraph or another rule: python-markdown would
                # read '***' over '---' as a heading.
                if out and out[-1].strip():
                    out.append("")
                out.extend([" " * (4 * depth) + stripped, ""])
                # The blank line written is python-markdown's, not the source's: the list stays
                # as tight as it was.
                para, blank, chunk = False, False, None
                continue
            if not code and stripped.startswith("#") and not _HEADING.match(stripped):
                # '#tag' is text in CommonMark; python-markdown would make it a heading.
                stripped = "\\" + stripped
                line = line[:indent] + stripped
            if not code and left and out and out[-1].strip():
                out.append("")
                chunk = None
            if not code and depth and _HEADING.match(stripped) and out and out[-1].strip():
                # Inside an item python-markdown keeps the indent of a continuation line, so a
                # heading there is found only at the start of a chunk.
                out.append("")
                chunk = None
            if not code and para and not blank and _starts_table(stripped, lines, i):
                out.append("")  # a table interrupts a paragraph; python-markdown needs a gap
            if _HR.match(stripped) or _HEADING.match(stripped):
                para = False
            elif not lazy:
                if not para:
                    para_start, para_column = len(out), pad_to if stack else indent
                para, para_depth = not code, len(stack)
            if not code and (setext or _HEADING.match(stripped)):
                # python-markdown finds neither indented, even by 1 to 3 spaces.
                pad_to, line = 4 * depth, stripped
            out.append(" " * pad_to + stripped if stack else line)
            blank = False
            chunk = pad_to if chunk is None else chunk
        return out

    @staticmethod
    def _fence_body(
        lines: list[str], i: int, fence: Fence, indent: int, base: int
    ) -> tuple[list[str], int]:
        """The fence's content lines (its indent removed) and the line after its end.

        ``base`` is the content column of the enclosing item (0 at the margin): the closing
        fence is indented at most 3 columns past it."""
        body: list[str] = []
        closed = False
        while i < len(lines):
            line = _expand(lines[i])
            i += 1
            lead = len(line) - len(line.lstrip(" "))
            if is_fence_close(line[min(lead, base) :], fence):
                closed = True
                break
            body.append(line[min(lead, indent) :])
        while not closed and body and not body[-1].strip():
            body.pop()  # an unclosed fence runs to the end, without the trailing blank lines
        return body, i

    def _quote(self, lines: list[str], i: int) -> tuple[list[str], int]:
        """The blockquote starting at line ``i`` (lazy lines included) and the line after it."""
        inner: list[str] = []
        first = _expand(lines[i])
        indent = len(first) - len(first.lstrip(" "))
        while i < len(lines) and lines[i].strip():
            line = _expand(lines[i])
            stripped = line.lstrip(" ")
            if _QUOTE.match(stripped) and len(line) - len(stripped) <= indent + 3:
                rest = stripped[1:]
                inner.append(rest[1:] if rest.startswith(" ") else rest)
            elif (
                (_block_start(stripped) and len(line) - len(stripped) < indent + 4)
                or not inner
                or not inner[-1].strip()
            ):
                break  # a block that interrupts the quote's paragraph (four spaces in: text)
            else:
                # A lazy continuation; one that looks like a block start keeps four spaces so
                # that it stays text.
                inner.append("    " + stripped if _block_start(stripped) else stripped)
            i += 1
        nested = _Scanner(self.stash, self.loose, self.separator).run(inner)
        return [("> " + x).rstrip() if x.strip() else ">" for x in nested], i


def _setext_to_atx(out: list[str], start: int, column: int, level: int) -> None:
    """The paragraph written from ``out[start]`` on (its text from ``column``) made an ATX
    heading of ``level``: its lines joined as CommonMark joins a soft break in a heading."""
    first = out[start]
    text = first[column:].strip()
    for line in out[start + 1 :]:
        line = line.strip()
        if text and line:
            text += "" if is_cjk(text[-1]) and is_cjk(line[0]) else " "
        text += line
    if text.endswith("#"):
        text = text[:-1] + "\\#"  # a closing sequence of an ATX heading would be dropped
    out[start:] = [first[:column] + "#" * level + " " + text]
    if first[:column].strip() == "" and start and out[start - 1].strip():
        out.insert(start, "")  # not on the item's line: the heading starts a chunk


def _last_filled(out: list[str]) -> int:
    """Where the trailing blank lines of ``out`` start."""
    end = len(out)
    while end and not out[end - 1].strip():
        end -= 1
    return end


_PLACEHOLDER = re.compile("^\x02wzxhzdk:\\d+\x03$")


class FencePlaceholders(Treeprocessor):
    """A stashed fence alone in a paragraph must be the paragraph's whole text for
    python-markdown to put the HTML in place of the paragraph; trim the newlines around it."""

    def run(self, root: ET.Element) -> None:
        for p in root.iter("p"):
            if not len(p) and p.text and _PLACEHOLDER.match(p.text.strip()):
                p.text = p.text.strip()
