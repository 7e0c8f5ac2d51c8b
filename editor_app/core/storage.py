"""Reading and writing an issue folder.

issues/<slug>/issue.yaml      manifest: metadata and the ordered outline of ids
issues/<slug>/cards/<id>.md   one card: YAML front matter + Markdown body
issues/<slug>/assets/         images
issues/<slug>/.masthead/      local state (journal, caches, lock, trash)

What the files say, as text, is ``issue_format``'s; here are the paths, the safe reads and
the atomic writes.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from editor_app.core import messages
from editor_app.core.atomic import write_if_changed
from editor_app.core.errors import IssueFormatError, IssueNotFoundError, UnreadableFileError
from editor_app.core.filesafety import UnsafeFileError, read_regular_file
from editor_app.core.issue_format import (
    parse_card,
    parse_manifest,
    serialize_card,
    serialize_manifest,
)
from editor_app.core.model import Card, Issue

MANIFEST = "issue.yaml"
CARDS_DIR = "cards"
ASSETS_DIR = "assets"
STATE_DIR = ".masthead"


def manifest_path(folder: Path) -> Path:
    return Path(folder) / MANIFEST


def card_path(folder: Path, card_id: str) -> Path:
    return Path(folder) / CARDS_DIR / f"{card_id}.md"


def is_issue_folder(folder: Path) -> bool:
    return manifest_path(folder).is_file()


# -- reading -------------------------------------------------------------------------------


def read_text(path: Path, *, follow_symlinks: bool = True) -> str:
    """The text of a UTF-8 file (a leading byte-order mark and CRLF line ends removed).

    With ``follow_symlinks`` off a symbolic link (or a pipe, a device) is refused by the open
    itself, so a link swapped in after any check is not followed either.
    """
    try:
        raw = _read_bytes(path, follow_symlinks)
    except FileNotFoundError:
        raise UnreadableFileError(messages.text("read.not-found"), path) from None
    except OSError as exc:
        raise UnreadableFileError(
            messages.text("read.cannot-read", detail=str(exc.strerror)), path
        ) from None
    try:
        # utf-8-sig: a byte-order mark some Windows editors add is not part of the text.
        return raw.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise UnreadableFileError(messages.text("read.not-utf8"), path, line) from None


def _read_bytes(path: Path, follow_symlinks: bool) -> bytes:
    if follow_symlinks:
        return path.read_bytes()
    try:
        return read_regular_file(path)
    except UnsafeFileError as exc:
        if exc.errno == errno.ELOOP:
            raise UnreadableFileError(messages.text("read.symlink"), path) from None
        raise UnreadableFileError(exc.strerror, path) from None


def read_card_text(path: Path) -> str:
    """The text of a card file, refusing a symbolic link (the file or the cards folder).

    A card file linked to a file outside the issue would otherwise be shown, exported and
    even written back into the issue by journal recovery.
    """
    if path.parent.is_symlink():
        raise UnreadableFileError(messages.text("read.cards-symlink", folder=CARDS_DIR), path)
    return read_text(path, follow_symlinks=False)


def read_card(folder: Path, card_id: str) -> Card:
    path = card_path(folder, card_id)
    return parse_card(read_card_text(path), path, card_id)


def load_issue(folder: Path | str, texts: dict[str, str] | None = None) -> Issue:
    """Load an issue folder. A bad card file becomes an unreadable placeholder card.

    ``texts``, when given, receives the text of every file read (path -> text), so a caller
    that watches the files for outside changes does not read them all a second time.
    """
    folder = Path(folder)
    path = manifest_path(folder)
    if not path.exists():
        raise IssueNotFoundError(messages.text("read.not-issue"), folder)
    manifest_text = read_text(path)
    issue, children = parse_manifest(manifest_text, path)
    issue.folder = folder
    if texts is not None:
        texts[str(path)] = manifest_text
    ids = [cid for s in issue.sections for cid in s.card_ids] + [
        cid for subs in children.values() for cid in subs
    ]
    for card_id in ids:
        card_file = card_path(folder, card_id)
        try:
            text = read_card_text(card_file)
            if texts is not None:
                texts[str(card_file)] = text
            card = parse_card(text, card_file, card_id)
        except (IssueFormatError, UnreadableFileError) as exc:
            reason = exc.text or exc.message
            card = Card(id=card_id, title=card_id, unreadable=exc.describe())
            card.unreadable_reason = messages.text(
                "read.unreadable-card", where=exc.where(), reason=reason
            )
        card.child_ids = children.get(card_id, [])
        issue.cards[card_id] = card
    return issue


# -- writing -------------------------------------------------------------------------------
def save_card(folder: Path, card: Card) -> bool:
    """Write one card atomically. Unreadable cards are never written. True if written."""
    if card.unreadable:
        return False
    return write_if_changed(card_path(folder, card.id), serialize_card(card))


def save_manifest(folder: Path, issue: Issue) -> bool:
    return write_if_changed(manifest_path(folder), serialize_manifest(issue))


def save_issue(issue: Issue, folder: Path | str | None = None) -> list[Path]:
    """Write the manifest and every readable card; return the paths actually written.

    Card files no longer in the outline are moved to .masthead/trash, never deleted.
    """
    folder = Path(folder or issue.folder)
    written: list[Path] = []
    (folder / CARDS_DIR).mkdir(parents=True, exist_ok=True)
    (folder / ASSETS_DIR).mkdir(exist_ok=True)
    for card in issue.ordered_cards():
        if save_card(folder, card):
            written.append(card_path(folder, card.id))
    if save_manifest(folder, issue):
        written.append(manifest_path(folder))
    trash_orphans(folder, issue)
    issue.folder = folder
    return written


def trash_orphans(folder: Path, issue: Issue) -> list[Path]:
    live = {c.id for c in issue.ordered_cards()}
    moved = []
    trash = folder / STATE_DIR / "trash"
    for path in sorted((folder / CARDS_DIR).glob("*.md")):
        if path.stem not in live:
            trash.mkdir(parents=True, exist_ok=True)
            target = trash / path.name
            n = 2
            while target.exists():  # an earlier copy of this card in the trash is kept too
                target = trash / f"{path.stem}.{n}{path.suffix}"
                n += 1
            os.replace(path, target)
            moved.append(target)
    return moved
