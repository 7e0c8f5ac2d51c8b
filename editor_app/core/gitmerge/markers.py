"""Reading git's conflict markers: the two versions a conflicted file holds."""

from __future__ import annotations

import re
from pathlib import Path

from editor_app.core.errors import IssueFormatError
from editor_app.core.messages import text as message

_START = re.compile(r"^<{7} ")
_BASE = re.compile(r"^\|{7}( |$)")
_MIDDLE = re.compile(r"^={7}$")
_END = re.compile(r"^>{7} ")


def has_markers(text: str) -> bool:
    return any(_START.match(line) for line in text.splitlines())


def first_marker_line(text: str) -> int | None:
    """1-based line of the first ``<<<<<<<`` marker."""
    for number, line in enumerate(text.splitlines(), 1):
        if _START.match(line):
            return number
    return None


def split_versions(text: str) -> tuple[str, str]:
    """(ours, theirs): the text with every conflict resolved to one side.

    Handles git's default and diff3 styles (a ``|||||||`` base block is dropped from both).
    """
    ours: list[str] = []
    theirs: list[str] = []
    state = ""
    for line in text.splitlines(keepends=True):
        bare = line.rstrip("\r\n")
        if not state and _START.match(bare):
            state = "ours"
        elif state == "ours" and _BASE.match(bare):
            state = "base"
        elif state in {"ours", "base"} and _MIDDLE.match(bare):
            state = "theirs"
        elif state == "theirs" and _END.match(bare):
            state = ""
        elif state == "ours":
            ours.append(line)
        elif state == "theirs":
            theirs.append(line)
        elif not state:
            ours.append(line)
            theirs.append(line)
    return "".join(ours), "".join(theirs)


def refuse_merge_markers(text: str, path: Path) -> None:
    """A file left mid-merge must not be read (and later saved) as if it were whole."""
    line = first_marker_line(text)
    if line is not None:
        raise IssueFormatError(message("file.merge-conflict"), path, line)
