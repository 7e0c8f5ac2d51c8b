"""Large issues for the preview benchmark and tests, made from the sample issue's own cards.

The top-level cards of issues/2026-10-cloud-native-monthly (with their sub-cards) are copied
again and again under new ids, round-robin over the sample's sections, until the card bodies
hold the requested amount of Markdown. The sample's assets/ folder comes along, so the
copies show real local images. No Qt here.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

from editor_app.core.ids import new_id
from editor_app.core.model import Issue
from editor_app.core.outline import subtree_ids
from editor_app.core.storage import load_issue, save_issue

SAMPLE = Path(__file__).resolve().parents[1] / "issues" / "2026-10-cloud-native-monthly"
MB = 1024 * 1024


def markdown_bytes(issue: Issue) -> int:
    return sum(len(card.body.encode("utf-8")) for card in issue.cards.values())


def build_big_issue(folder: Path, megabytes: float, sample: Path = SAMPLE) -> Issue:
    """Save an issue of about ``megabytes`` MB of card Markdown in ``folder``; return it.

    The copies' titles carry a running number ("No. 12 …"), so every card of the page can be
    told apart (tests look for the last card's title).
    """
    source = load_issue(sample)
    issue = copy.deepcopy(source)
    issue.title = f"{source.title} ×{megabytes:g} MB"
    issue.slug = folder.name
    for section in issue.sections:
        section.card_ids = []
    issue.cards = {}
    tops = [(i, top) for i, s in enumerate(source.sections) for top in s.card_ids]
    target = int(megabytes * MB)
    size = 0
    copies = 0
    while size < target:
        section_index, top = tops[copies % len(tops)]
        copies += 1
        mapping = {old: new_id() for old in subtree_ids(source, top)}
        for old, new in mapping.items():
            card = copy.deepcopy(source.cards[old])
            card.id = new
            card.child_ids = [mapping[c] for c in card.child_ids]
            if old == top:
                card.title = f"No. {copies} {card.title}"
            issue.cards[new] = card
            size += len(card.body.encode("utf-8"))
        issue.sections[section_index].card_ids.append(mapping[top])
    folder.mkdir(parents=True, exist_ok=True)
    if (sample / "assets").is_dir():
        shutil.copytree(sample / "assets", folder / "assets", dirs_exist_ok=True)
    issue.folder = folder
    save_issue(issue, folder)
    return issue


def build_single_card_issue(folder: Path, megabytes: float, sample: Path = SAMPLE) -> Issue:
    """Save an issue whose one card holds about ``megabytes`` MB of Markdown (the sample's
    card bodies, one after the other, again and again); return it."""
    source = load_issue(sample)
    bodies = [card.body for card in source.ordered_cards() if card.body.strip()]
    parts: list[str] = []
    size = 0
    while size < int(megabytes * MB):
        body = bodies[len(parts) % len(bodies)]
        parts.append(body)
        size += len(body.encode("utf-8")) + 2
    issue = copy.deepcopy(source)
    issue.title = f"{source.title} ×{megabytes:g} MB in one card"
    issue.slug = folder.name
    first = source.ordered_cards()[0]
    card = copy.deepcopy(first)
    card.child_ids = []
    card.body = "\n\n".join(parts)
    for section in issue.sections:
        section.card_ids = []
    issue.sections[0].card_ids = [card.id]
    issue.cards = {card.id: card}
    folder.mkdir(parents=True, exist_ok=True)
    if (sample / "assets").is_dir():
        shutil.copytree(sample / "assets", folder / "assets", dirs_exist_ok=True)
    issue.folder = folder
    save_issue(issue, folder)
    return issue


def last_card_title(issue: Issue) -> str:
    """The title of the card shown last on the page."""
    last = [s for s in issue.sections if s.card_ids][-1].card_ids[-1]
    return issue.cards[last].title
