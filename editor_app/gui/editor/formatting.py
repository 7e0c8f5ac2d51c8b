"""Markdown formatting as pure functions on text and a selection (no widgets).

Each function takes the text of the lines the selection touches and the selection inside it
(Python indexes) and returns ``(new_text, new_start, new_end)``. The editor applies the
difference as one undoable edit. Applying a format the selection already has removes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from editor_app.core.markdown_syntax import ATX_HEADING, LIST_ITEM, fence_open, is_fence_close

Edit = tuple[str, int, int]

URL_RE = re.compile(r"^(?:https?|ftp)://[^\s<>\"]+$|^mailto:[^\s<>\"]+$", re.IGNORECASE)

_EMPHASIS_CHARS = "*_"
_SPAN_RES = {
    "**": re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"),
    "*": re.compile(r"(?<![*\w])(\*)(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)|(?<!\w)(_)(?=\S)(.+?)(?<=\S)_(?!\w)"),
    "~~": re.compile(r"(~~)(?=\S)(.+?)(?<=\S)~~"),
    "`": re.compile(r"(`)(?!`)(.+?)(?<!`)`(?!`)"),
}  # fmt: skip
# A heading marker with the blanks after it (removed together when a heading is toggled off).
_HEADING = re.compile(ATX_HEADING.pattern + r"[ \t]*")
_LIST = LIST_ITEM
_QUOTE = re.compile(r"^(\s{0,3})>[ ]?")
_LINK = re.compile(r"(?<!!)\[([^\]\n]*)\]\(([^)\n]*)\)")
_TASK = re.compile(r"\[[ xX]\][ \t]+")


def is_url(text: str) -> bool:
    return bool(URL_RE.match(text.strip()))


def _is_word_char(ch: str) -> bool:
    # Latin words only: CJK text has no spaces, so "the word under the cursor" means nothing there.
    return (ch.isalnum() and ord(ch) < 0x2E80) or ch in "_'-"


def _run(text: str, index: int, step: int, char: str) -> int:
    """How many ``char`` repeat from ``index`` going in direction ``step``."""
    count = 0
    while 0 <= index < len(text) and text[index] == char:
        count += 1
        index += step
    return count


def _has(run: int, marker: str) -> bool:
    """Whether a run of marker characters contains ``marker`` (*** holds both * and **)."""
    if marker == "*":
        return run in (1, 3)
    if marker == "**":
        return run in (2, 3)
    return run == len(marker)


def _chars(marker: str) -> str:
    return _EMPHASIS_CHARS if marker[0] in _EMPHASIS_CHARS else marker[0]


def _wrapped(text: str, a: int, b: int, marker: str) -> str:
    """ "inside" when text[a:b] starts and ends with the marker, "outside" when the marker
    surrounds it, "" otherwise."""
    k = len(marker)
    sel = text[a:b]
    if len(sel) > 2 * k and sel[0] in _chars(marker) and sel[-1] == sel[0]:
        lead, trail = _run(sel, 0, 1, sel[0]), _run(sel, len(sel) - 1, -1, sel[0])
        # "**a** and **b**" is two spans, not one: the marker must not reappear inside.
        nested = len(marker) > 1 and marker in sel[k:-k]
        if _has(lead, marker) and _has(trail, marker) and not nested:
            return "inside"
    if a > 0 and b < len(text) and text[a - 1] in _chars(marker) and text[b] == text[a - 1]:
        char = text[a - 1]
        if _has(_run(text, a - 1, -1, char), marker) and _has(_run(text, b, 1, char), marker):
            return "outside"
    return ""


def _line_ranges(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The selected part of each line, trimmed of surrounding whitespace; empty parts dropped."""
    out = []
    offset = 0
    for line in text.split("\n"):
        a, b = max(s, offset), min(e, offset + len(line))
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
        offset += len(line) + 1
    return out


def toggle_inline(text: str, s: int, e: int, marker: str) -> Edit:
    """Wrap the selection in ``marker`` (**, *, ~~, `) or remove it when already there."""
    if s == e:
        return _toggle_inline_at(text, s, marker)
    ranges = _line_ranges(text, s, e)
    if not ranges:
        return text, s, e
    k = len(marker)
    states = [_wrapped(text, a, b, marker) for a, b in ranges]
    remove = all(states)
    pieces, cursor, delta = [], 0, 0
    new_start = new_end = None
    for (a, b), state in zip(ranges, states, strict=True):
        if remove and state == "inside":
            pieces += [text[cursor:a], text[a + k : b - k]]
            cursor, start, end = b, a + delta, b - 2 * k + delta
            delta -= 2 * k
        elif remove:  # outside
            pieces += [text[cursor : a - k], text[a:b]]
            cursor, start, end = b + k, a - k + delta, b - k + delta
            delta -= 2 * k
        elif state:  # already formatted: leave as is when others are not
            pieces.append(text[cursor:b])
            cursor, start, end = b, a + delta, b + delta
        else:
            pieces += [text[cursor:a], marker, text[a:b], marker]
            cursor, start, end = b, a + k + delta, b + k + delta
            delta += 2 * k
        new_start = start if new_start is None else new_start
        new_end = end
    pieces.append(text[cursor:])
    return "".join(pieces), new_start or 0, new_end or 0


def _toggle_inline_at(text: str, p: int, marker: str) -> Edit:
    k = len(marker)
    # An empty pair the cursor sits in: take it away again.
    if p >= k and text[p - k : p] == marker and text[p : p + k] == marker:
        return text[: p - k] + text[p + k :], p - k, p - k
    line_start = text.rfind("\n", 0, p) + 1
    line_end = text.find("\n", p)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    for match in _SPAN_RES[marker].finditer(line):
        a, b = line_start + match.start(), line_start + match.end()
        if a < p < b or (a <= p <= b and marker != "`"):
            inner_end = b - k
            new = text[:a] + text[a + k : inner_end] + text[b:]
            q = min(max(p - k, a), inner_end - k)
            return new, q, q
    a = b = p
    while a > line_start and _is_word_char(text[a - 1]):
        a -= 1
    while b < line_end and _is_word_char(text[b]):
        b += 1
    if a < p < b or (a < b and (a == p or b == p)):
        new = text[:a] + marker + text[a:b] + marker + text[b:]
        return new, p + k, p + k
    return text[:p] + marker * 2 + text[p:], p + k, p + k


def _map_lines(text: str, s: int, e: int, change: Callable[[int, str], tuple[int, str]]) -> Edit:
    """Replace the prefix of each line: ``change(i, line)`` gives (old prefix length, new prefix).

    The selection keeps its place relative to the text after the prefixes.
    """
    lines = text.split("\n")
    out, offset, new_offset = [], 0, 0
    ns, ne = s, e
    for i, line in enumerate(lines):
        old_len, prefix = change(i, line)
        new_line = prefix + line[old_len:]
        delta = len(prefix) - old_len
        for which in ("s", "e"):
            pos = s if which == "s" else e
            if offset <= pos <= offset + len(line):
                col = pos - offset
                new_col = len(prefix) if col < old_len else col + delta
                if which == "s":
                    ns = new_offset + new_col
                else:
                    ne = new_offset + new_col
        out.append(new_line)
        offset += len(line) + 1
        new_offset += len(new_line) + 1
    return "\n".join(out), ns, ne


def _content_lines(text: str) -> list[int]:
    """Indexes of lines to format: the non-blank ones, or the only line."""
    lines = text.split("\n")
    if len(lines) == 1:
        return [0]
    return [i for i, line in enumerate(lines) if line.strip()]


def toggle_heading(text: str, s: int, e: int, level: int) -> Edit:
    lines = text.split("\n")
    targets = set(_content_lines(text))
    matches = {i: _HEADING.match(lines[i]) for i in targets}
    remove = all(m and len(m.group(2)) == level for m in matches.values())

    def change(i: int, line: str) -> tuple[int, str]:
        if i not in targets:
            return 0, ""
        m = matches[i]
        old = m.end() if m else 0
        return old, "" if remove else "#" * level + " "

    return _map_lines(text, s, e, change)


def _toggle_list(text: str, s: int, e: int, ordered: bool) -> Edit:
    lines = text.split("\n")
    targets = _content_lines(text)
    matches = {i: _LIST.match(lines[i]) for i in targets}

    def is_kind(m: re.Match[str] | None) -> bool:
        return bool(m) and (m.group(2)[0].isdigit() == ordered)

    remove = all(is_kind(m) for m in matches.values())
    numbers = {i: n for n, i in enumerate(targets, start=1)}

    def change(i: int, line: str) -> tuple[int, str]:
        if i not in matches:
            return 0, ""
        m = matches[i]
        indent = m.group(1) if m else re.match(r"\s*", line).group(0)
        old = m.end() if m else len(indent)
        if remove:
            return old, indent
        return old, indent + (f"{numbers[i]}. " if ordered else "- ")

    return _map_lines(text, s, e, change)


def toggle_bullets(text: str, s: int, e: int) -> Edit:
    return _toggle_list(text, s, e, ordered=False)


def toggle_numbers(text: str, s: int, e: int) -> Edit:
    return _toggle_list(text, s, e, ordered=True)


def toggle_quote(text: str, s: int, e: int) -> Edit:
    lines = text.split("\n")
    targets = set(_content_lines(text))
    remove = all(_QUOTE.match(lines[i]) for i in targets)
    if not remove and len(lines) > 1:
        # Blank lines inside a quoted block get ">" too so the quote stays one block.
        first, last = min(targets), max(targets)
        targets = set(range(first, last + 1))

    def change(i: int, line: str) -> tuple[int, str]:
        if i not in targets:
            return 0, ""
        if remove:
            m = _QUOTE.match(line)
            return m.end(), m.group(1)
        return 0, "> " if line.strip() else ">"

    return _map_lines(text, s, e, change)


def toggle_code(text: str, s: int, e: int) -> Edit:
    """Inline code within one line; a fenced block around several lines."""
    if "\n" not in text[s:e]:
        return toggle_inline(text, s, e, "`")
    lines = text.split("\n")
    fence = fence_open(lines[0])
    if len(lines) >= 2 and fence and is_fence_close(lines[-1], fence):
        inner = "\n".join(lines[1:-1])
        return inner, 0, len(inner)
    new = "```\n" + text + "\n```"
    return new, 4, 4 + len(text)


def toggle_link(text: str, s: int, e: int, url: str = "") -> Edit:
    """``[selection](url)``; on an existing link, keep only its text."""
    sel = text[s:e]
    whole = _LINK.fullmatch(sel)
    if whole:
        label = whole.group(1)
        return text[:s] + label + text[e:], s, s + len(label)
    if s == e:
        for match in _LINK.finditer(text):
            if match.start() < s < match.end():
                label = match.group(1)
                new = text[: match.start()] + label + text[match.end() :]
                q = min(max(s - 1, match.start()), match.start() + len(label))
                return new, q, q
    if not url and is_url(sel):
        url = sel.strip()
    return _insert_reference(text, s, e, "[", sel, url)


def make_image(text: str, s: int, e: int, url: str = "") -> Edit:
    """``![selection](url)``: the selection becomes the alt text."""
    return _insert_reference(text, s, e, "![", text[s:e], url)


def _insert_reference(text: str, s: int, e: int, opener: str, label: str, url: str) -> Edit:
    inserted = f"{opener}{label}]({url})"
    new = text[:s] + inserted + text[e:]
    label_at = s + len(opener)
    if not label:
        return new, label_at, label_at  # type the text next
    if not url:
        q = label_at + len(label) + 2
        return new, q, q  # type the address next
    return new, s + len(inserted), s + len(inserted)


def paste_link(text: str, s: int, e: int, url: str) -> Edit | None:
    """Pasting a URL over a one-line selection that is not itself a URL makes a link."""
    sel = text[s:e]
    if s == e or "\n" in sel or not is_url(url) or is_url(sel) or not sel.strip():
        return None
    inserted = f"[{sel}]({url.strip()})"
    end = s + len(inserted)
    return text[:s] + inserted + text[e:], end, end


def enter_in_list(line: str, col: int) -> tuple[str, int] | None:
    """Enter pressed at ``col`` of ``line``: the replacement text and the new cursor position
    in it, or None to insert a plain line break. Continues bullets, numbers, task lists and
    quotes; Enter on an empty item ends the list."""
    quote = _QUOTE.match(line)
    quote_prefix = ""
    rest = line
    if quote:
        quote_prefix = line[: quote.end()]
        rest = line[quote.end() :]
    item = _LIST.match(rest)
    if item:
        marker_end = len(quote_prefix) + item.end()
        task = _TASK.match(rest, item.end())
        if task:
            marker_end += task.end() - item.end()
        if col < marker_end:
            return None
        if not line[marker_end:].strip():
            return quote_prefix.rstrip(), len(quote_prefix.rstrip())  # empty item ends the list
        marker = item.group(2)
        if marker[0].isdigit():
            marker = f"{int(marker[:-1]) + 1}{marker[-1]}"
        spacing = item.group(3) or " "
        next_prefix = quote_prefix + item.group(1) + marker + spacing + ("[ ] " if task else "")
        head, tail = line[:col].rstrip(), line[col:].lstrip()
        new = head + "\n" + next_prefix + tail
        return new, len(head) + 1 + len(next_prefix)
    if quote:
        if col < len(quote_prefix):
            return None
        if not rest.strip():
            return "", 0  # an empty quote line ends the quote
        head, tail = line[:col], line[col:]
        prefix = quote_prefix if quote_prefix.endswith(" ") else quote_prefix + " "
        return head + "\n" + prefix + tail, len(head) + 1 + len(prefix)
    return None


def continuation_prefix(line: str) -> str:
    """What starts a continuation line of ``line`` (Shift+Enter): the quote markers, then
    spaces up to the text of a list item, so the new line stays inside the item."""
    quote = _QUOTE.match(line)
    prefix = line[: quote.end()] if quote else ""
    item = _LIST.match(line[len(prefix) :])
    if item:
        return prefix + " " * item.end()
    return prefix


def indent_lines(text: str, s: int, e: int, outdent: bool, width: int = 2) -> Edit:
    """Indent (or outdent) every touched line by ``width`` spaces: nested list levels."""

    def change(i: int, line: str) -> tuple[int, str]:
        if outdent:
            spaces = len(line) - len(line.lstrip(" "))
            return min(spaces, width), ""
        return 0, " " * width if line.strip() or len(text.split("\n")) == 1 else ""

    return _map_lines(text, s, e, change)
