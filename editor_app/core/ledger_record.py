"""The ledger record of one issue folder: metadata, card titles and normalised links.

Built for a cold ``check --archive`` over thousands of card files: card files are read with
one call each and scanned by ``ledger_fastscan`` (the YAML loader and the link index only
for what the scan declines), and each distinct URL is normalised once per refresh.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from pathlib import Path
from typing import Any

import yaml

from editor_app.core.errors import MastheadError
from editor_app.core.issue_format import parse_card, split_front_matter
from editor_app.core.ledger_fastscan import scan_card_fast, scan_manifest_fast, text_urls_fast
from editor_app.core.ledger_scan import NeedsExactRead, decode_file
from editor_app.core.links import links_of_card
from editor_app.core.model import Card, FurtherReading, Link, Source
from editor_app.core.storage import CARDS_DIR, MANIFEST, read_card_text, read_text
from editor_app.core.url_normalize import normalize_url

_READ_SIZE = 1 << 16  # one read holds any card file written by hand
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)
# An item's own links (its source, which the page links its title to, and project links):
# these make a link "featured". Links in a card's text, its further reading and section
# intros are mentions in passing ("intro" links are owned by a section, not a card).
# Images are the issue's own files and are not recorded.
FEATURED_KINDS = ("source", "link")
MENTION_KINDS = ("inline", "further", "intro")
LEDGER_KINDS = FEATURED_KINDS + MENTION_KINDS

try:  # The C loader reads 15 000 card headers in a second or two.
    _FastLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _FastLoader = yaml.SafeLoader


def _fast_yaml(text: str, path: Path) -> Any:
    if "&" in text or "*" in text:
        from editor_app.core.yamlio import load_yaml  # strict: refuses aliases

        return load_yaml(text, path)
    return yaml.load(text, Loader=_FastLoader)  # noqa: S506 - the C SafeLoader


def read_manifest_fields(path: Path) -> Any:
    """What the ledger reads of an issue.yaml: the cheap scan, or YAML when it declines."""
    text = read_text(path)
    try:
        return scan_manifest_fast(text)
    except NeedsExactRead:
        return _fast_yaml(text, path)


def _outline_ids(entries: Any) -> list[str]:
    out: list[str] = []
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict):
            for key, sub in entry.items():
                out.append(str(key))
                out.extend(_outline_ids(sub))
        elif isinstance(entry, str):
            out.append(entry)
    return out


def scalar_text(value: Any) -> str:
    return str(value) if isinstance(value, str | int | float) and value is not None else ""


def _read_card_fast(path: Path, card_id: str) -> Card:
    text = read_card_text(path)
    front, body = split_front_matter(text, path)
    if "&" in front or "*" in front:
        return parse_card(text, path, card_id)  # strict parser for anything unusual
    data = yaml.load(front, Loader=_FastLoader) or {}  # noqa: S506 - the C SafeLoader
    if not isinstance(data, dict):
        raise MastheadError("front matter must be a mapping", path)

    def records(key: str) -> list[dict]:
        value = data.get(key)
        return [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []

    src = data.get("source")
    return Card(
        id=card_id,
        title=scalar_text(data.get("title")),
        source=Source(scalar_text(src.get("title")), scalar_text(src.get("url")))
        if isinstance(src, dict)
        else None,
        links=[
            Link(scalar_text(r.get("label")), scalar_text(r.get("url"))) for r in records("links")
        ],
        body=body,
        further_reading=[
            FurtherReading(scalar_text(r.get("title")), scalar_text(r.get("url")), "")
            for r in records("further_reading")
        ],
        note=scalar_text(data.get("note")),
    )


def _signature(folder: Path) -> str | None:
    """mtime and size of issue.yaml and every card file; None if no manifest."""
    return signature_and_sizes(folder)[0]


def signature_and_sizes(folder: Path) -> tuple[str | None, dict[str, int]]:
    """The signature, and the size of each card file by name (for reading it in one go)."""
    try:
        st = os.stat(folder / MANIFEST)
    except OSError:
        return None, {}
    parts = [f"{st.st_mtime_ns}:{st.st_size}"]
    sizes: dict[str, int] = {}
    try:
        with os.scandir(folder / CARDS_DIR) as it:
            for entry in it:
                if entry.name.endswith(".md"):
                    cst = entry.stat()
                    sizes[entry.name] = cst.st_size
                    parts.append(f"{entry.name}:{cst.st_mtime_ns}:{cst.st_size}")
    except OSError:
        pass
    parts[1:] = sorted(parts[1:])
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=12).hexdigest(), sizes


# A URL that is its own key already: https, a lower-case host without "www.", a plain path
# that is "/" or does not end in "/" (and holds no "/."), no query or fragment. Most links
# are written so; ``normalize_url`` would take them apart only to put them back together.
_KEY_FORM = re.compile(
    r"https://(?!www\.)[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/|/[A-Za-z0-9_~./-]*[A-Za-z0-9_~.-])\Z"
)


class Normalized(dict[str, str]):
    """URL -> ``normalize_url(URL)``, each computed on first use."""

    def __missing__(self, url: str) -> str:
        if _KEY_FORM.match(url) is not None and "/." not in url:
            key = self[url] = url
        else:
            key = self[url] = normalize_url(url)
        return key


def read_issue_record(
    folder: Path,
    signature: str | None = None,
    normalized: Normalized | None = None,
    sizes: dict[str, int] | None = None,
) -> dict[str, Any]:
    """The ledger record of one issue: metadata, card titles and its (normalised) links.

    ``normalized`` memoises URL -> key across the issues of one refresh (archives repeat
    hosts' links, and each key costs a regular expression or a ``urlsplit``); ``sizes``, the
    card files' sizes when the signature was taken, lets each file be read with one call.
    """
    memo = normalized if normalized is not None else Normalized()
    path = folder / MANIFEST
    record: dict[str, Any] = {
        "sig": signature if signature is not None else _signature(folder),
        "slug": folder.name,
        "title": folder.name,
        "number": None,
        "date": None,
        "cards": {},
        **pack_links([]),
    }
    try:
        data = read_manifest_fields(path)
    except (MastheadError, yaml.YAMLError) as exc:
        record["error"] = exc.describe() if isinstance(exc, MastheadError) else str(exc)
        return record
    if not isinstance(data, dict):
        record["error"] = f"{path}: issue.yaml must be a mapping"
        return record
    record["slug"] = scalar_text(data.get("slug")) or folder.name
    record["title"] = scalar_text(data.get("title")) or folder.name
    number = data.get("number")
    record["number"] = number if isinstance(number, int) and not isinstance(number, bool) else None
    date = data.get("date")
    if isinstance(date, dt.date):
        record["date"] = date.isoformat()
    elif isinstance(date, str):
        try:
            record["date"] = dt.date.fromisoformat(date).isoformat()
        except ValueError:
            pass
    ids: list[str] = []
    keys: list[tuple[str, str, str]] = []  # (normalised URL, owner, kind)
    outline = data.get("outline")
    for section in outline if isinstance(outline, list) else []:
        if isinstance(section, dict):
            ids.extend(_outline_ids(section.get("cards")))
            intro, owner = section.get("intro"), scalar_text(section.get("id"))
            if isinstance(intro, str) and owner:
                record["cards"][owner] = scalar_text(section.get("title"))
                keys += [(memo[url], owner, "intro") for url in text_urls_fast(intro)]
    cards = os.path.join(folder, CARDS_DIR)
    titles = record["cards"]
    for card_id in dict.fromkeys(ids):
        try:
            name = f"{card_id}.md"
            size = sizes.get(name, -1) if sizes is not None else -1
            title, found = _card_urls(f"{cards}{os.sep}{name}", card_id, size)
        except (MastheadError, yaml.YAMLError, OSError, UnicodeDecodeError):
            continue  # an unreadable card features nothing; `check` reports it
        titles[card_id] = title
        keys += [(memo[url], card_id, kind) for url, kind in found]
    record.update(pack_links(list(dict.fromkeys(keys))))  # each (URL, owner, kind) once
    return record


# -- a record's links ---------------------------------------------------------------------------
# A record keeps its links as three strings, the URLs, owners and kinds each joined by line
# breaks: JSON writes and reads three strings per issue far faster than a small list per
# link (86 000 of them in 400 issues), and the index takes the URLs with one split.
_PACKED = ("urls", "owners", "kinds")


def pack_links(links: list[tuple[str, str, str]]) -> dict[str, Any]:
    """``{"urls": ..., "owners": ..., "kinds": ...}`` of (normalised URL, owner, kind)s."""
    if not links:
        return dict.fromkeys(_PACKED, "")
    columns = list(zip(*links, strict=True))
    packed: dict[str, Any] = {
        key: "\n".join(items) for key, items in zip(_PACKED, columns, strict=True)
    }
    if sum(packed[key].count("\n") for key in _PACKED) != 3 * (len(links) - 1):
        # A line break inside a URL or a card id (only hand-written YAML can do that).
        packed = {
            key: "\n".join(map(_escape, items)) for key, items in zip(_PACKED, columns, strict=True)
        }
        packed["escaped"] = True
    return packed


def unpack_links(record: dict[str, Any]) -> list[tuple[str, str, str]]:
    """A record's links, (normalised URL, owner, kind) in the order found."""
    if not record["kinds"]:
        return []
    columns = [record[key].split("\n") for key in _PACKED]
    if record.get("escaped"):
        columns = [[_unescape(item) for item in column] for column in columns]
    return list(zip(*columns, strict=True))


def record_urls(record: dict[str, Any]) -> list[str]:
    """The normalised URLs of a record's links (one per link, repeats included)."""
    if not record["kinds"]:
        return []
    urls = record["urls"].split("\n")
    return [_unescape(url) for url in urls] if record.get("escaped") else urls


def link_count(record: dict[str, Any]) -> int:
    return record["kinds"].count("\n") + 1 if record["kinds"] else 0


def packed_links_valid(record: dict[str, Any]) -> bool:
    """Whether a record read from the cache holds three packed columns of one length."""
    columns = [record.get(key) for key in _PACKED]
    if not all(isinstance(column, str) for column in columns):
        return False
    urls, owners, kinds = columns
    lines = kinds.count("\n")
    return urls.count("\n") == lines == owners.count("\n") and bool(kinds or not urls + owners)


def _escape(text: str) -> str:
    return text.replace("%", "%25").replace("\n", "%0A")


def _unescape(text: str) -> str:
    return text.replace("%0A", "\n").replace("%25", "%")


def _card_urls(path: str, card_id: str, size: int = -1) -> tuple[str, list[tuple[str, str]]]:
    """(title, [(web URL, kind)]) of one card file: the cheap scan, or the exact read."""
    text = decode_file(_read_bytes(path, size))
    try:
        return scan_card_fast(text)
    except NeedsExactRead:
        pass
    card = _read_card_fast(Path(path), card_id)
    web = [
        (ref.url, ref.kind)
        for ref in links_of_card(card)
        if ref.kind in LEDGER_KINDS and ref.url.startswith(("http:", "https:"))
    ]
    return card.title, web


def _read_bytes(path: str, size: int = -1) -> bytes:
    """The whole file, read through its descriptor (a buffered file object per card file
    doubled the cost of reading 15 000 of them). With ``size``, its size when the signature
    was taken, one read asks for a byte more: exactly ``size`` bytes means the end was met.
    A file that changed in between is read to its end, and its signature is stale anyway."""
    fd = os.open(path, _OPEN_FLAGS)
    try:
        data = os.read(fd, size + 1 if size >= 0 else _READ_SIZE)
        if len(data) != size:
            while chunk := os.read(fd, _READ_SIZE):
                data += chunk
        return data
    finally:
        os.close(fd)
