"""masthead export ISSUE --format markdown|html --out DIR [--profile PROFILE] …

Defaults come from the ``export:`` settings in issue.yaml (the GUI's export panel writes
them), so `masthead export ISSUE` repeats the editor's last export.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from editor_app.commands.common import open_issue, problem_line
from editor_app.core.errors import ExportError
from editor_app.core.export.base import ExportOptions, PreflightError, run_export
from editor_app.core.export.registry import EXPORTS, FLAG, MEGABYTES, ExportRegistry
from editor_app.core.i18n_catalog import cli_catalog
from editor_app.core.problems import ERROR


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write the issue for a static site; print each file")
    add_arguments(p)
    p.set_defaults(run=run)


def add_arguments(p: argparse.ArgumentParser, registry: ExportRegistry = EXPORTS) -> None:
    """The arguments of ``masthead export``: formats, profiles and options from ``registry``."""
    p.add_argument("issue", help="issue folder")
    formats = registry.format_names
    p.add_argument(
        "--format",
        choices=formats,
        help=f"{', '.join(formats[:-1])} or {formats[-1]} (default: issue setting)"
        if len(formats) > 1
        else f"{formats[0]} (default: issue setting)",
    )
    p.add_argument("--out", metavar="DIR", help="output folder (default: issue setting)")
    p.add_argument(
        "--profile",
        choices=registry.profile_names,
        metavar="PROFILE",
        help=f"{registry.profiles_help()} (default: the first)",
    )
    for option in registry.options:
        if option.kind == FLAG:
            p.add_argument(option.flag, action="store_true", help=registry.option_help(option))
        else:
            p.add_argument(
                option.flag,
                type=float if option.kind == MEGABYTES else str,
                metavar=option.metavar,
                help=registry.option_help(option),
            )


def options_from_args(
    args: argparse.Namespace,
    settings: dict,
    fmt: str,
    folder: Path | None = None,
    registry: ExportRegistry = EXPORTS,
) -> ExportOptions:
    """Stored settings (those of the same format), overridden by what the command line gives."""
    same = settings.get("format", fmt) == fmt
    options = registry.options_from_settings(settings if same else {})
    if args.profile:
        options.profile = args.profile
    for option in registry.options:
        given = getattr(args, option.key, None)
        if option.kind == FLAG:
            # A switch only turns an option on; the stored setting stays otherwise.
            if given:
                setattr(options, option.attr, True)
            elif not option.stored:
                setattr(options, option.attr, False)
        elif given is not None:
            if option.kind == MEGABYTES and given <= 0:
                raise ExportError(
                    cli_catalog().text("export.more-than-zero", flag=option.flag), folder
                )
            setattr(options, option.attr, option.from_setting(given))
    return options


def run(args: argparse.Namespace, registry: ExportRegistry = EXPORTS) -> int:
    issue = open_issue(args.issue)
    settings = issue.export or {}
    fmt = args.format or str(settings.get("format") or "")
    if not registry.has_format(fmt):
        choices = " or ".join(f"--format {f}" for f in registry.format_names)
        raise ExportError(cli_catalog().text("export.no-format", choices=choices), issue.folder)
    out = args.out
    if not out and settings.get("out"):
        # A folder stored in issue.yaml is relative to the issue folder.
        out = str((issue.folder or Path(".")) / str(settings["out"]))
    if not out:
        raise ExportError(cli_catalog().text("export.no-out"), issue.folder)
    options = options_from_args(args, settings, fmt, issue.folder, registry)
    catalog = cli_catalog()
    try:
        result = run_export(registry.exporter(fmt), issue, out, options)
    except PreflightError as exc:
        for p in exc.problems:
            print(problem_line(p, catalog), file=sys.stderr)
        errors = sum(p.severity == ERROR for p in exc.problems)
        count = catalog.count("cli.errors", errors)
        print(catalog.text("export.stopped", errors=count), file=sys.stderr)
        return 1
    for p in result.problems:
        if p.severity != "error" or args.force:
            print(problem_line(p, catalog), file=sys.stderr)
    for path in result.files or []:
        print(path)
    return 0
