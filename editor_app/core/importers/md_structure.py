"""A first pass over another newsletter's Markdown, before the walker builds the issue.

Which lines are hidden (fenced code, HTML comments: text, never structure) and what each
section holds (numbered items, cards written as headings), which decides how its headings
and numbered lines are read. The walker also asks it what lies under a heading
(``is_category``, ``holds_items``) before it decides what the heading is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from editor_app.core.importers.md_card_fields import SOURCE_LINE, links_only
from editor_app.core.importers.md_items import Item, bullet_item, heading_item, numbered_item
from editor_app.core.markup.mdtext import ATX, LINK_TOKEN, iter_fenced

_CN_MARK = re.compile(r"^(?:\*\*|__)?\s*(?:[（(]\d{1,3}[）)]|\d{1,3}\s*、)")
HEADING_NUM = re.compile(r"^(\d{1,3})\s*[.、)）]\s*")


def masked_lines(lines: list[str]) -> list[bool]:
    """Lines inside fenced code or an HTML comment: kept as text, never read as structure."""
    out = iter_fenced(lines)
    comment = False
    for i, line in enumerate(lines):
        if out[i]:
            continue
        if comment:
            out[i] = True
            comment = "-->" not in line
        elif line.lstrip().startswith("<!--") and "-->" not in line:
            out[i] = comment = True
    return out


@dataclass
class SectionPlan:
    """What a pre-pass learnt about one section (ordinal 0 = before the first section)."""

    numbered: bool = False  # holds numbered items ("1、…", "**2. …**", "3、" alone)
    heading_cards: bool = False  # holds cards written as headings


def is_decorated(item: Item, line: str) -> bool:
    """A numbered line that is an item rather than a step of an ordinary ordered list."""
    return bool(item.url or item.bare or line.startswith(("**", "__")) or _CN_MARK.match(line))


def plan_sections(
    lines: list[str], masked: list[bool], section_level: int | None, card_level: int | None
) -> dict[int, SectionPlan]:
    plans: dict[int, SectionPlan] = {0: SectionPlan()}
    ordinal = 0
    for i, line in enumerate(lines):
        if masked[i]:
            continue
        m = ATX.match(line)
        if m and len(m.group(1)) == section_level:
            ordinal += 1
            plans[ordinal] = SectionPlan()
        elif m and len(m.group(1)) == card_level:
            text = heading_text(line, card_level)
            if heading_item(text) or HEADING_NUM.match(text) or next_is_link(lines, masked, i):
                plans[ordinal].heading_cards = True
        elif not m and (item := numbered_item(line)) and is_decorated(item, line):
            plans[ordinal].numbered = True
    return plans


def heading_text(line: str, level: int) -> str:
    return line[level:].strip().rstrip("#").strip()


def next_is_link(lines: list[str], masked: list[bool], i: int) -> bool:
    for line, hidden in zip(lines[i + 1 :], masked[i + 1 :], strict=True):
        if line.strip() and not hidden:
            candidate = SOURCE_LINE.sub("", line.strip(), count=1)
            return bool(LINK_TOKEN.fullmatch(candidate) or links_only(candidate))
    return False


def heading_block(
    lines: list[str], masked: list[bool], i: int, level: int
) -> list[tuple[str, bool]]:
    """The lines under the heading on line ``i`` up to the next heading of its level or above,
    each with whether it is hidden."""
    out = []
    for line, hidden in zip(lines[i + 1 :], masked[i + 1 :], strict=True):
        m = None if hidden else ATX.match(line)
        if m and len(m.group(1)) <= level:
            break
        out.append((line, hidden))
    return out


def is_category(lines: list[str], masked: list[bool], i: int, level: int) -> bool:
    """A heading whose block is only a list of link items (and comments)."""
    bullets = 0
    for line, hidden in heading_block(lines, masked, i, level):
        if hidden or not line.strip() or line[:1].isspace():
            continue
        if not bullet_item(line):
            return False
        bullets += 1
    return bullets > 0


def holds_items(lines: list[str], masked: list[bool], i: int, level: int) -> bool:
    """A heading whose block holds link items or headings written as items."""
    for line, hidden in heading_block(lines, masked, i, level):
        m = None if hidden else ATX.match(line)
        if not hidden and (
            bullet_item(line) or (m and heading_item(heading_text(line, len(m.group(1)))))
        ):
            return True
    return False
