"""masthead search LIBRARY QUERY... [--json] [--limit N] [--rebuild] [--no-index]

Full-text search over every issue of a library: titles, card bodies, notes, links and
section intros. Words match by prefix ("edit" finds "editor"); Chinese and other text
matches anywhere. The index in ``<library>/.masthead/`` is brought up to date first (built
when missing, rebuilt when damaged); a read-only library is searched without it, more
slowly. Exit 0 when something was found, 1 when nothing was, 2 on an error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from editor_app.core.errors import IssueNotFoundError, MastheadError
from editor_app.core.i18n_catalog import Catalog, cli_catalog
from editor_app.core.storage import MANIFEST

HIGHLIGHT_ON, HIGHLIGHT_OFF = "\x1b[7m", "\x1b[0m"  # reverse video, as grep --color marks


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help="search the text of every issue of a library")
    p.add_argument("library", help="library folder (a folder of issue folders)")
    p.add_argument("query", nargs="+", help='words, Chinese text, or a "quoted phrase"')
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.add_argument("--limit", type=int, default=50, metavar="N", help="at most N results (50)")
    p.add_argument("--rebuild", action="store_true", help="build the search index from scratch")
    p.add_argument(
        "--no-index", action="store_true", help="read the files instead of the index (slower)"
    )
    p.set_defaults(run=run)


def _library(path: str, catalog: Catalog) -> Path:
    library = Path(path)
    if not library.is_dir():
        raise IssueNotFoundError(catalog.text("cli.no-such-folder"), library)
    if (library / MANIFEST).is_file():
        raise IssueNotFoundError(catalog.text("search.issue-folder"), library)
    return library


def _marked(text: str, marks: tuple[tuple[int, int], ...], on: bool) -> str:
    if not on or not marks:
        return text
    out, pos = [], 0
    for start, end in marks:
        out += [text[pos:start], HIGHLIGHT_ON, text[start:end], HIGHLIGHT_OFF]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _index_note(outcome: Any, catalog: Catalog) -> str:
    from editor_app.core.search import engine

    issues = outcome.refreshed.issues if outcome.refreshed else 0
    if outcome.index == engine.INDEX_BUILT:
        return catalog.text("search.built", issues=issues)
    if outcome.index == engine.INDEX_REBUILT:
        return catalog.text("search.rebuilt", issues=issues)
    if outcome.index == engine.INDEX_READ_ONLY:
        return catalog.text("search.read-only")
    if outcome.index == engine.INDEX_UNAVAILABLE:
        return catalog.text("search.unavailable", detail=outcome.detail)
    return ""


def run(args: argparse.Namespace) -> int:
    from editor_app.core.search import engine
    from editor_app.core.search.index import index_path

    catalog = cli_catalog()
    library = _library(args.library, catalog)
    if args.limit < 1:
        raise MastheadError(catalog.text("export.more-than-zero", flag="--limit"))
    query = " ".join(args.query)
    built = ""
    if not args.no_index and (args.rebuild or not index_path(library).is_file()):
        # A first build reads the whole library: say why the first search takes a while.
        print(catalog.text("search.building"), file=sys.stderr, flush=True)
    if args.rebuild and not args.no_index:
        try:
            stats, _note = engine.refresh_index(library, rebuild=True)
            built = catalog.text("search.built", issues=stats.issues)
        except engine.IndexUnavailable:
            pass  # the search below says why and reads the files instead
    outcome = engine.search_library(library, query, limit=args.limit, use_index=not args.no_index)
    note = built or _index_note(outcome, catalog)
    if args.json:
        payload = {
            "query": query,
            "index": outcome.index or "current",
            "indexed": outcome.indexed,
            "more": outcome.more,
            "results": [hit.to_json() for hit in outcome.hits],
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        if note:
            print(note, file=sys.stderr)
        return 0 if outcome.hits else 1
    if note:
        print(note, file=sys.stderr)
    color = sys.stdout.isatty()
    for hit in outcome.hits:
        if hit.kind == engine.CARD:
            where = catalog.text("cli.where-card", card=hit.owner)
        elif hit.kind == engine.SECTION:
            where = catalog.text("cli.where-section", section=hit.owner)
        else:
            where = ""
        title = _marked(hit.title, hit.title_marks, color)
        print(catalog.text("search.hit", issue=hit.folder, title=title, where=where))
        if hit.snippet:
            print("    " + _marked(hit.snippet, hit.marks, color))
    if not outcome.hits:
        print(catalog.text("search.no-results", query=query), file=sys.stderr)
        return 1
    key = "search.more" if outcome.more else "search.count"
    print(catalog.text(key, count=len(outcome.hits)), file=sys.stderr)
    return 0
