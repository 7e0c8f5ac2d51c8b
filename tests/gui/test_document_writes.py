"""The autosave writes a very long card file on a worker; every other save stays in order."""

from __future__ import annotations

import threading

from editor_app.core import atomic, journal
from editor_app.core.storage import card_path, read_card
from editor_app.gui import document as document_module
from editor_app.gui import document_writes
from editor_app.gui.document import IssueDocument
from editor_app.gui.document_writes import BACKGROUND_SAVE_CHARS

LONG = "云原生 cloud native 段落。\n\n" * (BACKGROUND_SAVE_CHARS // 10)


def _writes_by_thread(monkeypatch) -> list[int]:
    threads: list[int] = []
    real = atomic.atomic_write_text

    def recording(path, text, durable=True):  # noqa: ANN001
        threads.append(threading.get_ident())
        return real(path, text, durable)

    monkeypatch.setattr(document_module, "atomic_write_text", recording)
    monkeypatch.setattr(document_writes, "atomic_write_text", recording)
    return threads


def test_a_long_card_is_autosaved_off_the_ui_thread(qtbot, issue_folder, monkeypatch):
    doc = IssueDocument(issue_folder, autosave_ms=200)
    try:
        threads = _writes_by_thread(monkeypatch)
        card_id, other = doc.issue.sections[0].card_ids[:2]
        conflicts: list[str] = []
        doc.conflict.connect(lambda cid, _body: conflicts.append(cid))
        doc.set_card_body(card_id, LONG)
        doc.set_card_body(other, "short")
        qtbot.waitUntil(lambda: len(threads) == 2 and not doc.writing(), timeout=10_000)
        ui = threading.get_ident()
        assert sorted(t == ui for t in threads) == [False, True]  # the short one on the UI
        assert read_card(issue_folder, card_id).body == LONG.strip("\n")
        assert not doc.dirty
        assert not (journal.journal_dir(issue_folder) / f"{card_id}.json").exists()
        # Our own write, seen by the file watcher, is no change from outside.
        qtbot.wait(500)
        assert conflicts == [] and doc.card(card_id).body == LONG
    finally:
        doc.close()


def test_a_save_asked_for_waits_for_the_writes_under_way(qtbot, issue_folder, monkeypatch):
    doc = IssueDocument(issue_folder, autosave_ms=60_000)
    try:
        card_id = doc.issue.sections[0].card_ids[0]
        doc.set_card_body(card_id, LONG)
        doc.save(background=True)
        assert doc.writing()
        doc.set_card_body(card_id, LONG + "more")
        assert doc.save()  # waits for the first write, then writes the newer text
        assert not doc.writing()
        assert read_card(issue_folder, card_id).body == (LONG + "more").strip("\n")
        assert card_path(issue_folder, card_id).read_text("utf-8").endswith("more\n")
    finally:
        doc.close()


def test_a_file_changed_by_someone_else_meanwhile_is_not_overwritten(qtbot, issue_folder):
    doc = IssueDocument(issue_folder, autosave_ms=60_000)
    try:
        card_id = doc.issue.sections[0].card_ids[0]
        conflicts: list[str] = []
        doc.conflict.connect(lambda cid, _body: conflicts.append(cid))
        doc.set_card_body(card_id, LONG)
        path = card_path(issue_folder, card_id)
        theirs = "---\ntitle: Theirs\nstatus: draft\n---\n\nTheir body.\n"
        path.write_text(theirs, "utf-8")  # before the watcher or the save has looked
        job = document_writes.write_card_file
        # The file's stamp when the document last looked is no longer what is there.
        assert job(issue_folder, card_id, "mine", doc._stamps[str(path)]) is None
        assert path.read_text("utf-8") == theirs
        doc.save(background=True)
        qtbot.waitUntil(lambda: conflicts == [card_id], timeout=10_000)
        assert path.read_text("utf-8") == theirs
        assert doc.card(card_id).body == LONG and doc.dirty
    finally:
        doc.close()
