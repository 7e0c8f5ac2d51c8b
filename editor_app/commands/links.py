"""masthead links ISSUE [--archive LIBRARY] [--check] [--json]

The issue's link table. Only --check touches the network. Exit 1 when --check finds broken
or unreachable links (or there is no network to check them), else 0.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from typing import Any

from editor_app.commands.common import open_issue, print_json
from editor_app.core.i18n_catalog import Catalog, cli_catalog
from editor_app.core.links import find_duplicates, issue_links
from editor_app.core.model import Issue
from editor_app.core.numbering import compute_numbers
from editor_app.core.url_normalize import normalize_url


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("links", help="the issue's link table (--check asks the network)")
    p.add_argument("issue", help="issue folder")
    p.add_argument("--archive", metavar="LIBRARY", help="mark links featured in other issues")
    p.add_argument("--check", action="store_true", help="check every link over the network")
    p.add_argument("--json", action="store_true", help="print the table as JSON")
    p.add_argument(
        "--timeout", type=float, default=10.0, metavar="S", help="seconds per request (10)"
    )
    p.set_defaults(run=run)


def link_rows(issue: Issue, archive: str | None = None) -> list[dict[str, Any]]:
    """One row per link: card, kind, text, URL, duplicate and featured-before."""
    numbers = compute_numbers(issue)
    position = {s.id: pos for pos, s in enumerate(issue.sections, 1)}
    section_of = {card.id: position[section.id] for section, card, _ in issue.iter_cards()}
    refs = issue_links(issue)
    duplicates = {id(r) for group in find_duplicates(refs).values() for r in group}
    ledger = skip = None
    if archive:
        from editor_app.core.ledger import open_ledger

        ledger = open_ledger(archive)
        skip = ledger.folders_matching(issue.folder)
    rows = []
    sections = {s.id: s for s in issue.sections}
    for ref in refs:
        web = ref.url.lower().startswith(("http://", "https://"))
        earlier = []
        if ledger is not None and web and ref.kind != "image":
            until, number = issue.date, issue.number
            earlier = ledger.lookup(ref.url, skip or (), until=until, number=number)
        owner_title = (
            issue.cards[ref.card].title if ref.card else f"§ {sections[ref.section].title}"
        )
        rows.append(
            {
                "card": ref.card or None,
                # A link of a section intro has no card: "section_id" names its owner.
                "section_id": ref.section or None,
                "section": position[ref.section] if ref.section else section_of.get(ref.card),
                "number": numbers.cards.get(ref.card, ""),
                "card_title": owner_title,
                "kind": ref.kind,
                "form": ref.form,
                "field": ref.field,
                "line": ref.line,
                "text": ref.text,
                "url": ref.url,
                "normalized": normalize_url(ref.url) if web else ref.url,
                "duplicate": id(ref) in duplicates,
                # Earlier issues where the link was an item's own link, and where it was only
                # mentioned (in a card's text, further reading or a section intro).
                "featured_before": [e.to_json() for e in earlier if e.featured],
                "mentioned_before": [e.to_json() for e in earlier if not e.featured],
            }
        )
    return rows


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(text: str, width: int) -> str:
    """``text`` cut and padded to ``width`` terminal columns (CJK counts double)."""
    text = " ".join(text.split())
    if _width(text) > width:
        out, used = "", 0
        for ch in text:
            w = _width(ch)
            if used + w > width - 1:
                break
            out, used = out + ch, used + w
        text = out + "…"
    return text + " " * (width - _width(text))


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        end = "\n" if done == total else ""
        line = cli_catalog().text("links.checking", done=done, total=total)
        print(f"\r{line}", end=end, file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    issue = open_issue(args.issue)
    rows = link_rows(issue, args.archive)
    report = None
    if args.check:
        from editor_app.core.linkcheck import check_issue_links

        urls = [r["url"] for r in rows if r["url"].lower().startswith(("http://", "https://"))]
        report = check_issue_links(issue, urls, timeout=args.timeout, progress=_progress)
        for row in rows:
            status = report.results.get(row["url"])
            row["status"] = status.to_json() if status else None
    problems = report.broken if report else []
    if args.json:
        data: dict[str, Any] = {"issue": issue.slug or issue.folder.name, "links": rows}
        if report is not None:
            data["check"] = {
                "offline": report.offline,
                "cancelled": report.cancelled,
                "message": report.message,
                "broken": len(problems),
            }
        print_json(data)
    else:
        catalog = cli_catalog()
        _print_table(rows, args.check, catalog)
        dups = sum(r["duplicate"] for r in rows)
        featured = sum(bool(r["featured_before"]) for r in rows)
        mentioned = sum(bool(r["mentioned_before"]) and not r["featured_before"] for r in rows)
        parts = [catalog.count("links.links", len(rows)), catalog.count("links.duplicates", dups)]
        if args.archive:
            parts += [
                catalog.count("links.featured", featured),
                catalog.count("links.mentioned", mentioned),
            ]
        if report is not None:
            parts.append(catalog.count("links.broken", len(problems)))
        print(catalog.text("cli.list-separator").join(parts))
    if report is not None and report.offline:
        catalog = cli_catalog()
        print(f"masthead: {catalog.say(report.text or report.message)}", file=sys.stderr)
        return 1
    return 1 if problems else 0


def _print_table(rows: list[dict[str, Any]], checked: bool, catalog: Catalog) -> None:
    header = [("links.col-card", 22), ("links.col-kind", 8), ("links.col-text", 28)]
    if checked:
        header.append(("links.col-status", 16))
    header.append(("links.col-featured", 14))
    print("".join(_cell(catalog.text(key), width) + " " for key, width in header) + "URL")
    for row in rows:
        card = f"{row['section']}/{row['number']} {row['card_title']}".strip()
        kind = catalog.word(row["kind"])
        cells = [_cell(card, 22), _cell(kind, 8), _cell(row["text"], 28)]
        if checked:
            status = row.get("status") or {}
            cells.append(_cell(_status_text(status, catalog), 16))
        featured = row["featured_before"] or row["mentioned_before"]
        mark = ""
        if featured:
            mark = featured[0]["issue"] + (f" +{len(featured) - 1}" if len(featured) > 1 else "")
            mark = mark if row["featured_before"] else f"({mark})"  # only mentioned
        cells.append(_cell(mark, 14))
        flag = catalog.text("links.duplicate-mark") if row["duplicate"] else ""
        print(" ".join(cells) + " " + row["url"] + flag)


def _status_text(status: dict[str, Any], catalog: Catalog) -> str:
    if not status:
        return ""
    state = status.get("state", "")
    if state in ("offline", "cancelled", "skipped"):
        return catalog.word(state)
    if status.get("status") is None:
        if status.get("error"):
            from editor_app.core.linkcheck import LinkStatus  # only after a --check

            return catalog.say(LinkStatus.from_json(status).reason)
        return catalog.word(state)
    hops = [str(code) for code, _ in status.get("redirects") or []]
    code = " > ".join([*hops, str(status["status"])])
    return code if state in ("ok", "redirected") else f"{code} {catalog.word(state)}"
