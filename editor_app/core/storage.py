"""Reading and writing an issue folder.

issues/<slug>/issue.yaml      manifest: metadata and the ordered outline of ids
issues/<slug>/cards/<id>.md   one card: YAML front matter + Markdown body
issues/<slug>/assets/         images
issues/<slug>/.masthead/      local state (journal, caches, lock, trash)
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode

from editor_app.core import messages
from editor_app.core.atomic import write_if_changed
from editor_app.core.errors import IssueFormatError, IssueNotFoundError, UnreadableFileError
from editor_app.core.filesafety import UnsafeFileError, read_regular_file
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
from editor_app.core.yamlio import dump_yaml, item_node, key_node, load_yaml_node, node_line

FORMAT_VERSION = 1
MANIFEST = "issue.yaml"
CARDS_DIR = "cards"
ASSETS_DIR = "assets"
STATE_DIR = ".masthead"


def manifest_path(folder: Path) -> Path:
    return Path(folder) / MANIFEST


def card_path(folder: Path, card_id: str) -> Path:
    return Path(folder) / CARDS_DIR / f"{card_id}.md"


def is_issue_folder(folder: Path) -> bool:
    return manifest_path(folder).is_file()


# -- reading -------------------------------------------------------------------------------


def read_text(path: Path, *, follow_symlinks: bool = True) -> str:
    """The text of a UTF-8 file (a leading byte-order mark and CRLF line ends removed).

    With ``follow_symlinks`` off a symbolic link (or a pipe, a device) is refused by the open
    itself, so a link swapped in after any check is not followed either.
    """
    try:
        raw = _read_bytes(path, follow_symlinks)
    except FileNotFoundError:
        raise UnreadableFileError(messages.text("read.not-found"), path) from None
    except OSError as exc:
        raise UnreadableFileError(
            messages.text("read.cannot-read", detail=str(exc.strerror)), path
        ) from None
    try:
        # utf-8-sig: a byte-order mark some Windows editors add is not part of the text.
        return raw.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise UnreadableFileError(messages.text("read.not-utf8"), path, line) from None


def _read_bytes(path: Path, follow_symlinks: bool) -> bytes:
    if follow_symlinks:
        return path.read_bytes()
    try:
        return read_regular_file(path)
    except UnsafeFileError as exc:
        if exc.errno == errno.ELOOP:
            raise UnreadableFileError(messages.text("read.symlink"), path) from None
        raise UnreadableFileError(exc.strerror, path) from None


def read_card_text(path: Path) -> str:
    """The text of a card file, refusing a symbolic link (the file or the cards folder).

    A card file linked to a file outside the issue would otherwise be shown, exported and
    even written back into the issue by journal recovery.
    """
    if path.parent.is_symlink():
        raise UnreadableFileError(messages.text("read.cards-symlink", folder=CARDS_DIR), path)
    return read_text(path, follow_symlinks=False)


class _Fields:
    """Type-checked access to a mapping read from YAML, with errors naming file and line."""

    def __init__(
        self, data: Any, node: Node | None, path: Path, line_offset: int = 0, what: str = ""
    ):
        if not isinstance(data, dict):
            line = node_line(node)
            raise IssueFormatError(
                f"{what or 'document'} must be a mapping",
                path,
                (line or 1) + line_offset,
            )
        self.data, self.node, self.path, self.offset = data, node, path, line_offset

    def fail_at(self, node: Node | None, message: str) -> IssueFormatError:
        line = node_line(node) or node_line(self.node)
        return IssueFormatError(message, self.path, line + self.offset if line else None)

    def fail(self, key: str, message: str) -> IssueFormatError:
        pair = key_node(self.node, key)
        return self.fail_at(pair[0] if pair else None, f"field '{key}' {message}")

    def value_node(self, key: str) -> Node | None:
        pair = key_node(self.node, key)
        return pair[1] if pair else None

    def sub(self, key: str) -> _Fields:
        """A nested mapping (``source``, ``numbering``)."""
        value = self.data.get(key)
        if value is None:
            value = {}
        if not isinstance(value, dict):
            raise self.fail(key, "must be a mapping")
        return _Fields(value, self.value_node(key), self.path, self.offset, key)

    def str(self, key: str, default: str = "") -> str:
        value = self.data.get(key, default)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.fail(key, "must be text")
        if not isinstance(value, str):
            # Unquoted "1.10" or "007" typed by hand: keep what was written, not 1.1 or 7.
            node = self.value_node(key)
            return node.value if isinstance(node, ScalarNode) else str(value)
        return value

    def opt_int(self, key: str) -> int | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, "must be a whole number")
        return value

    def str_list(self, key: str) -> list[str]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(
            isinstance(v, str | int) and not isinstance(v, bool) for v in value
        ):
            raise self.fail(key, "must be a list of text items")
        return [str(v) for v in value]

    def records(self, key: str) -> list[_Fields]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(key, "must be a list")
        seq = self.value_node(key)
        return [
            _Fields(v, item_node(seq, i), self.path, self.offset, f"each item of '{key}'")
            for i, v in enumerate(value)
        ]

    def choice(self, key: str, enum: type, default: Any) -> Any:
        value = self.data.get(key)
        if value is None:
            return default
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(e.value for e in enum)
            raise self.fail(key, f"must be one of: {allowed}") from None

    def date(self, key: str) -> dt.date | None:
        value = self.data.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise self.fail(key, "must be a date written YYYY-MM-DD")


def _parse_outline(fields: _Fields) -> tuple[list[Section], dict[str, list[str]]]:
    """Sections plus a map of card id -> child ids found in the outline."""
    sections: list[Section] = []
    children: dict[str, list[str]] = {}
    seen: set[str] = set()

    def claim(node_id: Any, node: Node | None, what: str) -> None:
        # Section and card ids share one namespace: outline operations look both up by id.
        if node_id in seen:
            raise fields.fail_at(node, f"{what} id '{node_id}' appears twice in the outline")
        seen.add(node_id)

    def card_entries(items: Any, node: Node | None, what: str) -> list[str]:
        if not isinstance(items, list):
            raise fields.fail_at(node, f"{what} must be a list of card ids")
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
                raise fields.fail_at(entry_node, f"{what} holds an invalid card id: {card_id!r}")
            claim(card_id, entry_node, "card")
            ids.append(card_id)
            children[card_id] = card_entries(
                sub if sub is not None else [], sub_node, f"sub-cards of '{card_id}'"
            )
        return ids

    for rec in fields.records("outline"):
        section_id = rec.str("id")
        if not is_valid_id(section_id):
            raise rec.fail("id", f"is not a valid section id: {section_id!r}")
        claim(section_id, rec.value_node("id"), "section")
        cards = rec.data.get("cards")
        sections.append(
            Section(
                id=section_id,
                title=rec.str("title"),
                emoji=rec.str("emoji"),
                intro=rec.str("intro"),
                card_ids=card_entries(
                    cards if cards is not None else [],
                    rec.value_node("cards"),
                    f"field 'cards' of section '{section_id}'",
                ),
            )
        )
    return sections, children


def parse_manifest(text: str, path: Path) -> tuple[Issue, dict[str, list[str]]]:
    refuse_merge_markers(text, path)
    data, node = load_yaml_node(text, path)
    fields = _Fields(data, node, path, what="issue.yaml")
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


def _typography(fields: _Fields) -> Typography:
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
    f = _Fields(data, node, path, line_offset=1, what="front matter")
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


def read_card(folder: Path, card_id: str) -> Card:
    path = card_path(folder, card_id)
    return parse_card(read_card_text(path), path, card_id)


def load_issue(folder: Path | str, texts: dict[str, str] | None = None) -> Issue:
    """Load an issue folder. A bad card file becomes an unreadable placeholder card.

    ``texts``, when given, receives the text of every file read (path -> text), so a caller
    that watches the files for outside changes does not read them all a second time.
    """
    folder = Path(folder)
    path = manifest_path(folder)
    if not path.exists():
        raise IssueNotFoundError(messages.text("read.not-issue"), folder)
    manifest_text = read_text(path)
    issue, children = parse_manifest(manifest_text, path)
    issue.folder = folder
    if texts is not None:
        texts[str(path)] = manifest_text
    ids = [cid for s in issue.sections for cid in s.card_ids] + [
        cid for subs in children.values() for cid in subs
    ]
    for card_id in ids:
        card_file = card_path(folder, card_id)
        try:
            text = read_card_text(card_file)
            if texts is not None:
                texts[str(card_file)] = text
            card = parse_card(text, card_file, card_id)
        except (IssueFormatError, UnreadableFileError) as exc:
            reason = exc.text or exc.message
            card = Card(id=card_id, title=card_id, unreadable=exc.describe())
            card.unreadable_reason = messages.text(
                "read.unreadable-card", where=exc.where(), reason=reason
            )
        card.child_ids = children.get(card_id, [])
        issue.cards[card_id] = card
    return issue


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


def save_card(folder: Path, card: Card) -> bool:
    """Write one card atomically. Unreadable cards are never written. True if written."""
    if card.unreadable:
        return False
    return write_if_changed(card_path(folder, card.id), serialize_card(card))


def save_manifest(folder: Path, issue: Issue) -> bool:
    return write_if_changed(manifest_path(folder), serialize_manifest(issue))


def save_issue(issue: Issue, folder: Path | str | None = None) -> list[Path]:
    """Write the manifest and every readable card; return the paths actually written.

    Card files no longer in the outline are moved to .masthead/trash, never deleted.
    """
    folder = Path(folder or issue.folder)
    written: list[Path] = []
    (folder / CARDS_DIR).mkdir(parents=True, exist_ok=True)
    (folder / ASSETS_DIR).mkdir(exist_ok=True)
    for card in issue.ordered_cards():
        if save_card(folder, card):
            written.append(card_path(folder, card.id))
    if save_manifest(folder, issue):
        written.append(manifest_path(folder))
    trash_orphans(folder, issue)
    issue.folder = folder
    return written


def trash_orphans(folder: Path, issue: Issue) -> list[Path]:
    live = {c.id for c in issue.ordered_cards()}
    moved = []
    trash = folder / STATE_DIR / "trash"
    for path in sorted((folder / CARDS_DIR).glob("*.md")):
        if path.stem not in live:
            trash.mkdir(parents=True, exist_ok=True)
            target = trash / path.name
            n = 2
            while target.exists():  # an earlier copy of this card in the trash is kept too
                target = trash / f"{path.stem}.{n}{path.suffix}"
                n += 1
            os.replace(path, target)
            moved.append(target)
    return moved
