from editor_app.core.model import CardNumbering, Issue, SectionNumbering
from editor_app.core.numbering import chinese_numeral, compute_numbers, section_label
from editor_app.core.outline import add_card, add_section


def test_chinese_numerals_up_to_twelve_and_beyond():
    assert [chinese_numeral(n) for n in (1, 2, 9, 10, 11, 12, 20, 21, 99)] == [
        "一", "二", "九", "十", "十一", "十二", "二十", "二十一", "九十九",
    ]  # fmt: skip


def test_section_label_styles():
    assert section_label(SectionNumbering.CHINESE, 3) == "专题三"
    assert section_label(SectionNumbering.PART, 3) == "Part 3"
    assert section_label(SectionNumbering.NONE, 3) == ""


def _issue() -> Issue:
    issue = Issue(title="t")
    a, b = add_section(issue, "A"), add_section(issue, "B")
    add_card(issue, a.id, "a1")
    parent = add_card(issue, a.id, "a2")
    add_card(issue, parent.id, "a2-1")
    add_card(issue, parent.id, "a2-2")
    add_card(issue, b.id, "b1")
    return issue


def _by_title(issue: Issue, numbers) -> dict[str, str]:
    return {c.title: numbers.cards[c.id] for c in issue.ordered_cards()}


def test_card_numbers_restart_per_section_with_sub_numbers():
    issue = _issue()
    nums = compute_numbers(issue)
    assert _by_title(issue, nums) == {"a1": "1", "a2": "2", "a2-1": "2.1", "a2-2": "2.2", "b1": "1"}
    assert list(nums.sections.values()) == ["专题一", "专题二"]


def test_card_numbers_run_through_issue():
    issue = _issue()
    issue.numbering.cards = CardNumbering.CONTINUOUS
    assert _by_title(issue, compute_numbers(issue))["b1"] == "3"


def test_sub_card_numbers_survive_a_looping_outline():
    issue = Issue(title="t")
    section = add_section(issue, "A")
    first = add_card(issue, section.id, "one")
    child = add_card(issue, first.id, "two")
    issue.cards[child.id].child_ids.append(first.id)  # damaged: the child lists its parent
    numbers = compute_numbers(issue)
    assert numbers.cards == {first.id: "1", child.id: "1.1"}
