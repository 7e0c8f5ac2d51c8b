"""The link index: every link of a card or an issue, with its kind and position."""

from __future__ import annotations

from editor_app.core.links import find_duplicates, issue_links, links_of_card
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
