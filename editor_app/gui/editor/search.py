"""Find and replace logic shared by the find bar: plain Python on strings, no widgets.

Positions are indexes into Python strings (code points). Qt text positions count UTF-16
units, so emoji shift them; ``to_utf16`` / ``from_utf16`` convert.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from editor_app.core.model import Issue

# Han, kana and Hangul never have spaces around words, so "whole word" only looks at
# Latin letters, digits and underscores next to the match.
_CJK = "\u3005\u3007\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_WORDCHAR = rf"[^\W{_CJK}]"
MAX_MATCHES = 5000  # enough for any issue; keeps a runaway pattern from freezing the UI


class SearchError(ValueError):
    """The pattern or the replacement is not a valid regular expression."""


@dataclass(frozen=True)
class SearchOptions:
    text: str
    case_sensitive: bool = False
    whole_word: bool = False
    regex: bool = False


def compile_search(options: SearchOptions) -> re.Pattern[str] | None:
    """The compiled pattern, or None for an empty search. Raises SearchError."""
    if not options.text:
        return None
    core = options.text if options.regex else re.escape(options.text)
    if options.whole_word:
        core = rf"(?<!{_WORDCHAR})(?:{core})(?!{_WORDCHAR})"
    flags = re.MULTILINE | (0 if options.case_sensitive else re.IGNORECASE)
    try:
        return re.compile(core, flags)
    except re.error as exc:
        raise SearchError(str(exc)) from None


def find_all(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty match."""
    out = []
    for match in pattern.finditer(text):
        if match.end() > match.start():
            out.append((match.start(), match.end()))
            if len(out) >= MAX_MATCHES:
                break
    return out


def expand(match: re.Match[str], replacement: str, regex: bool) -> str:
    """The replacement for one match; with ``regex``, \\1 and \\g<name> refer to groups."""
    if not regex:
        return replacement
    try:
        return match.expand(replacement)
    except (re.error, IndexError) as exc:
        raise SearchError(str(exc)) from None


def replacements(
    pattern: re.Pattern[str], text: str, replacement: str, regex: bool
) -> list[tuple[int, int, str]]:
    """(start, end, new text) for every non-empty match, in order."""
    out = []
    for match in pattern.finditer(text):
        if match.end() > match.start():
            out.append((match.start(), match.end(), expand(match, replacement, regex)))
    return out


def replace_all(
    pattern: re.Pattern[str], text: str, replacement: str, regex: bool
) -> tuple[str, int]:
    """``text`` with every non-empty match replaced, and how many were replaced."""
    count = 0

    def repl(match: re.Match[str]) -> str:
        nonlocal count
        if match.end() == match.start():
            return match.group(0)
        count += 1
        return expand(match, replacement, regex)

    return pattern.sub(repl, text), count


@dataclass(frozen=True)
class IssueMatch:
    card_id: str
    field: str  # "title" or "body"
    start: int
    end: int
    line: str  # the line holding the match, for the result list
    column: int  # where the match starts in ``line``


SEARCHED_FIELDS = ("title", "body")


def _line_around(text: str, start: int, end: int) -> tuple[str, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start : line_end if line_end >= 0 else len(text)], start - line_start


def search_issue(issue: Issue, pattern: re.Pattern[str]) -> list[IssueMatch]:
    """Matches in every card's title and body, in outline order."""
    out: list[IssueMatch] = []
    for card in issue.ordered_cards():
        if card.unreadable:
            continue
        for field in SEARCHED_FIELDS:
            text = getattr(card, field)
            for start, end in find_all(pattern, text):
                line, column = _line_around(text, start, end)
                out.append(IssueMatch(card.id, field, start, end, line, column))
                if len(out) >= MAX_MATCHES:
                    return out
    return out


def replace_in_issue(
    issue: Issue, pattern: re.Pattern[str], replacement: str, regex: bool
) -> tuple[dict[tuple[str, str], str], int]:
    """New values per (card id, field) for every title and body with a match, and the count.

    Titles stay on one line: a replacement that would add a line break there is flattened.
    """
    changes: dict[tuple[str, str], str] = {}
    total = 0
    for card in issue.ordered_cards():
        if card.unreadable:
            continue
        for field in SEARCHED_FIELDS:
            old = getattr(card, field)
            new, count = replace_all(pattern, old, replacement, regex)
            if field == "title":
                new = " ".join(new.splitlines())
            if count and new != old:
                changes[(card.id, field)] = new
                total += count
    return changes, total


class Utf16Map:
    """Converts between Python indexes into ``text`` and Qt (UTF-16) positions."""

    def __init__(self, text: str):
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        # Qt position just after each astral character (each takes two UTF-16 units).
        self._ends = [i + k + 2 for k, i in enumerate(self._astral)]

    def to_qt(self, index: int) -> int:
        return index + bisect.bisect_left(self._astral, index)

    def from_qt(self, position: int) -> int:
        return position - bisect.bisect_right(self._ends, position)
