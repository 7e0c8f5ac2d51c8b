"""Tight and loose lists as CommonMark decides them: per list, not per item.

python-markdown wraps an item in ``<p>`` when a blank line precedes it, so one list can mix
wrapped and bare items. CommonMark makes the whole list loose when any two of its items (or two
blocks inside one item) are separated by a blank line: then every item's text is a paragraph.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markdown.treeprocessors import Treeprocessor

_BLOCKS = {
    "p",
    "ul",
    "ol",
    "pre",
    "blockquote",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "div",
}


class ListLooseness(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for lst in list(root.iter()):
            if lst.tag not in {"ul", "ol"}:
                continue
            items = [li for li in lst if li.tag == "li"]
            if not any(
                len(li) and li[0].tag == "p" and not (li.text or "").strip() for li in items
            ):
                continue
            for li in items:
                if (li.text or "").strip() or (len(li) and li[0].tag not in _BLOCKS):
                    _wrap_inline_start(li)


def _wrap_inline_start(li: ET.Element) -> None:
    """Move the item's leading text and inline children into a new first ``<p>``."""
    p = ET.Element("p")
    p.text = (li.text or "").strip("\n") or None
    li.text = None
    while len(li) and li[0].tag not in _BLOCKS:
        child = li[0]
        li.remove(child)
        p.append(child)
    if len(p):
        p[-1].tail = (p[-1].tail or "").rstrip("\n") or None
    li.insert(0, p)
