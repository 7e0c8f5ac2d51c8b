"""The line-by-line reader of another newsletter's Markdown: it builds the sections and cards.

Each line is a heading, an item (a numbered item or a link bullet) or text of the card, the
section intro or the preamble; the walker keeps which card is open and where its lines go.
``md_newsletter`` sets it up (heading levels, the pre-pass of ``md_structure``) and
finishes the issue's metadata; every inference is reported as a guess.
"""

from __future__ import annotations

import re
from pathlib import Path

from editor_app.core import markdown_syntax
from editor_app.core.importers.common import (
    Builder,
    ImportResult,
    numbering_style,
    parse_section_heading,
)
from editor_app.core.importers.files import FileMapper
from editor_app.core.importers.md_card_fields import (
    FURTHER_HEAD,
    LIST_ITEM,
    dedent,
    fill_card,
    title_from_text,
)
from editor_app.core.importers.md_items import (
    Item,
    bullet_item,
    heading_item,
    numbered_item,
    plain,
)
from editor_app.core.importers.md_structure import (
    HEADING_NUM,
    SectionPlan,
    heading_text,
    holds_items,
    is_category,
    is_decorated,
    next_is_link,
)
from editor_app.core.markup.mdtext import ATX, filter_body, parse_link_item
from editor_app.core.model import Card, CardNumbering, Issue, Source

_MARKER = re.compile(r"^(?:\*\*|__)?\s*(?:[（(]\d{1,3}[）)]|\d{1,3}\s*[、.．)）])\s*")
LIST_LINE = markdown_syntax.LIST_ITEM  # any list item, at any indent


class NewsletterWalker:
    """Reads the lines in order into the issue; ``flush`` closes the open card or intro."""

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
        # Where text lines go: the card being read (None: the section intro or preamble).
        self.card: Card | None = None
        self.card_lines: list[str] = []
        self.card_line = 0
        self.indent = 0
        self.reopened = False  # self.card already has a body: text read now is appended
        # Cards opened by headings, innermost last, with their heading level.
        self.stack: list[tuple[int, Card]] = []
        self.top: Card | None = None  # the last top-level card (numbered items)
        self.bullet_parent: Card | None = None  # set while reading a link bullet
        self.groups: dict[str, str] = {}  # parent card id (or "" for the section) -> group
        self.roundup: Card | None = None
        self.in_further = False
        self.item_line = -1  # the line of the last numbered item
        self.items_found = False
        self.last_blank = True
        self.announced: set[tuple[str, str]] = set()
        self.intro: list[str] = []
        self.expected = 1
        self.labels: list[str] = []
        self.title_from_h1 = False
        self.lines: list[str] = []
        self.masked: list[bool] = []
        self.plan: dict[int, SectionPlan] = {}
        self.last_number = 0
        self.preamble: list[str] = []
        self.section_no = 0

    @property
    def here(self) -> SectionPlan:
        return self.plan.get(self.section_no, SectionPlan())

    @property
    def items_numbered(self) -> bool:
        """Cards of this section are numbered items (headings are sub-section titles)."""
        return self.here.numbered and not self.here.heading_cards

    @property
    def numbered_issue(self) -> bool:
        return any(p.numbered for p in self.plan.values())

    def lineno(self, i: int) -> int:
        return self.first_line + i

    # -- one line ------------------------------------------------------------------------
    def line(self, i: int, line: str, masked: bool) -> None:
        blank = not line.strip()
        try:
            if not masked:
                if self.bullet_parent is not None and self._ends_bullet(line):
                    self._end_bullet()
                m = ATX.match(line)
                if m and self.heading(i, len(m.group(1)), heading_text(line, len(m.group(1)))):
                    return
                if not m and not line[:1].isspace() and self.item(i, line):
                    return
            self.text(line)
        finally:
            self.last_blank = blank

    def text(self, line: str) -> None:
        if self.card is not None:
            self.card_lines.append(line)
            stripped = line.strip()
            if FURTHER_HEAD.match(stripped):
                self.in_further = True
            elif stripped and not line[:1].isspace() and not LIST_ITEM.match(line):
                self.in_further = False
        elif self.issue.sections:
            self.intro.append(line)
        elif line.strip():
            self.preamble.append(line.strip())

    def _ends_bullet(self, line: str) -> bool:
        if not line.strip() or line[:1].isspace():
            return False
        # A line right under the bullet continues its paragraph unless it starts a block.
        starts_block = ATX.match(line) or LIST_ITEM.match(line) or numbered_item(line)
        return bool(starts_block or self.last_blank)

    def _end_bullet(self) -> None:
        parent = self.bullet_parent
        self.flush()
        self.bullet_parent = None
        assert parent is not None
        # Text after the list belongs to the card that holds the list.
        self.card, self.card_lines, self.indent, self.reopened = parent, [], 0, True

    # -- headings ------------------------------------------------------------------------
    def heading(self, i: int, level: int, text: str) -> bool:
        """Handle a heading line; False when it stays text of the card or intro."""
        if level == 1 and not self.issue.sections and self.card is None:
            if not self.issue.title:
                self.issue.title = plain(text)
                self.title_from_h1 = True
            return True
        if level == self.section_level:
            self.section_no += 1
            self.flush()
            self.new_section(i, text)
            return True
        if self.section_level is not None and level < self.section_level:
            return False
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        item = heading_item(text)
        numbered = HEADING_NUM.match(text)
        top_level = level == self.card_level or not self.stack
        linked = self._next_is_link(i)
        if item or (numbered and (top_level or "](" in text or linked)):
            self.flush()
            self.heading_card(i, level, text, item)
            return True
        if self.items_numbered:
            # A sub-section of numbered items: its title is the group of the cards below.
            self.flush()
            self.card = self.top = None
            self.stack = []
            self.set_group(None, plain(text), i)
            return True
        if is_category(self.lines, self.masked, i, level):
            self.flush()
            self.card = None
            self.set_group(self.stack[-1][1] if self.stack else None, plain(text), i)
            return True
        if level == self.card_level and (linked or not self.numbered_issue):
            self.flush()
            self.heading_card(i, level, text, None)
            return True
        if self.stack and holds_items(self.lines, self.masked, i, level):
            self.flush()
            parent = self.stack[-1][1]
            self.card, self.card_lines, self.reopened = parent, [], True
            self.set_group(parent, plain(text), i)
            return True
        if level == self.card_level:
            self.result.guess(self.lineno(i), "sub-heading-kept", text=plain(text))
        return False

    def _next_is_link(self, i: int) -> bool:
        return next_is_link(self.lines, self.masked, i)

    def set_group(self, parent: Card | None, group: str, i: int) -> None:
        self.groups[parent.id if parent else ""] = group
        self.result.guess(self.lineno(i), "category-heading", group=group)

    def heading_card(self, i: int, level: int, text: str, item: Item | None) -> None:
        num = HEADING_NUM.match(text)
        if item is None:
            rest = text[num.end() :] if num else text
            title, url, after = parse_link_item(rest)
            if after.strip() or not url:
                title, url = plain(rest), ""
            item = Item(title, url)
        if self.stack:
            parent = self.stack[-1][1]
            card = self.sub_card(parent, item.title, i)
        else:
            card = self.start_card(i, int(num.group(1)) if num else self.expected, item.title)
            group = self.groups.get("")
            if group and self.items_numbered:
                card.group = group
        card.tags = list(item.tags)
        if item.url:
            card.source = Source(item.title, item.url)
            self.result.guess(self.lineno(i), "heading-link-source", title=item.title)
        self.stack.append((level, card))

    def sub_card(self, parent: Card, title: str, i: int) -> Card:
        card = self.builder.card(parent, title)
        # The roundup card of a section takes the section's category headings.
        card.group = self.groups.get("" if parent is self.roundup else parent.id, "")
        self.card, self.card_lines, self.card_line, self.indent = card, [], i, 0
        self.reopened = False
        return card

    # -- items ---------------------------------------------------------------------------
    def item(self, i: int, line: str) -> bool:
        bullet = None if self.in_further and self.card is not None else bullet_item(line)
        if bullet is not None and self.issue.sections:
            self.bullet_card(i, line, bullet)
            return True
        if not self.items_numbered:
            return False
        numbered = numbered_item(line)
        if numbered is None:
            return False
        if not is_decorated(numbered, line) and not self._plain_item(i, numbered.number):
            return False
        self.numbered_card(i, line, numbered)
        return True

    def _plain_item(self, i: int, number: int) -> bool:
        """``8. title`` without link or bold: an item when it continues the numbering of the
        cards and is not a step of an ordered list in a card's text."""
        if number != self.expected:
            return False
        before = next((k for k in range(i - 1, -1, -1) if self.lines[k].strip()), -1)
        after = self.lines[i + 1] if i + 1 < len(self.lines) else ""
        if before >= 0 and before == self.item_line:
            return True
        before_text = self.lines[before] if before >= 0 else ""
        return not (LIST_LINE.match(before_text) or LIST_LINE.match(after))

    def container(self) -> Card:
        """The card a link list belongs to: the open heading or numbered card, else the
        section's roundup card."""
        if self.stack:
            return self.stack[-1][1]
        if self.items_numbered and self.top is not None:
            return self.top
        if self.roundup is None:
            section = self.issue.sections[-1]
            title = section.title or "Links"
            self.roundup = self.start_card(len(self.lines), self.expected, title)
            self.roundup.kind = "roundup"
            self.card = None
            self.result.guess(None, "link-lists-gathered", title=title)
        return self.roundup

    def bullet_card(self, i: int, line: str, item: Item) -> None:
        self.flush()
        parent = self.container()
        card = self.sub_card(parent, item.title, i)
        card.source = Source(item.title, item.url)
        card.tags = list(item.tags)
        self.bullet_parent = parent
        self.indent = len(line) - len(line[1:].lstrip()) if len(line) > 1 else 2
        if item.rest:
            self.card_lines.append(item.rest)
        key = (parent.id, card.group)
        if key not in self.announced:
            self.announced.add(key)
            if card.group:
                self.result.guess(
                    self.lineno(i), "link-list-cards-grouped", group=card.group, parent=parent.title
                )
            else:
                self.result.guess(self.lineno(i), "link-list-cards", parent=parent.title)

    def numbered_card(self, i: int, line: str, item: Item) -> None:
        self.flush()
        self.items_found = True
        self.item_line = i
        self.stack = []
        card = self.start_card(i, item.number, item.title)
        card.tags = list(item.tags)
        marker = _MARKER.match(line)
        self.indent = len(marker.group(0)) if marker else 0
        group = self.groups.get("")
        if group:
            card.group = group
        if item.url:
            card.source = Source(item.title, item.url)
        if item.rest:
            self.card_lines.append(item.rest)
        if item.bare:
            self.result.guess(self.lineno(i), "item-without-title", number=item.number)
        else:
            key = "card-from-numbered-link" if item.url else "card-from-numbered-line"
            self.result.guess(self.lineno(i), key, title=item.title)

    def start_card(self, i: int, number: int, title: str) -> Card:
        if self.expected == 1 and number > 1 and number == self.last_number + 1:
            self.issue.numbering.cards = CardNumbering.CONTINUOUS
            self.result.guess(self.lineno(i), "numbers-run-on")
        elif number != self.expected and not (
            self.issue.numbering.cards == CardNumbering.CONTINUOUS
            and number == self.last_number + 1
        ):
            self.result.guess(
                self.lineno(i), "numbering-jumps", previous=self.expected - 1, number=number
            )
        self.expected = number + 1
        self.last_number = number
        section = self.builder.current_section(self.result, self.lineno(i), "Imported")
        self.card = self.top = self.builder.card(section, title)
        self.card_lines, self.card_line, self.indent = [], i, 0
        self.reopened = False
        return self.card

    def new_section(self, i: int, text: str) -> None:
        emoji, label, title = parse_section_heading(plain(text))
        self.builder.section(title, emoji)
        if label:
            self.labels.append(label)
        self.expected = 1
        self.card = self.top = self.roundup = None
        self.stack = []
        self.groups = {}

    def flush(self) -> None:
        if self.issue.sections and self.intro:
            section = self.issue.sections[-1]
            intro = "\n".join(self.intro).strip()
            if intro and not section.intro:
                section.intro = intro
            elif intro:
                section.intro += "\n\n" + intro
            self.intro = []
        if self.card is not None:
            self.mapper.line = self.lineno(self.card_line)
            if self.reopened:
                text = "\n".join(dedent(self.card_lines, self.indent)).strip("\n")
                if text.strip():
                    text = filter_body(text, self.mapper.map)
                    self.card.body = f"{self.card.body}\n\n{text}" if self.card.body else text
            else:
                fill_card(
                    self.card,
                    self.card_lines,
                    self.indent,
                    self.mapper,
                    self.result,
                    self.lineno(self.card_line),
                )
            if not self.card.title:
                title_from_text(self.card, self.result, self.lineno(self.card_line))
            self.card = None
            self.card_lines = []
            self.reopened = False
            self.in_further = False

    def finish_labels(self) -> None:
        self.issue.numbering.sections = numbering_style(self.labels)
