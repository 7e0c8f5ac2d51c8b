"""Running the git command line for a library: plain data in, plain data out, no Qt.

Only ``pull`` and ``push`` may reach the network, and only when the editor asks for a sync.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from editor_app.core.errors import GitError

__all__ = ["GitError", "ChangedFile", "run_git", "status", "is_repository"]


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    # Never wait for a password prompt nobody can see, and read git's own words in English.
    env["GIT_TERMINAL_PROMPT"] = "0"
    env["GIT_ASKPASS"] = "true"
    env["LC_ALL"] = "C"
    env.pop("LANGUAGE", None)
    return env


def run_git(folder: Path, *args: str, timeout: float = 120.0, check: bool = True) -> str:
    """Run ``git args`` in ``folder`` and return its standard output."""
    git = shutil.which("git")
    if git is None:
        raise GitError("git is not installed")
    try:
        done = subprocess.run(
            [git, *args],
            cwd=folder,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=_environment(),
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise GitError(f"git {args[0]} took longer than {timeout:.0f} s") from None
    except OSError as exc:
        raise GitError(f"git {args[0]} could not run", str(exc)) from None
    if check and done.returncode != 0:
        raise GitError(f"git {args[0]} failed", (done.stderr or done.stdout).strip())
    return done.stdout


def is_repository(folder: Path) -> bool:
    try:
        return run_git(folder, "rev-parse", "--is-inside-work-tree", timeout=10).strip() == "true"
    except GitError:
        return False


@dataclass(frozen=True)
class ChangedFile:
    """One line of ``git status``: the path (relative to the repository) and its state."""

    path: str
    state: str  # "modified", "added", "deleted", "renamed", "untracked" or "conflict"

    @property
    def conflicted(self) -> bool:
        return self.state == "conflict"


_CONFLICT_CODES = {"DD", "AU", "UD", "UA", "DU", "AA", "UU"}


def _state(code: str) -> str:
    if code in _CONFLICT_CODES:
        return "conflict"
    if code == "??":
        return "untracked"
    letters = code.replace(" ", "")
    return {"A": "added", "D": "deleted", "R": "renamed", "C": "added"}.get(letters[:1], "modified")


def status(folder: Path) -> list[ChangedFile]:
    """Changed, new and conflicted files under ``folder``."""
    out = run_git(folder, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", ".")
    files: list[ChangedFile] = []
    entries = out.split("\0")
    i = 0
    while i < len(entries):
        entry = entries[i]
        i += 1
        if len(entry) < 4:
            continue
        code, path = entry[:2], entry[3:]
        if code[0] in "RC":
            i += 1  # the rename's source path follows
        files.append(ChangedFile(path, _state(code)))
    return files


def conflict_codes(folder: Path) -> dict[str, str]:
    """Unmerged paths and git's two-letter code for each (UU, DU, UD …)."""
    out = run_git(folder, "status", "--porcelain=v1", "-z", "--", ".")
    codes = {}
    for entry in out.split("\0"):
        if len(entry) >= 4 and entry[:2] in _CONFLICT_CODES:
            codes[entry[3:]] = entry[:2]
    return codes


def toplevel(folder: Path) -> Path:
    return Path(run_git(folder, "rev-parse", "--show-toplevel").strip())
