"""Register the issue.yaml merge driver in a library's git repository."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from editor_app.core.atomic import atomic_write_text
from editor_app.core.gitmerge.git import GitError, run_git

DRIVER_NAME = "masthead-issue"
ATTRIBUTE_LINE = f"issue.yaml merge={DRIVER_NAME}"
IGNORE_LINE = ".masthead/"


def driver_command(python: str | None = None) -> str:
    """The command git runs for a conflicted issue.yaml: base, ours (rewritten in place),
    theirs, the conflict-marker size and the file's path."""
    exe = shlex.quote(python or sys.executable)
    return f"{exe} -m editor_app merge-issue %O %A %B %L %P"


def setup_library(library: Path, python: str | None = None) -> list[str]:
    """Add the .gitattributes entry, ignore the private state folders and add the driver to
    the repository's config.

    Returns what was changed, in words; running it twice changes nothing the second time.
    """
    top = Path(run_git(library, "rev-parse", "--show-toplevel").strip())
    changed: list[str] = []
    attributes = top / ".gitattributes"
    text = attributes.read_text(encoding="utf-8") if attributes.exists() else ""
    if ATTRIBUTE_LINE not in text.splitlines():
        if text and not text.endswith("\n"):
            text += "\n"
        atomic_write_text(attributes, text + ATTRIBUTE_LINE + "\n")
        changed.append(f"{attributes}: {ATTRIBUTE_LINE}")
    # Each editor's private state (caches, trash, locks) must not travel: the trash in
    # particular would let git see a deleted card as a rename and merge edits into it.
    ignore = top / ".gitignore"
    ignored = ignore.read_text(encoding="utf-8") if ignore.exists() else ""
    if IGNORE_LINE not in ignored.splitlines():
        if ignored and not ignored.endswith("\n"):
            ignored += "\n"
        atomic_write_text(ignore, ignored + IGNORE_LINE + "\n")
        changed.append(f"{ignore}: {IGNORE_LINE}")
    command = driver_command(python)
    try:
        current = run_git(top, "config", "--local", f"merge.{DRIVER_NAME}.driver").strip()
    except GitError:
        current = ""
    if current != command:
        run_git(top, "config", "--local", f"merge.{DRIVER_NAME}.name", "Masthead outline merge")
        run_git(top, "config", "--local", f"merge.{DRIVER_NAME}.driver", command)
        changed.append(f"git config merge.{DRIVER_NAME}.driver = {command}")
    return changed
