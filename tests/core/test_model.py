import gc

from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.core.model import Card, Issue, Section, Source


def _issue() -> Issue:
    issue = Issue(title="t")
    issue.cards = {
        "ca1": Card("ca1", "a1", child_ids=["ca2"]),
        "ca2": Card("ca2", "a2", child_ids=["ca3"]),
        "ca3": Card("ca3", "a3"),
        "cb1": Card("cb1", "b1"),
    }
    issue.sections = [Section("sa1", "A", card_ids=["ca1"]), Section("sb1", "B", card_ids=["cb1"])]
    return issue


def test_iter_cards_walks_outline_order_with_depth():
    issue = _issue()
    assert [(s.id, c.id, d) for s, c, d in issue.iter_cards()] == [
        ("sa1", "ca1", 0),
        ("sa1", "ca2", 1),
        ("sa1", "ca3", 2),
        ("sb1", "cb1", 0),
    ]
    assert [c.id for c in issue.ordered_cards()] == ["ca1", "ca2", "ca3", "cb1"]


def test_iter_cards_skips_ids_without_a_card():
    issue = _issue()
    issue.sections[1].card_ids.append("cgone")
    assert [c.id for c in issue.ordered_cards()] == ["ca1", "ca2", "ca3", "cb1"]


def test_lookups():
    issue = _issue()
    assert issue.section("sb1").title == "B"
    assert issue.card("ca2").title == "a2"


def test_card_is_empty():
    assert Card("c1", "only a title").is_empty()
    assert not Card("c1", body="text").is_empty()
    assert not Card("c1", source=Source("t", "https://example.org")).is_empty()
    assert not Card("c1", child_ids=["c2"]).is_empty()
    assert Card("c1", body="  \n\n ").is_empty()


def test_folder_is_not_part_of_equality(tmp_path):
    a, b = _issue(), _issue()
    a.folder = tmp_path
    assert a == b


def test_a_detached_copy_equals_a_deep_copy_and_shares_no_container():
    import copy

    from editor_app.core.model import FurtherReading, Link, detached_copy

    issue = _issue()
    issue.tags = ["云原生"]
    issue.export = {"wechat": {"width": 600}}
    card = issue.cards["ca1"]
    card.source = Source("S", "https://example.org/s")
    card.links = [Link("GitHub", "https://github.com/x")]
    card.further_reading = [FurtherReading("R", "https://example.org/r", "摘要")]
    card.tags = ["k8s"]
    copied = detached_copy(issue)
    expected = copy.deepcopy(issue)
    assert copied == expected
    # What the UI thread may change in place afterwards leaves the copy as it was.
    issue.tags.append("x")
    issue.export["wechat"]["width"] = 1
    issue.numbering.cards = "continuous"
    issue.sections[0].card_ids.append("cb1")
    issue.sections[0].title = "changed"
    issue.cards["cnew"] = Card("cnew")
    card.source.url = "changed"
    card.links[0].url = "changed"
    card.links.append(Link())
    card.further_reading[0].summary = "changed"
    card.tags.append("x")
    card.child_ids.append("cb1")
    card.body = "changed"
    assert copied == expected


def _reference_walk(issue: Issue) -> list[tuple[str, str, int]]:
    """The outline order spelled out recursively, as the walk is defined."""
    out: list[tuple[str, str, int]] = []

    def visit(section_id: str, ids: list[str], depth: int, path: tuple[str, ...]) -> None:
        for cid in ids:
            if cid in issue.cards and cid not in path:
                out.append((section_id, cid, depth))
                visit(section_id, issue.cards[cid].child_ids, depth + 1, (*path, cid))

    for section in issue.sections:
        visit(section.id, section.card_ids, 0, ())
    return out


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 9), max_size=4), min_size=10, max_size=10),
    st.lists(st.lists(st.integers(0, 11), max_size=5), min_size=1, max_size=3),
)
def test_iter_cards_matches_a_recursive_walk_on_any_outline(children, tops):
    # Ids 10 and 11 name no card; child lists may loop back and list a card twice.
    issue = Issue(title="t")
    issue.cards = {
        f"c{i}": Card(f"c{i}", f"{i}", child_ids=[f"c{j}" for j in kids])
        for i, kids in enumerate(children)
    }
    issue.sections = [
        Section(f"s{n}", f"S{n}", card_ids=[f"c{j}" for j in top]) for n, top in enumerate(tops)
    ]
    assert [(s.id, c.id, d) for s, c, d in issue.iter_cards()] == _reference_walk(issue)


def test_iter_cards_leaves_no_reference_cycle_behind():
    # The walk runs on every keystroke over copies of the issue; a cycle would keep each copy
    # until a garbage collection on the UI thread.
    gc.collect()
    gc.disable()
    try:
        before = gc.get_count()[0]
        for _ in range(50):
            _issue().iter_cards()
        assert gc.collect(0) == 0, (before, gc.get_count())
    finally:
        gc.enable()
