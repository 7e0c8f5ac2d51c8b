"""Markdown syntax highlighting for the body editor.

Line-based like the editor itself: block state carries only "inside a fenced code block" from
one line to the next, so typing re-highlights the current line (and following lines only when a
fence opens or closes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)

from editor_app.core.markdown_syntax import (
    ATX_HEADING,
    LIST_ITEM,
    TASK_BOX,
    THEMATIC_BREAK,
    fence_open,
    is_fence_close,
)

NORMAL = -1
# Inside a fence: 1000 + fence length for ```, 2000 + length for ~~~.
_BACKTICK_FENCE, _TILDE_FENCE = 1000, 2000

_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$")
_REF_DEF = re.compile(r"^\s{0,3}(\[[^\]]+\]:)\s*(\S+)")
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_IMAGE = re.compile(r"(!\[)([^\]]*)(\]\()([^)\s]*(?:\s+\"[^\"]*\")?)(\))")
_LINK = re.compile(r"(\[)([^\]]*)(\]\()([^)\s]*(?:\([^)\s]*\))?[^)\s]*(?:\s+\"[^\"]*\")?)(\))")
_REF_LINK = re.compile(r"(\[)([^\]]+)(\]\[)([^\]]*)(\])")
_AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^>\s]+>|\bhttps?://[^\s<>()\[\]]+")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(
    r"(?<![*\w])(\*)(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)|(?<!\w)(_)(?=\S)(.+?)(?<=\S)_(?!\w)"
)
_STRIKE = re.compile(r"(~~)(?=\S)(.+?)(?<=\S)~~")
_HTML = re.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")


@dataclass
class Theme:
    heading: QColor
    marker: QColor
    link: QColor
    url: QColor
    image: QColor
    code: QColor
    code_background: QColor
    quote: QColor
    html: QColor
    problem: QColor = field(default_factory=lambda: QColor("#d08c00"))

    @classmethod
    def for_palette(cls, palette: QPalette) -> Theme:
        if palette.color(QPalette.ColorRole.Base).lightness() < 128:  # dark theme
            return cls(
                QColor("#8cc4ff"), QColor("#8a8f98"), QColor("#7cc7ff"), QColor("#7d8590"),
                QColor("#d2a8ff"), QColor("#ffa657"), QColor(255, 255, 255, 22),
                QColor("#a5d6a7"), QColor("#8a8f98"),
            )  # fmt: skip
        return cls(
            QColor("#1f4e8c"), QColor("#8a8f98"), QColor("#0b63c5"), QColor("#7d8590"),
            QColor("#8250df"), QColor("#a0410d"), QColor(0, 0, 0, 14),
            QColor("#2e7d32"), QColor("#8a8f98"),
        )  # fmt: skip


class MarkdownHighlighter(QSyntaxHighlighter):
    """Headings, emphasis, links, images, code, lists, tables, quotes and HTML."""

    def __init__(self, document: QTextDocument, theme: Theme | None = None):
        super().__init__(document)
        # Problems underlined in the text: block number -> [(start, end, text expected there)].
        self._marks: dict[int, list[tuple[int, int, str]]] = {}
        self.set_theme(theme or Theme.for_palette(QPalette()))

    def set_marks(self, marks: list[tuple[int, int, int, str]]) -> None:
        """Underline ``(line, start, end, expected)`` ranges (Python indexes into the line) with
        a wavy line. A range whose text is no longer ``expected`` is not shown: the checks that
        found it ran on the text of a moment ago."""
        new: dict[int, list[tuple[int, int, str]]] = {}
        for line, start, end, expected in marks:
            new.setdefault(line, []).append((start, end, expected))
        if new == self._marks:
            return
        changed = set(new) | set(self._marks)
        self._marks = new
        doc = self.document()
        for line in sorted(changed):
            block = doc.findBlockByNumber(line)
            if block.isValid():
                self.rehighlightBlock(block)

    def marks(self) -> dict[int, list[tuple[int, int, str]]]:
        return dict(self._marks)

    def set_theme(self, theme: Theme) -> None:
        def fmt(color: QColor | None = None, bold: bool = False, italic: bool = False):
            f = QTextCharFormat()
            if color is not None:
                f.setForeground(color)
            if bold:
                f.setFontWeight(QFont.Weight.Bold)
            if italic:
                f.setFontItalic(True)
            return f

        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.formats: dict[str, QTextCharFormat] = {
            "heading": fmt(theme.heading, bold=True),
            "marker": fmt(theme.marker),
            "strong": fmt(bold=True),
            "emphasis": fmt(italic=True),
            "strike": fmt(),
            "link": fmt(theme.link),
            "url": fmt(theme.url),
            "image": fmt(theme.image),
            "code": fmt(theme.code),
            "quote": fmt(theme.quote, italic=True),
            "html": fmt(theme.html),
            "list": fmt(theme.heading, bold=True),
            "table": fmt(theme.marker, bold=True),
        }
        self.formats["strike"].setFontStrikeOut(True)
        self.formats["problem"] = fmt()
        self.formats["problem"].setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.formats["problem"].setUnderlineColor(theme.problem)
        self.formats["link"].setFontUnderline(True)
        for name in ("code",):
            self.formats[name].setFontFamilies(mono.families() or [mono.family()])
            self.formats[name].setBackground(theme.code_background)
        self.formats["code_block"] = QTextCharFormat(self.formats["code"])
        self.rehighlight()

    # -- helpers ---------------------------------------------------------------------------
    def _merge(self, start: int, length: int, name: str) -> None:
        """Merge a format over a range, keeping what is already there (bold link in a quote)."""
        extra = self.formats[name]
        end = start + length
        pos = start
        while pos < end:
            current = self.format(pos)
            run = pos + 1
            while run < end and self.format(run) == current:
                run += 1
            merged = QTextCharFormat(current)
            merged.merge(extra)
            self.setFormat(pos, run - pos, merged)
            pos = run

    # -- QSyntaxHighlighter ----------------------------------------------------------------
    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt API
        # Offsets below are Python indexes; Qt wants UTF-16 units. Emoji are common here.
        self._units = _unit_offsets(text)
        self._syntax(text)
        for start, end, expected in self._marks.get(self.currentBlock().blockNumber(), ()):
            if text[start:end] == expected and end > start:
                self._set(start, end - start, "problem", merge=True)

    def _syntax(self, text: str) -> None:
        previous = self.previousBlockState()
        if previous >= _BACKTICK_FENCE:
            self._in_fence(text, previous)
            return
        fence = fence_open(text)
        if fence:
            base = _BACKTICK_FENCE if fence.char == "`" else _TILDE_FENCE
            self.setCurrentBlockState(base + min(fence.length, 999))
            self._set(0, len(text), "code_block")
            self._set(fence.start, len(text) - fence.start, "marker")
            return
        self.setCurrentBlockState(NORMAL)
        self._line(text)

    def _in_fence(self, text: str, state: int) -> None:
        char = "`" if state < _TILDE_FENCE else "~"
        closing = is_fence_close(text, (char, state % 1000))
        self._set(0, len(text), "code_block")
        if closing:
            self._set(0, len(text), "marker")
            self.setCurrentBlockState(NORMAL)
        else:
            self.setCurrentBlockState(state)

    def _set(self, start: int, length: int, name: str, merge: bool = False) -> None:
        if length <= 0:
            return
        units = self._units
        q_start = units[start] if units else start
        q_end = units[start + length] if units else start + length
        if merge:
            self._merge(q_start, q_end - q_start, name)
        else:
            self.setFormat(q_start, q_end - q_start, self.formats[name])

    def _line(self, text: str) -> None:
        heading = ATX_HEADING.match(text)
        if heading:
            self._set(0, len(text), "heading")
            self._set(heading.start(2), len(heading.group(2)), "marker")
            self._inline(text, heading.end())
            return
        if THEMATIC_BREAK.match(text):
            self._set(0, len(text), "marker")
            return
        offset = 0
        quote = _QUOTE.match(text)
        if quote:
            self._set(0, len(text), "quote")
            self._set(0, quote.end(), "marker")
            offset = quote.end()
        rest = text[offset:]
        item = LIST_ITEM.match(rest)
        if item:
            self._set(offset + item.start(2), len(item.group(2)), "list", merge=bool(quote))
            task = TASK_BOX.match(rest, item.end()) if item.group(3) else None
            if task:
                self._set(offset + task.start(), len(task.group()), "list", merge=bool(quote))
        if _TABLE_SEP.match(text):
            self._set(0, len(text), "table")
            return
        if rest.lstrip().startswith("|"):
            for match in re.finditer(r"(?<!\\)\|", text):
                self._set(match.start(), 1, "table")
        ref = _REF_DEF.match(text)
        if ref:
            self._set(ref.start(1), len(ref.group(1)), "link")
            self._set(ref.start(2), len(ref.group(2)), "url")
            return
        self._inline(text, offset)

    def _inline(self, text: str, start: int) -> None:
        # Code spans first; nothing inside them is Markdown, so mask them out.
        masked = list(text)
        for match in _CODE_SPAN.finditer(text, start):
            self._set(match.start(), match.end() - match.start(), "code", merge=True)
            for i in range(match.start(), match.end()):
                masked[i] = "\0"
        plain = "".join(masked)
        for match in _HTML.finditer(plain, start):
            self._set(match.start(), match.end() - match.start(), "html", merge=True)
        for match in _IMAGE.finditer(plain, start):
            self._set(match.start(), match.end() - match.start(), "image", merge=True)
            self._set(match.start(4), len(match.group(4)), "url")
            for i in range(match.start(), match.end()):
                masked[i] = "\0"
        plain = "".join(masked)
        for regex in (_LINK, _REF_LINK):
            for match in regex.finditer(plain, start):
                self._set(match.start(1), len(match.group(1)), "marker", merge=True)
                self._set(match.start(2), len(match.group(2)), "link", merge=True)
                self._set(match.start(3), len(match.group(3)), "marker", merge=True)
                self._set(match.start(4), len(match.group(4)), "url")
                self._set(match.start(5), len(match.group(5)), "marker", merge=True)
                for i in range(match.start(3), match.end()):
                    masked[i] = "\0"
        plain = "".join(masked)
        for match in _AUTOLINK.finditer(plain, start):
            self._set(match.start(), match.end() - match.start(), "url")
        for regex, name in ((_STRONG, "strong"), (_STRIKE, "strike")):
            for match in regex.finditer(plain, start):
                self._span(match, name, len(match.group(1)))
        for match in _EMPHASIS.finditer(plain, start):
            self._span(match, "emphasis", 1)

    def _span(self, match: re.Match[str], name: str, marker: int) -> None:
        self._set(match.start(), match.end() - match.start(), name, merge=True)
        self._set(match.start(), marker, "marker", merge=True)
        self._set(match.end() - marker, marker, "marker", merge=True)


def _unit_offsets(text: str) -> list[int]:
    """UTF-16 offset of each Python index (and of the end); empty when they are equal."""
    if text.isascii() or all(ord(ch) <= 0xFFFF for ch in text):
        return []
    out = [0]
    for ch in text:
        out.append(out[-1] + (2 if ord(ch) > 0xFFFF else 1))
    return out
