"""The export panel's settings: the ``export:`` mapping of issue.yaml and the output folder.

``masthead export ISSUE`` reads the same mapping, so what the panel stores the command
repeats. ``out`` is stored relative to the issue folder when the output folder lies in the
same tree as the library (a site checkout beside the issues: the path works for everyone
who clones it), and absolute otherwise (a folder in the editor's home).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor_app.core.export.registry import EXPORTS, ExportOption, ExportRegistry
from editor_app.core.model import Issue

# The default output folder: ~/Masthead Exports. Every format's layout already puts the
# issue under its slug there (<slug>/index.md, <slug>.md with <slug>/, <slug>.html …), so
# the folder itself is not per issue: that would nest the slug twice. Never inside the issue folder (the
# export must not land in the issue's own assets/) nor inside a library that may be a git
# repository; the editor picks a site folder with Browse… and the choice is stored.
EXPORTS_FOLDER_NAME = "Masthead Exports"


def panel_options(registry: ExportRegistry = EXPORTS) -> tuple[ExportOption, ...]:
    """The options the panel shows and stores (the others are issue.yaml or CLI only)."""
    return tuple(o for o in registry.options if o.label and o.stored)


@dataclass
class ExportSettings:
    format: str = ""  # "" = the registry's first format
    profile: str = ""  # "" = the format's first profile
    out: str = ""  # as stored in issue.yaml; "" = the default folder
    values: dict[str, Any] = field(default_factory=dict)  # the panel's options, by key
    registry: ExportRegistry = field(default=EXPORTS, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.format = self.format or self.registry.format_names[0]
        defaults = {o.key: o.default for o in panel_options(self.registry)}
        self.values = {**defaults, **self.values}

    @classmethod
    def from_mapping(
        cls, data: dict[str, Any] | None, registry: ExportRegistry = EXPORTS
    ) -> ExportSettings:
        data = data or {}
        fmt = str(data.get("format") or "")
        if not registry.has_format(fmt):
            fmt = registry.format_names[0]
        profile = str(data.get("profile") or "")
        if profile not in registry.format(fmt).profile_names:
            profile = ""
        values = {o.key: o.panel_value(data.get(o.key)) for o in panel_options(registry)}
        return cls(fmt, profile, str(data.get("out") or ""), values, registry)

    @property
    def effective_profile(self) -> str:
        return self.profile or self.registry.format(self.format).profile_names[0]

    def to_mapping(self, existing: dict[str, Any] | None = None) -> dict[str, Any]:
        """The new ``export:`` mapping; keys the panel does not know are kept as they were."""
        options = panel_options(self.registry)
        keys = {"format", "profile", "out", *(o.key for o in options)}
        data = {k: v for k, v in (existing or {}).items() if k not in keys}
        out: dict[str, Any] = {"format": self.format, "profile": self.effective_profile}
        if self.out:
            out["out"] = self.out
        for option in options:  # only what differs from the default is written
            value = self.values.get(option.key, option.default)
            if value != option.default:
                out[option.key] = value
        out.update(data)
        return out


def default_out_dir(issue: Issue, home: Path | None = None) -> Path:
    """Where an issue exports when the editor has not chosen a folder (the same for every
    issue: the format's layout names the issue's own files and folder inside it)."""
    del issue  # kept so that callers need not know the default is shared
    return (home or Path.home()) / EXPORTS_FOLDER_NAME


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
