"""masthead check ISSUE [--archive LIBRARY] [--json]"""

from __future__ import annotations

import argparse

from editor_app.commands.common import open_issue, print_json, problem_line
from editor_app.core.checks import FeaturedLookup, check_issue, has_errors
from editor_app.core.i18n_catalog import cli_catalog
from editor_app.core.model import Issue


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="pre-publish checks; exit 1 on errors")
    p.add_argument("issue", help="issue folder")
    p.add_argument("--archive", metavar="LIBRARY", help="also report links featured before")
    p.add_argument("--json", action="store_true", help="print problems as JSON")
    p.set_defaults(run=run)


def featured_lookup(archive: str | None, issue: Issue) -> FeaturedLookup | None:
    if not archive:
        return None
    from editor_app.core.ledger import featured_lookup as lookup

    return lookup(archive, exclude=issue.folder, until=issue.date, number=issue.number)


def run(args: argparse.Namespace) -> int:
    issue = open_issue(args.issue)
    # Nothing is rendered here: the render limits come from their pre-scan.
    problems = check_issue(issue, featured_lookup(args.archive, issue), render=False)
    if args.json:
        print_json({"problems": [p.to_json() for p in problems], "ok": not has_errors(problems)})
    else:
        catalog = cli_catalog()
        for p in problems:
            print(problem_line(p, catalog))
        errors = sum(p.severity == "error" for p in problems)
        notes = sum(p.severity == "info" for p in problems)
        warnings = len(problems) - errors - notes
        print(catalog.text("cli.check-summary", errors=errors, warnings=warnings, notes=notes))
    return 1 if has_errors(problems) else 0
