"""masthead check ISSUE [--archive LIBRARY] [--json] [--fix-typography [--wait]]"""

from __future__ import annotations

import argparse
from typing import Any

from editor_app.commands.common import (
    add_wait_options,
    locked_issue,
    open_issue,
    print_json,
    problem_line,
    summary_counts,
)
from editor_app.core.checks import FeaturedLookup, check_issue, has_errors
from editor_app.core.i18n_catalog import Catalog, cli_catalog
from editor_app.core.model import Issue
from editor_app.core.storage import CARDS_DIR, save_card
from editor_app.core.typography import (
    apply_fixes,
    fix_excerpt,
    fix_position,
    issue_fixes,
    problem_code,
    typography_on,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="pre-publish checks; exit 1 on errors")
    p.add_argument("issue", help="issue folder")
    p.add_argument("--archive", metavar="LIBRARY", help="also report links featured before")
    p.add_argument("--json", action="store_true", help="print problems as JSON")
    p.add_argument(
        "--fix-typography",
        action="store_true",
        help="first correct the CJK typography problems (spacing, punctuation) in the card "
        "files, printing each change, then check",
    )
    add_wait_options(p)
    p.set_defaults(run=run)


def featured_lookup(archive: str | None, issue: Issue) -> FeaturedLookup | None:
    if not archive:
        return None
    from editor_app.core.ledger import featured_lookup as lookup

    return lookup(archive, exclude=issue.folder, until=issue.date, number=issue.number)


def run(args: argparse.Namespace) -> int:
    catalog = cli_catalog()
    fixed: list[dict[str, Any]] = []
    if args.fix_typography:
        fixed = fix_typography(args, catalog, quiet=args.json)
    issue = open_issue(args.issue)
    # Nothing is rendered here: the render limits come from their pre-scan.
    problems = check_issue(issue, featured_lookup(args.archive, issue), render=False)
    if args.json:
        data: dict[str, Any] = {"problems": [p.to_json() for p in problems]}
        if args.fix_typography:
            data["fixed"] = fixed
        data["ok"] = not has_errors(problems)
        print_json(data)
    else:
        for p in problems:
            print(problem_line(p, catalog))
        print(summary_counts(problems, catalog))
    return 1 if has_errors(problems) else 0


def fix_typography(args: argparse.Namespace, catalog: Catalog, quiet: bool) -> list[dict]:
    """Apply every typography fix to the card files (each written atomically, under the
    issue's write lock) and say what changed; the changes, as JSON records."""
    out: list[dict[str, Any]] = []
    with locked_issue(args) as issue:
        if not typography_on(issue):
            if not quiet:
                print(catalog.text("cli.typography-off", language=issue.language))
            return out
        assert issue.folder is not None
        for card_id, fields in issue_fixes(issue).items():
            card = issue.cards[card_id]
            path = f"{CARDS_DIR}/{card_id}.md"
            for field, fixes in fields.items():
                text = getattr(card, field)
                for fix in fixes:
                    line, column = fix_position(text, fix)
                    before, after = fix_excerpt(text, fix)
                    out.append(
                        {
                            "card": card_id,
                            "field": field,
                            "line": line,
                            "column": column,
                            "code": problem_code(fix),
                            "old": fix.old,
                            "new": fix.new,
                        }
                    )
                    if not quiet:
                        print(
                            catalog.text(
                                f"cli.typography-{field}",
                                path=path,
                                line=line,
                                column=column,
                                text=before,
                                fixed=after,
                            )
                        )
                setattr(card, field, apply_fixes(text, fixes))
            save_card(issue.folder, card)
        if not quiet:
            cards = len({item["card"] for item in out})
            fixes = catalog.count("cli.typography-fixes", len(out))
            cards_text = catalog.count("cli.typography-cards", cards)
            print(catalog.text("cli.typography-summary", fixes=fixes, cards=cards_text))
    return out
