"""Moving cards between two issue folders of a library: files, sections, locks and undo."""

from __future__ import annotations

import io
import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from editor_app.core.card_transfer import (
    NEW_SECTION,
    move_cards_between_issues,
    transfer_cards,
    undo_transfer,
)
from editor_app.core.errors import IssueLockedError, TransferError
from editor_app.core.model import Issue, Source
from editor_app.core.outline import add_card, add_section
from editor_app.core.storage import card_path, load_issue, save_issue


def png(color: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 6), color).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """Two issues: "spring" with a card showing two images and a sub-card, "summer" with two
    sections and an image of its own under a name the spring issue also uses."""
    spring = Issue(title="Spring", slug="spring")
    news = add_section(spring, "News", "📰")
    card = add_card(spring, news.id, "Robots")
    card.source = Source("Robots", "https://example.org/robots")
    card.body = (
        "Intro.\n\n![A red square](assets/red.png)\n\n![Chart](./assets/chart.png)\n\n"
        "[slides](docs/talk.pdf) and ![gone](assets/missing.png)"
    )
    card.note = "See ![again](assets/red.png)"
    sub = add_card(spring, card.id, "Robot arms")
    sub.body = "Arms."
    other = add_card(spring, news.id, "Stays")
    other.body = "![A red square](assets/red.png)"
    save_issue(spring, tmp_path / "spring")
    (tmp_path / "spring" / "assets" / "red.png").write_bytes(png((200, 0, 0)))
    (tmp_path / "spring" / "assets" / "chart.png").write_bytes(png((0, 0, 200)))
    (tmp_path / "spring" / "docs").mkdir()
    (tmp_path / "spring" / "docs" / "talk.pdf").write_bytes(b"%PDF-1.4 slides")

    summer = Issue(title="Summer", slug="summer")
    add_section(summer, "Intro", "👋")
    tools = add_section(summer, "Tools", "🧰")
    own = add_card(summer, tools.id, "Hammer")
    own.body = "![Blue](assets/chart.png)"
    save_issue(summer, tmp_path / "summer")
    (tmp_path / "summer" / "assets" / "chart.png").write_bytes(png((0, 200, 0)))
    return tmp_path


def robots(issue: Issue) -> str:
    return next(c.id for c in issue.cards.values() if c.title == "Robots")


def test_a_card_moves_with_its_sub_cards_and_files(library):
    source_folder, target_folder = library / "spring", library / "summer"
    card_id = robots(load_issue(source_folder))
    receipt = move_cards_between_issues(source_folder, [card_id], target_folder)

    source, target = load_issue(source_folder), load_issue(target_folder)
    assert card_id not in source.cards and [c.title for c in source.ordered_cards()] == ["Stays"]
    assert (source_folder / ".masthead" / "trash" / f"{card_id}.md").is_file()
    moved = target.cards[card_id]
    assert [target.cards[c].title for c in moved.child_ids] == ["Robot arms"]
    # No section named: a new one at the end, holding the card.
    assert receipt.new_section and target.sections[-1].card_ids == [card_id]
    # red.png was free in the target: same name. chart.png holds other bytes there: the
    # moved card's copy gets a hash name, and the target's own chart is untouched.
    assert (target_folder / "assets" / "red.png").read_bytes() == png((200, 0, 0))
    assert (target_folder / "assets" / "chart.png").read_bytes() == png((0, 200, 0))
    chart = next(a for a in receipt.assets if a != "assets/red.png" and a.endswith(".png"))
    assert len(Path(chart).stem) == 16 and (target_folder / chart).read_bytes() == png((0, 0, 200))
    assert f"![Chart]({chart})" in moved.body and "![A red square](assets/red.png)" in moved.body
    # A linked file outside assets/ is copied into assets/ under its hash name.
    pdf = next(a for a in receipt.assets if a.endswith(".pdf"))
    assert pdf.startswith("assets/") and f"[slides]({pdf})" in moved.body
    assert receipt.missing == ("assets/missing.png",)
    assert moved.note == "See ![again](assets/red.png)"
    # The source keeps its files: another card still shows red.png.
    assert (source_folder / "assets" / "red.png").is_file()


def test_the_card_goes_to_the_end_of_the_chosen_section(library):
    source = load_issue(library / "spring")
    target_folder = library / "summer"
    tools = load_issue(target_folder).sections[1]
    receipt = transfer_cards(source, [robots(source)], target_folder, section=tools.id)
    target = load_issue(target_folder)
    assert not receipt.new_section
    assert [target.cards[c].title for c in target.sections[1].card_ids] == ["Hammer", "Robots"]
    assert len(target.sections) == 2
    # transfer_cards leaves the source as it is: the window removes the card itself.
    assert robots(load_issue(library / "spring")) in load_issue(library / "spring").cards


def test_new_section_takes_the_title_given(library):
    source = load_issue(library / "spring")
    transfer_cards(source, [robots(source)], library / "summer", NEW_SECTION, "News", "📰")
    last = load_issue(library / "summer").sections[-1]
    assert (last.title, last.emoji) == ("News", "📰")


def test_a_sub_card_inside_a_moved_card_is_not_moved_twice(library):
    source = load_issue(library / "spring")
    card_id = robots(source)
    sub_id = source.cards[card_id].child_ids[0]
    receipt = transfer_cards(source, [sub_id, card_id], library / "summer")
    assert receipt.card_ids == (card_id,) and set(receipt.all_ids) == {card_id, sub_id}


def test_undo_takes_the_cards_and_their_new_files_back_out(library):
    source_folder, target_folder = library / "spring", library / "summer"
    before = (target_folder / "issue.yaml").read_text("utf-8")
    source = load_issue(source_folder)
    receipt = transfer_cards(source, [robots(source)], target_folder)
    undo_transfer(receipt)
    assert (target_folder / "issue.yaml").read_text("utf-8") == before
    assert not card_path(target_folder, receipt.card_ids[0]).exists()
    for rel in receipt.assets:
        assert not (target_folder / rel).exists()
    assert (target_folder / "assets" / "chart.png").read_bytes() == png((0, 200, 0))


def test_undo_refuses_when_the_card_was_edited_in_the_target(library):
    source = load_issue(library / "spring")
    receipt = transfer_cards(source, [robots(source)], library / "summer")
    path = card_path(library / "summer", receipt.card_ids[0])
    path.write_text(path.read_text("utf-8") + "\nEdited in summer.\n", "utf-8")
    manifest = (library / "summer" / "issue.yaml").read_text("utf-8")
    with pytest.raises(TransferError, match="changed in the target"):
        undo_transfer(receipt)
    assert (library / "summer" / "issue.yaml").read_text("utf-8") == manifest
    assert "Edited in summer." in path.read_text("utf-8")


def test_an_id_the_target_already_has_is_refused_and_nothing_is_written(library):
    source = load_issue(library / "spring")
    card_id = robots(source)
    transfer_cards(source, [card_id], library / "summer")
    manifest = (library / "summer" / "issue.yaml").read_text("utf-8")
    assets = sorted(p.name for p in (library / "summer" / "assets").iterdir())
    with pytest.raises(TransferError, match="already has a card with the id"):
        transfer_cards(source, [card_id], library / "summer")
    assert (library / "summer" / "issue.yaml").read_text("utf-8") == manifest
    assert sorted(p.name for p in (library / "summer" / "assets").iterdir()) == assets


@pytest.fixture
def other_process():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield child
    child.kill()
    child.wait()


def test_a_target_open_in_another_window_is_refused(library, other_process):
    lock = library / "summer" / ".masthead" / "lock"
    lock.parent.mkdir(parents=True, exist_ok=True)
    host = socket.gethostname()
    lock.write_text(json.dumps({"pid": other_process.pid, "host": host, "since": 0}))
    manifest = (library / "summer" / "issue.yaml").read_text("utf-8")
    with pytest.raises(IssueLockedError):
        move_cards_between_issues(library / "spring", [robots(load_issue(library / "spring"))],
                                  library / "summer")  # fmt: skip
    assert (library / "summer" / "issue.yaml").read_text("utf-8") == manifest
    assert "Robots" in [c.title for c in load_issue(library / "spring").cards.values()]


def test_moving_into_the_same_issue_or_a_plain_folder_is_refused(library):
    source = load_issue(library / "spring")
    with pytest.raises(TransferError, match="already in this issue"):
        transfer_cards(source, [robots(source)], library / "spring")
    (library / "plain").mkdir()
    with pytest.raises(TransferError, match="not an issue folder"):
        transfer_cards(source, [robots(source)], library / "plain")


def test_an_unreadable_card_cannot_move(library):
    source = load_issue(library / "spring")
    card_id = robots(source)
    source.cards[card_id].unreadable = "cards/x.md: not valid UTF-8"
    with pytest.raises(TransferError, match="cannot be read"):
        transfer_cards(source, [card_id], library / "summer")
    assert card_id not in load_issue(library / "summer").cards


def test_a_symbolic_link_is_never_copied(library, tmp_path):
    secret = tmp_path / "secret.png"
    secret.write_bytes(png((1, 2, 3)))
    (library / "spring" / "assets" / "red.png").unlink()
    (library / "spring" / "assets" / "red.png").symlink_to(secret)
    source = load_issue(library / "spring")
    receipt = transfer_cards(source, [robots(source)], library / "summer")
    assert "assets/red.png" in receipt.missing
    assert not (library / "summer" / "assets" / "red.png").exists()
