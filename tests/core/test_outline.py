import pytest

from editor_app.core.errors import OutlineError
from editor_app.core.ids import is_valid_id
from editor_app.core.model import Issue, Source
from editor_app.core.outline import (
    add_card,
    add_section,
    children_of,
    duplicate_card,
    indent_card,
    move_card_by,
    move_cards,
    move_section,
    outdent_card,
    parent_of,
    remove_card,
    remove_section,
    rename,
    restore,
    section_of,
    snapshot,
    subtree_ids,
)


class Tree:
    """Issue with sections A, B; A holds a1, a2 (with a2.1, a2.2; a2.1 holds a2.1.1), a3."""

    def __init__(self):
        self.issue = Issue(title="t")
        self.A = add_section(self.issue, "A", "🅰️")
        self.B = add_section(self.issue, "B")
        self.ids = {}
        for title in ("a1", "a2", "a3"):
            self.ids[title] = add_card(self.issue, self.A.id, title).id
        for title in ("a2.1", "a2.2"):
            self.ids[title] = add_card(self.issue, self.ids["a2"], title).id
        self.ids["a2.1.1"] = add_card(self.issue, self.ids["a2.1"], "a2.1.1").id

    def titles(self, parent_id: str) -> list[str]:
        return [self.issue.cards[c].title for c in children_of(self.issue, parent_id)]

    def __getitem__(self, title: str) -> str:
        return self.ids[title]


@pytest.fixture
def t() -> Tree:
    return Tree()


def test_add_section_and_card_positions(t):
    assert [s.title for s in t.issue.sections] == ["A", "B"]
    first = add_section(t.issue, "zero", index=0)
    assert t.issue.sections[0] is first and is_valid_id(first.id)
    card = add_card(t.issue, t.A.id, "a0", index=0)
    assert t.titles(t.A.id) == ["a0", "a1", "a2", "a3"]
    assert is_valid_id(card.id) and card.id in t.issue.cards


def test_add_card_to_unknown_parent_is_refused(t):
    with pytest.raises(OutlineError):
        add_card(t.issue, "cnosuchthing", "x")


def test_remove_card_removes_its_subtree(t):
    remove_card(t.issue, t["a2"])
    assert t.titles(t.A.id) == ["a1", "a3"]
    for title in ("a2", "a2.1", "a2.2", "a2.1.1"):
        assert t[title] not in t.issue.cards


def test_remove_section_removes_its_cards(t):
    remove_section(t.issue, t.A.id)
    assert [s.title for s in t.issue.sections] == ["B"]
    assert t.issue.cards == {}


def test_move_section(t):
    move_section(t.issue, t.B.id, 0)
    assert [s.title for s in t.issue.sections] == ["B", "A"]
    move_section(t.issue, t.B.id, 99)
    assert [s.title for s in t.issue.sections] == ["A", "B"]


def test_duplicate_card_deep_copies_with_fresh_ids(t):
    t.issue.cards[t["a2"]].source = Source("s", "https://example.org/a2")
    twin = duplicate_card(t.issue, t["a2"])
    assert t.titles(t.A.id) == ["a1", "a2", "a2", "a3"]
    assert twin.id != t["a2"]
    assert [t.issue.cards[c].title for c in twin.child_ids] == ["a2.1", "a2.2"]
    assert not set(subtree_ids(t.issue, twin.id)) & set(subtree_ids(t.issue, t["a2"]))
    # A deep copy: changing the twin leaves the original alone.
    twin.source.url = "https://example.org/changed"
    t.issue.cards[twin.child_ids[0]].title = "changed"
    assert t.issue.cards[t["a2"]].source.url == "https://example.org/a2"
    assert t.issue.cards[t["a2.1"]].title == "a2.1"


def test_duplicate_of_unreadable_card_is_refused(t):
    t.issue.cards[t["a1"]].unreadable = "cards/x.md: not valid UTF-8"
    with pytest.raises(OutlineError):
        duplicate_card(t.issue, t["a1"])
    assert t.titles(t.A.id) == ["a1", "a2", "a3"]


def test_move_cards_across_sections(t):
    move_cards(t.issue, [t["a1"], t["a3"]], t.B.id, 0)
    assert t.titles(t.A.id) == ["a2"]
    assert t.titles(t.B.id) == ["a1", "a3"]
    assert section_of(t.issue, t["a3"]) is t.B


def test_move_cards_within_a_list_accounts_for_removed_items(t):
    # Drop a1 between a2 and a3: index 2 refers to the list before the move.
    move_cards(t.issue, [t["a1"]], t.A.id, 2)
    assert t.titles(t.A.id) == ["a2", "a1", "a3"]
    move_cards(t.issue, [t["a1"]], t.A.id, 99)
    assert t.titles(t.A.id) == ["a2", "a3", "a1"]


def test_move_card_into_another_card_and_out(t):
    move_cards(t.issue, [t["a1"]], t["a3"], 0)
    assert t.titles(t["a3"]) == ["a1"]
    assert parent_of(t.issue, t["a1"]) == (t["a3"], 0)
    move_cards(t.issue, [t["a2.1.1"]], t.B.id, 0)
    assert t.titles(t["a2.1"]) == []
    assert t.titles(t.B.id) == ["a2.1.1"]


@pytest.mark.parametrize("target", ["a2", "a2.1", "a2.1.1"])
def test_move_into_own_subtree_is_refused_and_changes_nothing(t, target):
    before = snapshot(t.issue)
    with pytest.raises(OutlineError):
        move_cards(t.issue, [t["a1"], t["a2"]], t[target], 0)
    assert t.issue.sections == list(before.sections)
    assert t.issue.cards == before.cards


def test_move_of_a_card_not_in_the_outline_changes_nothing(t):
    before = snapshot(t.issue)
    with pytest.raises(OutlineError):
        move_cards(t.issue, [t["a1"], "cmissing"], t.B.id, 0)
    assert t.issue.sections == list(before.sections)


def test_moving_a_card_with_its_own_descendant_keeps_the_subtree(t):
    move_cards(t.issue, [t["a2"], t["a2.1"], t["a2"]], t.B.id, 0)
    assert t.titles(t.B.id) == ["a2"]
    assert t.titles(t["a2"]) == ["a2.1", "a2.2"]
    assert t.titles(t.A.id) == ["a1", "a3"]


def test_move_card_by(t):
    assert move_card_by(t.issue, t["a1"], +1)
    assert t.titles(t.A.id) == ["a2", "a1", "a3"]
    assert move_card_by(t.issue, t["a1"], -1)
    assert not move_card_by(t.issue, t["a1"], -1)
    assert not move_card_by(t.issue, t["a3"], +1)
    assert move_card_by(t.issue, t["a2.2"], -1)
    assert t.titles(t["a2"]) == ["a2.2", "a2.1"]


def test_indent_makes_card_last_child_of_previous_sibling(t):
    assert not indent_card(t.issue, t["a1"])  # no previous sibling
    assert indent_card(t.issue, t["a3"])
    assert t.titles(t.A.id) == ["a1", "a2"]
    assert t.titles(t["a2"]) == ["a2.1", "a2.2", "a3"]


def test_outdent_moves_card_after_its_parent(t):
    assert not outdent_card(t.issue, t["a1"])  # already top level
    assert outdent_card(t.issue, t["a2.1"])
    assert t.titles(t.A.id) == ["a1", "a2", "a2.1", "a3"]
    assert t.titles(t["a2.1"]) == ["a2.1.1"]  # its own sub-cards come along
    assert outdent_card(t.issue, t["a2.1.1"])
    assert t.titles(t.A.id) == ["a1", "a2", "a2.1", "a2.1.1", "a3"]


def test_indent_then_outdent_round_trips(t):
    indent_card(t.issue, t["a3"])
    outdent_card(t.issue, t["a3"])
    assert t.titles(t.A.id) == ["a1", "a2", "a3"]


def test_rename_section_and_card(t):
    rename(t.issue, t.A.id, "新标题 🚀")
    rename(t.issue, t["a2.1.1"], "深层")
    assert t.A.title == "新标题 🚀"
    assert t.issue.cards[t["a2.1.1"]].title == "深层"
    with pytest.raises(OutlineError):
        rename(t.issue, "cnothere", "x")


def test_parent_and_section_of_nested_card(t):
    assert parent_of(t.issue, t["a2.1.1"]) == (t["a2.1"], 0)
    assert section_of(t.issue, t["a2.1.1"]) is t.A
    assert subtree_ids(t.issue, t["a2"]) == [t["a2"], t["a2.1"], t["a2.1.1"], t["a2.2"]]
    with pytest.raises(OutlineError):
        parent_of(t.issue, "cnothere")


def test_snapshot_and_restore(t):
    snap = snapshot(t.issue)
    remove_card(t.issue, t["a2"])
    move_cards(t.issue, [t["a1"]], t.B.id, 0)
    rename(t.issue, t.A.id, "renamed")
    t.issue.cards[t["a1"]].body = "edited"
    restore(t.issue, snap)
    assert [s.title for s in t.issue.sections] == ["A", "B"]
    assert t.titles(t.A.id) == ["a1", "a2", "a3"]
    assert t.titles(t["a2"]) == ["a2.1", "a2.2"]
    # Fields of cards that survived are not part of the structure: they keep their edits.
    assert t.issue.cards[t["a1"]].body == "edited"
    # The snapshot is independent of later edits, so it can be restored twice.
    move_cards(t.issue, [t["a3"]], t.B.id, 0)
    restore(t.issue, snap)
    assert t.titles(t.A.id) == ["a1", "a2", "a3"]


def test_unknown_section_is_an_outline_error(t):
    with pytest.raises(OutlineError):
        remove_section(t.issue, "snothere")
    with pytest.raises(OutlineError):
        move_section(t.issue, "snothere", 0)


def test_restore_keeps_text_typed_after_the_snapshot():
    from editor_app.core.model import Issue
    from editor_app.core.outline import add_card, add_section, restore, snapshot

    issue = Issue(title="t")
    section = add_section(issue, "s")
    kept = add_card(issue, section.id, "kept")
    before = snapshot(issue)
    added = add_card(issue, section.id, "added")
    issue.cards[kept.id].body = "typed after the structural edit"
    restore(issue, before)
    assert added.id not in issue.cards
    assert issue.cards[kept.id].body == "typed after the structural edit"
