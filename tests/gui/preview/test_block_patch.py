"""A card's update as a patch of the nodes that changed: applied to the old HTML as the page
applies it (the nodes of one element replaced), it gives the new HTML exactly."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor_app.core import issue_html
from editor_app.core.model import Issue
from editor_app.core.outline import add_card, add_section
from editor_app.gui.preview import block_patch


def long_markdown(blocks: int = 40) -> str:
    """A long card of varied Markdown, no block repeated."""
    out = []
    for n in range(blocks):
        out += [
            f"## 第 {n} 部分 Part {n}",
            f"The harbour office opened ledger {n} at dawn; **tides** were logged with "
            f"`gauge_{n}` and [the chart](https://example.org/chart/{n}).",
            f"渔船第 {n} 批返港，船长说今天的风浪比昨天小，\n码头的吊车也修好了。",
            f"- 鱼获 {n} 箱\n  - 冷藏 {n + 2} 箱\n- 冰块 *充足*\n- [ ] 检查缆绳",
            f"1. 卸货\n2. 过磅 {n}\n3. 入库",
            f"| 船名 | 吨位 |\n| --- | ---: |\n| 海燕 {n} | {n * 7} |\n| 远航 | 12 |",
            f"```python\ndef weigh_{n}(crate):\n    return crate * {n}\n```",
            f"> 老渔民说：潮水 {n} 点退。",
        ]
    return "\n\n".join(out)


EDITS = [
    lambda t: t + "\n\n新段落 new paragraph",
    lambda t: t.replace("Part 3", "Part three", 1),  # a heading (and its id)
    lambda t: t.replace("冷藏 5 箱", "冷藏 5 箱，另有鲜货", 1),  # inside a nested list
    lambda t: t.replace("| 海燕 4 | 28 |", "| 海燕 4 | 29 |", 1),  # a table cell
    lambda t: t.replace("return crate * 6", "return crate * 6 + 1", 1),  # code in a fence
    lambda t: t.replace("The harbour office opened ledger 7", "The office opened ledger 7", 1),
    lambda t: t.replace("\n\n> 老渔民说：潮水 8 点退。", "", 1),  # a block removed
    lambda t: t.replace("1. 卸货\n2. 过磅 2", "1. 卸货\n\n2. 过磅 2", 1),  # a list made loose
    lambda t: t.replace("## 第 0 部分 Part 0", "第 0 部分 Part 0", 1),  # a heading no more
    lambda t: "Intro 开场白\n\n" + t,  # at the very start
    lambda t: t,  # nothing changed
]


def fragment(body: str, title: str = "港口日志 Harbour log", note: str = "编者按 note") -> str:
    issue = Issue(title="补丁 Patch", number=1, slug="patch")
    section = add_section(issue, "日志 Logs", "⚓")
    card = add_card(issue, section.id, title)
    card.id = "c1"
    issue.cards = {"c1": card}
    section.card_ids = ["c1"]
    card.body = body
    card.note = note
    return issue_html.card_fragment(issue, "c1")


def apply(old: str, patch: block_patch.Patch) -> str:
    """The patch applied to ``old`` as the page applies it to the parsed card."""
    path, tags, counts, start, removed, html, added = patch
    card = block_patch._children(old, 0, len(old))[0][0]
    span = (card[2], card[3])
    for step, index in enumerate(path):
        nodes = block_patch._children(old, *span)[0]
        assert len(nodes) == counts[step] and nodes[index][4] == tags[step]
        span = (nodes[index][2], nodes[index][3])
    nodes = block_patch._children(old, *span)[0]
    assert len(nodes) == counts[-1]
    at = nodes[start][0] if start < len(nodes) else span[1]
    end = nodes[start + removed - 1][1] if removed else at
    assert len(block_patch._children(html, 0, len(html))[0]) == added
    return old[:at] + html + old[end:]


def test_each_edit_of_a_long_card_is_a_patch_that_gives_the_new_html():
    body = long_markdown()
    old = fragment(body)
    assert len(body) > 15_000
    for edit in EDITS:
        new = fragment(edit(body))
        block_patch._MEMO.clear()  # read both afresh, then with the old one remembered
        for _ in range(2):
            patch = block_patch.card_patch(old, new)
            assert patch is not None
            assert apply(old, patch) == new
        # Only the edited part travels.
        assert len(patch[5]) < 2_000


def test_typing_character_by_character_patches_the_typed_text_only():
    body = long_markdown(6)
    old = fragment(body)
    for n in range(1, 12):
        new = fragment(body + "\n\n" + "潮水 tide rising"[:n])
        patch = block_patch.card_patch(old, new)
        assert patch is not None and apply(old, patch) == new
        if n > 1:  # the paragraph's text node, nothing around it
            assert patch[1] == ["div", "p"] and patch[5] == "潮水 tide rising"[:n]
        old = new


def test_whole_card_when_the_card_element_changes_or_the_html_is_not_what_renders_write():
    body = long_markdown(2)
    old = fragment(body)
    # The note is inside the card's element: a patch. The element's own tag (its id follows
    # the title here): the whole card.
    new = fragment(body, note="另一条 other note")
    assert apply(old, block_patch.card_patch(old, new)) == new
    assert block_patch.card_patch(old, fragment(body, "新标题 New title")) is None
    assert block_patch.card_patch(old, old.replace('class="card"', 'class="card x"', 1)) is None
    assert block_patch.card_patch(old, "<p>not a card</p>\n") is None
    broken = old.replace("</ul>", "", 1)  # an element never closed
    assert block_patch.card_patch(old, broken) is None


@pytest.mark.parametrize("tag", ["pre", "table"])
def test_a_change_inside_an_element_the_parser_rewrites_swaps_the_element(tag):
    body = long_markdown(2)
    old = fragment(body)
    new = fragment(body.replace("return crate * 1", "return crate * 100").replace("| 7 |", "| 8 |"))
    patch = block_patch.card_patch(old, new)
    assert patch is not None and tag not in patch[1]
    assert apply(old, patch) == new


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    at=st.floats(min_value=0, max_value=1),
    cut=st.integers(min_value=0, max_value=40),
    text=st.text(alphabet="ab 中文*`|-#>\n[]()!_1.", max_size=12),
)
def test_any_edit_gives_a_patch_to_the_new_html_or_none(at, cut, text):
    body = long_markdown(3)
    place = int(at * len(body))
    edited = body[:place] + text + body[place + cut :]
    old, new = fragment(body), fragment(edited)
    patch = block_patch.card_patch(old, new)
    if patch is not None:
        assert apply(old, patch) == new
