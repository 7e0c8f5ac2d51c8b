"""A quick reader for the plain card headers Masthead writes, beside the YAML loader.

Opening an issue of thousands of cards spent most of its time in PyYAML's pure-Python
loader reading headers like::

    title: '[CNCF] 2026 年度云原生调查'
    status: ready
    source:
      title: CNCF Annual Survey
      url: https://www.cncf.io/reports/
    links:
    - label: 报告
      url: https://example.org/r.pdf
    tags:
    - survey

``read_plain`` reads that shape line by line: ``key: value`` lines, one level of
``  key: value`` mapping, and lists of scalars or of such mappings, where every value is a
scalar YAML reads as the very text written (plain, 'single' or "double" quoted without
escapes). Whenever anything is less plain (a comment, a block or flow value, a tag, an
anchor, a value YAML would read as a number, a date, a boolean or null, a tab, a line break
character YAML knows and Python does not split on), it answers None and the caller reads
the header with the YAML loader, which also reports errors with their lines.
"""

from __future__ import annotations

import re
from typing import Any

from yaml.resolver import Resolver

_KEY = r"[A-Za-z_][A-Za-z0-9_]*"
_TOP = re.compile(rf"({_KEY}):(?: (.*))?")
_NESTED = re.compile(rf"  ({_KEY}):(?: (.*))?")
_ITEM_KEY = re.compile(rf"- ({_KEY}):(?: (.*))?")
# Characters a YAML scalar may hold as they are: printable, and no line break YAML knows
# beyond "\n" (NEL and the Unicode line and paragraph separators are breaks there).
_PLAIN_CHARS = re.compile(
    "[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]*"
)
_SINGLE = re.compile(r"'(?:[^']|'')*'")
_DOUBLE = re.compile(r'"[^"\\]*"')
# Plain scalars YAML 1.1 resolves to something other than text (booleans, null) by spelling.
_NOT_TEXT = frozenset(["y", "yes", "n", "no", "true", "false", "on", "off", "null", "~"])
# A plain scalar's first character that makes it YAML syntax.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@` ")
# PyYAML's own rules for what a plain scalar means (numbers, dates, booleans, null, "="),
# by first character, as the loader applies them.
_RESOLVERS = Resolver.yaml_implicit_resolvers


class _NotPlain(Exception):
    pass


def _scalar(raw: str | None) -> str | None:
    """The text YAML reads from ``raw`` (None for an empty value), or _NotPlain."""
    if raw is None:
        return None
    value = raw.strip(" ")
    if not value:
        return None
    if not _PLAIN_CHARS.fullmatch(value):
        raise _NotPlain
    first = value[0]
    if first == "'":
        if not _SINGLE.fullmatch(value):
            raise _NotPlain
        return value[1:-1].replace("''", "'")
    if first == '"':
        if not _DOUBLE.fullmatch(value):
            raise _NotPlain
        return value[1:-1]
    if (
        first in _INDICATORS
        or ": " in value
        or " #" in value
        or value.endswith(":")
        or value.lower() in _NOT_TEXT
        or any(regexp.match(value) for _tag, regexp in _RESOLVERS.get(first, ()))
    ):
        raise _NotPlain
    return value


def _key(key: str, mapping: dict[str, Any]) -> str:
    if key.lower() in _NOT_TEXT or key in mapping:
        raise _NotPlain  # a key YAML reads as a boolean, or one written twice
    return key


def _list(lines: list[str]) -> list[Any]:
    items: list[Any] = []
    for line in lines:
        if line.startswith("- "):
            match = _ITEM_KEY.fullmatch(line)
            if match:
                record: dict[str, Any] = {}
                record[_key(match.group(1), record)] = _scalar(match.group(2))
                items.append(record)
            else:
                items.append(_scalar(line[2:]))
        elif line.startswith("  ") and items and isinstance(items[-1], dict):
            _entry(_NESTED.fullmatch(line), items[-1])
        else:
            raise _NotPlain
    return items


def _entry(match: re.Match[str] | None, mapping: dict[str, Any]) -> None:
    if match is None:
        raise _NotPlain
    mapping[_key(match.group(1), mapping)] = _scalar(match.group(2))


def read_plain(front: str) -> dict[str, Any] | None:
    """What the YAML loader reads from the header ``front``, or None when it is not plain."""
    if "\t" in front or "\r" in front:
        return None
    lines = front.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    data: dict[str, Any] = {}
    i = 0
    try:
        while i < len(lines):
            match = _TOP.fullmatch(lines[i])
            if match is None:
                return None
            key = _key(match.group(1), data)
            i += 1
            block_start = i
            while i < len(lines) and lines[i][:1] in (" ", "-"):
                i += 1
            block = lines[block_start:i]
            rest = match.group(2)
            if block and rest is not None and rest.strip(" "):
                return None  # a value on the key's line and more lines under it
            if not block:
                data[key] = _scalar(rest)
            elif block[0].startswith("- "):
                data[key] = _list(block)
            else:
                mapping: dict[str, Any] = {}
                for line in block:
                    _entry(_NESTED.fullmatch(line), mapping)
                data[key] = mapping
    except _NotPlain:
        return None
    return data
