"""The issue model: flat records keyed by stable ids.

An Issue owns an ordered list of Sections; each Section lists the ids of its top-level
cards, and each Card lists the ids of its sub-cards. Every Card lives once in
``Issue.cards`` so that moves never copy data and ids stay stable.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any


class Status(StrEnum):
    DRAFT = "draft"
    REVIEW = "review"
    READY = "ready"
    PUBLISHED = "published"


CARD_KINDS = ("article", "release", "report", "project", "talk", "meme", "roundup")


class SectionNumbering(StrEnum):
    CHINESE = "chinese"  # 专题一, 专题二 …
    PART = "part"  # Part 1, Part 2 …
    NONE = "none"


class Typography(StrEnum):
    AUTO = "auto"  # by the issue's language: on for Chinese, Japanese and Korean
    CJK = "cjk"  # AutoCorrect's rules for mixed CJK and Latin text
    OFF = "off"


class CardNumbering(StrEnum):
    PER_SECTION = "per-section"
    CONTINUOUS = "continuous"


class SubcardNumbering(StrEnum):
    NESTED = "nested"  # 3.1, 3.2 under card 3
    LOCAL = "local"  # 1), 2) under any card


@dataclass
class Source:
    title: str = ""
    url: str = ""


@dataclass
class Link:
    label: str = ""
    url: str = ""


@dataclass
class FurtherReading:
    title: str = ""
    url: str = ""
    summary: str = ""


@dataclass
class Card:
    id: str
    title: str = ""
    kind: str = "article"
    status: Status = Status.DRAFT
    source: Source | None = None
    links: list[Link] = field(default_factory=list)
    body: str = ""
    further_reading: list[FurtherReading] = field(default_factory=list)
    note: str = ""
    tags: list[str] = field(default_factory=list)
    # Category heading a sub-card is listed under inside its parent ("安全与合规" …).
    group: str = ""
    child_ids: list[str] = field(default_factory=list)
    # Set when the card file could not be read; such a card is never written back.
    unreadable: str = ""
    # The same, said by key (a messages.Text) so the editor reads it in their language.
    unreadable_reason: Any = field(default=None, compare=False, repr=False)

    def is_empty(self) -> bool:
        return not (self.body.strip() or self.source or self.links or self.child_ids)


@dataclass
class Section:
    id: str
    title: str = ""
    emoji: str = ""
    intro: str = ""
    card_ids: list[str] = field(default_factory=list)


@dataclass
class Numbering:
    sections: SectionNumbering = SectionNumbering.CHINESE
    cards: CardNumbering = CardNumbering.PER_SECTION
    subcards: SubcardNumbering = SubcardNumbering.NESTED


@dataclass
class Issue:
    title: str = ""
    number: int | None = None
    date: dt.date | None = None
    slug: str = ""
    summary: str = ""
    cover: str = ""
    tags: list[str] = field(default_factory=list)
    status: Status = Status.DRAFT
    numbering: Numbering = field(default_factory=Numbering)
    language: str = "zh-CN"
    typography: Typography = Typography.AUTO
    export: dict = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    cards: dict[str, Card] = field(default_factory=dict)
    # Where the issue was loaded from; not part of the issue's data.
    folder: Path | None = field(default=None, compare=False, repr=False)

    # -- lookups ---------------------------------------------------------------------------
    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def card(self, card_id: str) -> Card:
        return self.cards[card_id]

    def iter_cards(self) -> list[tuple[Section, Card, int]]:
        """Every card in outline order with its section and depth (0 = top level)."""
        # An explicit stack rather than a recursive inner function: such a function refers to
        # itself through its closure, a reference cycle that keeps the issue it walked (often a
        # short-lived copy) alive until the next garbage collection, and that collection runs
        # on the UI thread.
        out: list[tuple[Section, Card, int]] = []
        cards = self.cards
        for section in self.sections:
            stack: list[tuple[Iterator[str], str]] = [(iter(section.card_ids), "")]
            path: set[str] = set()  # the cards being walked into: a damaged outline may loop
            while stack:
                ids, parent = stack[-1]
                card_id = next(ids, None)
                if card_id is None:
                    stack.pop()
                    path.discard(parent)
                    continue
                card = cards.get(card_id)
                if card is None or card_id in path:
                    continue
                out.append((section, card, len(stack) - 1))
                if card.child_ids:
                    path.add(card_id)
                    stack.append((iter(card.child_ids), card_id))
        return out

    def ordered_cards(self) -> list[Card]:
        return [card for _, card, _ in self.iter_cards()]


def _shallow(record: Any) -> Any:
    """``copy.copy`` of a plain dataclass record, without the pickling protocol's detour."""
    if record is None:
        return None
    new = object.__new__(type(record))
    new.__dict__.update(record.__dict__)
    return new


def _card_copy(card: Card) -> Card:
    new = _shallow(card)
    new.source = _shallow(card.source)
    new.links = [_shallow(link) for link in card.links]
    new.further_reading = [_shallow(item) for item in card.further_reading]
    new.tags = list(card.tags)
    new.child_ids = list(card.child_ids)
    return new


def detached_copy(issue: Issue) -> Issue:
    """A copy of ``issue`` that a worker thread may read while the UI thread edits the
    original: every record, list and dict is new; strings, dates and enums (immutable) are
    shared. Equal to ``copy.deepcopy(issue)`` at a fraction of its cost, which walks every
    string of every card only to find that none needs copying."""
    new = copy.copy(issue)
    new.tags = list(issue.tags)
    new.numbering = copy.copy(issue.numbering)
    new.export = copy.deepcopy(issue.export)
    new.sections = [_shallow(section) for section in issue.sections]
    for section in new.sections:
        section.card_ids = list(section.card_ids)
    new.cards = {card_id: _card_copy(card) for card_id, card in issue.cards.items()}
    return new
