"""Items become cards; cards go back to the inbox or on to the next issue."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from editor_app.core.errors import IssueLockedError
from editor_app.core.inbox.handoff import (
    add_month,
    bump_title,
    candidate_from_card,
    card_from_item,
    ensure_next_issue,
    insert_items,
    next_issue,
    remove_cards_from_issue,
    send_cards_to_issue,
    subtree_cards,
    take_into_issue,
)
from editor_app.core.inbox.item import InboxItem
from editor_app.core.lock import IssueLock
from editor_app.core.model import Card, Issue, Link, Source
from editor_app.core.outline import add_card, add_section
from editor_app.core.storage import load_issue, save_issue
from editor_app.core.template import new_issue

ITEM = InboxItem(
    "abc", "https://example.org/post", "The post", "Worth it", ["k8s"], "2026-10-01T00:00:00Z",
    "paste", "About", "Example", "Kept text",
)  # fmt: skip


def test_a_card_from_an_item_has_its_source_and_note() -> None:
    card = card_from_item(ITEM)
    assert card.title == "The post" and card.source == Source("The post", ITEM.url)
    assert card.note == "Worth it" and card.tags == ["k8s"] and card.body == "Kept text"
    untitled = card_from_item(InboxItem("x", "https://example.org/y"))
    assert untitled.title == "" and untitled.source == Source(
        "https://example.org/y", untitled.source.url
    )


def test_items_are_inserted_where_asked() -> None:
    issue = Issue()
    section = add_section(issue, "News")
    first = add_card(issue, section.id, "first")
    ids = insert_items(issue, [ITEM, InboxItem("b", "https://example.org/b")], section.id, 0)
    assert section.card_ids == [*ids, first.id]
    sub = insert_items(issue, [ITEM], first.id, None)
    assert first.child_ids == sub


def test_a_card_goes_back_with_its_link_text_and_note() -> None:
    card = Card("c1", "Mine", source=Source("Src", "https://example.org/a?utm_source=x"),
                body="Draft", note="n", tags=["t"])  # fmt: skip
    back = candidate_from_card(card)
    assert back is not None and back.url == "https://example.org/a"
    assert (back.title, back.body, back.note, back.tags) == ("Mine", "Draft", "n", ["t"])
    linked = Card("c2", links=[Link("repo", "https://git.example.org/x")])
    assert candidate_from_card(linked).url == "https://git.example.org/x"
    assert candidate_from_card(Card("c3", "No link")) is None


def test_take_writes_cards_into_a_closed_issue(issue_folder: Path) -> None:
    ids = take_into_issue(issue_folder, [ITEM], section="2")
    issue = load_issue(issue_folder)
    assert issue.sections[1].card_ids[-1] == ids[0]
    assert issue.cards[ids[0]].source.url == ITEM.url
    with pytest.raises(KeyError):
        take_into_issue(issue_folder, [ITEM], section="no such section")


def test_take_refuses_an_issue_open_in_a_window(issue_folder: Path, monkeypatch) -> None:
    lock = IssueLock(issue_folder)
    assert lock.acquire()
    monkeypatch.setattr("editor_app.core.lock.os.getpid", lambda: 1)  # another process
    try:
        with pytest.raises(IssueLockedError):
            take_into_issue(issue_folder, [ITEM])
    finally:
        monkeypatch.undo()
        lock.release()


def test_months_and_titles_move_on() -> None:
    assert add_month(dt.date(2026, 10, 31)) == dt.date(2026, 11, 30)
    assert add_month(dt.date(2026, 12, 15)) == dt.date(2027, 1, 15)
    old, new = dt.date(2026, 10, 31), dt.date(2026, 11, 30)
    assert bump_title("云原生月刊 2026 年 10 月", old, new, 42) == "云原生月刊 2026 年 11 月"
    assert bump_title("Monthly 2026-10", old, new, 42) == "Monthly 2026-11"
    assert bump_title("Cloud notes, October 2026", old, new, 1) == "Cloud notes, November 2026"
    assert bump_title("Weekly #42", old, new, 42) == "Weekly #43"
    assert bump_title("Notes", old, new, None) == "Notes 2026-11-30"


def _library(tmp_path: Path) -> tuple[Path, Path]:
    library = tmp_path / "lib"
    issue = new_issue(library, "云原生月刊 2026 年 10 月", slug="2026-10-monthly",
                      date=dt.date(2026, 10, 31))  # fmt: skip
    return library, issue.folder


def test_the_next_issue_is_made_from_the_template_once(tmp_path: Path) -> None:
    library, october = _library(tmp_path)
    assert next_issue(library, october) is None
    folder, created = ensure_next_issue(library, october)
    assert created and folder.name == "2026-11-monthly"
    made = load_issue(folder)
    assert made.title == "云原生月刊 2026 年 11 月" and made.date == dt.date(2026, 11, 30)
    assert made.number == 2 and made.sections and not made.cards  # no empty starter card
    assert ensure_next_issue(library, october) == (folder, False)


def test_cards_move_to_the_next_issue_with_their_files_and_back(tmp_path: Path) -> None:
    library, october = _library(tmp_path)
    issue = load_issue(october)
    section = issue.sections[1]
    card = add_card(issue, section.id, "Moving on")
    card.body = "![diagram](assets/diagram.png)"
    child = add_card(issue, card.id, "Its sub-card")
    save_issue(issue)
    (october / "assets" / "diagram.png").write_bytes(b"\x89PNG fake")
    november, _ = ensure_next_issue(library, october)
    cards = subtree_cards(issue, [card.id])
    tops = send_cards_to_issue(cards, october, november, section.title)
    moved = load_issue(november)
    target = next(s for s in moved.sections if s.title == section.title)
    assert tops == [card.id] and target.card_ids == [card.id]
    assert moved.cards[card.id].child_ids == [child.id]
    assert (november / "assets" / "diagram.png").read_bytes() == b"\x89PNG fake"
    remove_cards_from_issue(november, tops)
    assert not load_issue(november).cards
