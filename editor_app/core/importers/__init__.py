"""Importers: our own Markdown export, other newsletters' Markdown, plain text from a page.

``import_file`` reads a file, builds an Issue, saves it as a new folder of a library and
returns it with the guesses the importer made (for the editor to review in the tree).
"""

from __future__ import annotations

import re
from pathlib import Path

from editor_app.core import messages
from editor_app.core.atomic import atomic_write_bytes
from editor_app.core.errors import ImportFormatError, MastheadError
from editor_app.core.importers.common import Guess, ImportResult, read_input
from editor_app.core.model import Issue, Status
from editor_app.core.storage import save_issue
from editor_app.core.template import ascii_slug, unique_folder

FORMATS = ("auto", "markdown", "text")
_MD_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
_TEXT_SUFFIXES = {".txt", ".text"}
_MD_SIGNS = re.compile(r"^(?:#{1,6} |---$|\s{0,3}[-*+] \[|\d+[.、] ?\[|\*\*\d+[.、])", re.M)

__all__ = [
    "FORMATS",
    "STATUSES",
    "Guess",
    "ImportResult",
    "detect_format",
    "import_file",
    "parse_file",
]


def detect_format(path: Path, text: str) -> str:
    """ "markdown" or "text", from the file name first and the content second."""
    suffix = path.suffix.lower()
    if suffix in _MD_SUFFIXES:
        return "markdown"
    if suffix in _TEXT_SUFFIXES:
        return "text"
    return "markdown" if len(_MD_SIGNS.findall(text)) >= 2 else "text"


def parse_file(path: Path | str, fmt: str = "auto") -> ImportResult:
    """Read ``path`` into an unsaved Issue (ImportFormatError when it cannot be read)."""
    path = Path(path)
    if fmt not in FORMATS:
        raise ImportFormatError(messages.text("import.unknown-format", format=fmt), path)
    text = read_input(path)
    if not text.strip():
        raise ImportFormatError(messages.text("import.empty"), path, 1)
    from editor_app.core.importers.text_import import parse_text

    if fmt != "auto":
        return parse_markdown(text, path) if fmt == "markdown" else parse_text(text, path)
    first, second = (
        (parse_markdown, parse_text)
        if detect_format(path, text) == "markdown"
        else (parse_text, parse_markdown)
    )
    try:
        return first(text, path)
    except ImportFormatError as exc:
        # A .md file holding text copied from a page (or the reverse) still imports.
        try:
            result = second(text, path)
        except ImportFormatError:
            raise exc from None
        result.guess(None, "other-importer")
        return result


def parse_markdown(text: str, path: Path) -> ImportResult:
    """Markdown: our own export when it carries the structure markers, another newsletter's
    otherwise. The choice is made here so the two readers never import each other."""
    from editor_app.core.importers.markdown_import import has_markers, parse_exact, read_front
    from editor_app.core.importers.md_newsletter import parse_newsletter

    front, body, first_line = read_front(text, path)
    if has_markers(body):
        return parse_exact(front, body, first_line, path)
    return parse_newsletter(front, body, first_line, path)


STATUSES = ("draft", "published")


def import_file(
    path: Path | str,
    library: Path | str,
    fmt: str = "auto",
    slug: str | None = None,
    status: str | None = None,
) -> tuple[Issue, list[Guess]]:
    """Create a new issue folder in ``library`` from ``path``; return it and the guesses.

    ``status`` ("draft" or "published") is set on the issue and on every card; None keeps
    what the file says (our own export carries it)."""
    path, library = Path(path), Path(library)
    if slug is not None and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", slug):
        raise MastheadError(messages.text("import.bad-slug", slug=slug))
    if status is not None and status not in STATUSES:
        raise MastheadError(messages.text("import.unknown-status", status=status))
    result = parse_file(path, fmt)
    issue = result.issue
    if status is not None:
        issue.status = Status(status)
        for card in issue.cards.values():
            card.status = Status(status)
    wanted = slug or _safe_slug(issue.slug) or ascii_slug(issue.title) or ascii_slug(path.stem)
    wanted = wanted or "imported-issue"
    folder = library / wanted
    if folder.exists():
        if slug is not None:
            raise MastheadError(messages.text("import.exists", slug=slug), folder)
        folder = unique_folder(library, wanted)
    issue.slug = folder.name
    root = folder.resolve()
    for rel in result.files:
        if root not in (folder / rel).resolve().parents:
            raise MastheadError(messages.text("import.outside", rel=rel), path)
    library.mkdir(parents=True, exist_ok=True)
    for rel, source in sorted(result.files.items()):
        atomic_write_bytes(folder / rel, source.read_bytes())
    save_issue(issue, folder)
    return issue, result.guesses


def _safe_slug(slug: str) -> str:
    return slug if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", slug or "") else ""
