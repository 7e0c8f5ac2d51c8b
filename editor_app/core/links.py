"""The link index of an issue: every URL with its card, kind and position.

Kinds: ``source`` (the card's original article), ``link`` (project links),
``inline`` (links written in the body or the editor's note, in any Markdown form or raw HTML),
``further`` (further reading) and ``image``. ``form`` says how a body link is written
(inline, reference, autolink, bare; ``field`` for the structured fields).

Rewriting links is ``link_edits``; URL comparison keys (``normalize_url``) are
``url_normalize``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from editor_app.core.linkscan import BodyLink, scan_markdown
from editor_app.core.model import Card, Issue, Section
from editor_app.core.url_normalize import normalize_url

LINK_KINDS = ("source", "link", "inline", "further", "image")
FIELD = "field"  # form of links held in structured fields (source, links, further reading)
TEXT_FIELDS = ("body", "note")  # Markdown fields scanned for links
INTRO_FIELD = "intro"  # a section's intro (Markdown too); its links belong to the section


@dataclass(frozen=True)
class LinkRef:
    card: str
    url: str
    text: str
    kind: str  # one of LINK_KINDS
    index: int = 0  # position among links of this kind in the card (field index or body order)
    line: int | None = None  # 1-based line in the Markdown field (body/note links and images)
    form: str = FIELD  # FIELD, or as written in Markdown: inline|reference|autolink|bare|html
    field: str = ""  # source | links | further_reading | body | note
    column: int | None = None  # 1-based column of the construct's start
    start: int | None = None  # span of the URL in the field text (reference: its definition)
    end: int | None = None
    text_start: int | None = None  # span of the link text / alt inside its brackets
    text_end: int | None = None
    span_start: int | None = None  # the whole construct, "[" (or "![" or "<") to its end
    span_end: int | None = None
    label: str = ""  # reference label (reference form only)
    # Owner when the link is written in a section intro: then ``card`` is "" and ``field``
    # is "intro". Such links are indexed and checked but not rewritten by the card edits.
    section: str = ""

    def to_json(self) -> dict:
        data = {"card": self.card or None, "url": self.url, "text": self.text, "kind": self.kind}
        if self.section:
            data["section"] = self.section
        return data


# -- the index -------------------------------------------------------------------------------
def _body_ref(card_id: str, field_name: str, found: BodyLink, index: int) -> LinkRef:
    return LinkRef(
        card=card_id,
        url=found.url,
        text=found.text,
        kind="image" if found.image else "inline",
        index=index,
        line=found.line,
        form=found.form,
        field=field_name,
        column=found.column,
        start=found.url_start,
        end=found.url_end,
        text_start=found.text_start,
        text_end=found.text_end,
        span_start=found.span_start,
        span_end=found.span_end,
        label=found.label,
    )


def text_links(card_id: str, field_name: str, text: str, counters: dict[str, int]) -> list[LinkRef]:
    """Links and images written in one Markdown field; ``counters`` numbers them per kind."""
    out = []
    for found in scan_markdown(text):
        if not found.image and found.url.startswith("#"):
            continue  # in-page anchors (footnotes, headings) are not links to check
        kind = "image" if found.image else "inline"
        out.append(_body_ref(card_id, field_name, found, counters[kind]))
        counters[kind] += 1
    return out


def section_links(section: Section) -> list[LinkRef]:
    """Links and images written in a section's intro, owned by the section (``card`` "")."""
    if not section.intro:
        return []
    refs = text_links("", INTRO_FIELD, section.intro, defaultdict(int))
    return [replace(ref, section=section.id) for ref in refs]


def links_of_card(card: Card) -> list[LinkRef]:
    """Every link of one card: source, project links, body, further reading, note."""
    out: list[LinkRef] = []
    if card.source and card.source.url:
        out.append(LinkRef(card.id, card.source.url, card.source.title, "source", field="source"))
    for i, link in enumerate(card.links):
        out.append(LinkRef(card.id, link.url, link.label, "link", i, field="links"))
    counters: dict[str, int] = defaultdict(int)
    out.extend(text_links(card.id, "body", card.body, counters))
    for i, fr in enumerate(card.further_reading):
        out.append(LinkRef(card.id, fr.url, fr.title, "further", i, field="further_reading"))
    out.extend(text_links(card.id, "note", card.note, counters))
    return out


def card_links(issue: Issue, card_id: str) -> list[LinkRef]:
    return links_of_card(issue.cards[card_id])


def issue_links(issue: Issue, intros: bool = True) -> list[LinkRef]:
    """Every link of the issue in page order: each section's intro, then its cards."""
    out: list[LinkRef] = []
    by_section: dict[str, list[Card]] = defaultdict(list)
    for section, card, _depth in issue.iter_cards():
        by_section[section.id].append(card)
    for section in issue.sections:
        if intros:
            out.extend(section_links(section))
        for card in by_section.get(section.id, ()):
            if not card.unreadable:
                out.extend(links_of_card(card))
    return out


def find_duplicates(refs: Iterable[LinkRef]) -> dict[str, list[LinkRef]]:
    """Normalised URL -> its links, for every URL written more than once (images excluded)."""
    groups: dict[str, list[LinkRef]] = defaultdict(list)
    for ref in refs:
        if ref.kind != "image" and urlsplit(ref.url).scheme in {"http", "https"}:
            groups[normalize_url(ref.url)].append(ref)
    return {key: refs for key, refs in groups.items() if len(refs) > 1}
