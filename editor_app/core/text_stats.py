"""CJK-aware word counts and reading time for cards and issues.

Counting rules (what the status bar shows as "words"):

- Every Han character (CJK ideographs, extensions and compatibility ideographs, 〇 and 々) and
  every kana (hiragana, katakana, half-width katakana) counts as one.
- Other letters and digits count by word: a run of letters/digits, where an apostrophe, hyphen,
  dot or underscore *between* two such characters keeps the word together ("don't", "cloud-native",
  "Node.js", "v1.33", "snake_case" are one word each).
- Numbers are words: "1.33" and "2024" count one each, so "2024年5月" is 4.
- Punctuation, emoji, whitespace and Markdown syntax are not counted: heading and emphasis
  markers, list markers (including the digits of "1." ordered-list markers), quote markers,
  table pipes, fence lines, HTML tags and entities, link and image URLs, link titles,
  reference definitions, footnote references and bare URLs. Link text is counted; images are not
  counted at all (alt text is not read by the reader). Code (inline or fenced) is counted as text.

Reading time uses one rate for the mixed count: READING_RATE units per minute. Readers take in
about 300-500 Chinese characters or 200-250 English words a minute; a technical issue mixes both
and is read with care, so 300 units per minute is used and minutes are rounded up.
"""

from __future__ import annotations

import math
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass

from editor_app.core.model import Card, Issue
from editor_app.core.text_blocks import (
    MIN_BLOCK,
    cut_blocks,
    strip_block,
    strip_fence_lines,
    strip_markdown,
)

__all__ = [
    "READING_RATE",
    "IssueStatsCache",
    "TextStats",
    "card_stats",
    "card_stats_key",
    "count_words",
    "issue_stats",
    "reading_minutes",
    "stats_of_key",
    "strip_fence_lines",
    "strip_markdown",
    "text_stats",
]

READING_RATE = 300  # counted units (Han characters + Latin words) per minute

# Han ideographs, 々〇, CJK compatibility ideographs, extensions B-F; hiragana, katakana,
# katakana phonetic extensions and half-width katakana.
_CJK_CLASS = (
    "\u3005\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
    "\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9d"
)
_CJK = re.compile(f"[{_CJK_CLASS}]")
# A letter or digit that is not CJK: "word character, not underscore, not CJK".
_ALNUM = rf"[^\W_{_CJK_CLASS}]"
_WORD = re.compile(rf"{_ALNUM}+(?:['’.\-_]{_ALNUM}+)*")


@dataclass(frozen=True)
class TextStats:
    han: int = 0  # Han characters and kana
    latin: int = 0  # words of other scripts (Latin, digits, Cyrillic, Hangul …)

    @property
    def words(self) -> int:
        return self.han + self.latin

    @property
    def minutes(self) -> int:
        return reading_minutes(self.words)

    def __add__(self, other: TextStats) -> TextStats:
        return TextStats(self.han + other.han, self.latin + other.latin)


def text_stats(text: str, markdown: bool = True) -> TextStats:
    """Counts for one text; ``markdown`` strips Markdown syntax first."""
    if not text:
        return TextStats()
    if markdown:
        if len(text) > LONG_TEXT:
            return _long_text_stats(text)
        text = strip_markdown(text)
    return _count(text)


def _count(stripped: str) -> TextStats:
    han = len(_CJK.findall(stripped))
    latin = len(_WORD.findall(_CJK.sub(" ", stripped)))
    return TextStats(han, latin)


# A Markdown text longer than this is counted by block (core/text_blocks.py): one regular
# expression over a multi-MB text holds the interpreter, and the UI thread, for its whole run.
LONG_TEXT = 32_768
# The blocks remembered (keyed by their text) hold at most this many characters: about three
# times a 10 MB body (5.6 million characters, some 700 blocks), so it and the blocks of its
# last edits fit, and the memory stays in the tens of MB.
_BLOCK_CHARS_KEPT = 16_000_000
_blocks: OrderedDict[str, tuple[TextStats, bool]] = OrderedDict()
_blocks_chars = 0
_blocks_lock = threading.Lock()


def _long_text_stats(text: str, min_block: int = MIN_BLOCK) -> TextStats:
    """``text_stats`` of a long Markdown text, as the sum of its blocks' counts; a block
    counted before (this text before the last keystroke, or the same body counted by the
    card editor and the status bar) is not counted again."""
    total = TextStats()
    for stats in cut_blocks(text, _block_stats, min_block):
        total += stats
    return total


def _block_stats(block: str) -> tuple[TextStats, bool]:
    with _blocks_lock:
        known = _blocks.get(block)
        if known is not None:
            _blocks.move_to_end(block)
            return known
    stripped, safe = strip_block(block)
    known = (_count(stripped), safe)
    global _blocks_chars
    with _blocks_lock:
        if block not in _blocks:  # another thread may have counted it meanwhile
            _blocks[block] = known
            _blocks_chars += len(block)
        while _blocks_chars > _BLOCK_CHARS_KEPT:
            _blocks_chars -= len(_blocks.popitem(last=False)[0])
    return known


def count_words(text: str) -> int:
    """Han characters and kana count one each, other words by word; Markdown is ignored."""
    return text_stats(text).words


def reading_minutes(count: int, rate: int = READING_RATE) -> int:
    """Whole minutes (rounded up) to read ``count`` units; 0 only for an empty text."""
    if count <= 0:
        return 0
    return math.ceil(count / rate)


def card_stats(card: Card) -> TextStats:
    """Title, body, editor's note and further-reading titles and summaries of one card.

    Sub-cards are not included (they have their own counts); unreadable cards count nothing.
    """
    return stats_of_key(card_stats_key(card))


def issue_stats(issue: Issue) -> TextStats:
    """The sum of ``card_stats`` over every card in the outline, sub-cards included."""
    total = TextStats()
    for card in issue.ordered_cards():
        total += card_stats(card)
    return total


StatsKey = tuple  # (title, body, note, ((title, summary), ...), unreadable)


def card_stats_key(card: Card) -> StatsKey:
    """What ``card_stats`` reads of a card, as plain immutable data (cheap to take: the
    strings are shared, not copied)."""
    further = tuple((f.title, f.summary) for f in card.further_reading)
    return (card.title, card.body, card.note, further, card.unreadable)


class IssueStatsCache:
    """Issue and section counts that recount only the cards whose text changed.

    Meant for a worker thread: it is fed rows of plain data (``card_stats_key``) and holds
    the last counts of each card, so typing in one card of thousands costs one card.
    """

    def __init__(self) -> None:
        self._cards: dict[str, tuple[StatsKey, TextStats]] = {}

    def count(
        self, rows: list[tuple[str, str, StatsKey]]
    ) -> tuple[TextStats, dict[str, TextStats]]:
        """``rows`` of (section id, card id, key): the issue's total and each section's."""
        total = TextStats()
        sections: dict[str, TextStats] = {}
        seen: dict[str, tuple[StatsKey, TextStats]] = {}
        for section_id, card_id, key in rows:
            cached = self._cards.get(card_id)
            if cached is not None and cached[0] == key:
                stats = cached[1]
            else:
                stats = stats_of_key(key)
            seen[card_id] = (key, stats)
            total += stats
            sections[section_id] = sections.get(section_id, TextStats()) + stats
        self._cards = seen
        return total, sections


def stats_of_key(key: StatsKey) -> TextStats:
    title, body, note, further, unreadable = key
    if unreadable:
        return TextStats()
    total = text_stats(title, markdown=False) + text_stats(body) + text_stats(note)
    for item_title, summary in further:
        total += text_stats(item_title, markdown=False) + text_stats(summary)
    return total
