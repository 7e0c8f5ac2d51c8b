"""Problems found by rendering a card: a text refused, nesting cut, a slow render."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from editor_app.core.problem_codes import problem
from editor_app.core.problems import Problem
from editor_app.core.render_limits import (
    MAX_BLOCK_DEPTH,
    MAX_BRACKET_DEPTH,
    MAX_INLINE_DEPTH,
    TIME_BUDGET_SECONDS,
    LimitReport,
    prescan_limits,
)

# Codes about rendering (core/render_limits.py), declared with the others in problem_codes.
RENDER_LIMIT = "render-limit"  # error: a text was not rendered, an error box stands in for it
RENDER_SLOW = "render-slow"  # warning: rendering took longer than the time budget
DEEP_NESTING = "deep-nesting"  # warning: structure past the depth caps is shown as text


def render_problems(
    card_id: str, name: str, body: str, note: str, render: bool = True
) -> list[Problem]:
    """The render problems of a card's body and note. ``render=False`` (the command-line
    check) reads them from the pre-scan alone: no renderer is loaded and nothing is rendered,
    so a render that would be slow or would fail is not reported."""
    out = []
    for part, text in (("body", body), ("note", note)):
        if not text.strip():
            continue
        report = _limit_report(text) if render else prescan_limits(text)
        if report.refused:
            out.append(
                problem(RENDER_LIMIT, card=card_id, variant=part, name=name, detail=report.detail)
            )
            continue
        if report.neutralised:
            out.append(
                problem(
                    DEEP_NESTING,
                    card=card_id,
                    variant=part,
                    name=name,
                    block=MAX_BLOCK_DEPTH,
                    inline=MAX_INLINE_DEPTH,
                    brackets=MAX_BRACKET_DEPTH,
                    count=report.neutralised,
                )
            )
        if report.slow:
            out.append(
                problem(
                    RENDER_SLOW,
                    card=card_id,
                    variant=part,
                    name=name,
                    seconds=report.seconds,
                    budget=TIME_BUDGET_SECONDS,
                )
            )
    return out


# Checks run after every pause in typing: remember what each text's render did, by digest
# (not by text, so the cache stays small), and render only texts that changed.
_REPORTS: OrderedDict[bytes, LimitReport] = OrderedDict()
_REPORTS_LOCK = threading.Lock()
_REPORTS_KEPT = 512


# Characters encoded at once for the digest: encoding a body of megabytes in one call holds
# the interpreter (and so the UI thread) for about ten milliseconds; each code point is
# encoded on its own, so the pieces give the same bytes.
_DIGEST_CHUNK = 1 << 16


def _digest(text: str, chunk: int = _DIGEST_CHUNK) -> bytes:
    digest = hashlib.blake2b(digest_size=16)
    for i in range(0, len(text), chunk):
        digest.update(text[i : i + chunk].encode("utf-8", "surrogatepass"))
    return digest.digest()


def _limit_report(text: str) -> LimitReport:
    key = _digest(text)
    with _REPORTS_LOCK:
        report = _REPORTS.get(key)
        if report is not None:
            _REPORTS.move_to_end(key)
            return report
    from editor_app.core.render import render_markdown  # the CLI check never renders

    report = render_markdown(text).limits
    with _REPORTS_LOCK:
        _REPORTS[key] = report
        while len(_REPORTS) > _REPORTS_KEPT:
            _REPORTS.popitem(last=False)
    return report
