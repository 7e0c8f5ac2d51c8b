"""Section intros are Markdown: their links and images are indexed, owned by the section,
and checked like a card's (malformed, insecure, duplicate, missing image and alt, unsafe path)."""

from __future__ import annotations

from pathlib import Path

from editor_app.core.checks import check_issue
from editor_app.core.images import asset_usage
from editor_app.core.inspect import issue_json
from editor_app.core.link_edits import strip_tracking_edits
from editor_app.core.links import issue_links
from editor_app.core.model import Card, Issue, Section, Source

INTRO = (
    "![](assets/missing.png) ![封面](../outside.png)\n"
    "[坏](htp:/x) [旧](http://old.example.org/a?utm_source=n) "
    "[同](https://same.example.org/p)"
)


def make_issue(tmp_path: Path) -> Issue:
    folder = tmp_path / "issue"
    (folder / "assets").mkdir(parents=True)
    return Issue(
        title="T",
        sections=[Section(id="sintro001", title="封面故事", intro=INTRO, card_ids=["c1"])],
        cards={"c1": Card(id="c1", title="C", source=Source("s", "https://same.example.org/p"))},
        folder=folder,
    )


def test_intro_links_are_indexed_with_the_section_as_owner(tmp_path: Path):
    issue = make_issue(tmp_path)
    refs = [r for r in issue_links(issue) if r.section]
    assert [(r.kind, r.url) for r in refs] == [
        ("image", "assets/missing.png"),
        ("image", "../outside.png"),
        ("inline", "htp:/x"),
        ("inline", "http://old.example.org/a?utm_source=n"),
        ("inline", "https://same.example.org/p"),
    ]
    assert all(r.card == "" and r.section == "sintro001" and r.field == "intro" for r in refs)
    assert refs[2].to_json() == {
        "card": None,
        "section": "sintro001",
        "url": "htp:/x",
        "text": "坏",
        "kind": "inline",
    }
    assert issue_links(issue, intros=False)[0].card == "c1"
    assert issue_json(issue)["links"][0]["section"] == "sintro001"
    assert asset_usage(issue)["assets/missing.png"] == ["#section:sintro001"]
    # Card edits leave intros alone (the section editor owns them).
    assert strip_tracking_edits(issue) == []


def test_checks_apply_to_intros(tmp_path: Path):
    issue = make_issue(tmp_path)
    problems = check_issue(issue)
    codes = {(p.code, p.card, p.section) for p in problems}
    for code in ("missing-alt", "missing-image", "unsafe-path", "malformed-url", "insecure-url"):
        assert (code, None, "sintro001") in codes, code
    duplicate = [(p.card, p.section, p.cards) for p in problems if p.code == "duplicate-link"]
    assert duplicate == [(None, "sintro001", ("c1",))]
    message = next(p.message for p in problems if p.code == "malformed-url")
    assert "封面故事" in message
    json_problem = next(p.to_json() for p in problems if p.code == "missing-alt")
    assert json_problem["card"] is None and json_problem["section"] == "sintro001"
