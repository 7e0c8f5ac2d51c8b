"""Between the inbox and the issues: an item becomes a card, a card goes back to the inbox,
or on to the next issue (made from the template when it does not exist yet).

The functions that change an issue on disk (for the command line, and for the window's
"Move to next issue", which writes into an issue that is not the open one) take that issue's
write lock, so they queue behind other writers and refuse an issue open in another window.
"""

from __future__ import annotations

import calendar
import copy
import datetime as dt
import re
from pathlib import Path

from editor_app.core.atomic import atomic_write_bytes
from editor_app.core.ids import new_id
from editor_app.core.inbox.item import Candidate, InboxItem, tidy_url
from editor_app.core.library import IssueSummary, list_issues, summarize
from editor_app.core.links import links_of_card
from editor_app.core.lock import issue_write_lock
from editor_app.core.model import Card, Issue, Source
from editor_app.core.outline import add_section, children_of, section_of, subtree_ids
from editor_app.core.paths import UnsafePathError, is_remote, local_path
from editor_app.core.storage import load_issue, save_issue
from editor_app.core.template import new_issue

_LOCK_WAIT_S = 5.0


# -- items and cards ------------------------------------------------------------------------------
def card_from_item(item: InboxItem) -> Card:
    """A new card with the item's page as its source; its note, tags and any text it kept."""
    title = item.title or item.site
    return Card(
        id=new_id("c"),
        title=title,
        source=Source(item.title or item.url, item.url),
        note=item.note,
        tags=list(item.tags),
        body=item.body,
    )


def insert_items(
    issue: Issue, items: list[InboxItem], parent_id: str, index: int | None
) -> list[str]:
    """Cards for ``items`` under ``parent_id`` (a section or a card) at ``index`` (None: at
    the end); return their ids in order."""
    siblings = children_of(issue, parent_id)
    at = len(siblings) if index is None else max(0, min(index, len(siblings)))
    ids = []
    for offset, item in enumerate(items):
        card = card_from_item(item)
        issue.cards[card.id] = card
        siblings.insert(at + offset, card.id)
        ids.append(card.id)
    return ids


def card_web_url(card: Card) -> str | None:
    """The link a card is about: its source, else its first project link."""
    for url in ([card.source.url] if card.source else []) + [link.url for link in card.links]:
        tidy = tidy_url(url or "")
        if tidy:
            return tidy
    return None


def candidate_from_card(card: Card) -> Candidate | None:
    """What goes back to the inbox for a card: its link, title, note, tags and text."""
    url = card_web_url(card)
    if url is None:
        return None
    title = card.title or (card.source.title if card.source else "")
    return Candidate(url, title, card.note, list(card.tags), body=card.body)


def card_origin(issue: Issue) -> str:
    return f"card:{issue.slug or (issue.folder.name if issue.folder else '')}"


def pick_section(issue: Issue, wanted: str | None = None) -> str:
    """A section id: ``wanted`` as an id, a 1-based position or a title; else the first
    section (an issue without sections gets one)."""
    if wanted:
        for pos, section in enumerate(issue.sections, 1):
            if wanted in (section.id, str(pos), section.title):
                return section.id
        raise KeyError(wanted)
    if not issue.sections:
        add_section(issue, "")
    return issue.sections[0].id


def take_into_issue(
    folder: Path | str,
    items: list[InboxItem],
    section: str | None = None,
    wait: bool = False,
    timeout: float | None = None,
) -> list[str]:
    """Write cards for ``items`` at the end of a section of the issue in ``folder``.

    The caller removes the items from the inbox once this returned (a failure here leaves
    them where they were).
    """
    folder = Path(folder)
    with issue_write_lock(folder, wait=wait, timeout=timeout if wait else _LOCK_WAIT_S):
        issue = load_issue(folder)
        ids = insert_items(issue, items, pick_section(issue, section), None)
        save_issue(issue, folder)
    return ids


# -- the next issue -------------------------------------------------------------------------------
def add_month(day: dt.date) -> dt.date:
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


_MONTHS = [calendar.month_name[m] for m in range(1, 13)]


def bump_title(title: str, old: dt.date, new: dt.date, number: int | None) -> str:
    """The next issue's title: the month written in it moved on ("2026 年 10 月",
    "2026-10", "October 2026"), else its number, else the title with the new date."""
    out = re.sub(
        rf"{old.year}(\s*年\s*){old.month}(\s*月)", rf"{new.year}\g<1>{new.month}\g<2>", title
    )
    out = out.replace(f"{old.year}-{old.month:02d}", f"{new.year}-{new.month:02d}")
    out = out.replace(
        f"{_MONTHS[old.month - 1]} {old.year}", f"{_MONTHS[new.month - 1]} {new.year}"
    )
    if out == title and number is not None:
        out = re.sub(rf"(?<!\d){number}(?!\d)", str(number + 1), title, count=1)
    if out == title:
        out = f"{title} {new.isoformat()}".strip()
    return out


def next_issue(library: Path | str, folder: Path | str) -> IssueSummary | None:
    """The earliest issue of the library after the one in ``folder`` (by date, else number)."""
    current = summarize(Path(folder))
    later = [
        s
        for s in list_issues(library)
        if s.folder.resolve() != Path(folder).resolve() and _after(s, current)
    ]
    later.sort(key=lambda s: (s.date or dt.date.max, s.number or 0, s.slug))
    return later[0] if later else None


def _after(candidate: IssueSummary, current: IssueSummary) -> bool:
    if candidate.date and current.date and candidate.date != current.date:
        return candidate.date > current.date
    if candidate.number is not None and current.number is not None:
        return candidate.number > current.number
    return False


def ensure_next_issue(library: Path | str, folder: Path | str) -> tuple[Path, bool]:
    """The folder of the next issue, made from the template when there is none; and whether
    it was made now."""
    found = next_issue(library, folder)
    if found is not None:
        return found.folder, False
    current = summarize(Path(folder))
    old_date = current.date or dt.date.today()
    date = add_month(old_date)
    title = bump_title(current.title, old_date, date, current.number)
    slug = None
    pattern = f"{old_date.year}-{old_date.month:02d}"
    if pattern in current.slug:
        candidate = current.slug.replace(pattern, f"{date.year}-{date.month:02d}")
        if not (Path(library) / candidate).exists():
            slug = candidate
    issue = new_issue(library, title, slug=slug, date=date)
    assert issue.folder is not None
    # The template's empty starter card is for typing in a new issue; cards arrive here.
    for section in issue.sections:
        section.card_ids = [c for c in section.card_ids if not issue.cards[c].is_empty()]
    save_issue(issue, issue.folder)
    return issue.folder, True


def _copy_assets(cards: list[Card], source: Path, target: Path) -> list[str]:
    """Local files (images, attachments) the cards refer to, copied to the same place in the
    target issue when it does not have them; return the references copied."""
    copied = []
    for card in cards:
        for ref in links_of_card(card):
            url = ref.url.strip()
            if not url or url.startswith("#") or is_remote(url) or ":" in url.split("/")[0]:
                continue
            try:
                src = local_path(source, url)
                dst = local_path(target, url)
            except UnsafePathError:
                continue
            if src.is_file() and not dst.exists():
                atomic_write_bytes(dst, src.read_bytes())
                copied.append(url)
    return copied


def send_cards_to_issue(
    cards: list[Card], source_folder: Path, target: Path, section_title: str
) -> list[str]:
    """Append cards (each a subtree, parents before children, as ``subtree_cards`` gives) to
    the section of ``target`` with the same title (else its first section); copy the local
    files they refer to. Returns the ids of the top cards as written."""
    with issue_write_lock(target, timeout=_LOCK_WAIT_S):
        issue = load_issue(target)
        section_id = next(
            (s.id for s in issue.sections if s.title == section_title), None
        ) or pick_section(issue)
        moved = copy.deepcopy(cards)
        inner = {child for card in moved for child in card.child_ids}
        for card in moved:
            if card.id in issue.cards:
                return []  # already there (a redo after the files were restored by hand)
            issue.cards[card.id] = card
        tops = [c.id for c in moved if c.id not in inner]
        issue.sections[[s.id for s in issue.sections].index(section_id)].card_ids.extend(tops)
        _copy_assets(moved, source_folder, target)
        save_issue(issue, target)
    return tops


def remove_cards_from_issue(target: Path, card_ids: list[str]) -> None:
    """Take cards (and their sub-cards) out of the issue in ``target``: the undo of a move
    to the next issue. Their files go to the issue's trash, as any deleted card's."""
    with issue_write_lock(target, timeout=_LOCK_WAIT_S):
        issue = load_issue(target)
        for card_id in card_ids:
            for section in issue.sections:
                if card_id in section.card_ids:
                    section.card_ids.remove(card_id)
            for sub in subtree_ids(issue, card_id):
                issue.cards.pop(sub, None)
        save_issue(issue, target)


def subtree_cards(issue: Issue, card_ids: list[str]) -> list[Card]:
    """The cards and all their sub-cards, parents first (copies: the issue keeps its own)."""
    seen: dict[str, Card] = {}
    for card_id in card_ids:
        for sub in subtree_ids(issue, card_id):
            if sub in issue.cards and sub not in seen:
                seen[sub] = copy.deepcopy(issue.cards[sub])
    return list(seen.values())


def section_title_of(issue: Issue, card_id: str) -> str:
    return section_of(issue, card_id).title
