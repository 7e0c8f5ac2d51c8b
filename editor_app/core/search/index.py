"""The library's search index: SQLite FTS5 in ``<library>/.masthead/search.sqlite3``.

The tables are described in ``schema.py`` and queried by ``lookup.py``. Each issue's row in
``issues`` carries the signature of its files (mtime and size of issue.yaml and of every
card file): ``refresh`` re-reads only issues whose files changed, appeared or vanished, and
``update_issue`` one issue after a save. The file is a cache: a missing, damaged or
older-format index is rebuilt from the library (``engine.with_index``).

Entries are numbered so that descending rowids run newest issue first and each issue in
outline order (``_key``): the full-text tables return rows in that order and a query stops
after the first results instead of ranking every match.

A ``SearchIndex`` holds one SQLite connection and must stay on the thread that opened it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from editor_app.core.search.extract import IssueRecord, issue_signature, read_issue
from editor_app.core.search.lookup import Row, find_rows, register_functions
from editor_app.core.search.query import Term
from editor_app.core.search.schema import (
    BUSY_TIMEOUT_MS,
    COLUMNS,
    DAY_SHIFT,
    INDEX_FILE,
    INDEX_FORMAT,
    MAX_POSITION,
    PAGE_SIZE,
    POSITION_BITS,
    SCHEMA,
    TABLES,
    TRIGGERS,
)
from editor_app.core.storage import STATE_DIR

__all__ = ["IndexDamaged", "IndexUnavailable", "RefreshStats", "Row", "SearchIndex"]


class IndexUnavailable(Exception):
    """The index cannot be used (read-only library, disk full, locked too long)."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(detail or reason)
        self.reason = reason  # "read-only" or "unavailable"
        self.detail = detail


class IndexDamaged(Exception):
    """The index file is not a usable index; it is deleted and built again."""


def _damaged(exc: sqlite3.Error) -> bool:
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or (
        # A file of another SQLite application, or our tables half made.
        name == "SQLITE_ERROR" and "no such" in str(exc)
    )


def _unavailable(exc: sqlite3.Error) -> IndexUnavailable:
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
        return IndexUnavailable("read-only", str(exc))
    return IndexUnavailable("unavailable", str(exc))


@contextlib.contextmanager
def sqlite_errors() -> Iterator[None]:
    """Turns SQLite's errors into IndexDamaged or IndexUnavailable."""
    try:
        yield
    except sqlite3.Error as exc:
        if _damaged(exc):
            raise IndexDamaged(str(exc)) from exc
        raise _unavailable(exc) from exc


@dataclass(frozen=True)
class RefreshStats:
    issues: int = 0
    read: int = 0  # issues (re)read from disk
    removed: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.read or self.removed)


def index_path(library: Path) -> Path:
    return Path(library) / STATE_DIR / INDEX_FILE


def remove_index(path: Path) -> None:
    """Delete the index and what SQLite keeps next to it."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")


def library_folders(library: Path) -> list[str]:
    """Names of the library's issue folders candidates (hidden folders are not issues)."""
    with os.scandir(library) as it:
        return sorted(e.name for e in it if e.is_dir() and not e.name.startswith("."))


class SearchIndex:
    """An open search index. ``open`` creates or repairs it; use on one thread only."""

    def __init__(self, library: Path, connection: sqlite3.Connection, created: bool):
        self.library = Path(library)
        self.db = connection
        self.created = created  # built from nothing by this open (missing or damaged)

    # -- opening ------------------------------------------------------------------------------
    @classmethod
    def open(cls, library: Path | str) -> SearchIndex:
        """The library's index, created when missing. Raises IndexDamaged for a file that is
        not a usable index (the caller removes it and opens again) and IndexUnavailable when
        it cannot be written."""
        library = Path(library)
        path = index_path(library)
        try:
            path.parent.mkdir(exist_ok=True)
        except OSError as exc:
            raise IndexUnavailable("read-only", str(exc)) from exc
        if not os.access(path.parent, os.W_OK):
            raise IndexUnavailable("read-only", f"{path.parent}: not writable")
        existed = path.is_file() and path.stat().st_size > 0
        with sqlite_errors():
            db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            with sqlite_errors():
                db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                register_functions(db)
                if existed:
                    cls._check(db)
                else:
                    cls._create(db)
        except BaseException:
            db.close()
            raise
        return cls(library, db, not existed)

    @staticmethod
    def _check(db: sqlite3.Connection) -> None:
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not names >= TABLES:
            if not names:  # an empty file (a crash before the first commit): fill it
                SearchIndex._create(db)
                return
            raise IndexDamaged("tables missing")
        for table in ("issues", "entries"):
            columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
            if columns != COLUMNS[table]:
                raise IndexDamaged(f"{table} has columns {columns}")
        row = db.execute("SELECT value FROM meta WHERE key='format'").fetchone()
        if row is None or row[0] != INDEX_FORMAT:
            raise IndexDamaged(f"format {row[0] if row else None}, expected {INDEX_FORMAT}")

    @staticmethod
    def _create(db: sqlite3.Connection) -> None:
        db.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # only acts on an empty file
        db.execute("BEGIN IMMEDIATE")
        try:
            names = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
            if "meta" not in names:  # another process may have just made it
                for statement in SCHEMA + TRIGGERS:
                    db.execute(statement)
                db.execute("INSERT INTO meta VALUES ('format', ?)", (INDEX_FORMAT,))
            db.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- keeping up to date -------------------------------------------------------------------
    def refresh(self) -> RefreshStats:
        """Re-read the issues whose files changed since they were indexed; drop vanished ones."""
        with sqlite_errors():
            known = dict(self.db.execute("SELECT folder, sig FROM issues"))
        current: list[IssueRecord] = []
        names = library_folders(self.library)
        present: set[str] = set()
        for name in names:
            folder = self.library / name
            sig, regular = issue_signature(folder)
            if sig is None:
                continue
            present.add(name)
            if known.get(name) != sig:
                current.append(read_issue(folder, sig, regular))
        gone = [name for name in known if name not in present]
        if current or gone:
            self._write(current, gone)
        return RefreshStats(len(present), len(current), len(gone))

    def update_issue(self, name: str) -> bool:
        """Bring one issue folder up to date (after a save). True when it was re-read."""
        folder = self.library / name
        sig, regular = issue_signature(folder)
        with sqlite_errors():
            row = self.db.execute("SELECT sig FROM issues WHERE folder = ?", (name,)).fetchone()
        if sig is None:
            if row is not None:
                self._write([], [name])
            return row is not None
        if row is not None and row[0] == sig:
            return False
        self._write([read_issue(folder, sig, regular)], [])
        return True

    def _key(self, record: IssueRecord) -> int:
        """The issue's place in the rowid order: its date's day number, then a free slot.

        Entries are numbered from ``key << POSITION_BITS``, so the full-text tables, which
        return rows by rowid, return the newest issues first without sorting.
        """
        base = dt.date.fromisoformat(record.date).toordinal() << DAY_SHIFT if record.date else 0
        row = self.db.execute(
            "SELECT key FROM issues WHERE folder = ?", (record.folder,)
        ).fetchone()
        if row is not None and row[0] >> DAY_SHIFT == base >> DAY_SHIFT:
            return row[0]
        taken = {
            r[0]
            for r in self.db.execute(
                "SELECT key FROM issues WHERE key >= ? AND key < ? AND folder != ?",
                (base, base + (1 << DAY_SHIFT), record.folder),
            )
        }
        key = base
        while key in taken:
            key += 1
        if key - base >= 1 << DAY_SHIFT:  # over a thousand issues on one day: any free key
            key = self.db.execute("SELECT max(key) + 1 FROM issues").fetchone()[0]
        return key

    def _write(self, records: list[IssueRecord], gone: list[str]) -> None:
        with sqlite_errors():
            db = self.db
            db.execute("BEGIN IMMEDIATE")
            try:
                bulk = len(records) > 1 and db.execute("SELECT 1 FROM issues").fetchone() is None
                if bulk:
                    db.execute("DROP TRIGGER entries_ai")
                    db.execute("DROP TRIGGER entries_ad")
                for name in gone:
                    db.execute("DELETE FROM entries WHERE folder = ?", (name,))
                    db.execute("DELETE FROM issues WHERE folder = ?", (name,))
                for r in records:
                    db.execute("DELETE FROM entries WHERE folder = ?", (r.folder,))
                    key = self._key(r)
                    db.execute(
                        "INSERT OR REPLACE INTO issues VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (r.folder, r.sig, key, r.slug, r.title, r.number, r.date, r.error),
                    )
                    first = key << POSITION_BITS
                    rows = [
                        (first + MAX_POSITION - min(e.position, MAX_POSITION), r.folder, e.kind,
                         e.owner, e.position, e.section, e.title, e.body, e.note, e.links)
                        for e in r.entries
                    ]  # fmt: skip
                    rows.reverse()  # ascending rowids fill the table's pages; descending split them
                    db.executemany(
                        "INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
                    )
                if bulk:
                    for table in ("fts_trigram", "fts_word"):
                        db.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
                    for statement in TRIGGERS:
                        db.execute(statement)
                db.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
                raise

    # -- querying -----------------------------------------------------------------------------
    def query(self, terms: list[Term], limit: int) -> list[Row]:
        """Up to ``limit`` entries holding every term, in the order ``lookup`` gives."""
        with sqlite_errors():
            return find_rows(self.db, terms, limit)

    def counts(self) -> tuple[int, int]:
        """(issues, entries) in the index."""
        with sqlite_errors():
            issues = self.db.execute("SELECT count(*) FROM issues").fetchone()[0]
            entries = self.db.execute("SELECT count(*) FROM entries").fetchone()[0]
        return issues, entries
