"""masthead inspect ISSUE --json"""

from __future__ import annotations

import argparse

from editor_app.commands.common import open_issue, print_json
from editor_app.core.inspect import issue_json
from editor_app.core.numbering import compute_numbers


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("inspect", help="print the issue (as JSON with --json)")
    p.add_argument("issue", help="issue folder")
    p.add_argument("--json", action="store_true", help="print the full issue as JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    issue = open_issue(args.issue)
    if args.json:
        print_json(issue_json(issue))
        return 0
    numbers = compute_numbers(issue)
    print(f"{issue.title}  #{issue.number or '-'}  {issue.date or ''}")
    by_section: dict[str, list] = {s.id: [] for s in issue.sections}
    for section, card, depth in issue.iter_cards():
        by_section[section.id].append((card, depth))
    for section in issue.sections:  # empty sections are listed too
        label = " ".join(x for x in (section.emoji, numbers.sections[section.id]) if x)
        print(f"\n{label} {section.title}".rstrip())
        for card, depth in by_section[section.id]:
            print(f"{'  ' * (depth + 1)}{numbers.display(card.id)} {card.title}")
    return 0
