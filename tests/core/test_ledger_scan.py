"""The ledger's cheap readers against the full readers, on a varied, partly hostile library."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from editor_app.core.errors import MastheadError
from editor_app.core.issue_format import parse_card, serialize_card
from editor_app.core.ledger import LEDGER_KINDS
from editor_app.core.ledger_scan import NeedsExactRead, decode_file, scan_card_text
from editor_app.core.links import links_of_card
from editor_app.core.model import Card, FurtherReading, Link, Source

# Text YAML quotes, folds, types or cuts when written plainly.
HOSTILE = [
    "plain words",
    "A title: with 'quotes' and a # sign",
    'double "quoted" text',
    "it's",
    "- leading dash",
    "? question",
    "*star",
    "&amp",
    "!bang",
    "%percent",
    "@at",
    "`tick`",
    "[bracket]",
    "{brace}",
    "| pipe",
    "> angle",
    "# hash",
    "null",
    "~",
    "true",
    "Yes",
    "off",
    "123",
    "007",
    "1.10",
    "2024-05-01",
    "  padded  ",
    "",
    "中文标题：云原生",
    "emoji 🚀 and RTL עברית",
    "combining e\u0301",
    "line\nbreak",
    "two\n\nparagraphs\n",
    "nel\x85inside",
    "ls\u2028inside",
    "trailing colon:",
    "back\\slash",
]
URLS = [
    "https://example.org/a",
    "https://example.org/a?x=1&y=2",
    "https://example.org/a#frag",
    "http://例え.jp/パス",
    "https://example.org/it's",
    "https://example.org/q?utm_source=x",
    "",
    "not a url",
    "ftp://example.org/f",
    "https://example.org/with space",
]
BODIES = [
    "",
    "see [docs](https://docs.example.org/a) and https://bare.example.org/b.",
    "![pic](assets/p.png)\n\n[ref][r]\n\n[r]: https://ref.example.org/r",
    "`https://code.example.org/c` <https://auto.example.org/z>",
    "中文 https://cjk.example.org/x 了解",
]
NOTES = [
    "see https://note.example.org/n",
    "- see https://note.example.org/q",
    "'quoted' https://note.example.org/it's",
    "two lines https://note.example.org/m\nand [x](https://note.example.org/x)",
    "x: https://note.example.org/colon",
]
# Hand-written header shapes Masthead never writes; each must be read exactly or left alone.
HAND_WRITTEN = [
    "title: Flow\nsource: {title: S, url: 'https://flow.example.org/s'}\n",
    "title: Indented\nlinks:\n  - label: L\n    url: https://indent.example.org/l\n",
    "title: Folded url\nsource:\n  title: S\n  url: https://fold.example.org/a\n    b\n",
    "title: Commented # here\nsource:\n  url: https://c.example.org/s # note\n",
    "# a comment first\ntitle: T\nsource:\n  url: https://c.example.org/first\n",
    "title: T\n# between\nsource:\n  url: https://c.example.org/between\n",
    "title: Continued\n  over two lines\nstatus: draft\n",
    "title: Continued\n  with # comment\nstatus: draft\n",
    "title: Anchor\nsource:\n  url: &u https://a.example.org/x\nlinks:\n- label: L\n  url: *u\n",
    'title: Quoted\nsource:\n  url: "https://q.example.org/\\u00e9"\n',
    "title: 'multi\n  line quoted'\nstatus: draft\n",
    "title: Block\nnote: |\n  # heading\n  see https://note.example.org/n\n",
    "title: Folded note\nnote: >-\n  see\n  https://note.example.org/f\n",
    "title: Tabs\tinside\nstatus: draft\n",
    "title: T\nsource:\n  title: S\n  url: https://dup.example.org/1\n  url: https://dup.example.org/2\n",
    "title: T\nlinks: https://scalar.example.org/l\n",
    "title: T\nlinks:\n- https://bare.example.org/item\n",
    "title: T\nsource:\n  title: |-\n    two\n    lines\n  url: https://block.example.org/s\n",
    "title: null\nstatus: draft\n",
    "title: True\nstatus: draft\n",
    "title: T\nstatus: draft\nextra:\n  url: https://nested.example.org/x\n",
]


def exact(text: str) -> tuple[str, list[tuple[str, str]]] | None:
    """What the card reader and the link index give, or None if the card is refused."""
    try:
        card = parse_card(text, Path("c.md"), "cx")
    except MastheadError:
        return None
    refs = links_of_card(card)
    web = [(r.url, r.kind) for r in refs if r.kind in LEDGER_KINDS]
    return card.title, sorted(x for x in web if x[0].startswith(("http:", "https:")))


def cheap(text: str) -> tuple[str, list[tuple[str, str]]] | None:
    """What the cheap scan gives, or None when it is not sure."""
    try:
        title, found = scan_card_text(text)
    except NeedsExactRead:
        return None
    return title, sorted(found)


def generated_cards(count: int, seed: int) -> list[Card]:
    rng = random.Random(seed)
    cards = []
    for n in range(count):
        pick = rng.choice
        cards.append(
            Card(
                id=f"cgen{n:05d}",
                title=pick(HOSTILE),
                source=Source(pick(HOSTILE), pick(URLS)) if rng.random() < 0.8 else None,
                links=[Link(pick(HOSTILE), pick(URLS)) for _ in range(rng.randrange(3))],
                body=pick(BODIES),
                further_reading=[
                    FurtherReading(pick(HOSTILE), pick(URLS), pick(HOSTILE))
                    for _ in range(rng.randrange(3))
                ],
                note=pick(["", "", pick(NOTES), pick(HOSTILE)]),
                tags=[pick(HOSTILE)] if rng.random() < 0.3 else [],
            )
        )
    return cards


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_cheap_scan_agrees_with_the_card_reader_on_written_cards(seed: int):
    answered = 0
    for card in generated_cards(400, seed):
        text = serialize_card(card)
        expected, got = exact(text), cheap(text)
        assert expected is not None, text  # Masthead reads back what it writes
        if got is not None:
            answered += 1
            assert got == expected, text
    # Most written cards take the cheap path (quoted escapes and blocks may not).
    assert answered > 200


@pytest.mark.parametrize("header", HAND_WRITTEN)
def test_cheap_scan_is_exact_or_declines_on_hand_written_headers(header: str):
    text = f"---\n{header}---\n\nbody https://body.example.org/b\n"
    got = cheap(text)
    if got is not None:
        assert got == exact(text), text


def test_plain_written_cards_never_fall_back():
    card = Card(
        id="cplain001",
        title="发布 v1.2",
        source=Source("Release", "https://example.org/r?utm_source=x&a=1"),
        links=[Link("GitHub", "https://github.com/o/p")],
        body="see https://bare.example.org/b",
        further_reading=[FurtherReading("More", "https://more.example.org/m", "one line")],
        note="a note with https://note.example.org/n",
        tags=["k8s"],
    )
    text = serialize_card(card)
    assert cheap(text) == exact(text)
    assert len(cheap(text)[1]) == 5


def test_cards_without_a_header_are_left_to_the_card_reader():
    for text in ["no header https://x.example.org/a\n", "--- \ntitle: T\n---\n", "---\ntitle: T\n"]:
        assert cheap(text) is None


def test_decode_file_reads_as_text_mode_does(tmp_path: Path):
    raw = "\ufeff---\r\ntitle: T\r\n---\rbody\r\n中文".encode()
    path = tmp_path / "c.md"
    path.write_bytes(raw)
    with open(path, encoding="utf-8-sig") as handle:
        assert decode_file(raw) == handle.read()
