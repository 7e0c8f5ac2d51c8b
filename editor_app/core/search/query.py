"""What a search query means, matched in plain Python: terms, folding, snippets.

A query is split into terms (whitespace, or a "quoted phrase"); an entry matches when every
term occurs somewhere in it. A term made of letters and digits is a *word* term and matches
the start of a word ("edit" finds "editor", not "credit"), ignoring case and accents. Any
other term (Chinese or Japanese text, "C++", "node.js", a phrase with spaces) is a
*substring* term and matches anywhere, ignoring case. Han, kana and Hangul have no spaces
between words, so substring matching is the only meaningful kind there.

The index answers the same question with SQLite FTS5 (``index.py``); this module is the
reference the scan without an index uses, and it builds every snippet, so the CLI, the
panel and both search paths show the same highlights.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

WORD = "word"
SUBSTRING = "substring"

# Han (with extensions and compatibility ideographs), kana, Hangul, CJK punctuation and
# full-width forms: text written without spaces between words.
_CJK_RANGES = (
    (0x3000, 0x30FF),
    (0x3100, 0x31FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xAC00, 0xD7AF),
    (0xF900, 0xFAFF),
    (0xFF00, 0xFFEF),
    (0x20000, 0x3FFFF),
)
_TERM = re.compile(r'"([^"]*)"?|(\S+)')
# Sentence punctuation around a word ("editor," "(kubernetes)"); symbols such as + and #
# stay, so "C++" and "C#" are looked up as written.
_SENTENCE = r"""[,.;:!?()\[\]{}"'“”‘’«»。，、；：！？（）【】]"""
_EDGE_PUNCT = re.compile(f"^{_SENTENCE}+|{_SENTENCE}+$")
MAX_TERMS = 12  # a pasted paragraph is not a query; the rest of the words are ignored


_CJK_CLASS = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _CJK_RANGES)  # for regular expressions
_WORD_REST = rf"(?:(?![{_CJK_CLASS}])[^\W_])*"  # the rest of a word, up to Han or kana


def is_cjk(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _CJK_RANGES)


@dataclass(frozen=True)
class Term:
    text: str  # as typed (quotes removed), folded for matching
    mode: str  # WORD or SUBSTRING

    @property
    def short(self) -> bool:
        """Too short for the trigram index (fewer than three characters)."""
        return self.mode == SUBSTRING and len(self.text) < 3


def _is_word(text: str) -> bool:
    return all(ch.isalnum() and not is_cjk(ch) for ch in text)


def parse_query(query: str) -> list[Term]:
    """The terms of ``query``, duplicates dropped, at most ``MAX_TERMS``."""
    terms: list[Term] = []
    for match in _TERM.finditer(query):
        phrase, bare = match.group(1), match.group(2)
        if phrase is not None:
            text = " ".join(phrase.split())
            if not text:
                continue
            mode = WORD if _is_word(text) else SUBSTRING
        else:
            text = bare
            if not _is_word(text):
                stripped = _EDGE_PUNCT.sub("", text)
                # "editor," or "(kubernetes)" are words with punctuation around them.
                if stripped and _is_word(stripped):
                    text = stripped
            mode = WORD if _is_word(text) else SUBSTRING
        term = Term(fold_word(text) if mode == WORD else fold_case(text), mode)
        if term not in terms:
            terms.append(term)
        if len(terms) >= MAX_TERMS:
            break
    return terms


# -- folding ------------------------------------------------------------------------------
# Both folds keep one character for one, so a position in folded text is the position in
# the original: snippets and the editor's selection need the original's.
@cache
def _accent_table() -> dict[int, int]:
    """Accented letters (Latin, Greek, Cyrillic ...) -> the letter without the accent."""
    table = {}
    for code in range(0x00C0, 0x2C00):
        ch = chr(code)
        base = unicodedata.normalize("NFD", ch)[0]
        if base != ch and not unicodedata.combining(base):
            low = base.lower()
            table[code] = ord(low if len(low) == 1 else base)
    return table


@cache
def _accented() -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_accent_table())) + "]")


def fold_case(text: str) -> str:
    """Lower case, one character for one (as the trigram index compares)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    # A few letters lower into two characters (U+0130): those keep their case.
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def fold_word(text: str) -> str:
    """Lower case without accents, one character for one (as the word index compares)."""
    low = fold_case(text)
    return low.translate(_accent_table()) if _accented().search(low) else low


# -- matching -----------------------------------------------------------------------------
class Matcher:
    """Finds the terms of a query in text; all positions are in the original text."""

    def __init__(self, terms: list[Term]):
        self.terms = terms
        # A word term matches at a word's start and marks the whole word ("edit" in "editor").
        self._words = [
            re.compile(r"(?<![^\W_])" + re.escape(t.text) + _WORD_REST)
            for t in terms
            if t.mode == WORD
        ]
        self._subs = [t.text for t in terms if t.mode == SUBSTRING]

    def term_spans(self, text: str) -> list[list[tuple[int, int]]]:
        """For each term (words first, then substrings), its (start, end) spans in ``text``."""
        out: list[list[tuple[int, int]]] = []
        if self._words:
            folded = fold_word(text)
            for pattern in self._words:
                out.append([(m.start(), m.end()) for m in pattern.finditer(folded)])
        if self._subs:
            folded = fold_case(text)
            for sub in self._subs:
                spans, start = [], folded.find(sub)
                while start >= 0:
                    spans.append((start, start + len(sub)))
                    start = folded.find(sub, start + len(sub))
                out.append(spans)
        return out

    def found(self, text: str) -> list[bool]:
        """For each term (same order as ``term_spans``), whether it occurs in ``text``."""
        out: list[bool] = []
        if self._words:
            folded = fold_word(text)
            out += [pattern.search(folded) is not None for pattern in self._words]
        if self._subs:
            folded = fold_case(text)
            out += [sub in folded for sub in self._subs]
        return out

    def matches(self, fields: list[str]) -> bool:
        """Every term occurs in one of ``fields`` (not necessarily the same one)."""
        if not self.terms:
            return False
        seen = [False] * len(self.terms)
        for text in fields:
            if text:
                seen = [a or b for a, b in zip(seen, self.found(text), strict=True)]
                if all(seen):
                    return True
        return False


# -- snippets -----------------------------------------------------------------------------
BEFORE, AFTER = 40, 120  # characters of context around the first match


@dataclass(frozen=True)
class Snippet:
    text: str  # one line, whitespace collapsed
    marks: tuple[tuple[int, int], ...]  # spans of matches in ``text``
    start: int  # where the first match is in the field's original text (-1: none)
    end: int


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _excerpt(text: str, lo: int, hi: int, spans: list[tuple[int, int]]) -> Snippet:
    """``text[lo:hi]`` on one line, with the spans inside it moved into the excerpt."""
    pieces: list[str] = []
    where: dict[int, int] = {}  # original position -> excerpt position
    out_len, pending_space = 0, False
    for pos in range(lo, hi):
        ch = text[pos]
        where[pos] = out_len + (1 if pending_space and out_len else 0)
        if ch.isspace():
            pending_space = True
            continue
        if pending_space and out_len:
            pieces.append(" ")
            out_len += 1
        pending_space = False
        pieces.append(ch)
        out_len += 1
    where[hi] = out_len
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(text) else ""
    shift = len(prefix)
    marks = []
    for start, end in spans:
        if start >= lo and end <= hi:
            a, b = where[start] + shift, where[end] + shift
            if b > a:
                marks.append((a, b))
    first = spans[0] if spans else (-1, -1)
    return Snippet(prefix + "".join(pieces) + suffix, tuple(marks), first[0], first[1])


def make_snippet(text: str, spans: list[tuple[int, int]]) -> Snippet:
    """An excerpt of ``text`` around its first span, every span in it marked."""
    spans = _merge(spans)
    if not spans:
        hi = min(len(text), BEFORE + AFTER)
        return _excerpt(text, 0, hi, [])
    first = spans[0][0]
    lo = max(0, first - BEFORE)
    if lo > 0:  # start at a word or line boundary when one is near
        space = max(text.rfind(" ", lo - 15, first), text.rfind("\n", lo - 15, first))
        lo = space + 1 if space >= 0 and space + 1 <= first else lo
    hi = min(len(text), max(spans[0][1], first + AFTER))
    return _excerpt(text, lo, hi, spans)


FIELDS = ("title", "body", "note", "links")


@dataclass(frozen=True)
class Highlight:
    """Where a query matched one entry: marks in its title, a snippet of its best field, and
    the first match to select when the entry is opened."""

    title_marks: tuple[tuple[int, int], ...]
    field: str  # the field the snippet shows ("" when the entry has no text but its title)
    snippet: Snippet
    reveal_field: str  # "title" or the snippet's field
    start: int  # the first match in ``reveal_field`` (-1: none)
    end: int


def highlight(matcher: Matcher, title: str, fields: dict[str, str]) -> Highlight:
    """The title's marks and the snippet of the field (body, note, links) matching most terms;
    the start of the body when only the title matched."""
    title_marks = tuple(_merge([s for spans in matcher.term_spans(title) for s in spans]))
    best: tuple[int, str, list[tuple[int, int]]] | None = None
    for name in FIELDS[1:]:
        text = fields.get(name, "")
        if not text:
            continue
        per_term = matcher.term_spans(text)
        hit = sum(1 for spans in per_term if spans)
        if hit and (best is None or hit > best[0]):
            best = (hit, name, [s for spans in per_term for s in spans])
    if best is not None:
        _hit, name, spans = best
        snippet = make_snippet(fields[name], spans)
        return Highlight(title_marks, name, snippet, name, snippet.start, snippet.end)
    name = next((n for n in FIELDS[1:] if fields.get(n)), "")
    snippet = make_snippet(fields[name], []) if name else Snippet("", (), -1, -1)
    start, end = title_marks[0] if title_marks else (-1, -1)
    return Highlight(title_marks, name, snippet, "title", start, end)
