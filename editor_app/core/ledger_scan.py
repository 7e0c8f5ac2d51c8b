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
_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*):(.*)$", re.M)  # a key of the header at column 0
_ANCHOR = re.compile(r"(^|[\s\[{,:-])[&*]\S", re.M)  # a YAML anchor or alias
_URL_LINE = re.compile(r"^[ -]+url:(.*)$", re.M)  # the url of a record in a list or mapping


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
    if "\t" in front or _ANCHOR.search(front):
        raise NeedsExactRead
    title, note = "", ""
    found: list[tuple[str, str]] = []
    keys = list(_TOP_KEY.finditer(front))
    if not keys or keys[0].start() != 0:
        raise NeedsExactRead
    for n, key in enumerate(keys):
        name, value = key.group(1), key.group(2)
        block = front[key.end() : keys[n + 1].start() if n + 1 < len(keys) else len(front)]
        if name == "title":
            title = " ".join([_scalar(value), *(x.strip() for x in block.split("\n") if x.strip())])
        elif name == "note":
            note = value + block
        elif name in _FIELD_KINDS:
            if value.strip():
                raise NeedsExactRead  # flow style or a scalar: not the shape we write
            kind = _FIELD_KINDS[name]
            for raw in _URL_LINE.findall(block):
                url = _scalar(raw)
                if url.startswith(("http:", "https:")):
                    found.append((url, kind))
    found += [(url, "inline") for url in text_urls(body)]
    if note:
        if note.strip().startswith('"') and "\\" in note:
            raise NeedsExactRead
        found += [(url, "inline") for url in text_urls(note)]
    return title, found
