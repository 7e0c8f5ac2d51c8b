"""A card or issue.yaml rewritten on disk under unsaved edits: nothing is written until the
editor chooses, and each choice is applied exactly."""

from __future__ import annotations

import pytest

from editor_app.core import journal
from editor_app.core.storage import card_path, load_issue, manifest_path, read_card, save_card
from editor_app.gui.document import KEEP_BOTH, KEEP_MINE, TAKE_THEIRS, IssueDocument

AUTOSAVE_MS = 150  # short, so that an autosave during the conflict would be seen


def first_card(doc: IssueDocument) -> str:
    return doc.issue.sections[0].card_ids[0]


def rewrite_externally(folder, card_id: str) -> bytes:
    """What `git checkout` or `masthead image add` does: a new title and body in the file."""
    card = read_card(folder, card_id)
    card.title = "Their title 他们的标题"
    card.body = "Their body, from the branch.\n\n![chart](assets/chart.png)"
    save_card(folder, card)
    return card_path(folder, card_id).read_bytes()


def open_conflict(qtbot, folder):
    doc = IssueDocument(folder, autosave_ms=AUTOSAVE_MS)
    card_id = first_card(doc)
    doc.set_field(card_id, "title", "My title")
    doc.set_card_body(card_id, "my unsaved typing")
    with qtbot.waitSignal(doc.conflict, timeout=5000) as blocker:
        theirs = rewrite_externally(folder, card_id)
    assert blocker.args == [card_id, "Their body, from the branch.\n\n![chart](assets/chart.png)"]
    assert doc.in_conflict(card_id)
    # Well past several autosave delays and journal ticks: the file is still theirs.
    qtbot.wait(AUTOSAVE_MS * 6)
    assert card_path(folder, card_id).read_bytes() == theirs
    assert doc.card(card_id).body == "my unsaved typing"
    assert doc.dirty
    return doc, card_id, theirs


def test_take_the_files_version(qtbot, issue_folder):
    doc, card_id, theirs = open_conflict(qtbot, issue_folder)
    doc.resolve_conflict(card_id, TAKE_THEIRS)
    card = doc.card(card_id)
    assert card.title == "Their title 他们的标题"  # the front matter wins too
    assert card.body.startswith("Their body")
    assert not doc.dirty
    qtbot.wait(AUTOSAVE_MS * 4)
    assert card_path(issue_folder, card_id).read_bytes() == theirs
    assert not (journal.journal_dir(issue_folder) / f"{card_id}.json").exists()
    doc.close()
    # Opening again recovers nothing: the discarded typing is gone for good.
    again = IssueDocument(issue_folder)
    assert again.recovered == []
    assert again.card(card_id).body.startswith("Their body")
    assert card_path(issue_folder, card_id).read_bytes() == theirs
    again.close()


def test_keep_mine(qtbot, issue_folder):
    doc, card_id, _theirs = open_conflict(qtbot, issue_folder)
    doc.resolve_conflict(card_id, KEEP_MINE)
    on_disk = read_card(issue_folder, card_id)
    assert (on_disk.title, on_disk.body) == ("My title", "my unsaved typing")
    assert not doc.dirty and not doc.in_conflict(card_id)
    doc.close()


def test_keep_both_keeps_the_file_in_place_and_mine_after_it(qtbot, issue_folder):
    doc, card_id, theirs = open_conflict(qtbot, issue_folder)
    section = doc.issue.sections[0]
    doc.resolve_conflict(card_id, KEEP_BOTH)
    assert card_path(issue_folder, card_id).read_bytes() == theirs  # not rewritten
    mine_id = section.card_ids[section.card_ids.index(card_id) + 1]
    on_disk = load_issue(issue_folder)
    assert (
        on_disk.sections[0].card_ids.index(mine_id)
        == on_disk.sections[0].card_ids.index(card_id) + 1
    )
    assert on_disk.cards[mine_id].body == "my unsaved typing"
    assert on_disk.cards[mine_id].title.startswith("My title")
    assert doc.card(card_id).title == "Their title 他们的标题"
    assert not doc.dirty
    doc.undo_stack.undo()  # one step takes the copy away again
    assert mine_id not in load_issue(issue_folder).cards
    doc.close()


def test_a_save_before_the_watcher_noticed_does_not_overwrite(qtbot, issue_folder):
    doc = IssueDocument(issue_folder, autosave_ms=60_000)
    card_id = first_card(doc)
    doc.set_card_body(card_id, "typed before the checkout")
    theirs = rewrite_externally(issue_folder, card_id)
    # Saved at once, before the file watcher's event could arrive.
    with qtbot.waitSignal(doc.conflict, timeout=2000):
        assert doc.save() is False
    assert card_path(issue_folder, card_id).read_bytes() == theirs
    assert doc.in_conflict(card_id)
    doc.resolve_conflict(card_id, TAKE_THEIRS)
    doc.close()


def test_second_change_during_the_conflict_is_what_take_the_files_takes(qtbot, issue_folder):
    doc, card_id, _theirs = open_conflict(qtbot, issue_folder)
    card = read_card(issue_folder, card_id)
    card.body = "an even newer body"
    save_card(issue_folder, card)
    qtbot.wait(300)  # the watcher sees it; no second conflict is raised meanwhile
    doc.resolve_conflict(card_id, TAKE_THEIRS)
    assert doc.card(card_id).body == "an even newer body"
    doc.close()


def test_crash_during_the_conflict_recovers_both_versions(qtbot, issue_folder):
    doc, card_id, theirs = open_conflict(qtbot, issue_folder)
    # The journal holds the typing; simulate a crash: the document is dropped unclosed.
    qtbot.waitUntil(
        lambda: (journal.journal_dir(issue_folder) / f"{card_id}.json").exists(), timeout=2000
    )
    doc.lock.release()
    doc._autosave.stop()  # noqa: SLF001 - a dead process saves nothing more
    again = IssueDocument(issue_folder)
    assert card_path(issue_folder, card_id).read_bytes() == theirs
    assert len(again.recovered) == 1 and again.recovered[0] != card_id
    assert again.card(again.recovered[0]).body == "my unsaved typing"
    again.close()
    doc.deleteLater()


@pytest.mark.parametrize("keep_mine", [True, False])
def test_issue_fields_and_a_rewritten_manifest(qtbot, issue_folder, keep_mine):
    from editor_app.core.storage import save_manifest

    doc = IssueDocument(issue_folder, autosave_ms=AUTOSAVE_MS)
    doc.set_issue_field("title", "Our title")
    theirs = load_issue(issue_folder)
    theirs.title = "Their title"
    with qtbot.waitSignal(doc.manifestConflict, timeout=5000):
        save_manifest(issue_folder, theirs)
    written = manifest_path(issue_folder).read_bytes()
    qtbot.wait(AUTOSAVE_MS * 6)
    assert manifest_path(issue_folder).read_bytes() == written
    doc.resolve_manifest_conflict(keep_mine=keep_mine)
    expected = "Our title" if keep_mine else "Their title"
    assert doc.issue.title == expected
    assert load_issue(issue_folder).title == expected
    assert not doc.dirty
    doc.close()
