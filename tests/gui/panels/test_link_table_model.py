"""The link table's rows: duplicates of a link share one list, and tooltips stay short."""

from __future__ import annotations

from editor_app.core.model import Issue, Link
from editor_app.core.outline import add_card, add_section
from editor_app.gui.panels.link_rows import DUPLICATES_LISTED, build_rows
from editor_app.gui.panels.link_table_model import LinkTableModel

URL = "https://example.org/same-page"


def test_every_copy_of_a_link_lists_the_others_and_the_tooltip_is_capped(qtbot):
    issue = Issue(title="Dup")
    section = add_section(issue, "新闻")
    copies = 40
    for n in range(copies):
        card = add_card(issue, section.id, f"第 {n} 篇")
        card.links = [Link("Page", URL)]
    rows = build_rows(issue)
    assert len(rows) == copies
    for row in rows:
        assert row.duplicated and row.flagged
        others = row.duplicates
        assert len(others) == copies - 1
        assert all(ref is not row.ref for _label, ref in others)
    tip = LinkTableModel().duplicate_tooltip(rows[0])
    assert tip.count("\n• ") == DUPLICATES_LISTED + 1
    assert f"(+{copies - 1 - DUPLICATES_LISTED})" in tip


def test_a_link_written_once_is_not_a_duplicate(qtbot):
    issue = Issue(title="Once")
    card = add_card(issue, add_section(issue, "新闻").id, "独一篇")
    card.links = [Link("Page", URL), Link("Other", "https://example.org/other")]
    rows = build_rows(issue)
    assert [row.duplicated for row in rows] == [False, False]
    assert rows[0].duplicates == []
