"""The link panel's rows: one per link of the issue, with what makes it worth a flag.

Rows are rebuilt from ``issue_links`` (cheap: a few ms for a whole issue). Duplicates come from
``find_duplicates`` over the issue; the status and featured-before entries are filled in later
by the panel. Plain data, no Qt, so a worker could build them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from editor_app.core.ledger import LedgerEntry
from editor_app.core.linkcheck import BROKEN, ERROR, LinkStatus
from editor_app.core.links import LinkRef, find_duplicates, issue_links
from editor_app.core.model import Issue
from editor_app.core.numbering import compute_numbers

BAD_STATES = (BROKEN, ERROR)
DUPLICATES_LISTED = 12  # a tooltip lists this many other places of a duplicated link


@dataclass
class LinkRow:
    ref: LinkRef
    number: str  # "1/3" (section / card number) or "2/4.1" for a sub-card
    card_title: str
    order: int  # the card's place in the issue, for sorting by card
    # Every link of this URL (this one too) as (card label, ref), one list shared by the
    # group: a list of "the others" per row is quadratic in the copies of a link.
    same_url: list[tuple[str, LinkRef]] = field(default_factory=list, repr=False)
    featured: list[LedgerEntry] = field(default_factory=list)  # an item's own link there
    mentioned: list[LedgerEntry] = field(default_factory=list)  # only in passing there
    status: LinkStatus | None = None

    @property
    def key(self) -> tuple:
        """Identifies the link across rebuilds (for keeping the selection)."""
        r = self.ref
        return (r.card or r.section, r.field, r.kind, r.index)

    @property
    def duplicated(self) -> bool:
        return len(self.same_url) > 1

    @property
    def duplicates(self) -> list[tuple[str, LinkRef]]:
        """The other links of this URL, as (card label, ref)."""
        return [(label, ref) for label, ref in self.same_url if ref is not self.ref]

    @property
    def is_web(self) -> bool:
        return self.ref.url.lower().startswith(("http://", "https://"))

    @property
    def broken(self) -> bool:
        return self.status is not None and self.status.state in BAD_STATES

    @property
    def flagged(self) -> bool:
        return bool(self.duplicated or self.featured or self.broken)


def build_rows(issue: Issue) -> list[LinkRow]:
    """Every link of the issue as a row (without status and featured-before)."""
    numbers = compute_numbers(issue)
    section_pos = {s.id: pos for pos, s in enumerate(issue.sections, 1)}
    label: dict[str, str] = {}
    order: dict[str, int] = {}
    titles: dict[str, str] = {}
    for section, card, _depth in issue.iter_cards():
        label[card.id] = f"{section_pos[section.id]}/{numbers.cards.get(card.id, '?')}"
        titles[card.id] = card.title
        order[card.id] = len(order)
    for section in issue.sections:
        # A section intro's links are listed as "§" of that section, before its cards.
        label[section.id] = f"{section_pos[section.id]}/§"
        titles[section.id] = section.title
        first = order.get(section.card_ids[0], len(order)) if section.card_ids else len(order)
        order[section.id] = first
    refs = issue_links(issue)
    rows = []
    for ref in refs:
        owner = ref.card or ref.section
        rows.append(LinkRow(ref, label.get(owner, ""), titles.get(owner, ""), order.get(owner, 0)))
    by_ref = {id(row.ref): row for row in rows}
    for group in find_duplicates(refs).values():
        same_url = [(f"{by_ref[id(o)].number} {by_ref[id(o)].card_title}", o) for o in group]
        for ref in group:
            by_ref[id(ref)].same_url = same_url
    return rows
