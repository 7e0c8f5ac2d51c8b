"""The issue as plain JSON data (the `masthead inspect --json` schema)."""

from __future__ import annotations

from typing import Any

from editor_app.core.checks import FeaturedLookup, check_issue, image_entries
from editor_app.core.links import issue_links
from editor_app.core.model import Card, Issue
from editor_app.core.numbering import compute_numbers


def card_json(issue: Issue, card: Card, numbers: dict[str, str]) -> dict[str, Any]:
    return {
        "id": card.id,
        "number": numbers.get(card.id, ""),
        "title": card.title,
        "kind": card.kind,
        "status": card.status.value,
        "group": card.group,
        "source": {"title": card.source.title, "url": card.source.url} if card.source else None,
        "links": [{"label": x.label, "url": x.url} for x in card.links],
        "body": card.body,
        "further_reading": [
            {"title": f.title, "url": f.url, "summary": f.summary} for f in card.further_reading
        ],
        "note": card.note,
        "tags": list(card.tags),
        "children": [
            card_json(issue, issue.cards[c], numbers) for c in card.child_ids if c in issue.cards
        ],
    }


def issue_json(issue: Issue, featured: FeaturedLookup | None = None) -> dict[str, Any]:
    numbers = compute_numbers(issue)
    links = issue_links(issue)
    return {
        "title": issue.title,
        "number": issue.number,
        "date": issue.date.isoformat() if issue.date else None,
        "slug": issue.slug,
        "status": issue.status.value,
        "summary": issue.summary,
        "tags": list(issue.tags),
        "numbering": {
            "sections": issue.numbering.sections.value,
            "cards": issue.numbering.cards.value,
        },
        "sections": [
            {
                "id": s.id,
                "label": numbers.sections[s.id],
                "emoji": s.emoji,
                "title": s.title,
                "intro": s.intro,
                "cards": [
                    card_json(issue, issue.cards[c], numbers.cards)
                    for c in s.card_ids
                    if c in issue.cards
                ],
            }
            for s in issue.sections
        ],
        "links": [ref.to_json() for ref in links],
        "images": image_entries(issue, links),
        "problems": [p.to_json() for p in check_issue(issue, featured)],
    }
