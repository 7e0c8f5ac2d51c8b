"""masthead git-setup LIBRARY

Registers the issue.yaml merge driver (``masthead merge-issue``) in the library's repository.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from editor_app.core.i18n_catalog import cli_catalog


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("git-setup", help="register the outline-aware merge driver for issue.yaml")
    p.add_argument("library", help="library folder inside a git repository")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from editor_app.core.gitmerge.setup import setup_library

    changes = setup_library(Path(args.library))
    catalog = cli_catalog()
    for change in changes:
        print(change)
    if not changes:
        print(catalog.text("cli.git-setup-unchanged"))
    return 0
