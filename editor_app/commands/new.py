"""masthead new LIBRARY --title T [--slug S]"""

from __future__ import annotations

import argparse

from editor_app.core.template import new_issue


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="create an issue from the default template")
    p.add_argument("library", help="library folder to create the issue in")
    p.add_argument("--title", required=True, help="issue title")
    p.add_argument("--slug", help="folder name (default: from the title)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    issue = new_issue(args.library, args.title, slug=args.slug)
    print(issue.folder)
    return 0
