"""Recovery from the journal: typed text comes back, and never at the cost of a file that
another program changed meanwhile."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor_app.core import journal
from editor_app.core.storage import card_path, load_issue, read_card, read_text, save_card


def first_card(folder) -> str:
    return load_issue(folder).sections[0].card_ids[0]


def test_journaled_text_goes_back_into_an_unchanged_card(issue_folder):
    card_id = first_card(issue_folder)
    base = read_text(card_path(issue_folder, card_id))
    journal.write_entry(issue_folder, journal.JournalEntry(card_id, "typed, never saved", base))
    assert journal.recover(issue_folder) == [card_id]
    assert read_card(issue_folder, card_id).body == "typed, never saved"
    assert journal.read_entries(issue_folder) == []


def test_a_card_changed_underneath_keeps_both_versions(issue_folder):
    card_id = first_card(issue_folder)
    base = read_text(card_path(issue_folder, card_id))
    journal.write_entry(issue_folder, journal.JournalEntry(card_id, "typed, never saved", base))
    theirs = read_card(issue_folder, card_id)
    theirs.title, theirs.body = "Their title", "their body from git"
    save_card(issue_folder, theirs)
    written = card_path(issue_folder, card_id).read_bytes()

    recovered = journal.recover(issue_folder)

    assert card_path(issue_folder, card_id).read_bytes() == written  # theirs, untouched
    issue = load_issue(issue_folder)
    order = issue.sections[0].card_ids
    assert recovered == [order[order.index(card_id) + 1]]
    copy = issue.cards[recovered[0]]
    assert copy.body == "typed, never saved"
    assert copy.title == "Their title (recovered)"
    assert journal.read_entries(issue_folder) == []


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    body=st.text(alphabet=st.sampled_from(["a", "字", "😀", '"', "\\", "\n", "\u2028", "\x01"])),
    base=st.text(max_size=20),
)
def test_an_entry_encoded_in_pieces_is_the_json_of_the_whole(monkeypatch, body, base):
    monkeypatch.setattr(journal, "ENCODE_CHUNK", 3)
    entry = journal.JournalEntry("c-1", body, base)
    data = {"card": "c-1", "body": body, "base": base}
    written = journal.entry_json(entry)
    assert json.loads(written) == data
    if not any("\ud800" <= ch <= "\udfff" for ch in base):
        assert written == json.dumps(data, ensure_ascii=False)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
# (Only high surrogates: json.loads reads a high and a low one escaped side by side as one
# character, as it always did.)
@given(body=st.text(alphabet=st.sampled_from(["a", "字", "\ud800", "😀"])))
def test_a_lone_surrogate_is_kept_through_an_escape(tmp_path, monkeypatch, body):
    monkeypatch.setattr(journal, "ENCODE_CHUNK", 2)
    journal.write_entry(tmp_path, journal.JournalEntry("c-1", body, "字"))
    assert journal.read_entries(tmp_path) == [journal.JournalEntry("c-1", body, "字")]
