"""What the preview shows: the export's HTML plus a safety policy, and the small scripts
that update a page in place. No Qt here, so it is cheap to test and safe in worker threads.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import re
from pathlib import Path
from urllib.parse import quote

from editor_app.core import issue_html, outline
from editor_app.core.errors import OutlineError
from editor_app.core.markup.assets import AssetFile, AssetResolver
from editor_app.core.model import Issue
from editor_app.core.numbering import Numbers

# Scripts never run (JavaScript is also off in the page's main world); remote images and
# fonts only when the editor switches remote content on. The template carries the export's
# own policy as well; browsers enforce both. Our own updates run in Qt's isolated
# ApplicationWorld, which neither policy restricts.
_CSP = (
    "default-src 'none'; script-src 'none'; object-src 'none'; frame-src 'none'; "
    "base-uri 'none'; form-action 'none'; style-src 'unsafe-inline' file: data:{remote}; "
    "img-src file: data:{remote}; font-src file: data:{remote}; media-src file: data:{remote}"
)

# "Current card" mode hides everything except the chosen card and the elements around it
# (marked by FOCUS_JS: mh-target on the card, mh-path on its ancestors), so switching modes
# never reloads the page.
PREVIEW_CSS = """<style id="masthead-preview">
body.mh-card-mode > :not(.mh-path):not(.mh-target),
body.mh-card-mode .mh-path > :not(.mh-path):not(.mh-target) { display: none !important; }
</style>"""

_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)


def csp_meta(remote: bool) -> str:
    policy = _CSP.format(remote=" http: https:" if remote else "")
    return f'<meta http-equiv="Content-Security-Policy" content="{policy}">'


def with_policy(html: str, remote: bool) -> str:
    """Put the policy first in <head>, before anything that could load a resource."""
    meta = csp_meta(remote)
    match = _HEAD.search(html)
    if match is None:
        return meta + html
    return html[: match.end()] + meta + html[match.end() :]


class PreviewResolver(AssetResolver):
    """The export's URL policy, but local files keep their place in the issue folder.

    The export copies files outside assets/ to assets/_files/; the preview page has its base
    URL at the issue folder itself, so every file is addressed by its path there.
    """

    def __init__(self, folder: Path | None):
        super().__init__(folder, prefix="")

    def output_rel_text(self, ref: str, asset: AssetFile) -> str:  # type: ignore[override]
        if self.folder is None:
            return AssetResolver.output_rel_text(ref, asset)
        return quote(asset.source.relative_to(Path(self.folder).resolve()).as_posix())


def render_page(issue: Issue, remote: bool) -> str:
    """The whole issue as the HTML export renders it, for the preview."""
    html = issue_html.issue_page(
        issue,
        preview=True,
        extra_head=PREVIEW_CSS,
        allow_remote=remote,
        resolver=PreviewResolver(issue.folder),
    )
    return with_policy(html, remote)


def render_cards(jobs: list[tuple[str, Issue]], numbers: Numbers) -> dict[str, str]:
    """Fragments of top-level cards, each rendered from its own snapshot."""
    return {
        top: issue_html.card_fragment(
            snap, top, numbers=numbers, resolver=PreviewResolver(snap.folder)
        )
        for top, snap in jobs
    }


# -- snapshots (taken on the UI thread, handed to a worker) --------------------------------
def top_level_of(issue: Issue, card_id: str) -> str:
    """The top-level card that holds ``card_id`` (itself when it is top level)."""
    section_ids = {s.id for s in issue.sections}
    current = card_id
    for _ in range(len(issue.cards) + 1):
        parent, _index = outline.parent_of(issue, current)
        if parent in section_ids:
            return current
        current = parent
    raise OutlineError(f"card {card_id!r} has a cyclic parent chain")


def issue_snapshot(issue: Issue) -> Issue:
    snap = copy.deepcopy(issue)
    snap.folder = issue.folder
    return snap


def card_snapshot(issue: Issue, top_id: str) -> Issue:
    """A private copy for rendering one top-level card: that card's subtree in full, every
    other card as an outline stub (title, kind, group, children: what anchors and numbers
    depend on). Copying one card's text instead of the whole issue keeps keystrokes cheap.
    """
    subtree = set(outline.subtree_ids(issue, top_id))
    snap = copy.copy(issue)
    snap.sections = copy.deepcopy(issue.sections)
    snap.export = copy.deepcopy(issue.export)
    snap.tags = list(issue.tags)
    snap.numbering = copy.copy(issue.numbering)
    snap.cards = {
        cid: copy.deepcopy(card)
        if cid in subtree
        else dataclasses.replace(
            card,
            body="",
            note="",
            source=None,
            links=[],
            further_reading=[],
            tags=[],
            child_ids=list(card.child_ids),
        )
        for cid, card in issue.cards.items()
    }
    return snap


def layout_key(issue: Issue) -> tuple:
    """What the page around the cards depends on; a change means loading the page again."""

    def tree(ids: list[str]) -> tuple:
        return tuple((cid, tree(issue.cards[cid].child_ids)) for cid in ids if cid in issue.cards)

    sections = tuple((s.id, s.title, s.emoji, s.intro, tree(s.card_ids)) for s in issue.sections)
    return (sections, issue.numbering.sections, issue.numbering.cards)


def titles_key(issue: Issue) -> dict[str, str]:
    """Card titles, which the table of contents repeats outside the cards."""
    return {c.id: c.title for c in issue.cards.values()}


def title_change_needs_reload(issue: Issue, old_titles: dict[str, str]) -> bool:
    """True when renaming cards moved the anchor of a card that was not renamed.

    Anchors come from titles and are made unique in page order, so a new title can push
    another card's anchor to "-2"; only a full render puts that card right.
    """
    renamed = {cid for cid, card in issue.cards.items() if old_titles.get(cid) != card.title}
    old = copy.copy(issue)
    old.cards = {
        cid: dataclasses.replace(card, title=old_titles.get(cid, card.title))
        for cid, card in issue.cards.items()
    }
    before = issue_html.page_anchors(old).cards
    after = issue_html.page_anchors(issue).cards
    return any(before.get(cid) != anchor for cid, anchor in after.items() if cid not in renamed)


# -- scripts run in the page's isolated world ---------------------------------------------
def js_string(value: str) -> str:
    """A JavaScript string literal (JSON, with the two line separators JS once rejected)."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


FOCUS_JS = """
(function (target, top, mode, scroll) {
  var kept = document.querySelectorAll('.mh-path, .mh-target');
  for (var i = 0; i < kept.length; i++) kept[i].classList.remove('mh-path', 'mh-target');
  var sel = function (id) {
    return document.querySelector('[data-card-id="' + CSS.escape(id) + '"]');
  };
  var el = target ? (sel(target) || sel(top)) : null;
  if (mode === 'card' && el) {
    document.body.classList.add('mh-card-mode');
    el.classList.add('mh-target');
    for (var n = el.parentElement; n && n !== document.body; n = n.parentElement) {
      n.classList.add('mh-path');
    }
    if (scroll) window.scrollTo(0, 0);
  } else {
    document.body.classList.remove('mh-card-mode');
    if (el && scroll) {
      var r = el.getBoundingClientRect();
      if (r.bottom < 0 || r.top > window.innerHeight) el.scrollIntoView({block: 'start'});
    }
  }
  return !!el;
})(%s, %s, %s, %s);
"""


def js_focus(target: str | None, top: str | None, mode: str, scroll: bool) -> str:
    args = [js_string(target or ""), js_string(top or ""), js_string(mode)]
    return FOCUS_JS % (*args, "true" if scroll else "false")


REPLACE_JS = """
(function (attr, value, html) {
  var el = document.querySelector('[' + attr + '="' + CSS.escape(value) + '"]');
  if (!el) return false;
  el.outerHTML = html;
  return true;
})(%s, %s, %s);
"""

CARD_ATTR = "data-card-id"
TOC_ID = "toc"  # the table of contents in issue.html.j2


def js_replace(value: str, fragment: str, attr: str = CARD_ATTR) -> str:
    """Replace the element whose ``attr`` is ``value`` by ``fragment``."""
    return REPLACE_JS % (js_string(attr), js_string(value), js_string(fragment))


def js_contains(text: str) -> str:
    """True when the page's visible text contains ``text`` (tests and the benchmark)."""
    return f"document.body.textContent.indexOf({js_string(text)}) >= 0"


# -- the same updates on a string, for the QTextBrowser fallback ---------------------------
def element_span(html: str, value: str, attr: str = CARD_ATTR) -> tuple[int, int] | None:
    """Start and end offsets of the element whose ``attr`` is ``value``.

    The sanitizer keeps no data-* attribute, so card content cannot forge a data-card-id;
    nested elements of the same tag are counted.
    """
    start = re.search(
        r"<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*\s"
        + re.escape(attr)
        + r'="'
        + re.escape(value)
        + r'"[^>]*>',
        html,
    )
    if start is None:
        return None
    tag = start.group(1).lower()
    token = re.compile(r"<(/?)" + re.escape(tag) + r"\b[^>]*>", re.IGNORECASE)
    depth = 1
    for match in token.finditer(html, start.end()):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return start.start(), match.end()
    return None


def splice(page: str, value: str, fragment: str, attr: str = CARD_ATTR) -> str | None:
    """``page`` with the element replaced by ``fragment``; None if it is not there."""
    span = element_span(page, value, attr)
    if span is None:
        return None
    return page[: span[0]] + fragment + page[span[1] :]


def extract(page: str, value: str, attr: str = CARD_ATTR) -> str | None:
    span = element_span(page, value, attr)
    return None if span is None else page[span[0] : span[1]]


def page_with_body(page: str, body: str) -> str:
    """The page's head with another body (the fallback's "current card" mode)."""
    match = re.search(r"<body\b[^>]*>", page, re.IGNORECASE)
    if match is None:
        return body
    return page[: match.end()] + body + "</body></html>"
