"""Searching a library: the index when it can be used, the files directly when not.

Plain data in, plain data out, so the window runs these functions on a worker thread; each
call opens its own SQLite connection and closes it before returning.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from editor_app.core.errors import IssueNotFoundError, MastheadError
from editor_app.core.search.extract import CARD, SECTION
from editor_app.core.search.index import (
    IndexDamaged,
    IndexUnavailable,
    RefreshStats,
    SearchIndex,
    index_path,
    remove_index,
)
from editor_app.core.search.lookup import Row
from editor_app.core.search.query import Matcher, highlight, parse_query
from editor_app.core.search.scan import scan_library
from editor_app.core.storage import MANIFEST

DEFAULT_LIMIT = 50

# What happened to the index during a search (``SearchOutcome.index``).
INDEX_USED = ""  # up to date, or brought up to date
INDEX_BUILT = "built"  # there was none: built from the library
INDEX_REBUILT = "rebuilt"  # damaged or of an older format: built again
INDEX_READ_ONLY = "read-only"  # cannot be written: the files were searched directly
INDEX_UNAVAILABLE = "unavailable"  # another failure (disk full, locked): files searched
INDEX_SKIPPED = "skipped"  # the caller asked for the files to be read directly


@dataclass(frozen=True)
class SearchHit:
    folder: str  # the issue folder's name inside the library
    slug: str
    issue_title: str
    number: int | None
    date: str | None
    kind: str  # "card", "section" or "issue"
    owner: str  # the card or section id; "" for the issue itself
    section: str  # the title of the section it is in
    title: str  # the card's, section's or issue's title
    title_marks: tuple[tuple[int, int], ...]
    field: str  # the field the snippet comes from: "body", "note" or "links"
    snippet: str
    marks: tuple[tuple[int, int], ...]  # the matches in the snippet
    reveal_field: str  # where the first match is: "title" or ``field``
    start: int  # the first match in that field (Python indexes; -1: none)
    end: int

    @property
    def card(self) -> str:
        return self.owner if self.kind == CARD else ""

    def to_json(self) -> dict[str, Any]:
        return {
            "issue": {
                "folder": self.folder,
                "slug": self.slug,
                "title": self.issue_title,
                "number": self.number,
                "date": self.date,
            },
            "kind": self.kind,
            "card": self.owner if self.kind == CARD else None,
            "section_id": self.owner if self.kind == SECTION else None,
            "section": self.section,
            "title": self.title,
            "title_marks": [list(m) for m in self.title_marks],
            "field": self.field,
            "snippet": self.snippet,
            "marks": [list(m) for m in self.marks],
            "match": {"field": self.reveal_field, "start": self.start, "end": self.end},
        }


@dataclass(frozen=True)
class SearchOutcome:
    query: str
    hits: list[SearchHit] = field(default_factory=list)
    more: bool = False  # there are more results than ``hits``
    index: str = INDEX_USED  # see the INDEX_ constants
    detail: str = ""  # why the index could not be used
    refreshed: RefreshStats | None = None
    seconds: float = 0.0

    @property
    def indexed(self) -> bool:
        return self.index not in (INDEX_READ_ONLY, INDEX_UNAVAILABLE, INDEX_SKIPPED)


T = TypeVar("T")


def check_library(library: Path | str) -> Path:
    """The library folder, or a typed error for a missing folder or an issue folder."""
    library = Path(library)
    if not library.is_dir():
        raise IssueNotFoundError("no such library folder", library)
    if (library / MANIFEST).is_file():
        raise MastheadError(
            "this is an issue folder; search takes a library (a folder of issues)", library
        )
    return library


def with_index(library: Path, work: Callable[[SearchIndex], T]) -> tuple[T, str]:
    """``work(index)`` and what happened to the index; a damaged index is deleted and
    built again once. Raises IndexUnavailable when no index can be used."""
    note = INDEX_USED
    for attempt in (1, 2):
        try:
            index = SearchIndex.open(library)
        except IndexDamaged:
            if attempt == 2:
                raise IndexUnavailable("unavailable", "the index is damaged") from None
            remove_index(index_path(library))
            note = INDEX_REBUILT
            continue
        with index:
            if index.created and note == INDEX_USED:
                note = INDEX_BUILT
            try:
                return work(index), note
            except IndexDamaged:
                if attempt == 2:
                    raise IndexUnavailable("unavailable", "the index is damaged") from None
        remove_index(index_path(library))
        note = INDEX_REBUILT
    raise AssertionError("unreachable")  # pragma: no cover


def search_library(
    library: Path | str,
    query: str,
    limit: int = DEFAULT_LIMIT,
    refresh: bool = True,
    use_index: bool = True,
) -> SearchOutcome:
    """The entries of the library matching ``query``: those with every term in their title
    first, then the others; newest issue first, in outline order within an issue.

    With ``refresh`` the index first catches up with the files (a stat of every card file);
    without, only a missing or rebuilt index is read from the library, so a window that
    refreshes now and then answers each keystroke from the index alone. Without
    ``use_index`` the files are read directly.
    """
    started = time.perf_counter()
    library = check_library(library)
    terms = parse_query(query)
    if not terms:
        return SearchOutcome(query)

    def run(index: SearchIndex) -> tuple[list[Row], RefreshStats | None]:
        stats = index.refresh() if refresh or index.created else None
        return index.query(terms, limit + 1), stats

    try:
        if not use_index:
            raise IndexUnavailable(INDEX_SKIPPED)
        (rows, stats), note = with_index(library, run)
        detail = ""
    except IndexUnavailable as exc:
        rows, stats = scan_library(library, terms, limit + 1), None
        note, detail = exc.reason, exc.detail
    if note == INDEX_REBUILT and stats is None:
        stats = RefreshStats()
    matcher = Matcher(terms)
    hits = [_hit(matcher, row) for row in rows[:limit]]
    return SearchOutcome(
        query, hits, len(rows) > limit, note, detail, stats, time.perf_counter() - started
    )


def _hit(matcher: Matcher, row: Row) -> SearchHit:
    shown = highlight(matcher, row.title, {"body": row.body, "note": row.note, "links": row.links})
    return SearchHit(
        row.folder, row.slug, row.issue_title, row.number, row.date, row.kind, row.owner,
        row.section, row.title, shown.title_marks, shown.field, shown.snippet.text,
        shown.snippet.marks, shown.reveal_field, shown.start, shown.end,
    )  # fmt: skip


def refresh_index(library: Path | str, rebuild: bool = False) -> tuple[RefreshStats, str]:
    """Bring the index up to date (from nothing with ``rebuild``). Raises IndexUnavailable."""
    library = check_library(library)
    if rebuild:
        remove_index(index_path(library))
    return with_index(library, lambda index: index.refresh())


def update_issue_index(library: Path | str, folder: Path | str) -> bool:
    """After a save: re-index the issue in ``folder`` if the library has an index.

    Never creates an index (the first search does) and never raises: a failure only means
    the next search re-reads the issue. True when the issue was re-read.
    """
    library, folder = Path(library), Path(folder)
    try:
        inside = folder.resolve().parent == library.resolve()
    except OSError:
        return False
    if not inside or not index_path(library).is_file():
        return False
    try:
        return with_index(library, lambda index: index.update_issue(folder.name))[0]
    except (IndexUnavailable, OSError):
        return False
