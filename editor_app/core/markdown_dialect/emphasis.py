"""Emphasis delimiters that open and close by CommonMark's flanking rules.

python-markdown decides whether ``*`` or ``_`` opens or closes from the spaces around it only.
CommonMark also looks at punctuation, which matters in Chinese: ``**“引号”**后文`` is not bold on
the site (the closing ``**`` follows punctuation and precedes a letter), while ``**中文**：`` is.
The preview must show what the site will show, so the same rules apply here.
"""

from __future__ import annotations

import unicodedata

import markdown
from markdown.inlinepatterns import Delimiter

# python-markdown's inline placeholders (stashed code spans, links, escapes) stand for markup
# that starts and ends with punctuation ('`', '[', ')', '\\').
_PLACEHOLDER_EDGES = {"\x02", "\x03"}


def _is_space(ch: str) -> bool:
    return not ch or ch.isspace()


def _is_punct(ch: str) -> bool:
    # CommonMark 0.31: Unicode punctuation is the P and S categories.
    return ch in _PLACEHOLDER_EDGES or unicodedata.category(ch)[0] in "PS"


def left_flanking(before: str, after: str) -> bool:
    """A delimiter run between ``before`` and ``after`` (one character each, '' at an edge)
    may open: CommonMark's left-flanking rule."""
    return not _is_space(after) and (not _is_punct(after) or _is_space(before) or _is_punct(before))


def right_flanking(before: str, after: str) -> bool:
    """The mirror rule: the run may close."""
    return not _is_space(before) and (not _is_punct(before) or _is_space(after) or _is_punct(after))


class _RunMatch:
    """The parts of ``re.Match`` that python-markdown's delimiter processor reads."""

    def __init__(self, text: str, start: int, end: int, group: str):
        self._text, self._start, self._end, self.lastgroup = text, start, end, group

    def start(self, _group: int = 0) -> int:
        return self._start

    def end(self, _group: int = 0) -> int:
        return self._end

    def group(self, _group: int = 0) -> str:
        return self._text[self._start : self._end]


class _FlankingBoundary:
    def __init__(self, token: str):
        self.token = token

    def match(self, data: str, pos: int) -> _RunMatch | None:
        token = self.token
        if pos >= len(data) or data[pos] != token:
            return None
        if pos and data[pos - 1] == token:
            # The middle of a run: a run opens or closes whole ('**a **' is no emphasis, not
            # '*' plus an em closed by the second '*').
            return None
        end = pos
        while end < len(data) and data[end] == token:
            end += 1
        before = data[pos - 1] if pos else ""
        after = data[end] if end < len(data) else ""
        left, right = left_flanking(before, after), right_flanking(before, after)
        if token == "_":
            can_open = left and (not right or _is_punct(before))
            can_close = right and (not left or _is_punct(after))
        else:
            can_open, can_close = left, right
        if can_open and can_close:
            return _RunMatch(data, pos, end, "ambiguous")
        if can_close:
            return _RunMatch(data, pos, end, "end")
        if can_open:
            return _RunMatch(data, pos, end, "start")
        return None


class FlankingDelimiter(Delimiter):
    def _build_patterns(self, token: str) -> str:
        pattern = super()._build_patterns(token)
        self.boundary = _FlankingBoundary(token)  # type: ignore[assignment]
        return pattern


def use_flanking_rules(md: markdown.Markdown) -> None:
    """Swap the ``*`` and ``_`` delimiters of ``md`` for ones that follow CommonMark."""
    processor = md.delimiters  # type: ignore[attr-defined]
    for token, old in list(processor.delimiters.items()):
        tags = ",".join(old.tags) if old.tag_count == 2 else old.tags[0]
        processor.delimiters[token] = FlankingDelimiter(token, tags, old.smart, old.double)
