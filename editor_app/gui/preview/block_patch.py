"""A card's new HTML as a patch of the nodes that changed, so the page is not handed the
whole card on every keystroke.

Typing into a long card changes one block of it, but the card's HTML is 20-30 KB and more:
parsed by Chromium into a template and merged node by node against the card, it cost a
keystroke a few milliseconds that grow with the card. The page holds the card as its last
fragment parsed; comparing that fragment with the new one as strings finds the nodes that
differ. The patch says which element holds them (a path of child indices from the card's
element, with the tag and the number of children expected at each step, which the page
checks) and the HTML of the new nodes, which the page parses and merges in place of the old.
The card then is what parsing the whole new fragment would give (tests compare the two).

The strings are read as the HTML the preview's renders write: every ``<`` starts a tag (the
sanitizer and the template escape it in text and in attribute values), every element that
is not void is closed. Anything else, or two fragments whose card element differs, gives no
patch: the page then swaps the whole card, as before.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

Patch = list  # [path, tags, counts, start, removed, html, added], as the page's script reads it

_OPEN = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>")
VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
})  # fmt: skip
# Elements whose children the parser does not take as written (a newline after <pre> is
# dropped, table rows get a <tbody>): a change inside is a change of the whole element.
_OPAQUE = frozenset({
    "pre", "textarea", "listing", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
    "caption", "colgroup", "select", "option", "template", "svg", "math", "script", "style",
    "noscript", "iframe", "object", "title",
})  # fmt: skip

# (start, end, end of the start tag, start of the end tag, tag name or "" for text)
_Node = tuple[int, int, int, int, str]


@lru_cache(maxsize=64)
def _tag_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"<(/?){name}(?=[\s/>])", re.IGNORECASE)


def _children(
    html: str, start: int, end: int, stops: list[int] | None = None
) -> tuple[list[_Node], int] | None:
    """The nodes of ``html[start:end]`` at its top level, and how many of ``stops`` (sorted
    offsets) were passed before the scan reached one of them and stopped there (with no
    stop reached: ``len(stops)``); None when the HTML is not well formed."""
    out: list[_Node] = []
    pos = start
    k = 0
    while pos < end:
        if stops is not None:
            while k < len(stops) and stops[k] < pos:
                k += 1
            if k < len(stops) and stops[k] == pos:
                return out, k
        if html[pos] != "<":
            nxt = html.find("<", pos, end)
            nxt = end if nxt < 0 else nxt
            out.append((pos, nxt, nxt, nxt, ""))
            pos = nxt
            continue
        match = _OPEN.match(html, pos, end)
        if match is None:
            return None  # an end tag at this level, or a stray '<'
        name = match.group(1).lower()
        if name in VOID:
            out.append((pos, match.end(), match.end(), match.end(), name))
            pos = match.end()
            continue
        # Only the same tag nests inside: its start and end tags are counted.
        depth = 1
        close = -1
        for tag in _tag_pattern(name).finditer(html, match.end(), end):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                close = tag.start()
                break
        stop = html.find(">", close, end) if close >= 0 else -1
        if stop < 0:
            return None
        out.append((pos, stop + 1, match.end(), close, name))
        pos = stop + 1
    return out, len(stops or ())


# The nodes of the HTML last patched, by (string, span): the next keystroke's old HTML is this
# one's new HTML, whose nodes are then known without reading it again.
_MEMO: dict[tuple[int, int, int], tuple[str, list[_Node]]] = {}
_MEMO_SIZE = 16
_memo_lock = threading.Lock()


def _nodes(html: str, start: int, end: int) -> list[_Node] | None:
    with _memo_lock:
        hit = _MEMO.get((id(html), start, end))
    if hit is not None and hit[0] is html:
        return hit[1]
    found = _children(html, start, end)
    if found is None:
        return None
    _remember(html, start, end, found[0])
    return found[0]


def _remember(html: str, start: int, end: int, nodes: list[_Node]) -> None:
    with _memo_lock:
        _MEMO[(id(html), start, end)] = (html, nodes)
        while len(_MEMO) > _MEMO_SIZE:
            del _MEMO[next(iter(_MEMO))]


def _new_nodes(
    new: str, span: tuple[int, int], a: list[_Node], i: int, tail: int, shift: int
) -> list[_Node] | None:
    """The nodes of ``new[span]``: the old ones ``a`` up to ``i`` (in the common prefix), then
    read from ``new`` until one of the old nodes from ``tail`` on (in the common suffix)
    starts, moved by ``shift``; those follow, moved."""
    stops = [x[0] + shift for x in a[tail:]]
    found = _children(new, a[i - 1][1] if i else span[0], span[1], stops)
    if found is None:
        return None
    middle, k = found
    nodes = a[:i] + middle
    nodes += [(x[0] + shift, x[1] + shift, x[2] + shift, x[3] + shift, x[4]) for x in a[tail + k :]]
    _remember(new, span[0], span[1], nodes)
    return nodes


def _common_prefix(a: str, b: str) -> int:
    # Halving with slice comparisons: each compares memory in C.
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a: str, b: str, limit: int) -> int:
    lo, hi = 0, limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid : len(a) - lo] == b[len(b) - mid : len(b) - lo]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def card_patch(old: str, new: str) -> Patch | None:
    """How the card rendered as ``old`` becomes the card rendered as ``new`` (both one card's
    whole fragment, ``<article …>…</article>``); None when the whole card must be swapped."""
    if old == new:
        return _unchanged(old)
    prefix = _common_prefix(old, new)
    suffix = _common_suffix(old, new, min(len(old), len(new)) - prefix)
    shift = len(new) - len(old)
    same_from = len(old) - suffix  # old[same_from:] ends new too
    path: list[int] = []
    tags: list[str] = []
    counts: list[int] = []
    spans = (0, len(old), 0, len(new))
    at_card = False  # the first step goes into the card's element itself
    while True:
        a = _nodes(old, spans[0], spans[1])
        if a is None:
            return None
        # Nodes wholly in the common prefix are the same in both (a text node that ends
        # where the strings part may go on in the new one).
        i = 0
        while i < len(a) and (a[i][1] < prefix or (a[i][1] == prefix and a[i][4])):
            i += 1
        tail = len(a)
        if spans[3] == spans[1] + shift and spans[1] >= same_from:
            tail = i
            while tail < len(a) and a[tail][0] < same_from:
                tail += 1
        b = _new_nodes(new, (spans[2], spans[3]), a, i, tail, shift)
        if b is None:
            return None
        j = 0
        while j < len(a) - i and j < len(b) - i:
            x, y = a[-1 - j], b[-1 - j]
            if x[0] < same_from or y[0] != x[0] + shift or y[1] != x[1] + shift:
                break
            j += 1
        olds, news = a[i : len(a) - j], b[i : len(b) - j]
        if len(olds) == 1 and len(news) == 1:
            x, y = olds[0], news[0]
            if (
                x[4]
                and x[4] == y[4]
                and x[4] not in _OPAQUE
                and old[x[0] : x[2]] == new[y[0] : y[2]]
            ):
                if at_card:
                    path.append(i)
                    tags.append(x[4])
                    counts.append(len(a))
                elif x[4] != "article":
                    return None
                at_card = True
                spans = (x[2], x[3], y[2], y[3])
                continue
        if not at_card:
            return None  # not one card element, or its start tag changed
        counts.append(len(a))
        html = new[news[0][0] : news[-1][1]] if news else ""
        return [path, tags, counts, i, len(olds), html, len(news)]


def _unchanged(html: str) -> Patch | None:
    # Nothing to do but check that the page holds what it is thought to hold.
    top = _nodes(html, 0, len(html))
    card = top[0] if top else None
    if card is None or card[4] != "article":
        return None
    inside = _nodes(html, card[2], card[3])
    return None if inside is None else [[], [], [len(inside)], 0, 0, "", 0]
