"""The `masthead` command line. Never imports Qt for a subcommand, so scripts start fast."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from editor_app import __version__
from editor_app.core.errors import IssueNotFoundError, MastheadError
from editor_app.core.i18n_catalog import cli_catalog

# Subcommand -> the module under editor_app/commands that registers and runs it, in the
# order help lists them. A command's module is imported only when that command runs (or for
# the full help): `masthead check` should not pay for the exporters, images and importers.
COMMANDS = {
    "new": "new",
    "import": "importer",
    "export": "export",
    "check": "check",
    "inspect": "inspect",
    "image": "image",
    "links": "links",
    "inbox": "inbox",
    "git-setup": "git_setup",
    "search": "search",
    "merge-issue": "merge_issue",
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command-line parser, with every subcommand or with ``only`` that one."""
    parser = argparse.ArgumentParser(
        prog="masthead", description="Compose newsletter issues and export them to a static site."
    )
    parser.add_argument("--version", action="version", version=f"masthead {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in COMMANDS.items():
        if only is None or name == only:
            importlib.import_module(f"editor_app.commands.{module}").register(sub)
    return parser


def gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="masthead", description="Open the Masthead window.")
    parser.add_argument("--version", action="version", version=f"masthead {__version__}")
    parser.add_argument("path", nargs="?", help="library or issue folder (default: sample library)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    subcommands = set(COMMANDS)
    try:
        if argv and (argv[0] in subcommands or argv[0] in {"-h", "--help"}):
            parser = build_parser(argv[0] if argv[0] in subcommands else None)
            args = parser.parse_args(argv)
            return args.run(args)
        args = gui_parser().parse_args(argv)
        if args.path and not Path(args.path).exists():
            # Most often a mistyped subcommand; opening a window on nothing helps nobody.
            choices = ", ".join(sorted(subcommands))
            message = cli_catalog().text("cli.not-a-command", choices=choices)
            raise IssueNotFoundError(message, args.path)
        from editor_app.launch import launch_gui  # Qt is imported only here

        return launch_gui(args.path)
    except MastheadError as exc:
        catalog = cli_catalog()
        print(catalog.text("cli.error", detail=catalog.error(exc)), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:
        # A folder that cannot be created or written (permissions, a file in the way, disk full).
        where = f"{exc.filename}: " if exc.filename else ""
        detail = f"{where}{exc.strerror or exc}"
        print(cli_catalog().text("cli.error", detail=detail), file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
