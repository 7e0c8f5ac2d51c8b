"""Every prose field of an issue that the typography checks read, and how to name its place.

Readers see more than the cards: the issue's title and summary head the page, and each section
shows its title and its introduction. A ``Place`` names one such field: of a card (title, body,
editor's note), of a section (title, intro) or of the issue itself (title, summary). The checks
report a fix at its place (``Problem.card`` or ``Problem.section`` and the span's field; neither
for the issue), Fix Typography and ``masthead check --fix-typography`` read and write the text
there, and the window shows the place from a problem (``place_of``).
"""

from __future__ import annotations

from dataclasses import dataclass

from editor_app.core.model import Issue
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


@dataclass(frozen=True)
class Place:
    """One prose field: ``kind`` (CARD, SECTION or ISSUE), the card or section id (``""``
    for the issue) and the attribute holding the text."""

    kind: str
    owner: str
    field: str

    @property
    def markdown(self) -> bool:
        return _MARKDOWN[self.kind][self.field]

    @property
    def variant(self) -> str:
        """The message variant of a typography problem here ("body", "section-intro" …)."""
        return self.field if self.kind == CARD else f"{self.kind}-{self.field}"


def issue_places(issue: Issue) -> list[Place]:
    """Every prose field in page order: the issue's title and summary, then each section's
    title and intro followed by its cards (unreadable cards are never written, so left out)."""
    places = [Place(ISSUE, "", field) for field, _md in ISSUE_FIELDS]
    cards_of: dict[str, list[str]] = {}
    for section, card, _depth in issue.iter_cards():
        if not card.unreadable:
            cards_of.setdefault(section.id, []).append(card.id)
    for section in issue.sections:
        places += [Place(SECTION, section.id, field) for field, _md in SECTION_FIELDS]
        for card_id in cards_of.get(section.id, []):
            places += [Place(CARD, card_id, field) for field, _md in CARD_FIELDS]
    return places


def _record(issue: Issue, place: Place) -> object | None:
    if place.kind == ISSUE:
        return issue
    if place.kind == SECTION:
        return next((s for s in issue.sections if s.id == place.owner), None)
    return issue.cards.get(place.owner)


def text_at(issue: Issue, place: Place) -> str | None:
    """The text at ``place``, or None when its card or section is gone."""
    record = _record(issue, place)
    return None if record is None else getattr(record, place.field)


def set_text(issue: Issue, place: Place, text: str) -> None:
    record = _record(issue, place)
    if record is not None:
        setattr(record, place.field, text)


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


def outer_problems(issue: Issue) -> list[Problem]:
    """One warning per fix in the issue's title and summary and in each section's title and
    intro (the cards' own are ``typography.card_problems``). A field too long to render is
    skipped, as a card's is."""
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
    return place if place.field in _MARKDOWN[place.kind] else None
