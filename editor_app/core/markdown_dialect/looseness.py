"""Tight and loose lists as CommonMark decides them: per list, not per item.

python-markdown wraps an item's text in ``<p>`` when a blank line precedes it, so one list can
mix wrapped and bare items, and the blank lines the list normaliser adds for python-markdown's
sake would make lists loose. The normaliser records, for each list in document order, whether
CommonMark calls it loose (a blank line between two items, or between two blocks of one item);
here every item of a loose list gets its text in a paragraph and no item of a tight list does.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markdown.treeprocessors import Treeprocessor

_BLOCKS = {
    "p", "ul", "ol", "pre", "blockquote", "table", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "div",
}  # fmt: skip


class ListLooseness(Treeprocessor):
    # Whether the last run had to guess (the lists differ from the normaliser's): a guess is
    # made for the whole document at once, so core/render.py does not render such a text in
    # parts.
    guessed = False

    def run(self, root: ET.Element) -> None:
        lists = [el for el in root.iter() if el.tag in {"ul", "ol"}]
        try:  # a Registry, not a dict: no .get()
            recorded: list[bool] = self.md.preprocessors["dialect_lists"].loose  # type: ignore[attr-defined]
        except KeyError:
            recorded = []
        self.guessed = len(recorded) != len(lists)
        if self.guessed:
            # The structure differs from what the normaliser saw: trust python-markdown's own
            # wrapping, made uniform per list.
            recorded = [any(_wrapped(li) for li in lst if li.tag == "li") for lst in lists]
        for lst, loose in zip(lists, recorded, strict=True):
            for li in lst:
                if li.tag != "li":
                    continue
                if loose:
                    if (li.text or "").strip() or (len(li) and li[0].tag not in _BLOCKS):
                        _wrap_inline_start(li)
                else:
                    _unwrap_paragraphs(li)


def _wrapped(li: ET.Element) -> bool:
    return bool(len(li) and li[0].tag == "p" and not (li.text or "").strip())


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


def _unwrap_paragraphs(li: ET.Element) -> None:
    """A tight item shows its paragraphs' content directly, as CommonMark renders it."""
    index = 0
    while index < len(li):
        p = li[index]
        if p.tag != "p":
            index += 1
            continue
        kids = list(p)
        li.remove(p)
        text = p.text or ""
        if index == 0:
            li.text = (li.text or "") + text
        else:
            prev = li[index - 1]
            if prev.tag in _BLOCKS and text and not (prev.tail or "").endswith("\n"):
                # Text after a block (a heading) starts a line, as CommonMark writes it.
                text = "\n" + text
            prev.tail = (prev.tail or "") + text
        for offset, kid in enumerate(kids):
            li.insert(index + offset, kid)
        index += len(kids)
        tail = "\n" + (p.tail or "").lstrip("\n") if p.tail or index < len(li) else p.tail
        if index == 0:
            li.text = (li.text or "") + (tail or "")
        else:
            last = li[index - 1]
            last.tail = (last.tail or "") + (tail or "")
