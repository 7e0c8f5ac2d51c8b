"""The one Markdown renderer shared by the preview and every exporter.

Returns sanitized HTML plus the links, images and headings it found. The preview, the HTML
exports and the checks take links, images and headings from here. python-markdown does the
parsing, brought in line with CommonMark + GFM (what Hugo's Goldmark renders) by the
extensions in core/markdown_dialect/.

Some readers need positions in the source or must not pay for a render, so they read the text
line by line instead: the link scan (core/linkscan.py, for jump-to and rewriting), the word
counts (core/text_stats.py), the Markdown exporter's heading shift and fence closing
(core/markup/mdtext.py), the importers and the editor's highlighter and formatting. They take
their fence, heading, list and link patterns from core/markdown_syntax.py, whose rules are the
dialect's.
"""

from __future__ import annotations

import dataclasses
import functools
import html as html_lib
import re
import threading
import time
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

import markdown
import nh3
from markdown.extensions import Extension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.treeprocessors import Treeprocessor

from editor_app.core.markdown_dialect import DialectExtension
from editor_app.core.markdown_dialect.cycle_free import HeadingIdExtension, use_cycle_free_raw_html
from editor_app.core.render_blocks import cut_blocks
from editor_app.core.render_limits import LimitReport, neutralise, render_within_limits
from editor_app.core.render_text import attribute_text, element_text, page_links

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
    "kbd", "li", "mark", "ol", "p", "pre", "s", "section", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRS = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"align", "colspan", "rowspan", "style"},
    "td": {"align", "colspan", "rowspan", "style"},
    "ol": {"start", "type"},
    "li": {"value"},
}
_URL_SCHEMES = {"http", "https", "mailto"}


@dataclass(frozen=True)
class FoundLink:
    url: str  # decoded: '&amp;' in the source is '&' here
    text: str  # plain text, as the page shows it
    line: int | None = None
    # The address as the source spells it, where its line is looked for.
    written: str = field(default="", compare=False, repr=False)


@dataclass(frozen=True)
class FoundImage:
    src: str
    alt: str
    line: int | None = None
    written: str = field(default="", compare=False, repr=False)


@dataclass
class RenderResult:
    html: str
    links: list[FoundLink] = field(default_factory=list)
    images: list[FoundImage] = field(default_factory=list)
    headings: list[tuple[int, str, str]] = field(default_factory=list)  # level, id, text
    limits: LimitReport = field(default_factory=LimitReport)  # empty html when refused
    # The dialect guessed the looseness of the lists for the whole text at once
    # (markdown_dialect/looseness.py): such a text is not rendered in parts.
    lists_guessed: bool = field(default=False, compare=False, repr=False)


def slugify(text: str, separator: str = "-") -> str:
    """A readable id: keeps CJK and Latin letters, drops emoji and punctuation."""
    text = unicodedata.normalize("NFKC", text).lower()
    kept = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat[0] in "LN":
            kept.append(ch)
        elif ch.isspace() or ch in "-_./:":
            kept.append(" ")
    slug = separator.join("".join(kept).split())
    return slug or "section"


class _Collector(Treeprocessor):
    def __init__(self, md: markdown.Markdown, sink: RenderResult, id_prefix: str):
        super().__init__(md)
        self.sink = sink
        self.id_prefix = id_prefix

    def run(self, root: ET.Element) -> None:
        for el in root.iter():
            if el.tag == "a" and el.get("href"):
                href = el.get("href", "")
                text = element_text(el, self.md)
                self.sink.links.append(FoundLink(attribute_text(href), text, written=href))
            elif el.tag == "img":
                src, alt = el.get("src", ""), attribute_text(el.get("alt", ""))
                self.sink.images.append(FoundImage(attribute_text(src), alt, written=src))
                el.set("loading", "lazy")
            elif el.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                text = element_text(el, self.md)
                self.sink.headings.append((int(el.tag[1]), el.get("id", ""), text))
            if self.id_prefix:
                self._prefix_footnote(el)

    def _prefix_footnote(self, el: ET.Element) -> None:
        # Footnote ids are the same in every card; a page shows many cards.
        ident = el.get("id", "")
        if ident.startswith(_FOOTNOTE_IDS):
            el.set("id", self.id_prefix + ident)
        href = el.get("href", "")
        if href.startswith(tuple("#" + p for p in _FOOTNOTE_IDS)):
            el.set("href", "#" + self.id_prefix + href[1:])


_FOOTNOTE_IDS = ("fn:", "fnref:")


def _raw_html_links(md: markdown.Markdown, html: str, sink: RenderResult) -> None:
    """Links and images written as raw HTML in the Markdown, so the checks see them too.

    An inline raw link is stashed tag by tag ('<a href=…>', then '</a>') with its text in the
    tree between: only the finished HTML holds it whole, so such a text's links and images are
    all read from there, in page order."""
    if any(isinstance(b, str) and _RAW_LINK.search(b) for b in md.htmlStash.rawHtmlBlocks):
        links, images = page_links(html)
        sink.links[:] = [FoundLink(url, text) for url, text in links]
        sink.images[:] = [FoundImage(src, alt) for src, alt in images]


_RAW_LINK = re.compile(r"<(?:a|img)[\s/>]", re.IGNORECASE)


class _CollectorExtension(Extension):
    def __init__(self, sink: RenderResult, id_prefix: str = ""):
        super().__init__()
        self.sink = sink
        self.id_prefix = id_prefix

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - markdown API
        # Last: after toc (5) has set heading ids and unescape (0) has restored escaped text.
        md.treeprocessors.register(
            _Collector(md, self.sink, self.id_prefix), "masthead_collector", -1
        )


def sanitize(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRS,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer",
        # Table alignment is the only style Markdown writes; any other could load a remote
        # resource (background: url(...)).
        filter_style_properties={"text-align"},
        strip_comments=True,
    )


def render_markdown(text: str, id_prefix: str = "") -> RenderResult:
    """Render card Markdown to sanitized HTML; heading ids get ``id_prefix``.

    Never raises for what the text contains: see ``result.limits`` (core/render_limits.py).
    """
    parts = cut_blocks(text)
    if parts is not None:
        joined = _render_parts(parts, id_prefix)
        if joined is not None:
            return joined
    if len(text) > CACHED_CHARS:
        return _render_limited(text, id_prefix)
    cached = _render_cached(text, id_prefix)
    # A copy: callers may change the result's lists, and the cache is shared by threads.
    return dataclasses.replace(
        cached,
        links=list(cached.links),
        images=list(cached.images),
        headings=list(cached.headings),
    )


# Typing re-renders a card with its sub-cards and note, most of them unchanged: their
# Markdown comes from here. Only short texts are kept, so the cache stays a few MB.
CACHED_CHARS = 8_000


@functools.lru_cache(maxsize=512)
def _render_cached(text: str, id_prefix: str) -> RenderResult:
    return _render_limited(text, id_prefix)


def _render_parts(parts: list[str], id_prefix: str) -> RenderResult | None:
    """The parts of a long text (core/render_blocks.py) rendered one by one, mostly from the
    cache, and joined into the whole text's result; None where they would not give it."""
    start = time.perf_counter()
    results = [
        _render_cached(part, id_prefix)
        if len(part) <= CACHED_CHARS
        else _render_limited(part, id_prefix)
        for part in parts
    ]
    if any(r.limits.refused or r.lists_guessed or not r.html for r in results):
        return None  # the whole render refuses it (or shows it) its own way
    ids = [heading[1] for r in results for heading in r.headings]
    if len(set(ids)) < len(ids):
        return None  # toc numbers a repeated heading id across the whole document
    joined = RenderResult(
        # python-markdown writes one newline between top-level blocks.
        html="\n".join(r.html for r in results),
        links=[FoundLink(x.url, x.text, written=x.written) for r in results for x in r.links],
        images=[FoundImage(x.src, x.alt, written=x.written) for r in results for x in r.images],
        headings=[heading for r in results for heading in r.headings],
    )
    # Lines are looked up in the whole text, as the whole render does: a URL may also occur
    # in an earlier part, where its search from the previous link finds it first.
    _attach_lines("\n".join(_neutralised(part) for part in parts), joined)
    neutralised = sum(r.limits.neutralised for r in results)
    joined.limits = LimitReport(neutralised=neutralised, seconds=time.perf_counter() - start)
    return joined


@functools.lru_cache(maxsize=512)
def _neutralised(part: str) -> str:
    # What the render read: lines are found in it, as in _render.
    return neutralise(part)[0]


def _render_limited(text: str, id_prefix: str) -> RenderResult:
    return render_within_limits(
        text, lambda source: _render(source, id_prefix), lambda: RenderResult(html="")
    )


def _render(text: str, id_prefix: str) -> RenderResult:
    result = RenderResult(html="")
    md = _parser(result, id_prefix)
    try:
        html = md.convert(text)
    except BaseException:
        _local.parser = None  # a parser stopped halfway never serves another render
        raise
    _raw_html_links(md, html, result)
    result.lists_guessed = md.treeprocessors["dialect_looseness"].guessed  # type: ignore[attr-defined]
    result.html = sanitize(html)
    _attach_lines(text, result)
    return result


# Each thread keeps one parser and resets it between renders. A new python-markdown
# instance per render cost about a quarter of a short card's render, and its hundreds of
# objects referring to each other stayed until the cyclic collector ran: the UI thread's
# collections (gui/gc_guard.py) grew with every keystroke rendered meanwhile.
_local = threading.local()


@dataclass
class _Parser:
    md: markdown.Markdown
    footnotes: FootnoteExtension
    collector: _Collector
    prefix: list[str]  # the heading-id prefix of the render under way


def _parser(sink: RenderResult, id_prefix: str) -> markdown.Markdown:
    parser: _Parser | None = getattr(_local, "parser", None)
    if parser is None:
        prefix = [id_prefix]
        footnotes = FootnoteExtension(UNIQUE_IDS=True)
        md = markdown.Markdown(
            extensions=[
                "tables",
                "fenced_code",
                "attr_list",
                footnotes,
                "sane_lists",
                HeadingIdExtension(slugify=lambda value, sep: prefix[0] + slugify(value, sep)),
                DialectExtension(),
                _CollectorExtension(sink, id_prefix),
            ],
            output_format="html",
        )
        use_cycle_free_raw_html(md)
        collector = md.treeprocessors["masthead_collector"]
        parser = _local.parser = _Parser(md, footnotes, collector, prefix)
    else:
        parser.md.reset()
    parser.prefix[0] = id_prefix
    # python-markdown runs no treeprocessor on a blank text: no guess left from the last one.
    parser.md.treeprocessors["dialect_looseness"].guessed = False  # type: ignore[attr-defined]
    parser.collector.sink = sink
    parser.collector.id_prefix = id_prefix
    # Footnote ids carry a count of resets when UNIQUE_IDS is on; a render numbers them as
    # a new parser would (fn:1-…), so the same text always gives the same page.
    parser.footnotes.unique_prefix = 1
    return parser.md


def _attach_lines(text: str, result: RenderResult) -> None:
    """Best-effort source line of each link and image, for jump-to-position.

    Each search starts after the previous match, so a URL used twice gets two lines.
    """

    def locator():
        pos = 0
        counted = [0, 1]  # a position and its line: lines are counted on from the last find

        def line_at(at: int) -> int:
            start, line = counted if at >= counted[0] else (0, 1)
            line += text.count("\n", start, at)
            counted[:] = [at, line]
            return line

        def find(url: str, written: str) -> int | None:
            nonlocal pos
            # The address is reported decoded and complete: the source may spell it otherwise
            # ('&amp;'), or leave out the scheme ('www.example.org', '<me@example.org>').
            bare = url.split(":", 1)[-1].lstrip("/")
            spellings = (url, written, html_lib.escape(url, False), bare)
            needles = [x for x in dict.fromkeys(spellings) if x]
            for needle in needles:
                at = text.find(needle, pos)
                if at >= 0:
                    pos = at + len(needle)
                    return line_at(at)
            for needle in needles:
                # Out of order (a reference definition further down): look, do not move.
                at = text.find(needle)
                if at >= 0:
                    return line_at(at)
            return None

        return find

    find = locator()
    result.links[:] = [
        FoundLink(x.url, x.text, find(x.url, x.written), x.written) for x in result.links
    ]
    find = locator()
    result.images[:] = [
        FoundImage(x.src, x.alt, find(x.src, x.written), x.written) for x in result.images
    ]
