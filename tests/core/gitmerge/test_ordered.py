from editor_app.core.gitmerge.ordered import merge_order


def test_both_sides_append_keeps_both_in_order():
    assert merge_order(["a", "b"], ["a", "b", "x"], ["a", "b", "y"]) == ["a", "b", "x", "y"]


def test_insertions_land_after_their_predecessor():
    merged = merge_order(["a", "b", "c"], ["a", "x", "b", "c"], ["a", "b", "y", "c"])
    assert merged == ["a", "x", "b", "y", "c"]


def test_a_move_on_one_side_is_applied():
    assert merge_order(["a", "b", "c"], ["a", "b", "c"], ["c", "a", "b"]) == ["c", "a", "b"]


def test_different_moves_on_each_side_are_both_applied():
    merged = merge_order(["a", "b", "c", "d"], ["b", "a", "c", "d"], ["a", "b", "d", "c"])
    assert merged == ["b", "a", "d", "c"]


def test_deletions_are_honoured():
    assert merge_order(["a", "b", "c"], ["a", "c"], ["a", "b", "c", "d"]) == ["a", "c", "d"]


def test_same_item_moved_on_both_sides_stays_where_we_put_it():
    assert merge_order(["a", "b", "c"], ["c", "a", "b"], ["a", "c", "b"]) == ["c", "a", "b"]


def test_members_decide_what_is_listed():
    assert merge_order(["a"], ["a"], ["a"], members={"a", "z"}) == ["a", "z"]
