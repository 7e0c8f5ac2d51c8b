"""Intros and card bodies sealed: nothing in them changes the structure of what follows.

Each hostile shape goes through the Markdown export as a section intro and as a card body;
the later section and card headings must stay headings for CommonMark (markdown-it, the
rules of Hugo's Goldmark) and for our own importer, which reads the export line by line.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from editor_app.core.export import get_exporter
from editor_app.core.export.base import ExportOptions
from editor_app.core.importers import parse_markdown
from editor_app.core.markup.mdseal import as_code_block, is_sealed, seal_block
from editor_app.core.model import Issue, Status
from editor_app.core.outline import add_card, add_section

HOSTILE = {
    "open backtick fence": "intro\n```python\ncode",
    "open tilde fence": "~~~~\ncode",
    "fence in a list item, left open": "1. a\n   ```\n   code",
    "fence in a list item that ended": "- a\n  ```\nb",
    "open pre block": "<pre>\ncode",
    "pre opened mid-line": "text\n<pre>code",
    "script behind a backtick": "`a\n<script>\nb`",
    "comment behind a backtick": "`\n<!--`",
    "comment behind a backtick, later line": "`x\n<!-- open\ny`",
    "CDATA behind a backtick": "`x\n<![CDATA[\ny`",
    "processing instruction behind a backtick": "`x\n<?php\ny`",
    "declaration behind a backtick": "`x\n<!DOCTYPE\ny`",
    "fence inside an HTML block": "<div>\n```\n\ntext",
    "fence inside details": "<details>\n<summary>x</summary>\n\n```\ncode",
    "setext underline": "Title\n===",
    "setext dash underline": "para\n---",
    "trailing backslash": "text \\",
    "link reference definitions": "[a]: /u\n[b]: /v 'title",
    "fence inside a link title": '[a]: /u "t\n```\nx"',
    "open list": "- item\n-",
    "bare ordered marker": "1.",
    "quote with a fence": "> quote\n> ```",
    "fence behind a lone CR": "a\r```\rcode",
    "fence behind CRLF": "a\r\n```\r\ncode",
    "indented code": "    code",
    "table": "| a | b |\n|---|---|\n| c | d |",
    "heading only": "#",
    "lazy line after a quoted fence": "> ```\ncode",
    "trailing blanks": "text   \n   ",
}


def issue_with(intro: str, body: str) -> Issue:
    issue = Issue(title="T", number=1, date=dt.date(2026, 1, 1), slug="t")
    issue.status = Status.PUBLISHED
    first = add_section(issue, "First", "🚀")
    first.intro = intro
    add_card(issue, first.id, "Card A").body = body
    second = add_section(issue, "Second", "")
    add_card(issue, second.id, "Card B").body = "b"
    return issue


def exported(issue: Issue, profile: str = "plain") -> str:
    return get_exporter("markdown").plan(issue, ExportOptions(profile)).files[0].read().decode()


def top_headings(text: str) -> list[str]:
    tokens = MarkdownIt("commonmark").parse(text)
    return [
        tokens[i + 1].content
        for i, tok in enumerate(tokens)
        if tok.type == "heading_open" and tok.level == 0
    ]


@pytest.mark.parametrize("where", ["intro", "body"])
@pytest.mark.parametrize("shape", list(HOSTILE))
def test_hostile_text_keeps_later_headings(shape: str, where: str) -> None:
    text = HOSTILE[shape]
    issue = issue_with(text, "body") if where == "intro" else issue_with("intro", text)
    out = exported(issue)
    heads = top_headings(out)
    want = ["🚀 专题一 First", "1. Card A", "专题二 Second", "1. Card B"]
    # The text's own headings (a setext one, say) may stand between, never in place of these.
    found = iter(heads)
    assert all(any(h == w for h in found) for w in want), out
    back = parse_markdown(out, Path("/nowhere/t.md")).issue
    got = [(s.title, [back.cards[c].title for c in s.card_ids]) for s in back.sections]
    assert got == [("First", ["Card A"]), ("Second", ["Card B"])]


@pytest.mark.parametrize("shape", list(HOSTILE))
def test_sealed_text_is_sealed_and_stable(shape: str) -> None:
    sealed = seal_block(HOSTILE[shape], lambda url, image: url)
    assert is_sealed(sealed)
    assert seal_block(sealed, lambda url, image: url) == sealed  # sealing twice changes nothing


def test_the_smallest_change_first() -> None:
    keep = lambda url, image: url  # noqa: E731
    assert seal_block("intro\n```python\ncode", keep) == "intro\n```python\ncode\n```"
    # Closed at the opener's indentation, so inside the list item it was opened in.
    assert seal_block("1. a\n   ```\n   code", keep) == "1. a\n   ```\n   code\n   ```"
    assert seal_block("<pre>\ncode", keep) == "<pre>\ncode\n</pre>"
    assert seal_block("a\r```\rcode", keep) == "a\n```\ncode\n```"
    # A fence CommonMark reads as HTML block text is made text for the line reader too.
    assert seal_block("<div>\n```\n\ntext", keep) == "<div>\n\\```\n\ntext"
    for ok in ("Title\n===", "text \\", "- item\n-", "| a |\n|---|\n| b |"):
        assert seal_block(ok, keep) == ok


def test_unfixable_text_becomes_a_code_block() -> None:
    keep = lambda url, image: url  # noqa: E731
    # A fence in a list item that ended is closed for CommonMark but open for the line
    # reader, and a closing fence would open a new one for CommonMark: shown as code.
    assert seal_block("- a\n  ```\nb", keep) == "~~~\n- a\n  ```\nb\n~~~"
    assert as_code_block("x\n~~~~\ny") == "~~~~~\nx\n~~~~\ny\n~~~~~"


def test_raw_html_behind_backticks_is_filtered() -> None:
    keep = lambda url, image: url  # noqa: E731
    text = "`a\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\nb`"
    sealed = seal_block(text, keep)
    assert "<script" not in sealed and "onerror" not in sealed
    assert "`<script>` stays code" in seal_block("`<script>` stays code", keep)


def test_autolink_in_a_raw_html_block_is_text() -> None:
    sealed = seal_block("<pre><https://e.x>", lambda url, image: url)
    assert "&lt;https://e.x>" in sealed and is_sealed(sealed)
