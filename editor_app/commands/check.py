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
from editor_app.core.storage import CARDS_DIR, MANIFEST, save_card, save_manifest
from editor_app.core.typography import (
    Fix,
    apply_fixes,
    fix_excerpt,
    fix_position,
    problem_code,
    typography_on,
)
from editor_app.core.typography_places import CARD, SECTION, Place, place_fixes, set_text, text_at


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="pre-publish checks; exit 1 on errors")
    p.add_argument("issue", help="issue folder")
    p.add_argument("--archive", metavar="LIBRARY", help="also report links featured before")
    p.add_argument("--json", action="store_true", help="print problems as JSON")
    p.add_argument(
        "--fix-typography",
        action="store_true",
        help="first correct the CJK typography problems (spacing, punctuation) in the cards "
        "(with their source titles, link labels and further reading; never a URL), the "
        "section titles and intros and the issue's title and summary, printing each change, "
        "then check",
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
    """Apply every typography fix to the card files and issue.yaml (each written atomically,
    under the issue's write lock) and say what changed; the changes, as JSON records."""
    out: list[dict[str, Any]] = []
    with locked_issue(args) as issue:
        if not typography_on(issue):
            if not quiet:
                print(catalog.text("cli.typography-off", language=issue.language))
            return out
        assert issue.folder is not None
        cards: set[str] = set()
        manifest = False
        titles = {section.id: section.title for section in issue.sections}  # as found
        for place, fixes in place_fixes(issue):
            text = text_at(issue, place) or ""
            path = f"{CARDS_DIR}/{place.owner}.md" if place.kind == CARD else MANIFEST
            name = titles.get(place.owner, "") if place.kind == SECTION else ""
            for fix in fixes:
                record = _fix_record(place, text, fix)
                out.append(record)
                if not quiet:
                    before, after = fix_excerpt(text, fix)
                    print(
                        catalog.text(
                            f"cli.typography-{place.variant}",
                            path=path,
                            name=name,
                            line=record["line"],
                            column=record["column"],
                            item=place.item,
                            text=before,
                            fixed=after,
                        )
                    )
            set_text(issue, place, apply_fixes(text, fixes))
            if place.kind == CARD:
                cards.add(place.owner)
            else:
                manifest = True
        for card_id in cards:
            save_card(issue.folder, issue.cards[card_id])
        if manifest:
            save_manifest(issue.folder, issue)
        if not quiet:
            fixes_text = catalog.count("cli.typography-fixes", len(out))
            cards_text = catalog.count("cli.typography-cards", len(cards))
            key = "cli.typography-summary-manifest" if manifest else "cli.typography-summary"
            print(catalog.text(key, fixes=fixes_text, cards=cards_text))
    return out


def _fix_record(place: Place, text: str, fix: Fix) -> dict[str, Any]:
    """One change as ``--json`` lists it: where (a card, a section, or neither for the
    issue's own fields), the field, line and column, the code, and the text before and after."""
    line, column = fix_position(text, fix)
    record: dict[str, Any] = {"card": place.owner if place.kind == CARD else None}
    if place.kind == SECTION:
        record["section"] = place.owner
    record.update(
        field=place.field,
        line=line,
        column=column,
        code=problem_code(fix),
        old=fix.old,
        new=fix.new,
    )
    return record
