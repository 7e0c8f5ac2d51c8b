"""The ledger's cheap issue.yaml reader against the YAML loader, on written and hand-made
manifests: whenever it answers, it answers what the ledger would read through YAML."""

from __future__ import annotations

import datetime as dt
import random

import pytest
import yaml

from editor_app.core.issue_format import serialize_manifest
from editor_app.core.ledger_scan import NeedsExactRead, scan_manifest
from editor_app.core.model import Card, Issue, Section
from tests.core.test_ledger_scan import HOSTILE

INTROS = HOSTILE + [
    "![cover](assets/c.png)\n> A quote, then [an essay](https://essays.example/1).",
    "```\n# code\n```\n\n  indented line\n\ntrailing blank\n\n",
    "    starts indented\nthen not",
    "ends with spaces   \n   ",
]


def via_yaml(text: str) -> dict:
    """The fields the ledger reads, as the YAML loader gives them."""
    data = yaml.safe_load(text)
    out = {k: data[k] for k in ("title", "slug", "number", "date") if k in data}
    out["outline"] = [
        {k: v for k, v in section.items() if k in ("id", "title", "intro", "emoji")}
        | {"cards": flat_ids(section.get("cards"))}
        for section in data.get("outline") or []
    ]
    return out


def flat_ids(entries: object) -> list[str]:
    out: list[str] = []
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict):
            for key, sub in entry.items():
                out.append(str(key))
                out.extend(flat_ids(sub))
        else:
            out.append(str(entry))
    return out


def generated_issue(rng: random.Random) -> Issue:
    issue = Issue(
        title=rng.choice(HOSTILE),
        number=rng.choice([None, 0, 7, 400]),
        date=rng.choice([None, dt.date(2026, 4, 1)]),
        slug=rng.choice(["issue-7", "", *HOSTILE[:20]]),
    )
    for s in range(rng.randrange(0, 4)):
        section = Section(id=f"s{s}x", title=rng.choice(HOSTILE), emoji=rng.choice(["", "📌"]))
        section.intro = rng.choice(["", *INTROS])
        issue.sections.append(section)
        for c in range(rng.randrange(0, 4)):
            cid = f"c{s}x{c}"
            issue.cards[cid] = Card(id=cid, title="t")
            section.card_ids.append(cid)
            if rng.random() < 0.3:
                child = f"{cid}k"
                issue.cards[child] = Card(id=child, title="k")
                issue.cards[cid].child_ids.append(child)
    return issue


@pytest.mark.parametrize("seed", range(4))
def test_cheap_manifest_read_agrees_with_yaml(seed: int) -> None:
    rng = random.Random(seed)
    answered = 0
    for _ in range(300):
        text = serialize_manifest(generated_issue(rng))
        try:
            cheap = scan_manifest(text)
        except NeedsExactRead:
            continue
        answered += 1
        expected = via_yaml(text)
        got = {k: v for k, v in cheap.items()} | {"outline": cheap.get("outline", [])}
        assert got == expected, text
    assert answered > 100  # most written manifests take the cheap path


def test_plain_manifests_never_fall_back() -> None:
    issue = Issue(title="Issue 12", number=12, date=dt.date(2026, 1, 2), slug="issue-12")
    issue.sections.append(Section(id="s1", title="News", emoji="📌", intro="See [x](https://e.x)."))
    issue.cards["c1"] = Card(id="c1", title="t")
    issue.sections[0].card_ids.append("c1")
    data = scan_manifest(serialize_manifest(issue))
    assert data["title"] == "Issue 12" and data["number"] == 12 and data["slug"] == "issue-12"
    assert data["date"] == dt.date(2026, 1, 2)
    assert data["outline"] == [
        {
            "id": "s1",
            "emoji": "📌",
            "title": "News",
            "intro": "See [x](https://e.x).",
            "cards": ["c1"],
        }
    ]


@pytest.mark.parametrize(
    "text",
    [
        "title: a\n# a comment\n",
        "title: a\ntitle: b\n",
        "title: a\n  continued\n",
        "title: !!str 12\n",
        "number: 0x1F\n",
        "number: 1_000\n",
        "date: 2026-1-2\n",
        "date: 2026-13-45\n",
        "title: 1.5e3\n",
        "title: 2024-05-01\n",
        "outline: [{id: s1}]\n",
        "outline:\n- id: s1\n  intro: >\n    folded\n",
        "outline:\n- id: s1\n  intro: |2\n      two\n",
        "outline:\n- id: s1\n  cards:\n  - 'quoted'\n",
        "outline:\n- id: s1\n  cards:\n  - true\n",
        "outline:\n- id: s1\n  title: a\n    b\n",
        "outline:\n- id: s1\n  extra: x\n",
        "title: a\r\n",
        "---\ntitle: a\n",
    ],
)
def test_unusual_manifests_are_left_to_yaml(text: str) -> None:
    with pytest.raises(NeedsExactRead):
        scan_manifest(text)
