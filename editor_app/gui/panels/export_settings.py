"""The export panel's settings: the ``export:`` mapping of issue.yaml and the output folder.

``masthead export ISSUE`` reads the same mapping, so what the panel stores the command
repeats. ``out`` is stored relative to the issue folder when the output folder lies in the
same tree as the library (a site checkout beside the issues: the path works for everyone
who clones it), and absolute otherwise (a folder in the editor's home).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor_app.core.export.markdown import export_slug
from editor_app.core.model import Issue

PROFILES: dict[str, tuple[str, ...]] = {
    "markdown": ("hugo", "jekyll", "plain"),
    "html": ("site", "single-file"),
}
DEFAULT_FORMAT = "markdown"
# The default output folder: ~/Masthead Exports/<slug>. Never inside the issue folder (the
# export must not land in the issue's own assets/) nor inside a library that may be a git
# repository; the editor picks a site folder with Browse… and the choice is stored.
EXPORTS_FOLDER_NAME = "Masthead Exports"


@dataclass
class ExportSettings:
    format: str = DEFAULT_FORMAT
    profile: str = ""  # "" = the format's first profile
    out: str = ""  # as stored in issue.yaml; "" = the default folder
    image_prefix: str = ""
    allow_remote: bool = False

    @classmethod
    def from_mapping(cls, data: dict[str, Any] | None) -> ExportSettings:
        data = data or {}
        fmt = str(data.get("format") or DEFAULT_FORMAT)
        if fmt not in PROFILES:
            fmt = DEFAULT_FORMAT
        profile = str(data.get("profile") or "")
        if profile not in PROFILES[fmt]:
            profile = ""
        return cls(
            format=fmt,
            profile=profile,
            out=str(data.get("out") or ""),
            image_prefix=str(data.get("image_prefix") or ""),
            allow_remote=bool(data.get("allow_remote", False)),
        )

    @property
    def effective_profile(self) -> str:
        return self.profile or PROFILES[self.format][0]

    def to_mapping(self, existing: dict[str, Any] | None = None) -> dict[str, Any]:
        """The new ``export:`` mapping; keys the panel does not know are kept as they were."""
        data = {k: v for k, v in (existing or {}).items() if k not in _KEYS}
        out: dict[str, Any] = {"format": self.format, "profile": self.effective_profile}
        if self.out:
            out["out"] = self.out
        if self.image_prefix:
            out["image_prefix"] = self.image_prefix
        if self.allow_remote:
            out["allow_remote"] = True
        out.update(data)
        return out


_KEYS = ("format", "profile", "out", "image_prefix", "allow_remote")


def default_out_dir(issue: Issue, home: Path | None = None) -> Path:
    """Where an issue exports when the editor has not chosen a folder."""
    return (home or Path.home()) / EXPORTS_FOLDER_NAME / export_slug(issue)


def resolve_out(issue_folder: Path, stored: str) -> Path:
    """The output folder a stored ``out`` value names (relative to the issue folder)."""
    path = Path(stored).expanduser()
    return Path(os.path.normpath(issue_folder / path)) if not path.is_absolute() else path


def store_out(issue_folder: Path, folder: Path) -> str:
    """How to store ``folder`` in issue.yaml: relative inside the library's tree, else absolute."""
    folder = Path(os.path.abspath(folder))
    issue_folder = Path(os.path.abspath(issue_folder))
    tree = issue_folder.parent.parent  # the folder holding the library
    if is_inside(folder, tree) and tree != Path(tree.anchor):
        return Path(os.path.relpath(folder, issue_folder)).as_posix()
    return str(folder)


def is_inside(path: Path, folder: Path) -> bool:
    """True when ``path`` is ``folder`` or lies below it (symbolic links resolved)."""
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents
