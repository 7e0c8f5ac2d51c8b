"""GFM's extended autolinks: bare ``http(s)://`` and ``www.`` addresses become links.

Runs on the finished tree, so text inside code, pre and existing links is never touched.
The rules are GFM's: a link starts at the beginning of a text, after whitespace or after one of
``*_~(``; the domain is letters, digits, ``-`` and ``_`` with at least one dot (no ``_`` in the
last two labels); trailing ``?!.,:*_~`` and ``"'`` are not part of it, nor an unbalanced trailing
``)``, nor a trailing entity-like ``&name;``. Like Goldmark, the link also ends at the first
non-ASCII character, so ``www.example.com，中文`` links only the address, and a ``www.`` link
points to ``https://``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from markdown.treeprocessors import Treeprocessor

_CANDIDATE = re.compile(r"(?:^|(?<=[\s*_~(]))(?P<url>(?:https?://|www\.)[!-;=?-~]*)", re.IGNORECASE)
_DOMAIN = re.compile(r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*")
_TRAILING = "?!.,:*_~\"'"
_ENTITY_TAIL = re.compile(r"&[A-Za-z0-9]+;$")
_SKIP = {"a", "code", "pre", "script", "style"}
_HINT = re.compile(r"://|www\.", re.IGNORECASE)


def trim(candidate: str) -> str:
    """The part of a candidate that GFM links (empty when it is no link at all)."""
    url = candidate
    while url:
        if url[-1] in _TRAILING or (url.endswith(")") and url.count(")") > url.count("(")):
            url = url[:-1]
        elif url.endswith(";") and _ENTITY_TAIL.search(url):
            url = url[: _ENTITY_TAIL.search(url).start()]  # type: ignore[union-attr]
        else:
            break
    scheme = re.match(r"https?://|www\.", url, re.IGNORECASE)
    if scheme is None:
        return ""
    host = _DOMAIN.match(url, scheme.end())
    if host is None:
        return ""
    labels = host.group(0).split(".")
    if url[: scheme.end()].lower() == "www.":
        labels = ["www", *labels]
    if len(labels) < 2 or "" in labels[-2:] or any("_" in x for x in labels[-2:]):
        return ""
    return url


def href(url: str) -> str:
    return "https://" + url if url[:4].lower() == "www." else url


def split_text(text: str) -> list[str | ET.Element]:
    """Text cut into plain strings and ``<a>`` elements."""
    parts: list[str | ET.Element] = []
    pos = 0
    for m in _CANDIDATE.finditer(text):
        if m.start() < pos:
            continue
        url = trim(m["url"])
        if not url:
            continue
        parts.append(text[pos : m.start()])
        link = ET.Element("a", {"href": href(url)})
        link.text = url
        parts.append(link)
        pos = m.start() + len(url)
    if not parts:
        return [text]
    parts.append(text[pos:])
    return parts


class Autolinker(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        self._walk(root)

    def _walk(self, el: ET.Element) -> None:
        if el.tag in _SKIP:
            return
        for child in list(el):
            self._walk(child)
        if el.text and _HINT.search(el.text):
            parts = split_text(el.text)
            if len(parts) > 1:
                el.text = None
                self._insert(el, 0, None, parts)
        for child in list(el):
            if child.tail and _HINT.search(child.tail):
                parts = split_text(child.tail)
                if len(parts) > 1:
                    child.tail = None
                    self._insert(el, list(el).index(child) + 1, child, parts)

    @staticmethod
    def _insert(
        parent: ET.Element, at: int, before: ET.Element | None, parts: list[str | ET.Element]
    ) -> None:
        last = before
        for part in parts:
            if isinstance(part, str):
                if last is None:
                    parent.text = (parent.text or "") + part
                else:
                    last.tail = (last.tail or "") + part
            else:
                parent.insert(at, part)
                at += 1
                last = part
