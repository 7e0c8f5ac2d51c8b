"""What the preview shows: the export's HTML plus a safety policy, and the small scripts
that update a page in place. No Qt here, so it is cheap to test and safe in worker threads.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import quote

from editor_app.core import issue_html, outline
from editor_app.core.errors import OutlineError
from editor_app.core.issue_html import Anchors
from editor_app.core.markup.assets import AssetFile, AssetResolver
from editor_app.core.model import Issue
from editor_app.core.numbering import Numbers

# Scripts never run (JavaScript is also off in the page's main world); remote images and
# fonts only when the editor switches remote content on. The template carries the export's
# own policy as well; browsers enforce both. Our own updates run in Qt's isolated
# ApplicationWorld, which neither policy restricts.
_CSP = (
    "default-src 'none'; script-src 'none'; object-src 'none'; frame-src 'none'; "
    "base-uri 'none'; form-action 'none'; "
    "style-src 'self' 'unsafe-inline' file: data:{remote}; "
    "img-src 'self' file: data:{remote}; font-src 'self' file: data:{remote}; "
    "media-src 'self' file: data:{remote}"
)

# "Current card" mode hides everything except the chosen card and the elements around it
# (marked by FOCUS_JS: mh-target on the card, mh-path on its ancestors), so switching modes
# never reloads the page. Cards not yet rendered (a large issue arrives in batches) show
# their number and title over a quiet placeholder. Sections, cards and the table of
# contents off screen skip layout and paint (content-visibility): in a page of thousands of
# cards, swapping one card otherwise repaints and re-walks the whole document (the contents
# of a 3 MB issue alone, 12,000 elements, cost each keystroke's frame about 2 ms).
PREVIEW_CSS = """<style id="masthead-preview">
body.mh-card-mode > :not(.mh-path):not(.mh-target),
body.mh-card-mode .mh-path > :not(.mh-path):not(.mh-target) { display: none !important; }
nav#toc { content-visibility: auto; contain-intrinsic-size: auto 2000px; }
section.issue-section { content-visibility: auto; contain-intrinsic-size: auto 5000px; }
article.card:not(.sub-card) { content-visibility: auto; contain-intrinsic-size: auto 480px; }
article[data-mh-pending] { min-height: 12rem; opacity: 0.55; }
article[data-mh-pending]::after {
  content: ""; display: block; height: 6rem; margin-top: 0.5rem; border-radius: 6px;
  background: repeating-linear-gradient(var(--bg-soft, #f6f8fa) 0 1.2rem, transparent 1.2rem 1.8rem);
}
</style>"""

THEME_ID = "mh-theme"
PENDING_ATTR = "data-mh-pending"  # stub cards still waiting for their batch

# The app's light and dark looks for the preview; "As published" empties this element and
# leaves the export's own stylesheet (which follows the system's colour scheme).
THEME_CSS = {
    "light": """:root { color-scheme: light; --fg: #1f2328; --fg-muted: #57606a; --bg: #ffffff;
  --bg-soft: #f6f8fa; --border: #d8dee4; --accent: #0b63c5; --accent-soft: #e8f1fb;
  --note-bg: #fff8e6; --note-border: #e6b94c; }
body.preview .page { padding-left: 1.25rem; padding-right: 1.25rem; }""",
    "dark": """:root { color-scheme: dark; --fg: #e6e6e6; --fg-muted: #a3a8b0; --bg: #1e1f22;
  --bg-soft: #26282c; --border: #3d4045; --accent: #7cb7ff; --accent-soft: #1d2f45;
  --note-bg: #2e2a1f; --note-border: #9e7a22; }
body.preview .page { padding-left: 1.25rem; padding-right: 1.25rem; }
img { opacity: 0.92; }""",
}


def theme_css(scheme: str | None) -> str:
    """The preview's stylesheet for "light" or "dark"; empty for None ("As published")."""
    return THEME_CSS.get(scheme or "", "")


def theme_style(scheme: str | None) -> str:
    return f'<style id="{THEME_ID}">{theme_css(scheme)}</style>'


def js_set_theme(scheme: str | None) -> str:
    return (
        f"(function (css) {{ var s = document.getElementById({js_string(THEME_ID)});"
        " if (s) s.textContent = css; return !!s; })"
        f"({js_string(theme_css(scheme))});"
    )


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


def render_page(
    issue: Issue,
    remote: bool,
    head: str = "",
    numbers: Numbers | None = None,
    anchors: Anchors | None = None,
) -> str:
    """The whole issue as the HTML export renders it, for the preview; ``head`` is more of
    Masthead's own markup for <head> (the theme's stylesheet). ``numbers`` and ``anchors``
    of the issue may be passed in (the shell job has them already)."""
    html = issue_html.issue_page(
        issue,
        preview=True,
        extra_head=PREVIEW_CSS + head,
        allow_remote=remote,
        resolver=PreviewResolver(issue.folder),
        numbers=numbers,
        anchors=anchors,
    )
    return with_policy(html, remote)


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


def layout_key(issue: Issue) -> tuple:
    """What the page around the cards depends on; a change means loading the page again."""

    # The outline as (section, card, depth) in order says the same as a nested tree, and the
    # walk leaves no reference cycle behind (a recursive inner function would, per keystroke).
    outline = tuple((s.id, c.id, depth) for s, c, depth in issue.iter_cards())
    sections = tuple((s.id, s.title, s.emoji, s.intro) for s in issue.sections)
    return (sections, outline, issue.numbering.sections, issue.numbering.cards)


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
  // Card updates mark the target again inside a card they swap (see REPLACE_CARDS_JS).
  window.mhTarget = (mode === 'card' && el) ? el.getAttribute('data-card-id') : '';
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


# Typing far down a card taller than the view: the preview scrolls so that the same share of
# the card's height as the cursor's share of its text is in view (an estimate, no source map:
# the renderer writes no line positions into the page, so exports stay as they are). A card
# that fits in the view was brought into view when it was chosen; nothing moves then.
REVEAL_JS = """
(function (anchor, id, share) {
  var el = anchor ? document.getElementById(anchor) : null;
  if (!el || el.getAttribute('data-card-id') !== id) {
    el = document.querySelector('[data-card-id="' + CSS.escape(id) + '"]');
  }
  if (!el) return false;
  var r = el.getBoundingClientRect(), h = window.innerHeight;
  if (r.height <= h) return false;
  var y = r.top + share * r.height, margin = h * 0.15;
  if (y >= margin && y <= h - margin) return false;
  window.scrollBy(0, y - h * 0.5);
  return true;
})(%s, %s, %s);
"""


def js_reveal(anchor: str | None, card_id: str, share: float) -> str:
    """Scroll so that ``share`` (0..1) of the way down the card is in view, if it is not."""
    share = min(1.0, max(0.0, share))
    return REVEAL_JS % (js_string(anchor or ""), js_string(card_id), f"{share:.4f}")


# The card's element stays: its attributes are brought up to date and its children are
# merged with the new ones. Replacing the element itself (outerHTML) throws away what Chromium
# remembers about it (its last laid-out size under content-visibility, the "current card"
# marks) and makes it lay out the page around it again. Replacing all its children
# (innerHTML) made Chromium restyle and lay out the whole card and load its images again on
# every keystroke; the merge keeps every node equal to its new version (isEqualNode) and
# changes only what differs, usually one text node of the typed paragraph. ``attrs`` is null
# when the fragment was not one article; then the whole element is replaced. A kept element
# loses its "waiting" mark. A row with a fifth item carries a block patch instead of the card
# (block_patch.py): only the new nodes are parsed, and merged over the run of old ones.
REPLACE_CARDS_JS = """
(function (items) {
  var failed = [], keep = ['mh-path', 'mh-target'];
  function withMarks(el, name, value) {
    if (name !== 'class') return value;
    for (var k = 0; k < keep.length; k++) {
      if (el.classList.contains(keep[k])) value += ' ' + keep[k];
    }
    return value;
  }
  function syncAttrs(el, neu, drop) {
    var names = {};
    for (var j = 0; j < neu.length; j++) {
      var name = neu[j][0], value = withMarks(el, name, neu[j][1]);
      names[name] = true;
      if (el.getAttribute(name) !== value) el.setAttribute(name, value);
    }
    if (!drop) return;
    for (var j = el.attributes.length - 1; j >= 0; j--) {
      var old = el.attributes[j].name;
      if (names[old]) continue;
      var marks = old === 'class' ? withMarks(el, 'class', '').trim() : '';
      if (marks) el.setAttribute('class', marks); else el.removeAttribute(old);
    }
  }
  function pairs(el) {
    var out = [];
    for (var j = 0; j < el.attributes.length; j++) {
      out.push([el.attributes[j].name, el.attributes[j].value]);
    }
    return out;
  }
  function kids(n) { return Array.prototype.slice.call(n.childNodes); }
  // The old nodes ``a`` (a run of el's children, followed by ``after``) become the new
  // nodes ``b``. Equal nodes at both ends stay; the rest is merged pairwise when as many
  // remain on both sides (same tag: recursively), otherwise swapped.
  function merge(el, a, b, after) {
    var i = 0, j = 0;
    while (i < a.length && i < b.length && a[i].isEqualNode(b[i])) i++;
    while (j < a.length - i && j < b.length - i &&
           a[a.length - 1 - j].isEqualNode(b[b.length - 1 - j])) j++;
    var olds = a.slice(i, a.length - j), news = b.slice(i, b.length - j);
    if (olds.length === news.length) {
      for (var k = 0; k < olds.length; k++) {
        var o = olds[k], n = news[k];
        if (o.nodeType === 1 && n.nodeType === 1 && o.tagName === n.tagName) {
          syncAttrs(o, pairs(n), true);
          merge(o, kids(o), kids(n), null);
        } else if (o.nodeType === 3 && n.nodeType === 3) {
          o.data = n.data;
        } else {
          el.replaceChild(n, o);
        }
      }
      return;
    }
    var before = j ? a[a.length - j] : after;
    for (var k = 0; k < olds.length; k++) el.removeChild(olds[k]);
    for (var k = 0; k < news.length; k++) el.insertBefore(news[k], before);
  }
  // A block patch (see block_patch.py): the page checks that the card holds what the patch
  // was made against, or nothing changes and the caller sends the whole card.
  function patch(el, p) {
    var node = el, path = p[0], tags = p[1], counts = p[2];
    for (var k = 0; ; k++) {
      if (node.childNodes.length !== counts[k]) return false;
      if (k === path.length) break;
      node = node.childNodes[path[k]];
      if (node.nodeType !== 1 || node.localName !== tags[k]) return false;
    }
    var parsed = document.createElement('template');
    parsed.innerHTML = p[5];
    if (parsed.content.childNodes.length !== p[6]) return false;
    var all = node.childNodes, after = all[p[3] + p[4]] || null;
    merge(node, Array.prototype.slice.call(all, p[3], p[3] + p[4]), kids(parsed.content), after);
    return true;
  }
  for (var i = 0; i < items.length; i++) {
    var id = items[i][0], anchor = items[i][1], attrs = items[i][2], html = items[i][3];
    var el = anchor ? document.getElementById(anchor) : null;
    if (!el || el.getAttribute('data-card-id') !== id) {
      el = document.querySelector('[data-card-id="' + CSS.escape(id) + '"]');
    }
    if (!el) continue;
    if (items[i].length > 4) {
      if (!patch(el, items[i][4])) { failed.push(id); continue; }
    } else if (attrs === null) {
      el.outerHTML = html; continue;
    } else {
      el.removeAttribute('PENDING_ATTR');
      syncAttrs(el, attrs, false);
      var parsed = document.createElement('template');  // inert: nothing loads from here
      parsed.innerHTML = html;
      merge(el, kids(el), kids(parsed.content), null);
    }
    if (window.mhTarget && el.classList.contains('mh-path')) {
      // "Current card" mode on a sub-card of this card: a new element takes the marks.
      var t = el.querySelector('[data-card-id="' + CSS.escape(window.mhTarget) + '"]');
      if (t) t.classList.add('mh-target');
      for (var n = t ? t.parentElement : null; n && n !== el; n = n.parentElement) {
        n.classList.add('mh-path');
      }
    }
  }
  return JSON.stringify(failed);  // an array would reach Python as an empty string
})(%s);
""".replace("PENDING_ATTR", PENDING_ATTR)

_ARTICLE = re.compile(r"\s*<article\b([^>]*)>(.*)</article>\s*", re.DOTALL)
_ARTICLE_TAG = re.compile(r"<(/?)article\b")
_ATTR = re.compile(r'\s([a-zA-Z][a-zA-Z0-9_:-]*)="([^"]*)"')


def split_element(fragment: str) -> tuple[list[list[str]], str] | None:
    """A card fragment as (its article's attributes, its inner HTML); None when it is not
    one article element (then the page replaces the whole element)."""
    match = _ARTICLE.fullmatch(fragment)
    if match is None:
        return None
    inner = match.group(2)
    # One article only: the inner HTML must never close it early (sub-cards nest balanced).
    depth = 0
    for tag in _ARTICLE_TAG.finditer(inner):
        depth += -1 if tag.group(1) else 1
        if depth < 0:
            return None
    if depth:
        return None
    attrs = [[name, html.unescape(value)] for name, value in _ATTR.findall(match.group(1))]
    return attrs, inner


def js_replace_cards(items: list[tuple[str, str, str]], patches: dict | None = None) -> str:
    """Update cards given as (card id, anchor, new HTML) in place. The anchor finds the
    element by id in constant time; the attribute search over the whole page is the
    fallback. A card with a patch in ``patches`` (block_patch.card_patch) gets only that;
    the script answers the ids of the cards whose patch did not fit the page (JSON)."""
    rows: list[list] = []
    for card_id, anchor, fragment in items:
        if patches and patches.get(card_id) is not None:
            rows.append([card_id, anchor, None, "", patches[card_id]])
            continue
        parts = split_element(fragment)
        if parts is None:
            rows.append([card_id, anchor, None, fragment])
        else:
            rows.append([card_id, anchor, parts[0], parts[1]])
    return REPLACE_CARDS_JS % js_string_list(rows)


def js_string_list(items: list) -> str:
    text = json.dumps(items, ensure_ascii=False)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


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
