"""Our Markdown dialect against a CommonMark + GFM oracle, on a corpus of our own cases.

The corpus is tests/fixtures/dialect/*.md (each case starts with a ``%%% name`` line). The
kept differences and the rules that apply them are listed in ``dialect_oracle.KEPT``.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import markdown
import pytest

from editor_app.core.render import render_markdown
from tests.core.dialect_oracle import (
    KEPT,
    blocks,
    compare,
    load_corpus,
    oracle_html,
)

CORPUS = Path(__file__).parents[1] / "fixtures" / "dialect"
CASES = [
    (f"{path.stem}: {name}", text)
    for path in sorted(CORPUS.glob("*.md"))
    for name, text in load_corpus(path)
]


def test_corpus_is_large_and_names_are_unique():
    assert len(CASES) >= 150
    assert len({name for name, _ in CASES}) == len(CASES)


def test_dialect_agrees_with_the_oracle():
    failed = []
    for name, text in CASES:
        same, want, got = compare(text)
        if not same:
            failed.append(
                f"--- {name}\n{text}\noracle:\n"
                + "\n".join(map(str, want))
                + "\nours:\n"
                + "\n".join(map(str, got))
            )
    agreed = len(CASES) - len(failed)
    share = 100.0 * agreed / len(CASES)
    print(f"\ndialect agreement: {agreed}/{len(CASES)} = {share:.1f}%")
    print("kept differences (applied by rule):")
    for what, why in KEPT.items():
        print(f"  - {what}: {why}")
    for report in failed:
        print(report)
    assert share >= 99.0, "\n".join(failed)


def test_the_comparison_sees_a_difference_when_there_is_one():
    # Plain python-markdown (no dialect) reads a list right after a paragraph as text.
    text = "本版亮点:\n- A\n- B\n"
    plain = markdown.markdown(text, extensions=["sane_lists"])
    assert blocks(plain) != blocks(oracle_html(text), cjk_join=True)
    assert compare(text)[0]


def _links(html: str) -> list[tuple[str, str]]:
    return [
        (href, re.sub(r"<[^>]+>", "", body))
        for href, body in re.findall(r'<a href="([^"]*)"[^>]*>(.*?)</a>', html)
    ]


# Bare links as GFM finds them (and Goldmark, which Hugo uses: it also stops a link at the first
# non-ASCII character and points www. links to https). Written out because the oracle's linkify
# needs linkify-it-py.
AUTOLINKS = [
    ("See https://example.org for details.", [("https://example.org", "https://example.org")]),
    ("访问 www.example.org 了解", [("https://www.example.org", "www.example.org")]),
    ("主页 https://example.org/p，欢迎", [("https://example.org/p", "https://example.org/p")]),
    ("Read https://example.org/docs.", [("https://example.org/docs", "https://example.org/docs")]),
    ("(see https://example.org/page)", [("https://example.org/page", "https://example.org/page")]),
    (
        "https://e.org/wiki/T_(tool)) end",
        [("https://e.org/wiki/T_(tool)", "https://e.org/wiki/T_(tool)")],
    ),
    ("Wow https://example.org/!?", [("https://example.org/", "https://example.org/")]),
    # GFM links only after whitespace or *_~( (Goldmark 0.111's linkify also takes '"q"').
    ('"https://example.org/q"', []),
    ("https://example.org/a&amp; end", [("https://example.org/a", "https://example.org/a")]),
    ("*https://example.org/em*", [("https://example.org/em", "https://example.org/em")]),
    ("~~www.old.example~~", [("https://www.old.example", "www.old.example")]),
    (
        "https://a.example.org and https://b.example.org",
        [
            ("https://a.example.org", "https://a.example.org"),
            ("https://b.example.org", "https://b.example.org"),
        ],
    ),
    (
        "https://example.org/page#s-2",
        [("https://example.org/page#s-2", "https://example.org/page#s-2")],
    ),
    ("访问https://example.org了解", []),  # not after whitespace or *_~(
    ("http://localhost is not linked", []),  # a domain needs a dot
    ("www. alone", []),
    ("https://ex_ample.org", []),  # GFM: no underscore in the last two labels
    ("`https://example.org/code`", []),
    ("```\nhttps://example.org/fence\n```", []),
    (
        "[https://example.org](https://other.example)",
        [("https://other.example", "https://example.org")],
    ),
    ("<https://example.org/angle>", [("https://example.org/angle", "https://example.org/angle")]),
]


@pytest.mark.parametrize(("text", "expected"), AUTOLINKS)
def test_bare_autolinks(text, expected):
    assert _links(render_markdown(text).html) == expected


def test_bare_autolinks_are_collected_with_their_lines():
    result = render_markdown("第一行\n\n见 https://example.org/a 和 www.example.net。\n")
    assert [x.url for x in result.links] == ["https://example.org/a", "https://www.example.net"]
    assert result.links[0].line == 3


# Goldmark as shipped in Hugo 0.111 departs from the GFM spec here; we follow the spec.
HUGO_DEPARTURES = {
    "https://ex_ample.org": "Goldmark 1.5 links a domain with an underscore in its last labels",
    '"https://example.org/q"': "Goldmark 1.5 takes a quote after a link that starts after one",
}


@pytest.mark.skipif(shutil.which("hugo") is None, reason="hugo is not installed")
def test_bare_autolinks_match_what_hugo_builds(tmp_path: Path):
    """The written autolink expectations, checked against the site generator itself."""
    site = tmp_path / "site"
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "layouts" / "_default" / "single.html").write_text("{{ .Content }}", "utf-8")
    (site / "layouts" / "_default" / "list.html").write_text("", "utf-8")
    (site / "config.toml").write_text(
        'baseURL = "https://example.invalid/"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n'
        "[markup.goldmark.renderer]\nunsafe = true\n",
        "utf-8",
    )
    content = site / "content"
    content.mkdir()
    for number, (text, _expected) in enumerate(AUTOLINKS):
        page = f'---\ntitle: "case {number}"\n---\n\n{text}\n'
        (content / f"case-{number}.md").write_text(page, "utf-8")
    build = subprocess.run(
        ["hugo", "--quiet", "--source", str(site)], capture_output=True, text=True, timeout=120
    )
    assert build.returncode == 0, build.stderr
    for number, (text, expected) in enumerate(AUTOLINKS):
        built = (site / "public" / f"case-{number}" / "index.html").read_text("utf-8")
        hugo_links = [(html.unescape(h), html.unescape(t)) for h, t in _links(built)]
        if text in HUGO_DEPARTURES:
            assert hugo_links != expected, f"Hugo now agrees with GFM on {text!r}"
            continue
        assert hugo_links == expected, text
