"""A cheap link scan for the archive ledger: the web URLs of a card file and their kinds.

The ledger only needs each card's title and which web URLs it holds (its source, project
links, further reading, and the URLs written in its body and note). Reading 15 000 card
files through the YAML loader and the full Markdown link scanner took seconds, so the card
header is read line by line (the shape ``storage.serialize_card`` writes) and the Markdown is
searched for URLs with one expression; images, code and comments are left out. A header in
any other shape (anchors, flow style, escapes in quoted values) is read by the exact path.
"""

from __future__ import annotations

import re

from editor_app.core.linkscan import _CODE_SPAN, _bare_end, _fenced_ranges

# Field of the card header -> ledger kind of the URLs its records hold.
_FIELD_KINDS = {"source": "source", "links": "link", "further_reading": "further"}
_WEB = re.compile(r"https?://[!#-;=?-~]+", re.I)  # printable ASCII but space, <, > and "
_IMAGE_INLINE = re.compile(r"!\[(?:[^\]\\\n]|\\.)*\]\(\s*<?")
_IMAGE_REF = re.compile(r"!\[((?:[^\]\\\n]|\\.)*)\](?:\[((?:[^\]\\\n]|\\.)*)\])?")
_IMAGE_HTML = re.compile(r"""<img\b[^<>]*?\ssrc\s*=\s*["']?""", re.I)
_DEFINITION = re.compile(r"^ {0,3}\[((?:[^\]\\\n]|\\.)+)\]:[ \t]*<?", re.M)
_COMMENT = re.compile(r"<!--.*?-->", re.S)


class NeedsExactRead(Exception):
    """The header is not in the plain shape this scanner reads; use the YAML loader."""


def _scalar(value: str) -> str:
    value = value.strip()
    if not value:
        return ""
    if value[0] == "'":
        if not value.endswith("'") or len(value) < 2:
            raise NeedsExactRead
        return value[1:-1].replace("''", "'")
    if value[0] == '"':
        if "\\" in value or not value.endswith('"') or len(value) < 2:
            raise NeedsExactRead
        return value[1:-1]
    if value[0] in "[{&*!|>%@`":
        raise NeedsExactRead
    return value.split(" #", 1)[0].rstrip()


def _blank(text: str, ranges: list[tuple[int, int]]) -> str:
    if not ranges:
        return text
    parts, pos = [], 0
    for start, end in sorted(ranges):
        if start < pos:
            start = pos
        parts.append(text[pos:start])
        parts.append(" " * max(0, end - start))
        pos = max(pos, end)
    parts.append(text[pos:])
    return "".join(parts)


def text_urls(text: str) -> list[str]:
    """Web URLs written in Markdown (links, autolinks, bare URLs, <a href>), not images."""
    if "://" not in text:
        return []
    hidden: list[tuple[int, int]] = []
    if "`" in text or "~~~" in text:
        hidden += _fenced_ranges(text)
        hidden += [(m.start(), m.end()) for m in _CODE_SPAN.finditer(text)]
    if "<!--" in text:
        hidden += [(m.start(), m.end()) for m in _COMMENT.finditer(text)]
    text = _blank(text, hidden)
    image_starts: set[int] = set()
    if "![" in text:
        image_starts.update(m.end() for m in _IMAGE_INLINE.finditer(text))
        labels = {
            " ".join((m.group(2) or m.group(1)).split()).casefold()
            for m in _IMAGE_REF.finditer(text)
        }
        for m in _DEFINITION.finditer(text):
            if " ".join(m.group(1).split()).casefold() in labels:
                image_starts.add(m.end())
    if "<img" in text.lower():
        image_starts.update(m.end() for m in _IMAGE_HTML.finditer(text))
    out = []
    for m in _WEB.finditer(text):
        if m.start() in image_starts:
            continue
        end = _bare_end(text, m.start(), m.end())
        if end - m.start() > len("https://"):
            out.append(text[m.start() : end])
    return out


def scan_card_text(text: str) -> tuple[str, list[tuple[str, str]]]:
    """(title, [(url, kind)]) of a card file written by Masthead; NeedsExactRead otherwise."""
    if not text.startswith("---"):
        return "", [(url, "inline") for url in text_urls(text)]
    end = text.find("\n---", 3)
    if end < 0:
        raise NeedsExactRead
    front = text[text.index("\n") + 1 : end + 1]
    after = text.find("\n", end + 4)
    body = text[after + 1 :] if after >= 0 else ""
    if "&" in front or "*" in front or "\t" in front:
        raise NeedsExactRead
    title, current, note_lines = "", "", []
    found: list[tuple[str, str]] = []
    for line in front.split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0] not in " -":
            key, colon, value = line.partition(":")
            if not colon:
                raise NeedsExactRead
            current = key.strip()
            if current == "title":
                title = _scalar(value)
            elif current == "note":
                note_lines.append(value)
            elif current in _FIELD_KINDS and value.strip():
                raise NeedsExactRead  # flow style or a scalar: not the shape we write
            continue
        if current == "title":
            title = f"{title} {line.strip()}"  # a plain scalar folded over lines
        elif current == "note":
            note_lines.append(line)
        elif current in _FIELD_KINDS:
            item = line.strip().removeprefix("- ").lstrip()
            if item.startswith("url:"):
                url = _scalar(item[4:])
                if url.startswith(("http:", "https:")):
                    found.append((url, _FIELD_KINDS[current]))
    found += [(url, "inline") for url in text_urls(body)]
    if note_lines:
        note = "\n".join(note_lines)
        if note.strip().startswith('"') and "\\" in note:
            raise NeedsExactRead
        found += [(url, "inline") for url in text_urls(note)]
    return title, found
