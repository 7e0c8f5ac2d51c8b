"""Fix Typography: apply AutoCorrect's CJK typography fixes to a card or the whole issue.

The fixes are the ones the checks report (core/typography.py), so what is fixed is exactly
what the checks list and the editor underlines. One invocation is one undo step, whatever the
number of cards and fields it changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from editor_app.core.typography import apply_fixes, card_fixes, typography_on

if TYPE_CHECKING:
    from editor_app.gui.document import IssueDocument

# What fix_typography returns when the issue's typography checks are off.
OFF = -1


def fix_typography(document: IssueDocument, card_ids: list[str] | None, description: str) -> int:
    """Apply the typography fixes to ``card_ids`` (every card of the outline when None) as one
    undo step named ``description``. Returns the number of fixes, or OFF."""
    issue = document.issue
    if not typography_on(issue):
        return OFF
    if document.read_only:
        return 0
    ids = card_ids if card_ids is not None else [c.id for c in issue.ordered_cards()]
    plans = []
    for card_id in ids:
        card = issue.cards.get(card_id)
        fixes = card_fixes(card) if card is not None else {}
        for field, found in fixes.items():
            plans.append((card_id, field, apply_fixes(getattr(card, field), found), len(found)))
    if not plans:
        return 0
    stack = document.undo_stack
    stack.beginMacro(description)
    try:
        for card_id, field, text, _count in plans:
            document.set_field(card_id, field, text, description)
    finally:
        stack.endMacro()
    return sum(count for *_rest, count in plans)


class TypographyActions(QObject):
    """The window's "Fix Typography" (current card) and "Fix Typography in Issue" actions.

    ``message`` carries what happened, for the status bar.
    """

    message = Signal(str)

    def __init__(self, parent: QObject, make_action) -> None:  # noqa: ANN001 - the window's _action
        super().__init__(parent)
        self.document: IssueDocument | None = None
        self.current_card = lambda: None  # set by attach: the id of the card being edited
        self.commit = lambda: None  # set by attach: sends field edits still being typed
        self.fix_card: QAction = make_action(
            self.tr("Fix &Typography"), "mdi6.format-letter-spacing", None, self.run_card
        )
        self.fix_card.setToolTip(
            self.tr("Spaces between CJK and Latin text and the width of punctuation in the card")
        )
        self.fix_issue: QAction = make_action(
            self.tr("Fix Typography in &Issue"), None, None, self.run_issue
        )

    def actions(self) -> list[QAction]:
        return [self.fix_card, self.fix_issue]

    def attach(self, document: IssueDocument | None, current_card=None, commit=None) -> None:  # noqa: ANN001
        self.document = document
        self.current_card = current_card or (lambda: None)
        self.commit = commit or (lambda: None)
        for action in self.actions():
            action.setEnabled(document is not None and not document.read_only)

    def run_card(self) -> None:
        card_id = self.current_card()
        if self.document is None or not card_id:
            self.message.emit(self.tr("Select a card to fix its typography."))
            return
        self._run([card_id], self.tr("Fix Typography"))

    def run_issue(self) -> None:
        if self.document is not None:
            self._run(None, self.tr("Fix Typography in Issue"))

    def _run(self, card_ids: list[str] | None, description: str) -> None:
        assert self.document is not None
        self.commit()
        count = fix_typography(self.document, card_ids, description)
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
