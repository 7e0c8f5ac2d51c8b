"""Typography beyond the cards: the issue's title and summary, each section's title and intro."""

from __future__ import annotations

import pytest

from editor_app.core.checks import WARNING, check_issue
from editor_app.core.i18n_zh_CN import PROBLEMS
from editor_app.core.model import Issue, Typography
from editor_app.core.outline import add_card, add_section
from editor_app.core.problem_codes import FIX_TYPOGRAPHY, fix_of, message_text
from editor_app.core.render_limits import MAX_CARD_CHARS
from editor_app.core.typography import apply_fixes
from editor_app.core.typography_places import (
    CARD,
    ISSUE,
    SECTION,
    Place,
    issue_places,
    outer_problems,
    place_fixes,
    place_of,
    set_text,
    text_at,
)

TYPOGRAPHY_CODES = {"cjk-spacing", "halfwidth-punctuation", "fullwidth-punctuation"}
INTRO = "本专题收录Gateway相关文章,见`kubectl get gw,中文`和[指南](https://x.org/a,b中文)。"


def _issue(language: str = "zh-CN", typography: Typography = Typography.AUTO) -> Issue:
    issue = Issue(
        title="周刊:第3期",
        summary="本期聊聊Cilium与Istio。\n还有一项调查:结果见正文",
        language=language,
        typography=typography,
    )
    first = add_section(issue, "网络:Gateway")
    first.intro = INTRO
    add_card(issue, first.id, "卡片一").body = "正文。"
    second = add_section(issue, "其他")
    add_card(issue, second.id, "卡片二").body = "正文。"
    return issue


def test_the_places_come_in_page_order() -> None:
    issue = _issue()
    first, second = issue.sections
    card_one, card_two = issue.ordered_cards()
    assert issue_places(issue) == [
        Place(ISSUE, "", "title"),
        Place(ISSUE, "", "summary"),
        Place(SECTION, first.id, "title"),
        Place(SECTION, first.id, "intro"),
        Place(CARD, card_one.id, "title"),
        Place(CARD, card_one.id, "body"),
        Place(CARD, card_one.id, "note"),
        Place(SECTION, second.id, "title"),
        Place(SECTION, second.id, "intro"),
        Place(CARD, card_two.id, "title"),
        Place(CARD, card_two.id, "body"),
        Place(CARD, card_two.id, "note"),
    ]
    assert [p.markdown for p in issue_places(issue)[:4]] == [False, False, False, True]


def test_an_unreadable_card_has_no_place() -> None:
    issue = _issue()
    card = issue.ordered_cards()[0]
    card.unreadable = "broken"
    assert not [p for p in issue_places(issue) if p.owner == card.id]


def test_problems_in_the_issue_and_its_sections_carry_their_place() -> None:
    issue = _issue()
    section = issue.sections[0]
    problems = outer_problems(issue)
    found = [(p.code, p.variant, p.card, p.section, p.span.field) for p in problems]
    assert found == [
        ("halfwidth-punctuation", "issue-title", None, None, "title"),
        ("cjk-spacing", "issue-title", None, None, "title"),
        ("cjk-spacing", "issue-title", None, None, "title"),
        ("cjk-spacing", "issue-summary", None, None, "summary"),
        ("cjk-spacing", "issue-summary", None, None, "summary"),
        ("cjk-spacing", "issue-summary", None, None, "summary"),
        ("halfwidth-punctuation", "issue-summary", None, None, "summary"),
        ("halfwidth-punctuation", "section-title", None, section.id, "title"),
        ("cjk-spacing", "section-intro", None, section.id, "intro"),
        ("cjk-spacing", "section-intro", None, section.id, "intro"),
        ("halfwidth-punctuation", "section-intro", None, section.id, "intro"),
    ]
    assert all(p.severity == WARNING and fix_of(p) == FIX_TYPOGRAPHY for p in problems)
    colon = problems[6]
    assert (colon.span.line, colon.span.column, colon.span.old) == (2, 7, ":")
    assert issue.summary[colon.span.start : colon.span.end] == ":"
    assert colon.message == (
        "the issue's summary, line 2, column 7: half-width punctuation in CJK text: "
        "“还有一项调查:结果见正文” → “还有一项调查：结果见正文”"
    )
    assert colon.to_json() == {
        "severity": "warning",
        "code": "halfwidth-punctuation",
        "message": colon.message,
        "card": None,
        "span": {"field": "summary", "start": 24, "end": 25, "line": 2, "column": 7},
    }
    assert problems[7].to_json()["section"] == section.id
    assert "section '网络:Gateway'" in problems[7].message
    # Code and the link destination of the intro are not reported.
    comma = problems[10].span
    assert INTRO[comma.start - 1 : comma.end + 1] == "章,见"


def test_every_new_message_has_its_chinese_text() -> None:
    problems = outer_problems(_issue())
    for problem in problems:
        assert problem.message_key in PROBLEMS
        text = message_text(problem, PROBLEMS)
        assert text != problem.message and "“" in text
    assert message_text(problems[0], PROBLEMS).startswith("本期标题：")


def test_the_checks_report_them_and_the_setting_turns_them_off() -> None:
    kinds = {(p.card is None, p.section is None) for p in check_issue(_issue())}
    assert (True, True) in kinds and (True, False) in kinds
    for issue in (_issue(language="en"), _issue(typography=Typography.OFF)):
        assert not TYPOGRAPHY_CODES & {p.code for p in check_issue(issue)}
        assert place_fixes(issue) == []
    on = _issue(language="en", typography=Typography.CJK)
    assert TYPOGRAPHY_CODES & {p.code for p in check_issue(on)}


def test_fixing_every_place_leaves_nothing_to_report() -> None:
    issue = _issue()
    for place, fixes in place_fixes(issue):
        set_text(issue, place, apply_fixes(text_at(issue, place) or "", fixes))
    assert issue.title == "周刊：第 3 期"
    assert issue.summary == "本期聊聊 Cilium 与 Istio。\n还有一项调查：结果见正文"
    assert issue.sections[0].title == "网络：Gateway"
    assert issue.sections[0].intro == (
        "本专题收录 Gateway 相关文章，见`kubectl get gw,中文`和[指南](https://x.org/a,b中文)。"
    )
    assert outer_problems(issue) == []
    assert not TYPOGRAPHY_CODES & {p.code for p in check_issue(issue)}


def test_an_intro_too_long_to_render_is_not_read_char_by_char() -> None:
    issue = _issue()
    issue.sections[0].intro = "插件API更新。\n\n" * (MAX_CARD_CHARS // 9 + 1)
    fields = {p.span.field for p in outer_problems(issue) if p.section}
    assert fields == {"title"}
    # Asked for, the fix still reaches it.
    assert any(place.field == "intro" for place, _fixes in place_fixes(issue))


@pytest.mark.parametrize("kind", [CARD, SECTION, ISSUE])
def test_a_problem_points_back_at_its_place(kind: str) -> None:
    issue = _issue()
    issue.ordered_cards()[0].body = "插件API更新"
    problems = [p for p in check_issue(issue) if p.span is not None]
    for problem in problems:
        place = place_of(problem)
        assert place is not None
        text = text_at(issue, place) or ""
        assert text[problem.span.start : problem.span.end] == problem.span.old
    assert kind in {place_of(p).kind for p in problems}


def test_a_place_of_a_deleted_section_has_no_text() -> None:
    issue = _issue()
    assert text_at(issue, Place(SECTION, "gone", "intro")) is None
    set_text(issue, Place(SECTION, "gone", "intro"), "x")  # nothing to change, no error
