"""The fast header reader agrees with the card parser, and hands anything unusual over."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.core.issue_format import parse_card, serialize_card, split_front_matter
from editor_app.core.model import Card, FurtherReading, Link, Source
from editor_app.core.search.header import NotPlain, read_header

CARDS = [
    Card(id="c1", title="Plain title"),
    Card(
        id="c2",
        title="标题: with a colon # and a hash",
        note="第一行\n\n  second line, indented\n",
        source=Source("It's quoted", "https://example.org/a?b=c#d"),
        links=[Link("- dash", "https://x.example"), Link("yes", "")],
        further_reading=[FurtherReading("'single'", "https://y.example", "null")],
        tags=["a", "b"],
        group="分类",
    ),
    Card(id="c3", title="'starts with a quote", note="true"),
    Card(id="c4", title="[bracketed] title", body="body only"),
]


def _expected(card: Card) -> tuple[str, str, list[str]]:
    texts = []
    if card.source is not None:
        texts += [card.source.title, card.source.url]
    for link in card.links:
        texts += [link.label, link.url]
    for item in card.further_reading:
        texts += [item.title, item.url, item.summary]
    return card.title, card.note, [t for t in texts if t]


@pytest.mark.parametrize("card", CARDS, ids=[c.id for c in CARDS])
def test_written_headers_read_as_the_parser_reads_them(card):
    text = serialize_card(card)
    front, _body = split_front_matter(text, Path("x.md"))
    parsed = parse_card(text, Path("x.md"), card.id)
    assert read_header(front) == _expected(parsed)


@pytest.mark.parametrize(
    "front",
    [
        "title: {flow: style}\n",
        "title: &anchor x\nnote: *anchor\n",
        "source: {title: a, url: b}\n",
        "title: a\n  continued\n",
        "title: >-\n  folded\n",
        '"title": "esc\\"aped"\n',
        "# a comment\ntitle: x\n",
        "title:\tx\n",
    ],
)
def test_unusual_headers_go_to_the_yaml_loader(front):
    with pytest.raises(NotPlain):
        read_header(front)
