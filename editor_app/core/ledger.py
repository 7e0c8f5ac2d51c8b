"""The archive ledger: which URLs every issue of a library already featured.

Kept in ``<library>/.masthead/ledger.json``, a cache that can be deleted at any time. Each
issue's entry carries a signature (mtime and size of issue.yaml and of every card file), so a
refresh re-reads only the issues that changed, appeared or vanished.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from editor_app.core.atomic import atomic_write_text
from editor_app.core.errors import IssueNotFoundError, MastheadError
from editor_app.core.ledger_record import (  # the kinds are the ledger's vocabulary too
    FEATURED_KINDS,
    LEDGER_KINDS,
    MENTION_KINDS,  # noqa: F401
    Normalized,
    link_count,
    packed_links_valid,
    read_issue_record,
    read_manifest_fields,
    record_urls,
    scalar_text,
    signature_and_sizes,
    unpack_links,
)
from editor_app.core.storage import MANIFEST, STATE_DIR
from editor_app.core.url_normalize import normalize_url

LEDGER_FILE = "ledger.json"
LEDGER_FORMAT = 3


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
    """The archive ledger of one library. ``refresh()`` before use; a lookup is a dict hit
    and a walk over the links of the (few) issues holding the URL."""

    def __init__(self, library: Path | str):
        self.library = Path(library)
        self.cache_path = self.library / STATE_DIR / LEDGER_FILE
        self.records: dict[str, dict[str, Any]] = {}
        self._index: tuple[dict[str, str], dict[str, list[str]]] | None = None
        self._links: dict[str, list[tuple[str, str, str]]] = {}  # unpacked on first hit

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
                sig, sizes = signature_and_sizes(folder)
                if sig is None:
                    continue
                old = cached.get(name)
                if old is not None and old.get("sig") == sig:
                    records[name] = old
                else:
                    records[name] = read_issue_record(folder, sig, normalized, sizes)
                    read += 1
        removed = len(set(cached) - set(records))
        changed = force or read > 0 or removed > 0 or not self.cache_path.is_file()
        self.records = records
        self._index, self._links = None, {}
        written = self._save_cache() if changed else False
        links = sum(link_count(r) for r in records.values())
        return RefreshStats(len(records), read, removed, links, written)

    def rebuild(self) -> RefreshStats:
        return self.refresh(force=True)

    # lookups --------------------------------------------------------------------------------
    def index(self) -> tuple[dict[str, str], dict[str, list[str]]]:
        """Normalised URL -> the issue folder holding it, and URL -> the issue folders for
        URLs more than one issue holds; built on first use. Which card holds it and as what
        is read from those issues' records when a URL is looked up: no small tuple per link
        to build (there are 86 000 in 400 issues) for the few hundred URLs looked up."""
        if self._index is None:
            single: dict[str, str] = {}
            multi: dict[str, list[str]] = {}
            with _gc_paused():
                for name, record in self.records.items():
                    urls = dict.fromkeys(record_urls(record), name)
                    for url in single.keys() & urls.keys():
                        names = multi.get(url)
                        if names is None:
                            multi[url] = [single[url], name]
                        else:
                            names.append(name)
                    single.update(urls)
            self._index = (single, multi)
        return self._index

    def _hits(self, key: str) -> list[tuple[str, str, str]]:
        """[(issue folder name, card id, kind)] of a normalised URL, in ledger order."""
        single, multi = self.index()
        names = multi.get(key) or ([single[key]] if key in single else [])
        hits = []
        for name in names:
            links = self._links.get(name)
            if links is None:
                links = self._links[name] = unpack_links(self.records[name])
            hits += [(name, card, kind) for url, card, kind in links if url == key]
        return hits

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
        hits = self._hits(key)
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
    return scalar_text(data.get("slug")) if isinstance(data, dict) else ""


def _valid_record(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("sig"), str)
        and isinstance(value.get("slug"), str)
        and isinstance(value.get("title"), str)
        and isinstance(value.get("cards"), dict)
        and packed_links_valid(value)
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
