"""Limits that keep one hostile card from stalling or crashing the renderer.

python-markdown recurses once per nested block (list, blockquote) and per nested inline
element (link brackets, emphasis), and some of its passes are quadratic in nesting depth. A
card with a few hundred nested levels raises RecursionError; ten thousand nested brackets take
many seconds. A Python thread cannot be interrupted mid-render, so the limits act before the
render, on the source text, in one linear pass:

- a card longer than ``MAX_CARD_CHARS`` is not rendered at all (the caller shows an error box);
- structure deeper than the caps is neutralised: the first container marker or delimiter past
  the cap is backslash-escaped (or an over-deep list item is made a sibling of the deepest
  allowed one), so it renders as text and python-markdown never sees the depth;
- python-markdown's inline pass rebuilds a paragraph's string for every match (escape,
  emphasis, link, code span), so its cost grows with markers times length: a paragraph with
  more than ``MAX_INLINE_TOKENS`` markers is not rendered either;
- any exception from the renderer is caught and reported the same way as an oversized card;
- the render is timed, so a slow card can be reported (it is still shown: discarding finished
  output would make the export depend on the machine's speed).

The depth counts are upper bounds of what python-markdown (or a CommonMark dialect) would
build: an item indented by any amount more than an open item counts as nested inside it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

MAX_CARD_CHARS = 100_000  # characters of Markdown rendered per card (body or note)
MAX_BLOCK_DEPTH = 16  # nested lists and blockquotes, together
MAX_INLINE_DEPTH = 32  # nested link brackets and emphasis delimiters, together, per paragraph
MAX_BRACKET_DEPTH = 8  # of those, link brackets: each open one costs a scan to the paragraph end
MAX_INLINE_TOKENS = 20_000  # escapes, delimiter runs, brackets, code spans, tags per paragraph
TIME_BUDGET_SECONDS = 2.0  # a render slower than this is reported

TOO_LARGE = "too-large"
TOO_COMPLEX = "too-complex"
RENDERER_ERROR = "renderer-error"


@dataclass(frozen=True)
class LimitReport:
    """What the limits did to one text.

    ``refused`` is empty when the text was rendered, else ``TOO_LARGE`` or ``RENDERER_ERROR``
    with an English ``detail``. ``neutralised`` counts the places where structure deeper than
    the caps was turned into text.
    """

    refused: str = ""
    detail: str = ""
    neutralised: int = 0
    seconds: float = 0.0

    @property
    def slow(self) -> bool:
        return self.seconds > TIME_BUDGET_SECONDS


class _Limited(Protocol):
    limits: LimitReport


R = TypeVar("R", bound=_Limited)


def _refusal(text: str) -> LimitReport | None:
    """Why ``text`` is not rendered at all (too large, a paragraph too busy), or None."""
    if len(text) > MAX_CARD_CHARS:
        detail = f"{len(text):,} characters, more than the {MAX_CARD_CHARS:,} rendered per card"
        return LimitReport(TOO_LARGE, detail)
    tokens = busiest_paragraph(text)
    if tokens > MAX_INLINE_TOKENS:
        detail = f"a paragraph has {tokens:,} inline markers, more than {MAX_INLINE_TOKENS:,}"
        return LimitReport(TOO_COMPLEX, detail)
    return None


def prescan_limits(text: str) -> LimitReport:
    """What the limits would do to ``text``, without rendering it: the refusals and the
    neutralised places are known before the render; its time and failures are not."""
    return _refusal(text) or LimitReport(neutralised=neutralise(text)[1])


def render_within_limits(text: str, render: Callable[[str], R], refused: Callable[[], R]) -> R:
    """Run ``render`` on the neutralised ``text``; ``refused()`` builds the empty result.

    Never raises for anything the text contains: an oversized text or a renderer failure
    comes back as ``refused()`` with ``limits.refused`` set.
    """
    refusal = _refusal(text)
    if refusal is not None:
        result = refused()
        result.limits = refusal
        return result
    source, neutralised = neutralise(text)
    start = time.perf_counter()
    try:
        result = render(source)
    except Exception as exc:  # noqa: BLE001 - any failure becomes a visible box, never a trace
        result = refused()
        detail = f"{type(exc).__name__}: {exc}"[:200]
        result.limits = LimitReport(RENDERER_ERROR, detail, neutralised)
        return result
    result.limits = LimitReport("", "", neutralised, time.perf_counter() - start)
    return result


# -- the pre-scan ----------------------------------------------------------------------------
_FENCE = re.compile(r"(`{3,}|~{3,})")
_LIST_MARKER = re.compile(r"([-*+]|\d{1,9}[.)])(?=[ \t]|$)")
_THEMATIC_BREAK = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_INLINE_TOKEN = re.compile(r"\\.|[\[\]]|\*+|_+", re.DOTALL)
_MARKER = re.compile(r"\\.|[*_]+|[\[`<&]|~~", re.DOTALL)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_PUNCT_OR_SPACE = frozenset(" \t\n!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def neutralise(text: str) -> tuple[str, int]:
    """The text with structure deeper than the caps made literal, and how many places."""
    lines = text.split("\n")
    code = _fenced_lines(lines)
    changed = 0
    stack: list[int] = []  # columns of the open list items' markers, outermost first
    after_blank = True
    for i, line in enumerate(lines):
        if code[i]:
            continue
        if not line.strip():
            after_blank = True
            continue
        new, stack = _limit_containers(line, stack, after_blank)
        after_blank = False
        if new is not line:
            lines[i] = new
            changed += 1
    # Inline nesting is counted per paragraph: consecutive non-blank lines outside code.
    start = 0
    for i in range(len(lines) + 1):
        if i == len(lines) or code[i] or not lines[i].strip():
            if i > start:
                joined = "\n".join(lines[start:i])
                block, n = _limit_inline(joined)
                if block is not joined:
                    lines[start:i] = block.split("\n")
                    changed += n
            start = i + 1
    return "\n".join(lines), changed


def busiest_paragraph(text: str) -> int:
    """The most inline markers in one paragraph (text between blank lines); linear."""
    most = 0
    for block in _BLANK_LINE.split(text):
        most = max(most, sum(1 for _ in _MARKER.finditer(block)))
    return most


def _fenced_lines(lines: list[str]) -> list[bool]:
    """Lines inside fenced code that python-markdown is sure to treat as code.

    Only fences at the margin closed by the very same fence count (python-markdown's rule);
    anything else is scanned like text, which can only make the scan stricter.
    """
    code = [False] * len(lines)
    last: dict[str, int] = {}  # fence -> index of its last occurrence
    for i, line in enumerate(lines):
        fence = _fence_of(line)
        if fence:
            last[fence] = i
    i = 0
    while i < len(lines):
        fence = _fence_of(lines[i])
        if fence and last[fence] > i:
            j = i + 1
            while _fence_of(lines[j]) != fence:
                j += 1
            for k in range(i, j + 1):
                code[k] = True
            i = j + 1
        else:
            i += 1
    return code


def _fence_of(line: str) -> str:
    match = _FENCE.match(line)
    return match.group(1) if match else ""


def _limit_containers(line: str, stack: list[int], after_blank: bool) -> tuple[str, list[int]]:
    """Cap the container depth of one line; returns the line (same object if unchanged)."""
    expanded = line.expandtabs(4) if "\t" in line[: len(line) - len(line.lstrip())] else line
    pos = len(expanded) - len(expanded.lstrip(" "))
    if pos == 0 and after_blank and not _LIST_MARKER.match(expanded) and expanded[0] != ">":
        stack = []  # text at the margin after a blank line ends any list
    if _THEMATIC_BREAK.match(expanded):
        return line, stack
    depth = 0
    first_item = True
    while pos < len(expanded):
        if expanded[pos] == ">":
            if depth >= MAX_BLOCK_DEPTH:
                return _escape_at(expanded, pos), stack
            depth += 1
            pos += 1
        else:
            match = _LIST_MARKER.match(expanded, pos)
            if not match:
                break
            if first_item:
                while stack and stack[-1] >= pos:
                    stack.pop()
                depth += len(stack)
            if depth >= MAX_BLOCK_DEPTH:
                if first_item and depth == len(stack) and stack:
                    # Indented past the deepest allowed item: make it that item's sibling.
                    return " " * stack[-1] + expanded[pos:], stack
                return _escape_at(expanded, pos), stack
            if len(stack) < MAX_BLOCK_DEPTH:
                stack.append(pos)
            first_item = False
            depth += 1
            pos = match.end()
        while pos < len(expanded) and expanded[pos] == " ":
            pos += 1
    return line, stack


def _escape_at(line: str, pos: int) -> str:
    """Backslash before the marker at ``pos`` (``1.`` becomes ``1\\.``), so it is text."""
    if line[pos].isdigit():
        while line[pos].isdigit():
            pos += 1
    return line[:pos] + "\\" + line[pos:]


def _limit_inline(block: str) -> tuple[str, int]:
    """Escape brackets and emphasis delimiters that would open a level past the cap."""
    brackets: list[tuple[int, int]] = []  # spans of the open, unescaped brackets
    emphasis: list[str] = []  # delimiter characters of the open emphasis runs
    cuts: list[tuple[int, int]] = []  # (start, end) of delimiters to escape
    for match in _INLINE_TOKEN.finditer(block):
        token = match.group()
        if token[0] == "\\":
            continue
        if token == "[":
            full = len(brackets) >= MAX_BRACKET_DEPTH
            if full or len(brackets) + len(emphasis) >= MAX_INLINE_DEPTH:
                cuts.append(match.span())
            else:
                brackets.append(match.span())
        elif token == "]":
            if brackets:
                brackets.pop()
        else:
            start, end = match.span()
            before = block[start - 1] if start else " "
            after = block[end] if end < len(block) else " "
            left = not after.isspace() and (
                after not in _PUNCT_OR_SPACE or before in _PUNCT_OR_SPACE
            )
            right = not before.isspace() and (
                before not in _PUNCT_OR_SPACE or after in _PUNCT_OR_SPACE
            )
            char = token[0]
            if left and right and char == "_" and before.isalnum() and after.isalnum():
                continue  # snake_case: never emphasis
            closes = right and emphasis and (not left or emphasis[-1] == char)
            if closes:
                emphasis.pop()
            elif left:
                if len(brackets) + len(emphasis) >= MAX_INLINE_DEPTH:
                    cuts.append((start, end))
                else:
                    emphasis.append(char)
    # A bracket never closed is text anyway; escaped, it no longer costs python-markdown a scan.
    deeper = len(cuts)
    cuts.extend(brackets)
    if not cuts:
        return block, 0
    cuts.sort()
    out = []
    last = 0
    for start, end in cuts:
        out.append(block[last:start])
        out.append("".join("\\" + ch for ch in block[start:end]))
        last = end
    out.append(block[last:])
    return "".join(out), deeper
