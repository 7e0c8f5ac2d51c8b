"""Commit, pull and push a library kept in git, and settle what git cannot.

Pulls merge (never rebase) so the issue.yaml driver runs. A card deleted on one side and
edited on the other is kept: deleting an editor's words because someone else removed the card
is the one outcome a sync must never have; the card is put back in its issue's outline and
reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from editor_app.core.atomic import atomic_write_text
from editor_app.core.errors import GitError, IssueFormatError
from editor_app.core.gitmerge.git import ChangedFile, conflict_codes, run_git, status, toplevel
from editor_app.core.gitmerge.markers import split_versions
from editor_app.core.storage import CARDS_DIR, MANIFEST
from editor_app.core.yamlio import dump_yaml, load_yaml

_CARD_PATH = re.compile(rf"^(?P<issue>(?:.*/)?[^/]+)/{CARDS_DIR}/(?P<card>[a-z0-9]+)\.md$")


@dataclass
class SyncResult:
    """What a git step did, in plain data for the window and the CLI."""

    output: str = ""
    conflicts: list[ChangedFile] = field(default_factory=list)
    kept_cards: list[str] = field(default_factory=list)
    nothing_to_do: bool = False


def commit_all(library: Path, message: str) -> SyncResult:
    """Stage every change under the library and commit it."""
    if not message.strip():
        raise GitError("a commit needs a message")
    run_git(library, "add", "-A", "--", ".")
    if not run_git(library, "diff", "--cached", "--name-only", "--", ".").strip():
        return SyncResult(nothing_to_do=True)
    out = run_git(library, "commit", "-m", message, "--", ".")
    return SyncResult(output=out.strip())


def pull(library: Path, timeout: float = 300.0) -> SyncResult:
    """Fetch and merge the upstream branch; conflicts are left for the editor, reported."""
    try:
        out = run_git(library, "pull", "--no-rebase", "--no-edit", timeout=timeout)
        return SyncResult(output=out.strip())
    except GitError as exc:
        codes = conflict_codes(library)
        if not codes:
            raise
        kept = keep_deleted_cards(library, codes)
        conflicts = [c for c in status(library) if c.conflicted]
        return SyncResult(output=exc.detail, conflicts=conflicts, kept_cards=kept)


def push(library: Path, timeout: float = 300.0) -> SyncResult:
    out = run_git(library, "push", timeout=timeout)
    return SyncResult(output=out.strip())


def _outline_parent(manifest: dict[str, Any], card: str) -> str | None:
    def holds(entries: Any) -> bool:
        for entry in entries or []:
            if entry == card:
                return True
            if isinstance(entry, dict) and (card in entry or any(map(holds, entry.values()))):
                return True
        return False

    for section in manifest.get("outline") or []:
        if isinstance(section, dict) and holds(section.get("cards")):
            return str(section.get("id"))
    return None


def _in_outline(manifest: dict[str, Any], card: str) -> bool:
    return _outline_parent(manifest, card) is not None


def _restore_in_outline(manifest_file: Path, card: str, section_hint: str | None) -> bool:
    text = manifest_file.read_text(encoding="utf-8")
    if "\n<<<<<<< " in "\n" + text:
        return False  # its own conflict comes first; the editor sees both
    try:
        data = load_yaml(text, manifest_file)
    except IssueFormatError:
        return False
    if not isinstance(data, dict) or _in_outline(data, card):
        return False
    sections = [s for s in data.get("outline") or [] if isinstance(s, dict)]
    if not sections:
        return False
    target = next((s for s in sections if str(s.get("id")) == section_hint), sections[-1])
    target.setdefault("cards", [])
    if target["cards"] is None:
        target["cards"] = []
    target["cards"].append(card)
    atomic_write_text(manifest_file, dump_yaml(data))
    return True


def keep_deleted_cards(library: Path, codes: dict[str, str]) -> list[str]:
    """Keep every card file deleted on one side and changed on the other."""
    top = toplevel(library)
    kept: list[str] = []
    for path, code in codes.items():
        match = _CARD_PATH.match(path)
        if code not in {"UD", "DU"} or match is None:
            continue
        card, issue_dir = match["card"], match["issue"]
        if not (top / path).exists():
            continue
        # The side that kept the card knows where it belongs.
        side = "HEAD" if code == "UD" else "MERGE_HEAD"
        manifest_rel = str(PurePosixPath(issue_dir) / MANIFEST)
        try:
            old = load_yaml(run_git(top, "show", f"{side}:{manifest_rel}"), manifest_rel)
            hint = _outline_parent(old, card) if isinstance(old, dict) else None
        except (GitError, IssueFormatError):
            hint = None
        manifest_file = top / manifest_rel
        if manifest_file.exists() and _restore_in_outline(manifest_file, card, hint):
            run_git(top, "add", "--", manifest_rel)
        run_git(top, "add", "--", path)
        kept.append(path)
    return kept


def conflict_versions(library: Path, path: str) -> tuple[str, str]:
    """(ours, theirs) of a conflicted file, read from the markers git left in it."""
    text = (toplevel(library) / path).read_text(encoding="utf-8", errors="replace")
    return split_versions(text)


def resolve_file(library: Path, path: str, text: str) -> None:
    """Write the chosen text of a conflicted file (atomically) and mark it resolved."""
    top = toplevel(library)
    atomic_write_text(top / path, text)
    run_git(top, "add", "--", path)


def merging(library: Path) -> bool:
    try:
        run_git(library, "rev-parse", "-q", "--verify", "MERGE_HEAD")
    except GitError:
        return False
    return True


def finish_merge(library: Path, message: str = "") -> SyncResult:
    """Commit a merge whose conflicts are all resolved (git's own message unless given)."""
    if conflict_codes(library):
        raise GitError("resolve every conflicted file first")
    args = ["-m", message] if message.strip() else ["--no-edit"]
    out = run_git(library, "commit", *args)
    return SyncResult(output=out.strip())


def describe_path(library: Path, path: str) -> str:
    """How an editor names a changed file: the card's title, or the issue's outline."""
    top = toplevel(library)
    match = _CARD_PATH.match(path)
    if match is not None:
        card_file = top / path
        title = ""
        try:
            front = card_file.read_text(encoding="utf-8", errors="replace")[:4000]
            title = next(
                (
                    line[6:].strip().strip("'\"")
                    for line in front.splitlines()
                    if line.startswith("title:")
                ),
                "",
            )
        except OSError:
            pass  # deleted on this side: the path alone names it
        issue = PurePosixPath(match["issue"]).name
        return f"{issue} · {title}" if title else f"{issue} · {match['card']}"
    if PurePosixPath(path).name == MANIFEST:
        return f"{PurePosixPath(path).parent.name} · {MANIFEST}"
    return path
