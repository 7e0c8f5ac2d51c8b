"""Helpers shared by the subcommands."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from editor_app.core.errors import IssueNotFoundError
from editor_app.core.i18n_catalog import Catalog, cli_catalog
from editor_app.core.lock import issue_write_lock
from editor_app.core.model import Issue
from editor_app.core.problems import Problem
from editor_app.core.storage import is_issue_folder, load_issue


def issue_folder(path: str) -> Path:
    """The issue folder named on the command line (the folder or its issue.yaml)."""
    folder = Path(path)
    if folder.name == "issue.yaml":
        folder = folder.parent
    if not folder.exists():
        raise IssueNotFoundError(cli_catalog().text("cli.no-such-folder"), folder)
    if not is_issue_folder(folder):
        raise IssueNotFoundError(cli_catalog().text("cli.not-issue-folder"), folder)
    return folder


def open_issue(path: str) -> Issue:
    return load_issue(issue_folder(path))


def add_wait_options(parser: argparse.ArgumentParser) -> None:
    """--wait / --wait-timeout for a command that writes into an existing issue."""
    parser.add_argument(
        "--wait",
        action="store_true",
        help="if the issue is open in a Masthead window, wait until it is closed "
        "(by default the command refuses)",
    )
    parser.add_argument(
        "--wait-timeout",
        metavar="SECONDS",
        type=float,
        default=None,
        help="with --wait, give up after SECONDS (default: wait until the window closes)",
    )


@contextlib.contextmanager
def locked_issue(args: argparse.Namespace) -> Iterator[Issue]:
    """Load ``args.issue`` under its write lock, for a read-modify-write of the issue.

    Other commands writing the same issue queue behind this one; a window holding the issue
    makes the command refuse (exit 2) unless ``--wait`` was given.
    """
    folder = issue_folder(args.issue)
    wait = bool(getattr(args, "wait", False))
    timeout = getattr(args, "wait_timeout", None)
    with issue_write_lock(folder, wait=wait, timeout=timeout if wait else None):
        yield load_issue(folder)


def problem_line(item: Problem, catalog: Catalog) -> str:
    """One problem as the CLI prints it, in the locale's language (codes stay as they are)."""
    if item.card:
        where = catalog.text("cli.where-card", card=item.card)
    elif item.section:
        where = catalog.text("cli.where-section", section=item.section)
    else:
        where = ""
    return catalog.text(
        "cli.problem",
        severity=item.severity,
        code=item.code,
        where=where,
        message=catalog.problem(item),
    )


def summary_counts(problems: list[Problem], catalog: Catalog) -> str:
    """ "2 errors, 1 warning, 0 notes" in the catalog's language."""
    errors = sum(p.severity == "error" for p in problems)
    notes = sum(p.severity == "info" for p in problems)
    warnings = len(problems) - errors - notes
    return catalog.text(
        "cli.check-summary",
        errors=catalog.count("cli.errors", errors),
        warnings=catalog.count("cli.warnings", warnings),
        notes=catalog.count("cli.notes", notes),
    )


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
