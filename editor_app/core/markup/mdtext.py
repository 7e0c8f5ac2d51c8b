"""Markdown text helpers shared by the Markdown exporter and the Markdown importer.

Escaping of plain-text fields, the link syntax, the invisible structure markers our own
export carries (so it imports back exactly), and the body filter that keeps raw HTML,
unsafe URLs and files outside the issue folder out of exported Markdown.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable

from editor_app.core.markdown_syntax import ATX_AT_MARGIN, fenced_lines
from editor_app.core.render import ALLOWED_ATTRS, ALLOWED_TAGS

# -- escaping plain text -------------------------------------------------------------------
_UNESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])|&lt;")
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """The lines of a plain-text field, split where CommonMark ends a line."""
    return LINE_BREAK.split(text)


def md_escape(text: str) -> str:
    """Plain text as Markdown that renders as the same text (single line).

    Line breaks fold to spaces (a title is one line); leading blanks go (they would indent
    the line into a code block); NUL, which CommonMark cannot carry, is dropped. Every
    character that could start inline syntax is backslash-escaped; "<" before a tag name
    becomes an entity, so the bytes of the output never spell a tag.
    """
    text = LINE_BREAK.sub(" ", text).replace("\x00", "").lstrip(" \t")
    text = re.sub(r"([\\`*\[\]~|#])", r"\\\1", text)
    text = re.sub(r"(?<!\w)_|_(?!\w)", r"\\_", text)
    text = re.sub(r"&(?=#?\w+;)", r"\\&", text)
    text = re.sub(r"<(?=[A-Za-z/!?])", "&lt;", text)
    # Line starts: a quote, a bullet, a setext underline, an ordered list item.
    text = re.sub(r"^([>+\-=])", r"\\\1", text)
    text = re.sub(r"^(\d+)([.)])(?=\s|$)", r"\1\\\2", text)
    return text


def md_escape_lines(text: str) -> list[str]:
    """A multi-line plain-text field, each line escaped on its own."""
    return [md_escape(line) for line in split_lines(text)]


def md_unescape(text: str) -> str:
    return _UNESCAPE.sub(lambda m: m.group(1) or "<", text)


# -- links ---------------------------------------------------------------------------------
def md_dest(url: str) -> str:
    """A link destination that survives spaces and parentheses."""
    if any(ch in url for ch in " ()") or not url:
        return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"
    return url


def md_link(text: str, url: str | None) -> str:
    """``[text](url)``; ``<url>`` when there is no text; escaped text when there is no URL."""
    if not url:
        return md_escape(text)
    if not md_escape(text).strip():  # a blank label leaves nothing to click: show the URL
        return (
            f"<{url}>"
            if " " not in url and ">" not in url
            else f"[{md_escape(url)}]({md_dest(url)})"
        )
    return f"[{md_escape(text)}]({md_dest(url)})"


LINK_TOKEN = re.compile(
    r"\[(?P<text>(?:\\.|[^\[\]\\]|\[(?:\\.|[^\[\]\\])*\])*)\]"
    r"\(\s*(?P<dest><[^<>\n]*>|(?:\\.|[^\s()\\]|\((?:\\.|[^\s()\\])*\))*)"
    r"(?P<title>(?:\s+(?:\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'))?)\s*\)"
)
AUTOLINK_TOKEN = re.compile(r"<(?P<url>[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\s]*)>")


def clean_dest(dest: str) -> str:
    dest = dest.strip()
    if dest.startswith("<") and dest.endswith(">"):
        return dest[1:-1]
    return md_unescape(dest)


def parse_link_item(text: str) -> tuple[str, str, str]:
    """``[t](u)rest`` / ``<u>rest`` / ``**t**rest`` / ``t`` -> (title, url, rest)."""
    text = text.strip()
    m = LINK_TOKEN.match(text)
    if m:
        return md_unescape(m.group("text")), clean_dest(m.group("dest")), text[m.end() :]
    m = AUTOLINK_TOKEN.match(text)
    if m:
        return "", m.group("url"), text[m.end() :]
    m = re.match(r"\*\*((?:\\.|[^*\\])+)\*\*", text)
    if m:
        return md_unescape(m.group(1)), "", text[m.end() :]
    return md_unescape(text), "", ""


# -- structure markers ---------------------------------------------------------------------
MARKER = re.compile(r"^<!-- masthead:(?P<kind>[a-z]+)(?: (?P<data>\{.*\}))? -->$")


def marker(kind: str, data: dict | None = None) -> str:
    """An HTML comment naming a structural line; invisible when the Markdown is rendered."""
    if not data:
        return f"<!-- masthead:{kind} -->"
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # "--" would end the comment early and "<" could spell a tag; JSON escapes keep it valid.
    text = text.replace("--", "-\\u002d").replace("<", "\\u003c").replace(">", "\\u003e")
    return f"<!-- masthead:{kind} {text} -->"


def parse_marker(line: str) -> tuple[str, dict] | None:
    m = MARKER.match(line.strip())
    if not m:
        return None
    data: dict = {}
    if m.group("data"):
        try:
            loaded = json.loads(m.group("data"))
        except ValueError:
            return None
        if isinstance(loaded, dict):
            data = loaded
    return m.group("kind"), data


# -- headings ------------------------------------------------------------------------------
# The fence and heading rules are core/markdown_syntax.py's; these names stay for the importers.
ATX = ATX_AT_MARGIN


def iter_fenced(lines: list[str]) -> list[bool]:
    """For each line, whether it is inside (or opens/closes) a fenced code block."""
    return fenced_lines(lines)


def heading_levels(text: str) -> list[int]:
    lines = text.split("\n")
    return [
        len(m.group(1))
        for line, fenced in zip(lines, iter_fenced(lines), strict=True)
        if not fenced and (m := ATX.match(line))
    ]


def shift_md_headings(text: str, delta: int) -> str:
    if not delta:
        return text
    lines = text.split("\n")
    out = []
    for line, fenced in zip(lines, iter_fenced(lines), strict=True):
        m = None if fenced else ATX.match(line)
        if m:
            level = max(1, min(6, len(m.group(1)) + delta))
            line = "#" * level + line[len(m.group(1)) :]
        out.append(line)
    return "\n".join(out)


# -- body filter ---------------------------------------------------------------------------
UrlMap = Callable[[str, bool], "str | None"]  # (url, is_image) -> new url or None (drop)

_CODE_SPAN = re.compile(r"(`+)(?:.|\n)*?[^`]\1(?!`)|(`+)[^`\n]\2(?!`)")
_TAG = re.compile(
    r"<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9-]*)"
    r"(?P<attrs>(?:\s+[^\s\"'<>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)"
    r"\s*(?P<self>/?)>"
)
_ATTR = re.compile(r"([^\s\"'<>/=]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?")
_INLINE = re.compile(
    r"(?P<comment><!--(?:.|\n)*?-->)|"
    rf"(?P<bang>!?)(?P<link>{LINK_TOKEN.pattern})|(?P<auto>{AUTOLINK_TOKEN.pattern})"
    rf"|(?P<tag>{_TAG.pattern})|(?P<lt><(?=[A-Za-z/!?]))"
)
_REF_DEF = re.compile(r"^( {0,3}\[(?:\\.|[^\]\\])+\]:[ \t]*)(<[^<>\n]*>|\S+)(.*)$")
_URL_ATTRS = {"href", "src"}


def _rebuild_tag(m: re.Match[str], url_map: UrlMap) -> str:
    name = m.group("name").lower()
    if name not in ALLOWED_TAGS:
        return "&lt;" + m.group(0)[1:]
    if m.group("close"):
        return f"</{name}>"
    allowed = ALLOWED_ATTRS.get("*", set()) | ALLOWED_ATTRS.get(name, set())
    parts = [name]
    for attr in _ATTR.finditer(m.group("attrs") or ""):
        key = attr.group(1).lower()
        if key not in allowed or key == "style":
            continue
        raw = attr.group(2) or ""
        value = html.unescape(raw[1:-1] if raw[:1] in "\"'" else raw)
        if key in _URL_ATTRS:
            new = url_map(value, name == "img")
            if new is None:
                if name == "img":
                    return ""
                continue
            value = new
        parts.append(f'{key}="{html.escape(value)}"')
    return "<" + " ".join(parts) + (" />" if m.group("self") else ">")


def _filter_inline(text: str, url_map: UrlMap) -> str:
    def repl(m: re.Match[str]) -> str:
        if m.group("comment") is not None:
            return ""
        if m.group("link") is not None:
            is_image = bool(m.group("bang"))
            label = _filter_inline(m.group("text"), url_map)
            dest = clean_dest(m.group("dest"))
            new = url_map(dest, is_image)
            if new is None:
                # A refused image leaves its alt text, as the HTML export does: removing it
                # outright can leave a line indented into a code block.
                return label
            # An unchanged target keeps its own spelling, so filtering is idempotent.
            written = m.group("dest") if new == dest else md_dest(new)
            return f"{m.group('bang')}[{label}]({written}{m.group('title')})"
        if m.group("auto") is not None:
            new = url_map(m.group("url"), False)
            return f"<{new}>" if new else md_escape(m.group("url"))
        if m.group("tag") is not None:
            return _rebuild_tag(_TAG.match(m.group("tag")), url_map)
        return "&lt;"

    return _INLINE.sub(repl, text)


def _filter_segment(text: str, url_map: UrlMap) -> str:
    lines = []
    for line in text.split("\n"):
        m = _REF_DEF.match(line)
        if m:
            dest = clean_dest(m.group(2))
            new = url_map(dest, False)
            written = m.group(2) if new == dest else md_dest(new or "")
            line = f"{m.group(1)}{written}{m.group(3)}" if new else ""
        lines.append(line)
    return _filter_outside_code("\n".join(lines), url_map)


# A blank line, or a line whose text (after quote and list markers) starts with "<" or "#":
# CommonMark may start a block there (an HTML block, a heading), which no code span crosses.
_BLOCK_START = re.compile(r"^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+[ \t>]*)*(?:[<#]|$)")


def _crosses_block(span: str) -> bool:
    return any(_BLOCK_START.match(line) for line in span.split("\n")[1:])


def _filter_outside_code(text: str, url_map: UrlMap) -> str:
    """The inline filter on everything but code spans. Backticks that would pair across a
    block start are not a code span (they must not hide raw HTML from the filter)."""
    out, plain_from, pos = [], 0, 0
    while (code := _CODE_SPAN.search(text, pos)) is not None:
        if _crosses_block(code.group(0)):
            pos = code.start() + len(code.group(1) or code.group(2))
            continue
        out.append(_filter_inline(text[plain_from : code.start()], url_map))
        out.append(code.group(0))
        plain_from = pos = code.end()
    out.append(_filter_inline(text[plain_from:], url_map))
    return "".join(out)


def filter_body(text: str, url_map: UrlMap, code_lines: set[int] | None = None) -> str:
    """Card Markdown made safe to publish as Markdown.

    Outside code: HTML comments are removed (they are the editor's private notes), raw HTML
    keeps only the renderer's allowed tags and attributes, and every link or image target
    goes through ``url_map``, which maps local files and returns None for what must be left
    out (unsafe schemes, paths leaving the issue folder).

    Code is what the line reader sees fenced; given ``code_lines`` (the lines a CommonMark
    parser sees as fenced code), only lines both agree on are left as they are. Line endings
    become LF first, as CommonMark also ends a line at a lone CR.
    """
    lines = re.sub(r"\r\n?", "\n", text).split("\n")
    out: list[str] = []
    chunk: list[str] = []
    for i, (line, fenced) in enumerate(zip(lines, iter_fenced(lines), strict=True)):
        if fenced and (code_lines is None or i in code_lines):
            if chunk:
                out.append(_filter_segment("\n".join(chunk), url_map))
                chunk = []
            out.append(line)
        else:
            chunk.append(line)
    if chunk:
        out.append(_filter_segment("\n".join(chunk), url_map))
    return "\n".join(out)
