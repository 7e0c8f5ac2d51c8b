"""A library is a folder of issue folders. Listing reads only the manifests."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from editor_app.core.errors import IssueFormatError, MastheadError
from editor_app.core.storage import MANIFEST, parse_manifest, read_text
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


def list_issues(library: Path | str) -> list[IssueSummary]:
    """Issues of a library, newest first (by date, then number)."""
    library = Path(library)
    if not library.is_dir():
        return []
    found = [summarize(p.parent) for p in sorted(library.glob(f"*/{MANIFEST}"))]
    return sorted(
        found,
        key=lambda s: (s.date or dt.date.min, s.number or 0, s.slug),
        reverse=True,
    )
