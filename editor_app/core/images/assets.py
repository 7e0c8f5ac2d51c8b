"""What the image panel needs to know about an issue's assets, and the edits it makes.

Usage maps each asset (a path relative to the issue, "assets/x.png") to the cards whose
Markdown shows it; the issue cover counts as a use by ``COVER``. Removing an asset moves it
to ``.masthead/trash/assets/`` so the GUI can undo it.
"""

from __future__ import annotations

import os
import posixpath
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from PIL import Image, UnidentifiedImageError

from editor_app.core.checks import is_generic_alt
from editor_app.core.errors import ImageError
from editor_app.core.filesafety import symlink_in_path, unsafe_content_reason
from editor_app.core.link_edits import FieldEdit, apply_edits, edit_card_links
from editor_app.core.links import LinkRef, issue_links
from editor_app.core.lock import issue_write_lock
from editor_app.core.messages import Text, text
from editor_app.core.model import Issue
from editor_app.core.paths import UnsafePathError, is_remote, local_path
from editor_app.core.storage import ASSETS_DIR, STATE_DIR, save_card

from .names import original_names
from .pipeline import DEFAULT_MAX_WIDTH

COVER = "#cover"  # pseudo card id: the issue's cover image
SECTION_USER = "#section:"  # pseudo card id prefix: an image shown in a section's intro
DEFAULT_MAX_BYTES = 1_000_000  # larger files slow every reader's page down
# Every flag asset_report sets; each has a label "asset-flag.<code>" in core/messages.py.
ASSET_FLAGS = (
    "missing", "unreadable", "unused", "oversize", "missing-alt", "generic-alt", "symlink",
    "unsafe-asset",
)  # fmt: skip


def asset_key(ref: str) -> str | None:
    """The issue-relative POSIX path a Markdown image reference names, or None if remote,
    absolute or leaving the issue."""
    ref = ref.strip()
    if not ref or is_remote(ref) or ref.startswith("#"):
        return None
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc:
        return None
    raw = unquote(parts.path).replace("\\", "/")
    if raw.startswith("/") or (len(raw) > 1 and raw[1] == ":"):
        return None
    path = posixpath.normpath(raw)
    if path == "." or path.startswith("../") or path == "..":
        return None
    return path


def asset_files(issue_folder: Path | str) -> list[str]:
    """Every file under ``assets/`` (hidden files excluded), as issue-relative paths."""
    root = Path(issue_folder)
    base = root / ASSETS_DIR
    out: list[str] = []
    if not base.is_dir():
        return out
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                out.append((Path(dirpath) / name).relative_to(root).as_posix())
    return out


def image_refs(issue: Issue) -> list[LinkRef]:
    return [ref for ref in issue_links(issue) if ref.kind == "image"]


def asset_usage(issue: Issue) -> dict[str, list[str]]:
    """Asset path -> ids of the cards showing it (every file in assets/, used or not, plus
    every local path a card refers to, existing or not)."""
    usage: dict[str, list[str]] = defaultdict(list)
    if issue.folder is not None:
        for path in asset_files(issue.folder):
            usage[path]  # noqa: B018 - present with no users
    cover = asset_key(issue.cover) if issue.cover else None
    if cover:
        usage[cover].append(COVER)
    for ref in image_refs(issue):
        key = asset_key(ref.url)
        user = ref.card or f"{SECTION_USER}{ref.section}"
        if key is not None and user not in usage[key]:
            usage[key].append(user)
    return dict(usage)


def unused_assets(issue: Issue) -> list[str]:
    """Files in assets/ that no card (and not the cover) uses."""
    return [
        path for path, cards in asset_usage(issue).items() if not cards and _exists(issue, path)
    ]


def missing_assets(issue: Issue) -> list[str]:
    """Local paths cards refer to that do not exist."""
    return [path for path in asset_usage(issue) if not _exists(issue, path)]


def _exists(issue: Issue, path: str) -> bool:
    if issue.folder is None:
        return False
    try:
        return local_path(issue.folder, path).is_file()
    except UnsafePathError:
        return False


@dataclass
class AssetInfo:
    path: str
    exists: bool
    bytes: int = 0
    width: int = 0
    height: int = 0
    format: str = ""
    frames: int = 1
    cards: list[str] = field(default_factory=list)
    alts: list[str] = field(default_factory=list)  # alt text of each reference
    problems: list[str] = field(default_factory=list)  # codes, see asset_report
    original: str = ""  # the file name it was imported from, when known (names.py)

    def to_json(self) -> dict:
        return dict(self.__dict__)


def image_size(path: Path) -> tuple[int, int, str, int]:
    """(width, height, format, frames) from the header only; ImageError if unreadable."""
    try:
        with Image.open(path) as image:
            frames = getattr(image, "n_frames", 1) if getattr(image, "is_animated", False) else 1
            return image.width, image.height, image.format or "", frames
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageError(text("image.cannot-read", detail=str(exc)), path) from None
    except Image.DecompressionBombError:
        raise ImageError(text("image.far-too-many-pixels"), path) from None


def oversize_reason(
    info: AssetInfo, max_width: int = DEFAULT_MAX_WIDTH, max_bytes: int = DEFAULT_MAX_BYTES
) -> Text | None:
    """Why an asset is too big for a newsletter page, or None."""
    if info.width > max_width:
        return text("image.oversize-width", width=info.width, limit=max_width)
    if info.bytes > max_bytes:
        megabytes, limit = info.bytes / 1e6, max_bytes / 1e6
        return text("image.oversize-bytes", megabytes=megabytes, limit=limit)
    return None


def asset_report(
    issue: Issue, max_width: int = DEFAULT_MAX_WIDTH, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[AssetInfo]:
    """One entry per asset with its problems: ``missing`` (referenced, no file), ``unused``,
    ``oversize``, ``unreadable``, ``symlink`` (never read), ``unsafe-asset`` (not a PNG, JPEG,
    WebP or GIF by content), ``missing-alt`` and ``generic-alt``."""
    alts: dict[str, list[str]] = defaultdict(list)
    for ref in image_refs(issue):
        key = asset_key(ref.url)
        if key is not None:
            alts[key].append(ref.text)
    out = []
    originals = original_names(issue.folder) if issue.folder is not None else {}
    for path, cards in asset_usage(issue).items():
        linked = issue.folder is not None and symlink_in_path(issue.folder, path) is not None
        exists = linked or _exists(issue, path)
        info = AssetInfo(path, exists, cards=list(cards), alts=alts.get(path, []))
        if path.startswith(f"{ASSETS_DIR}/"):
            info.original = originals.get(path[len(ASSETS_DIR) + 1 :], "")
        if linked:
            info.problems.append("symlink")  # never opened: it may name any file of the machine
            if not cards:
                info.problems.append("unused")
        elif not info.exists:
            info.problems.append("missing")
        else:
            assert issue.folder is not None
            file = local_path(issue.folder, path)
            info.bytes = file.stat().st_size
            if unsafe_content_reason(file, image=True):
                # Not a PNG, JPEG, WebP or GIF by its bytes (an SVG, a page): never decoded.
                info.problems += ["unreadable", "unsafe-asset"]
            else:
                try:
                    info.width, info.height, info.format, info.frames = image_size(file)
                except ImageError:
                    info.problems.append("unreadable")
            if not cards:
                info.problems.append("unused")
            if oversize_reason(info, max_width, max_bytes):
                info.problems.append("oversize")
        if any(not alt.strip() for alt in info.alts):
            info.problems.append("missing-alt")
        elif any(is_generic_alt(alt) for alt in info.alts):
            info.problems.append("generic-alt")
        out.append(info)
    return out


# -- edits ---------------------------------------------------------------------------------------
def alt_text_edits(issue: Issue, asset: str, alt: str) -> list[FieldEdit]:
    """Edits giving every reference to ``asset`` the alt text ``alt`` (nothing applied)."""
    key = asset_key(asset)
    by_card: dict[str, list] = defaultdict(list)
    for ref in image_refs(issue):
        if ref.section:
            continue  # intros are edited in the section editor
        if key is not None and asset_key(ref.url) == key and ref.text != alt:
            by_card[ref.card].append((ref, None, alt))
    edits: list[FieldEdit] = []
    for card_id, changes in by_card.items():
        edits.extend(edit_card_links(issue.cards[card_id], changes))
    return edits


def set_alt_text(issue: Issue, asset: str, alt: str, save: bool = True) -> list[str]:
    """Set the alt text of every reference to ``asset``; return the changed card ids.

    With ``save`` (and a folder) each changed card is written atomically.
    """
    changed = apply_edits(issue, alt_text_edits(issue, asset, alt))
    if save and issue.folder is not None and changed:
        with issue_write_lock(issue.folder):
            for card_id in changed:
                save_card(issue.folder, issue.cards[card_id])
    return changed


def trash_asset(issue_folder: Path | str, asset: str) -> Path:
    """Move an asset to .masthead/trash/assets/ (undo with restore_asset); return where."""
    folder = Path(issue_folder)
    try:
        source = local_path(folder, asset)
    except UnsafePathError as exc:
        raise ImageError(exc.reason, asset) from None
    if not source.is_file():
        raise ImageError(text("image.no-such-asset"), source)
    trash = folder / STATE_DIR / "trash" / ASSETS_DIR
    trash.mkdir(parents=True, exist_ok=True)
    target = trash / source.name
    n = 1
    while target.exists():
        target, n = trash / f"{source.stem}.{n}{source.suffix}", n + 1
    os.replace(source, target)
    return target


def restore_asset(issue_folder: Path | str, trashed: Path, asset: str) -> Path:
    """Put a trashed asset back at ``asset``; return its path."""
    try:
        target = local_path(Path(issue_folder), asset)
    except UnsafePathError as exc:
        raise ImageError(exc.reason, asset) from None
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(trashed, target)
    return target
