"""Moving cards from one issue folder to another of the same library.

A moved card keeps its id, its fields and its sub-cards. Every local file its Markdown shows
or links (an image in ``assets/``, a linked PDF) is copied into the target issue: under the
same path when that is free or already holds the same bytes, else under a name made of the
hash of its bytes (as the image pipeline names assets), with the reference rewritten. The
source keeps its files: other cards or the cover may still use them.

The target is changed under its write lock (``core.lock.issue_write_lock``), read inside
it, and each file is written atomically; a window holding the target in another process
makes the move refuse. ``transfer_cards`` only adds to the target (the GUI removes the cards
from the issue it has open, as an undoable outline edit); ``move_cards_between_issues`` does
both on disk. ``undo_transfer`` takes the cards back out of the target, refusing when they
were changed there since, so undoing never drops someone's edit.
"""

from __future__ import annotations

import copy
import hashlib
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from editor_app.core import journal, outline
from editor_app.core.atomic import atomic_write_bytes
from editor_app.core.errors import MastheadError, TransferError
from editor_app.core.filesafety import read_regular_file, symlink_in_path
from editor_app.core.images.assets import asset_key, trash_asset
from editor_app.core.images.pipeline import HASH_CHARS
from editor_app.core.issue_format import serialize_card
from editor_app.core.link_edits import LinkChange, apply_edit, edit_card_links
from editor_app.core.links import links_of_card
from editor_app.core.lock import issue_write_lock
from editor_app.core.model import Card, Issue
from editor_app.core.paths import UnsafePathError, local_path
from editor_app.core.storage import (
    ASSETS_DIR,
    STATE_DIR,
    card_path,
    is_issue_folder,
    load_issue,
    read_text,
    save_card,
    save_manifest,
    trash_orphans,
)

# How long a move waits for another writer of an issue (a command mid-write) to finish.
LOCK_TIMEOUT_S = 2.0
NEW_SECTION = ""  # the section argument that asks for a new section at the end


@dataclass(frozen=True)
class TransferReceipt:
    """What a transfer did to the target, so it can be taken back."""

    source: Path
    target: Path
    card_ids: tuple[str, ...]  # the moved cards, top level, in outline order
    all_ids: tuple[str, ...]  # the same with their sub-cards
    section: str  # the target section they went to
    new_section: bool  # that section was made for them
    assets: tuple[str, ...] = ()  # files this transfer wrote into the target
    texts: Mapping[str, str] = field(default_factory=dict)  # card id -> card file written
    missing: tuple[str, ...] = ()  # local references whose file the source does not have


def top_level_selection(issue: Issue, card_ids: list[str]) -> list[str]:
    """The cards to move, in outline order, without those inside another moved card."""
    for card_id in card_ids:
        if card_id not in issue.cards:
            raise TransferError(f"no card with id {card_id!r}", issue.folder)
    chosen = set(card_ids)
    inner = {sub for c in chosen for sub in outline.subtree_ids(issue, c)[1:]}
    return [c.id for c in issue.ordered_cards() if c.id in chosen and c.id not in inner]


def _copies(issue: Issue, top: list[str]) -> dict[str, Card]:
    out: dict[str, Card] = {}
    for card_id in top:
        for sub in outline.subtree_ids(issue, card_id):
            card = issue.cards[sub]
            if card.unreadable:
                raise TransferError(
                    f"card {card.title or sub!r} cannot be read, so it cannot be moved",
                    card_path(issue.folder or Path(), sub),
                )
            out[sub] = copy.deepcopy(card)
    return out


def _local_refs(card: Card) -> list[tuple[LinkChange, str]]:
    """Body and note references to files of the issue: (the link, its issue-relative path)."""
    out = []
    for ref in links_of_card(card):
        if ref.field not in ("body", "note") or ref.kind not in ("image", "inline"):
            continue
        key = asset_key(ref.url)
        if key is None or PurePosixPath(key).parts[:1] == (STATE_DIR,):
            continue
        out.append(((ref, None, None), key))
    return out


def _hash_name(data: bytes, rel: str) -> str:
    digest = hashlib.sha256(data).hexdigest()[:HASH_CHARS]
    return f"{ASSETS_DIR}/{digest}{PurePosixPath(rel).suffix.lower()}"


def _read_source_file(folder: Path, rel: str) -> bytes | None:
    if symlink_in_path(folder, rel) is not None:
        return None  # a link may name any file of the machine: never copied
    try:
        return read_regular_file(local_path(folder, rel))
    except (OSError, UnsafePathError):
        return None


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _place_files(
    source: Path, target: Path, keys: list[str]
) -> tuple[dict[str, str], list[str], list[str]]:
    """Copy each referenced file into the target: (old path -> new path, written, missing)."""
    moved: dict[str, str] = {}
    written: list[str] = []
    missing: list[str] = []
    for key in dict.fromkeys(keys):
        data = _read_source_file(source, key)
        if data is None:
            missing.append(key)
            continue
        in_assets = PurePosixPath(key).parts[:1] == (ASSETS_DIR,)
        candidates = [key] if in_assets else []
        candidates.append(_hash_name(data, key))
        for rel in candidates:
            if symlink_in_path(target, rel) is not None:
                continue
            dest = target / rel
            if _same_bytes(dest, data):
                moved[key] = rel
                break
            if not dest.exists():
                atomic_write_bytes(dest, data)
                moved[key] = rel
                written.append(rel)
                break
        else:  # pragma: no cover - a hash name holding other bytes
            raise TransferError(f"cannot place {key!r} in the target's assets", target)
    return moved, written, missing


def _rewrite_refs(card: Card, moved: Mapping[str, str]) -> None:
    changes: list[LinkChange] = []
    for (ref, _, _), key in _local_refs(card):
        new = moved.get(key)
        # "./assets/x.png" kept at assets/x.png still names the same file: left as written.
        if new is not None and new != posixpath.normpath(key):
            changes.append((ref, new, None))
    for edit in edit_card_links(card, changes):
        apply_edit(card, edit)


def _check_clash(target: Issue, ids: list[str]) -> None:
    taken = set(target.cards) | {s.id for s in target.sections}
    assert target.folder is not None
    for card_id in ids:
        if card_id in taken or card_path(target.folder, card_id).exists():
            raise TransferError(
                f"the target issue already has a card with the id {card_id!r}; "
                "the card was not moved",
                target.folder,
            )


def transfer_cards(
    source: Issue,
    card_ids: list[str],
    target_folder: Path | str,
    section: str = NEW_SECTION,
    new_section_title: str = "",
    new_section_emoji: str = "",
    timeout: float = LOCK_TIMEOUT_S,
) -> TransferReceipt:
    """Add copies of ``card_ids`` (with their sub-cards and files) to the end of ``section``
    of the issue in ``target_folder`` (or of a new section, for ``NEW_SECTION``).

    ``source`` is not changed. Raises IssueLockedError when the target is open in another
    Masthead window, TransferError for an id the target already has or a card that cannot
    be read, IssueNotFoundError/IssueFormatError for a target that is no readable issue.
    """
    if source.folder is None:
        raise TransferError("the source issue has no folder")
    source_folder = Path(source.folder)
    target = Path(target_folder)
    if target.resolve() == source_folder.resolve():
        raise TransferError("the cards are already in this issue", target)
    if not is_issue_folder(target):
        raise TransferError("not an issue folder (no issue.yaml)", target)
    top = top_level_selection(source, card_ids)
    if not top:
        raise TransferError("no card to move", source_folder)
    copies = _copies(source, top)
    keys = [key for card in copies.values() for _change, key in _local_refs(card)]
    with issue_write_lock(target, timeout=timeout):
        issue = load_issue(target)  # read inside the lock: nobody changes it under us
        _check_clash(issue, list(copies))
        if section == NEW_SECTION:
            made = outline.add_section(issue, new_section_title, new_section_emoji)
            section_id, new = made.id, True
        else:
            try:
                section_id, new = issue.section(section).id, False
            except KeyError:
                raise TransferError(f"the target has no section {section!r}", target) from None
        moved, written, missing = _place_files(source_folder, target, keys)
        texts: dict[str, str] = {}
        for card in copies.values():
            _rewrite_refs(card, moved)
            issue.cards[card.id] = card
            save_card(target, card)
            texts[card.id] = serialize_card(card)
        issue.section(section_id).card_ids.extend(top)
        # The outline last: until it names them, the new files are not part of the issue.
        save_manifest(target, issue)
    return TransferReceipt(
        source=source_folder,
        target=target,
        card_ids=tuple(top),
        all_ids=tuple(copies),
        section=section_id,
        new_section=new,
        assets=tuple(written),
        texts=texts,
        missing=tuple(missing),
    )


def _still_used(issue: Issue) -> set[str]:
    used = {asset_key(issue.cover)} if issue.cover else set()
    for card in issue.cards.values():
        used |= {key for _change, key in _local_refs(card)}
    return {u for u in used if u}


def undo_transfer(receipt: TransferReceipt, timeout: float = LOCK_TIMEOUT_S) -> None:
    """Take the cards of ``receipt`` out of its target again (their files go to the target's
    trash, and so do the files the transfer wrote that no card uses any more).

    Refuses with TransferError, changing nothing, when a card was edited, moved away or
    deleted in the target since; with IssueLockedError when the target is open in another
    window.
    """
    target = receipt.target
    with issue_write_lock(target, timeout=timeout):
        issue = load_issue(target)
        for card_id in receipt.all_ids:
            if card_id not in issue.cards:
                raise TransferError(f"card {card_id!r} is no longer in the target issue", target)
            try:
                now = read_text(card_path(target, card_id))
            except MastheadError:
                now = None
            if now != receipt.texts.get(card_id):
                title = issue.cards[card_id].title or card_id
                raise TransferError(
                    f"card {title!r} was changed in the target issue since it was moved; "
                    "it stays there",
                    target,
                )
        for card_id in receipt.card_ids:
            if card_id in issue.cards:
                outline.remove_card(issue, card_id)
        section = next((s for s in issue.sections if s.id == receipt.section), None)
        if receipt.new_section and section is not None and not section.card_ids:
            issue.sections.remove(section)
        save_manifest(target, issue)
        trash_orphans(target, issue)
        used = _still_used(issue)
        for rel in receipt.assets:
            if rel not in used and (target / rel).is_file():
                trash_asset(target, rel)


def move_cards_between_issues(
    source_folder: Path | str,
    card_ids: list[str],
    target_folder: Path | str,
    section: str = NEW_SECTION,
    new_section_title: str = "",
    timeout: float = LOCK_TIMEOUT_S,
) -> TransferReceipt:
    """Move cards from one issue folder to another, both on disk: the target gains them
    (``transfer_cards``), then the source loses them (their files go to its trash).

    Both issues are changed under their write locks. A failure while writing the source
    leaves the cards in both issues, never in neither.
    """
    source_folder = Path(source_folder)
    with issue_write_lock(source_folder, timeout=timeout):
        source = load_issue(source_folder)
        receipt = transfer_cards(
            source,
            card_ids,
            target_folder,
            section=section,
            new_section_title=new_section_title,
            timeout=timeout,
        )
        for card_id in receipt.card_ids:
            outline.remove_card(source, card_id)
        save_manifest(source_folder, source)
        trash_orphans(source_folder, source)
        for card_id in receipt.all_ids:
            journal.clear_entry(source_folder, card_id)
    return receipt


__all__ = [
    "LOCK_TIMEOUT_S",
    "NEW_SECTION",
    "TransferReceipt",
    "move_cards_between_issues",
    "top_level_selection",
    "transfer_cards",
    "undo_transfer",
]
