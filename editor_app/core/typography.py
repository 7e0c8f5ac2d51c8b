"""CJK typography by AutoCorrect's rules: what to change in a card's text, and where.

AutoCorrect (the ``autocorrect-py`` binding) knows the rules of mixed CJK and Latin text: a space
between a CJK character and a Latin letter or a digit (``在2024年`` → ``在 2024 年``), full-width
punctuation inside CJK text (``GA,镜像卷`` → ``GA，镜像卷``), half-width punctuation inside
Latin text (``Done。`` → ``Done.``) and no space next to full-width punctuation. It formats a
string and says nothing about where it changed it, and its own Markdown reader is not ours.
It also leaves some half-width punctuation next to Chinese or Japanese text alone (``发布:Sidecar``,
``中文;``, ``好!Yes``, ``10%,平均``); one rule of our own (``fullwidth_next_to_cjk``) completes
it.

So each prose segment of the text (``prose_spans``: never code, addresses or markup) goes to
AutoCorrect alone, with bare addresses replaced by letters of the same length so they read as
words; the difference between the segment and AutoCorrect's answer, aligned character by
character, gives each change as an exact span of the source (a ``Fix``). A change that would
touch an address is dropped. The checks report each fix as a problem with its span
(``card_problems``); Fix Typography and ``masthead check --fix-typography`` apply them
(``fix_card``), so what is fixed is exactly what was reported.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import autocorrect_py

from editor_app.core.markdown_dialect.cjk import CJK_CHAR, is_cjk
from editor_app.core.model import Card, Issue, Typography
from editor_app.core.problem_codes import problem
from editor_app.core.problems import Problem, TextSpan
from editor_app.core.prose_spans import ProseSegment, prose_segments
from editor_app.core.render_limits import MAX_CARD_CHARS

__all__ = [
    "CARD_FIELDS",
    "Fix",
    "apply_fixes",
    "card_fixes",
    "card_problems",
    "find_fixes",
    "fix_card",
    "fullwidth_next_to_cjk",
    "fix_excerpt",
    "fix_problem",
    "fix_position",
    "fix_text",
    "line_marks",
    "problem_code",
    "typography_on",
]

# What the fixes do; each is reported under its own problem code.
SPACE_ADD, SPACE_REMOVE = "space-add", "space-remove"
TO_FULLWIDTH, TO_HALFWIDTH = "to-fullwidth", "to-halfwidth"

# The card fields read, and whether each is Markdown (a title is plain text).
CARD_FIELDS: tuple[tuple[str, bool], ...] = (("title", False), ("body", True), ("note", True))

# Languages whose issues get the checks when issue.yaml does not say (primary subtags).
CJK_LANGUAGES = frozenset({"zh", "ja", "ko", "yue", "wuu", "cmn"})

_HAS_CJK = re.compile(CJK_CHAR)
_CONTEXT = 8  # characters shown on each side of a change in its message


@dataclass(frozen=True)
class Fix:
    """Replace ``text[start:end]`` (``old``) with ``new``; ``kind`` says which rule."""

    start: int
    end: int
    old: str
    new: str
    kind: str


def typography_on(issue: Issue) -> bool:
    """Whether the issue gets the typography checks: ``typography:`` in issue.yaml, else by
    its language (on for Chinese, Japanese and Korean issues, off for the others)."""
    if issue.typography == Typography.CJK:
        return True
    if issue.typography == Typography.OFF:
        return False
    primary = issue.language.replace("_", "-").split("-")[0].strip().lower()
    return primary in CJK_LANGUAGES


def find_fixes(text: str, markdown: bool = True) -> list[Fix]:
    """Every change AutoCorrect makes to the prose of ``text``, in order, as source spans."""
    if not _HAS_CJK.search(text):
        return []  # every rule here is about text next to CJK characters or punctuation
    fixes: list[Fix] = []
    for segment in prose_segments(text, markdown):
        fixes.extend(_segment_fixes(text, segment))
    return fixes


def apply_fixes(text: str, fixes: list[Fix]) -> str:
    """``text`` with ``fixes`` (found in it, not overlapping) applied."""
    parts: list[str] = []
    pos = 0
    for fix in sorted(fixes, key=lambda f: f.start):
        parts += [text[pos : fix.start], fix.new]
        pos = fix.end
    parts.append(text[pos:])
    return "".join(parts)


def fix_text(text: str, markdown: bool = True) -> str:
    return apply_fixes(text, find_fixes(text, markdown))


def card_fixes(card: Card) -> dict[str, list[Fix]]:
    """The fixes of each field of ``card`` that has some (none for an unreadable card)."""
    if card.unreadable:
        return {}
    out: dict[str, list[Fix]] = {}
    for field, markdown in CARD_FIELDS:
        fixes = find_fixes(getattr(card, field), markdown)
        if fixes:
            out[field] = fixes
    return out


def fix_card(card: Card) -> dict[str, str]:
    """The new text of each field of ``card`` that the fixes change (the card is untouched)."""
    return {
        field: apply_fixes(getattr(card, field), fixes) for field, fixes in card_fixes(card).items()
    }


# -- problems ------------------------------------------------------------------------------


def card_problems(card: Card, name: str) -> list[Problem]:
    """One warning per fix in the card's title, body and note, with its span.

    A field too long to render (``render_limits.MAX_CARD_CHARS``) is not looked at: the
    render-limit error already stands for it, and finding its fixes takes seconds, after
    every pause in typing. Fix Typography, asked for, still fixes it (``fix_card``).
    """
    if card.unreadable:
        return []
    out: list[Problem] = []
    for field, markdown in CARD_FIELDS:
        text = getattr(card, field)
        if len(text) > MAX_CARD_CHARS:
            continue
        for fix in find_fixes(text, markdown):
            out.append(fix_problem(fix, text, name, field, field, card=card.id))
    return out


def fix_problem(
    fix: Fix,
    text: str,
    name: str,
    field: str,
    variant: str,
    card: str | None = None,
    section: str | None = None,
    item: int | None = None,
) -> Problem:
    """The warning for ``fix`` found in ``text``, the ``field`` of a card, of a section or
    (neither given) of the issue; ``variant`` picks the message that says which, ``item``
    (from 1) which project link or further-reading entry it is in."""
    line, column = fix_position(text, fix)
    span = TextSpan(field, fix.start, fix.end, line, column, fix.old)
    before, after = _excerpt(text, fix)
    args = {"name": name, "line": line, "column": column, "text": before, "fixed": after}
    if item is not None:
        args["item"] = item
    if fix.kind == SPACE_REMOVE:
        variant = f"{variant}-remove"
    return problem(
        problem_code(fix), card=card, section=section, variant=variant, span=span, **args
    )


def _excerpt(text: str, fix: Fix) -> tuple[str, str]:
    """The change with a little of its line on each side, before and after."""
    line_start = text.rfind("\n", 0, fix.start) + 1
    line_end = text.find("\n", fix.end)
    line_end = len(text) if line_end < 0 else line_end
    left = max(line_start, fix.start - _CONTEXT)
    right = min(line_end, fix.end + _CONTEXT)
    head = ("…" if left > line_start else "") + text[left : fix.start]
    tail = text[fix.end : right] + ("…" if right < line_end else "")
    return head + fix.old + tail, head + fix.new + tail


# -- one segment -----------------------------------------------------------------------------


def _segment_fixes(text: str, segment: ProseSegment) -> list[Fix]:
    source = text[segment.start : segment.end]
    if not _HAS_CJK.search(source):
        return []
    masked = list(source)
    for start, end in segment.opaque:
        masked[start - segment.start : end - segment.start] = "x" * (end - start)
    seen = "".join(masked)
    formatted = _format(seen)
    if formatted == seen:
        return []
    matcher = difflib.SequenceMatcher(None, seen, formatted, autojunk=False)
    changes: list[list] = []  # [start, end, new] in segment offsets, touching ones merged
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if changes and changes[-1][1] == i1:
            changes[-1][1] = i2
            changes[-1][2] += formatted[j1:j2]
        else:
            changes.append([i1, i2, formatted[j1:j2]])
    out: list[Fix] = []
    for i1, i2, new in changes:
        start, end = segment.start + i1, segment.start + i2
        if _touches_opaque(start, end, segment.opaque):
            continue  # an address is never changed, nor what borders it
        old = text[start:end]
        out.append(Fix(start, end, old, new, _kind(old, new)))
    return out


def _format(text: str) -> str:
    """AutoCorrect's answer completed by our rule; AutoCorrect reads the result again (a
    space after punctuation our rule made full-width goes), until nothing changes."""
    formatted = autocorrect_py.format(text)
    for _round in range(3):
        completed = fullwidth_next_to_cjk(formatted)
        if completed == formatted:
            break
        formatted = autocorrect_py.format(completed)
    return formatted


# Han (with 々〆〇) and kana (half-width too): punctuation touching these belongs to CJK text.
# Hangul is left out on purpose: Korean is written with half-width punctuation (``좋아요!``).
_CJK_LETTERS = (
    "\\u3005-\\u3007\\u3040-\\u30ff\\u31f0-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff"
    "\\uff66-\\uff9f\\U00020000-\\U0003ffff"
)
# After these, too: the full-width punctuation and closing brackets that end CJK text.
_CJK_ENDS = (
    "\\u3001\\u3002\\u3009\\u300b\\u300d\\u300f\\u3011\\u3015\\u3017"
    "\\uff01\\uff09\\uff0c\\uff1a\\uff1b\\uff1f\\uff3d\\uff5d"
)
# A run of half-width , : ; ! ? right after CJK text (not an emoticon: ":)", ";-("), or right
# before it (``(server-side apply),成为``, ``10%,平均``, a comma after a code span: AutoCorrect
# changes it only between a Latin letter and CJK).
_PUNCT_CJK = re.compile(
    f"(?<=[{_CJK_LETTERS}{_CJK_ENDS}])[,:;!?]+(?!-?[()])|[,:;!?]+(?=[{_CJK_LETTERS}])"
)
_FULLWIDTH = str.maketrans({",": "，", ":": "：", ";": "；", "!": "！", "?": "？"})


def fullwidth_next_to_cjk(text: str) -> str:
    """``text`` with every half-width ``,`` ``:`` ``;`` ``!`` ``?`` that follows a Chinese or
    Japanese character, or comes right before one, made full-width. Times (10:30), addresses
    (https://), version numbers and Latin text are untouched: there a digit or a letter is on
    both sides. A full stop is never changed: next to CJK text it may start a domain or a file
    name (``见.env``). It reads plain text: callers pass prose only (see ``prose_spans``)."""
    return _PUNCT_CJK.sub(lambda m: m.group().translate(_FULLWIDTH), text)


def _touches_opaque(start: int, end: int, opaque: tuple[tuple[int, int], ...]) -> bool:
    """Whether a change reaches into a bare address or the character on either side of it: a
    space there decides whether the renderer links the address at all."""
    return any(start <= b and end >= a for a, b in opaque)


def _kind(old: str, new: str) -> str:
    if old.strip() == new.strip() or not (old.strip() or new.strip()):
        return SPACE_ADD if len(new) > len(old) else SPACE_REMOVE
    added = [ch for ch in new if not ch.isspace()]
    return TO_FULLWIDTH if any(is_cjk(ch) for ch in added) else TO_HALFWIDTH


def problem_code(fix: Fix) -> str:
    """The problem code a fix is reported under."""
    if fix.kind in (SPACE_ADD, SPACE_REMOVE):
        return "cjk-spacing"
    return "halfwidth-punctuation" if fix.kind == TO_FULLWIDTH else "fullwidth-punctuation"


def fix_position(text: str, fix: Fix) -> tuple[int, int]:
    """The 1-based line and column where ``fix`` starts in ``text``."""
    line = text.count("\n", 0, fix.start) + 1
    return line, fix.start - (text.rfind("\n", 0, fix.start) + 1) + 1


def fix_excerpt(text: str, fix: Fix) -> tuple[str, str]:
    """The change with a little of its line on each side, before and after."""
    return _excerpt(text, fix)


def line_marks(text: str, spans: list[TextSpan]) -> list[tuple[int, int, int, str]]:
    """What to underline for ``spans`` of ``text``: (line from 0, start, end, the text there),
    offsets within the line. An insertion point marks the characters on each side of it; a
    span whose text is no longer there (the text changed since the check) is left out."""
    found: list[tuple[int, tuple[int, int, int, str]]] = []
    # Lines are counted from one span to the next in text order: counting from the start of
    # the text for every span is quadratic in a long body with many marks.
    line, counted = 0, 0
    for order, span in sorted(enumerate(spans), key=lambda item: item[1].start):
        if span.end > len(text) or text[span.start : span.end] != span.old:
            continue
        line_start = text.rfind("\n", 0, span.start) + 1
        line_end = text.find("\n", span.start)
        line_end = len(text) if line_end < 0 else line_end
        start, end = span.start, span.end
        if start == end:
            start, end = max(line_start, start - 1), min(line_end, end + 1)
        if end > start:
            if span.start > counted:
                line += text.count("\n", counted, span.start)
                counted = span.start
            found.append((order, (line, start - line_start, end - line_start, text[start:end])))
    return [mark for _order, mark in sorted(found)]
