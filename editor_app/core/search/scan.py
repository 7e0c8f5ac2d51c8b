"""Searching the library's files directly, for when the index cannot be written or read.

Every issue is read and every entry tested in Python with the same terms the index uses
(``query.Matcher``), so the results are the same, only slower: the whole library is read
on every query.
"""

from __future__ import annotations

from pathlib import Path

from editor_app.core.search.extract import issue_signature, read_issue
from editor_app.core.search.index import library_folders
from editor_app.core.search.lookup import Row
from editor_app.core.search.query import Matcher, Term


def scan_library(library: Path, terms: list[Term], limit: int) -> list[Row]:
    """The first ``limit`` entries matching every term, in the index's order: every term in
    the title first, then the others; newest issue first, in outline order."""
    if not terms:
        return []
    matcher = Matcher(terms)
    found: list[tuple[bool, str, str, int, Row]] = []
    for name in library_folders(library):
        folder = Path(library) / name
        sig, regular = issue_signature(folder)
        if sig is None:
            continue
        record = read_issue(folder, sig, regular)
        for e in record.entries:
            if not matcher.matches([e.title, e.body, e.note, e.links]):
                continue
            in_title = bool(e.title) and all(matcher.found(e.title))
            row = Row(
                record.folder, e.kind, e.owner, e.position, e.section, e.title, e.body,
                e.note, e.links, record.slug, record.title, record.number, record.date,
            )  # fmt: skip
            found.append((in_title, record.date or "", record.folder, e.position, row))
    found.sort(key=lambda f: (not f[0], _descending(f[1]), _descending(f[2]), f[3]))
    return [f[4] for f in found[:limit]]


def _descending(text: str) -> tuple[int, ...]:
    return tuple(-ord(ch) for ch in text) + (1,)
