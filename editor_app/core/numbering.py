"""Numbering computed from the outline order; never stored."""

from __future__ import annotations

from dataclasses import dataclass

from editor_app.core.model import (
    CardNumbering,
    Issue,
    Numbering,
    SectionNumbering,
    SubcardNumbering,
)

_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 99 -> 九十九."""
    if n <= 0:
        raise ValueError("chinese numerals start at 1")
    if n < 10:
        return _DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        head = "" if tens == 1 else _DIGITS[tens]
        return head + "十" + (_DIGITS[ones] if ones else "")
    return str(n)


def section_label(style: SectionNumbering, position: int) -> str:
    """Label of the section at 1-based ``position``."""
    if style == SectionNumbering.CHINESE:
        return f"专题{chinese_numeral(position)}"
    if style == SectionNumbering.PART:
        return f"Part {position}"
    return ""


def numbering_fields(numbering: Numbering) -> dict[str, str]:
    """The numbering settings as written to issue.yaml and our Markdown's front matter.

    ``subcards`` is written only when it differs from the default, so issues saved before
    the setting existed keep their bytes.
    """
    fields = {"sections": numbering.sections.value, "cards": numbering.cards.value}
    if numbering.subcards != SubcardNumbering.NESTED:
        fields["subcards"] = numbering.subcards.value
    return fields


@dataclass(frozen=True)
class Numbers:
    sections: dict[str, str]  # section id -> label
    cards: dict[str, str]  # card id -> full number: "3", or "3.2" for a sub-card
    local: dict[str, int]  # card id -> position among its siblings (1-based)
    subcards: SubcardNumbering = SubcardNumbering.NESTED

    def display(self, card_id: str) -> str:
        """The number shown before a card's title everywhere (see ``display_number``)."""
        return display_number(self.cards.get(card_id, ""), self.subcards)


def display_number(number: str, subcards: SubcardNumbering = SubcardNumbering.NESTED) -> str:
    """How a card number is printed before its title.

    A top-level card reads "3."; a sub-card "3.1" (nested) or "1)" (local), as the issue's
    numbering settings say. The outline, the preview, the HTML and Markdown exports and the
    CLI listing all print numbers through this one function, so a sub-card can never read
    one way in the outline and another on the site. An unknown card prints nothing.
    """
    if not number:
        return ""
    if "." not in number:
        return f"{number}."
    if subcards == SubcardNumbering.LOCAL:
        return f"{number.rsplit('.', 1)[1]})"
    return number


def compute_numbers(issue: Issue) -> Numbers:
    sections: dict[str, str] = {}
    cards: dict[str, str] = {}
    local: dict[str, int] = {}
    running = 0

    def number_children(top_id: str) -> None:
        # Depth first without recursion: a recursive inner function is a reference cycle
        # that outlives the call until the next garbage collection.
        stack = [(top_id, enumerate(issue.cards[top_id].child_ids, start=1))]
        path = {top_id}  # a damaged outline may loop
        while stack:
            parent, children = stack[-1]
            pos, child_id = next(children, (0, ""))
            if not pos:
                stack.pop()
                path.discard(parent)
                continue
            child = issue.cards.get(child_id)
            if child is None or child_id in path:
                continue
            cards[child_id] = f"{cards[parent]}.{pos}"
            local[child_id] = pos
            if child.child_ids:
                path.add(child_id)
                stack.append((child_id, enumerate(child.child_ids, start=1)))

    for s_pos, section in enumerate(issue.sections, start=1):
        sections[section.id] = section_label(issue.numbering.sections, s_pos)
        if issue.numbering.cards == CardNumbering.PER_SECTION:
            running = 0
        for card_id in section.card_ids:
            card = issue.cards.get(card_id)
            if card is None:
                continue
            running += 1
            cards[card_id] = str(running)
            local[card_id] = running
            number_children(card_id)
    return Numbers(sections, cards, local, issue.numbering.subcards)
