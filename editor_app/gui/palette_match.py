"""Matching for the command palette, without Qt: labels to search keys, queries to scores.

An entry is found by the words of its shown (maybe translated) name, of its English name and,
for Chinese names, by pinyin: whole syllables ("daochu") or initials ("dc") both find 导出.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

_MNEMONIC_SUFFIX = re.compile(r"\(&[^)]\)")  # "导出(&E)": the Chinese way to show an accelerator
_HAN = re.compile(r"[\u3400-\u9fff]")
_WORD = re.compile(r"[\w']+")


def clean_label(text: str) -> str:
    """A menu text as read: without accelerator marks, tab-separated shortcuts or ellipses."""
    text = text.split("\t", 1)[0]
    text = _MNEMONIC_SUFFIX.sub("", text)
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.replace("…", "").replace("...", "").strip()


@lru_cache(maxsize=4096)
def pinyin_keys(text: str) -> tuple[str, str]:
    """Whole-syllable pinyin and initials of the Han characters in ``text`` ("" for none)."""
    han = "".join(_HAN.findall(text))
    if not han:
        return "", ""
    syllables = lazy_pinyin(han, style=Style.NORMAL, errors="ignore")
    return "".join(syllables), "".join(s[0] for s in syllables if s)


@dataclass(frozen=True)
class SearchKeys:
    words: tuple[str, ...]  # lower-case words of every name
    texts: tuple[str, ...]  # each name, lower-case, for substrings such as Chinese words
    pinyin: tuple[str, ...]  # whole-syllable and initial strings of the Chinese names


def search_keys(*names: str) -> SearchKeys:
    words: list[str] = []
    texts: list[str] = []
    pinyin: list[str] = []
    for name in names:
        label = clean_label(name).lower()
        if not label or label in texts:
            continue
        texts.append(label)
        words.extend(_WORD.findall(label))
        full, initials = pinyin_keys(label)
        pinyin.extend(key for key in (full, initials) if key)
    return SearchKeys(tuple(dict.fromkeys(words)), tuple(texts), tuple(dict.fromkeys(pinyin)))


def _token_score(keys: SearchKeys, token: str) -> int:
    """How well one query word matches (0: not at all)."""
    if any(word == token for word in keys.words):
        return 40
    if any(word.startswith(token) for word in keys.words):
        return 30
    if any(key.startswith(token) for key in keys.pinyin):
        return 25
    if any(token in text for text in keys.texts):
        return 15
    if len(token) > 1 and any(token in key for key in keys.pinyin):
        return 10
    return 0


def score(keys: SearchKeys, query: str) -> int:
    """0 when the entry does not match; otherwise higher is better. Every word must match."""
    tokens = clean_label(query).lower().split()
    if not tokens:
        return 1
    total = 0
    for token in tokens:
        part = _token_score(keys, token)
        if part == 0:
            return 0
        total += part
    if keys.texts and keys.texts[0].startswith(" ".join(tokens)):
        total += 20  # the shown name begins with what was typed
    return total


def rank(entries: Sequence[SearchKeys], query: str) -> list[int]:
    """Indices of the matching entries, best first, then shorter names; an empty query keeps
    the given order."""
    if not clean_label(query).split():
        return list(range(len(entries)))
    scored = [
        (-score(keys, query), len(keys.texts[0]) if keys.texts else 0, n)
        for n, keys in enumerate(entries)
    ]
    return [n for s, _length, n in sorted(scored) if s < 0]
