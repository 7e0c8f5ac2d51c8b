"""masthead inbox add|list|import|take|titles|edit|remove LIBRARY ...

The library's link inbox (``<library>/inbox/``). Only ``import`` of a feed URL and ``titles``
touch the network, and only because they were asked to. Exit 2 on an error, else 0.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from editor_app.commands.common import add_wait_options, issue_folder, print_json
from editor_app.core.errors import InboxError, IssueNotFoundError
from editor_app.core.i18n_catalog import Catalog, cli_catalog
from editor_app.core.inbox.edit import edit_item
from editor_app.core.inbox.fetch import fetch_feed
from editor_app.core.inbox.handoff import take_into_issue
from editor_app.core.inbox.item import InboxItem, find_links
from editor_app.core.inbox.metadata import apply_titles, fetch_titles
from editor_app.core.inbox.sources import FORMATS, parse_import, read_import
from editor_app.core.inbox.store import MAX_NEW_ITEMS, AddReport, Inbox


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("inbox", help="the library's link inbox: links waiting for an issue")
    actions = p.add_subparsers(dest="action", metavar="ACTION")

    add = actions.add_parser("add", help="add links (URLs, or text holding them; - reads stdin)")
    add.add_argument("library", help="library folder")
    add.add_argument("links", nargs="+", help="URLs or text with URLs; '-' reads standard input")
    add.add_argument("--title", default="", help="title of the link (one link only)")
    add.add_argument("--note", default="", help="a note for the editor")
    add.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    add.add_argument("--json", action="store_true", help="print what happened as JSON")
    add.set_defaults(run=run_add)

    lst = actions.add_parser("list", help="the items, newest first, with featured-before")
    lst.add_argument("library", help="library folder")
    lst.add_argument("--json", action="store_true", help="print the items as JSON")
    lst.set_defaults(run=run_list)

    imp = actions.add_parser("import", help="import a text file, bookmarks, OPML or feed")
    imp.add_argument("library", help="library folder")
    imp.add_argument("source", help="a file, or the http(s) URL of an RSS/Atom feed to fetch")
    imp.add_argument("--format", choices=FORMATS, default="auto", help="what the source is")
    imp.add_argument("--json", action="store_true", help="print what happened as JSON")
    imp.set_defaults(run=run_import)

    take = actions.add_parser("take", help="make a card in an issue from an item")
    take.add_argument("library", help="library folder")
    take.add_argument("item", nargs="+", help="item id (or a unique start of it)")
    take.add_argument("--issue", required=True, help="issue folder to add the card(s) to")
    take.add_argument("--section", help="section id, position (1 …) or title (default: first)")
    add_wait_options(take)
    take.set_defaults(run=run_take)

    titles = actions.add_parser("titles", help="fetch page titles for items (network)")
    titles.add_argument("library", help="library folder")
    titles.add_argument("item", nargs="*", help="item ids (default: items without a title)")
    titles.add_argument("--refresh", action="store_true", help="fetch pages fetched before too")
    titles.add_argument("--timeout", type=float, default=10.0, metavar="S", help="per request")
    titles.set_defaults(run=run_titles)

    edit = actions.add_parser("edit", help="change an item's title, note or tags")
    edit.add_argument("library", help="library folder")
    edit.add_argument("item", help="item id (or a unique start of it)")
    edit.add_argument("--title", help="the new title ('' clears it: the link is shown)")
    edit.add_argument("--note", help="the new note; '-' reads standard input")
    edit.add_argument("--tags", help="the tags, comma-separated ('' clears them)")
    edit.add_argument("--json", action="store_true", help="print the item as JSON")
    edit.set_defaults(run=run_edit)

    rm = actions.add_parser("remove", help="remove items from the inbox")
    rm.add_argument("library", help="library folder")
    rm.add_argument("item", nargs="+", help="item id (or a unique start of it)")
    rm.set_defaults(run=run_remove)

    p.set_defaults(run=lambda args: _usage(p))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_usage(sys.stderr)
    return 2


def _inbox(path: str) -> Inbox:
    library = Path(path)
    if not library.is_dir():
        raise IssueNotFoundError(cli_catalog().text("cli.no-such-folder"), library)
    return Inbox(library)


def _fail(exc: InboxError, catalog: Catalog) -> int:
    where = f"{exc.path}: " if exc.path is not None else ""
    detail = where + (catalog.text(exc.key, **exc.fields) if exc.key else exc.message)
    print(catalog.text("cli.error", detail=detail), file=sys.stderr)
    return 2


def _report(report: AddReport, as_json: bool, capped_at: int, catalog: Catalog) -> None:
    if as_json:
        print_json(
            {
                "added": [i.to_json() for i in report.added],
                "merged": [i.to_json() for i in report.merged + report.unchanged],
                "skipped": report.skipped,
                "capped": report.capped,
            }
        )
        return
    for item in report.added:
        print(f"+ {item.id}  {item.url}")
    for item in report.merged + report.unchanged:
        print(f"= {item.id}  {item.url}")
    if report.capped:
        print(catalog.text("inbox.capped", found=report.found, limit=capped_at), file=sys.stderr)
    print(
        catalog.text(
            "inbox.summary",
            added=len(report.added),
            merged=report.merged_count,
            skipped=report.skipped,
        )
    )


def run_add(args: argparse.Namespace) -> int:
    catalog = cli_catalog()
    inbox = _inbox(args.library)
    text = "\n".join(sys.stdin.read() if value == "-" else value for value in args.links)
    candidates = find_links(text)
    skipped = 0 if candidates else 1
    for candidate in candidates:
        candidate.note, candidate.tags = args.note, list(args.tag)
        if args.title and len(candidates) == 1:
            candidate.title = args.title
    report = inbox.add(candidates, "cli")
    report.skipped += skipped
    _report(report, args.json, 0, catalog)
    return 0 if candidates else 1


def _featured(library: Path, items: list[InboxItem]) -> dict[str, list[dict[str, Any]]]:
    from editor_app.core.ledger import open_ledger

    ledger = open_ledger(library)
    return {i.id: [e.to_json() for e in ledger.lookup(i.url) if e.featured] for i in items}


def run_list(args: argparse.Namespace) -> int:
    catalog = cli_catalog()
    inbox = _inbox(args.library)
    listing = inbox.load()
    featured = _featured(inbox.library, listing.items) if listing.items else {}
    if args.json:
        rows = [{**i.to_json(), "featured_before": featured.get(i.id, [])} for i in listing.items]
        problems = [str(p) for p in listing.problems]
        print_json({"items": rows, "problems": problems})
        return 0
    for item in listing.items:
        hits = featured.get(item.id) or []
        mark = f"  [{hits[0]['issue']}]" if hits else ""
        print(f"{item.id}  {item.added[:10]}  {item.display_title}{mark}\n    {item.url}")
    for problem in listing.problems:
        print(problem.describe(), file=sys.stderr)
    print(catalog.text("inbox.count", count=len(listing.items)))
    return 0


def run_import(args: argparse.Namespace) -> int:
    catalog = cli_catalog()
    inbox = _inbox(args.library)
    try:
        if args.source.lower().startswith(("http://", "https://")):
            page = fetch_feed(args.source)
            fmt = "feed" if args.format == "auto" else args.format
            batch = parse_import(page.body, "", fmt, base_url=page.final_url or args.source)
        else:
            batch = read_import(args.source, args.format)
    except InboxError as exc:
        return _fail(exc, catalog)
    report = inbox.add(batch.candidates, batch.origin)
    _report(report, args.json, MAX_NEW_ITEMS, catalog)
    return 0


def run_take(args: argparse.Namespace) -> int:
    catalog = cli_catalog()
    inbox = _inbox(args.library)
    folder = issue_folder(args.issue)
    try:
        items = [inbox.get(item) for item in args.item]
    except InboxError as exc:
        return _fail(exc, catalog)
    try:
        ids = take_into_issue(folder, items, args.section, args.wait, args.wait_timeout)
    except KeyError:
        print(catalog.text("cli.error", detail=f"no section {args.section!r}"), file=sys.stderr)
        return 2
    inbox.remove([i.id for i in items])
    for item, card in zip(items, ids, strict=True):
        print(catalog.text("inbox.taken", url=item.url, card=card, issue=folder.name))
    return 0


def run_titles(args: argparse.Namespace) -> int:
    inbox = _inbox(args.library)
    listing = inbox.load()
    try:
        wanted = (
            [inbox.get(i) for i in args.item]
            if args.item
            else [i for i in listing.items if not i.title]
        )
    except InboxError as exc:
        return _fail(exc, cli_catalog())
    report = fetch_titles(
        [i.url for i in wanted], inbox.library, timeout=args.timeout, refresh=args.refresh
    )
    changed = apply_titles(wanted, report)
    inbox.put(changed)
    catalog = cli_catalog()
    for meta in report.results.values():
        if meta.ok:
            print(f"{meta.url}\n    {meta.title}")
        else:
            reason = catalog.text(meta.error_key, **meta.error_fields) if meta.error_key else ""
            print(f"{meta.url}\n    ! {reason or meta.error}", file=sys.stderr)
    return 0


def run_edit(args: argparse.Namespace) -> int:
    catalog = cli_catalog()
    inbox = _inbox(args.library)
    changes = {
        name: value
        for name, value in (("title", args.title), ("note", args.note), ("tags", args.tags))
        if value is not None
    }
    if not changes:
        print(catalog.text("cli.error", detail=catalog.text("inbox.edit-nothing")), file=sys.stderr)
        return 2
    if changes.get("note") == "-":
        changes["note"] = sys.stdin.read()
    try:
        result = edit_item(inbox.library, args.item, changes)
    except InboxError as exc:
        return _fail(exc, catalog)
    item = result.after
    if args.json:
        print_json({**item.to_json(), "changed": result.changed})
    else:
        key = "inbox.edited" if result.changed else "inbox.unchanged"
        print(catalog.text(key, item=item.id, url=item.url))
    return 0


def run_remove(args: argparse.Namespace) -> int:
    catalog = cli_catalog()
    inbox = _inbox(args.library)
    try:
        ids = [inbox.get(item).id for item in args.item]
    except InboxError as exc:
        return _fail(exc, catalog)
    removed = inbox.remove(ids)
    print(catalog.text("inbox.removed", count=len(removed)))
    return 0
