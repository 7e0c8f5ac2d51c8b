"""The archive ledger: which URLs every issue of a library already featured.

Kept in ``<library>/.masthead/ledger.json``, a cache that can be deleted at any time. Each
issue's entry carries a signature (mtime and size of issue.yaml and of every card file), so a
refresh re-reads only the issues that changed, appeared or vanished.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from editor_app.core.atomic import atomic_write_text
from editor_app.core.errors import IssueNotFoundError, MastheadError
from editor_app.core.ledger_fastscan import scan_card_fast, text_urls_fast
from editor_app.core.ledger_scan import NeedsExactRead, decode_file, scan_manifest
from editor_app.core.links import links_of_card, normalize_url
from editor_app.core.model import Card, FurtherReading, Link, Source
from editor_app.core.storage import (
    CARDS_DIR,
    MANIFEST,
    STATE_DIR,
    parse_card,
    read_card_text,
    read_text,
    split_front_matter,
)

LEDGER_FILE = "ledger.json"
LEDGER_FORMAT = 2
_READ_SIZE = 1 << 16  # one read holds any card file written by hand
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


@dataclass(frozen=True)
class LedgerEntry:
    url: str  # normalised
    folder: str  # issue folder name inside the library
    slug: str
    card: str  # the card id, or the section id for kind "intro"
    card_title: str
    kind: str
    date: dt.date | None
    issue_title: str
    number: int | None

    @property
    def featured(self) -> bool:
        """An item's own link there (else only a mention in passing)."""
        return self.kind in FEATURED_KINDS

    def to_json(self) -> dict[str, Any]:
        intro = self.kind == "intro"
        return {
            "issue": self.slug,
            "card": None if intro else self.card,
            "section": self.card if intro else None,
            "card_title": self.card_title,
            "kind": self.kind,
            "as": "featured" if self.featured else "mentioned",
            "date": self.date.isoformat() if self.date else None,
            "issue_title": self.issue_title,
            "number": self.number,
        }


@dataclass(frozen=True)
class RefreshStats:
    issues: int = 0
    read: int = 0  # issues (re)read from disk
    removed: int = 0
    links: int = 0
    written: bool = False

    def __str__(self) -> str:
        return (
            f"{self.issues} issues, {self.read} read, {self.removed} removed, "
            f"{self.links} links, cache {'written' if self.written else 'unchanged'}"
        )


# -- reading one issue quickly ----------------------------------------------------------------
def _fast_yaml(text: str, path: Path) -> Any:
    if "&" in text or "*" in text:
        from editor_app.core.yamlio import load_yaml  # strict: refuses aliases

        return load_yaml(text, path)
    return yaml.load(text, Loader=_FastLoader)  # noqa: S506 - the C SafeLoader


def read_manifest_fields(path: Path) -> Any:
    """What the ledger reads of an issue.yaml: the cheap scan, or YAML when it declines."""
    text = read_text(path)
    try:
        return scan_manifest(text)
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


def _s(value: Any) -> str:
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
        title=_s(data.get("title")),
        source=Source(_s(src.get("title")), _s(src.get("url"))) if isinstance(src, dict) else None,
        links=[Link(_s(r.get("label")), _s(r.get("url"))) for r in records("links")],
        body=body,
        further_reading=[
            FurtherReading(_s(r.get("title")), _s(r.get("url")), "")
            for r in records("further_reading")
        ],
        note=_s(data.get("note")),
    )


def _signature(folder: Path) -> str | None:
    """mtime and size of issue.yaml and every card file; None if no manifest."""
    try:
        st = os.stat(folder / MANIFEST)
    except OSError:
        return None
    parts = [f"{st.st_mtime_ns}:{st.st_size}"]
    try:
        with os.scandir(folder / CARDS_DIR) as it:
            for entry in it:
                if entry.name.endswith(".md"):
                    cst = entry.stat()
                    parts.append(f"{entry.name}:{cst.st_mtime_ns}:{cst.st_size}")
    except OSError:
        pass
    parts[1:] = sorted(parts[1:])
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=12).hexdigest()


class Normalized(dict[str, str]):
    """URL -> ``normalize_url(URL)``, each computed on first use."""

    def __missing__(self, url: str) -> str:
        key = self[url] = normalize_url(url)
        return key


def read_issue_record(
    folder: Path, signature: str | None = None, normalized: Normalized | None = None
) -> dict[str, Any]:
    """The ledger record of one issue: metadata, card titles and its (normalised) links.

    ``normalized`` memoises URL -> key across the issues of one refresh (archives repeat
    hosts' links, and each key costs a regular expression or a ``urlsplit``).
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
        "links": [],
    }
    try:
        data = read_manifest_fields(path)
    except (MastheadError, yaml.YAMLError) as exc:
        record["error"] = exc.describe() if isinstance(exc, MastheadError) else str(exc)
        return record
    if not isinstance(data, dict):
        record["error"] = f"{path}: issue.yaml must be a mapping"
        return record
    record["slug"] = _s(data.get("slug")) or folder.name
    record["title"] = _s(data.get("title")) or folder.name
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
            intro, owner = section.get("intro"), _s(section.get("id"))
            if isinstance(intro, str) and owner:
                record["cards"][owner] = _s(section.get("title"))
                keys += [(memo[url], owner, "intro") for url in text_urls_fast(intro)]
    cards = os.path.join(folder, CARDS_DIR)
    titles = record["cards"]
    for card_id in dict.fromkeys(ids):
        try:
            title, found = _card_urls(f"{cards}{os.sep}{card_id}.md", card_id)
        except (MastheadError, yaml.YAMLError, OSError, UnicodeDecodeError):
            continue  # an unreadable card features nothing; `check` reports it
        titles[card_id] = title
        keys += [(memo[url], card_id, kind) for url, kind in found]
    # Each (URL, owner, kind) once, in the order found; tuples are written as JSON lists.
    record["links"] = list(dict.fromkeys(keys))
    return record


def _card_urls(path: str, card_id: str) -> tuple[str, list[tuple[str, str]]]:
    """(title, [(web URL, kind)]) of one card file: the cheap scan, or the exact read."""
    text = decode_file(_read_bytes(path))
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


def _read_bytes(path: str) -> bytes:
    """The whole file, read through its descriptor: a buffered file object per card file
    doubles the cost of reading 15 000 of them."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        data = os.read(fd, _READ_SIZE)
        if data:
            while chunk := os.read(fd, _READ_SIZE):
                data += chunk
        return data
    finally:
        os.close(fd)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Creating 100 000 small containers triggers full collections that find nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# -- the ledger -------------------------------------------------------------------------------
class Ledger:
    """The archive ledger of one library. ``refresh()`` before use; lookups are dict hits."""

    def __init__(self, library: Path | str):
        self.library = Path(library)
        self.cache_path = self.library / STATE_DIR / LEDGER_FILE
        self.records: dict[str, dict[str, Any]] = {}
        self._index: dict[str, list[tuple[str, str, str]]] | None = None

    # cache ----------------------------------------------------------------------------------
    def _load_cache(self) -> dict[str, dict[str, Any]]:
        try:
            with _gc_paused():
                data = json.loads(self.cache_path.read_text("utf-8"))
        except (OSError, ValueError):
            return {}  # missing or corrupt: rebuilt from the issues
        if not isinstance(data, dict) or data.get("format") != LEDGER_FORMAT:
            return {}
        issues = data.get("issues")
        if not isinstance(issues, dict):
            return {}
        return {k: v for k, v in issues.items() if _valid_record(v)}

    def _save_cache(self) -> bool:
        payload = {"format": LEDGER_FORMAT, "issues": self.records}
        try:
            # A cache: a power cut may lose it (it is rebuilt), so no fsync of 5 MB.
            text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
            atomic_write_text(self.cache_path, text, durable=False)
        except OSError:
            return False  # a read-only library still answers lookups from memory
        return True

    # building -------------------------------------------------------------------------------
    def _check_library(self) -> None:
        if not self.library.is_dir():
            raise IssueNotFoundError("archive library folder not found", self.library)
        if (self.library / MANIFEST).is_file():
            raise MastheadError(
                "this is an issue folder; the archive must be a library (a folder of issues)",
                self.library,
            )

    def refresh(self, force: bool = False) -> RefreshStats:
        """Bring the ledger up to date, re-reading only changed issues (all with ``force``)."""
        self._check_library()
        cached = {} if force else (self.records or self._load_cache())
        records: dict[str, dict[str, Any]] = {}
        read = 0
        normalized = Normalized()
        with os.scandir(self.library) as it:
            folders = sorted(e.name for e in it if e.is_dir() and not e.name.startswith("."))
        with _gc_paused():  # a cold build makes ~100 000 lists: collections find nothing
            for name in folders:
                folder = self.library / name
                sig = _signature(folder)
                if sig is None:
                    continue
                old = cached.get(name)
                if old is not None and old.get("sig") == sig:
                    records[name] = old
                else:
                    records[name] = read_issue_record(folder, sig, normalized)
                    read += 1
        removed = len(set(cached) - set(records))
        changed = force or read > 0 or removed > 0 or not self.cache_path.is_file()
        self.records = records
        self._index = None
        written = self._save_cache() if changed else False
        links = sum(len(r["links"]) for r in records.values())
        return RefreshStats(len(records), read, removed, links, written)

    def rebuild(self) -> RefreshStats:
        return self.refresh(force=True)

    # lookups --------------------------------------------------------------------------------
    def index(self) -> dict[str, list[tuple[str, str, str]]]:
        """Normalised URL -> [(issue folder name, card id, kind)], built on first use."""
        if self._index is None:
            index: dict[str, list[tuple[str, str, str]]] = {}
            get = index.get
            with _gc_paused():
                for name, record in self.records.items():
                    for url, card, kind in record["links"]:
                        hits = get(url)
                        if hits is None:
                            index[url] = [(name, card, kind)]
                        else:
                            hits.append((name, card, kind))
            self._index = index
        return self._index

    def lookup(
        self,
        url: str,
        exclude: Iterable[str] = (),
        kinds: Iterable[str] = LEDGER_KINDS,
        until: dt.date | None = None,
        number: int | None = None,
    ) -> list[LedgerEntry]:
        """Where ``url`` (any spelling) was featured or mentioned, newest issue first.

        ``until`` and ``number`` are the date and number of the issue being checked: only
        issues before it count (see ``is_before``). Neither given: every issue counts.
        """
        key = normalize_url(url)
        hits = self.index().get(key, ())
        if not hits:
            return []
        skip, allowed = set(exclude), set(kinds)
        out = [self._entry(key, *hit) for hit in hits if hit[0] not in skip and hit[2] in allowed]
        if until is not None or number is not None:
            out = [e for e in out if is_before(e.date, e.number, until, number)]
        out.sort(key=lambda e: (e.date or dt.date.min, e.number or 0, e.folder), reverse=True)
        return out

    def _entry(self, url: str, name: str, card: str, kind: str) -> LedgerEntry:
        record = self.records[name]
        date = dt.date.fromisoformat(record["date"]) if record.get("date") else None
        return LedgerEntry(
            url, name, record["slug"], card, record["cards"].get(card, ""), kind, date,
            record["title"], record["number"],
        )  # fmt: skip

    def folders_matching(self, folder: Path | str | None) -> set[str]:
        """Ledger issue names that are ``folder`` (or a copy of it with the same slug)."""
        if folder is None:
            return set()
        folder = Path(folder)
        names = set()
        try:
            if folder.resolve().parent == self.library.resolve():
                names.add(folder.name)
        except OSError:
            pass
        slug = _manifest_slug(folder)
        if slug:
            names.update(n for n, r in self.records.items() if r.get("slug") == slug)
        return names


def is_before(
    date: dt.date | None, number: int | None, until: dt.date | None, until_number: int | None
) -> bool:
    """Whether an archived issue (``date``, ``number``) came before the one being checked.

    Dates decide when both issues have one (same day: the lower number first); otherwise
    numbers decide when both have one. An archived issue with neither a comparable date nor
    a comparable number (an undated draft) is not known to be earlier, so it never counts;
    an issue being checked with neither date nor number is new, so everything counts.
    """
    if until is None and until_number is None:
        return True
    if date is not None and until is not None:
        if date != until:
            return date < until
        return number is not None and until_number is not None and number < until_number
    if number is not None and until_number is not None:
        return number < until_number
    return False


def _manifest_slug(folder: Path) -> str:
    try:
        data = read_manifest_fields(folder / MANIFEST)
    except (MastheadError, yaml.YAMLError):
        return ""
    return _s(data.get("slug")) if isinstance(data, dict) else ""


def _valid_record(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("sig"), str)
        and isinstance(value.get("slug"), str)
        and isinstance(value.get("title"), str)
        and isinstance(value.get("cards"), dict)
        and isinstance(value.get("links"), list)
        and all(isinstance(x, list) and len(x) == 3 for x in value["links"])
        and (value.get("date") is None or isinstance(value.get("date"), str))
    )


def open_ledger(library: Path | str) -> Ledger:
    """The library's ledger, refreshed."""
    ledger = Ledger(library)
    ledger.refresh()
    return ledger


def featured_lookup(
    library: Path | str,
    exclude: Path | str | None = None,
    kinds: Iterable[str] = LEDGER_KINDS,
    until: dt.date | None = None,
    number: int | None = None,
) -> Callable[[str], list[tuple[str, str, str]]]:
    """For the checks: URL -> [(issue slug, card or section id, kind)] of earlier issues
    that featured or mentioned it (``until``/``number``: the checked issue's date and number).

    ``exclude`` is the issue being checked (its own folder, or a copy of it with the same
    slug, never counts).
    """
    ledger = open_ledger(library)
    skip = frozenset(ledger.folders_matching(exclude))
    allowed = tuple(kinds)
    ledger.index()  # built now, so the first lookup is as fast as the others

    def lookup(url: str) -> list[tuple[str, str, str]]:
        return [(e.slug, e.card, e.kind) for e in ledger.lookup(url, skip, allowed, until, number)]

    return lookup
