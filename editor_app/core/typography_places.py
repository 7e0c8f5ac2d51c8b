"""Every prose field of an issue that the typography checks read, and how to name its place.

Readers see more than the cards' Markdown: the issue's title and summary head the page, each
section shows its title and its introduction, and a card shows, besides its title, body and
editor's note, the title of its source, the labels of its project links, the titles and
summaries of its further reading and (a sub-card) the category heading it is listed under. A
``Place`` names one such field: of a card, of a section (title, intro) or of the issue itself
(title, summary). The checks report a fix at its place (``Problem.card`` or ``Problem.section``
and the span's field; neither for the issue), Fix Typography and ``masthead check
--fix-typography`` read and write the text there, and the window shows the place from a
problem (``place_of``).

A card's structured fields are named by a path: ``source.title``, ``links.2.label``,
``further_reading.0.summary``, ``group`` (indexes from 0, as stored). Only the visible text is
ever a place: a URL is never read nor written here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from editor_app.core.model import Card, Issue
from editor_app.core.problems import Problem
from editor_app.core.render_limits import MAX_CARD_CHARS
from editor_app.core.typography import (
    CARD_FIELDS,
    Fix,
    find_fixes,
    fix_problem,
    typography_on,
)

__all__ = [
    "CARD",
    "ISSUE",
    "ISSUE_FIELDS",
    "SECTION",
    "SECTION_FIELDS",
    "Place",
    "card_places",
    "card_problems",
    "card_update",
    "issue_places",
    "outer_problems",
    "place_fixes",
    "place_of",
    "set_text",
    "text_at",
]

CARD, SECTION, ISSUE = "card", "section", "issue"

# The fields read, and whether each is Markdown. A section intro is rendered as Markdown; the
# titles and the summary are shown as they are written.
SECTION_FIELDS: tuple[tuple[str, bool], ...] = (("title", False), ("intro", True))
ISSUE_FIELDS: tuple[tuple[str, bool], ...] = (("title", False), ("summary", False))
_MARKDOWN = {
    CARD: dict(CARD_FIELDS),
    SECTION: dict(SECTION_FIELDS),
    ISSUE: dict(ISSUE_FIELDS),
}

# A card's structured prose fields (all plain text: the page shows them as they are written):
# the path's pattern, and the message variant of a problem there.
SOURCE_TITLE, GROUP = "source.title", "group"
_LIST_PATH = re.compile(r"(links)\.(\d+)\.(label)\Z|(further_reading)\.(\d+)\.(title|summary)\Z")
_VARIANTS = {
    SOURCE_TITLE: "source-title",
    GROUP: "group",
    ("links", "label"): "link-label",
    ("further_reading", "title"): "further-title",
    ("further_reading", "summary"): "further-summary",
}


def _list_path(field: str) -> tuple[str, int, str] | None:
    """(list attribute, index, item attribute) of a path into a card's list of records."""
    match = _LIST_PATH.match(field)
    if match is None:
        return None
    name, index, attr = (g for g in match.groups() if g is not None)
    return name, int(index), attr


def _is_card_field(field: str) -> bool:
    return field in _MARKDOWN[CARD] or field in (SOURCE_TITLE, GROUP) or bool(_list_path(field))


@dataclass(frozen=True)
class Place:
    """One prose field: ``kind`` (CARD, SECTION or ISSUE), the card or section id (``""``
    for the issue) and the attribute holding the text."""

    kind: str
    owner: str
    field: str

    @property
    def markdown(self) -> bool:
        return _MARKDOWN[self.kind].get(self.field, False)

    @property
    def variant(self) -> str:
        """The message variant of a typography problem here ("body", "section-intro",
        "link-label" …)."""
        if self.kind != CARD:
            return f"{self.kind}-{self.field}"
        if self.field in _VARIANTS:
            return _VARIANTS[self.field]
        parsed = _list_path(self.field)
        return _VARIANTS[parsed[0], parsed[2]] if parsed else self.field

    @property
    def item(self) -> int | None:
        """The 1-based number of the link or further-reading entry, for messages."""
        parsed = _list_path(self.field) if self.kind == CARD else None
        return parsed[1] + 1 if parsed else None


def card_places(card: Card) -> list[Place]:
    """Every prose field of ``card`` in the order the page shows them (none when unreadable):
    title, source title, link labels, body, further reading, note, category heading."""
    if card.unreadable:
        return []
    fields = ["title"]
    if card.source is not None:
        fields.append(SOURCE_TITLE)
    fields += [f"links.{index}.label" for index in range(len(card.links))]
    fields.append("body")
    for index in range(len(card.further_reading)):
        fields += [f"further_reading.{index}.title", f"further_reading.{index}.summary"]
    fields.append("note")
    if card.group:
        fields.append(GROUP)
    return [Place(CARD, card.id, field) for field in fields]


def card_update(card: Card, field: str, text: str) -> tuple[str, Any] | None:
    """The card attribute to set and its new value for ``text`` at ``field`` (a record or a
    list of new records: the card is untouched), or None when the field is not there."""
    if field == SOURCE_TITLE:
        return None if card.source is None else ("source", replace(card.source, title=text))
    parsed = _list_path(field)
    if parsed is None:
        return (field, text) if field in _MARKDOWN[CARD] or field == GROUP else None
    name, index, attr = parsed
    records = list(getattr(card, name))
    if index >= len(records):
        return None
    records[index] = replace(records[index], **{attr: text})
    return name, records


def _card_text(card: Card, field: str) -> str | None:
    if field == SOURCE_TITLE:
        return None if card.source is None else card.source.title
    parsed = _list_path(field)
    if parsed is None:
        return getattr(card, field) if _is_card_field(field) else None
    name, index, attr = parsed
    records = getattr(card, name)
    return getattr(records[index], attr) if index < len(records) else None


def issue_places(issue: Issue) -> list[Place]:
    """Every prose field in page order: the issue's title and summary, then each section's
    title and intro followed by its cards (unreadable cards are never written, so left out)."""
    places = [Place(ISSUE, "", field) for field, _md in ISSUE_FIELDS]
    cards_of: dict[str, list[Place]] = {}
    for section, card, _depth in issue.iter_cards():
        cards_of.setdefault(section.id, []).extend(card_places(card))
    for section in issue.sections:
        places += [Place(SECTION, section.id, field) for field, _md in SECTION_FIELDS]
        places += cards_of.get(section.id, [])
    return places


def _record(issue: Issue, place: Place) -> object | None:
    if place.kind == ISSUE:
        return issue
    if place.kind == SECTION:
        return next((s for s in issue.sections if s.id == place.owner), None)
    return issue.cards.get(place.owner)


def text_at(issue: Issue, place: Place) -> str | None:
    """The text at ``place``, or None when its card, section, source or entry is gone."""
    record = _record(issue, place)
    if record is None:
        return None
    if place.kind == CARD:
        return _card_text(record, place.field)  # type: ignore[arg-type]
    return getattr(record, place.field)


def set_text(issue: Issue, place: Place, text: str) -> None:
    record = _record(issue, place)
    if record is None:
        return
    if place.kind != CARD:
        setattr(record, place.field, text)
        return
    update = card_update(record, place.field, text)  # type: ignore[arg-type]
    if update is not None:
        setattr(record, *update)


def place_fixes(issue: Issue, places: list[Place] | None = None) -> list[tuple[Place, list[Fix]]]:
    """The fixes of each of ``places`` (every place of the issue when None) that has some;
    nothing when the issue's typography checks are off."""
    if not typography_on(issue):
        return []
    out: list[tuple[Place, list[Fix]]] = []
    for place in issue_places(issue) if places is None else places:
        text = text_at(issue, place)
        fixes = find_fixes(text, place.markdown) if text else []
        if fixes:
            out.append((place, fixes))
    return out


def card_problems(card: Card, name: str) -> list[Problem]:
    """One warning per fix in every prose field of ``card`` (``card_places``), with its span.
    A field too long to render is skipped (see ``typography.card_problems``)."""
    out: list[Problem] = []
    for place in card_places(card):
        text = _card_text(card, place.field) or ""
        if len(text) > MAX_CARD_CHARS:
            continue
        for fix in find_fixes(text, place.markdown):
            out.append(
                fix_problem(
                    fix, text, name, place.field, place.variant, card=card.id, item=place.item
                )
            )
    return out


def outer_problems(issue: Issue) -> list[Problem]:
    """One warning per fix in the issue's title and summary and in each section's title and
    intro (the cards' own are ``card_problems``). A field too long to render is skipped, as a
    card's is."""
    out: list[Problem] = []
    for place in issue_places(issue):
        if place.kind == CARD:
            continue
        text = text_at(issue, place) or ""
        if len(text) > MAX_CARD_CHARS:
            continue
        name = _name(issue, place)
        section = place.owner if place.kind == SECTION else None
        for fix in find_fixes(text, place.markdown):
            out.append(fix_problem(fix, text, name, place.field, place.variant, section=section))
    return out


def _name(issue: Issue, place: Place) -> str:
    if place.kind == SECTION:
        section = _record(issue, place)
        return getattr(section, "title", "") or place.owner
    return issue.title


def place_of(problem: Problem) -> Place | None:
    """The place a problem with a span points at: a card's field, a section's, or (neither
    named) the issue's. None for a problem without a span or with a field unknown there."""
    if problem.span is None:
        return None
    if problem.card:
        place = Place(CARD, problem.card, problem.span.field)
    elif problem.section:
        place = Place(SECTION, problem.section, problem.span.field)
    else:
        place = Place(ISSUE, "", problem.span.field)
    known = (
        _is_card_field(place.field) if place.kind == CARD else place.field in _MARKDOWN[place.kind]
    )
    return place if known else None
