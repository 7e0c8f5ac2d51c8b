"""Creating a new issue from the template in resources/."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from editor_app.core.errors import MastheadError
from editor_app.core.library import list_issues
from editor_app.core.messages import text
from editor_app.core.model import CardNumbering, Issue, Numbering, SectionNumbering
from editor_app.core.outline import add_card, add_section
from editor_app.core.resources import resource
from editor_app.core.storage import read_text, save_issue
from editor_app.core.yamlio import load_yaml


def ascii_slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:60].strip("-")


def unique_folder(library: Path, slug: str) -> Path:
    candidate, n = library / slug, 2
    while candidate.exists():
        candidate, n = library / f"{slug}-{n}", n + 1
    return candidate


def new_issue(
    library: Path | str,
    title: str,
    slug: str | None = None,
    date: dt.date | None = None,
    template: Path | None = None,
) -> Issue:
    """Create and save a new issue folder in ``library``; return the loaded issue."""
    library = Path(library)
    if slug is not None and (not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", slug)):
        raise MastheadError(text("import.bad-slug", slug=slug))
    date = date or dt.date.today()
    existing = list_issues(library)
    number = max((s.number or 0 for s in existing), default=0) + 1
    if slug is not None:
        # A slug the editor chose is kept as given, so an existing issue is an error.
        folder = library / slug
        if folder.exists():
            raise MastheadError(text("import.exists", slug=slug), folder)
    else:
        folder = unique_folder(library, ascii_slug(title) or f"issue-{date.isoformat()}")

    template_path = template or resource("issue-template.yaml")
    data = load_yaml(read_text(template_path), template_path) or {}
    numbering = data.get("numbering") or {}
    issue = Issue(
        title=title,
        number=number,
        date=date,
        slug=folder.name,
        language=str(data.get("language") or "zh-CN"),
        numbering=Numbering(
            SectionNumbering(numbering.get("sections", "chinese")),
            CardNumbering(numbering.get("cards", "per-section")),
        ),
    )
    for spec in data.get("sections") or []:
        section = add_section(issue, str(spec.get("title", "")), str(spec.get("emoji", "")))
        section.intro = str(spec.get("intro") or "")
    if issue.sections:
        # The editor starts typing in this card; an issue with no card has nowhere to type.
        add_card(issue, issue.sections[0].id, "")
    library.mkdir(parents=True, exist_ok=True)
    save_issue(issue, folder)
    return issue
