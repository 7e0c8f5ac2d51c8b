"""Post-processing of sanitized card HTML for a whole page (used by issue_html).

Runs on nh3 output only, whose tags and attributes are normalised (double quotes, escaped
values), so simple patterns are reliable; every value written back is escaped again.
"""

from __future__ import annotations

import html
import re

from editor_app.core.markup.assets import AssetResolver

_ID_ATTR = re.compile(r'(\sid=")([^"]*)(")')
_FRAGMENT_HREF = re.compile(r'(\shref="#)([^"]*)(")')
_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b")
_IMG_TAG = re.compile(r"<img\b[^>]*>")
_A_OPEN = re.compile(r"<a\b[^>]*>")
_SRC_ATTR = re.compile(r'\ssrc="([^"]*)"')
_HREF_ATTR = re.compile(r'\shref="([^"]*)"')
_ALT_ATTR = re.compile(r'\salt="([^"]*)"')


class LayeredIds:
    """The ids a page already holds (shared, never changed) plus those added since.

    A card rendered on its own starts from the whole page's anchors; copying thousands of
    them into a fresh set for every render would make each keystroke cost O(issue).
    """

    def __init__(self, base: frozenset[str]):
        self.base = base
        self.added: set[str] = set()

    def __contains__(self, value: object) -> bool:
        return value in self.added or value in self.base

    def add(self, value: str) -> None:
        self.added.add(value)


def prefix_ids(body: str, prefix: str, used: set[str] | LayeredIds | None = None) -> str:
    """Give every id in ``body`` the ``prefix`` (once) and keep in-body #links pointing right."""
    used = set() if used is None else used
    renamed: dict[str, str] = {}

    def fix_id(m: re.Match[str]) -> str:
        original = m.group(2)
        new = original if original.startswith(prefix) else prefix + original
        base, n = new, 2
        while new in used:
            new, n = f"{base}-{n}", n + 1
        used.add(new)
        renamed.setdefault(original, new)
        return m.group(1) + new + m.group(3)

    body = _ID_ATTR.sub(fix_id, body)

    def fix_href(m: re.Match[str]) -> str:
        target = m.group(2)
        if target in renamed:
            target = renamed[target]
        elif prefix + target in used:
            target = prefix + target
        return m.group(1) + target + m.group(3)

    return _FRAGMENT_HREF.sub(fix_href, body)


def shift_headings(body: str, top_level: int) -> str:
    """Move body headings so the highest one sits at ``top_level`` (below the card title)."""
    levels = [int(m.group(2)) for m in _HEADING_TAG.finditer(body)]
    if not levels:
        return body
    delta = top_level - min(levels)
    if delta == 0:
        return body
    return _HEADING_TAG.sub(
        lambda m: f"<{m.group(1)}h{max(1, min(6, int(m.group(2)) + delta))}", body
    )


def map_urls(body: str, resolver: AssetResolver, card_id: str | None) -> str:
    """Map image sources and local links through ``resolver``; drop what it refuses."""

    def fix_img(m: re.Match[str]) -> str:
        tag = m.group(0)
        src = _SRC_ATTR.search(tag)
        new = resolver.image(html.unescape(src.group(1)), card_id) if src else None
        if new is None:
            alt = _ALT_ATTR.search(tag)
            text = alt.group(1) if alt else ""
            return f'<span class="image-left-out">{text}</span>' if text else ""
        return tag[: src.start()] + f' src="{html.escape(new)}"' + tag[src.end() :]

    def fix_a(m: re.Match[str]) -> str:
        tag = m.group(0)
        href = _HREF_ATTR.search(tag)
        if href is None or href.group(1).startswith("#"):
            return tag
        new = resolver.link(html.unescape(href.group(1)), card_id)
        if new is None:
            return tag[: href.start()] + tag[href.end() :]
        return tag[: href.start()] + f' href="{html.escape(new)}"' + tag[href.end() :]

    return _A_OPEN.sub(fix_a, _IMG_TAG.sub(fix_img, body))
