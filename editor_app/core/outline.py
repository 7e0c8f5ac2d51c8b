"""Operations on the outline, shared by the GUI (wrapped in undo commands) and the CLI.

A *parent* is either a section id or a card id; its children are the section's
``card_ids`` or the card's ``child_ids``.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from editor_app.core.errors import OutlineError
from editor_app.core.ids import new_id
from editor_app.core.messages import text
from editor_app.core.model import Card, Issue, Section


def children_of(issue: Issue, parent_id: str) -> list[str]:
    for section in issue.sections:
        if section.id == parent_id:
            return section.card_ids
    card = issue.cards.get(parent_id)
    if card is None:
        raise OutlineError(f"no section or card with id {parent_id!r}")
    return card.child_ids


def parent_of(issue: Issue, card_id: str) -> tuple[str, int]:
    """The parent id of a card and its index there."""
    for section in issue.sections:
        if card_id in section.card_ids:
            return section.id, section.card_ids.index(card_id)
    for card in issue.cards.values():
        if card_id in card.child_ids:
            return card.id, card.child_ids.index(card_id)
    raise OutlineError(f"card {card_id!r} is not in the outline")


def section_of(issue: Issue, card_id: str) -> Section:
    parent, _ = parent_of(issue, card_id)
    while parent not in {s.id for s in issue.sections}:
        parent, _ = parent_of(issue, parent)
    return issue.section(parent)


def subtree_ids(issue: Issue, card_id: str) -> list[str]:
    out = [card_id]
    card = issue.cards.get(card_id)
    if card:
        for child in card.child_ids:
            out.extend(subtree_ids(issue, child))
    return out


def _section(issue: Issue, section_id: str) -> Section:
    try:
        return issue.section(section_id)
    except KeyError:
        raise OutlineError(f"no section with id {section_id!r}") from None


# -- sections ------------------------------------------------------------------------------
def add_section(
    issue: Issue, title: str = "", emoji: str = "", index: int | None = None
) -> Section:
    section = Section(id=new_id("s"), title=title, emoji=emoji)
    issue.sections.insert(len(issue.sections) if index is None else index, section)
    return section


def remove_section(issue: Issue, section_id: str) -> None:
    section = _section(issue, section_id)
    for card_id in list(section.card_ids):
        for sub in subtree_ids(issue, card_id):
            issue.cards.pop(sub, None)
    issue.sections.remove(section)


def move_section(issue: Issue, section_id: str, index: int) -> None:
    section = _section(issue, section_id)
    issue.sections.remove(section)
    issue.sections.insert(max(0, min(index, len(issue.sections))), section)


# -- cards ---------------------------------------------------------------------------------
def add_card(issue: Issue, parent_id: str, title: str = "", index: int | None = None) -> Card:
    siblings = children_of(issue, parent_id)
    card = Card(id=new_id("c"), title=title)
    issue.cards[card.id] = card
    siblings.insert(len(siblings) if index is None else index, card.id)
    return card


def remove_card(issue: Issue, card_id: str) -> None:
    parent, index = parent_of(issue, card_id)
    for sub in subtree_ids(issue, card_id):
        issue.cards.pop(sub, None)
    children_of(issue, parent).pop(index)


def duplicate_card(issue: Issue, card_id: str) -> Card:
    """A deep copy with fresh ids, placed right after the original."""
    parent, index = parent_of(issue, card_id)
    if any(issue.cards[c].unreadable for c in subtree_ids(issue, card_id) if c in issue.cards):
        # Its text was never read, so a copy would be an empty card that is never saved.
        raise OutlineError(text("outline.unreadable-duplicate"))

    def clone(source_id: str) -> str:
        original = issue.cards[source_id]
        twin = copy.deepcopy(original)
        twin.id = new_id("c")
        twin.child_ids = [clone(child) for child in original.child_ids]
        issue.cards[twin.id] = twin
        return twin.id

    twin_id = clone(card_id)
    children_of(issue, parent).insert(index + 1, twin_id)
    return issue.cards[twin_id]


def insert_copy_after(issue: Issue, card_id: str, source: Card, title: str) -> Card:
    """A copy of ``source``'s fields (not its sub-cards) as a new card right after ``card_id``.

    Used to keep two versions of one card side by side (a conflict, a recovery).
    """
    parent, index = parent_of(issue, card_id)
    twin = copy.deepcopy(source)
    twin.id = new_id("c")
    twin.title = title
    twin.child_ids = []
    issue.cards[twin.id] = twin
    children_of(issue, parent).insert(index + 1, twin.id)
    return twin


def move_cards(issue: Issue, card_ids: list[str], parent_id: str, index: int) -> None:
    """Move cards (in the given order) to ``parent_id`` at ``index`` of the current list.

    Refuses to move a card into its own subtree. A card whose ancestor is also being moved
    travels inside that ancestor. Nothing changes when the move is refused.
    """
    card_ids = list(dict.fromkeys(card_ids))
    for card_id in card_ids:
        if card_id not in issue.cards:
            raise OutlineError(f"no card with id {card_id!r}")
        parent_of(issue, card_id)  # raises before anything moved if it is not in the outline
        if parent_id in subtree_ids(issue, card_id):
            raise OutlineError(text("outline.into-own-subtree"))
    target = children_of(issue, parent_id)
    inner = {sub for c in card_ids for sub in subtree_ids(issue, c)[1:]}
    card_ids = [c for c in card_ids if c not in inner]
    # Removing cards that sit before the insertion point shifts the index.
    shift = sum(1 for c in card_ids if c in target and target.index(c) < index)
    for card_id in card_ids:
        old_parent, old_index = parent_of(issue, card_id)
        children_of(issue, old_parent).pop(old_index)
    index = max(0, min(index - shift, len(target)))
    for offset, card_id in enumerate(card_ids):
        target.insert(index + offset, card_id)


def move_card_by(issue: Issue, card_id: str, delta: int) -> bool:
    """Move up (-1) or down (+1) among its siblings. False when already at the edge."""
    parent, index = parent_of(issue, card_id)
    siblings = children_of(issue, parent)
    new_index = index + delta
    if not 0 <= new_index < len(siblings):
        return False
    siblings.insert(new_index, siblings.pop(index))
    return True


def move_card_across(issue: Issue, card_id: str, delta: int) -> bool:
    """Move a top-level card of a section past the section's edge into the neighbour.

    Up (-1) from the first place makes it the last card of the previous section; down (+1)
    from the last place makes it the first card of the next one. False (nothing changed)
    when the card is not at that edge, is a sub-card, or there is no neighbouring section.
    """
    parent, index = parent_of(issue, card_id)
    ids = [s.id for s in issue.sections]
    if parent not in ids:
        return False
    siblings = children_of(issue, parent)
    if 0 <= index + delta < len(siblings):
        return False
    target = ids.index(parent) + delta
    if not 0 <= target < len(ids):
        return False
    siblings.pop(index)
    cards = issue.sections[target].card_ids
    cards.insert(len(cards) if delta < 0 else 0, card_id)
    return True


def move_cards_to_section(issue: Issue, card_ids: list[str], section_id: str) -> None:
    """Move cards (with their sub-cards) to the end of a section, in outline order."""
    _section(issue, section_id)
    order = {c.id: n for n, c in enumerate(issue.ordered_cards())}
    ordered = sorted(dict.fromkeys(card_ids), key=lambda c: order.get(c, len(order)))
    move_cards(issue, ordered, section_id, len(children_of(issue, section_id)))


def indent_card(issue: Issue, card_id: str) -> bool:
    """Make the card the last sub-card of its previous sibling."""
    parent, index = parent_of(issue, card_id)
    if index == 0:
        return False
    siblings = children_of(issue, parent)
    new_parent = issue.cards[siblings[index - 1]]
    siblings.pop(index)
    new_parent.child_ids.append(card_id)
    return True


def outdent_card(issue: Issue, card_id: str) -> bool:
    """Move a sub-card out to follow its parent card."""
    parent, index = parent_of(issue, card_id)
    if parent not in issue.cards:
        return False
    grand, parent_index = parent_of(issue, parent)
    issue.cards[parent].child_ids.pop(index)
    children_of(issue, grand).insert(parent_index + 1, card_id)
    return True


def rename(issue: Issue, node_id: str, title: str) -> None:
    for section in issue.sections:
        if section.id == node_id:
            section.title = title
            return
    if node_id not in issue.cards:
        raise OutlineError(f"no section or card with id {node_id!r}")
    issue.cards[node_id].title = title


# -- snapshots for undo ----------------------------------------------------------------------
@dataclass(frozen=True)
class OutlineSnapshot:
    """The structure at one moment: sections, each card's children, and the card objects.

    Only the structure is copied. A card's fields are not part of it (restore keeps the
    fields of cards that still exist), so the objects are kept as they are and copied only
    when a removed card is brought back.
    """

    sections: tuple[Section, ...]
    children: dict[str, tuple[str, ...]]
    cards: dict[str, Card]


def snapshot(issue: Issue) -> OutlineSnapshot:
    return OutlineSnapshot(
        tuple(copy.deepcopy(issue.sections)),
        {card_id: tuple(card.child_ids) for card_id, card in issue.cards.items()},
        dict(issue.cards),
    )


def restore(issue: Issue, snap: OutlineSnapshot) -> None:
    """Put the structure back as it was in ``snap``.

    Cards that still exist keep their current fields (text typed since the snapshot is not
    on the undo stack and must survive an undo); only their place and children come back.
    Cards the snapshot has and the issue lost are restored from it, as copies, so the same
    snapshot can bring them back again later.
    """
    cards: dict[str, Card] = {}
    for card_id, saved in snap.cards.items():
        card = issue.cards.get(card_id) or copy.deepcopy(saved)
        card.child_ids = list(snap.children[card_id])
        cards[card_id] = card
    issue.sections = copy.deepcopy(list(snap.sections))
    issue.cards = cards
