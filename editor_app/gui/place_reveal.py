"""Showing the place of a problem or a search hit: a card's field, a section's title or intro,
or the issue's own title and summary (edited in Issue Properties).

The checks list, the link and image panels and the search results name a place as
(owner, field, start, end): the owner is a card id, a section id, or ``ISSUE_OWNER`` for a
field of the issue; ``start`` is -1 when there is no range to select.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor_app.gui.editor.fields import select_range

if TYPE_CHECKING:
    from editor_app.gui.main_window import MainWindow

__all__ = ["ISSUE_OWNER", "jump_to", "reveal", "select_range"]

# Never a card or section id (those are letters and digits only).
ISSUE_OWNER = "#issue"


def reveal(window: MainWindow, owner: str, field: str, start: int, end: int) -> None:
    """Show ``owner`` (a card, a section, or the issue) with ``[start, end)`` of ``field``
    (Python indexes) selected when ``start`` is not -1."""
    if owner == ISSUE_OWNER:
        window.edit_properties(field, start, end)
        return
    jump_to(window, owner, -1)
    ws = window.workspace
    if ws is None or start < 0:
        return
    if ws.document.has_card(owner):
        ws.editor.reveal(owner, field, start, end)
    elif ws.section_editor.section_id == owner:
        select_range(ws.section_editor.field_widget(field), start, end)


def jump_to(window: MainWindow, owner: str, position: int) -> None:
    """Select ``owner`` in the outline and show it: a card in the card editor (with the
    cursor at ``position`` of its body unless -1), a section in the section editor."""
    ws = window.workspace
    if ws is None:
        return
    if not ws.document.has_card(owner):
        # A section's problem selects the section; a card deleted since does nothing.
        if any(s.id == owner for s in ws.document.issue.sections):
            ws.view.select_ids([owner])
        return
    ws.view.select_ids([owner])
    ws.editor.show_card(owner)
    if position >= 0:
        ws.editor.reveal(owner, "body", position, position)
