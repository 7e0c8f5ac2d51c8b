"""masthead image add ISSUE FILE [--card ID] [--alt TEXT] [--max-width N] [--wait]
masthead image list ISSUE [--json]"""

from __future__ import annotations

import argparse
import sys

from editor_app.commands.common import add_wait_options, locked_issue, open_issue, print_json
from editor_app.core.errors import MastheadError
from editor_app.core.i18n_catalog import cli_catalog
from editor_app.core.images import (
    DEFAULT_MAX_WIDTH,
    asset_report,
    fetch_remote_image,
    import_image,
)
from editor_app.core.storage import save_card


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("image", help="import images into an issue; list its assets")
    actions = p.add_subparsers(dest="image_command", metavar="ACTION")
    p.set_defaults(run=lambda args: _usage(p))

    add = actions.add_parser(
        "add",
        help="run an image through the import pipeline into the issue's assets/",
        description="Import an image (PNG, JPEG, WebP or GIF; a file or an http(s) URL) into "
        "the issue's assets/ folder and print its path. With --card, append a reference to "
        "the card's body.",
    )
    add.add_argument("issue", help="issue folder")
    add.add_argument("file", help="image file, or an http(s) URL to fetch")
    add.add_argument("--card", metavar="ID", help="append ![alt](assets/...) to this card")
    add.add_argument("--alt", metavar="TEXT", default="", help="alt text describing the image")
    add.add_argument(
        "--max-width",
        metavar="N",
        type=_positive,
        default=DEFAULT_MAX_WIDTH,
        help=f"downscale wider images to N pixels (default {DEFAULT_MAX_WIDTH})",
    )
    add.add_argument("--json", action="store_true", help="print the result as JSON")
    add_wait_options(add)
    add.set_defaults(run=run_add)

    ls = actions.add_parser("list", help="the issue's assets, their users and problems")
    ls.add_argument("issue", help="issue folder")
    ls.add_argument("--json", action="store_true", help="print as JSON")
    ls.set_defaults(run=run_list)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_usage(sys.stderr)
    print(cli_catalog().text("cli.image-choose-action"), file=sys.stderr)
    return 2


def run_add(args: argparse.Namespace) -> int:
    # The card is read, extended and written under the issue's write lock, so commands
    # running at the same time each add their reference; the window refuses them meanwhile.
    with locked_issue(args) as issue:
        assert issue.folder is not None
        card = None
        if args.card:
            card = issue.cards.get(args.card)
            if card is None:
                raise MastheadError(cli_catalog().text("cli.no-card", card=args.card), issue.folder)
            if card.unreadable:
                raise MastheadError(
                    cli_catalog().text(
                        "cli.card-unreadable", card=args.card, reason=card.unreadable
                    )
                )
        if args.file.lower().startswith(("http://", "https://")):
            image = fetch_remote_image(args.file, issue.folder, max_width=args.max_width)
        else:
            image = import_image(args.file, issue.folder, max_width=args.max_width)
        if card is not None:
            body = card.body.rstrip("\n")
            card.body = (body + "\n\n" if body else "") + image.markdown(args.alt)
            save_card(issue.folder, card)
    if card is not None and not args.alt.strip():
        catalog = cli_catalog()
        detail = catalog.text("image.no-alt", path=image.path)
        print(catalog.text("cli.warning", detail=detail), file=sys.stderr)
    if args.json:
        data = image.to_json()
        data["card"] = card.id if card else None
        data["alt"] = args.alt
        print_json(data)
    else:
        print(image.path)
    return 0


def run_list(args: argparse.Namespace) -> int:
    issue = open_issue(args.issue)
    report = asset_report(issue)
    if args.json:
        print_json({"assets": [info.to_json() for info in report]})
        return 0
    catalog = cli_catalog()
    separator = catalog.text("cli.list-separator")
    for info in report:
        size = f"{info.width}x{info.height}" if info.width else "-"
        kib = f"{info.bytes / 1024:.0f} KiB" if info.exists else "-"
        users = ",".join(info.cards) or "-"
        flags = separator.join(map(catalog.asset_flag, info.problems or ["none"]))
        print(f"{info.path}\t{size}\t{kib}\t{users}\t{flags}")
    return 0
