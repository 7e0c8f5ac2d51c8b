"""The one Markdown renderer shared by the preview and every exporter.

Returns sanitized HTML plus the links, images and headings it found, so the link index,
the checks and the exporters never parse Markdown a second way.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

import markdown
import nh3
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

_ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
    "kbd", "li", "mark", "ol", "p", "pre", "s", "section", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
_ALLOWED_ATTRS = {
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
    url: str
    text: str
    line: int | None = None


@dataclass(frozen=True)
class FoundImage:
    src: str
    alt: str
    line: int | None = None


@dataclass
class RenderResult:
    html: str
    links: list[FoundLink] = field(default_factory=list)
    images: list[FoundImage] = field(default_factory=list)
    headings: list[tuple[int, str, str]] = field(default_factory=list)  # level, id, text


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


_LIST_ITEM = re.compile(r"^(\s*)([-*+]|\d+[.)])\s+")


class _NestedListIndent(Preprocessor):
    """Editors indent nested bullets by two spaces; python-markdown wants four."""

    def run(self, lines: list[str]) -> list[str]:
        out = []
        in_list = False
        in_fence = False
        for line in lines:
            if line.lstrip().startswith(("```", "~~~")):
                in_fence = not in_fence
            if in_fence:
                out.append(line)
                continue
            match = _LIST_ITEM.match(line)
            if match and not match.group(1):
                in_list = True
            elif not line.strip():
                pass
            elif not line.startswith(" "):
                in_list = False
            if in_list and line.startswith(" "):
                indent = len(line) - len(line.lstrip(" "))
                if indent % 4 != 0 and indent % 2 == 0:
                    line = " " * (indent * 2) + line.lstrip(" ")
            out.append(line)
        return out


class _Collector(Treeprocessor):
    def __init__(self, md: markdown.Markdown, sink: RenderResult):
        super().__init__(md)
        self.sink = sink

    def run(self, root: ET.Element) -> None:
        for el in root.iter():
            if el.tag == "a" and el.get("href"):
                self.sink.links.append(FoundLink(el.get("href", ""), _text(el)))
            elif el.tag == "img":
                self.sink.images.append(FoundImage(el.get("src", ""), el.get("alt", "")))
                el.set("loading", "lazy")
            elif el.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                self.sink.headings.append((int(el.tag[1]), el.get("id", ""), _text(el)))


def _text(el: ET.Element) -> str:
    return "".join(el.itertext()).strip()


class _CollectorExtension(Extension):
    def __init__(self, sink: RenderResult):
        super().__init__()
        self.sink = sink

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - markdown API
        md.preprocessors.register(_NestedListIndent(md), "masthead_nested_lists", 28)
        # After toc (priority 5 would run later); ids are assigned by then.
        md.treeprocessors.register(_Collector(md, self.sink), "masthead_collector", 1)


def sanitize(html: str) -> str:
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRS,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def render_markdown(text: str, id_prefix: str = "") -> RenderResult:
    """Render card Markdown to sanitized HTML; heading ids get ``id_prefix``."""
    result = RenderResult(html="")
    md = markdown.Markdown(
        extensions=[
            "tables",
            "fenced_code",
            "attr_list",
            "footnotes",
            "sane_lists",
            "toc",
            _CollectorExtension(result),
        ],
        extension_configs={
            "toc": {"slugify": lambda value, sep: id_prefix + slugify(value, sep)},
            "footnotes": {"UNIQUE_IDS": True},
        },
        output_format="html",
    )
    result.html = sanitize(md.convert(text))
    _attach_lines(text, result)
    return result


def _attach_lines(text: str, result: RenderResult) -> None:
    """Best-effort source line of each link and image, for jump-to-position."""
    lines = text.split("\n")

    def find(needle: str, start: int) -> int | None:
        for idx in range(start, len(lines)):
            if needle and needle in lines[idx]:
                return idx + 1
        return None

    cursor = 0
    for i, link in enumerate(result.links):
        line = find(link.url, cursor)
        if line:
            cursor = line - 1
        result.links[i] = FoundLink(link.url, link.text, line)
    for i, img in enumerate(result.images):
        result.images[i] = FoundImage(img.src, img.alt, find(img.src, 0))
