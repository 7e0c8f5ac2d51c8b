"""The quick card-header reader against the YAML loader: whenever it answers, it answers
what YAML reads; the headers Masthead writes for ordinary cards never need YAML."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.core import issue_format
from editor_app.core.front_matter import read_plain
from editor_app.core.issue_format import parse_card, serialize_card, split_front_matter
from editor_app.core.model import Card, FurtherReading, Link, Source, Status
from tests.core.test_ledger_scan import HOSTILE

PATH = Path("cards/c1.md")
words = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12))
cards = st.builds(
    Card,
    id=st.just("c1"),
    title=words,
    kind=st.sampled_from(["article", "report", "", "talk"]),
    status=st.sampled_from(list(Status)),
    source=st.one_of(st.none(), st.builds(Source, title=words, url=words)),
    links=st.lists(st.builds(Link, label=words, url=words), max_size=3),
    body=st.just("正文 body"),
    further_reading=st.lists(
        st.builds(FurtherReading, title=words, url=words, summary=words), max_size=2
    ),
    note=words,
    tags=st.lists(words, max_size=3),
    group=words,
)


def front_of(text: str) -> str:
    return split_front_matter(text, PATH)[0]


@settings(max_examples=400)
@given(cards)
def test_written_headers_read_as_yaml_reads_them(card):
    text = serialize_card(card)
    front = front_of(text)
    quick = read_plain(front)
    if quick is not None:
        assert quick == yaml.safe_load(front)
    assert parse_card(text, PATH, "c1") == parse_card_through_yaml(text)


def parse_card_through_yaml(text: str) -> Card:
    original = issue_format.read_plain
    issue_format.read_plain = lambda _front: None
    try:
        return parse_card(text, PATH, "c1")
    finally:
        issue_format.read_plain = original


# Lines as a person (or another tool) might write them, plain or not.
LINES = [
    "title: 云原生 Cloud",
    "title: 'it''s'",
    'title: "double"',
    "title: x # comment",
    "title: 12",
    "title: 8 个值得关注的项目",
    "title: 1.10",
    "title: 1:20",
    "title: 0x1F",
    "title: 1_000",
    "title: 2024-05-01 10:00",
    "title: .inf",
    "title: =",
    "title: +1",
    "title: -abc",
    "title: <b>",
    "title: yes",
    "title: ~",
    "title:",
    "title: ",
    "status: ready",
    "status: Ready",
    "kind: report",
    "source:",
    "  title: S",
    "  url: https://example.org/a?b=c#d",
    "   url: deeper",
    "links:",
    "- label: L",
    "  url: https://example.org/l",
    "- plain item",
    "- 'quoted: item'",
    "-",
    "tags: [a, b]",
    "tags:",
    "- k8s",
    "- 2024-05-01",
    "note: |-",
    "  literal",
    "note: a: b",
    "on: x",
    "# a comment",
    "",
    "group: &anchor g",
    "group: !!str g",
    "title: tab\there",
    "title: nbsp\u00a0end",
    "title: ls\u2028inside",
]


@settings(max_examples=600)
@given(st.lists(st.sampled_from(LINES), max_size=8))
def test_any_header_reads_as_yaml_or_is_left_to_it(lines):
    front = "\n".join(lines) + "\n"
    quick = read_plain(front)
    # Declining (None) is always allowed: the YAML loader then reads the header.
    assert quick is None or quick == (yaml.safe_load(front) or {})


def test_the_sample_issue_never_needs_yaml():
    sample = Path(__file__).resolve().parents[2] / "issues" / "2026-10-cloud-native-monthly"
    files = sorted((sample / "cards").glob("*.md"))
    assert files
    for path in files:
        front = front_of(path.read_text("utf-8"))
        assert read_plain(front) == yaml.safe_load(front), path.name


@pytest.mark.parametrize(
    ("front", "line"),
    [("title: a\ntitle: b\n", 3), ("title: T\nstatus: unknown\n", 3)],
)
def test_errors_still_name_their_line(front, line):
    text = f"---\n{front}---\nbody\n"
    with pytest.raises(issue_format.IssueFormatError) as raised:
        parse_card(text, PATH, "c1")
    assert raised.value.line == line
