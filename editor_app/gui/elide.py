"""Shortening long titles where no widget elides them (window titles), CJK-aware.

A Chinese character takes two columns of a Latin one, so a 30-character Chinese title is as
wide as a 60-character English one; counting columns keeps both to the same width.
"""

from __future__ import annotations

import unicodedata

ELLIPSIS = "…"
WINDOW_TITLE_COLUMNS = 60


def columns(text: str) -> int:
    """How wide ``text`` is in Latin-letter columns (wide and full-width characters are 2)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def elide(text: str, max_columns: int = WINDOW_TITLE_COLUMNS) -> str:
    """``text`` cut to ``max_columns`` (its end replaced by "…"), or unchanged when it fits."""
    text = " ".join(text.split())
    if columns(text) <= max_columns:
        return text
    out, used = [], 0
    for ch in text:
        width = columns(ch)
        if used + width > max_columns - 1:
            break
        out.append(ch)
        used += width
    return "".join(out).rstrip(" ，,、:：-—·") + ELLIPSIS
