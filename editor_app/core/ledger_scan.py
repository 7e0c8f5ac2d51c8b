"""A cheap link scan for the archive ledger: the web URLs of a card file and their kinds.

The ledger only needs each card's title and which web URLs it holds (its source, project
links, further reading, and the URLs written in its body and note). Reading 15 000 card
files through the YAML loader and the full Markdown link scanner took seconds, so the card
header is read line by line (the shape ``issue_format.serialize_card`` writes) and the Markdown is
searched for URLs with one expression; images, code and comments are left out. A header in
any other shape (anchors, flow style, escapes in quoted values) is read by the exact path.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from editor_app.core.linkscan import _CODE_SPAN, _bare_end, _fenced_ranges

# Field of the card header -> ledger kind of the URLs its records hold.
_FIELD_KINDS = {"source": "source", "links": "link", "further_reading": "further"}
_WEB = re.compile(r"https?://[!#-;=?-~]+", re.I)  # printable ASCII but space, <, > and "
_IMAGE_INLINE = re.compile(r"!\[(?:[^\]\\\n]|\\.)*\]\(\s*<?")
_IMAGE_REF = re.compile(r"!\[((?:[^\]\\\n]|\\.)*)\](?:\[((?:[^\]\\\n]|\\.)*)\])?")
_IMAGE_HTML = re.compile(r"""<img\b[^<>]*?\ssrc\s*=\s*["']?""", re.I)
_DEFINITION = re.compile(r"^ {0,3}\[((?:[^\]\\\n]|\\.)+)\]:[ \t]*<?", re.M)
_IMG_TAG = re.compile(r"<img", re.I)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*):(.*)$", re.M)  # a key of the header at column 0
_ANCHOR = re.compile(r"(^|[\s\[{,:-])[&*]\S", re.M)  # a YAML anchor or alias
_URL_LINE = re.compile(r"^[ -]+url:(.*)$", re.M)  # the url of a record in a list or mapping


# The whole header in the order and shape ``issue_format.serialize_card`` writes, every value on
# one line: one match instead of a walk over the keys. Anything else takes the general path.
WRITTEN_FIELDS = (
    r"title: ([^\n]*)\n"
    r"(?:kind: [^\n]*\n)?"
    r"status: [^\n]*\n"
    r"(?:group: [^\n]*\n)?"
    r"(?:source:\n((?:  [a-z_]+:(?: [^\n]*)?\n)+))?"
    r"(?:links:\n((?:[ -] [a-z_]+:(?: [^\n]*)?\n)+))?"
    r"(?:further_reading:\n((?:[ -] [a-z_]+:(?: [^\n]*)?\n)+))?"
    r"(?:note: ([^\n]*)\n)?"
    r"(?:tags:\n(?:- [^\n]*\n)+)?"
)
_WRITTEN = re.compile(WRITTEN_FIELDS + r"\Z")
# Every line of a record list or mapping is "key: value" (items may be indented).
_KEY_LINES = re.compile(r"(?:\n|(?:- |  )+[A-Za-z_][\w-]*:(?: [^\n]*)?\n)*(?:  )*")
# A second url key in one record (no "- " item starts between the two).
_DUPLICATE_URL = re.compile(r"^[ -] url:[^\n]*\n(?:  [^\n]*\n)*?  url:", re.M)
_COMMENT_LINE = re.compile(r"^[ ]*#", re.M)
_RECORD_URL = re.compile(r"^[ -] url: ([^\n]*)$", re.M)
# Plain scalars YAML reads as null or a boolean, not as the text written.
_SPECIAL = frozenset(["~", "null", "true", "false", "yes", "no", "on", "off", "y", "n"])


class NeedsExactRead(Exception):
    """The header is not in the plain shape this scanner reads; use the YAML loader."""


def decode_file(raw: bytes) -> str:
    """The text of a card file as ``open(encoding="utf-8-sig")`` reads it, a third cheaper."""
    text = raw.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:  # universal newlines, as text mode reads them
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


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
    if value[0] in "[{&*!|>%@`#":
        raise NeedsExactRead
    value = value.split(" #", 1)[0].rstrip()
    if value.lower() in _SPECIAL:
        raise NeedsExactRead
    return value


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
        if "](" in text:
            image_starts.update(m.end() for m in _IMAGE_INLINE.finditer(text))
        # Only a reference definition can point an image label at a URL.
        definitions = list(_DEFINITION.finditer(text)) if "]:" in text else []
        if definitions:
            labels = {
                " ".join((m.group(2) or m.group(1)).split()).casefold()
                for m in _IMAGE_REF.finditer(text)
            }
            for m in definitions:
                if " ".join(m.group(1).split()).casefold() in labels:
                    image_starts.add(m.end())
    if "<" in text and _IMG_TAG.search(text):
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
    if not text.startswith("---\n"):
        raise NeedsExactRead  # the card reader refuses it: unreadable, features nothing
    end = text.find("\n---", 3)
    if end < 0:
        raise NeedsExactRead
    front = text[4 : end + 1]
    after = text.find("\n", end + 4)
    if text[end + 4 : after if after >= 0 else len(text)].strip(" \t"):
        raise NeedsExactRead  # "---" followed by text does not close the header
    body = text[after + 1 :] if after >= 0 else ""
    if "\t" in front or "\x85" in front or "\u2028" in front or "\u2029" in front:
        raise NeedsExactRead  # tabs and the line breaks YAML knows beyond \n
    written = _WRITTEN.match(front)
    if written is not None:
        return _scan_written(written, body)
    if _ANCHOR.search(front) or _COMMENT_LINE.search(front):
        raise NeedsExactRead  # anchors, or comments the general walk would take as text
    title, note = "", ""
    found: list[tuple[str, str]] = []
    keys = list(_TOP_KEY.finditer(front))
    if not keys or keys[0].start() != 0 or len({k.group(1) for k in keys}) != len(keys):
        raise NeedsExactRead  # a duplicate key is refused by the card reader
    for n, key in enumerate(keys):
        name, value = key.group(1), key.group(2)
        block = front[key.end() : keys[n + 1].start() if n + 1 < len(keys) else len(front)]
        if name == "title":
            if " #" in block:
                raise NeedsExactRead  # a comment after a continued title
            title = " ".join([_scalar(value), *(x.strip() for x in block.split("\n") if x.strip())])
        elif name == "note":
            note = value + block
        elif name in _FIELD_KINDS:
            if value.strip():
                raise NeedsExactRead  # flow style or a scalar: not the shape we write
            if not _KEY_LINES.fullmatch(block) or _DUPLICATE_URL.search(block):
                raise NeedsExactRead  # continued values, bare items, a record's url twice
            kind = _FIELD_KINDS[name]
            for raw in _URL_LINE.findall(block):
                url = _scalar(raw)
                if url.startswith(("http:", "https:")):
                    found.append((url, kind))
    found += [(url, "inline") for url in text_urls(body)]
    if note.strip()[:1] in ("'", '"'):
        if "\n" in note.strip():
            raise NeedsExactRead  # a quoted note over several lines
        note = _scalar(note)
    if note:
        found += [(url, "inline") for url in text_urls(note)]
    return title, found


def _scan_written(written: re.Match[str], body: str) -> tuple[str, list[tuple[str, str]]]:
    title, source, links, further, note = written.groups()
    found: list[tuple[str, str]] = []
    for block, kind in ((source, "source"), (links, "link"), (further, "further")):
        if block and "url:" in block:
            if _DUPLICATE_URL.search(block):
                raise NeedsExactRead
            for raw in _RECORD_URL.findall(block):
                url = _scalar(raw)
                if url.startswith(("http:", "https:")):
                    found.append((url, kind))
    found += [(url, "inline") for url in text_urls(body)]
    if note:
        found += [(url, "inline") for url in text_urls(_scalar(note))]
    return _scalar(title), found


# -- issue.yaml -------------------------------------------------------------------------------
# The ledger needs five fields of a manifest: slug, title, number, date and the outline's
# section ids, titles and intros and card ids. Read in the block shape ``storage`` writes them;
# anything else (comments, flow style, folded or continued values, tags) goes to YAML.
_MANIFEST_KEY = re.compile(r"([A-Za-z_][\w-]*):(?: (.*))?\Z")
_SECTION_KEY = re.compile(r"(?:- |  )([A-Za-z_][\w-]*):(?: (.*))?\Z")
_OUTLINE_ID = re.compile(r"[A-Za-z_][\w-]*\Z")
_CARD_ITEM = re.compile(r"  ( *)- ([A-Za-z_][\w-]*)(:?)\Z")
_NOT_TEXT = re.compile(r"[-+.\d?:,\]}=]")  # starts a number, a date or YAML syntax
_DECIMAL = re.compile(r"[1-9]\d*|0\Z")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_NULL = frozenset(["", "~", "null", "Null", "NULL"])
_LITERAL_CHOMP = {"|-": "strip", "|": "clip", "|+": "keep"}


def _text_value(value: str) -> str:
    """A plain or quoted scalar that YAML reads as this very string; NeedsExactRead if not."""
    v = value.strip()
    plain = bool(v) and v[0] not in "'\""
    if plain and ((_NOT_TEXT.match(v) and not _DECIMAL.fullmatch(v)) or ": " in v or v[-1] == ":"):
        raise NeedsExactRead
    return _scalar(value)


def _id_value(value: str) -> str:
    v = value.strip()
    if not _OUTLINE_ID.match(v) or v.lower() in _SPECIAL:
        raise NeedsExactRead
    return v


def _literal(style: str, lines: list[str]) -> str:
    """The text of a ``|`` block scalar whose content lines (``lines``) are indented 4."""
    content = [x for x in lines if x.strip()]
    if content and (content[0].startswith("     ") or not all(x[:4] == "    " for x in content)):
        raise NeedsExactRead  # an indentation indicator or a stray line: YAML decides
    text = "\n".join(x[4:] for x in lines)
    if _LITERAL_CHOMP[style] == "strip":
        return text.rstrip("\n")
    if _LITERAL_CHOMP[style] == "clip":
        return text.rstrip("\n") + "\n" if text.strip("\n") else ""
    return text + "\n"


def _section_block(lines: list[str], start: int) -> tuple[dict[str, Any], int]:
    """One outline entry from ``lines[start]`` (its "- " line); (entry, next line index)."""
    entry: dict[str, Any] = {}
    i = start
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if i > start and not line.startswith("  "):
            break  # the next entry, or the end of the outline
        m = _SECTION_KEY.match(line)
        if m is None or (i > start and line.startswith("- ")) or m.group(1) in entry:
            raise NeedsExactRead
        key, value = m.group(1), m.group(2) or ""
        i += 1
        if key == "cards":
            ids: list[str] = []
            if value.strip() == "[]":
                entry[key] = ids
                continue
            if value.strip():
                raise NeedsExactRead
            while i < len(lines) and (item := _CARD_ITEM.match(lines[i])) is not None:
                card_id = item.group(2)  # an outline id already: only YAML's words are not
                if card_id.lower() in _SPECIAL:
                    raise NeedsExactRead
                ids.append(card_id)
                i += 1
            entry[key] = ids
            continue
        if key == "intro" and value.strip() in _LITERAL_CHOMP:
            end = i
            while end < len(lines) and (not lines[end].strip() or lines[end].startswith("   ")):
                end += 1
            entry[key] = _literal(value.strip(), lines[i:end])
            i = end
            continue
        if key == "id":
            entry[key] = _id_value(value)
        elif key in ("title", "intro", "emoji"):
            entry[key] = _text_value(value)
        else:
            raise NeedsExactRead
        if i < len(lines) and lines[i].startswith("   "):
            raise NeedsExactRead  # a value continued on the next line
    return entry, i


def _number(value: str) -> int | None:
    v = value.strip()
    if v in _NULL:
        return None
    if _DECIMAL.fullmatch(v):
        return int(v)
    raise NeedsExactRead


def _date(value: str) -> dt.date | str | None:
    v = value.strip()
    if v in _NULL:
        return None
    if v[0] in "'\"":
        return _scalar(v)
    if not _ISO_DATE.match(v):
        raise NeedsExactRead
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        raise NeedsExactRead from None


def scan_manifest(text: str) -> dict[str, Any]:
    """The fields of issue.yaml the ledger reads (slug, title, number, date, outline with
    section id, title, intro and card ids in order), as the YAML loader reads them;
    NeedsExactRead for any manifest not in the plain shape Masthead writes."""
    if any(ch in text for ch in "\t\r\x85\u2028\u2029\ufeff"):
        raise NeedsExactRead  # the line breaks and blanks YAML knows beyond \n and space
    lines = text.split("\n")
    data: dict[str, Any] = {}
    seen: set[str] = set()
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        m = _MANIFEST_KEY.match(line)
        if m is None or m.group(1) in seen:
            raise NeedsExactRead  # a comment, a document marker, a duplicate key…
        key, value = m.group(1), m.group(2) or ""
        seen.add(key)
        end = i + 1
        while end < len(lines) and (not lines[end].strip() or lines[end][0] in " -"):
            end += 1
        block = lines[i + 1 : end]
        if key == "outline":
            data[key] = _outline(value, block)
        elif key in ("title", "slug", "number", "date"):
            if any(x.strip() for x in block):
                raise NeedsExactRead  # continued on the next lines
            if key == "number":
                data[key] = _number(value)
            elif key == "date":
                data[key] = _date(value)
            else:
                data[key] = _text_value(value)
        i = end
    return data


def _outline(value: str, block: list[str]) -> list[dict[str, Any]]:
    if value.strip() == "[]":
        return []
    if value.strip():
        raise NeedsExactRead
    sections: list[dict[str, Any]] = []
    i = 0
    while i < len(block):
        if not block[i].strip():
            i += 1
            continue
        if not block[i].startswith("- "):
            raise NeedsExactRead
        entry, i = _section_block(block, i)
        sections.append(entry)
    return sections
