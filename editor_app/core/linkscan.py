"""Find every link and image in Markdown source, with the exact character spans.

The renderer (core/render.py) reports what a page links to; this scanner reports *where* in
the source each link is written, so the link panel can jump to it and rewrite it in place.
It is a second, lighter reading of the text, not the renderer's: it reads the forms editors use,
inline ``[t](url "title")``, images, reference-style ``[t][label]`` / ``[label][]`` /
``[label]`` with ``[label]: url`` definitions, autolinks ``<https://…>``, bare ``https://…``
text, and raw HTML ``<a href>`` and ``<img src alt>`` (the sanitizer lets those through to the
page). Fenced code is found with the CommonMark rules of core/markdown_syntax.py, which the
renderer's dialect (core/markdown_dialect/) follows too; inline code and HTML comments are
skipped as well. Where it reads less than the renderer: indented code blocks are scanned (a URL
in one is listed), and bare ``www.`` addresses, which the dialect links, are not listed.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass

from editor_app.core.markdown_syntax import CODE_SPAN, HTML_COMMENT, HTML_TAG, fenced_ranges

# form: how the link is written in the source
INLINE, REFERENCE, AUTOLINK, BARE, HTML = "inline", "reference", "autolink", "bare", "html"


@dataclass(frozen=True)
class BodyLink:
    form: str  # INLINE | REFERENCE | AUTOLINK | BARE | HTML (<a href> and <img src>)
    image: bool
    url: str  # as written (without the angle brackets of <url> destinations)
    text: str  # link text or image alt (the URL itself for autolinks and bare URLs)
    url_start: int  # span of ``url`` in the source; for references: inside the definition
    url_end: int
    text_start: int  # span of the text inside its brackets (== url span for autolink/bare)
    text_end: int
    span_start: int  # the whole construct: from "[" / "![" / "<" to its end
    span_end: int
    label: str = ""  # reference label as written (references only)
    line: int = 1  # 1-based line of span_start
    column: int = 1  # 1-based column of span_start


_fenced_ranges = fenced_ranges  # the name ledger_scan imports
_CODE_SPAN = CODE_SPAN  # the name ledger_scan imports
_COMMENT = HTML_COMMENT
_HTML_TAG = HTML_TAG
_DEFINITION = re.compile(
    r"^ {0,3}\[(?!\^)((?:[^\[\]\\\n]|\\.){1,999})\]:[ \t]*\n?[ \t]*"
    r"(?:<([^<>\n]*)>|(\S+))"
    r"""(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$""",
    re.M,
)
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^\s<>]*|mailto:[^\s<>]+)>", re.I)
_BARE = re.compile(r"(?<![A-Za-z0-9_/.:@-])https?://[!#-;=?-~]+", re.I)  # printable ASCII but <>"
_TRAILING = ".,;:!?*_~'"
_HTML_LINK = re.compile(r"<(a|img)\b[^<>]*>", re.I)
_ATTR = re.compile(
    r"""(?<=[\s"'])([A-Za-z_:][-\w:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))"""
)
_CLOSE_A = re.compile(r"</a\s*>", re.I)
_TITLE = re.compile(r"""[ \t\n]+("[^"]*"|'[^']*'|\([^()]*\))""")


def normalize_label(label: str) -> str:
    return " ".join(label.split()).casefold()


class _Spans:
    """Sorted, non-overlapping character ranges to skip."""

    def __init__(self, ranges: list[tuple[int, int]]):
        merged: list[list[int]] = []
        for start, end in sorted(ranges):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def end_if_inside(self, pos: int) -> int | None:
        """The end of the range holding ``pos``, or None."""
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and pos < self.ends[i]:
            return self.ends[i]
        return None

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.ends[i] > start


def _is_escaped(text: str, pos: int) -> bool:
    n = 0
    while pos - n - 1 >= 0 and text[pos - n - 1] == "\\":
        n += 1
    return n % 2 == 1


_BRACKET_TOKEN = re.compile(r"[\[\]\\]|\n(?=\n)")
_MAX_LINK_TEXT = 2000


def _bracket_pairs(text: str, skip: _Spans) -> dict[int, int]:
    """Each "[" mapped to the "]" that closes it (nesting allowed), in one pass.

    Matching each bracket by scanning forward cost a scan per bracket: ten thousand nested
    brackets took seconds. A stack over the bracket characters finds every pair at once. A
    blank line ends a paragraph and every bracket still open in it; link text longer than
    ``_MAX_LINK_TEXT`` characters is not taken as link text.
    """
    pairs: dict[int, int] = {}
    stack: list[int] = []
    skip_to = -1
    for m in _BRACKET_TOKEN.finditer(text):
        i = m.start()
        if i < skip_to:
            continue
        end = skip.end_if_inside(i)
        if end is not None:
            skip_to = end
            continue
        ch = text[i]
        if ch == "\\":
            skip_to = i + 2
        elif ch == "\n":
            stack.clear()
        elif ch == "[":
            stack.append(i)
        elif stack:
            open_pos = stack.pop()
            if i - open_pos < _MAX_LINK_TEXT:
                pairs[open_pos] = i
    return pairs


def _inline_destination(text: str, pos: int) -> tuple[int, int, int] | None:
    """Parse ``(url "title")`` starting at the "(" at ``pos``: (url_start, url_end, end)."""
    i, n = pos + 1, len(text)
    while i < n and text[i] in " \t\n":
        i += 1
    if i < n and text[i] == "<":
        close = text.find(">", i + 1)
        if close < 0 or "\n" in text[i:close]:
            return None
        url_start, url_end, i = i + 1, close, close + 1
    else:
        url_start, depth = i, 0
        while i < n:
            ch = text[i]
            if ch == "\\":
                i += 2
                continue
            if ch in " \t\n":
                break
            if ch == "(":
                depth += 1
            elif ch == ")":
                if depth == 0:
                    break
                depth -= 1
            i += 1
        url_end = min(i, n)
    title = _TITLE.match(text, i)
    if title:
        i = title.end()
    while i < n and text[i] in " \t\n":
        i += 1
    if i < n and text[i] == ")":
        return url_start, url_end, i + 1
    return None


def _bare_end(text: str, start: int, end: int) -> int:
    """Trim trailing punctuation and unbalanced closing brackets off a bare URL."""
    while end > start:
        ch = text[end - 1]
        if ch in _TRAILING:
            end -= 1
        elif ch in ")]}":
            opener = {")": "(", "]": "[", "}": "{"}[ch]
            chunk = text[start:end]
            if chunk.count(ch) > chunk.count(opener):
                end -= 1
            else:
                break
        else:
            break
    return end


def scan_markdown(text: str) -> list[BodyLink]:
    """Every link and image written in ``text``, in source order."""
    if "[" not in text and "://" not in text and "<" not in text:
        return []
    code = [(m.start(), m.end()) for m in _CODE_SPAN.finditer(text)]
    base = fenced_ranges(text)
    base += [(m.start(), m.end()) for m in _COMMENT.finditer(text)]
    not_html = _Spans(base + code)
    tags = [m for m in _HTML_TAG.finditer(text) if not_html.end_if_inside(m.start()) is None]
    base += [(m.start(), m.end()) for m in tags]
    skip = _Spans(base + code)

    definitions: dict[str, tuple[str, int, int]] = {}
    def_ranges: list[tuple[int, int]] = []
    for m in _DEFINITION.finditer(text):
        if skip.end_if_inside(m.start()) is not None:
            continue
        group = 2 if m.group(2) is not None else 3
        key = normalize_label(m.group(1))
        definitions.setdefault(key, (m.group(group), m.start(group), m.end(group)))
        def_ranges.append((m.start(), m.end()))
    skip = _Spans(base + code + def_ranges)

    pairs = _bracket_pairs(text, skip)
    found: list[BodyLink] = []
    pos, barrier = 0, (0, 0)  # barrier: after a link's text, up to its end
    while True:
        open_pos = text.find("[", pos)
        if open_pos < 0:
            break
        pos = open_pos + 1
        if barrier[0] <= open_pos < barrier[1]:
            pos = barrier[1]
            continue
        if skip.end_if_inside(open_pos) is not None or _is_escaped(text, open_pos):
            jump = skip.end_if_inside(open_pos)
            pos = jump if jump is not None else pos
            continue
        close = pairs.get(open_pos)
        if close is None:
            continue
        image = open_pos > 0 and text[open_pos - 1] == "!" and not _is_escaped(text, open_pos - 1)
        span_start = open_pos - 1 if image else open_pos
        label_text = text[open_pos + 1 : close]
        after = close + 1
        link: BodyLink | None = None
        if after < len(text) and text[after] == "(":
            dest = _inline_destination(text, after)
            if dest:
                url_start, url_end, end = dest
                link = BodyLink(
                    INLINE, image, text[url_start:url_end], label_text,
                    url_start, url_end, open_pos + 1, close, span_start, end,
                )  # fmt: skip
        if link is None and not label_text.startswith("^"):
            label, end = label_text, after
            ref = re.match(r"\[((?:[^\[\]\\]|\\.)*)\]", text[after : after + 1000])
            if ref:
                end = after + ref.end()
                if ref.group(1).strip():
                    label = ref.group(1)
            target = definitions.get(normalize_label(label)) if label.strip() else None
            if target:
                url, url_start, url_end = target
                link = BodyLink(
                    REFERENCE, image, url, label_text, url_start, url_end,
                    open_pos + 1, close, span_start, end, label=label,
                )  # fmt: skip
        if link is not None:
            found.append(link)
            if not image:
                # Only images may nest inside link text; never scan the destination.
                barrier = (close, link.span_end)

    found.extend(_html_links(text, not_html))
    # Nothing inside a link (its text, its destination) is a link of its own.
    consumed = [(x.span_start, x.span_end) for x in found]
    done = _Spans(consumed)
    for m in _AUTOLINK.finditer(text):
        if skip.overlaps(m.start(), m.end()) or done.overlaps(m.start(), m.end()):
            continue
        found.append(
            BodyLink(
                AUTOLINK,
                False,
                m.group(1),
                m.group(1),
                m.start(1),
                m.end(1),
                m.start(1),
                m.end(1),
                m.start(),
                m.end(),
            )  # fmt: skip
        )
        consumed.append((m.start(), m.end()))

    done = _Spans(consumed)
    for m in _BARE.finditer(text):
        end = _bare_end(text, m.start(), m.end())
        if end - m.start() <= len("https://"):
            continue
        if skip.overlaps(m.start(), end) or done.overlaps(m.start(), end):
            continue
        url = text[m.start() : end]
        found.append(
            BodyLink(BARE, False, url, url, m.start(), end, m.start(), end, m.start(), end)
        )

    found.sort(key=lambda x: (x.span_start, x.image))
    return _with_positions(text, found)


def _html_links(text: str, outside: _Spans) -> list[BodyLink]:
    """``<a href>`` and ``<img src>`` tags written as raw HTML."""
    out: list[BodyLink] = []
    for tag in _HTML_LINK.finditer(text):
        if outside.end_if_inside(tag.start()) is not None:
            continue
        attrs: dict[str, tuple[str, int, int]] = {}
        for m in _ATTR.finditer(text, tag.start(), tag.end()):
            group = next(g for g in (2, 3, 4) if m.group(g) is not None)
            attrs.setdefault(m.group(1).lower(), (m.group(group), m.start(group), m.end(group)))
        image = tag.group(1).lower() == "img"
        target = attrs.get("src" if image else "href")
        if target is None:
            continue
        raw, url_start, url_end = target
        if image:
            # No alt attribute: an empty text span right after "<img", where one is inserted.
            alt, t_start, t_end = attrs.get("alt", ("", tag.start() + 4, tag.start() + 4))
            end = tag.end()
        else:
            close = _CLOSE_A.search(text, tag.end(), min(len(text), tag.end() + 2000))
            t_start, t_end = tag.end(), close.start() if close else tag.end()
            alt = re.sub(r"<[^>]*>", "", text[t_start:t_end]).strip()
            end = close.end() if close else tag.end()
        out.append(
            BodyLink(
                HTML,
                image,
                html.unescape(raw),
                html.unescape(alt),
                url_start,
                url_end,
                t_start,
                t_end,
                tag.start(),
                end,
            )  # fmt: skip
        )
    return out


def _with_positions(text: str, links: list[BodyLink]) -> list[BodyLink]:
    """``links`` (in source order) with their line and column.

    Lines are counted from the previous link on, not from the start of the text: counting
    from the start for every link made a long body with many links quadratic.
    """
    out: list[BodyLink] = []
    line, counted, line_start = 1, 0, 0
    for link in links:
        start = link.span_start
        if start > counted:
            last_newline = text.rfind("\n", counted, start)
            if last_newline >= 0:
                line += text.count("\n", counted, start)
                line_start = last_newline + 1
            counted = start
        out.append(
            BodyLink(
                link.form,
                link.image,
                link.url,
                link.text,
                link.url_start,
                link.url_end,
                link.text_start,
                link.text_end,
                start,
                link.span_end,
                link.label,
                line,
                start - line_start + 1,
            )  # fmt: skip
        )
    return out
