"""Small inline fixes: GFM strikethrough, backslash hard breaks, entities, e-mail autolinks,
code span spaces, link destinations without spaces, and ``***both***`` nested the CommonMark
way round."""

from __future__ import annotations

import html.entities
import re
import string
import xml.etree.ElementTree as ET

import markdown
from markdown import util
from markdown.inlinepatterns import (
    BACKTICK_RE,
    BacktickInlineProcessor,
    HtmlInlineProcessor,
    InlineProcessor,
    LinkInlineProcessor,
)
from markdown.treeprocessors import Treeprocessor

from editor_app.core.markdown_dialect.emphasis import left_flanking, right_flanking

# GFM strikes text between one or two tildes (a run of three is not a delimiter). The runs are
# matched whole, so '~~a~' is left alone, as GFM leaves it.
TILDE_RUN = r"(?<!~)~{1,2}(?!~)"
# A backslash at the end of a line that continues the paragraph is a hard break.
BACKSLASH_BREAK = r"\\\n(?=.)"


class _StrikeProcessor(InlineProcessor):
    """Strikethrough between two tilde runs of the same length, the opening one left-flanking
    and the closing one right-flanking, as for emphasis: '~~（删）~~后' stays text, as on the
    site, because the closing run follows punctuation and precedes a letter."""

    def handleMatch(self, m, data):  # type: ignore[override]  # noqa: N802 - markdown API
        start, end = m.start(0), m.end(0)
        if not left_flanking(data[start - 1 : start], data[end : end + 1]):
            return None, None, None
        for close in self.compiled_re.finditer(data, end + 1):
            at, after = close.start(), close.end()
            if close.group(0) == m.group(0) and right_flanking(
                data[at - 1 : at], data[after : after + 1]
            ):
                el = ET.Element("del")
                el.text = data[end:at]
                return el, start, after
        return None, None, None


class _BreakProcessor(InlineProcessor):
    def handleMatch(self, m, data):  # type: ignore[override]  # noqa: N802 - markdown API
        el = ET.Element("br")
        el.tail = "\n"
        return el, m.start(0), m.end(0)


_ENTITY_RE = r"(&(?:\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});)"
_MAIL_RE = (
    r"<((?:mailto:)?[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9.-]*[a-zA-Z0-9])?)>"
)


class _EntityProcessor(HtmlInlineProcessor):
    """Only real entities pass through; '&notanentity;' stays text, as CommonMark has it."""

    def handleMatch(self, m, data):  # type: ignore[override]  # noqa: N802 - markdown API
        name = m.group(1)[1:]
        if not name.startswith("#") and name not in html.entities.html5:
            return None, None, None
        return super().handleMatch(m, data)


class _MailProcessor(InlineProcessor):
    """``<a@b.org>`` and ``<mailto:a@b.org>``: the text is written as it stands in the source."""

    def handleMatch(self, m, data):  # type: ignore[override]  # noqa: N802 - markdown API
        address = m.group(1)
        el = ET.Element(
            "a", {"href": address if address.startswith("mailto:") else "mailto:" + address}
        )
        el.text = address
        return el, m.start(0), m.end(0)


class _CodeSpanProcessor(BacktickInlineProcessor):
    """Code span content the CommonMark way: line endings become spaces, and one space is
    stripped from each end only when both ends have one (and the content is not all spaces).
    python-markdown strips all surrounding whitespace, so ``setValue:forKeyPath: `` would lose
    the space that the site shows."""

    def handleMatch(self, m, data):  # type: ignore[override]  # noqa: N802 - markdown API
        if m.group(1):
            return super().handleMatch(m, data)
        begin = m.start(0)
        start, end = self.find_code_spans(begin, data)
        if end is None:
            return None, begin, start
        el = ET.Element(self.tag)
        el.text = util.AtomicString(util.code_escape(code_span_text(data[start:end])))
        return el, begin, end + (start - begin)


def code_span_text(raw: str) -> str:
    text = raw.replace("\n", " ")
    if len(text) >= 2 and text[0] == text[-1] == " " and text.strip(" "):
        return text[1:-1]
    return text


def _strict_destinations(processor: LinkInlineProcessor) -> None:
    """``[a](b c)`` is no link in CommonMark: a destination has no spaces unless it is written
    in angle brackets (``[a](<b c>)``). python-markdown takes ``b c`` as the address."""
    parse = processor.getLink

    def get_link(data: str, index: int) -> tuple[str, str | None, int, bool]:
        href, title, end, handled = parse(data, index)
        if handled and _SPACE.search(href) and not data[index + 1 :].lstrip().startswith("<"):
            titled = _PAREN_TITLE.fullmatch(href)
            if titled and title is None:  # '[a](b (title))': python-markdown misses this form
                return titled["href"], titled["title"], end, True
            return href, title, end, False
        return href, title, end, handled

    processor.getLink = get_link  # type: ignore[method-assign]


_SPACE = re.compile(r"\s")
_PAREN_TITLE = re.compile(r"(?P<href>\S+)\s+\((?P<title>[^()]*)\)", re.DOTALL)


class LiteralAmpersands(Treeprocessor):
    """Text like '&notanentity;' or an escaped '\\&copy;' is shown as written.

    Real entities are stashed as HTML by the inline pass, so an entity-like run still in the
    text is literal; python-markdown's serializer would leave its '&' bare for the browser to
    decode. Code keeps python-markdown's own escaping.
    """

    def run(self, root: ET.Element) -> None:
        for el in root.iter():
            if el.tag not in {"code", "pre"} and el.text and "&" in el.text:
                el.text = _ENTITY_LIKE.sub("&amp;", el.text)
            if el.tail and "&" in el.tail:
                el.tail = _ENTITY_LIKE.sub("&amp;", el.tail)


_ENTITY_LIKE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")


class EmStrongOrder(Treeprocessor):
    """``***x***`` is ``<em><strong>x</strong></em>`` in CommonMark; python-markdown nests the
    other way round. Swap a strong whose whole content is one em."""

    def run(self, root: ET.Element) -> None:
        for el in root.iter("strong"):
            if len(el) == 1 and not (el.text or "") and el[0].tag == "em" and not el[0].tail:
                inner = el[0]
                el.tag, inner.tag = "em", "strong"


def register(md: markdown.Markdown) -> None:
    # CommonMark lets a backslash escape any ASCII punctuation; python-markdown only some.
    md.ESCAPED_CHARS = sorted(set(md.ESCAPED_CHARS) | set(string.punctuation))
    # Before the escapes (180), which would otherwise keep the backslash.
    md.inlinePatterns.register(_BreakProcessor(BACKSLASH_BREAK, md), "dialect_backslash_br", 185)
    # Before emphasis (60), so '~~**a**~~' nests as GFM nests it.
    md.inlinePatterns.register(_StrikeProcessor(TILDE_RUN, md), "dialect_strike", 65)
    for name in ("link", "image_link"):
        if name in md.inlinePatterns:
            _strict_destinations(md.inlinePatterns[name])
    # Replaces python-markdown's code span pattern, under its name and priority.
    md.inlinePatterns.register(_CodeSpanProcessor(BACKTICK_RE), "backtick", 190)
    md.inlinePatterns.register(_EntityProcessor(_ENTITY_RE, md), "entity", 80)
    md.inlinePatterns.register(_MailProcessor(_MAIL_RE, md), "automail", 110)
    md.treeprocessors.register(EmStrongOrder(md), "dialect_em_strong", 17)
    # After unescape (0), which turns an escaped '&' back into text.
    md.treeprocessors.register(LiteralAmpersands(md), "dialect_ampersands", -0.7)
