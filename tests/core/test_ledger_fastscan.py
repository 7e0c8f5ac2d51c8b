"""The fast scans against the reference scanners: the same links, kinds, fields and refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from editor_app.core.issue_format import serialize_card, serialize_manifest
from editor_app.core.ledger_fastscan import scan_card_fast, scan_manifest_fast, text_urls_fast
from editor_app.core.ledger_scan import NeedsExactRead, scan_card_text, scan_manifest, text_urls
from editor_app.core.model import Card, FurtherReading, Issue, Link, Section, Source

URLS = [
    "https://a.example.org/x",
    "http://b.example.org/p?q=1&utm_source=n",
    "HTTPS://C.example.org/(paren)",
    "https://d.example.org/end).",
    "https://e.example.org/a_(b)_c]",
    "https://f.example.org/!*'~",
    "http://",
    "https://g.example.org/中文",
]
LABELS = ["r", "R", "r ", " r", "pic", "Pic  one", "pic\none", "ß", "SS", "x\\]y"]
BLANKS = ["", " ", "  ", "\t", "\n", " \n ", "\u3000", "\x85", "\x1c", "\u2028"]
# Pieces of Markdown that decide whether a URL counts: brackets, image marks, definitions,
# code, comments, HTML, escapes, blanks of every kind and line breaks.
TOKENS = [
    *URLS, *BLANKS, "![", "[", "]", "(", ")", "](", "]:", "][", "<", ">", "!", "\\", "`", "``",
    "~~~", "```", "<!--", "-->", "<img src=", "<IMG\nalt=x src='", '"', "'", "#", "*", "_", ".",
    ",", ":", "   ", "    ", "\n\n", "- ", "> ", "alt", "text", "r", "pic", "中文", "🚀",
]  # fmt: skip


def same(fast, reference, value):  # noqa: ANN001, ANN201 - both callables of one value
    """Both give the same answer, or both decline with NeedsExactRead."""
    try:
        expected = reference(value)
    except NeedsExactRead:
        with pytest.raises(NeedsExactRead):
            fast(value)
        return None
    assert fast(value) == expected, repr(value)
    return expected


@st.composite
def markdown_lines(draw: st.DrawFn) -> str:
    """Lines in the shapes that hold links and images, with hostile parts."""
    url, label = draw(st.sampled_from(URLS)), draw(st.sampled_from(LABELS))
    blank, lt = draw(st.sampled_from(BLANKS)), draw(st.sampled_from(["", "<"]))
    indent = draw(st.sampled_from(["", " ", "   ", "    "]))
    return draw(
        st.sampled_from([
            f"{indent}[{label}]:{blank}{lt}{url}",
            f"![{label}]({blank}{lt}{url})",
            f"![alt][{label}]",
            f"![{label}][]",
            f"![{label}]",
            f"[text]({blank}{lt}{url})",
            f"[text][{label}] {url}",
            f"see {url}.",
            f"![a ![b]({url}) {url}",
            f"{url}/![x]({blank}{url})",
            f"`{url}` {url}",
            f"<{url}> <!-- {url} -->",
            f'<img alt="x" src="{url}"> {url}',
        ])
    )  # fmt: skip


markdown = st.one_of(
    st.lists(st.sampled_from(TOKENS), max_size=30).map("".join),
    st.lists(markdown_lines(), min_size=1, max_size=6).map("\n".join),
    st.lists(st.one_of(markdown_lines(), st.sampled_from(TOKENS)), max_size=12).map("".join),
    st.text(alphabet="![]()<>:`~ \n\\hts:/.ab", max_size=60),
)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown)
@example("![a](https://x.example.org/a)\n[b](https://y.example.org/b)")
@example("![pic][R]\n\n [r]: <https://img.example.org/p.png>\n[s]: https://s.example.org")
@example("https://x.example.org/![a](\nhttps://img.example.org/b")
@example("![a](\u3000<https://img.example.org/c) https://d.example.org/(x))")
def test_fast_text_scan_finds_what_the_reference_finds(text: str):
    assert text_urls_fast(text) == text_urls(text)


header_values = st.one_of(
    st.sampled_from(["plain", "it's", "a: b", "x #y", "null", "", "  pad", "'q'", '"d\\"'] + URLS),
    st.text(alphabet="ab :#'\"\\-\t\n\x85\u2028", max_size=12),
)


@st.composite
def card_files(draw: st.DrawFn) -> str:
    """Card files as Masthead writes them, and the same with a line changed by hand."""
    value = lambda: draw(header_values)  # noqa: E731 - a short draw inside the builder
    url = lambda: draw(st.one_of(st.sampled_from(URLS), header_values))  # noqa: E731
    card = Card(
        id="cfast0001",
        title=value(),
        source=Source(value(), url()) if draw(st.booleans()) else None,
        links=[Link(value(), url()) for _ in range(draw(st.integers(0, 2)))],
        body=draw(markdown),
        further_reading=[
            FurtherReading(value(), url(), value()) for _ in range(draw(st.integers(0, 2)))
        ],
        note=draw(st.one_of(st.just(""), markdown, header_values)),
        tags=draw(st.lists(header_values, max_size=2)),
    )
    text = serialize_card(card)
    lines = text.split("\n")
    urls = [n for n, line in enumerate(lines) if "url: http" in line]
    if urls and draw(st.booleans()):  # a URL value edited by hand: blanks, comments, quotes
        at = draw(st.sampled_from(urls))
        lines[at] += draw(st.sampled_from([" ", "  # c", " #x", "#x", "\u3000", "\x85", "'"]))
        text = "\n".join(lines)
    if draw(st.booleans()):
        at = draw(st.integers(0, len(lines) - 1))
        lines.insert(at, draw(st.sampled_from([
            "  url: https://dup.example.org/u", "- url: https://item.example.org/i", "---",
            "--- x", "---  ", "  title: t", "# c", "\t", "tags:", "note: n https://n.example.org",
        ])))  # fmt: skip
        text = "\n".join(lines)
    return text


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(card_files())
def test_fast_card_scan_answers_as_the_reference(text: str):
    same(scan_card_fast, scan_card_text, text)


def test_written_cards_take_the_fast_path_and_find_every_kind(monkeypatch: pytest.MonkeyPatch):
    def refused(*args: object) -> None:
        raise AssertionError("the reference scanner was used")

    monkeypatch.setattr("editor_app.core.ledger_fastscan.scan_card_text", refused)
    monkeypatch.setattr("editor_app.core.ledger_fastscan.text_urls", refused)
    card = Card(
        id="cfast0002",
        title="发布 v1.2",
        source=Source("Release", "https://example.org/r?utm_source=x"),
        links=[Link("GitHub", "https://github.com/o/p")],
        body="![d](https://img.example.org/d.png) [t](https://t.example.org/t) https://b.example.org",
        further_reading=[FurtherReading("More", "https://more.example.org/m", "one line")],
        note="a note with https://note.example.org/n",
    )
    title, found = scan_card_fast(serialize_card(card))
    assert title == "发布 v1.2"
    assert found == [
        ("https://example.org/r?utm_source=x", "source"),
        ("https://github.com/o/p", "link"),
        ("https://more.example.org/m", "further"),
        ("https://t.example.org/t", "inline"),
        ("https://b.example.org", "inline"),
        ("https://note.example.org/n", "inline"),
    ]


ids = st.sampled_from(["c1", "c2x", "Yes", "ON", "yeſ", "ΑΣ", "null", "n", "c_1-b"])
manifest_values = st.one_of(
    header_values, st.sampled_from(["Issue 7", "📌", "", "a\nb", "x\n\n", "cr\rhere", "\ufeffbom"])
)
intros = st.one_of(
    st.just(""),
    manifest_values,
    markdown,
    st.sampled_from(["a\n\nb\n", "    indented\nthen not", "ends   \n   ", "\n\nlead", "t\n\n\n"]),
)


@st.composite
def manifests(draw: st.DrawFn) -> str:
    """issue.yaml as Masthead writes it, and the same with a line changed by hand."""
    issue = Issue(
        title=draw(manifest_values),
        number=draw(st.sampled_from([None, 0, 7, 400])),
        date=draw(st.sampled_from([None, dt.date(2026, 4, 1)])),
        slug=draw(manifest_values),
    )
    issue.summary = draw(st.sampled_from(["", "one line", "two\nlines"]))
    issue.cover = draw(st.sampled_from(["", "assets/c.png"]))
    issue.tags = draw(st.lists(manifest_values, max_size=2))
    issue.export = draw(st.sampled_from([{}, {"hugo": {"weight": 1}}]))
    for s in range(draw(st.integers(0, 3))):
        section = Section(
            id=draw(st.sampled_from([f"s{s}", "Yes", "off"])),
            title=draw(manifest_values),
            emoji=draw(st.sampled_from(["", "📌", "'", "a: b"])),
            intro=draw(intros),
        )
        for card_id in draw(st.lists(ids, max_size=3, unique=True)):
            card_id = f"{card_id}{s}" if draw(st.booleans()) else card_id
            if card_id in issue.cards:
                continue
            issue.cards[card_id] = Card(id=card_id, title="t")
            section.card_ids.append(card_id)
            if draw(st.booleans()) and draw(st.booleans()):
                issue.cards[card_id].child_ids.append(f"{card_id}k")
                issue.cards[f"{card_id}k"] = Card(id=f"{card_id}k", title="k")
        issue.sections.append(section)
    text = serialize_manifest(issue)
    if (
        draw(st.integers(0, 3)) == 0
    ):  # a value edited by hand, unquoted or with raw control characters
        old, new = draw(st.sampled_from([
            ("- id: s0\n", "- id: On\n"), ("  - c1\n", "  - Yes\n"), ("  - c2x\n", "  - NULL\n"),
            ("title: ", "title: \r"), ("format: 1", "\ufeffformat: 1"), ("emoji: ", "emoji: \x85"),
            ("number: 7", "number: 07"), ("date: 2026-04-01", "date: 2026-02-30"),
        ]))  # fmt: skip
        text = text.replace(old, new, 1)
    if draw(st.integers(0, 3)) == 0:
        lines = text.split("\n")
        at = draw(st.integers(0, len(lines) - 1))
        lines.insert(at, draw(st.sampled_from([
            "# comment", "", "   x", "- id: s9", "  cards: []", "outline: []", "title: again",
            "  intro: |+", "    deep", "  - c9", "extra: 1", "\t", "  title: t",
        ])))  # fmt: skip
        text = "\n".join(lines)
    if draw(st.booleans()) and draw(st.booleans()):
        text = text.rstrip("\n")
    return text


def plain_manifest() -> str:
    issue = Issue(title="Issue 7", number=7, date=dt.date(2026, 4, 1), slug="issue-7")
    issue.sections.append(Section(id="s0", title="A", intro="a\n\n  b\n", card_ids=["c1"]))
    issue.sections.append(Section(id="s1", title="B", emoji="📌", card_ids=["c2x"]))
    issue.cards = {"c1": Card(id="c1", title="a"), "c2x": Card(id="c2x", title="b")}
    return serialize_manifest(issue)


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(manifests())
@example(plain_manifest())
@example(plain_manifest().replace("title: ", "title: \r", 1))
@example(plain_manifest().replace("  - c1\n", "  - Yes\n"))
@example(plain_manifest().replace("- id: s0\n", "- id: On\n"))
@example(plain_manifest().replace("number: 7", "number: 07"))
@example(plain_manifest().replace("date: 2026-04-01", "date: 2026-02-30"))
@example(plain_manifest().replace("    a\n", "     a\n"))
@example(plain_manifest().replace("  title: A\n", "  title: 'A: ''x'''\n"))
def test_fast_manifest_scan_answers_as_the_reference(text: str):
    same(scan_manifest_fast, scan_manifest, text)


def test_written_manifests_take_the_fast_path(monkeypatch: pytest.MonkeyPatch):
    def refused(*args: object) -> None:
        raise AssertionError("the reference scanner was used")

    monkeypatch.setattr("editor_app.core.ledger_fastscan.scan_manifest", refused)
    issue = Issue(title="Issue 7", number=7, date=dt.date(2026, 4, 1), slug="issue-7")
    issue.sections.append(
        Section(
            id="s1",
            title="专题",
            emoji="📌",
            intro="![c](c.png)\n\nsee [x](https://x.example.org)\n",
        )
    )
    issue.sections.append(Section(id="s2", title="Plain", intro="one line", card_ids=["c1", "c2"]))
    issue.cards = {"c1": Card(id="c1", title="a"), "c2": Card(id="c2", title="b")}
    assert scan_manifest_fast(serialize_manifest(issue)) == {
        "title": "Issue 7",
        "number": 7,
        "date": dt.date(2026, 4, 1),
        "slug": "issue-7",
        "outline": [
            {
                "id": "s1",
                "emoji": "📌",
                "title": "专题",
                "intro": "![c](c.png)\n\nsee [x](https://x.example.org)\n",
                "cards": [],
            },
            {"id": "s2", "emoji": "", "title": "Plain", "intro": "one line", "cards": ["c1", "c2"]},
        ],
    }
