"""Pieces shared by the importers: reading input, guesses, building the issue."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor_app.core import messages
from editor_app.core.errors import ImportFormatError
from editor_app.core.ids import new_id
from editor_app.core.importers.guesses import GUESSES
from editor_app.core.model import Card, Issue, Section, SectionNumbering

MAX_IMPORT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Guess:
    """Something an importer inferred rather than read; shown to the editor to review.

    ``key`` names its template in ``GUESSES`` and ``args`` fill it; ``message`` is the English.
    """

    line: int | None
    message: str
    key: str = ""
    args: dict[str, Any] = field(default_factory=dict, compare=False)

    def describe(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass
class ImportResult:
    issue: Issue
    guesses: list[Guess] = field(default_factory=list)
    # Files to copy into the new issue: path relative to the issue folder -> source file.
    files: dict[str, Path] = field(default_factory=dict)

    def guess(self, line: int | None, key: str, /, **args: Any) -> None:
        """Report a guess by its key in ``GUESSES`` (KeyError for an undeclared one)."""
        self.guesses.append(Guess(line, GUESSES[key].format(**args), key, args))


def read_input(path: Path) -> str:
    """The file as text; ImportFormatError (with the line) for binary or non-UTF-8 input."""
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise ImportFormatError(messages.text("import.too-large", size=size), path)
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportFormatError(messages.text("import.not-found"), path) from None
    except IsADirectoryError:
        raise ImportFormatError(messages.text("import.is-folder"), path) from None
    except OSError as exc:
        raise ImportFormatError(
            messages.text("import.cannot-read", detail=str(exc.strerror)), path
        ) from None
    nul = raw.find(b"\x00", 0, 8192)
    if nul >= 0:
        raise ImportFormatError(messages.text("import.binary"), path, raw.count(b"\n", 0, nul) + 1)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ImportFormatError(messages.text("import.not-utf8"), path, line) from None
    nul = text.find("\x00")
    if nul >= 0:
        raise ImportFormatError(messages.text("import.binary"), path, text.count("\n", 0, nul) + 1)
    return text.replace("\r\n", "\n").replace("\r", "\n")


# -- text classification -------------------------------------------------------------------
_EMOJI_EXTRA = {"\u200d", "\ufe0f", "\ufe0e", "\u20e3"}


def split_emoji(text: str) -> tuple[str, str]:
    """Leading emoji/symbol characters (with joiners) and the rest."""
    i = 0
    while i < len(text):
        ch = text[i]
        cat = unicodedata.category(ch)
        if cat in {"So", "Sk", "Cf"} or ch in _EMOJI_EXTRA or 0x1F000 <= ord(ch) <= 0x1FAFF:
            i += 1
            continue
        if "\u2640" <= ch <= "\u2642":  # gender signs inside ZWJ sequences (💁♀️)
            i += 1
            continue
        break
    return text[:i].strip(), text[i:].strip()


SECTION_LABEL = re.compile(
    r"^(?P<label>专题[一二三四五六七八九十]+|第[一二三四五六七八九十\d]+部分|Part\s*\d+)"
    r"(?:\s*[:：.、]\s*|\s+|$)",
    re.IGNORECASE,
)


def parse_section_heading(text: str) -> tuple[str, str, str]:
    """ "🆕 专题一 新版本" -> (emoji, label, title)."""
    emoji, rest = split_emoji(text.strip())
    m = SECTION_LABEL.match(rest)
    if m:
        return emoji, m.group("label"), rest[m.end() :].strip()
    return emoji, "", rest


def numbering_style(labels: list[str]) -> SectionNumbering:
    if labels and all(label.startswith("专题") for label in labels):
        return SectionNumbering.CHINESE
    if labels and all(label.lower().startswith("part") for label in labels):
        return SectionNumbering.PART
    return SectionNumbering.NONE if not labels else SectionNumbering.CHINESE


def latin_ratio(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(ch.isascii() for ch in letters) / len(letters)


_ISSUE_NUMBER = re.compile(
    r"(?:第\s*(\d+)\s*期|#\s*(\d+)\b|\b(?:Issue|No\.?|Vol\.?)\s*(\d+)\b)", re.I
)
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def find_issue_number(text: str) -> int | None:
    m = _ISSUE_NUMBER.search(text)
    if not m:
        return None
    return int(next(g for g in m.groups() if g))


_TARGET = re.compile(r"(\]\()\s*(<[^>\n]*>|[^)\s]*)(\s+\"[^\"]*\")?\s*\)")
_BARE_URL = re.compile(r"<?\b(?:[a-z][a-z0-9+.-]*://|www\.)[^\s>)]*>?", re.I)
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$", re.M)
_HTML_ATTR = re.compile(r"\b(?:src|href)\s*=\s*(?:\"[^\"]*\"|'[^']*'|\S+)", re.I)


def strip_targets(text: str) -> str:
    """Text without link targets, image paths, reference definitions or bare URLs.

    A date is read from what a reader sees, never from a URL (``/2008/09/23/post``)."""
    text = _REF_DEF.sub("", text)
    text = _TARGET.sub("]", text)
    text = _HTML_ATTR.sub("", text)
    return _BARE_URL.sub("", text)


DATE_LINE = re.compile(
    r"^\W*(?:(?:发布于|发布日期|日期|时间|date|published|posted(?: on)?)\s*[:：]?\s*)?"
    r"(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)\W*$",
    re.I,
)


def find_date_line(lines: list[str]) -> tuple[dt.date, int] | None:
    """A line near the top that is only a date (with an optional "发布于"/"Date:" label)."""
    for n, line in enumerate(lines):
        m = DATE_LINE.match(strip_targets(line).strip())
        if m and (date := find_date(m.group(1))):
            return date, n
    return None


def find_date(text: str) -> dt.date | None:
    m = _DATE.search(text)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


# -- building --------------------------------------------------------------------------------
class Builder:
    """Appends sections and cards to a new Issue in reading order."""

    def __init__(self, issue: Issue):
        self.issue = issue

    def section(self, title: str, emoji: str = "") -> Section:
        section = Section(id=new_id("s"), title=title, emoji=emoji)
        self.issue.sections.append(section)
        return section

    def card(self, parent: Section | Card, title: str) -> Card:
        card = Card(id=new_id("c"), title=title)
        self.issue.cards[card.id] = card
        if isinstance(parent, Section):
            parent.card_ids.append(card.id)
        else:
            parent.child_ids.append(card.id)
        return card

    def current_section(self, result: ImportResult, line: int | None, fallback: str) -> Section:
        if not self.issue.sections:
            result.guess(line, "fallback-section", section=fallback)
            return self.section(fallback)
        return self.issue.sections[-1]
