"""Compare our renderer with a CommonMark + GFM oracle (markdown-it-py), block by block.

Both outputs are parsed into a list of block elements (tag, nesting depth, a few meaningful
attributes) each with its inline content: the text with whitespace collapsed and the inline
tags kept as markers, so ``**a**`` rendered as ``<strong>a</strong>`` and left as ``**a**``
differ. Attributes our renderer adds (heading ids, classes, ``rel``) are ignored.

The differences kept on purpose are applied to the oracle's side by rule (see ``KEPT``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from markdown_it import MarkdownIt
from mdit_py_plugins.tasklists import tasklists_plugin

from editor_app.core.markdown_dialect.cjk import CJK_CHAR
from editor_app.core.markdown_dialect.tasklist import DONE_BOX, OPEN_BOX
from editor_app.core.render import render_markdown, sanitize

try:  # linkify needs linkify-it-py, an optional dependency of markdown-it-py
    import linkify_it  # noqa: F401

    HAVE_LINKIFY = True
except ImportError:
    HAVE_LINKIFY = False

# Differences kept on purpose, each applied by a rule, never by naming a case.
KEPT = {
    "sanitizer": "raw HTML (scripts, iframes, styles, comments) is removed by the sanitizer: "
    "the oracle's HTML goes through the same sanitize() before comparing",
    "heading ids and classes": "our renderer adds ids, classes and rel attributes: attributes "
    "are ignored except ol start, href and cell alignment",
    "task lists": "our renderer writes a ballot box glyph instead of a disabled <input> (the "
    "sanitizer keeps no form controls): the oracle's checkbox reads as the same glyph",
    "CJK line breaks": "a soft break between two CJK characters renders as nothing (Hugo's "
    "eastAsianLineBreaks, which markdown-it lacks): the oracle's text gets the same join",
    "single tilde": "GFM (and Goldmark since 1.7.2) strikes ~one~ tilde runs; markdown-it only "
    "~~two~~: the oracle reads single runs doubled",
    "HTML blocks": "python-markdown keeps a raw HTML block up to its closing tag and does not "
    "parse Markdown inside; CommonMark ends it at a blank line and parses what follows: a source "
    "with an HTML block is compared on its text only",
    "bare autolinks": "without linkify-it-py the oracle cannot find bare URLs: links whose text "
    "is their own address are unwrapped on both sides (they are checked against written "
    "expectations in test_markdown_dialect_oracle.py instead)",
}

BLOCK_TAGS = {
    "p", "ul", "ol", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "table", "thead", "tbody", "tr", "th", "td", "div", "section", "details", "summary",
    "figure", "figcaption", "dl", "dt", "dd",
}  # fmt: skip
INLINE_MARKED = {"em", "strong", "del", "s", "code", "a", "br", "img"}
# markdown-it writes struck text as <s>, Goldmark (and we) as <del>: the same thing.
_SAME = {"s": "del"}
_SINGLE_TILDE = re.compile(r"(?<!~)~(?!~)")


def oracle() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table").enable("strikethrough").use(tasklists_plugin)
    if HAVE_LINKIFY:
        md = md.enable("linkify")
        md.options["linkify"] = True
    return md


def oracle_html(source: str) -> str:
    doubled = bool(_SINGLE_TILDE.search(source))
    html = oracle().render(_SINGLE_TILDE.sub("~~", source) if doubled else source)
    if doubled:
        html = html.replace("~~", "~")
    html = re.sub(r"<input[^>]*\bchecked\b[^>]*>", DONE_BOX, html)
    html = re.sub(r"<input[^>]*>", OPEN_BOX, html)
    return sanitize(html)


def ours_html(source: str) -> str:
    return render_markdown(source).html


@dataclass(frozen=True)
class Block:
    depth: int
    tag: str
    attrs: str
    content: str

    def __str__(self) -> str:
        attrs = f" {self.attrs}" if self.attrs else ""
        return f"{'  ' * self.depth}<{self.tag}{attrs}> {self.content}"


class _Blocks(HTMLParser):
    def __init__(self, cjk_join: bool):
        super().__init__(convert_charrefs=True)
        self.cjk_join = cjk_join
        self.blocks: list[Block] = []
        self.stack: list[tuple[str, str, list[str]]] = []  # open blocks and their content
        self.pre = 0
        self.links: list[tuple[str, int]] = []  # open <a>: href and where its content starts

    def _content(self) -> list[str] | None:
        return self.stack[-1][2] if self.stack else None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag in BLOCK_TAGS:
            self.stack.append((tag, _block_attrs(tag, values), []))
            if tag == "pre":
                self.pre += 1
            if tag == "hr":
                self.handle_endtag("hr")
            return
        content = self._content()
        if content is None or tag not in INLINE_MARKED:
            return
        if tag == "a":
            self.links.append((values.get("href", ""), len(content)))
            content.append("<a>")
        elif tag == "img":
            content.append(f"<img {values.get('src', '')} {values.get('alt', '')}>")
        elif tag == "br":
            content.append("<br>")
        else:
            content.append(f"<{_SAME.get(tag, tag)}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in BLOCK_TAGS and tag != "hr":
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            if not any(t == tag for t, _, _ in self.stack):
                return
            while self.stack:
                open_tag, attrs, content = self.stack.pop()
                self.blocks.append(Block(len(self.stack), open_tag, attrs, self._text(content)))
                if open_tag == "pre":
                    self.pre -= 1
                if open_tag == tag:
                    break
            return
        content = self._content()
        if content is None or tag not in INLINE_MARKED or tag in {"br", "img"}:
            return
        if tag == "a" and self.links:
            href, at = self.links.pop()
            text = "".join(content[at + 1 :])
            if not HAVE_LINKIFY and _is_bare(text, href):
                del content[at]  # the rule for bare autolinks: unwrap
                return
            content[at] = f"<a {href}>"
        content.append(f"</{_SAME.get(tag, tag)}>")

    def handle_data(self, data: str) -> None:
        content = self._content()
        if content is not None:
            content.append(data)
        elif data.strip():  # text outside any block (raw HTML can leave some)
            self.blocks.append(Block(0, "#text", "", self._text([data])))

    def _text(self, content: list[str]) -> str:
        text = "".join(content)
        if self.pre:
            return text.rstrip("\n")
        if self.cjk_join:
            text = _CJK_BREAK.sub(r"\1\2", text)
        return " ".join(text.split())


# A soft break between two CJK characters, inline tags (our markers) allowed on either side.
_CJK_BREAK = re.compile(
    f"(?<={CJK_CHAR})((?:<(?!br>)[^<>]*>)*)[ \\t]*\\n[ \\t]*((?:<(?!br>)[^<>]*>)*)(?={CJK_CHAR})"
)


def _is_bare(text: str, href: str) -> bool:
    return href in {text, "http://" + text, "https://" + text, "mailto:" + text}


def _block_attrs(tag: str, values: dict[str, str]) -> str:
    if tag == "ol" and values.get("start", "1") != "1":
        return f"start={values['start']}"
    if tag in {"th", "td"}:
        align = values.get("align") or re.sub(
            r".*text-align:\s*(\w+).*", r"\1", values.get("style", "")
        )
        return f"align={align}" if align else ""
    return ""


def blocks(html: str, cjk_join: bool = False) -> list[Block]:
    parser = _Blocks(cjk_join)
    parser.feed(html)
    parser.close()
    # Blocks are listed as they close (inner before outer): the same order for both renderers
    # exactly when their structure is the same.
    return parser.blocks


# CommonMark's HTML block starts (types 1, 2 and 6: the ones a card would use).
_HTML_BLOCK = re.compile(
    r"^ {0,3}<(?:!--|/?(?:script|pre|style|address|article|aside|blockquote|details|dialog|"
    r"div|dl|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|iframe|li|main|nav|ol|p|"
    r"section|summary|table|tbody|td|tfoot|th|thead|tr|ul)(?:[\s/>]|$))",
    re.MULTILINE | re.IGNORECASE,
)


def compare(source: str) -> tuple[bool, list[Block], list[Block]]:
    want = blocks(oracle_html(source), cjk_join=True)
    got = blocks(ours_html(source))
    if _HTML_BLOCK.search(source):
        want, got = [_text_only(want)], [_text_only(got)]
    return want == got, want, got


def _text_only(found: list[Block]) -> Block:
    text = " ".join(b.content for b in found if b.content)
    return Block(0, "text", "", " ".join(re.sub(r"<[^>]*>", " ", text).split()))


def load_corpus(path: Path) -> list[tuple[str, str]]:
    """Cases of a corpus file: each starts with a line ``%%% name`` and runs to the next."""
    cases: list[tuple[str, str]] = []
    name: str | None = None
    lines: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith("%%% "):
            if name is not None:
                cases.append((name, "".join(lines)))
            name, lines = line[4:].strip(), []
        else:
            lines.append(line)
    if name is not None:
        cases.append((name, "".join(lines)))
    return cases
