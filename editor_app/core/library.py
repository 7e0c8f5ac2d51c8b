"""A library is a folder of issue folders. Listing reads only the manifests."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from editor_app.core.atomic import atomic_write_text
from editor_app.core.errors import IssueFormatError, MastheadError
from editor_app.core.issue_format import parse_manifest
from editor_app.core.storage import MANIFEST, STATE_DIR, read_text
from editor_app.core.yamlio import format_yaml_error, lenient_timestamp

try:  # The C loader makes listing 500 manifests fast.
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


class _FastLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    pass


# A date that is no real date (2026-13-45) stays text instead of raising ValueError.
_FastLoader.add_constructor("tag:yaml.org,2002:timestamp", lenient_timestamp)

_ANCHOR = re.compile(r"(^|[\s\[{,:-])[&*]\S", re.MULTILINE)


@dataclass(frozen=True)
class IssueSummary:
    folder: Path
    slug: str
    title: str
    number: int | None
    date: dt.date | None
    status: str
    cards: int
    error: str = ""


def _count_cards(entries: object) -> int:
    if not isinstance(entries, list):
        return 0  # a malformed outline is reported when the issue is opened
    total = 0
    for entry in entries:
        total += 1
        if isinstance(entry, dict):
            for sub in entry.values():
                total += _count_cards(sub)
    return total


def _from_data(folder: Path, data: dict) -> IssueSummary:
    number = data.get("number")
    date = data.get("date")
    if isinstance(date, dt.datetime):
        date = date.date()  # a datetime does not sort against a date
    elif isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date)
        except ValueError:
            date = None
    outline = data.get("outline")
    if not isinstance(outline, list):
        outline = []
    return IssueSummary(
        folder=folder,
        slug=str(data.get("slug") or folder.name),
        title=str(data.get("title") or folder.name),
        number=number if isinstance(number, int) and not isinstance(number, bool) else None,
        date=date if isinstance(date, dt.date) else None,
        status=str(data.get("status") or "draft"),
        cards=sum(_count_cards(s.get("cards")) for s in outline if isinstance(s, dict)),
    )


def summarize(folder: Path) -> IssueSummary:
    path = folder / MANIFEST
    try:
        text = read_text(path)
        if _ANCHOR.search(text):
            # Possibly an alias: the strict parser refuses those, and validates the rest.
            parse_manifest(text, path)
        data = yaml.load(text, Loader=_FastLoader)  # noqa: S506 - the C SafeLoader
        if not isinstance(data, dict):
            raise IssueFormatError("issue.yaml must be a mapping", path, 1)
        return _from_data(folder, data)
    except (MastheadError, yaml.YAMLError, ValueError, RecursionError) as exc:
        if isinstance(exc, yaml.YAMLError):
            exc = format_yaml_error(exc, path, 0)
        message = exc.describe() if isinstance(exc, MastheadError) else f"{path}: {exc}"
        return IssueSummary(folder, folder.name, folder.name, None, None, "unreadable", 0, message)


INDEX_FILE = "library-index.json"
INDEX_FORMAT = 1


def _to_json(s: IssueSummary, stamp: list[int]) -> dict[str, Any]:
    return {
        "stamp": stamp, "slug": s.slug, "title": s.title, "number": s.number,
        "date": s.date.isoformat() if s.date else None, "status": s.status, "cards": s.cards,
        "error": s.error,
    }  # fmt: skip


def _from_json(folder: Path, d: dict[str, Any]) -> IssueSummary:
    date = dt.date.fromisoformat(d["date"]) if d.get("date") else None
    return IssueSummary(
        folder, d["slug"], d["title"], d["number"], date, d["status"], d["cards"], d["error"]
    )


def _load_index(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}  # missing or corrupt: rebuilt from the manifests
    if not isinstance(data, dict) or data.get("format") != INDEX_FORMAT:
        return {}
    issues = data.get("issues")
    return issues if isinstance(issues, dict) else {}


def list_issues(library: Path | str, use_index: bool = True) -> list[IssueSummary]:
    """Issues of a library, newest first (by date, then number).

    The summaries are kept in ``<library>/.masthead/library-index.json``, keyed by folder
    and stamped with the mtime and size of each issue.yaml: only new or changed manifests are
    read again, and the index is rewritten (atomically) only when something changed.
    """
    library = Path(library)
    if not library.is_dir():
        return []
    index_path = library / STATE_DIR / INDEX_FILE
    cached = _load_index(index_path) if use_index else {}
    entries: dict[str, Any] = {}
    found: list[IssueSummary] = []
    changed = False
    with os.scandir(library) as it:
        names = sorted(e.name for e in it if e.is_dir() and not e.name.startswith("."))
    for name in names:
        folder = library / name
        try:
            st = os.stat(folder / MANIFEST)
        except OSError:
            continue
        stamp = [st.st_mtime_ns, st.st_size]
        old = cached.get(name)
        summary = None
        if isinstance(old, dict) and old.get("stamp") == stamp:
            try:
                summary = _from_json(folder, old)
            except (KeyError, TypeError, ValueError):
                summary = None
        if summary is None:
            summary = summarize(folder)
            changed = True
        entries[name] = _to_json(summary, stamp)
        found.append(summary)
    if use_index and (changed or set(cached) != set(entries) or not index_path.is_file()):
        payload = {"format": INDEX_FORMAT, "issues": entries}
        try:
            atomic_write_text(index_path, json.dumps(payload, ensure_ascii=False))
        except OSError:
            pass  # a read-only library is listed all the same
    return sorted(
        found,
        key=lambda s: (s.date or dt.date.min, s.number or 0, s.slug),
        reverse=True,
    )
