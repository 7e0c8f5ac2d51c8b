"""The preview's render jobs: plain data in, plain data out, run on worker threads.

A page is built in two steps so a large issue shows its first screen at once: a *shell*
(header, table of contents, every section, every card as a stub with its number and title,
the first cards in full) and then the remaining cards in batches, each swapped into the page
in place. Numbers and anchors depend on the outline and titles only; the shell job computes
them once and the UI keeps them, so rendering one edited card needs that card's subtree and
nothing else of the issue (its cost does not grow with the issue).

The snapshot helpers run on the UI thread: they copy only what a job needs.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from dataclasses import dataclass, field

from editor_app.core import issue_html, outline
from editor_app.core.issue_html import Anchors
from editor_app.core.model import Card, Issue, Section
from editor_app.core.numbering import Numbers, compute_numbers
from editor_app.gui.preview import block_patch, page_html

FIRST_SCREEN_BYTES = 48 * 1024  # Markdown rendered into the shell itself
BATCH_BYTES = 64 * 1024  # Markdown per later batch (a fraction of a second of rendering)
PENDING_ATTR = page_html.PENDING_ATTR


@dataclass
class Layout:
    """What card renders share: numbering and anchors of the whole issue, and the titles
    they were computed from."""

    numbers: Numbers
    anchors: Anchors
    titles: dict[str, str]


@dataclass
class ShellResult:
    html: str
    layout: Layout
    pending: list[str] = field(default_factory=list)  # top-level ids, in page order


@dataclass
class CardsResult:
    fragments: dict[str, str]  # top-level id -> the card's new HTML
    script: str  # the same replacements as one script for the page
    # The fragments the script's block patches were made against (top id -> old HTML): a
    # patch is only right while the page still holds that fragment of the card.
    bases: dict[str, str] = field(default_factory=dict)


@dataclass
class TocResult:
    reload: bool  # a title change moved another card's anchor: only a new page is right
    toc: str
    layout: Layout | None


# -- snapshots (UI thread) -------------------------------------------------------------------
@dataclass
class OutlineSnapshot:
    """The issue without card text: its fields and sections, one row per card (id, title,
    kind, group, children), and whole copies of the cards a job renders in full. Rows are
    cheap to take on the UI thread; the worker makes cards of them (``stub_issue``)."""

    shell: Issue
    rows: list[tuple[str, str, str, str, tuple[str, ...]]]
    full: dict[str, Card]


def outline_snapshot(issue: Issue, full: set[str] = frozenset()) -> OutlineSnapshot:  # type: ignore[assignment]
    """Every card as a row except the subtrees of the top-level cards in ``full``."""
    keep: set[str] = set()
    for top in full:
        keep.update(outline.subtree_ids(issue, top))
    shell = copy.copy(issue)
    # Copies of the id lists, not of each id (a deep copy walks every string in Python).
    shell.sections = [dataclasses.replace(s, card_ids=list(s.card_ids)) for s in issue.sections]
    shell.export = copy.deepcopy(issue.export)
    shell.tags = list(issue.tags)
    shell.numbering = copy.copy(issue.numbering)
    shell.cards = {}
    rows = [
        (c.id, c.title, c.kind, c.group, tuple(c.child_ids))
        for c in issue.cards.values()
        if c.id not in keep
    ]
    return OutlineSnapshot(shell, rows, {cid: copy.deepcopy(issue.cards[cid]) for cid in keep})


def stub_issue(snap: OutlineSnapshot) -> Issue:
    """The snapshot as an Issue whose cards outside ``full`` have a title and no text."""
    issue = copy.copy(snap.shell)
    issue.cards = {
        cid: Card(id=cid, title=title, kind=kind, group=group, child_ids=list(kids))
        for cid, title, kind, group, kids in snap.rows
    }
    issue.cards.update(snap.full)
    return issue


def subtree_snapshot(issue: Issue, top: str) -> Issue:
    """Only ``top`` and its sub-cards, in a one-card section: enough for ``card_fragment``
    once the whole issue's numbers and anchors are passed in."""
    snap = copy.copy(issue)
    snap.sections = [Section(id="-", card_ids=[top])]
    snap.cards = {cid: copy.deepcopy(issue.cards[cid]) for cid in outline.subtree_ids(issue, top)}
    snap.export = {}
    snap.tags = []
    return snap


def first_screen(issue: Issue, focus: str | None) -> list[str]:
    """Top-level ids rendered into the shell: the focused card, then the first of the page."""
    tops = [top for s in issue.sections for top in s.card_ids if top in issue.cards]
    chosen = [focus] if focus in tops else []
    size = sum(_size(issue, t) for t in chosen)
    for top in tops:
        if size >= FIRST_SCREEN_BYTES:
            break
        if top not in chosen:
            chosen.append(top)
            size += _size(issue, top)
    return chosen


def _size(issue: Issue, top: str) -> int:
    return sum(len(issue.cards[c].body) for c in outline.subtree_ids(issue, top))


def batches(issue: Issue, tops: list[str]) -> list[str]:
    """The first tops of ``tops`` that make one batch of about BATCH_BYTES of Markdown."""
    out: list[str] = []
    size = 0
    for top in tops:
        if out and size >= BATCH_BYTES:
            break
        if top in issue.cards:
            out.append(top)
            size += _size(issue, top)
    return out


# -- jobs (worker threads) -------------------------------------------------------------------
def layout_of(issue: Issue) -> Layout:
    numbers = compute_numbers(issue)
    titles = {cid: card.title for cid, card in issue.cards.items()}
    return Layout(numbers, issue_html.page_anchors(issue, numbers), titles)


def _mark_pending(html: str, pending: set[str]) -> str:
    def mark(match: re.Match) -> str:
        tag = match.group(0)
        return tag[:-1] + f' {PENDING_ATTR}="">' if match.group(1) in pending else tag

    # The sanitizer keeps no data-* attribute in card content, so only our articles match.
    return re.sub(r'<article\b[^>]*\bdata-card-id="([^"]+)"[^>]*>', mark, html)


def render_shell(
    outline_snap: OutlineSnapshot, remote: bool, head: str, full: list[str]
) -> ShellResult:
    """The page with the ``full`` cards rendered and every other top-level card a stub."""
    snap = stub_issue(outline_snap)
    layout = layout_of(snap)
    html = page_html.render_page(snap, remote, head, layout.numbers, layout.anchors)
    full_set = set(full)
    pending = [
        t for s in snap.sections for t in s.card_ids if t in snap.cards and t not in full_set
    ]
    if pending:
        html = _mark_pending(html, set(pending))
    return ShellResult(html, layout, pending)


def render_full_page(outline_snap: OutlineSnapshot, remote: bool, head: str) -> ShellResult:
    """The whole page in one piece (the QTextBrowser preview)."""
    snap = stub_issue(outline_snap)
    layout = layout_of(snap)
    html = page_html.render_page(snap, remote, head, layout.numbers, layout.anchors)
    return ShellResult(html, layout, [])


def render_cards(
    jobs: list[tuple[str, Issue]], layout: Layout, shown: dict[str, str] | None = None
) -> CardsResult:
    """The cards' new HTML; for those whose HTML in the page is in ``shown`` (top id ->
    fragment), the script only patches the nodes that changed."""
    fragments = {
        top: issue_html.card_fragment(
            snap,
            top,
            numbers=layout.numbers,
            anchors=layout.anchors,
            resolver=page_html.PreviewResolver(snap.folder),
        )
        for top, snap in jobs
    }
    items = [(top, layout.anchors.cards.get(top, ""), html) for top, html in fragments.items()]
    patches: dict[str, list] = {}
    for top, old in (shown or {}).items():
        patch = block_patch.card_patch(old, fragments[top]) if top in fragments else None
        if patch is not None:
            patches[top] = patch
    bases = {top: shown[top] for top in patches} if shown else {}
    return CardsResult(fragments, page_html.js_replace_cards(items, patches), bases)


def without_cards(result: CardsResult, drop: set[str], layout: Layout) -> CardsResult:
    """``result`` less the cards in ``drop`` (rendered meanwhile from newer text)."""
    fragments = {top: html for top, html in result.fragments.items() if top not in drop}
    items = [(top, layout.anchors.cards.get(top, ""), html) for top, html in fragments.items()]
    return CardsResult(fragments, page_html.js_replace_cards(items))


def render_toc(outline_snap: OutlineSnapshot, remote: bool, layout: Layout) -> TocResult:
    """The table of contents after titles changed, unless a card that was not renamed got
    another anchor (anchors are made unique in page order)."""
    snap = stub_issue(outline_snap)
    new = layout_of(snap)
    renamed = {cid for cid, title in new.titles.items() if layout.titles.get(cid) != title}
    moved = any(
        layout.anchors.cards.get(cid) != anchor
        for cid, anchor in new.anchors.cards.items()
        if cid not in renamed
    )
    if moved:
        return TocResult(True, "", None)
    page = issue_html.issue_page(snap, preview=True, allow_remote=remote)
    toc = page_html.extract(page, page_html.TOC_ID, "id") or ""
    return TocResult(False, toc, new)
