"""The text of an issue's files, to and from the model: issue.yaml and a card's Markdown.

Pure: text in, model out (and back); reading and writing the files is ``storage``'s job.
A card file is YAML front matter between ``---`` lines, then the Markdown body.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node

from editor_app.core import messages
from editor_app.core.errors import IssueFormatError
from editor_app.core.front_matter import read_plain
from editor_app.core.gitmerge.markers import refuse_merge_markers
from editor_app.core.ids import is_valid_id
from editor_app.core.model import (
    Card,
    CardNumbering,
    FurtherReading,
    Issue,
    Link,
    Numbering,
    Section,
    SectionNumbering,
    Source,
    Status,
    SubcardNumbering,
    Typography,
)
from editor_app.core.numbering import numbering_fields
from editor_app.core.yaml_fields import YamlFields
from editor_app.core.yamlio import dump_yaml, item_node, load_yaml_node

FORMAT_VERSION = 1


# -- reading -------------------------------------------------------------------------------
class _OutlineReader:
    """Reads the outline's nested card lists. Methods rather than recursive inner functions:
    those refer to themselves through their closures, a reference cycle that would keep the
    whole YAML node tree of the issue alive until a garbage collection on the UI thread."""

    def __init__(self, fields: YamlFields):
        self.fields = fields
        self.children: dict[str, list[str]] = {}
        self.seen: set[str] = set()

    def claim(self, node_id: Any, node: Node | None, what: str) -> None:
        # Section and card ids share one namespace: outline operations look both up by id.
        if node_id in self.seen:
            raise self.fields.fail_at(node, f"{what} id '{node_id}' appears twice in the outline")
        self.seen.add(node_id)

    def card_entries(self, items: Any, node: Node | None, what: str) -> list[str]:
        if not isinstance(items, list):
            raise self.fields.fail_at(node, f"{what} must be a list of card ids")
        ids: list[str] = []
        for i, item in enumerate(items):
            entry_node = item_node(node, i)
            sub: Any = None
            sub_node = None
            if isinstance(item, dict) and len(item) == 1:
                card_id, sub = next(iter(item.items()))
                if isinstance(entry_node, MappingNode):
                    entry_node, sub_node = entry_node.value[0]
            else:
                card_id = item
            if not is_valid_id(card_id):
                raise self.fields.fail_at(
                    entry_node, f"{what} holds an invalid card id: {card_id!r}"
                )
            self.claim(card_id, entry_node, "card")
            ids.append(card_id)
            self.children[card_id] = self.card_entries(
                sub if sub is not None else [], sub_node, f"sub-cards of '{card_id}'"
            )
        return ids


def _parse_outline(fields: YamlFields) -> tuple[list[Section], dict[str, list[str]]]:
    """Sections plus a map of card id -> child ids found in the outline."""
    sections: list[Section] = []
    reader = _OutlineReader(fields)
    for rec in fields.records("outline"):
        section_id = rec.str("id")
        if not is_valid_id(section_id):
            raise rec.fail("id", f"is not a valid section id: {section_id!r}")
        reader.claim(section_id, rec.value_node("id"), "section")
        cards = rec.data.get("cards")
        sections.append(
            Section(
                id=section_id,
                title=rec.str("title"),
                emoji=rec.str("emoji"),
                intro=rec.str("intro"),
                card_ids=reader.card_entries(
                    cards if cards is not None else [],
                    rec.value_node("cards"),
                    f"field 'cards' of section '{section_id}'",
                ),
            )
        )
    return sections, reader.children


def parse_manifest(text: str, path: Path) -> tuple[Issue, dict[str, list[str]]]:
    refuse_merge_markers(text, path)
    data, node = load_yaml_node(text, path)
    fields = YamlFields(data, node, path, what="issue.yaml")
    version = data.get("format")
    if not isinstance(version, int) or isinstance(version, bool):
        raise fields.fail("format", f"must be the format version number ({FORMAT_VERSION})")
    if version > FORMAT_VERSION:
        raise fields.fail("format", f"is {version}: written by a newer Masthead")
    if version < 1:
        raise fields.fail("format", f"is {version}: not a Masthead format version")
    num = fields.sub("numbering")
    export = data.get("export") or {}
    if not isinstance(export, dict):
        raise fields.fail("export", "must be a mapping")
    sections, children = _parse_outline(fields)
    issue = Issue(
        title=fields.str("title"),
        number=fields.opt_int("number"),
        date=fields.date("date"),
        slug=fields.str("slug"),
        summary=fields.str("summary"),
        cover=fields.str("cover"),
        tags=fields.str_list("tags"),
        status=fields.choice("status", Status, Status.DRAFT),
        numbering=Numbering(
            sections=num.choice("sections", SectionNumbering, SectionNumbering.CHINESE),
            cards=num.choice("cards", CardNumbering, CardNumbering.PER_SECTION),
            subcards=num.choice("subcards", SubcardNumbering, SubcardNumbering.NESTED),
        ),
        language=fields.str("language", "zh-CN"),
        typography=_typography(fields),
        export=export,
        sections=sections,
    )
    return issue, children


def _typography(fields: YamlFields) -> Typography:
    # YAML 1.1 reads an unquoted "off" (or "no") as false and "on" as true: take them as meant.
    value = fields.data.get("typography")
    if isinstance(value, bool):
        return Typography.CJK if value else Typography.OFF
    return fields.choice("typography", Typography, Typography.AUTO)


def split_front_matter(text: str, path: Path) -> tuple[str, str]:
    if not text.startswith("---\n"):
        raise IssueFormatError(messages.text("read.no-front-matter"), path, 1)
    end = re.search(r"^---[ \t]*$", text[4:], re.MULTILINE)
    if end is None:
        raise IssueFormatError(messages.text("read.front-matter-open"), path, 1)
    front = text[4 : 4 + end.start()]
    body = text[4 + end.end() :]
    return front, body.strip("\n")


def parse_card(text: str, path: Path, card_id: str) -> Card:
    refuse_merge_markers(text, path)
    front, body = split_front_matter(text, path)
    plain = read_plain(front)
    if plain is not None:
        try:
            return _card_from(plain, None, path, card_id, body)
        except IssueFormatError:
            pass  # read again below: the YAML loader's nodes say on which line
    data, node = load_yaml_node(front, path, line_offset=1)
    return _card_from(data, node, path, card_id, body)


def _card_from(data: Any, node: Node | None, path: Path, card_id: str, body: str) -> Card:
    if data is None:
        data = {}
    f = YamlFields(data, node, path, line_offset=1, what="front matter")
    source = None
    if data.get("source"):
        s = f.sub("source")
        source = Source(title=s.str("title"), url=s.str("url"))
    return Card(
        id=card_id,
        title=f.str("title"),
        kind=f.str("kind", "article") or "article",
        status=f.choice("status", Status, Status.DRAFT),
        source=source,
        links=[Link(label=r.str("label"), url=r.str("url")) for r in f.records("links")],
        body=body,
        further_reading=[
            FurtherReading(title=r.str("title"), url=r.str("url"), summary=r.str("summary"))
            for r in f.records("further_reading")
        ],
        note=f.str("note").strip("\n"),
        tags=f.str_list("tags"),
        group=f.str("group"),
    )


# -- writing -------------------------------------------------------------------------------
def _outline_entry(issue: Issue, card_id: str) -> Any:
    card = issue.cards.get(card_id)
    if card is not None and card.child_ids:
        return {card_id: [_outline_entry(issue, c) for c in card.child_ids]}
    return card_id


def manifest_data(issue: Issue) -> dict[str, Any]:
    data: dict[str, Any] = {"format": FORMAT_VERSION, "title": issue.title}
    data["number"] = issue.number
    data["date"] = issue.date
    data["slug"] = issue.slug
    data["status"] = issue.status.value
    data["language"] = issue.language
    if issue.typography != Typography.AUTO:
        data["typography"] = issue.typography.value
    if issue.summary:
        data["summary"] = issue.summary
    if issue.cover:
        data["cover"] = issue.cover
    if issue.tags:
        data["tags"] = list(issue.tags)
    data["numbering"] = numbering_fields(issue.numbering)
    if issue.export:
        data["export"] = issue.export
    outline = []
    for section in issue.sections:
        entry: dict[str, Any] = {"id": section.id, "emoji": section.emoji, "title": section.title}
        if section.intro:
            entry["intro"] = section.intro
        entry["cards"] = [_outline_entry(issue, c) for c in section.card_ids]
        outline.append(entry)
    data["outline"] = outline
    return data


def serialize_manifest(issue: Issue) -> str:
    return dump_yaml(manifest_data(issue))


def serialize_card(card: Card) -> str:
    data: dict[str, Any] = {"title": card.title}
    if card.kind and card.kind != "article":
        data["kind"] = card.kind
    data["status"] = card.status.value
    if card.group:
        data["group"] = card.group
    if card.source is not None and (card.source.title or card.source.url):
        data["source"] = {"title": card.source.title, "url": card.source.url}
    if card.links:
        data["links"] = [{"label": x.label, "url": x.url} for x in card.links]
    if card.further_reading:
        data["further_reading"] = [
            {"title": f.title, "url": f.url, "summary": f.summary} for f in card.further_reading
        ]
    if card.note:
        data["note"] = card.note
    if card.tags:
        data["tags"] = list(card.tags)
    body = card.body.strip("\n")
    return "---\n" + dump_yaml(data) + "---\n" + ("\n" + body + "\n" if body else "")
