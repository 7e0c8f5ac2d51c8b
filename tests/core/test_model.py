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
