"""Other newsletters' Markdown: sections and cards inferred, every inference reported.

Shapes understood: a title from front matter (YAML or Pelican) or the first H1; H2 headings
as sections (emoji and 专题/Part labels recognised). Cards are H3 headings (a link in the
heading is the source, emoji around it the tags), numbered items in every shape md_items
reads (a bare number takes the next paragraph), and link bullets: under a card they are its
sub-cards, elsewhere sub-cards of one roundup card per section, grouped by the category
heading above them. Headings in a section of numbered items are its sub-sections (the
cards' group); in a numbered issue other plain headings stay text. md_card_fields fills a
card from its lines.

Here: the heading levels, the run of md_walker over the lines, the issue's title, number
and date when the file does not say them.
"""

from __future__ import annotations

from pathlib import Path

from editor_app.core.errors import ImportFormatError
from editor_app.core.importers.common import (
    ImportResult,
    find_date,
    find_date_line,
    find_issue_number,
    strip_targets,
)
from editor_app.core.importers.markdown_import import apply_meta
from editor_app.core.importers.md_structure import masked_lines, plan_sections
from editor_app.core.importers.md_walker import NewsletterWalker
from editor_app.core.markup.mdtext import ATX, md_unescape
from editor_app.core.model import Issue


def parse_newsletter(front: dict, text: str, first_line: int, path: Path) -> ImportResult:
    issue = Issue()
    result = ImportResult(issue)
    apply_meta(issue, front)
    lines = text.split("\n")
    masked = masked_lines(lines)
    levels = [
        len(m.group(1))
        for line, f in zip(lines, masked, strict=True)
        if not f and (m := ATX.match(line))
    ]
    section_level = 2 if 2 in levels else None
    card_level = 3 if 3 in levels else None
    if section_level is None and card_level is None and 2 in levels:
        card_level = 2
    parser = NewsletterWalker(issue, result, path, first_line, section_level, card_level)
    parser.lines, parser.masked = lines, masked
    parser.plan = plan_sections(lines, masked, section_level, card_level)
    for i, line in enumerate(lines):
        parser.line(i, line, masked[i])
    parser.flush()
    parser.finish_labels()
    summary = [x for x in parser.preamble if find_date(strip_targets(x)) is None]
    if summary and not issue.summary:
        issue.summary = md_unescape("\n".join(summary))
        result.guess(None, "summary-from-intro")
    _finish_meta(issue, result, front, lines, path)
    if not issue.cards:
        raise ImportFormatError(
            "not a newsletter: no numbered items found (nor '### title' headings or link "
            "lists such as '* [title](url)')",
            path,
            first_line,
        )
    if not parser.items_found and not any(c.source for c in issue.cards.values()):
        result.guess(None, "headings-became-cards")
    return result


def _finish_meta(
    issue: Issue, result: ImportResult, front: dict, lines: list[str], path: Path
) -> None:
    if not issue.title:
        issue.title = path.stem
        result.guess(None, "title-from-file-name", name=path.stem)
    if issue.number is None:
        number = find_issue_number(strip_targets(issue.title))
        if number is not None:
            issue.number = number
            result.guess(None, "number-from-title", number=number)
    if issue.date is not None:
        return
    # The title, then a line near the top that holds only a date; never a URL or a path.
    date = find_date(strip_targets(issue.title))
    if date is not None:
        issue.date = date
        result.guess(None, "date-from-title", date=date.isoformat())
        return
    found = find_date_line(lines[:12])
    if found is not None:
        issue.date = found[0]
        result.guess(None, "date-from-line", date=found[0].isoformat())
        return
    result.guess(None, "no-date")
