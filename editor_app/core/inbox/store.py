"""The inbox of a library: ``<library>/inbox/<id>.yaml``, one small file per item.

One file per item keeps git merges quiet (two editors adding links touch different files)
and every write atomic (``core/atomic.py``): an item file is either the old one or the new
one, never half written. Writers (the window, ``masthead inbox``) take a file lock on
``<library>/.masthead/inbox-lock`` around each read-modify-write, so two imports at once
never write the same item from stale copies.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from editor_app.core.atomic import atomic_write_text, remove_stray_temps
from editor_app.core.errors import InboxError
from editor_app.core.inbox.item import (
    INBOX_DIR,
    ITEM_SUFFIX,
    Candidate,
    InboxItem,
    inbox_error,
    item_id,
    merge_into,
    new_item,
    parse_item,
    serialize_item,
)
from editor_app.core.lock import file_lock
from editor_app.core.storage import STATE_DIR
from editor_app.core.url_normalize import normalize_url

LOCK_NAME = "inbox-lock"
# One import takes at most this many new links: an inbox is the month's reading, and a
# feed or bookmarks file of ten thousand entries would bury it (the rest is reported).
MAX_NEW_ITEMS = 1000
MAX_ITEM_BYTES = 256 * 1024  # an item file is a few hundred bytes; bigger is not ours

_DURABLE_EACH = 20  # up to this many files in one write are each flushed to disk on their own

try:  # The C loader reads a thousand small items in a blink.
    _FastLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _FastLoader = yaml.SafeLoader


@dataclass
class InboxListing:
    items: list[InboxItem]  # newest first
    problems: list[InboxError] = field(default_factory=list)  # unreadable item files


@dataclass
class AddReport:
    added: list[InboxItem] = field(default_factory=list)
    merged: list[InboxItem] = field(default_factory=list)  # existing items that changed
    unchanged: list[InboxItem] = field(default_factory=list)  # duplicates with nothing new
    skipped: int = 0  # not web addresses
    found: int = 0  # links offered
    capped: bool = False  # more than MAX_NEW_ITEMS new links: the rest were left out
    duplicates: int = 0  # links offered that were already in (or earlier in this batch)

    @property
    def merged_count(self) -> int:
        return self.duplicates


def _read_item(path: Path) -> InboxItem:
    try:
        if path.stat().st_size > MAX_ITEM_BYTES:
            raise inbox_error(
                "inbox.unreadable-item", path, name=path.name, reason="file too large"
            )
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise inbox_error("inbox.unreadable-item", path, name=path.name, reason=reason) from None
    if "&" not in text and "*" not in text and "<<<<<<<" not in text:
        try:
            data = yaml.load(text, Loader=_FastLoader)  # noqa: S506 - the C SafeLoader
        except yaml.YAMLError:
            data = None
        if isinstance(data, dict) and isinstance(data.get("url"), str):
            return parse_item(text, path, data)
    return parse_item(text, path)  # the strict reader, with a line number for the fault


class Inbox:
    """The inbox of one library. Every method reads the files afresh: they are the truth."""

    def __init__(self, library: Path | str):
        self.library = Path(library)
        self.folder = self.library / INBOX_DIR
        self.lock_path = self.library / STATE_DIR / LOCK_NAME

    def path(self, item: str) -> Path:
        return self.folder / f"{item}{ITEM_SUFFIX}"

    @contextlib.contextmanager
    def locked(self, timeout: float | None = 10.0) -> Iterator[None]:
        with file_lock(self.lock_path, timeout):
            yield

    # -- reading -------------------------------------------------------------------------------
    def _files(self) -> list[Path]:
        try:
            with os.scandir(self.folder) as it:
                names = [
                    e.name
                    for e in it
                    if e.name.endswith(ITEM_SUFFIX) and not e.name.startswith(".") and e.is_file()
                ]
        except FileNotFoundError:
            return []
        return [self.folder / name for name in sorted(names)]

    def load(self) -> InboxListing:
        """Every readable item, newest first; unreadable files are reported, not dropped."""
        items: list[InboxItem] = []
        problems: list[InboxError] = []
        for path in self._files():
            try:
                items.append(_read_item(path))
            except InboxError as exc:
                problems.append(exc)
        items.sort(key=lambda i: (i.added, i.id), reverse=True)
        return InboxListing(items, problems)

    def get(self, item: str) -> InboxItem:
        """One item by its id (or a unique prefix of it)."""
        path = self.path(item)
        if not path.is_file():
            matches = [p for p in self._files() if p.stem.startswith(item)] if item else []
            if len(matches) != 1:
                raise inbox_error("inbox.no-item", self.folder, item=item)
            path = matches[0]
        return _read_item(path)

    # -- writing -------------------------------------------------------------------------------
    def _write(self, item: InboxItem, durable: bool = True) -> None:
        atomic_write_text(self.path(item.id), serialize_item(item), durable)

    def _write_all(self, items: list[InboxItem]) -> None:
        """Each file atomically; a big batch is flushed to disk once at the end rather than
        file by file (a thousand fsyncs took 11 s, one sync a fraction of that)."""
        if len(items) <= _DURABLE_EACH:
            for item in items:
                self._write(item)
            return
        for item in items:
            self._write(item, durable=False)
        _flush_to_disk(self.folder)

    def add(
        self, candidates: Iterable[Candidate], origin: str, limit: int = MAX_NEW_ITEMS
    ) -> AddReport:
        """Add links; one already in the inbox (any spelling) is merged into its item."""
        report = AddReport()
        with self.locked():
            self.folder.mkdir(parents=True, exist_ok=True)
            remove_stray_temps(self.folder)  # halves of writes a killed writer left
            existing = {i.key: i for i in self.load().items}
            by_id = {i.id: i for i in existing.values()}
            touched: dict[str, InboxItem] = {}
            for candidate in candidates:
                report.found += 1
                key_item = existing.get(normalize_url(candidate.url))
                if key_item is None:
                    # A file of this id that holds something else (unreadable, or edited
                    # by hand to another address) is left alone.
                    new_id = item_id(candidate.url)
                    if new_id in by_id or self.path(new_id).exists():
                        report.skipped += 1
                        continue
                    if len(report.added) >= limit:
                        report.capped = True
                        continue
                    item = new_item(candidate, origin)
                    existing[item.key] = by_id[item.id] = item
                    report.added.append(item)
                    touched[item.id] = item
                    continue
                report.duplicates += 1
                if merge_into(key_item, candidate):
                    touched[key_item.id] = key_item
                elif key_item.id not in touched:
                    report.unchanged.append(key_item)
            added_ids = {i.id for i in report.added}
            report.merged = [i for i in touched.values() if i.id not in added_ids]
            report.unchanged = [i for i in report.unchanged if i.id not in touched]
            self._write_all(list(touched.values()))
        return report

    def write_locked(self, item: InboxItem) -> None:
        """Write one item read under ``locked()``, which the caller still holds (the lock
        is not re-entrant: ``put`` would wait for it)."""
        self._write(item)

    def put(self, items: Iterable[InboxItem]) -> None:
        """Write these items as they are (an edit, fetched titles, or an undone removal)."""
        with self.locked():
            self.folder.mkdir(parents=True, exist_ok=True)
            self._write_all(list(items))

    def remove(self, ids: Iterable[str]) -> list[InboxItem]:
        """Delete these items; return them as they were (to put back on undo)."""
        removed = []
        with self.locked():
            for item in ids:
                path = self.path(item)
                try:
                    removed.append(_read_item(path))
                except InboxError:
                    pass
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
        return removed


def _flush_to_disk(folder: Path) -> None:
    """Everything written so far on the disk, then the folder's entries (the renames)."""
    if hasattr(os, "sync"):
        os.sync()
    fd = None
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        os.fsync(fd)
    if fd is not None:
        os.close(fd)
