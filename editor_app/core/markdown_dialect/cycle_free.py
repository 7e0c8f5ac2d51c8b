"""python-markdown's table-of-contents and raw-HTML steps, without their reference cycles.

Both build a recursive inner function on every render, a function that refers to itself
through its closure. Such a cycle outlives the render until the cyclic garbage collector
finds it, and that collector runs on the UI thread (gui/gc_guard.py): with a whole issue
rendered in the background, thousands of them a second made its pauses long enough to
feel while typing. The output is unchanged.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

import markdown
from markdown import util
from markdown.extensions.toc import TocExtension, TocTreeprocessor
from markdown.postprocessors import RawHtmlPostprocessor


class _HeadingIds(TocTreeprocessor):
    """Heading ids and toc tokens as before; no table-of-contents block is built, because
    the page's contents come from the render's own heading list and a ``[TOC]`` marker is
    text on the published site (Goldmark has no such marker)."""

    def build_toc_div(self, toc_list: list) -> ET.Element:
        return ET.Element("div")


class HeadingIdExtension(TocExtension):
    TreeProcessorClass = _HeadingIds

    def __init__(self, **kwargs: Any):
        kwargs.setdefault("marker", "")  # "[TOC]" stays text, as Hugo shows it
        super().__init__(**kwargs)


class _StashedHtml(RawHtmlPostprocessor):
    """Puts stashed raw HTML back as the stock step does, with the recursion in a method
    (a bound method made per call is no cycle) instead of a self-referring inner function."""

    _placeholder = re.compile(
        f"<p>{util.HTML_PLACEHOLDER % '([0-9]+)'}</p>|{util.HTML_PLACEHOLDER % '([0-9]+)'}"
    )

    def run(self, text: str) -> str:
        if not self.md.htmlStash.html_counter:
            return text
        return self._placeholder.sub(self._substitute, text)

    def _substitute(self, match: re.Match[str]) -> str:
        wrapped = match.group(1) is not None
        key = int(match.group(1) if wrapped else match.group(2))
        if key >= self.md.htmlStash.html_counter:
            return match.group(0)
        html = self.stash_to_string(self.md.htmlStash.rawHtmlBlocks[key])
        if wrapped and not self.isblocklevel(html):
            html = f"<p>{html}</p>"
        return self._placeholder.sub(self._substitute, html)


def use_cycle_free_raw_html(md: markdown.Markdown) -> None:
    """Put the raw-HTML step back in its place, as one that skips empty stashes."""
    md.postprocessors.register(_StashedHtml(md), "raw_html", 30)
