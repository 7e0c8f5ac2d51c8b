"""Reading the text of a card header without the YAML loader, for the shape Masthead writes.

Constructing 30,000 headers with the YAML loader was two thirds of a cold index build. The
search needs only the text of a few fields, so the header is read line by line in the shape
``issue_format.serialize_card`` writes (``yamlio.dump_yaml``: one line per value, literal blocks
for text with line breaks, items at the margin). Anything else (flow style, folded or
indented blocks, escapes, anchors, tabs) raises ``NotPlain`` and the YAML loader reads it.
"""

from __future__ import annotations

import re

# Fields whose records (source, links, further reading) are searched as link text.
RECORD_FIELDS = frozenset({"source", "links", "further_reading"})
_KEY = re.compile(r"([A-Za-z_][\w-]*):(?: (.*))?$")
_ITEM_KEY = re.compile(r"(?:- |  )+([A-Za-z_][\w-]*):(?: (.*))?$")
_LITERAL = frozenset({"|", "|-", "|+"})


class NotPlain(Exception):
    """The header is not in the plain written shape; read it with the YAML loader."""


def _scalar(value: str) -> str:
    value = value.strip()
    if not value:
        return ""
    first = value[0]
    if first == "'":
        if len(value) < 2 or not value.endswith("'"):
            raise NotPlain
        return value[1:-1].replace("''", "'")
    if first == '"':
        if len(value) < 2 or not value.endswith('"') or "\\" in value:
            raise NotPlain
        return value[1:-1]
    if first in "[{&*!|>%@`":
        raise NotPlain
    return value.split(" #", 1)[0].rstrip()


def _literal(block: list[str]) -> str:
    lines = []
    for line in block:
        if line and not line.startswith("  "):
            raise NotPlain  # a literal block's lines are indented by two
        lines.append(line[2:])
    return "\n".join(lines).strip("\n")


def read_header(front: str) -> tuple[str, str, list[str]]:
    """(title, note, the texts of the link records) of a card header; NotPlain otherwise."""
    if "\t" in front or "&" in front or "*" in front or "\r" in front:
        raise NotPlain
    lines = front.split("\n")
    title = note = ""
    links: list[str] = []
    i, count = 0, len(lines)
    while i < count:
        line = lines[i]
        if not line:
            i += 1
            continue
        key = _KEY.match(line)
        if key is None:
            raise NotPlain  # a comment, a stray item or a continued value
        j = i + 1
        while j < count and (not lines[j] or lines[j][0] in " -"):
            j += 1
        name, rest, block = key.group(1), key.group(2) or "", lines[i + 1 : j]
        block_text = [b for b in block if b.strip()]
        if name in ("title", "note"):
            if rest.strip() in _LITERAL:
                value = _literal(block)
            elif block_text:
                raise NotPlain  # a plain value continued on the next line
            else:
                value = _scalar(rest)
            if name == "title":
                title = value
            else:
                note = value
        elif name in RECORD_FIELDS:
            if rest.strip():
                raise NotPlain  # flow style
            for item in block_text:
                record = _ITEM_KEY.match(item)
                if record is None or (record.group(2) or "")[:1] in ("|", ">"):
                    raise NotPlain
                text = _scalar(record.group(2) or "")
                if text:
                    links.append(text)
        i = j
    return title, note, links
