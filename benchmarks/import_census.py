"""Import a folder of Markdown issues and count what came through.

    python benchmarks/import_census.py FOLDER [--verbose]

For each file: the sections and items found in the source by a reading independent of the
importer, against the sections and cards of the imported issue, and how many source items
became a card (matched by the item's link, or by its title when it has none). The figures for
the whole folder come last. Nothing is written outside a temporary library.

What counts as an item in the source (outside fenced code and HTML comments):
- a heading below the section level that carries a link (``### 🌟 [title](url)``);
- a top-level bullet whose text starts with a link, after optional ``[tag]`` markers
  (``* [video] [title](url)``);
- a numbered item at the start of a line: ``N、`` ``N.`` ``N)`` ``（N）`` with or without bold
  or underscores, followed by a link, a bold title, or nothing (its text in the next
  paragraph); a plain ``N. text`` counts only when it is not part of a run of list lines
  (continuation lines indented under an item belong to the run). A numbered line counts as a
  link item only when the link opens its text: "1. fix ([#12](url))" is a plain line.

An item counts as kept when a card has its link as source or project link, or holds it in
its further reading (a "相关阅读：" list under an article stays that article's reading), or
has its title.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from editor_app.core.errors import MastheadError  # noqa: E402
from editor_app.core.importers import import_file  # noqa: E402
from editor_app.core.model import Card, Issue  # noqa: E402

FENCE = re.compile(r"^\s{0,3}(```|~~~)")
ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
LINK = re.compile(r"\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
TAGS = r"(?:\[[^\]]{1,20}\]\s*(?!\())*"
BULLET_LINK = re.compile(rf"^[*+-]\s+{TAGS}\[([^\]]+)\]\(([^)\s]+)")
NUMBERED = re.compile(
    r"^(?:\*\*|__)?\s*(?:（(?P<paren>\d{1,3})）|(?P<num>\d{1,3})\s*(?P<mark>[、.)）]))"
    r"\s*(?P<rest>.*)$"
)
LIST_LINE = re.compile(r"^\s*(?:[*+-]|\d{1,3}[.)])\s+")


@dataclass
class SourceItem:
    title: str
    url: str
    line: int


@dataclass
class Census:
    name: str
    sections: int = 0
    items: list[SourceItem] = field(default_factory=list)
    result_sections: int = 0
    cards: int = 0
    matched: int = 0
    missing: list[SourceItem] = field(default_factory=list)
    error: str = ""


def _plain(text: str) -> str:
    text = LINK.sub(lambda m: m.group(1), text)
    text = re.sub(r"[*_`~]+", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _content_lines(text: str) -> list[tuple[int, str]]:
    """Lines outside fenced code and HTML comments, numbered from 1."""
    kept: list[tuple[int, str]] = []
    fenced = comment = False
    for number, line in enumerate(text.split("\n"), 1):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        if comment:
            if "-->" in line:
                comment = False
            continue
        if line.lstrip().startswith("<!--") and "-->" not in line:
            comment = True
            continue
        kept.append((number, line))
    return kept


def source_items(text: str) -> tuple[int, list[SourceItem]]:
    """Sections and items of a Markdown issue, read without the importer."""
    lines = _content_lines(text)
    levels = {len(m.group(1)) for _, line in lines if (m := ATX.match(line))}
    section_level = 2 if 2 in levels else min(levels, default=2)
    sections = 0
    items: list[SourceItem] = []
    previous = ""
    for index, (number, line) in enumerate(lines):
        following = next(
            (x for _, x in lines[index + 1 :] if x.strip() and not x[:1].isspace()), ""
        )
        heading = ATX.match(line)
        if heading:
            level = len(heading.group(1))
            if level == section_level:
                sections += 1
            elif level > section_level and (link := LINK.search(heading.group(2))):
                items.append(SourceItem(_plain(link.group(1)), link.group(2), number))
        elif bullet := BULLET_LINK.match(line):
            items.append(SourceItem(_plain(bullet.group(1)), bullet.group(2), number))
        elif numbered := NUMBERED.match(line):
            rest = numbered.group("rest").strip().strip("*_").strip()
            link = LINK.match(re.sub(rf"^{TAGS}", "", rest))
            decorated = line.startswith(("**", "__")) or numbered.group("mark") == "、"
            bare = not rest
            in_run = bool(LIST_LINE.match(previous) or LIST_LINE.match(following))
            if link or bare or decorated or numbered.group("paren") or not in_run:
                title = _plain(link.group(1)) if link else _plain(rest)
                items.append(SourceItem(title, link.group(2) if link else "", number))
        if line.strip() and not line[:1].isspace():
            previous = line
    return sections, items


def _cards(issue: Issue) -> list[Card]:
    found: list[Card] = []

    def walk(ids: list[str]) -> None:
        for cid in ids:
            card = issue.cards[cid]
            found.append(card)
            walk(card.child_ids)

    for section in issue.sections:
        walk(section.card_ids)
    return found


def census(path: Path, library: Path) -> Census:
    text = path.read_text(encoding="utf-8", errors="replace")
    result = Census(path.name)
    result.sections, result.items = source_items(text)
    try:
        issue, _guesses = import_file(path, library)
    except MastheadError as exc:
        result.error = str(exc)
        result.missing = list(result.items)
        return result
    cards = _cards(issue)
    result.result_sections = len(issue.sections)
    result.cards = len(cards)
    urls = {c.source.url for c in cards if c.source and c.source.url}
    urls |= {link.url for c in cards for link in c.links}
    urls |= {f.url for c in cards for f in c.further_reading}
    titles = {_plain(c.title) for c in cards}
    for item in result.items:
        if (item.url and item.url in urls) or (item.title and item.title in titles):
            result.matched += 1
        else:
            result.missing.append(item)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--verbose", action="store_true", help="list every item not found")
    args = parser.parse_args(argv)
    files = sorted(p for folder in args.folders for p in folder.rglob("*.md"))
    if not files:
        print("no Markdown files found", file=sys.stderr)
        return 2
    rows: list[Census] = []
    with tempfile.TemporaryDirectory() as tmp:
        for number, path in enumerate(files):
            library = Path(tmp) / f"lib{number}"
            library.mkdir()
            rows.append(census(path, library))
    print(f"{'file':44} {'sect':>9} {'items':>6} {'cards':>6} {'found':>6}")
    for row in rows:
        share = 100.0 * row.matched / len(row.items) if row.items else 100.0
        print(
            f"{row.name[:44]:44} {row.sections:>4}/{row.result_sections:<4} "
            f"{len(row.items):>6} {row.cards:>6} {share:>5.1f}%"
            + (f"  ERROR {row.error}" if row.error else "")
        )
        if args.verbose:
            for item in row.missing:
                print(f"    line {item.line}: {item.title[:60]} {item.url[:60]}")
    items = sum(len(r.items) for r in rows)
    matched = sum(r.matched for r in rows)
    sections = sum(r.sections for r in rows)
    result_sections = sum(r.result_sections for r in rows)
    failed = sum(1 for r in rows if r.error)
    print(
        f"\n{len(rows)} files, {failed} failed to import; sections {sections} in the sources, "
        f"{result_sections} imported; items {items}, "
        f"{matched} became cards ({100.0 * matched / max(items, 1):.1f} %); "
        f"cards {sum(r.cards for r in rows)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
