"""The one place an issue becomes HTML: shared by the preview and the HTML export.

``card_fragment`` renders one card (with its sub-cards) so the preview can replace a single
``<article data-card-id=…>``; ``issue_page`` renders the whole document. Both use the
templates in resources/templates with Jinja2 autoescape; card bodies and notes come from the
sanitizing renderer and are then only post-processed (ids prefixed, headings shifted,
asset URLs mapped) by code that re-escapes everything it writes.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from editor_app.core.markup.assets import AssetResolver
from editor_app.core.markup.body_html import LayeredIds, map_urls, prefix_ids, shift_headings
from editor_app.core.model import Card, Issue
from editor_app.core.numbering import Numbers, compute_numbers
from editor_app.core.render import render_markdown, slugify
from editor_app.core.render_limits import MAX_CARD_CHARS, MAX_INLINE_TOKENS, LimitReport
from editor_app.core.resources import resource

CARD_LEVEL = 3  # h1 issue title, h2 sections, h3 top-level cards
_RESERVED_IDS = frozenset({"top", "toc", "main", "content", "contents"})

LABELS = {
    "zh": {
        "source": "原文",
        "further": "拓展阅读",
        "note": "编辑点评",
        "toc": "目录",
        "back_to_top": "回到顶部",
        "issue": "第 {n} 期",
        "untitled": "（无标题）",
        "render_failed": "此卡片无法渲染：{reason}",
        "too-large": "文本有 {size} 个字符，超过每张卡片可渲染的 {limit} 个字符",
        "too-complex": "某一段落的行内标记（链接、强调、转义等）超过 {tokens} 个",
        "renderer-error": "Markdown 渲染器出错（{detail}）",
        "source_cut": "…（其余 {rest} 个字符未显示）",
    },
    "en": {
        "source": "Source",
        "further": "Further reading",
        "note": "Editor's note",
        "toc": "Contents",
        "back_to_top": "Back to top",
        "issue": "Issue {n}",
        "untitled": "(untitled)",
        "render_failed": "This card could not be rendered: {reason}",
        "too-large": "its text has {size} characters, more than the {limit} rendered per card",
        "too-complex": "a paragraph has more than {tokens} links, emphasis marks or escapes",
        "renderer-error": "the Markdown renderer failed ({detail})",
        "source_cut": "… ({rest} more characters not shown)",
    },
}


def shows_text(title: str) -> bool:
    """Whether a title prints anything: NUL, which no page can carry, counts as blank."""
    return bool(title.replace("\x00", "").strip())


def labels_for(language: str) -> dict[str, str]:
    """Output labels for the issue's language (Chinese for zh-*, English otherwise)."""
    return LABELS["zh" if (language or "").lower().startswith("zh") else "en"]


# -- anchors -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Anchors:
    sections: dict[str, str]
    cards: dict[str, str]

    @functools.cached_property
    def taken(self) -> frozenset[str]:
        """Every id these anchors and the page template use; computed once per layout."""
        return frozenset(self.sections.values()) | frozenset(self.cards.values()) | _RESERVED_IDS


def _has_word(text: str) -> bool:
    return any(unicodedata.category(ch)[0] in "LN" for ch in unicodedata.normalize("NFKC", text))


def page_anchors(issue: Issue, numbers: Numbers | None = None) -> Anchors:
    """Unique, readable element ids for every section and card, stable in outline order.

    Card anchors come from the title alone (so reordering keeps links working); titles made
    only of emoji or punctuation fall back to the card number. Body ids are prefixed with
    ``<card anchor>--``, which no anchor here can contain, so they never collide.
    """
    numbers = numbers or compute_numbers(issue)
    used = set(_RESERVED_IDS)

    def unique(base: str) -> str:
        candidate, n = base, 2
        while candidate in used:
            candidate, n = f"{base}-{n}", n + 1
        used.add(candidate)
        return candidate

    sections: dict[str, str] = {}
    for pos, section in enumerate(issue.sections, start=1):
        text = f"{numbers.sections.get(section.id, '')} {section.title}"
        sections[section.id] = unique(slugify(text) if _has_word(text) else f"section-{pos}")
    cards: dict[str, str] = {}
    for _section, card, _depth in issue.iter_cards():
        number = numbers.cards.get(card.id, "").replace(".", "-")
        base = slugify(card.title) if _has_word(card.title) else f"card-{number or card.id}"
        cards[card.id] = unique(base)
    return Anchors(sections, cards)


def _render_rich(
    text: str, prefix: str, top_level: int, ctx: _Context, card_id: str | None
) -> Markup:
    result = render_markdown(text, id_prefix=prefix)
    if result.limits.refused:
        return render_error_box(text, result.limits, ctx.labels)
    rendered, resolver, used = result.html, ctx.resolver, ctx.used_ids
    rendered = prefix_ids(rendered, prefix, used)
    rendered = shift_headings(rendered, top_level)
    return Markup(map_urls(rendered, resolver, card_id))  # noqa: S704 - sanitized above


SHOWN_SOURCE_CHARS = 20_000  # of a refused card's text, shown as escaped preformatted text


def render_error_box(text: str, report: LimitReport, labels: dict[str, str]) -> Markup:
    """What stands in for a text the renderer refused: the reason and the text, escaped."""
    reason = labels[report.refused].format(
        size=f"{len(text):,}",
        limit=f"{MAX_CARD_CHARS:,}",
        tokens=f"{MAX_INLINE_TOKENS:,}",
        detail=report.detail,
    )
    shown = text[:SHOWN_SOURCE_CHARS]
    cut = ""
    if len(text) > SHOWN_SOURCE_CHARS:
        cut = labels["source_cut"].format(rest=f"{len(text) - SHOWN_SOURCE_CHARS:,}")
    return Markup(
        '<div class="render-error" role="note"><p class="render-error-title">{}</p>'
        '<pre class="render-error-source">{}</pre>{}</div>'
    ).format(
        labels["render_failed"].format(reason=reason),
        shown,
        Markup('<p class="render-error-cut">{}</p>').format(cut) if cut else "",
    )


def _keep_line_breaks(text: str) -> str:
    # Notes and intros are typed line by line: a single newline stays a line break.
    return re.sub(r"(?<=\S)\n(?=[^\s\-*+>#|`\d])", "  \n", text)


def _intro_html(ctx: _Context, intro: str, anchor: str) -> Markup:
    """A section intro: Markdown, through the same renderer and post-processing as bodies
    (sanitized, ids prefixed, headings below the section title, files through the resolver).
    """
    if not intro.strip():
        return Markup("")
    text = _keep_line_breaks(intro.strip("\n"))
    return _render_rich(text, f"{anchor}--intro-", CARD_LEVEL, ctx, None)


# -- view model ----------------------------------------------------------------------------
@dataclass
class _Link:
    label: str
    url: str | None


@dataclass
class _Further:
    title: str
    url: str | None
    summary: str


@dataclass
class _Source:
    title: str
    url: str | None


@dataclass
class _Group:
    title: str
    level: int
    cards: list[_CardView] = field(default_factory=list)


@dataclass
class _CardView:
    id: str
    anchor: str
    number: str
    title: str
    kind: str
    depth: int
    level: int
    minor_level: int
    source: _Source | None
    links: list[_Link]
    body: Markup
    further: list[_Further]
    note: Markup
    groups: list[_Group]


@dataclass
class _Context:
    issue: Issue
    numbers: Numbers
    anchors: Anchors
    resolver: AssetResolver
    labels: dict[str, str]
    used_ids: LayeredIds


def _link_url(url: str, ctx: _Context, card_id: str) -> str | None:
    # The resolver refuses (and reports) unsafe schemes and unsafe local paths.
    return ctx.resolver.link(url, card_id)


def _card_view(ctx: _Context, card: Card, depth: int, level: int) -> _CardView:
    anchor = ctx.anchors.cards.get(card.id, card.id)
    level = min(level, 6)
    source = None
    if card.source and (card.source.title or card.source.url):
        url = _link_url(card.source.url, ctx, card.id) if card.source.url else None
        source = _Source(card.source.title, url)
    links = [
        _Link(x.label, _link_url(x.url, ctx, card.id) if x.url else None)
        for x in card.links
        if x.label or x.url
    ]
    further = [
        _Further(f.title, _link_url(f.url, ctx, card.id) if f.url else None, f.summary)
        for f in card.further_reading
        if f.title or f.url
    ]
    body = Markup("")
    if card.unreadable:
        body = Markup("<p>{}</p>").format(card.unreadable)
    elif card.body.strip():
        body = _render_rich(card.body, f"{anchor}--", min(level + 1, 6), ctx, card.id)
    note = Markup("")
    note_text = card.note.strip()
    if note_text.startswith("🎤"):
        note_text = note_text[1:].lstrip()
    if note_text:
        # A note is typed line by line (like the 🎤 lines of a page): keep its line breaks.
        note_text = _keep_line_breaks(note_text)
        note = _render_rich(note_text, f"{anchor}--note-", min(level + 1, 6), ctx, card.id)
    groups: list[_Group] = []
    for child_id in card.child_ids:
        child = ctx.issue.cards.get(child_id)
        if child is None:
            continue
        if not groups or groups[-1].title != child.group:
            groups.append(_Group(child.group, min(level + 1, 6)))
        group = groups[-1]
        child_level = level + 2 if group.title else level + 1
        group.cards.append(_card_view(ctx, child, depth + 1, child_level))
    return _CardView(
        id=card.id,
        anchor=anchor,
        number=ctx.numbers.display(card.id),
        title=card.title if shows_text(card.title) else ctx.labels["untitled"],
        kind=card.kind,
        depth=depth,
        level=level,
        minor_level=min(level + 1, 6),
        source=source,
        links=links,
        body=body,
        further=further,
        note=note,
        groups=groups,
    )


# -- templates -----------------------------------------------------------------------------
@functools.lru_cache(maxsize=4)
def _environment(templates_dir: str) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def environment() -> jinja2.Environment:
    return _environment(str(resource("templates")))


@functools.lru_cache(maxsize=4)
def _read_css(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=4)
def _card_macro(templates_dir: str) -> Any:
    # The template's macro itself, called for each card: rendering a small template that
    # imports it made a new context and ran the import for every card (thousands of stubs in
    # a large issue's preview page: two thirds of its render).
    return _environment(templates_dir).get_template("card.html.j2").module.render_card


@functools.cache
def _templates_dir() -> str:
    return str(resource("templates"))


def _render_card_html(ctx: _Context, view: _CardView) -> str:
    return str(_card_macro(_templates_dir())(view, ctx.labels)).strip() + "\n"


def _context(
    issue: Issue,
    numbers: Numbers | None,
    resolver: AssetResolver | None,
    asset_prefix: str,
    anchors: Anchors | None = None,
) -> _Context:
    numbers = numbers or compute_numbers(issue)
    anchors = anchors or page_anchors(issue, numbers)
    resolver = resolver or AssetResolver(issue.folder, asset_prefix)
    used = LayeredIds(anchors.taken)
    return _Context(issue, numbers, anchors, resolver, labels_for(issue.language), used)


def _depth_of(issue: Issue, card_id: str) -> int:
    for _section, card, depth in issue.iter_cards():
        if card.id == card_id:
            return depth
    raise KeyError(card_id)


def card_fragment(
    issue: Issue,
    card_id: str,
    numbers: Numbers | None = None,
    asset_prefix: str = "assets/",
    *,
    resolver: AssetResolver | None = None,
    anchors: Anchors | None = None,
) -> str:
    """HTML of one card and its sub-cards: ``<article class="card" id=… data-card-id=…>``.

    Identical to that card's part of ``issue_page`` with the same arguments, so the preview
    can swap one article's outerHTML. Works for sub-cards too. KeyError for an unknown id.
    ``numbers`` and ``anchors`` of the whole issue may be passed in (the preview keeps them),
    so ``issue`` then only needs the card's own subtree.
    """
    ctx = _context(issue, numbers, resolver, asset_prefix, anchors)
    card = issue.cards[card_id]
    depth = _depth_of(issue, card_id)
    level = CARD_LEVEL + depth
    if depth:
        # A grouped sub-card sits one level deeper, as in the full page.
        level += _group_offset(issue, card_id)
    return _render_card_html(ctx, _card_view(ctx, card, depth, level))


def _group_offset(issue: Issue, card_id: str) -> int:
    extra = 0
    current = card_id
    while True:
        parent = next((c for c in issue.cards.values() if current in c.child_ids), None)
        if parent is None:
            return extra
        if issue.cards[current].group:
            extra += 1
        current = parent.id


def content_security_policy(*, allow_remote: bool = False, preview: bool = False) -> str:
    """No scripts, no plugins, no forms; images only from the page's own folder or inlined.

    ``file:`` is listed so a page opened from disk (export, then Open in Browser, or the
    preview's file base URL) still shows its own images; a served page cannot load file: URLs.
    """
    images = "'self' data: file:"
    if allow_remote:
        images += " https: http:"
    parts = [
        "default-src 'none'",
        f"img-src {images}",
        "style-src 'unsafe-inline'",
        "script-src 'none'",
        "object-src 'none'",
        "frame-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ]
    if allow_remote:
        parts.append("media-src https:")
    return "; ".join(parts)


def issue_page(
    issue: Issue,
    *,
    asset_prefix: str = "assets/",
    inline_images: bool = False,
    preview: bool = False,
    extra_head: str = "",
    allow_remote: bool = False,
    resolver: AssetResolver | None = None,
    numbers: Numbers | None = None,
    anchors: Anchors | None = None,
) -> str:
    """The whole issue as one HTML document.

    ``extra_head`` is inserted verbatim into <head>: it must come from Masthead's own code,
    never from card content. ``preview`` marks the body for the preview's stylesheet; the
    Content-Security-Policy forbids scripts either way. Unsafe or missing files are left out
    and reported on ``resolver.problems`` when a resolver is passed. ``numbers`` and
    ``anchors`` of this issue may be passed in when the caller has them already.
    """
    numbers = numbers or compute_numbers(issue)
    resolver = resolver or AssetResolver(issue.folder, asset_prefix, inline=inline_images)
    ctx = _context(issue, numbers, resolver, asset_prefix, anchors)
    labels = ctx.labels
    sections = []
    for section in issue.sections:
        cards = []
        toc = []
        for card_id in section.card_ids:
            card = issue.cards.get(card_id)
            if card is None:
                continue
            cards.append(Markup(_render_card_html(ctx, _card_view(ctx, card, 0, CARD_LEVEL))))  # noqa: S704
            toc.append(
                {
                    "anchor": ctx.anchors.cards[card_id],
                    "number": numbers.display(card_id),
                    "title": card.title if shows_text(card.title) else labels["untitled"],
                }
            )
        sections.append(
            {
                "id": section.id,
                "anchor": ctx.anchors.sections[section.id],
                "emoji": section.emoji,
                "label": numbers.sections.get(section.id, ""),
                "title": section.title,
                "intro": _intro_html(ctx, section.intro, ctx.anchors.sections[section.id]),
                "cards": cards,
                "toc": toc,
            }
        )
    number_text = labels["issue"].format(n=issue.number) if issue.number is not None else ""
    title = issue.title if shows_text(issue.title) else labels["untitled"]
    page_title = f"{title} · {number_text}" if number_text else title
    css = _read_css(str(resource("templates", "issue.css")))
    return (
        environment()
        .get_template("issue.html.j2")
        .render(
            language=issue.language or "zh-CN",
            csp=content_security_policy(allow_remote=allow_remote, preview=preview),
            page_title=page_title,
            title=title,
            number_text=number_text,
            date=issue.date.isoformat() if issue.date else "",
            summary=issue.summary,
            css=Markup(css),  # noqa: S704 - our own stylesheet
            extra_head=Markup(extra_head),  # noqa: S704 - documented: Masthead's own markup
            body_class="preview" if preview else "",
            labels=labels,
            sections=sections,
        )
    )
