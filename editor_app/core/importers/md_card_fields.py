"""Filling a card of another newsletter from the lines under its title.

A lone link (or ``原文：[t](u)``) right under the title is the source, a line of short links
the project links, a 拓展阅读 / Further reading list the further reading, 🎤 lines the note,
and the rest the body. A card with no title (a number alone on its line) takes the start
of its text.
"""

from __future__ import annotations

import re

from editor_app.core.importers.common import ImportResult
from editor_app.core.importers.files import FileMapper
from editor_app.core.importers.markdown_import import parse_further_items
from editor_app.core.importers.md_items import plain
from editor_app.core.markdown_syntax import BULLET_ITEM
from editor_app.core.markup.mdtext import (
    AUTOLINK_TOKEN,
    LINK_TOKEN,
    filter_body,
    iter_fenced,
    parse_link_item,
)
from editor_app.core.model import Card, Link, Source

SOURCE_LINE = re.compile(
    r"^(?:原文|原文链接|来源|链接|阅读原文|Source|Link|Read more)\s*[:：]\s*", re.I
)
FURTHER_HEAD = re.compile(
    r"^(?:#{1,6}\s*|\*\*)?(?:拓展阅读|扩展阅读|延伸阅读|相关阅读|相关链接|Further reading|Related)"
    r"(?:\*\*)?\s*[:：]?\s*$",
    re.I,
)
LIST_ITEM = BULLET_ITEM  # the name md_newsletter imports


def title_from_text(card: Card, result: ImportResult, line: int) -> None:
    """A bare numbered item: its title is the start of its text, the text stays the body."""
    first = next((x.strip() for x in card.body.split("\n") if x.strip()), "")
    text = plain(re.sub(r"^(?:[>#]+|[-*+]\s)\s*", "", first))
    if not text:
        result.guess(line, "item-without-text")
        return
    cut = re.search(r"[。！？!?；;]|[.](?:\s|$)", text)
    if cut and cut.end() >= 8:
        text = text[: cut.end()]
    card.title = text if len(text) <= 60 else text[:59].rstrip() + "…"
    result.guess(line, "title-from-text", title=card.title)


def dedent(lines: list[str], indent: int) -> list[str]:
    if indent <= 0:
        return lines
    out = []
    for line in lines:
        strip = min(indent, len(line) - len(line.lstrip(" ")))
        out.append(line[strip:])
    return out


def links_only(line: str) -> list[Link] | None:
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
    lines = dedent(raw, indent)
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
                result.guess(line, "link-line-source", title=card.title)
                i += 1
                continue
        if not seen_text and not card.links and (links := links_only(stripped)):
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
