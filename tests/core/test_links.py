"""The link index, URL normalisation and rewriting links in place."""

from __future__ import annotations

import pytest

from editor_app.core.links import (
    FieldEdit,
    LinkEditError,
    apply_edit,
    apply_edits,
    find_duplicates,
    issue_links,
    links_of_card,
    normalize_url,
    replace_link,
    strip_tracking,
    strip_tracking_edits,
)
from editor_app.core.model import Card, FurtherReading, Issue, Link, Section, Source


def make_card(body: str = "", **fields) -> Card:
    return Card(id="cabcdefgh", title="卡片", body=body, **fields)


def make_issue(*cards: Card) -> Issue:
    section = Section(id="sabcdefgh", title="专题", card_ids=[c.id for c in cards])
    return Issue(title="t", sections=[section], cards={c.id: c for c in cards})


def find(card: Card, **match) -> object:
    refs = [r for r in links_of_card(card) if all(getattr(r, k) == v for k, v in match.items())]
    assert len(refs) == 1, refs
    return refs[0]


# -- the index -----------------------------------------------------------------------------------
def test_every_kind_with_its_card_and_position():
    card = make_card(
        "看 [官方博客](https://blog.example.org/a) 和 https://bare.example.org/x。\n"
        "![架构图](assets/arch.png)\n\n[ref]: https://ref.example.org\n\n另见 [ref]。",
        source=Source("Original title", "https://source.example.org/post"),
        links=[Link("GitHub", "https://github.com/o/r"), Link("官网", "https://o.example.org")],
        further_reading=[FurtherReading("Further", "https://further.example.org", "一句话")],
        note="🎤 点评里也有链接 <https://note.example.org>",
    )
    refs = links_of_card(card)
    summary = [(r.kind, r.form, r.field, r.index, r.url) for r in refs]
    assert summary == [
        ("source", "field", "source", 0, "https://source.example.org/post"),
        ("link", "field", "links", 0, "https://github.com/o/r"),
        ("link", "field", "links", 1, "https://o.example.org"),
        ("inline", "inline", "body", 0, "https://blog.example.org/a"),
        ("inline", "bare", "body", 1, "https://bare.example.org/x"),
        ("image", "inline", "body", 0, "assets/arch.png"),
        ("inline", "reference", "body", 2, "https://ref.example.org"),
        ("further", "field", "further_reading", 0, "https://further.example.org"),
        ("inline", "autolink", "note", 3, "https://note.example.org"),
    ]
    assert all(r.card == card.id for r in refs)
    image = refs[5]
    assert (image.text, image.line, image.column) == ("架构图", 2, 1)
    assert refs[0].to_json() == {
        "card": card.id,
        "url": "https://source.example.org/post",
        "text": "Original title",
        "kind": "source",
    }


def test_anchor_links_are_not_indexed_and_unreadable_cards_are_skipped():
    good = make_card("[跳到表格](#table) 和脚注[^1]\n\n[^1]: 注释")
    bad = Card(
        id="cbadcard1", unreadable="cards/cbadcard1.md: invalid YAML", body="[x](https://x.org)"
    )
    assert issue_links(make_issue(good, bad)) == []


def test_find_duplicates_uses_normalised_urls():
    a = make_card("[a](https://www.example.org/post/?utm_source=x)")
    b = Card(id="cbbbbbbbb", source=Source("b", "http://example.org/post"))
    dups = find_duplicates(issue_links(make_issue(a, b)))
    assert list(dups) == ["https://example.org/post"]
    assert {r.card for r in dups["https://example.org/post"]} == {a.id, b.id}


# -- normalisation -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("HTTPS://Example.ORG/Post", "https://example.org/Post"),
        ("http://example.org/post", "https://example.org/post"),
        ("https://www.example.org/post", "https://example.org/post"),
        ("https://example.org:443/post", "https://example.org/post"),
        ("http://example.org:80/post", "https://example.org/post"),
        ("https://example.org/post/", "https://example.org/post"),
        ("https://example.org", "https://example.org/"),
        ("https://example.org/post?utm_source=x&utm_medium=y", "https://example.org/post"),
        ("https://example.org/post?fbclid=1&gclid=2&spm=3", "https://example.org/post"),
        ("https://example.org/post#comments", "https://example.org/post"),
        ("https://example.org/p?b=2&a=1", "https://example.org/p?a=1&b=2"),
        ("https://example.org/%7euser", "https://example.org/~user"),
        ("https://example.org/a%2fb", "https://example.org/a%2Fb"),
        ("https://example.org/中文", "https://example.org/%E4%B8%AD%E6%96%87"),
        ("https://example.org/a/./b/../c", "https://example.org/a/c"),
        ("https://example.org/s?q=a+b", "https://example.org/s?q=a%20b"),
        ("https://例子.测试/x", "https://xn--fsqu00a.xn--0zwm56d/x"),
    ],
)
def test_cosmetic_differences_normalise_alike(left, right):
    assert normalize_url(left) == normalize_url(right)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("https://example.org/a", "https://example.org/b"),
        ("https://example.org/p?id=1", "https://example.org/p?id=2"),
        ("https://example.org:8443/p", "https://example.org/p"),
        ("https://app.example.org/#/docs/a", "https://app.example.org/#/docs/b"),
        ("https://example.org/Post", "https://example.org/post"),
        ("https://blog.example.org/p", "https://example.org/p"),
    ],
)
def test_different_pages_stay_different(left, right):
    assert normalize_url(left) != normalize_url(right)


def test_normalise_is_idempotent_and_leaves_other_schemes():
    url = "HTTP://www.Example.org:80/a/../b/?utm_campaign=z&k=%e4%b8%ad#x"
    once = normalize_url(url)
    assert normalize_url(once) == once == "https://example.org/b?k=%E4%B8%AD"
    assert normalize_url("mailto:Editor@Example.org") == "mailto:editor@example.org"
    assert normalize_url("assets/a.png") == "assets/a.png"


def test_strip_tracking_keeps_everything_else_as_written():
    assert strip_tracking("https://e.org/p?id=3&utm_source=x&q=a%20b#top") == (
        "https://e.org/p?id=3&q=a%20b#top"
    )
    assert strip_tracking("https://e.org/p?utm_source=x&fbclid=y") == "https://e.org/p"
    assert strip_tracking("https://e.org/p?utm_source=x#frag") == "https://e.org/p#frag"
    assert strip_tracking("https://e.org/p?ref=main") == "https://e.org/p?ref=main"
    assert strip_tracking("https://e.org/p") == "https://e.org/p"


# -- rewriting -----------------------------------------------------------------------------------
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
