"""What the WeChat and email exports share: the issue page as a tree, numbered links, plain
text and the inliner.

Both channels start from ``issue_html.issue_page``, the page the preview and the HTML export
render, so card content passes the same sanitizer and URL policy (scripts, event handlers and
``javascript:`` links never get this far). The page is then reshaped as a tree: the table of
contents and in-page anchors go (neither a WeChat article nor most mail clients follow them),
and what is left is handed to the channel's own layout.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import css_inline

from editor_app.core.issue_html import issue_page, labels_for
from editor_app.core.markup.assets import AssetResolver, is_local_ref
from editor_app.core.markup.tree import Element, parse, serialize
from editor_app.core.model import Issue
from editor_app.core.problem_codes import problem
from editor_app.core.problems import Problem

CHANNEL_LABELS = {
    "zh": {"references": "参考链接", "image": "图片", "links": "链接"},
    "en": {"references": "References", "image": "Image", "links": "Links"},
}
# Elements some mail clients and the WeChat editor do not know, and what they become.
SEMANTIC_TAGS = frozenset({"article", "aside", "header", "footer", "main", "nav"})
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "details", "div", "dl", "dd", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
_SPACES = re.compile(r"[ \t\r\n\f]+")


@dataclass
class References:
    """External links numbered in order of first appearance; a repeated URL keeps its number."""

    entries: list[tuple[str, str]] = field(default_factory=list)  # (url, its first text)
    _index: dict[str, int] = field(default_factory=dict)

    def number(self, url: str, label: str = "") -> int:
        if url not in self._index:
            self.entries.append((url, label))
            self._index[url] = len(self.entries)
        return self._index[url]

    @property
    def urls(self) -> list[str]:
        return [url for url, _label in self.entries]


@dataclass
class ChannelPage:
    """The issue page, reshaped for a channel: its header and its sections, as trees."""

    title: str
    language: str
    header: Element
    sections: list[Element]
    labels: dict[str, str]
    problems: list[Problem]


@dataclass
class ChannelOutput:
    html: str  # the whole document as written to disk
    fragment: str  # what goes on the clipboard: the content without <html>/<head>
    text: str  # the plain-text version of the same content
    references: list[tuple[str, str]]  # numbered links, in order: (url, text)
    problems: list[Problem]


def channel_labels(language: str) -> dict[str, str]:
    base = dict(labels_for(language))
    base.update(CHANNEL_LABELS["zh" if (language or "").lower().startswith("zh") else "en"])
    return base


def channel_page(issue: Issue, resolver: AssetResolver, channel: str) -> ChannelPage:
    """The shared page as a tree, without table of contents, anchors or element ids.

    A link to a file of the issue cannot open in either channel: its text stays and a
    ``channel-local-link`` warning names it. Problems of the resolver (missing or unsafe
    files the page left out) are returned as well.
    """
    root = parse(issue_page(issue, resolver=resolver, allow_remote=True))
    title_el = root.find("title")
    html_el = root.find("html")
    header = root.find("header", "issue-header")
    main = root.find("main", "issue-body")
    assert header is not None and main is not None, "issue.html.j2 lost its header or main"
    problems: list[Problem] = list(resolver.problems)
    for a in main.find_all("a") + header.find_all("a"):
        href = a.attrs.get("href", "").strip()
        if not href or href.startswith("#"):
            a.unwrap()
        elif is_local_ref(href):
            card = _card_of(a)
            name = issue.cards[card].title if card in issue.cards else ""
            found = problem("channel-local-link", card=card, variant=channel, url=href, name=name)
            if found not in problems:
                problems.append(found)
            a.unwrap()
    for el in [header, *main.iter()]:
        el.attrs.pop("id", None)
        el.attrs.pop("aria-label", None)
    sections = [s for s in main.children if isinstance(s, Element) and s.tag == "section"]
    for section in sections:
        section.parent = None
    return ChannelPage(
        title=title_el.text() if title_el else issue.title,
        language=html_el.attrs.get("lang", "") if html_el else issue.language,
        header=header,
        sections=sections,
        labels=channel_labels(issue.language),
        problems=problems,
    )


def _card_of(el: Element) -> str | None:
    node: Element | None = el
    while node is not None:
        if "data-card-id" in node.attrs:
            return node.attrs["data-card-id"]
        node = node.parent
    return None


def rename_semantic(root: Element, to: str) -> None:
    """``article``, ``aside`` … become ``to`` (their classes keep the styling)."""
    for el in root.iter():
        if el.tag in SEMANTIC_TAGS:
            el.tag = to


def host_of(url: str) -> str:
    try:
        return (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return ""


def inline_css(document: str, css: str, *, keep_style: bool) -> str:
    """``document`` with ``css`` written into the style attribute of every element it matches.

    Nothing is fetched: remote stylesheets are not loaded (there are none; the setting makes
    sure), and <link> elements are dropped.
    """
    inliner = css_inline.CSSInliner(
        keep_style_tags=keep_style,
        keep_link_tags=False,
        load_remote_stylesheets=False,
        extra_css=css,
    )
    return inliner.inline(document)


def strip_attributes(root: Element, keep_card_ids: bool, keep_classes: bool = False) -> None:
    """Drop what only the shared page's stylesheet and scripts needed."""
    dropped = {"id", "aria-hidden"} if keep_classes else {"id", "aria-hidden", "class"}
    for el in root.iter():
        for name in list(el.attrs):
            if name == "data-card-id" and keep_card_ids:
                continue
            if name.startswith("data-") or name in dropped:
                del el.attrs[name]


# -- plain text ----------------------------------------------------------------------------
def text_width(text: str) -> int:
    """Columns ``text`` takes in a monospaced font (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class PlainText:
    """The same content as text: headings underlined, lists marked, links as ``[n]``.

    ``refs`` numbers the links still in the tree (a WeChat page has already turned its
    links into marks and a list; an email keeps its links and gets footnotes here).
    """

    def __init__(self, refs: References, labels: dict[str, str]):
        self.refs = refs
        self.labels = labels

    def blocks(self, el: Element) -> list[str]:
        tag = el.tag
        if tag in {"ul", "ol"}:
            return [self._list(el)] if el.children else []
        if tag == "blockquote":
            inner = "\n\n".join(self.children(el))
            return ["\n".join(f"> {line}".rstrip() for line in inner.splitlines())]
        if tag == "pre":
            return [el.text().strip("\n")]
        if tag == "hr":
            return ["----"]
        if tag == "table" and el.attrs.get("role") == "presentation":
            # A layout table (the email's column): its cells are the content, not data.
            cells = [td for tr in el.children if isinstance(tr, Element) for td in tr.children]
            return [b for td in cells if isinstance(td, Element) for b in self.children(td)]
        if tag == "table":
            rows = []
            for tr in el.find_all("tr"):
                cells = [c for c in tr.children if isinstance(c, Element)]
                rows.append(" | ".join(self.inline(c).strip() for c in cells))
            return ["\n".join(rows)]
        if tag in {"h1", "h2"}:
            text = self.inline(el).strip()
            rule = ("=" if tag == "h1" else "-") * max(text_width(text), 4)
            return [f"{text}\n{rule}"] if text else []
        if tag in {"style", "script", "head", "title"}:
            return []
        if any(isinstance(c, Element) and c.tag in BLOCK_TAGS for c in el.children):
            return self.children(el)
        text = self.inline(el).strip()
        return [text] if text else []

    def children(self, el: Element) -> list[str]:
        out: list[str] = []
        run: list[Element | str] = []

        def flush() -> None:
            text = "".join(self.inline(n) for n in run).strip()
            if text:
                out.append(text)
            run.clear()

        for child in el.children:
            if isinstance(child, Element) and child.tag in BLOCK_TAGS:
                flush()
                out.extend(self.blocks(child))
            else:
                run.append(child)
        flush()
        return out

    def _list(self, el: Element) -> str:
        items = []
        start = int(el.attrs.get("start", "1") or 1) if el.attrs.get("start", "").isdigit() else 1
        lis = [c for c in el.children if isinstance(c, Element) and c.tag == "li"]
        for n, li in enumerate(lis, start=start):
            marker = f"{n}. " if el.tag == "ol" else "- "
            lines = "\n\n".join(self.children(li)).splitlines() or [""]
            pad = " " * len(marker)
            items.append("\n".join([marker + lines[0], *(pad + x if x else x for x in lines[1:])]))
        return "\n".join(items)

    def inline(self, node: Element | str) -> str:
        if isinstance(node, str):
            return _SPACES.sub(" ", node)
        if node.tag == "br":
            return "\n"
        if node.tag == "img":
            alt = node.attrs.get("alt", "").strip()
            return f"[{self.labels['image']}: {alt}]" if alt else ""
        inner = "".join(self.inline(c) for c in node.children)
        # Pieces the page sets apart by style alone ("Source" before its link, a summary
        # under its title) need a character between them in text.
        if node.has_class("label"):
            return f"{inner.strip()}: "
        if node.has_class("further-summary"):
            return f" — {inner.strip()}"
        if node.tag == "a" and node.attrs.get("href"):
            number = self.refs.number(node.attrs["href"], inner.strip())
            return f"{inner} [{number}]"
        return inner

    def document(self, parts: list[Element]) -> str:
        """Every part's blocks, a blank line apart, and the numbered links at the end."""
        blocks: list[str] = []
        for part in parts:
            blocks.extend(self.blocks(part))
        lines = [re.sub(r" +\n", "\n", b) for b in blocks]
        if self.refs.entries:
            notes = [f"[{n}] {url}" for n, url in enumerate(self.refs.urls, start=1)]
            heading = self.labels["links"]
            lines.append(f"{heading}\n{'-' * max(text_width(heading), 4)}\n" + "\n".join(notes))
        return "\n\n".join(lines).strip() + "\n"


def document(language: str, title: str, head: str, body: str, body_class: str = "") -> str:
    """A whole HTML document around ``body`` (``head`` is Masthead's own markup)."""
    attrs = f' class="{body_class}"' if body_class else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(language, quote=True)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"{head}<title>{serialize(title)}</title>\n</head>\n<body{attrs}>\n{body}\n</body>\n"
        "</html>\n"
    )
