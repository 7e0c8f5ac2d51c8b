"""Property tests: hostile field values survive every export as the text the editor wrote.

Markdown exports are read the way a site would read them: the front matter with PyYAML, the
generator's template pass simulated here (a Hugo shortcode lexer, a small Liquid tokenizer;
both fail on anything live), then CommonMark with markdown-it-py. HTML exports may carry only
what the sanitizer allows plus the page template's own markup.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import yaml
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from editor_app.core.export import get_exporter
from editor_app.core.export.base import ExportOptions
from editor_app.core.markup.mdtext import parse_marker
from editor_app.core.model import Card, FurtherReading, Issue, Link, Source, Status
from editor_app.core.numbering import compute_numbers
from editor_app.core.outline import add_card, add_section
from editor_app.core.render import ALLOWED_ATTRS, ALLOWED_TAGS

FRAGMENTS = [
    "<script>alert(1)</script>", '<img src=x onerror="alert(2)">', "<b onclick=x>b</b>",
    "<pre>", "</pre>", "<!--", "-->", "<a href='javascript:alert(3)'>a</a>",
    "javascript:alert(4)", "[x](javascript:alert(5))", "![alt](javascript:y)", "<https://e.x>",
    "*", "**", "_", "__", "[", "]", "(", ")", "#", "# ", ">", "> ", "!", "|", "`", "```", "~~",
    "\\", "&amp;", "&lt;", "&#60;", "=", "===", "---", "- ", "+ ", "1. ", "2) ", "    ",
    "\n", "\r", "\r\n", "\t", "\x00", "\x07", "\x1b", "\u2028", "\x85",
    "中文标题", "云原生", "🎤", "🚀", "👨‍👩‍👧", " ", "a", "Zz",
    "{{< youtube x >}}", "{{< nosuch >}}", "{{% nosuch %}}", "{{<", "{{%", ">}}", "%}}", "/*",
    "*/", "{{ page.title }}", "{% if x %}", "{% raw %}", "{% endraw %}", "{%- endraw -%}",
    "{{", "{%", "}}", "%}",
]  # fmt: skip
hostile = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=3)), max_size=8).map(
    "".join
)
PROFILES = ("hugo", "jekyll", "plain")
URL = "https://example.com/{}"


def norm(text: str) -> str:
    """Whitespace folded as Markdown folds it; NUL, which CommonMark cannot carry, dropped."""
    return re.sub(r"[ \t\r\n]+", " ", text.replace("\x00", "").replace("\ufffd", "")).strip()


@st.composite
def issues(draw: st.DrawFn) -> Issue:
    issue = Issue(title=draw(hostile), number=7, date=dt.date(2026, 4, 1), slug="p")
    issue.language = "en"
    issue.status = Status.PUBLISHED
    issue.summary = draw(hostile)
    issue.tags = draw(st.lists(hostile, max_size=3))
    for s in range(draw(st.integers(1, 2))):
        section = add_section(issue, draw(hostile), draw(hostile))
        section.intro = draw(hostile)
        for c in range(draw(st.integers(1, 2))):
            card = add_card(issue, section.id, draw(hostile))
            key = f"{s}-{c}"
            card.source = Source(draw(hostile), URL.format(f"src-{key}"))
            card.links = [Link(draw(hostile), URL.format(f"link-{key}-{i}")) for i in range(2)]
            card.further_reading = [
                FurtherReading(draw(hostile), URL.format(f"fr-{key}"), draw(hostile))
            ]
            card.body = draw(hostile) + "\n\n" + draw(hostile)
            card.note = draw(hostile)
            card.tags = draw(st.lists(hostile, max_size=2))
            if draw(st.booleans()):
                child = add_card(issue, card.id, draw(hostile))
                child.group = draw(hostile)
    return issue


# -- what a site generator does before Markdown ---------------------------------------------
def hugo_pass(text: str) -> str:
    """Hugo's content lexer: every shortcode opener must start a shortcode comment."""
    out, pos = [], 0
    while (m := re.compile(r"\{\{([<%])").search(text, pos)) is not None:
        assert text.startswith("/*", m.end()), f"live shortcode at {text[m.start() :][:40]!r}"
        closer = "*/" + (">}}" if m.group(1) == "<" else "%}}")
        end = text.find(closer, m.end())
        assert end > m.end() + 1, "shortcode comment not closed"
        out += [text[pos : m.end()], text[m.end() + 2 : end], closer[2:]]
        pos = end + len(closer)
    return "".join(out) + text[pos:]


LIQUID = re.compile(r"\{%.*?%\}|\{\{.*?\}\}?|\{\{|\{%", re.S)


def liquid_pass(text: str) -> str:
    """Liquid: only raw blocks and string-literal outputs may appear; nothing else runs."""
    out, pos = [], 0
    while (m := LIQUID.search(text, pos)) is not None:
        out.append(text[pos : m.start()])
        token = m.group(0)
        literal = re.fullmatch(r'\{\{ "([^"]*)" \}\}', token)
        if literal:
            out.append(literal.group(1))
            pos = m.end()
            continue
        assert re.fullmatch(r"\{%-?\s*raw\s*-?%\}", token), f"live Liquid {token!r}"
        body, pos = [], m.end()
        while True:
            inner = LIQUID.search(text, pos)
            assert inner is not None, "raw block not closed"
            body.append(text[pos : inner.start()])
            ends = re.fullmatch(r"(.*)\{%-?\s*(\w+)\s*(.*)?-?%\}", inner.group(0), re.S)
            if ends and ends.group(2) == "endraw":
                body.append(ends.group(1))
                pos = inner.end()
                break
            body.append(inner.group(0))
            pos = inner.end()
        out.append("".join(body))
    return "".join(out) + text[pos:]


def built_markdown(issue: Issue, profile: str) -> tuple[dict, str]:
    plan = get_exporter("markdown").plan(issue, ExportOptions(profile))
    text = plan.files[0].read().decode("utf-8")
    if profile == "plain":
        return {}, text
    assert text.startswith("---\n")
    front, body = text[4:].split("\n---\n", 1)
    site = hugo_pass if profile == "hugo" else liquid_pass
    return yaml.safe_load(front), site(body)


# -- reading the rendered Markdown --------------------------------------------------------
def inline_text(token) -> str:  # noqa: ANN001 - a markdown-it Token
    parts = []
    for child in token.children or []:
        if child.type in {"text", "code_inline"}:
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append(" ")
        elif child.type == "html_inline":
            raise AssertionError(f"raw HTML in a plain-text field: {child.content!r}")
    return "".join(parts)


def structure(body: str) -> tuple[list[tuple[str, dict, list]], list]:
    """(structural headings as (text, marker data, tokens up to the next one), all tokens)."""
    tokens = MarkdownIt("commonmark").parse(body)
    heads: list[tuple[str, dict, list]] = []
    for i, tok in enumerate(tokens):
        if tok.type == "html_block" and (found := parse_marker(tok.content.strip())):
            if i >= 3 and tokens[i - 1].type == "heading_close":
                if heads:
                    del heads[-1][2][-3:]  # this heading's own tokens
                heads.append((inline_text(tokens[i - 2]), found[1], []))
            elif found[0] != "issue":
                raise AssertionError(f"marker not after a heading: {tok.content!r}")
        elif heads:
            heads[-1][2].append(tok)
    return heads, tokens


def links_in(tokens: list) -> dict[str, str]:
    found: dict[str, str] = {}
    for tok in tokens:
        children = tok.children or []
        for n, child in enumerate(children):
            if child.type == "link_open":
                text = []
                for after in children[n + 1 :]:
                    if after.type == "link_close":
                        break
                    text.append(after.content)
                found[child.attrGet("href")] = "".join(text)
    return found


def paragraph_text(tokens: list) -> str:
    return " ".join(inline_text(t) for t in tokens if t.type == "inline")


def expected_heads(issue: Issue) -> list[tuple[str, Card | str | None]]:
    """Each structural heading's text and what it belongs to (a card, a section id, a group)."""
    numbers = compute_numbers(issue)
    heads: list[tuple[str, Card | str | None]] = []

    def card_heads(card: Card) -> None:
        number = numbers.cards[card.id]
        heads.append((f"{number if '.' in number else number + '.'} {card.title}", card))
        group = None
        for child_id in card.child_ids:
            child = issue.cards[child_id]
            if child.group and child.group != group:
                heads.append((child.group, None))
            group = child.group
            card_heads(child)

    for section in issue.sections:
        label = numbers.sections.get(section.id, "")
        heads.append((f"{section.emoji} {label} {section.title}", section.id))
        for card_id in section.card_ids:
            card_heads(issue.cards[card_id])
    return heads


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(issue=issues(), profile=st.sampled_from(PROFILES))
def test_markdown_export_reads_back_as_written(issue: Issue, profile: str) -> None:
    front, body = built_markdown(issue, profile)
    note(body)
    heads, tokens = structure(body)
    if profile == "plain":
        first = next(t for t in tokens if t.type == "inline")
        assert norm(inline_text(first)) == norm(issue.title)
    else:
        assert front["title"] == issue.title
        assert front["tags"] == issue.tags
        assert front.get("summary", "") == issue.summary
    expected = expected_heads(issue)
    assert [norm(h[0]) for h in heads] == [norm(e[0]) for e in expected]
    for (_text, data, after), (_want, card) in zip(heads, expected, strict=True):
        if not isinstance(card, Card):
            continue
        assert data.get("tags", []) == card.tags
        links = links_in(after)
        if card.source is None:
            continue  # a sub-card
        for title, url in [(card.source.title, card.source.url)] + [
            (x.label, x.url) for x in card.links
        ]:
            assert norm(links[url]) == (norm(title) or url)
        for item in card.further_reading:
            assert norm(links[item.url]) == (norm(item.title) or item.url)
    for section in issue.sections:
        if not section.intro.strip():
            continue
        index = next(n for n, e in enumerate(expected) if e[1] == section.id)
        _text, _data, after = heads[index]
        # Intros are Markdown, written like card bodies: whatever raw HTML they hold comes out
        # with only the markup the sanitizer allows.
        md = MarkdownIt("commonmark")
        checker = Checker()
        checker.feed(md.renderer.render(after, md.options, {}))
        checker.close()
        assert checker.problems == []


# -- HTML ----------------------------------------------------------------------------------
# What issue.html.j2 and card.html.j2 write themselves, beside the sanitizer's allowance.
TEMPLATE_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "nav", "main", "footer",
    "article", "aside", "time",
}  # fmt: skip
TEMPLATE_ATTRS = {
    "lang", "charset", "name", "content", "http-equiv", "class", "id", "href", "rel",
    "aria-label", "aria-hidden", "datetime", "data-section-id", "data-card-id",
}  # fmt: skip


class Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.h1: list[str] = []
        self._h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS | TEMPLATE_TAGS:
            self.problems.append(f"tag {tag}")
        allowed = ALLOWED_ATTRS["*"] | ALLOWED_ATTRS.get(tag, set()) | TEMPLATE_ATTRS
        for name, value in attrs:
            if name.startswith("on") or name not in allowed:
                self.problems.append(f"attribute {name} on {tag}")
            if name in {"href", "src"} and re.match(
                r"\s*(javascript|vbscript|data:text)", value or "", re.I
            ):
                self.problems.append(f"URL {value!r}")
        self._h1 = tag == "h1"

    def handle_endtag(self, tag: str) -> None:
        self._h1 = False

    def handle_data(self, data: str) -> None:
        if self._h1:
            self.h1.append(data)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(issue=issues(), profile=st.sampled_from(("site", "single-file")))
def test_html_export_carries_only_allowed_markup(issue: Issue, profile: str) -> None:
    plan = get_exporter("html").plan(issue, ExportOptions(profile))
    page = plan.files[0].read().decode("utf-8")
    checker = Checker()
    checker.feed(page)
    checker.close()
    assert checker.problems == []  # hostile text shows as text, never as markup
    assert norm("".join(checker.h1)) == (norm(issue.title) or "(untitled)")
