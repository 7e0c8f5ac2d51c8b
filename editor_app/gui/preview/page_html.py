"""What the preview shows: the export's HTML plus a safety policy, and the small scripts
that update a page in place. No Qt here, so it is cheap to test and safe in worker threads.
"""

from __future__ import annotations

import copy
import json
import re

from editor_app.core import issue_html, outline
from editor_app.core.errors import OutlineError
from editor_app.core.model import Issue
from editor_app.core.numbering import Numbers

# Scripts never run (JavaScript is also off in the page's main world); remote images and
# fonts only when the editor switches remote content on. Our own updates run in Qt's
# isolated ApplicationWorld, which the policy does not restrict.
_CSP = (
    "default-src 'none'; script-src 'none'; object-src 'none'; frame-src 'none'; "
    "base-uri 'none'; form-action 'none'; style-src 'unsafe-inline' file: data:{remote}; "
    "img-src file: data:{remote}; font-src file: data:{remote}; media-src file: data:{remote}"
)

# "Current card" mode hides everything except the chosen card and the elements around it
# (marked by FOCUS_JS), so switching modes never reloads the page.
PREVIEW_CSS = """<style id="masthead-preview">
body.mh-card-mode *:not(.mh-keep):not(.mh-keep *) { display: none !important; }
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


def render_page(issue: Issue, remote: bool) -> str:
    """The whole issue as the HTML export renders it, for the preview."""
    html = issue_html.issue_page(
        issue, asset_prefix="assets/", preview=True, extra_head=PREVIEW_CSS
    )
    return with_policy(html, remote)


def render_cards(jobs: list[tuple[str, Issue]], numbers: Numbers) -> dict[str, str]:
    """Fragments of top-level cards, each rendered from its own snapshot."""
    return {
        top: issue_html.card_fragment(snap, top, numbers=numbers, asset_prefix="assets/")
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
    """A private copy holding the outline and only the cards of one top-level card's subtree.

    Copying one card instead of the whole issue keeps every keystroke cheap on the UI thread.
    """
    snap = copy.copy(issue)
    snap.sections = copy.deepcopy(issue.sections)
    snap.export = copy.deepcopy(issue.export)
    snap.tags = list(issue.tags)
    snap.cards = {
        cid: copy.deepcopy(issue.cards[cid])
        for cid in outline.subtree_ids(issue, top_id)
        if cid in issue.cards
    }
    return snap


def structure_key(issue: Issue) -> tuple:
    """What the page around the cards depends on; a change means a full page render."""

    def tree(ids: list[str]) -> tuple:
        return tuple((cid, tree(issue.cards[cid].child_ids)) for cid in ids if cid in issue.cards)

    sections = tuple((s.id, s.title, s.emoji, s.intro, tree(s.card_ids)) for s in issue.sections)
    titles = tuple((c.id, c.title) for c in issue.cards.values())
    return (sections, titles, issue.numbering.sections, issue.numbering.cards)


# -- scripts run in the page's isolated world ---------------------------------------------
def js_string(value: str) -> str:
    """A JavaScript string literal (JSON, with the two line separators JS once rejected)."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


FOCUS_JS = """
(function (target, top, mode, scroll) {
  var kept = document.querySelectorAll('.mh-keep');
  for (var i = 0; i < kept.length; i++) kept[i].classList.remove('mh-keep');
  var sel = function (id) {
    return document.querySelector('[data-card-id="' + CSS.escape(id) + '"]');
  };
  var el = target ? (sel(target) || sel(top)) : null;
  if (mode === 'card' && el) {
    document.body.classList.add('mh-card-mode');
    for (var n = el; n && n !== document.body; n = n.parentElement) n.classList.add('mh-keep');
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
(function (id, html) {
  var el = document.querySelector('[data-card-id="' + CSS.escape(id) + '"]');
  if (!el) return false;
  el.outerHTML = html;
  return true;
})(%s, %s);
"""


def js_replace(card_id: str, fragment: str) -> str:
    return REPLACE_JS % (js_string(card_id), js_string(fragment))


def js_contains(text: str) -> str:
    """True when the page's visible text contains ``text`` (tests and the benchmark)."""
    return f"document.body.textContent.indexOf({js_string(text)}) >= 0"


# -- the same updates on a string, for the QTextBrowser fallback ---------------------------
def _element_span(html: str, card_id: str) -> tuple[int, int] | None:
    """Start and end offsets of the element carrying ``data-card-id="card_id"``.

    The sanitizer drops every <article>/<div> attribute but id/class/title, so card content
    cannot forge a data-card-id; nested elements of the same tag are counted.
    """
    start = re.search(
        r'<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*\bdata-card-id="' + re.escape(card_id) + r'"[^>]*>', html
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


def splice_card(page: str, card_id: str, fragment: str) -> str | None:
    """``page`` with the card's element replaced by ``fragment``; None if it is not there."""
    span = _element_span(page, card_id)
    if span is None:
        return None
    return page[: span[0]] + fragment + page[span[1] :]


def extract_card(page: str, card_id: str) -> str | None:
    span = _element_span(page, card_id)
    return None if span is None else page[span[0] : span[1]]


def page_with_body(page: str, body: str) -> str:
    """The page's head with another body (the fallback's "current card" mode)."""
    match = re.search(r"<body\b[^>]*>", page, re.IGNORECASE)
    if match is None:
        return body
    return page[: match.end()] + body + "</body></html>"
