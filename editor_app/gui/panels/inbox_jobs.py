"""The inbox panel's background jobs: plain functions of plain data (no Qt), for
``gui/workers.run_in_thread``.

Each returns an ``Outcome``; an ``InboxError`` (a refused file, a failed fetch) comes back
as data with its catalog key, so the panel can say it in the editor's language, instead of
as a traceback.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor_app.core.errors import InboxError
from editor_app.core.i18n_catalog import Catalog
from editor_app.core.inbox.fetch import fetch_feed
from editor_app.core.inbox.metadata import TitleReport, apply_titles, fetch_titles
from editor_app.core.inbox.sources import parse_import, read_import
from editor_app.core.inbox.store import MAX_NEW_ITEMS, AddReport, Inbox, InboxListing


@dataclass
class Outcome:
    report: AddReport | None = None
    titles: TitleReport | None = None
    updated: int = 0  # items that gained a title or description
    error_key: str = ""
    error_fields: dict[str, Any] = field(default_factory=dict)
    error: str = ""  # English text
    path: str = ""  # the file or URL the error is about


def _failed(exc: InboxError, where: str = "") -> Outcome:
    return Outcome(
        error_key=exc.key, error_fields=exc.fields, error=exc.message,
        path=str(exc.path) if exc.path is not None else where,
    )  # fmt: skip


def load_inbox(library: Path) -> InboxListing:
    return Inbox(library).load()


def import_file(library: Path, path: str, fmt: str = "auto") -> Outcome:
    try:
        batch = read_import(path, fmt)
    except InboxError as exc:
        return _failed(exc, path)
    return Outcome(report=Inbox(library).add(batch.candidates, batch.origin))


def import_feed(library: Path, url: str, cancel: threading.Event) -> Outcome:
    try:
        page = fetch_feed(url, cancel=cancel)
        batch = parse_import(page.body, "", "feed", base_url=page.final_url or url)
    except InboxError as exc:
        return _failed(exc, url)
    return Outcome(report=Inbox(library).add(batch.candidates, batch.origin))


def fetch_item_titles(
    library: Path,
    urls: list[str],
    cancel: threading.Event,
    progress: Callable[[Any], None],
    refresh: bool = False,
) -> Outcome:
    report = fetch_titles(
        urls, library, progress=lambda done, total: progress((done, total)), cancel=cancel,
        refresh=refresh,
    )  # fmt: skip
    inbox = Inbox(library)
    wanted = set(report.results)
    items = [i for i in inbox.load().items if i.url in wanted]
    changed = apply_titles(items, report)
    inbox.put(changed)
    return Outcome(titles=report, updated=len(changed))


def added_text(report: AddReport, catalog: Catalog) -> str:
    """What an import or a paste did, in the editor's language."""
    text = catalog.text(
        "inbox.summary", added=len(report.added), merged=report.merged_count,
        skipped=report.skipped,
    )  # fmt: skip
    if report.capped:
        text += " " + catalog.text("inbox.capped", found=report.found, limit=MAX_NEW_ITEMS)
    return text


def failures_text(outcome: Outcome, catalog: Catalog) -> str:
    """The pages a title fetch could not read, one line each (at most 20)."""
    lines = []
    for meta in outcome.titles.failed if outcome.titles else []:
        reason = catalog.text(meta.error_key, **meta.error_fields) if meta.error_key else ""
        lines.append(f"{meta.url}: {reason or meta.error}")
    return "\n".join(lines[:20])


def error_line(exc: InboxError, catalog: Catalog) -> str:
    """An inbox error in the editor's language (its message names the file when it is one)."""
    return catalog.text(exc.key, **exc.fields) if exc.key else exc.message
