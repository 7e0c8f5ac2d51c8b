"""The card scan of a cold ledger build, fast: the same answers as ``ledger_scan``, cheaper.

A cold ``check --archive`` reads every card file of the library, and the reference scanner
(``ledger_scan.scan_card_text``) runs half a dozen expressions over each text. Here one
expression reads a whole file written by Masthead, the Markdown is searched once for URLs,
and only a URL written right after ``](`` or ``]:`` is checked against the exact image rules
(on its own line). Whatever this path is not built for (code, comments, HTML images, headers
in another shape, quoted or commented URLs) goes to the reference functions, so the answers
are theirs; ``tests/core/test_ledger_fastscan.py`` checks that on generated Markdown.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from editor_app.core.ledger_scan import (
    _DEFINITION,
    _DUPLICATE_URL,
    _IMAGE_INLINE,
    _IMAGE_REF,
    _IMG_TAG,
    _RECORD_URL,
    _SPECIAL,
    _WEB,
    WRITTEN_FIELDS,
    NeedsExactRead,
    _date,
    _id_value,
    _literal,
    _number,
    _scalar,
    _text_value,
    scan_card_text,
    scan_manifest,
    text_urls,
)
from editor_app.core.linkscan import _TRAILING, _bare_end

# A whole card file: "---", the header as serialize_card writes it, "---", the body. A value
# holding a tab or one of the line breaks YAML knows beyond \n does not match, and the
# reference refuses it as the YAML loader's business.
_WRITTEN_FILE = re.compile(
    "---\n" + WRITTEN_FIELDS.replace(r"[^\n]", r"[^\n\t\x85\u2028\u2029]") + r"---[ \t]*(?:\n|\Z)"
)
# The same, with the records exactly as serialize_card writes them (a source's title and url,
# a link's label and url, further reading's title, url and summary): one url per record, so
# no record holds two, and the first record's url is read by the match itself.
_V = r"[^\n\t\x85\u2028\u2029]*"
_STRICT_FILE = re.compile(
    rf"---\ntitle: ({_V})\n(?:kind: {_V}\n)?status: {_V}\n(?:group: {_V}\n)?"
    rf"(?:source:\n  title: {_V}\n  url: ({_V})\n)?"
    rf"(?:links:\n- label: {_V}\n  url: ({_V})\n((?:- label: {_V}\n  url: {_V}\n)*))?"
    rf"(?:further_reading:\n- title: {_V}\n  url: ({_V})\n  summary: {_V}\n"
    rf"((?:- title: {_V}\n  url: {_V}\n  summary: {_V}\n)*))?"
    rf"(?:note: ({_V})\n)?(?:tags:\n(?:- {_V}\n)+)?---[ \t]*(?:\n|\Z)"
)
_TRIMMED = frozenset(_TRAILING + ")]}")  # a bare URL ending in one of these may be cut
# Where an image's URL can begin: after "](" or "]:", blanks (for "]:" only spaces and tabs,
# which the exact check sees to) and one "<". Matches cannot overlap: each ends before an "h".
_AFTER_BRACKET = re.compile(r"\][(:]\s*<?(?=https?://)", re.I)


def scan_card_fast(text: str) -> tuple[str, list[tuple[str, str]]]:
    """What ``scan_card_text`` answers for ``text`` (raising ``NeedsExactRead`` alike)."""
    strict = _STRICT_FILE.match(text)
    if strict is not None:
        title, source, link, links, further, furthers, note = strict.groups()
        found: list[tuple[str, str]] = []
        for first, more, kind in (
            (source, None, "source"), (link, links, "link"), (further, furthers, "further")
        ):  # fmt: skip
            if first is not None:
                _add_record_url(found, first, kind)
                for raw in _RECORD_URL.findall(more) if more else ():
                    _add_record_url(found, raw, kind)
    else:
        written = _WRITTEN_FILE.match(text)
        if written is None:
            return scan_card_text(text)
        title, source, links, further, note = written.groups()
        found = []
        for block, kind in ((source, "source"), (links, "link"), (further, "further")):
            if block and "url:" in block:
                if _DUPLICATE_URL.search(block):
                    raise NeedsExactRead
                for raw in _RECORD_URL.findall(block):
                    _add_record_url(found, raw, kind)
        strict = written
    body = text[strict.end() :]
    if "://" in body:
        found += [(url, "inline") for url in text_urls_fast(body)]
    if note:
        note = _scalar(note)
        if "://" in note:
            found += [(url, "inline") for url in text_urls_fast(note)]
    return _scalar(title), found


def _add_record_url(found: list[tuple[str, str]], raw: str, kind: str) -> None:
    # A plain URL is its own scalar; anything else is read by the rules.
    if raw[:4] != "http" or " #" in raw or raw[-1].isspace():
        raw = _scalar(raw)
    if raw.startswith(("http:", "https:")):
        found.append((raw, kind))


def text_urls_fast(text: str) -> list[str]:
    """What ``ledger_scan.text_urls`` answers for ``text``."""
    if "://" not in text:
        return []
    if "`" in text or "~~~" in text or ("<" in text and ("<!--" in text or _IMG_TAG.search(text))):
        return text_urls(text)  # code, comments and HTML images: the reference rules
    if "![" in text:  # without an image nothing is left out
        images = _image_starts(text, [m.end() for m in _AFTER_BRACKET.finditer(text)])
        if images:
            out = []
            for m in _WEB.finditer(text):
                start, end = m.span()
                if start not in images:
                    if text[end - 1] in _TRIMMED:
                        end = _bare_end(text, start, end)
                    if end - start > 8:  # longer than "https://"
                        out.append(text[start:end])
            return out
    out = []
    for url in _WEB.findall(text):
        if url[-1] in _TRIMMED:  # linkscan._bare_end on the URL alone
            url = url[: _bare_end(url, 0, len(url))]
        if len(url) > 8:
            out.append(url)
    return out


def _image_starts(text: str, suspects: list[int]) -> set[int]:
    """Which of the places where an image's URL may begin hold one, by the reference rules."""
    found: set[int] = set()
    labels: set[str] | None = None  # labels images use, read once if a definition needs them
    for start in suspects:
        i = start
        if text[i - 1] == "<":
            i -= 1
        while text[i - 1].isspace():  # str.isspace and the pattern's \s agree
            i -= 1
        if text[i - 1] == "(":
            line = _line_start(text, i)
            if text.find("![", line, i) >= 0 and _image_inline_ends_at(text, line, start):
                found.add(start)
        else:  # "]:" on the line of the URL: a reference definition, if an image uses it
            m = _DEFINITION.match(text, _line_start(text, start))
            if m is not None and m.end() == start:
                if labels is None:
                    labels = {_label_key(b or a) for a, b in _IMAGE_REF.findall(text)}
                if _label_key(m.group(1)) in labels:
                    found.add(start)
    return found


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _image_inline_ends_at(text: str, line: int, start: int) -> bool:
    """Whether the reference's search for ``![alt](`` has a match ending at ``start``.

    The alt text never spans lines, so only ``line``, the line of the ``](``, is searched:
    matches from earlier lines reach into it over blanks and a ``<`` only.
    """
    return any(m.end() == start for m in _IMAGE_INLINE.finditer(text, line, start))


def _label_key(label: str) -> str:
    return " ".join(label.split()).casefold()


# -- issue.yaml -------------------------------------------------------------------------------
# A manifest in the order and shape ``storage`` writes it: the head by one match, then one
# match per outline section. The values go through the reference's own readers; any other
# shape (comments, nested cards, blank or continued lines, other keys) is the reference's.
_ID = r"[A-Za-z_][\w-]*"
_MANIFEST_HEAD = re.compile(
    rf"format: {_V}\ntitle: ({_V})\nnumber: ({_V})\ndate: ({_V})\nslug: ({_V})\n"
    rf"status: {_V}\nlanguage: {_V}\n(?:summary: {_V}\n(?:  {_V}\n|\n)*)?(?:cover: {_V}\n)?"
    rf"(?:tags:\n(?:- {_V}\n)*)?numbering:\n(?:  {_V}\n)*(?:export:\n(?:  {_V}\n)*)?"
    r"outline:(?: (\[\])\n\Z|\n)"
)
_SECTION = re.compile(
    rf"- id: ({_ID})\n  emoji: ({_V})\n  title: ({_V})\n"
    rf"(?:  intro: (?:(\|[-+]?)\n((?:    {_V}\n|\n)*)|({_V})\n))?"
    rf"  cards:(?: \[\]\n|\n((?:  - {_ID}\n)*))"
)
_CARD_IDS = re.compile(rf"  - ({_ID})\n")
# Section titles and emoji repeat from issue to issue: each distinct value is read once.
_text = functools.lru_cache(maxsize=4096)(_text_value)


def scan_manifest_fast(text: str) -> dict[str, Any]:
    """What ``ledger_scan.scan_manifest`` answers for ``text`` (raising alike)."""
    head = _MANIFEST_HEAD.match(text)
    if head is None or any(ch in text for ch in "\t\r\x85\u2028\u2029\ufeff"):
        return scan_manifest(text)
    title, number, date, slug, empty = head.groups()
    data: dict[str, Any] = {
        "title": _text(title),
        "number": _number(number),
        "date": _date(date),
        "slug": _text(slug),
    }
    sections: list[dict[str, Any]] = []
    pos = head.end()
    while empty is None and pos < len(text):
        m = _SECTION.match(text, pos)
        if m is None:
            return scan_manifest(text)
        section_id, emoji, section_title, style, block, plain, cards = m.groups()
        entry = {"id": _id_value(section_id), "emoji": _text(emoji), "title": _text(section_title)}
        if style is not None:
            entry["intro"] = _literal(style, block[:-1].split("\n") if block else [])
        elif plain is not None:
            entry["intro"] = _text(plain)
        ids = _CARD_IDS.findall(cards) if cards else []
        if not _SPECIAL.isdisjoint(map(str.lower, ids)):
            raise NeedsExactRead  # YAML reads these words as null or booleans
        entry["cards"] = ids
        sections.append(entry)
        pos = m.end()
    data["outline"] = sections
    return data
