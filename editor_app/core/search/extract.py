"""The searchable text of one issue folder, read quickly and without the full card parser.

Each issue gives one entry for itself (title and summary), one per section (title and
intro) and one per card (title, body, note, and its links as text: source, project links,
further reading). A card file that cannot be read is left out, as the ledger does; the
issue's checks report it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from editor_app.core.errors import MastheadError
from editor_app.core.issue_format import parse_card, split_front_matter
from editor_app.core.ledger_scan import decode_file
from editor_app.core.search.header import NotPlain, read_header
from editor_app.core.storage import CARDS_DIR, MANIFEST, read_text

try:  # The C loader reads thousands of card headers a second.
    _FastLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _FastLoader = yaml.SafeLoader

ISSUE, SECTION, CARD = "issue", "section", "card"


@dataclass(frozen=True)
class Entry:
    kind: str  # ISSUE, SECTION or CARD
    owner: str  # the section or card id; "" for the issue itself
    position: int  # order in the issue: the issue itself first, then sections and cards as outlined
    section: str  # title of the section it belongs to
    title: str
    body: str  # a card's body, a section's intro, the issue's summary
    note: str = ""
    links: str = ""  # titles, labels and URLs of the card's links, one per line


@dataclass
class IssueRecord:
    folder: str  # the issue folder's name inside the library
    sig: str
    slug: str = ""
    title: str = ""
    number: int | None = None
    date: str | None = None  # ISO date
    error: str = ""
    entries: list[Entry] = field(default_factory=list)


def issue_signature(folder: Path) -> tuple[str | None, set[str]]:
    """(mtime and size of issue.yaml and every card file, hashed; the card files that are
    regular files). The signature is None when there is no issue.yaml."""
    try:
        st = os.stat(folder / MANIFEST)
    except OSError:
        return None, set()
    parts = [f"{st.st_mtime_ns}:{st.st_size}"]
    regular: set[str] = set()
    try:
        with os.scandir(folder / CARDS_DIR) as it:
            for entry in it:
                if entry.name.endswith(".md"):
                    cst = entry.stat(follow_symlinks=False)
                    parts.append(f"{entry.name}:{cst.st_mtime_ns}:{cst.st_size}")
                    if entry.is_file(follow_symlinks=False):
                        regular.add(entry.name)
    except OSError:
        pass
    parts[1:] = sorted(parts[1:])
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=12).hexdigest(), regular


def _s(value: Any) -> str:
    return str(value) if isinstance(value, str | int | float) and value is not None else ""


def _load(text: str, path: Path) -> Any:
    if "&" in text or "*" in text:
        from editor_app.core.yamlio import load_yaml  # strict: refuses aliases

        return load_yaml(text, path)
    return yaml.load(text, Loader=_FastLoader)  # noqa: S506 - the C SafeLoader


def _outline(entries: Any, out: list[str]) -> None:
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict):
            for key, sub in entry.items():
                out.append(str(key))
                _outline(sub, out)
        elif isinstance(entry, str):
            out.append(entry)


def _records(data: dict, key: str) -> list[dict]:
    value = data.get(key)
    return [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []


def _card_fields(path: Path, card_id: str) -> tuple[str, str, str, str]:
    """(title, body, note, links text) of one card file."""
    with open(path, "rb") as handle:
        text = decode_file(handle.read())
    front, body = split_front_matter(text, path)
    try:
        title, note, lines = read_header(front)
        return title, body, note, "\n".join(lines)
    except NotPlain:
        pass
    if "&" in front or "*" in front:
        card = parse_card(text, path, card_id)  # the strict reader for anything unusual
        lines = []
        if card.source is not None:
            lines += [card.source.title, card.source.url]
        for link in card.links:
            lines += [link.label, link.url]
        for item in card.further_reading:
            lines += [item.title, item.url, item.summary]
        return card.title, card.body, card.note, "\n".join(x for x in lines if x)
    data = yaml.load(front, Loader=_FastLoader) or {}  # noqa: S506 - the C SafeLoader
    if not isinstance(data, dict):
        raise MastheadError("front matter must be a mapping", path)
    lines = []
    source = data.get("source")
    if isinstance(source, dict):
        lines += [_s(source.get("title")), _s(source.get("url"))]
    for record in _records(data, "links"):
        lines += [_s(record.get("label")), _s(record.get("url"))]
    for record in _records(data, "further_reading"):
        lines += [_s(record.get(k)) for k in ("title", "url", "summary")]
    note = _s(data.get("note")).strip("\n")
    return _s(data.get("title")), body, note, "\n".join(x for x in lines if x)


def read_issue(
    folder: Path, sig: str | None = None, regular: set[str] | None = None
) -> IssueRecord:
    """The searchable entries of the issue in ``folder``; ``error`` says why it has none."""
    if sig is None or regular is None:
        sig, regular = issue_signature(folder)
    record = IssueRecord(folder.name, sig or "", slug=folder.name, title=folder.name)
    path = folder / MANIFEST
    try:
        data = _load(read_text(path), path)
    except (MastheadError, yaml.YAMLError, RecursionError) as exc:
        record.error = exc.describe() if isinstance(exc, MastheadError) else f"{path}: {exc}"
        return record
    if not isinstance(data, dict):
        record.error = f"{path}: issue.yaml must be a mapping"
        return record
    record.slug = _s(data.get("slug")) or folder.name
    record.title = _s(data.get("title")) or folder.name
    number = data.get("number")
    record.number = number if isinstance(number, int) and not isinstance(number, bool) else None
    date = data.get("date")
    if isinstance(date, dt.datetime):
        date = date.date()
    if isinstance(date, dt.date):
        record.date = date.isoformat()
    elif isinstance(date, str):
        try:
            record.date = dt.date.fromisoformat(date).isoformat()
        except ValueError:
            pass
    entries = record.entries
    entries.append(Entry(ISSUE, "", 0, "", record.title, _s(data.get("summary"))))
    outline = data.get("outline")
    cards = folder / CARDS_DIR
    seen: set[str] = set()
    for section in outline if isinstance(outline, list) else []:
        if not isinstance(section, dict):
            continue
        title = _s(section.get("title"))
        intro = section.get("intro")
        entries.append(
            Entry(SECTION, _s(section.get("id")), len(entries), title, title, _s(intro).strip("\n"))
        )
        ids: list[str] = []
        _outline(section.get("cards"), ids)
        for card_id in ids:
            name = f"{card_id}.md"
            if card_id in seen or name not in regular:
                continue  # listed twice, missing, or a link out of the issue
            seen.add(card_id)
            try:
                card_title, body, note, links = _card_fields(cards / name, card_id)
            except (MastheadError, yaml.YAMLError, OSError, UnicodeDecodeError, RecursionError):
                continue  # an unreadable card is reported by the issue's checks
            entries.append(Entry(CARD, card_id, len(entries), title, card_title, body, note, links))
    return record
