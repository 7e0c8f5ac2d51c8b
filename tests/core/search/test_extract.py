"""The searchable entries of one issue folder."""

from __future__ import annotations

import os

import pytest

from editor_app.core.search.extract import CARD, ISSUE, SECTION, issue_signature, read_issue


def test_entries_cover_the_issue_its_sections_and_every_card(library):
    record = read_issue(library / "2026-01-first")
    assert record.error == "" and record.date == "2026-01-05"
    kinds = [e.kind for e in record.entries]
    assert kinds == [ISSUE, SECTION, CARD, SECTION, CARD, CARD]
    issue, news, first, _tools, roundup, child = record.entries
    assert issue.title == "Platform Weekly 2026-01-first" and "scheduler" in issue.body
    assert news.body == "An intro about gateways."
    assert first.note == "check the numbers with Zoë"
    assert first.links.split("\n") == [
        "Release blog",
        "https://example.org/r",
        "GitHub",
        "https://github.com/example/meshctl",
        "Deep dive",
        "https://example.net/deep",
        "长文",
    ]
    assert first.body.startswith("The new editor") and first.section == "News"
    assert child.title == "Café CLI" and child.section == "Tools"  # sub-cards too
    assert [e.position for e in record.entries] == list(range(6))
    assert roundup.owner != child.owner


def test_an_unreadable_card_is_left_out(library):
    folder = library / "2026-01-first"
    card = sorted((folder / "cards").glob("*.md"))[0]
    card.write_text("no front matter here", "utf-8")
    record = read_issue(folder)
    assert len([e for e in record.entries if e.kind == CARD]) == 2


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_card_file_linked_out_of_the_issue_is_not_read(library, tmp_path):
    folder = library / "2026-01-first"
    outside = tmp_path / "secret.md"
    outside.write_text("---\ntitle: secret\n---\nprivate words\n", "utf-8")
    card = sorted((folder / "cards").glob("*.md"))[0]
    card.unlink()
    card.symlink_to(outside)
    record = read_issue(folder)
    assert all("private" not in e.body for e in record.entries)


def test_a_broken_manifest_is_an_error_not_an_exception(library):
    folder = library / "2026-01-first"
    (folder / "issue.yaml").write_text("title: [unclosed\n", "utf-8")
    record = read_issue(folder)
    assert record.error and record.entries == []


def test_the_signature_follows_the_card_files(library):
    folder = library / "2026-01-first"
    before, _ = issue_signature(folder)
    card = sorted((folder / "cards").glob("*.md"))[0]
    card.write_text(card.read_text("utf-8") + "\nmore\n", "utf-8")
    after, regular = issue_signature(folder)
    assert before != after and card.name in regular
    assert issue_signature(library / "missing") == (None, set())
