"""Moving cards across section edges and to a chosen section."""

from __future__ import annotations

import pytest

from editor_app.core import outline as ops
from editor_app.core.errors import OutlineError
from editor_app.core.model import Issue


@pytest.fixture
def issue():
    issue = Issue(title="t")
    first, second, third = (ops.add_section(issue, name) for name in ("A", "B", "C"))
    for section, titles in ((first, ["a1", "a2"]), (second, ["b1"]), (third, [])):
        for title in titles:
            ops.add_card(issue, section.id, title)
    return issue


def titles(issue, n):
    return [issue.cards[c].title for c in issue.sections[n].card_ids]


def by_title(issue, title):
    return next(c.id for c in issue.cards.values() if c.title == title)


def test_up_from_the_first_place_goes_last_in_the_previous_section(issue):
    assert ops.move_card_across(issue, by_title(issue, "b1"), -1)
    assert titles(issue, 0) == ["a1", "a2", "b1"] and titles(issue, 1) == []


def test_down_from_the_last_place_goes_first_in_the_next_section(issue):
    assert ops.move_card_across(issue, by_title(issue, "a2"), +1)
    assert titles(issue, 0) == ["a1"] and titles(issue, 1) == ["a2", "b1"]
    assert ops.move_card_across(issue, by_title(issue, "b1"), +1)
    assert titles(issue, 2) == ["b1"]


def test_no_move_inside_a_section_at_the_outer_edges_or_for_sub_cards(issue):
    assert not ops.move_card_across(issue, by_title(issue, "a1"), +1)  # not at the edge
    assert not ops.move_card_across(issue, by_title(issue, "a1"), -1)  # no section above
    child = ops.add_card(issue, by_title(issue, "b1"), "child")
    assert not ops.move_card_across(issue, child.id, -1)
    assert titles(issue, 0) == ["a1", "a2"] and titles(issue, 1) == ["b1"]


def test_move_to_section_keeps_outline_order_and_refuses_unknown_sections(issue):
    ops.move_cards_to_section(
        issue, [by_title(issue, "b1"), by_title(issue, "a1")], issue.sections[2].id
    )
    assert titles(issue, 2) == ["a1", "b1"]
    with pytest.raises(OutlineError):
        ops.move_cards_to_section(issue, [by_title(issue, "a2")], "s-missing")
