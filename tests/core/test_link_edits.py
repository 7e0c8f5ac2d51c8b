"""Rewriting links in place: the one occurrence, in the form it is written, undoable."""

from __future__ import annotations

import pytest

from editor_app.core.link_edits import (
    FieldEdit,
    LinkEditError,
    apply_edit,
    apply_edits,
    replace_link,
    strip_tracking_edits,
)
from editor_app.core.links import issue_links, links_of_card
from editor_app.core.model import Card, FurtherReading, Link, Source
from editor_app.core.url_normalize import strip_tracking
from tests.core.test_links import find, make_card, make_issue


def test_replace_inline_link_at_the_right_occurrence():
    body = "一 [同一个](https://e.org/x) 二 [同一个](https://e.org/x) 三"
    card = make_card(body)
    second = [r for r in links_of_card(card)][1]
    edit = replace_link(card, second, new_url="https://e.org/y", new_text="第二个")
    assert edit.field == "body" and edit.old == body
    assert edit.new == "一 [同一个](https://e.org/x) 二 [第二个](https://e.org/y) 三"
    assert card.body == body  # pure: nothing applied yet
    apply_edit(card, edit)
    assert card.body == edit.new
    apply_edit(card, edit, undo=True)
    assert card.body == body


def test_new_url_with_spaces_gets_angle_brackets_and_text_is_escaped():
    card = make_card("[a](https://e.org/x)")
    edit = replace_link(card, find(card), new_url="https://e.org/a b", new_text="有 [括号]")
    assert edit.new == r"[有 \[括号\]](<https://e.org/a b>)"
    card.body = edit.new
    ref = find(card)
    assert (ref.url, ref.text) == ("https://e.org/a b", r"有 \[括号\]")


def test_reference_link_rewrites_definition_and_keeps_the_label():
    body = '[全文][doc] 与 [doc]\n\n[doc]: https://e.org/old "标题"\n'
    card = make_card(body)
    full, shortcut = links_of_card(card)
    edit = replace_link(card, full, new_url="https://e.org/new")
    assert edit.new == '[全文][doc] 与 [doc]\n\n[doc]: https://e.org/new "标题"\n'
    edit = replace_link(card, shortcut, new_text="文档")
    assert edit.new == '[全文][doc] 与 [文档][doc]\n\n[doc]: https://e.org/old "标题"\n'


def test_bare_and_autolinks():
    card = make_card("见 https://e.org/a 与 <https://e.org/b>。")
    bare, auto = links_of_card(card)
    assert replace_link(card, bare, new_url="https://e.org/c").new == (
        "见 https://e.org/c 与 <https://e.org/b>。"
    )
    assert replace_link(card, bare, new_text="文章").new == (
        "见 [文章](https://e.org/a) 与 <https://e.org/b>。"
    )
    assert replace_link(card, auto, new_url="https://e.org/d").new == (
        "见 https://e.org/a 与 <https://e.org/d>。"
    )


def test_image_alt_text_and_raw_html():
    card = make_card('![旧](assets/a.png)\n<img src="assets/b.png">\n<img src=c.png alt="x">')
    md_img, html_img, html_c = links_of_card(card)
    assert replace_link(card, md_img, new_text="新的说明").new.startswith(
        "![新的说明](assets/a.png)"
    )
    assert '<img alt="说明 &quot;引号&quot;" src="assets/b.png">' in (
        replace_link(card, html_img, new_text='说明 "引号"').new
    )
    assert '<img src="d&amp;e.png" alt="x">' in replace_link(card, html_c, new_url="d&e.png").new


def test_structured_fields():
    card = make_card(
        source=Source("标题", "https://e.org/s"),
        links=[Link("GitHub", "https://github.com/a"), Link("官网", "https://a.org")],
        further_reading=[FurtherReading("延伸", "https://e.org/f", "摘要")],
    )
    src = find(card, kind="source")
    edit = replace_link(card, src, new_url="https://e.org/s2")
    assert edit.new == Source("标题", "https://e.org/s2") and edit.old == Source(
        "标题", "https://e.org/s"
    )
    second = find(card, kind="link", index=1)
    edit = replace_link(card, second, new_text="Homepage")
    assert edit.new == [Link("GitHub", "https://github.com/a"), Link("Homepage", "https://a.org")]
    further = find(card, kind="further")
    edit = replace_link(card, further, new_url="https://e.org/f2")
    assert edit.new == [FurtherReading("延伸", "https://e.org/f2", "摘要")]
    apply_edit(card, edit)
    assert card.further_reading[0].url == "https://e.org/f2"
    assert edit.old[0].url == "https://e.org/f"  # the edit holds copies, not the card's list


def test_stale_reference_is_found_again_or_refused():
    card = make_card("[a](https://e.org/a) [b](https://e.org/b)")
    ref_b = links_of_card(card)[1]
    card.body = "前面加了文字 " + card.body  # offsets moved since the index was built
    edit = replace_link(card, ref_b, new_url="https://e.org/c")
    assert edit.new == "前面加了文字 [a](https://e.org/a) [b](https://e.org/c)"
    card.body = "[a](https://e.org/a)"
    with pytest.raises(LinkEditError):
        replace_link(card, ref_b, new_url="https://e.org/c")


def test_bad_new_values_are_refused():
    card = make_card("[a](https://e.org/a)")
    with pytest.raises(LinkEditError):
        replace_link(card, find(card), new_url="https://e.org/\nx")
    other = Card(id="cother123")
    with pytest.raises(LinkEditError):
        replace_link(other, find(card), new_url="https://e.org/b")


def test_strip_tracking_on_every_link_of_an_issue():
    body = (
        "[a](https://e.org/a?utm_source=x&id=1) [r][d] [r2][d] https://e.org/b?fbclid=1\n\n"
        "[d]: https://e.org/d?utm_medium=y\n"
    )
    card = make_card(
        body,
        source=Source("s", "https://e.org/s?utm_campaign=z"),
        links=[Link("l", "https://e.org/l")],
    )
    other = Card(id="cclean123", body="[clean](https://e.org/clean)")
    issue = make_issue(card, other)
    edits = strip_tracking_edits(issue)
    assert [(e.card, e.field) for e in edits] == [(card.id, "source"), (card.id, "body")]
    assert edits[0].new == Source("s", "https://e.org/s")
    assert edits[1].new == (
        "[a](https://e.org/a?id=1) [r][d] [r2][d] https://e.org/b\n\n[d]: https://e.org/d\n"
    )
    changed = apply_edits(issue, edits)
    assert changed == [card.id]
    assert all(strip_tracking(r.url) == r.url for r in issue_links(issue))
    apply_edits(issue, edits, undo=True)
    assert card.body == body and card.source.url == "https://e.org/s?utm_campaign=z"


def test_strip_tracking_on_one_link():
    card = make_card("[a](https://e.org/a?utm_source=x) [b](https://e.org/b?utm_source=x)")
    issue = make_issue(card)
    (edit,) = strip_tracking_edits(issue, [links_of_card(card)[1]])
    assert isinstance(edit, FieldEdit) and edit.changed
    assert edit.new == "[a](https://e.org/a?utm_source=x) [b](https://e.org/b)"
    assert strip_tracking_edits(make_issue(make_card("[c](https://e.org/c)"))) == []
