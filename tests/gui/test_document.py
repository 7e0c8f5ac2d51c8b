"""Autosave, the recovery journal, the lock and external changes of an IssueDocument."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

from editor_app.core.storage import card_path, load_issue, read_card, save_card
from editor_app.gui.document import KEEP_MINE, IssueDocument


def first_card(doc):
    return doc.issue.sections[0].card_ids[0]


def test_typing_reaches_file_after_autosave(qtbot, issue_folder):
    doc = IssueDocument(issue_folder, autosave_ms=300)
    card_id = first_card(doc)
    doc.set_card_body(card_id, "新的正文 new body")
    assert "新的正文" not in card_path(issue_folder, card_id).read_text("utf-8")
    qtbot.waitUntil(
        lambda: read_card(issue_folder, card_id).body == "新的正文 new body", timeout=3000
    )
    assert not doc.dirty
    doc.close()


def test_field_edit_is_undoable_and_saved(qtbot, issue_folder):
    doc = IssueDocument(issue_folder, autosave_ms=200)
    card_id = first_card(doc)
    doc.set_field(card_id, "note", "编者按：值得一读")
    qtbot.waitUntil(
        lambda: read_card(issue_folder, card_id).note == "编者按：值得一读", timeout=3000
    )
    doc.undo_stack.undo()
    qtbot.waitUntil(lambda: read_card(issue_folder, card_id).note == "", timeout=3000)
    doc.close()


def test_new_card_exists_on_disk_at_once(qtbot, issue_folder):
    from editor_app.core.outline import add_card

    doc = IssueDocument(issue_folder, autosave_ms=60_000)
    section = doc.issue.sections[0].id
    card = doc.edit_outline("add", lambda i: add_card(i, section, "新卡片"), lambda c: [c.id])
    assert card.id in load_issue(issue_folder).cards
    doc.close()


def test_second_instance_opens_read_only(qtbot, issue_folder):
    first = IssueDocument(issue_folder)
    # A lock held by another live process: simulate with a child process's pid.
    first.close()
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        lock = issue_folder / ".masthead" / "lock"
        lock.write_text(f'{{"pid": {child.pid}, "host": "{os.uname().nodename}", "since": 0}}')
        second = IssueDocument(issue_folder)
        assert second.read_only
        assert second.lock.holder.pid == child.pid
        card_id = first_card(second)
        before = card_path(issue_folder, card_id).read_bytes()
        second.set_card_body(card_id, "should not be written")
        assert not second.save()
        assert card_path(issue_folder, card_id).read_bytes() == before
        second.close()
        assert lock.exists(), "a read-only instance must not remove the other's lock"
    finally:
        child.kill()
        child.wait()


def test_stale_lock_is_taken_over(qtbot, issue_folder):
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()  # its pid is now dead
    lock = issue_folder / ".masthead" / "lock"
    lock.parent.mkdir(exist_ok=True)
    lock.write_text(f'{{"pid": {child.pid}, "host": "{os.uname().nodename}", "since": 0}}')
    doc = IssueDocument(issue_folder)
    assert not doc.read_only
    doc.close()
    assert not lock.exists()


def test_external_change_is_reloaded(qtbot, issue_folder):
    doc = IssueDocument(issue_folder)
    card_id = first_card(doc)
    card = read_card(issue_folder, card_id)
    card.body = "changed by git pull"
    with qtbot.waitSignal(doc.externallyReloaded, timeout=5000):
        save_card(issue_folder, card)
    assert doc.card(card_id).body == "changed by git pull"
    doc.close()


def test_external_change_with_unsaved_edits_is_a_conflict(qtbot, issue_folder):
    doc = IssueDocument(issue_folder, autosave_ms=60_000)
    card_id = first_card(doc)
    doc.set_card_body(card_id, "my unsaved text")
    card = read_card(issue_folder, card_id)
    card.body = "their text"
    with qtbot.waitSignal(doc.conflict, timeout=5000) as blocker:
        save_card(issue_folder, card)
    assert blocker.args == [card_id, "their text"]
    assert doc.card(card_id).body == "my unsaved text"  # nothing replaced without asking
    doc.resolve_conflict(card_id, KEEP_MINE)
    assert read_card(issue_folder, card_id).body == "my unsaved text"
    doc.close()


TYPIST = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtWidgets import QApplication
    from editor_app.gui.document import KEEP_MINE, IssueDocument
    app = QApplication([])
    doc = IssueDocument(sys.argv[1], autosave_ms=600_000)  # autosave will never come
    card = doc.issue.sections[0].card_ids[0]
    text = ""
    for ch in "恢复测试 recovered text":
        text += ch
        doc.set_card_body(card, text)
        end = time.time() + 0.05
        while time.time() < end:
            app.processEvents()
    end = time.time() + 2.2  # older than 2 seconds when killed
    while time.time() < end:
        app.processEvents()
    print("typed", flush=True)
    time.sleep(60)
    """
)


def test_kill_9_while_typing_is_recovered(qtbot, issue_folder):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(
        [sys.executable, "-c", TYPIST, str(issue_folder)],
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        assert proc.stdout.readline().strip() == "typed"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    card_id = load_issue(issue_folder).sections[0].card_ids[0]
    assert read_card(issue_folder, card_id).body != "恢复测试 recovered text"
    time.sleep(0.1)
    doc = IssueDocument(issue_folder)
    assert doc.recovered == [card_id]
    assert not doc.read_only  # the dead process's lock was taken over
    assert read_card(issue_folder, card_id).body == "恢复测试 recovered text"
    assert doc.card(card_id).body == "恢复测试 recovered text"
    doc.close()


NONSTOP_TYPIST = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtWidgets import QApplication
    from editor_app.gui.document import KEEP_MINE, IssueDocument
    app = QApplication([])
    doc = IssueDocument(sys.argv[1], autosave_ms=600_000)  # autosave will never come
    card = doc.issue.sections[0].card_ids[0]
    text = ""
    start = time.time()
    marked = False
    while True:  # a key every 50 ms, never pausing, until killed
        text += "typing "[len(text) % 7]
        doc.set_card_body(card, text)
        end = time.time() + 0.05
        while time.time() < end:
            app.processEvents()
        if not marked and time.time() - start > 0.5:
            print(text, flush=True)
            marked = True
    """
)


def test_kill_9_during_continuous_typing_recovers_older_text(qtbot, issue_folder):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(
        [sys.executable, "-c", NONSTOP_TYPIST, str(issue_folder)],
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        marked = proc.stdout.readline().rstrip("\n")
        assert marked.startswith("typing")
        time.sleep(2.2)  # the marked text is older than 2 seconds; typing goes on
        assert proc.poll() is None
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    card_id = load_issue(issue_folder).sections[0].card_ids[0]
    doc = IssueDocument(issue_folder)
    assert doc.recovered == [card_id]
    assert doc.card(card_id).body.startswith(marked)
    assert read_card(issue_folder, card_id).body.startswith(marked)
    doc.close()


def test_outline_changed_on_disk_is_reloaded_keeping_unsaved_text(qtbot, issue_folder):
    from editor_app.core.outline import add_card, move_section
    from editor_app.core.storage import save_issue

    doc = IssueDocument(issue_folder, autosave_ms=60_000)
    card_id = first_card(doc)
    doc.set_card_body(card_id, "typed here, not yet saved")
    # Another program (git pull) reorders sections and adds a card.
    theirs = load_issue(issue_folder)
    move_section(theirs, theirs.sections[1].id, 0)
    pulled = add_card(theirs, theirs.sections[0].id, "Pulled card")
    with qtbot.waitSignal(doc.externallyReloaded, timeout=5000):
        save_issue(theirs, issue_folder)
    assert [s.title for s in doc.issue.sections] == [s.title for s in theirs.sections]
    assert pulled.id in doc.issue.cards
    assert doc.card(card_id).body == "typed here, not yet saved"
    assert doc.undo_stack.count() == 0
    doc.save()
    # Our save keeps their outline: nothing they pulled is clobbered.
    assert pulled.id in load_issue(issue_folder).cards
    assert read_card(issue_folder, card_id).body == "typed here, not yet saved"
    doc.close()


def test_unsaved_issue_fields_and_changed_manifest_is_a_conflict(qtbot, issue_folder):
    from editor_app.core.storage import save_issue

    doc = IssueDocument(issue_folder, autosave_ms=60_000)
    doc.set_issue_field("title", "Our title")
    theirs = load_issue(issue_folder)
    theirs.title = "Their title"
    with qtbot.waitSignal(doc.manifestConflict, timeout=5000):
        save_issue(theirs, issue_folder)
    assert doc.issue.title == "Our title"
    doc.resolve_manifest_conflict(keep_mine=False)
    assert doc.issue.title == "Their title"
    doc.close()


def test_own_saves_do_not_reread_every_card(qtbot, issue_folder, monkeypatch):
    from editor_app.gui import document_disk as document_module

    doc = IssueDocument(issue_folder, autosave_ms=60_000)
    reads = []
    real = document_module.read_text
    monkeypatch.setattr(document_module, "read_text", lambda p: reads.append(p) or real(p))
    doc.set_card_body(first_card(doc), "saved by us")
    doc.save()
    qtbot.wait(500)  # let the watcher report the rename
    card_files = [p for p in reads if p.suffix == ".md"]
    assert len(card_files) <= 1, card_files  # at most the one file we wrote
    doc.close()


def test_journal_writes_only_cards_typed_in_since_last_time(qtbot, issue_folder, monkeypatch):
    from editor_app.core import journal

    doc = IssueDocument(issue_folder, autosave_ms=60_000)
    first, second = doc.issue.sections[0].card_ids[:2]
    written = []
    real = journal.write_entry
    monkeypatch.setattr(
        journal, "write_entry", lambda f, e: written.append(e.card_id) or real(f, e)
    )
    doc.set_card_body(first, "one")
    doc.set_card_body(second, "two")
    qtbot.waitUntil(lambda: sorted(written) == sorted([first, second]), timeout=2000)
    written.clear()
    doc.set_card_body(second, "two more")
    qtbot.waitUntil(lambda: written == [second], timeout=2000)
    qtbot.wait(300)
    assert written == [second]
    doc.close()


def test_opening_removes_what_a_killed_write_left(qtbot, issue_folder):
    stray = issue_folder / "cards" / ".c1.md.k1ll3d_x.tmp"
    stray.write_text("half a card")
    card = issue_folder / "cards" / next(p.name for p in (issue_folder / "cards").glob("*.md"))
    before = card.read_bytes()
    document = IssueDocument(issue_folder)
    try:
        assert not stray.exists()
        assert card.read_bytes() == before
    finally:
        document.close()


def test_each_card_change_is_told_first_to_the_early_listeners(qtbot, issue_folder):
    doc = IssueDocument(issue_folder, autosave_ms=60_000)
    card_id = first_card(doc)
    told: list[tuple[str, str, str]] = []
    doc.cardChanged.connect(lambda cid, field: told.append(("changed", cid, field)))
    doc.cardChangedFirst.connect(lambda cid, field: told.append(("first", cid, field)))
    card = read_card(issue_folder, card_id)
    card.body = "changed by git pull"
    with qtbot.waitSignal(doc.externallyReloaded, timeout=5000):
        save_card(issue_folder, card)
    doc.set_card_body(card_id, "打字 typed")
    doc.set_field(card_id, "title", "新标题 New title")
    doc.undo_stack.undo()
    fields = ["*", "body", "title", "title"]
    assert told == [(which, card_id, field) for field in fields for which in ("first", "changed")]
    doc.close()
