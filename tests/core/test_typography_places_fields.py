"""Typography in a card's structured fields: the source title, the project links' labels, the
further reading's titles and summaries and the category heading; never their URLs."""

from __future__ import annotations

from dataclasses import replace

from editor_app.core.checks import check_issue
from editor_app.core.i18n_zh_CN import PROBLEMS
from editor_app.core.model import FurtherReading, Issue, Link, Source, Typography
from editor_app.core.outline import add_card, add_section
from editor_app.core.problem_codes import message_text
from editor_app.core.typography import apply_fixes
from editor_app.core.typography_places import (
    CARD,
    Place,
    card_places,
    card_problems,
    card_update,
    issue_places,
    place_fixes,
    place_of,
    set_text,
    text_at,
)

TYPOGRAPHY_CODES = {"cjk-spacing", "halfwidth-punctuation", "fullwidth-punctuation"}
# Each URL is one a typography fix would change if it were read as prose.
LINK_URL = "https://x.org/a,b中文"
FURTHER_URL = "https://x.org/指南:v2"


def _issue(typography: Typography = Typography.AUTO) -> Issue:
    issue = Issue(title="周刊", language="zh-CN", typography=typography)
    section = add_section(issue, "新闻")
    card = add_card(issue, section.id, "卡片")
    card.body = "正文。"
    card.source = Source("发布说明:Gateway v1.2", "https://x.org/notes,中文")
    card.links = [Link("仓库", "https://github.com/x/y"), Link("文档English", LINK_URL)]
    card.further_reading = [FurtherReading("深入Cilium", FURTHER_URL, "一篇长文,值得一读")]
    child = add_card(issue, card.id, "子卡片")
    child.group = "安全与合规:2024"
    return issue


def test_every_published_field_of_a_card_is_a_place() -> None:
    issue = _issue()
    card, child = issue.ordered_cards()
    assert [p.field for p in card_places(card)] == [
        "title",
        "source.title",
        "links.0.label",
        "links.1.label",
        "body",
        "further_reading.0.title",
        "further_reading.0.summary",
        "note",
    ]
    assert [p.field for p in card_places(child)] == ["title", "body", "note", "group"]
    assert all(p.markdown is False for p in card_places(card) if "." in p.field)
    assert [p.variant for p in card_places(card)][1:4] == [
        "source-title",
        "link-label",
        "link-label",
    ]
    assert Place(CARD, card.id, "further_reading.0.summary") in issue_places(issue)


def test_each_fix_is_reported_with_its_exact_span_in_its_field() -> None:
    issue = _issue()
    card, child = issue.ordered_cards()
    found = [
        (p.code, p.variant, p.span.field, p.span.old, p.args.get("item"))
        for p in card_problems(card, card.title) + card_problems(child, child.title)
    ]
    assert found == [
        ("halfwidth-punctuation", "source-title", "source.title", ":", None),
        ("cjk-spacing", "link-label", "links.1.label", "", 2),
        ("cjk-spacing", "further-title", "further_reading.0.title", "", 1),
        ("halfwidth-punctuation", "further-summary", "further_reading.0.summary", ",", 1),
        ("halfwidth-punctuation", "group", "group", ":", None),
    ]
    problems = [p for p in check_issue(issue) if p.span is not None and p.card == card.id]
    for problem in problems:
        place = place_of(problem)
        assert place is not None and place.field == problem.span.field
        text = text_at(issue, place) or ""
        assert text[problem.span.start : problem.span.end] == problem.span.old
    label = next(p for p in problems if p.variant == "link-label")
    assert (label.span.start, label.span.end) == (2, 2)
    assert label.message == (
        "'卡片', label of project link 2: no space between CJK and Latin text: "
        "“文档English” → “文档 English”"
    )
    assert message_text(label, PROBLEMS).startswith("“卡片”第 2 个项目链接的文字：")
    assert label.to_json()["span"]["field"] == "links.1.label"


def test_every_new_message_has_its_chinese_text() -> None:
    issue = _issue()
    for card in issue.ordered_cards():
        for problem in card_problems(card, card.title):
            assert problem.message_key in PROBLEMS
            assert message_text(problem, PROBLEMS) != problem.message


def test_fixing_every_place_fixes_the_labels_and_never_a_url() -> None:
    issue = _issue()
    for place, fixes in place_fixes(issue):
        set_text(issue, place, apply_fixes(text_at(issue, place) or "", fixes))
    card, child = issue.ordered_cards()
    assert card.source == Source("发布说明：Gateway v1.2", "https://x.org/notes,中文")
    assert card.links == [Link("仓库", "https://github.com/x/y"), Link("文档 English", LINK_URL)]
    assert card.further_reading == [
        FurtherReading("深入 Cilium", FURTHER_URL, "一篇长文，值得一读")
    ]
    assert child.group == "安全与合规：2024"
    assert not TYPOGRAPHY_CODES & {p.code for p in check_issue(issue)}


def test_the_setting_turns_them_off() -> None:
    issue = _issue(Typography.OFF)
    assert place_fixes(issue) == []
    assert not TYPOGRAPHY_CODES & {p.code for p in check_issue(issue)}


def test_an_update_makes_new_records_and_leaves_the_card() -> None:
    card = _issue().ordered_cards()[0]
    links = card.links
    attr, value = card_update(card, "links.1.label", "文档 English")
    assert attr == "links" and value[1] == Link("文档 English", LINK_URL)
    assert card.links is links and links[1].label == "文档English"
    assert card_update(card, "source.title", "新")[1] == Source("新", card.source.url)
    assert card.source.title == "发布说明:Gateway v1.2"


def test_a_place_gone_since_has_no_text_and_takes_none() -> None:
    issue = _issue()
    card = issue.ordered_cards()[0]
    for field in ("links.5.label", "further_reading.1.summary"):
        assert text_at(issue, Place(CARD, card.id, field)) is None
        assert card_update(card, field, "x") is None
    card.source = None
    assert text_at(issue, Place(CARD, card.id, "source.title")) is None
    set_text(issue, Place(CARD, card.id, "source.title"), "x")
    assert card.source is None


def test_a_url_is_never_a_place() -> None:
    issue = _issue()
    card = issue.ordered_cards()[0]
    problem = card_problems(card, card.title)[1]
    for field in ("links.1.url", "source.url", "further_reading.0.url", "kind", "links.x.label"):
        moved = replace(problem, span=replace(problem.span, field=field))
        assert place_of(moved) is None
