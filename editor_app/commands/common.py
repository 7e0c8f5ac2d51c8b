"""Helpers shared by the subcommands."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from editor_app.core.errors import IssueNotFoundError
from editor_app.core.model import Issue
from editor_app.core.storage import is_issue_folder, load_issue


def open_issue(path: str) -> Issue:
    folder = Path(path)
    if folder.name == "issue.yaml":
        folder = folder.parent
    if not folder.exists():
        raise IssueNotFoundError("no such folder", folder)
    if not is_issue_folder(folder):
        raise IssueNotFoundError("not an issue folder (no issue.yaml)", folder)
    return load_issue(folder)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
