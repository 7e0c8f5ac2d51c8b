"""The file names images had before the import pipeline renamed them by their hash.

``assets/.names.json`` maps an asset's file name ("3f9a…c1.png") to the name it was imported
from ("k9s screenshot.png"), so the image panel can show what the editor knows the picture
by. It travels with the issue (unlike ``.masthead/``), is never exported (a hidden file under
``assets/`` is no asset), and losing it loses nothing but those names.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from editor_app.core.atomic import atomic_write_text
from editor_app.core.storage import ASSETS_DIR

NAMES_FILE = ".names.json"
_MAX_NAME = 255


def names_path(issue_folder: Path | str) -> Path:
    return Path(issue_folder) / ASSETS_DIR / NAMES_FILE


def original_names(issue_folder: Path | str) -> dict[str, str]:
    """Asset file name -> the name it was imported from; {} when none are known or the file
    is damaged (it is only a convenience)."""
    path = names_path(issue_folder)
    try:
        if path.is_symlink():
            return {}  # never followed, like every link in an issue
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str) and v}


def source_name(source: str) -> str:
    """The file name part of a path or URL an image came from ("" for none)."""
    name = posixpath.basename(source.replace("\\", "/").split("?", 1)[0].split("#", 1)[0])
    return name.strip()[:_MAX_NAME]


def remember_name(issue_folder: Path | str, asset: str, source: str) -> None:
    """Record that ``asset`` ("assets/<hash>.png") came from ``source`` (a path, URL or
    name). A name already recorded stays: the first import named the picture."""
    name = source_name(source)
    file = posixpath.basename(asset)
    if not name or name == file:
        return
    names = original_names(issue_folder)
    if names.get(file):
        return
    names[file] = name
    _write(issue_folder, names)


def forget_name(issue_folder: Path | str, asset: str) -> None:
    """Drop the name of ``asset`` (an import that was cancelled); no names, no file."""
    names = original_names(issue_folder)
    if names.pop(posixpath.basename(asset), None) is None:
        return
    if names:
        _write(issue_folder, names)
    else:
        names_path(issue_folder).unlink(missing_ok=True)


def _write(issue_folder: Path | str, names: dict[str, str]) -> None:
    text = json.dumps(dict(sorted(names.items())), ensure_ascii=False, indent=1) + "\n"
    atomic_write_text(names_path(issue_folder), text)
