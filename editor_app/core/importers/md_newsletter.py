"""Other newsletters' Markdown: sections and cards inferred, every inference reported.

Shapes understood: a title from front matter or the first H1; H2 headings as sections
(emoji and 专题/Part labels recognised); cards as H3 headings, or as numbered items written
``1. [title](url)``, ``1、[title](url)``, ``1、title`` or ``**1、title**``. Under a card: a
lone link or ``原文：[t](u)`` line becomes the source, a line of short links the project
links, a 拓展阅读/Further reading list the further reading, 🎤 lines the editor's note.
"""

from __future__ import annotations

import re
from pathlib import Path

from editor_app.core.errors import ImportFormatError
from editor_app.core.export.mdtext import (
    ATX,
    AUTOLINK_TOKEN,
    LINK_TOKEN,
    filter_body,
    iter_fenced,
    md_unescape,
    parse_link_item,
)
from editor_app.core.importers.common import (
    Builder,
    ImportResult,
    find_date,
    find_issue_number,
    numbering_style,
    parse_section_heading,
)
from editor_app.core.importers.files import FileMapper
from editor_app.core.importers.markdown_import import apply_meta, parse_further_items
from editor_app.core.model import Card, CardNumbering, Issue, Link, Source

_NUM = r"(?P<num>\d{1,3})\s*(?:[.)）]\s+|、\s*)"
NUM_LINK = re.compile(rf"^{_NUM}(?P<rest>\[.*)$")
BOLD_NUM = re.compile(
    r"^\*\*\s*(?P<num>\d{1,3})\s*[.、)）]\s*(?P<title>.+?)\s*\*\*\s*(?P<rest>.*)$"
)
CN_NUM = re.compile(r"^(?P<num>\d{1,3})、\s*(?P<title>\S.*)$")
HEADING_NUM = re.compile(r"^(\d{1,3})\s*[.、)）]\s*")
SOURCE_LINE = re.compile(
    r"^(?:原文|原文链接|来源|链接|阅读原文|Source|Link|Read more)\s*[:：]\s*", re.I
)
FURTHER_HEAD = re.compile(
    r"^(?:#{1,6}\s*|\*\*)?(?:拓展阅读|扩展阅读|延伸阅读|相关阅读|相关链接|Further reading|Related)"
    r"(?:\*\*)?\s*[:：]?\s*$",
    re.I,
)
LINK_SEPARATORS = re.compile(r"^[\s·|｜/、,，]*$")
LIST_ITEM = re.compile(r"^\s{0,3}[-*+]\s+")


def parse_newsletter(front: dict, text: str, first_line: int, path: Path) -> ImportResult:
    issue = Issue()
    result = ImportResult(issue)
    apply_meta(issue, front)
    lines = text.split("\n")
    fenced = iter_fenced(lines)
    levels = [
        len(m.group(1))
        for line, f in zip(lines, fenced, strict=True)
        if not f and (m := ATX.match(line))
    ]
    section_level = 2 if 2 in levels else None
    card_level = 3 if 3 in levels else None
    if section_level is None and card_level is None and 2 in levels:
        card_level = 2
    parser = _Walker(issue, result, path, first_line, section_level, card_level)
    parser.lines = lines
    parser.heading_sections = _sections_with_card_headings(lines, fenced, section_level, card_level)
    for i, line in enumerate(lines):
        parser.line(i, line, fenced[i])
    parser.flush()
    parser.finish_labels()
    summary = [x for x in parser.preamble if find_date(x) is None]
    if summary and not issue.summary:
        issue.summary = md_unescape("\n".join(summary))
        result.guess(None, "the text before the first section taken as the issue summary")
    _finish_meta(issue, result, front, lines, path)
    if not issue.cards:
        raise ImportFormatError(
            "no cards found: expected '### title' headings or numbered items such as "
            "'1. [title](url)'",
            path,
            first_line,
        )
    return result


def _sections_with_card_headings(
    lines: list[str], fenced: list[bool], section_level: int | None, card_level: int | None
) -> set[int]:
    """Ordinals (0 before the first section) of the sections whose cards are headings.

    The other sections may hold numbered-item cards: newsletters mix both shapes."""
    found: set[int] = set()
    ordinal = 0
    for line, f in zip(lines, fenced, strict=True):
        m = None if f else ATX.match(line)
        if m and len(m.group(1)) == section_level:
            ordinal += 1
        elif m and len(m.group(1)) == card_level:
            found.add(ordinal)
    return found


class _Walker:
    def __init__(
        self,
        issue: Issue,
        result: ImportResult,
        path: Path,
        first_line: int,
        section_level: int | None,
        card_level: int | None,
    ):
        self.issue, self.result, self.first_line = issue, result, first_line
        self.builder = Builder(issue)
        self.mapper = FileMapper(path, result, issue.slug)
        self.section_level, self.card_level = section_level, card_level
        self.card: Card | None = None
        self.top: Card | None = None
        self.card_lines: list[str] = []
        self.card_line = 0
        self.indent = 0
        self.intro: list[str] = []
        self.expected = 1
        self.labels: list[str] = []
        self.title_from_h1 = False
        self.lines: list[str] = []
        self.last_number = 0
        self.preamble: list[str] = []
        self.heading_sections: set[int] = set()
        self.section_no = 0

    def lineno(self, i: int) -> int:
        return self.first_line + i

    def line(self, i: int, line: str, fenced: bool) -> None:
        m = None if fenced else ATX.match(line)
        if m:
            level = len(m.group(1))
            text = line[level:].strip().rstrip("#").strip()
            if level == 1 and not self.issue.sections and self.card is None:
                if not self.issue.title:
                    self.issue.title = md_unescape(text)
                    self.title_from_h1 = True
                return
            if level == self.section_level:
                self.section_no += 1
                self.flush()
                self.new_section(i, text)
                return
            if level == self.card_level:
                self.flush()
                self.new_card(i, text, top=True)
                return
            deeper = self.top is not None and self.card_level and level > self.card_level
            if deeper and HEADING_NUM.match(text) and ("](" in text or self._next_is_link(i)):
                self.flush()
                self.new_card(i, text, top=False)
                return
        item_style = (
            not fenced
            and not line.startswith(" ")
            and (self.card_level is None or self.section_no not in self.heading_sections)
        )
        if item_style and self.numbered_item(i, line):
            return
        if self.card is not None:
            self.card_lines.append(line)
        elif self.issue.sections:
            self.intro.append(line)
        elif line.strip():
            self.preamble.append(line.strip())

    def _next_is_link(self, i: int) -> bool:
        for line in self.lines[i + 1 :]:
            if line.strip():
                candidate = SOURCE_LINE.sub("", line.strip(), count=1)
                return bool(LINK_TOKEN.fullmatch(candidate) or _links_only(candidate))
        return False

    def numbered_item(self, i: int, line: str) -> bool:
        m = NUM_LINK.match(line)
        if m:
            title, url, rest = parse_link_item(m.group("rest"))
            if not url:
                return False
            self.flush()
            card = self.start_card(i, int(m.group("num")), title)
            card.source = Source(title, url)
            self.indent = len(line) - len(line.lstrip()) + len(m.group(0)) - len(m.group("rest"))
            rest = re.sub(r"^\s*[-–—:：|]\s*", "", rest)
            if rest.strip():
                self.card_lines.append(rest.strip())
            self.result.guess(
                self.lineno(i), f"card '{title}' from a numbered link; its link is the source"
            )
            return True
        m = BOLD_NUM.match(line) or CN_NUM.match(line)
        if m:
            self.flush()
            title, url, _rest = parse_link_item(m.group("title"))
            card = self.start_card(i, int(m.group("num")), title)
            if url:
                card.source = Source(title, url)
            if m.groupdict().get("rest"):
                self.card_lines.append(m.group("rest"))
            self.result.guess(self.lineno(i), f"card '{title}' from the numbered line")
            return True
        return False

    def start_card(self, i: int, number: int, title: str) -> Card:
        if self.expected == 1 and number > 1 and number == self.last_number + 1:
            self.issue.numbering.cards = CardNumbering.CONTINUOUS
            self.result.guess(self.lineno(i), "card numbers run on across sections")
        elif number != self.expected and not (
            self.issue.numbering.cards == CardNumbering.CONTINUOUS
            and number == self.last_number + 1
        ):
            self.result.guess(
                self.lineno(i), f"card numbering jumps from {self.expected - 1} to {number}"
            )
        self.expected = number + 1
        self.last_number = number
        section = self.builder.current_section(self.result, self.lineno(i), "Imported")
        self.card = self.top = self.builder.card(section, title)
        self.card_lines, self.card_line, self.indent = [], i, 0
        return self.card

    def new_section(self, i: int, text: str) -> None:
        emoji, label, title = parse_section_heading(md_unescape(text))
        self.builder.section(title, emoji)
        if label:
            self.labels.append(label)
        self.expected = 1
        self.card = self.top = None

    def new_card(self, i: int, text: str, top: bool) -> None:
        num = HEADING_NUM.match(text)
        rest = text[num.end() :] if num else text
        title, url, after = parse_link_item(rest)
        if after.strip():
            title, url = md_unescape(rest), ""
        if top:
            card = self.start_card(i, int(num.group(1)) if num else self.expected, title)
        else:
            assert self.top is not None
            card = self.builder.card(self.top, title)
            self.card, self.card_lines, self.card_line, self.indent = card, [], i, 0
        if url:
            card.source = Source(title, url)
            self.result.guess(self.lineno(i), f"the heading link of '{title}' taken as its source")

    def flush(self) -> None:
        if self.issue.sections and self.intro:
            section = self.issue.sections[-1]
            intro = "\n".join(self.intro).strip()
            if intro and not section.card_ids and not section.intro:
                section.intro = intro
            self.intro = []
        if self.card is not None:
            self.mapper.line = self.lineno(self.card_line)
            fill_card(
                self.card,
                self.card_lines,
                self.indent,
                self.mapper,
                self.result,
                self.lineno(self.card_line),
            )
            self.card = None
            self.card_lines = []

    def finish_labels(self) -> None:
        self.issue.numbering.sections = numbering_style(self.labels)


def _dedent(lines: list[str], indent: int) -> list[str]:
    if indent <= 0:
        return lines
    out = []
    for line in lines:
        strip = min(indent, len(line) - len(line.lstrip(" ")))
        out.append(line[strip:])
    return out


def _links_only(line: str) -> list[Link] | None:
    """Links of a line made only of short links and separators, else None."""
    found, rest, pos = [], line.strip(), 0
    text = rest
    while pos < len(text):
        m = LINK_TOKEN.match(text, pos) or AUTOLINK_TOKEN.match(text, pos)
        if m:
            title, url, _ = parse_link_item(m.group(0))
            found.append(Link(title, url))
            pos = m.end()
            continue
        sep = re.match(r"[\s·|｜/、,，]+", text[pos:])
        if not sep:
            return None
        pos += sep.end()
    if not found or any(len(x.label) > 24 for x in found):
        return None
    return found


def fill_card(
    card: Card, raw: list[str], indent: int, mapper: FileMapper, result: ImportResult, line: int
) -> None:
    lines = _dedent(raw, indent)
    body: list[str] = []
    fenced = iter_fenced(lines)
    i = 0
    seen_text = False
    while i < len(lines):
        text = lines[i]
        stripped = text.strip()
        if fenced[i] or not stripped:
            body.append(text)
            i += 1
            continue
        if not seen_text and card.source is None:
            m = SOURCE_LINE.match(stripped)
            candidate = stripped[m.end() :] if m else stripped
            lm = LINK_TOKEN.fullmatch(candidate) or AUTOLINK_TOKEN.fullmatch(candidate)
            if lm:
                title, url, _ = parse_link_item(candidate)
                card.source = Source(title, url)
                result.guess(
                    line, f"'{card.title}': the link line under the title taken as the source"
                )
                i += 1
                continue
        if not seen_text and not card.links and (links := _links_only(stripped)):
            card.links = links
            i += 1
            continue
        if FURTHER_HEAD.match(stripped):
            j = i + 1
            items = []
            while j < len(lines) and (
                not lines[j].strip() or LIST_ITEM.match(lines[j]) or lines[j].startswith("  ")
            ):
                items.append(lines[j])
                j += 1
            further = parse_further_items(
                [LIST_ITEM.sub("- ", x) if LIST_ITEM.match(x) else x for x in items]
            )
            if further:
                card.further_reading.extend(further)
                i = j
                continue
        if stripped.startswith("🎤") or stripped.startswith("> 🎤"):
            note = [stripped.lstrip("> ").lstrip("🎤").strip()]
            j = i + 1
            while j < len(lines) and lines[j].startswith(">"):
                note.append(lines[j][1:].strip())
                j += 1
            card.note = "\n".join(x for x in ([card.note] if card.note else []) + note)
            i = j
            continue
        seen_text = True
        body.append(text)
        i += 1
    card.body = filter_body("\n".join(body).strip("\n"), mapper.map)


def _finish_meta(
    issue: Issue, result: ImportResult, front: dict, lines: list[str], path: Path
) -> None:
    if not issue.title:
        issue.title = path.stem
        result.guess(None, f"no title found: used the file name '{path.stem}'")
    if issue.number is None:
        number = find_issue_number(issue.title)
        if number is not None:
            issue.number = number
            result.guess(None, f"issue number {number} read from the title")
    if issue.date is None:
        head = "\n".join(lines[:10]) + " " + issue.title + " " + path.stem
        date = find_date(head)
        if date is not None:
            issue.date = date
            result.guess(None, f"date {date.isoformat()} read from the text or file name")
