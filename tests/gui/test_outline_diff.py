"""Planning the row operations between two outline trees (pure Python, no Qt)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.gui.outline_diff import Insert, Move, OutlineTree, Remove, plan_changes


def tree(spec: dict[str | None, list[str]]) -> OutlineTree:
    """A tree from {parent: children}; ids starting with "s" are sections."""
    out = OutlineTree()
    queue: list[str | None] = [None]
    while queue:
        parent = queue.pop(0)
        for node in spec.get(parent, []):
            out.children[parent].append(node)
            out.children[node] = []
            out.parent[node] = parent
            out.kind[node] = "section" if node.startswith("s") else "card"
            queue.append(node)
    return out


def check_valid(old: OutlineTree, ops: list) -> OutlineTree:
    """Apply ``ops`` to a copy of ``old``, asserting each is one Qt would accept."""
    work = old.copy()
    for op in ops:
        if isinstance(op, Remove):
            assert 0 <= op.first <= op.last < len(work.children[op.parent])
        elif isinstance(op, Move):
            assert 0 <= op.first <= op.last < len(work.children[op.source])
            assert 0 <= op.row <= len(work.children[op.dest])
            if op.source == op.dest:
                assert not op.first <= op.row <= op.last + 1, "a no-op move"
            moving = work.children[op.source][op.first : op.last + 1]
            inside = {n for m in moving for n in work.subtree(m)}
            assert op.dest not in inside, "moved into its own subtree"
        else:
            assert 0 <= op.row <= len(work.children[op.parent])
            assert not set(op.ids) & set(work.kind), "inserted twice"
            assert set(op.children) <= set(op.kinds)
            assert not set(op.kinds) & set(work.kind)
        work.apply(op)
    return work


def test_single_edits_need_single_operations():
    old = tree({None: ["s1", "s2"], "s1": ["a", "b", "c"], "s2": ["d"], "d": ["e", "f"]})
    cases = {
        "move down": (
            {None: ["s1", "s2"], "s1": ["b", "a", "c"], "s2": ["d"], "d": ["e", "f"]},
            [Move("s1", 1, 1, "s1", 0)],
        ),
        "indent": (
            {None: ["s1", "s2"], "s1": ["a", "c"], "a": ["b"], "s2": ["d"], "d": ["e", "f"]},
            [Move("s1", 1, 1, "a", 0)],
        ),
        "delete a card with sub-cards": (
            {None: ["s1", "s2"], "s1": ["a", "b", "c"], "s2": []},
            [Remove("s2", 0, 0)],
        ),
        "delete two adjacent cards": (
            {None: ["s1", "s2"], "s1": ["c"], "s2": ["d"], "d": ["e", "f"]},
            [Remove("s1", 0, 1)],
        ),
        "drag two cards to another section": (
            {None: ["s1", "s2"], "s1": ["c"], "s2": ["a", "b", "d"], "d": ["e", "f"]},
            [Move("s1", 0, 1, "s2", 0)],
        ),
        "move a section": (
            {None: ["s2", "s1"], "s1": ["a", "b", "c"], "s2": ["d"], "d": ["e", "f"]},
            [Move(None, 1, 1, None, 0)],
        ),
    }
    for name, (spec, expected) in cases.items():
        assert plan_changes(old, tree(spec), 64) == expected, name


def test_a_new_subtree_is_inserted_in_one_operation():
    old = tree({None: ["s1"], "s1": ["a"]})
    new = tree({None: ["s1"], "s1": ["a", "x"], "x": ["y", "z"], "y": ["w"]})
    ops = plan_changes(old, new, 64)
    assert ops == [
        Insert(
            "s1",
            1,
            ("x",),
            {"x": ["y", "z"], "y": ["w"], "z": [], "w": []},
            {"x": "card", "y": "card", "z": "card", "w": "card"},
        )
    ]
    assert check_valid(old, ops).same_as(new)


def test_a_leaving_parent_is_removed_after_its_staying_child_moved_out():
    old = tree({None: ["s1"], "s1": ["a", "b"], "a": ["c"]})
    new = tree({None: ["s1"], "s1": ["c", "b"]})
    ops = plan_changes(old, new, 64)
    assert ops == [Move("a", 0, 0, "s1", 0), Remove("s1", 1, 1)]
    assert check_valid(old, ops).same_as(new)


def test_too_many_changes_or_a_changed_kind_ask_for_a_reset():
    old = tree({None: ["s1"], "s1": ["a", "b", "c", "d"]})
    assert plan_changes(old, tree({None: ["s1"], "s1": ["d", "c", "b", "a"]}), 2) is None
    assert plan_changes(old, tree({None: ["s1"], "s1": ["d", "c", "b", "a"]}), 3) is not None
    odd = tree({None: ["s1"], "s1": ["a"]})
    odd.kind["a"] = "section"  # an id reused for another kind of node
    assert plan_changes(old, odd, 64) is None


def test_the_same_tree_needs_nothing():
    old = tree({None: ["s1", "s2"], "s1": ["a"], "a": ["b"]})
    assert plan_changes(old, old.copy(), 64) == []


@st.composite
def tree_pairs(draw):
    """Two outlines over partly shared ids: any removal, insertion, move and reparenting."""

    def build(sections: list[str], cards: list[str]) -> OutlineTree:
        spec: dict[str | None, list[str]] = {None: list(sections)}
        placed = list(sections)
        for card in cards:
            parent = draw(st.sampled_from(placed)) if placed else None
            if parent is None:
                break
            spec.setdefault(parent, [])
            spec[parent].insert(draw(st.integers(0, len(spec[parent]))), card)
            placed.append(card)
        return tree(spec)

    sections = [f"s{i}" for i in range(draw(st.integers(1, 4)))]
    cards = [f"c{i}" for i in range(draw(st.integers(0, 14)))]
    old = build(draw(st.permutations(sections)), draw(st.permutations(cards)))
    kept_sections = [s for s in sections if draw(st.booleans()) or s == "s0"]
    new_sections = kept_sections + [f"s{i}" for i in range(10, 10 + draw(st.integers(0, 2)))]
    kept_cards = [c for c in cards if draw(st.integers(0, 4))]
    new_cards = kept_cards + [f"c{i}" for i in range(50, 50 + draw(st.integers(0, 5)))]
    new = build(draw(st.permutations(new_sections)), draw(st.permutations(new_cards)))
    return old, new


@settings(max_examples=300, deadline=None)
@given(tree_pairs())
def test_any_change_is_planned_as_valid_operations(pair):
    old, new = pair
    ops = plan_changes(old, new, 10_000)
    assert ops is not None
    assert check_valid(old, ops).same_as(new)
