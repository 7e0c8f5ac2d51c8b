"""Fix Typography: apply AutoCorrect's CJK typography fixes to a card or the whole issue.

The fixes are the ones the checks report (core/typography.py), so what is fixed is exactly
what the checks list and the editor underlines. The whole issue means every prose field
(core/typography_places.py): the cards (with their source titles, link labels, further reading
and category headings, never a URL), each section's title and intro, the issue's title and
summary. One invocation is one undo step, whatever the number of fields it changes; the
checks list's quick fix applies the one fix of a problem the same way (``fix_one``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from editor_app.core.problems import Problem
from editor_app.core.typography import apply_fixes, find_fixes, typography_on
from editor_app.core.typography_places import (
    CARD,
    SECTION,
    SECTION_FIELDS,
    Place,
    card_places,
    card_update,
    place_fixes,
    place_of,
    text_at,
)

if TYPE_CHECKING:
    from editor_app.gui.document import IssueDocument

# What fix_typography returns when the issue's typography checks are off.
OFF = -1


def fix_typography(
    document: IssueDocument,
    card_ids: list[str] | None,
    description: str,
    section_ids: list[str] | None = None,
) -> int:
    """Apply the typography fixes to ``card_ids`` and the title and intro of ``section_ids``
    (every prose field of the issue when both are None: cards, sections, title and summary)
    as one undo step named ``description``. Returns the number of fixes, or OFF."""
    issue = document.issue
    if not typography_on(issue):
        return OFF
    if document.read_only:
        return 0
    places = None
    if card_ids is not None or section_ids is not None:
        places = [
            place
            for card_id in card_ids or []
            if card_id in issue.cards
            for place in card_places(issue.cards[card_id])
        ]
        known = {section.id for section in issue.sections}
        places += [
            Place(SECTION, section_id, field)
            for section_id in section_ids or []
            if section_id in known
            for field, _markdown in SECTION_FIELDS
        ]
    plans = [
        (place, apply_fixes(text_at(issue, place) or "", fixes), len(fixes))
        for place, fixes in place_fixes(issue, places)
    ]
    if not plans:
        return 0
    stack = document.undo_stack
    stack.beginMacro(description)
    try:
        for place, text, _count in plans:
            _set(document, place, text, description)
    finally:
        stack.endMacro()
    return sum(count for *_rest, count in plans)


def fix_one(document: IssueDocument, problem: Problem, description: str) -> bool:
    """Apply the one fix ``problem`` reports, if the text at its place still has it there
    (the text may have changed since the check). One undo step; False when nothing changed."""
    issue = document.issue
    place = place_of(problem)
    span = problem.span
    if place is None or span is None or document.read_only or not typography_on(issue):
        return False
    text = text_at(issue, place)
    if not text:
        return False
    found = [
        fix
        for fix in find_fixes(text, place.markdown)
        if (fix.start, fix.end, fix.old) == (span.start, span.end, span.old)
    ]
    if not found:
        return False
    _set(document, place, apply_fixes(text, found[:1]), description)
    return True


def _set(document: IssueDocument, place: Place, text: str, description: str) -> None:
    if place.kind == CARD:
        # A link label is one attribute of one record in the card's list: the new list is
        # made from the card as it is now, so several fixes in one list all land.
        card = document.issue.cards.get(place.owner)
        update = card_update(card, place.field, text) if card is not None else None
        if update is not None:
            document.set_field(place.owner, *update, description)
    elif place.kind == SECTION:
        document.set_section_field(place.owner, place.field, text, description)
    else:
        document.set_issue_field(place.field, text, description)


class TypographyActions(QObject):
    """The window's "Fix Typography" (the card or section being edited) and "Fix Typography in
    Issue" actions.

    ``message`` carries what happened, for the status bar.
    """

    message = Signal(str)

    def __init__(self, parent: QObject, make_action) -> None:  # noqa: ANN001 - the window's _action
        super().__init__(parent)
        self.document: IssueDocument | None = None
        self.current_card = lambda: None  # set by attach: the id of the card being edited
        self.current_section = lambda: None  # set by attach: the section being edited, if any
        self.commit = lambda: None  # set by attach: sends field edits still being typed
        self.fix_card: QAction = make_action(
            self.tr("Fix &Typography"), "mdi6.format-letter-spacing", None, self.run_card
        )
        self.fix_card.setToolTip(
            self.tr(
                "Spaces between CJK and Latin text and the width of punctuation in the card "
                "or section"
            )
        )
        self.fix_issue: QAction = make_action(
            self.tr("Fix Typography in &Issue"), None, None, self.run_issue
        )

    def actions(self) -> list[QAction]:
        return [self.fix_card, self.fix_issue]

    def attach(  # noqa: ANN001 - callables returning an id or None
        self, document: IssueDocument | None, current_card=None, commit=None, current_section=None
    ) -> None:
        self.document = document
        self.current_card = current_card or (lambda: None)
        self.current_section = current_section or (lambda: None)
        self.commit = commit or (lambda: None)
        for action in self.actions():
            action.setEnabled(document is not None and not document.read_only)

    def run_card(self) -> None:
        # The section editor replaces the card editor in view, but the card editor keeps its
        # last card: the section on screen is what the editor means.
        section_id = self.current_section()
        card_id = None if section_id else self.current_card()
        if self.document is None or not (card_id or section_id):
            self.message.emit(self.tr("Select a card or a section to fix its typography."))
            return
        if section_id:
            self._run([], self.tr("Fix Typography"), [section_id])
        else:
            self._run([card_id], self.tr("Fix Typography"))

    def run_issue(self) -> None:
        if self.document is not None:
            self._run(None, self.tr("Fix Typography in Issue"))

    def _run(
        self, card_ids: list[str] | None, description: str, section_ids: list[str] | None = None
    ) -> None:
        assert self.document is not None
        self.commit()
        count = fix_typography(self.document, card_ids, description, section_ids)
        if count == OFF:
            text = self.tr(
                "Typography checks are off for this issue (its language, or typography: off "
                "in issue.yaml)."
            )
        elif count == 0:
            text = self.tr("No typography problems to fix.")
        else:
            text = self.tr("Fixed %1 typography problem(s).").replace("%1", str(count))
        self.message.emit(text)
