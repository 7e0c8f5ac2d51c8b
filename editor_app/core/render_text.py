"""The plain text of what the renderer found: heading and link texts, addresses, alt texts.

Inside python-markdown's tree, text is not yet what the reader sees. Raw HTML and character
references stand there as placeholders of the HTML stash (``\\x02wzxhzdk:3\\x03``), which only
the postprocessors swap back; code keeps its own escaping (``a &lt; b``); an entity-like run
such as ``&amp;`` in text or in an attribute is left for the browser to decode, since the
serializer escapes only an ``&`` that starts no reference. The readers of a render (the heading
list, the link and image checks) want the text as shown, so each value goes the way the page
goes: serialized, postprocessed, then read back as HTML.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import markdown
from markdown import util

# The references python-markdown's serializer leaves unescaped: the browser decodes those, and
# only those (an '&' that starts none is written as '&amp;').
_REFERENCE = re.compile(r"&(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);", re.IGNORECASE)
# Elements whose text the plain text does not take as it stands in the tree.
_SPECIAL = {"img", "sup", "script", "style", "code"}
# The sanitizer drops these with their content.
_DROPPED = {"script", "style"}


def attribute_text(value: str) -> str:
    """An attribute value of the tree (href, src, alt) as the browser reads it."""
    if util.STX in value:
        value = value.replace(util.AMP_SUBSTITUTE, "&")
    if "&" not in value:
        return value
    return _REFERENCE.sub(lambda m: html.unescape(m.group(0)), value)


def element_text(el: ET.Element, md: markdown.Markdown) -> str:
    """What the reader sees of ``el``'s content: no tags, references decoded, an image as its
    alt text, footnote references left out (they are numbers added to the text)."""
    chunks = list(el.itertext())
    if not any("&" in c or util.STX in c for c in chunks) and not any(
        d.tag in _SPECIAL for d in el.iter() if d is not el
    ):
        return "".join(chunks).strip()
    parts: list[str] = []
    try:
        _read_tree(el, md, parts, top=True)
    except _Unusual:
        return _rendered_text(el, md)
    return "".join(parts).strip()


class _Unusual(Exception):
    """Content the tree reading leaves to the rendered HTML (other placeholders, scripts)."""


def _read_tree(el: ET.Element, md: markdown.Markdown, parts: list[str], top: bool) -> None:
    # The same reading as _rendered_text, without serializing: that cost a quarter of the
    # render of a card with many links.
    if el.tag == "img":
        parts.append(attribute_text(el.get("alt", "")))
    elif el.tag in _DROPPED:
        raise _Unusual
    elif el.tag == "code":
        parts.append(html.unescape(el.text or ""))  # code_escape wrote &amp; &lt; &gt; only
        for child in el:
            _read_tree(child, md, parts, top=False)
    elif not (el.tag == "sup" and el.get("id", "").startswith("fnref")):
        parts.append(_tree_text(el.text or "", md))
        for child in el:
            _read_tree(child, md, parts, top=False)
    if not top:
        parts.append(_tree_text(el.tail or "", md))


def _tree_text(text: str, md: markdown.Markdown) -> str:
    if util.STX in text:
        text = text.replace(util.AMP_SUBSTITUTE, "&")
        text = util.HTML_PLACEHOLDER_RE.sub(lambda m: _stashed_text(int(m.group(1)), md), text)
        if util.STX in text:
            raise _Unusual
    if "&" not in text:
        return text
    return _REFERENCE.sub(lambda m: html.unescape(m.group(0)), text)


def _stashed_text(index: int, md: markdown.Markdown) -> str:
    """A stashed reference stays one (decoded with the text around it); a lone tag is no text."""
    stashed = md.htmlStash.rawHtmlBlocks[index] if index < md.htmlStash.html_counter else None
    if isinstance(stashed, str):
        if _REFERENCE.fullmatch(stashed):
            return stashed
        tag = _LONE_TAG.fullmatch(stashed)
        if tag and tag.group(1).lower() not in _DROPPED:
            return ""
    raise _Unusual


_LONE_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>")


def _rendered_text(el: ET.Element, md: markdown.Markdown) -> str:
    holder = ET.Element("div")  # without el's tail, which the serializer would write
    holder.text = el.text
    holder.extend(list(el))
    markup = md.serializer(holder)
    for processor in md.postprocessors:
        markup = processor.run(markup)
    return html_text(markup)


def html_text(markup: str) -> str:
    """The text of an HTML fragment as shown, read the same way as ``element_text``."""
    reader = _TextReader()
    reader.feed(markup)
    reader.close()
    return "".join(reader.parts).strip()


class _TextReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping: list[str] = []  # open elements whose content is left out

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if self._skipping:
            if tag == self._skipping[0]:
                self._skipping.append(tag)
            return
        if tag == "img":
            self.parts.append(values.get("alt", ""))
        elif tag in _DROPPED or (tag == "sup" and values.get("id", "").startswith("fnref")):
            self._skipping.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skipping and tag == self._skipping[0]:
            self._skipping.pop()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def page_links(markup: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The links (address, text) and images (source, alt) of rendered HTML, in page order.

    For a text with raw HTML links, whose text lies between two stashed tags that the tree
    holds apart: read from the finished HTML, they come out like the Markdown links."""
    reader = _PageReader()
    reader.feed(markup)
    reader.close()
    reader.close_links()
    return reader.links, reader.images


class _PageReader(_TextReader):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.images: list[tuple[str, str]] = []
        self._open: list[tuple[int, int]] = []  # open links: their index and where text starts

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if not self._skipping:
            if tag == "a" and values.get("href"):
                self._open.append((len(self.links), len(self.parts)))
                self.links.append((values["href"], ""))
            elif tag == "img":
                self.images.append((values.get("src", ""), values.get("alt", "")))
        super().handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        super().handle_endtag(tag)
        if tag == "a" and self._open and not self._skipping:
            self._close_link()

    def close_links(self) -> None:
        while self._open:
            self._close_link()

    def _close_link(self) -> None:
        index, start = self._open.pop()
        self.links[index] = (self.links[index][0], "".join(self.parts[start:]).strip())
