"""masthead import FILE --into LIBRARY [--format auto|markdown|text] [--slug S] [--status …]"""

from __future__ import annotations

import argparse
import sys

from editor_app.core.i18n_catalog import cli_catalog
from editor_app.core.importers import FORMATS, STATUSES, import_file


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="create an issue from a Markdown or plain-text issue")
    p.add_argument("file", help="Markdown or plain-text file")
    p.add_argument("--into", required=True, metavar="LIBRARY", help="library folder")
    p.add_argument("--format", choices=FORMATS, default="auto", help="input format")
    p.add_argument("--slug", help="folder name of the new issue")
    p.add_argument(
        "--status",
        choices=STATUSES,
        default="draft",
        help="status of the new issue and its cards (default: draft)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    issue, guesses = import_file(
        args.file, args.into, fmt=args.format, slug=args.slug, status=args.status
    )
    print(issue.folder)
    catalog = cli_catalog()
    for guess in guesses:
        text = catalog.guess(guess)
        if guess.line:
            text = catalog.text("cli.guess-line", line=guess.line, message=text)
        print(catalog.text("cli.import-guess", guess=text), file=sys.stderr)
    return 0
