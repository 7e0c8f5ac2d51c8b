"""masthead export ISSUE --format markdown|html --out DIR [--profile PROFILE] …

Defaults come from the ``export:`` settings in issue.yaml (the GUI's export panel writes
them), so `masthead export ISSUE` repeats the editor's last export.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from editor_app.commands.common import open_issue
from editor_app.core.errors import ExportError
from editor_app.core.export import FORMATS, get_exporter
from editor_app.core.export.base import (
    REMOTE_IMAGE_MAX_MB,
    ExportOptions,
    PreflightError,
    megabytes,
    run_export,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write the issue for a static site; print each file")
    p.add_argument("issue", help="issue folder")
    p.add_argument("--format", choices=FORMATS, help="markdown or html (default: issue setting)")
    p.add_argument("--out", metavar="DIR", help="output folder (default: issue setting)")
    p.add_argument(
        "--profile",
        help="markdown: hugo, jekyll, plain; html: site, single-file (default: the first)",
    )
    p.add_argument("--image-prefix", metavar="URL", help="markdown: URL prefix for images (CDN)")
    p.add_argument(
        "--allow-remote",
        action="store_true",
        help="html: fetch remote images into the export (embedded in a single file, into "
        "assets/remote/ for a site); without it they stay links to their sites",
    )
    p.add_argument(
        "--remote-image-max-mb",
        type=float,
        metavar="MB",
        help=f"html: size limit of each fetched image (default: issue setting, else "
        f"{REMOTE_IMAGE_MAX_MB} MB)",
    )
    p.add_argument("--force", action="store_true", help="export even if the checks find errors")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    issue = open_issue(args.issue)
    settings = issue.export or {}
    fmt = args.format or str(settings.get("format") or "")
    if fmt not in FORMATS:
        raise ExportError("no export format: pass --format markdown or --format html", issue.folder)
    out = args.out
    if not out and settings.get("out"):
        # A folder stored in issue.yaml is relative to the issue folder.
        out = str((issue.folder or Path(".")) / str(settings["out"]))
    if not out:
        raise ExportError("no output folder: pass --out DIR", issue.folder)
    options = ExportOptions.from_settings(settings if settings.get("format", fmt) == fmt else {})
    if args.profile:
        options.profile = args.profile
    if args.image_prefix is not None:
        options.image_prefix = args.image_prefix
    options.allow_remote = options.allow_remote or args.allow_remote
    if args.remote_image_max_mb is not None:
        if args.remote_image_max_mb <= 0:
            raise ExportError("--remote-image-max-mb must be more than 0", issue.folder)
        options.remote_image_max_bytes = megabytes(args.remote_image_max_mb)
    options.force = args.force
    try:
        result = run_export(get_exporter(fmt), issue, out, options)
    except PreflightError as exc:
        for p in exc.problems:
            where = f" [{p.card}]" if p.card else ""
            print(f"{p.severity}: {p.code}{where}: {p.message}", file=sys.stderr)
        print(f"masthead: {exc.message}; fix them or pass --force", file=sys.stderr)
        return 1
    for p in result.problems:
        if p.severity != "error" or args.force:
            where = f" [{p.card}]" if p.card else ""
            print(f"{p.severity}: {p.code}{where}: {p.message}", file=sys.stderr)
    for path in result.files or []:
        print(path)
    return 0
