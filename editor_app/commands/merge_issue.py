"""masthead merge-issue BASE OURS THEIRS [SIZE] [PATH]

The merge driver git runs for issue.yaml (registered by ``masthead git-setup``): OURS is
rewritten with the merged result; exit 0 when merged, 1 when a conflict is left in the file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from editor_app.core.i18n_catalog import cli_catalog


def register(sub: argparse._SubParsersAction) -> None:
    m = sub.add_parser("merge-issue", help="git merge driver for issue.yaml (run by git)")
    m.add_argument("base")
    m.add_argument("ours", help="rewritten with the merged result")
    m.add_argument("theirs")
    m.add_argument("marker_size", nargs="?", default="7")
    m.add_argument("path", nargs="?", default="issue.yaml")
    m.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from editor_app.core.atomic import atomic_write_text
    from editor_app.core.gitmerge.manifest_merge import merge_manifests

    def read(path: str) -> str:
        return Path(path).read_text(encoding="utf-8")

    result = merge_manifests(
        read(args.base),
        read(args.ours),
        read(args.theirs),
        ours_label="ours",
        theirs_label="theirs",
    )
    atomic_write_text(args.ours, result.text)
    catalog = cli_catalog()
    for note in result.notes:
        print(f"{args.path}: {note}", file=sys.stderr)
    for conflict in result.conflicts:
        print(
            catalog.text("cli.merge-conflict", path=args.path, where=conflict.where),
            file=sys.stderr,
        )
    return 0 if result.clean else 1
