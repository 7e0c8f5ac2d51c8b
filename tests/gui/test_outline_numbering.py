"""Card and sub-card numbers read the same in the outline, the HTML and every Markdown export.

For each numbering setting of the issue, the number printed before every card title is
collected from the outline's display text, from the rendered HTML page (the preview's and the
HTML exports' page), from the single-file and site exports, from each Markdown profile and
from ``inspect --json``, and all of them must agree.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex

from editor_app.core.export import get_exporter
from editor_app.core.export.base import ExportOptions, run_export
from editor_app.core.inspect import issue_json
from editor_app.core.issue_html import issue_page
from editor_app.core.model import CardNumbering, Issue, SectionNumbering, Source, SubcardNumbering
from editor_app.core.outline import add_card, add_section
from editor_app.core.storage import load_issue, save_issue
from editor_app.gui.document import IssueDocument
from editor_app.gui.outline_model import OutlineModel

SETTINGS = list(itertools.product(SectionNumbering, CardNumbering, SubcardNumbering))
# The cards in outline order, with the numbers each setting gives them.
EXPECTED = {
    CardNumbering.PER_SECTION: ["1", "2", "1", "1.1", "1.2", "1.2.1", "1.3", "2"],
    CardNumbering.CONTINUOUS: ["1", "2", "3", "3.1", "3.2", "3.2.1", "3.3", "4"],
}
# With sub-cards numbered in their card, the printed form is the position among siblings.
LOCAL_SHOWN = {
    CardNumbering.PER_SECTION: ["1.", "2.", "1.", "1)", "2)", "1)", "3)", "2."],
    CardNumbering.CONTINUOUS: ["1.", "2.", "3.", "1)", "2)", "1)", "3)", "4."],
}


def _save_issue(
    folder: Path, sections: SectionNumbering, cards: CardNumbering, subcards: SubcardNumbering
) -> Path:
    issue = Issue(
        title="Numbering", number=3, date=dt.date(2026, 12, 1), slug="numbering", language="en"
    )
    issue.numbering.sections, issue.numbering.cards = sections, cards
    issue.numbering.subcards = subcards
    first = add_section(issue, "First", "📰")
    second = add_section(issue, "Second", "🧰")

    def card(parent: str, title: str, group: str = "") -> str:
        c = add_card(issue, parent, title)
        c.source = Source(title=f"{title} source", url=f"https://example.org/{c.id}")
        c.body = f"Body of {title}."
        c.group = group
        return c.id

    card(first.id, "Alpha")
    card(first.id, "Beta")
    roundup = card(second.id, "Roundup")
    card(roundup, "Tool one", group="Security")
    nested = card(roundup, "Tool two", group="Security")
    card(nested, "Tool two detail")
    card(roundup, "Tool three", group="Scheduling")
    card(second.id, "Gamma")
    save_issue(issue, folder)
    return folder


def _titles(issue: Issue) -> list[str]:
    return [c.title for c in issue.ordered_cards()]


def _outline_numbers(model: OutlineModel, issue: Issue) -> dict[str, str]:
    """Card title -> the number the outline shows before it."""
    found: dict[str, str] = {}

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            node_id = model.node_id(index)
            if node_id in issue.cards:
                title = issue.cards[node_id].title
                label = model.data(index)
                text = label.rsplit(" · ", 1)[-1]  # a category heading comes first
                assert text.endswith(" " + title), label
                found[title] = text[: -len(title) - 1]
            walk(index)

    walk(QModelIndex())
    return found


_HTML_CARD = re.compile(r'<span class="card-number">([^<]*)</span> ([^<]*)</a>')


def _html_numbers(page: str) -> dict[str, str]:
    """Card title -> number, from the card headings (the table of contents says the same)."""
    found: dict[str, str] = {}
    for number, title in _HTML_CARD.findall(page):
        assert found.setdefault(title, number) == number, (title, number)
    return found


def _markdown_numbers(text: str, titles: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in text.splitlines():
        m = re.match(r"^#{3,6} (\S+) (.+)$", line)
        if m and m.group(2) in titles:
            found[m.group(2)] = m.group(1)
    return found


def _json_numbers(cards: list[dict]) -> dict[str, str]:
    found: dict[str, str] = {}
    for card in cards:
        found[card["title"]] = card["number"]
        found.update(_json_numbers(card["children"]))
    return found


@pytest.mark.parametrize(("sections", "cards", "subcards"), SETTINGS, ids=lambda s: s.value)
def test_sub_card_numbers_agree_everywhere(
    qtbot,
    tmp_path: Path,
    sections: SectionNumbering,
    cards: CardNumbering,
    subcards: SubcardNumbering,
) -> None:
    folder = _save_issue(tmp_path / "issue", sections, cards, subcards)
    issue = load_issue(folder)
    assert issue.numbering.subcards == subcards  # the setting survives a save and a load
    titles = _titles(issue)
    shown = [n if "." in n else f"{n}." for n in EXPECTED[cards]]
    if subcards == SubcardNumbering.LOCAL:
        shown = LOCAL_SHOWN[cards]
    expected = dict(zip(titles, shown, strict=True))

    doc = IssueDocument(folder, autosave_ms=100)
    try:
        outline = _outline_numbers(OutlineModel(doc), doc.issue)
    finally:
        doc.close()
    assert outline == expected

    assert _html_numbers(issue_page(issue, preview=True)) == expected
    for profile in ("site", "single-file"):
        out = tmp_path / profile
        files = run_export(get_exporter("html"), issue, out, ExportOptions(profile)).files
        page = next(f for f in files or [] if f.suffix == ".html").read_text("utf-8")
        assert _html_numbers(page) == expected, profile

    for profile in ("hugo", "jekyll", "plain"):
        out = tmp_path / profile
        files = run_export(get_exporter("markdown"), issue, out, ExportOptions(profile)).files
        text = next(f for f in files or [] if f.suffix == ".md").read_text("utf-8")
        assert _markdown_numbers(text, titles) == expected, profile

    data = issue_json(issue)
    numbers = _json_numbers([c for s in data["sections"] for c in s["cards"]])
    assert numbers == dict(zip(titles, EXPECTED[cards], strict=True))
