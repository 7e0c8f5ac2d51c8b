"""The sample library in issues/ is what a newcomer sees first: it must stay rich and clean."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from editor_app.core.checks import ERROR, check_issue, is_generic_alt
from editor_app.core.links import issue_links
from editor_app.core.model import Issue
from editor_app.core.numbering import compute_numbers
from editor_app.core.paths import local_path
from editor_app.core.render import render_markdown
from editor_app.core.storage import STATE_DIR, load_issue, save_issue
from editor_app.core.url_normalize import normalize_url

LIBRARY = Path(__file__).resolve().parents[1] / "issues"
OCTOBER = LIBRARY / "2026-10-cloud-native-monthly"
SEPTEMBER = LIBRARY / "2026-09-cloud-native-monthly"
STANDARD_SECTIONS = [
    "产品新功能/新版本",
    "新闻与访谈",
    "讨论与分享",
    "报告查看与分析",
    "产品/方案介绍",
    "有意思的事与 Meme",
]


@pytest.fixture(scope="module")
def october() -> Issue:
    return load_issue(OCTOBER)


@pytest.fixture(scope="module")
def rendered(october: Issue) -> dict[str, str]:
    return {c.id: render_markdown(c.body).html for c in october.ordered_cards()}


def test_october_has_the_six_standard_sections_in_order(october: Issue) -> None:
    assert [s.title for s in october.sections] == STANDARD_SECTIONS
    assert all(s.emoji and s.card_ids for s in october.sections)
    labels = compute_numbers(october).sections
    assert [labels[s.id] for s in october.sections] == [
        "专题一", "专题二", "专题三", "专题四", "专题五", "专题六",
    ]  # fmt: skip


def test_october_metadata(october: Issue) -> None:
    assert october.title == "云原生月刊 2026 年 10 月"
    assert october.number == 42
    assert october.date is not None and october.date.isoformat() == "2026-10-31"
    assert october.slug == OCTOBER.name


def test_october_card_counts(october: Issue) -> None:
    top_level = sum(len(s.card_ids) for s in october.sections)
    assert top_level >= 24
    assert len(october.ordered_cards()) >= 30
    assert not [c.id for c in october.ordered_cards() if c.unreadable]


def test_a_roundup_card_groups_at_least_six_sub_cards(october: Issue) -> None:
    roundups = [c for c in october.ordered_cards() if len(c.child_ids) >= 6]
    assert roundups, "no card with six or more sub-cards"
    parent = roundups[0]
    children = [october.cards[c] for c in parent.child_ids]
    groups = [c.group for c in children]
    assert all(groups), "every sub-card of the roundup sits under a category heading"
    assert len(set(groups)) >= 2
    # Sub-cards of one group are contiguous, so each heading appears once.
    runs = [g for i, g in enumerate(groups) if i == 0 or groups[i - 1] != g]
    assert len(runs) == len(set(groups))
    assert all(c.source and c.source.url.startswith("https://") for c in children)
    numbers = compute_numbers(october).cards
    top = numbers[parent.id]
    assert [numbers[c.id] for c in children] == [f"{top}.{n}" for n in range(1, len(children) + 1)]


def test_a_card_holds_three_sub_card_articles(october: Issue) -> None:
    three = [c for c in october.ordered_cards() if len(c.child_ids) == 3]
    assert three
    assert all(october.cards[c].source for c in three[0].child_ids)


def test_images_exist_and_have_meaningful_alt_text(october: Issue) -> None:
    images = [
        (card.id, img)
        for card in october.ordered_cards()
        for img in render_markdown(card.body).images
    ]
    assert len(images) >= 4
    for _card_id, img in images:
        assert img.src.startswith("assets/")
        assert local_path(OCTOBER, img.src).is_file()
        assert img.alt.strip() and not is_generic_alt(img.alt), img.alt
    assert len({img.alt for _, img in images}) == len(images)
    for path in (OCTOBER / "assets").glob("*.png"):
        assert path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
        assert path.stat().st_size < 200_000


def test_bodies_use_rich_markdown(rendered: dict[str, str]) -> None:
    html = "\n".join(rendered.values())
    assert html.count("<table>") >= 3
    assert "<ol>" in html
    assert "<blockquote>" in html
    assert "<pre><code" in html
    assert re.search(r"<h[34][ >]", html)
    # A list nested inside a list item.
    assert re.search(r"<li>(?:(?!</li>).)*?<(?:ul|ol)>", html, re.S)


def test_fields_beyond_the_body_are_used(october: Issue) -> None:
    cards = october.ordered_cards()
    assert sum(bool(c.further_reading) for c in cards) >= 3
    assert all(f.title and f.url and f.summary for c in cards for f in c.further_reading)
    assert sum(bool(c.note) for c in cards) >= 3
    assert all(c.tags for c in cards)
    labels = {link.label for c in cards for link in c.links}
    assert {"官网", "GitHub", "报告获取链接"} <= labels
    statuses = [c.status.value for c in cards]
    assert statuses.count("review") >= 2
    assert statuses.count("ready") > len(cards) // 2


def test_every_web_link_is_https(october: Issue) -> None:
    urls = [ref.url for ref in issue_links(october) if ref.kind != "image"]
    assert urls
    assert all(u.startswith("https://") for u in urls)


@pytest.mark.parametrize("folder", [OCTOBER, SEPTEMBER], ids=lambda p: p.name)
def test_sample_issue_passes_checks(folder: Path) -> None:
    problems = check_issue(load_issue(folder))
    assert [p for p in problems if p.severity == ERROR] == []
    # Warnings that would mean a defect in the sample itself (later checks may add others).
    defects = {
        "duplicate-link",
        "generic-alt",
        "missing-source",
        "insecure-url",
        "remote-image",
        "empty-section",
        # The sample shows Chinese typography as a copy editor leaves it, in every field.
        "cjk-spacing",
        "halfwidth-punctuation",
        "fullwidth-punctuation",
    }
    assert [p for p in problems if p.code in defects] == []


def test_september_is_a_smaller_earlier_issue() -> None:
    september = load_issue(SEPTEMBER)
    assert september.number == 41
    assert september.date is not None and september.date.isoformat() == "2026-09-30"
    assert [s.title for s in september.sections] == STANDARD_SECTIONS
    assert 6 <= len(september.ordered_cards()) <= 12
    images = [img for c in september.ordered_cards() for img in render_markdown(c.body).images]
    assert len(images) == 1 and local_path(SEPTEMBER, images[0].src).is_file()


def test_issues_share_links_for_the_archive_ledger(october: Issue) -> None:
    def urls(issue: Issue) -> set[str]:
        return {normalize_url(r.url) for r in issue_links(issue) if r.kind != "image"}

    assert len(urls(october) & urls(load_issue(SEPTEMBER))) >= 2


@pytest.mark.parametrize("folder", [OCTOBER, SEPTEMBER], ids=lambda p: p.name)
def test_load_then_save_rewrites_no_file(folder: Path, tmp_path: Path) -> None:
    copy = tmp_path / folder.name
    shutil.copytree(folder, copy, ignore=shutil.ignore_patterns(STATE_DIR))
    before = {p.relative_to(copy): p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    written = save_issue(load_issue(copy))
    after = {p.relative_to(copy): p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    assert written == []
    assert after == before


def test_the_sample_inbox_holds_a_dozen_clean_items() -> None:
    from editor_app.core.inbox.item import item_id, tidy_url
    from editor_app.core.inbox.store import Inbox
    from editor_app.core.ledger import open_ledger

    listing = Inbox(LIBRARY).load()
    assert not listing.problems and len(listing.items) >= 12
    for item in listing.items:
        assert item.url.startswith("https://") and tidy_url(item.url) == item.url
        assert item.id == item_id(item.url) and item.title and item.added.startswith("2026-10")
    keys = [normalize_url(i.url) for i in listing.items]
    assert len(set(keys)) == len(keys)
    # The sample shows both statuses: links September featured, and links October has.
    october = load_issue(OCTOBER)
    ledger = open_ledger(LIBRARY)
    skip = ledger.folders_matching(OCTOBER)
    earlier = [i for i in listing.items if ledger.lookup(i.url, skip, until=october.date)]
    here = {normalize_url(r.url) for r in issue_links(october)}
    assert earlier and any(k in here for k in keys)
