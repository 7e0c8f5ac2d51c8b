"""Searching a library: results, keeping the index current, and damaged or unwritable indexes."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3

import pytest

from editor_app.core.errors import IssueNotFoundError, MastheadError
from editor_app.core.model import Issue
from editor_app.core.outline import add_card, add_section
from editor_app.core.search import engine
from editor_app.core.search.engine import (
    INDEX_BUILT,
    INDEX_READ_ONLY,
    INDEX_REBUILT,
    INDEX_SKIPPED,
    INDEX_USED,
    refresh_index,
    search_library,
    update_issue_index,
)
from editor_app.core.search.index import index_path
from editor_app.core.storage import load_issue, save_issue

QUERIES = [
    "edit",
    "Editor release",
    "服务网格",
    "网格",
    "云",
    "c++",
    "node.js",
    '"faster renderer"',
    "cafe",
    "zoë",
    "meshctl",
    "kubectl 插件",
    "导语",
    "intro gateways",
    "scheduler",
    "nothing-like-this",
]


def _found(outcome) -> list[tuple[str, str, str]]:
    return [(h.folder, h.kind, h.title) for h in outcome.hits]


def test_word_prefixes_and_chinese_substrings_are_found(library):
    edit = search_library(library, "edit")
    assert edit.index == INDEX_BUILT and edit.indexed
    assert {h.folder for h in edit.hits} == {"2026-01-first", "2026-03-third"}
    hit = edit.hits[0]
    assert hit.kind == "card" and hit.card and hit.title == "Editor release notes"
    assert [hit.title[a:b] for a, b in hit.title_marks] == ["Editor"]
    assert [hit.snippet[a:b] for a, b in hit.marks] == ["editor"]
    assert (hit.reveal_field, hit.start, hit.end) == ("body", 8, 14)
    for query, expected in (("网格", 2), ("服务网格", 2), ("云", 2), ("三个命令行", 1)):
        hits = search_library(library, query).hits
        assert len(hits) == expected, query
        assert all(h.folder == "2026-02-second" for h in hits)
        assert all(query in h.snippet or query in h.title for h in hits)
    assert search_library(library, "credit").hits  # "Credits to the team"
    assert not search_library(library, "redit").hits  # the start of a word, not any substring
    assert search_library(library, "").hits == []


def test_notes_links_intros_and_summaries_are_searched(library):
    note = search_library(library, "zoe").hits  # accents do not matter for words
    assert note and note[0].field == "note" and note[0].snippet.endswith("Zoë")
    link = search_library(library, "meshctl").hits
    assert link and link[0].field == "links"
    intro = search_library(library, "导语").hits
    assert [(h.kind, h.title) for h in intro] == [("section", "新闻")]
    summary = search_library(library, "scheduler").hits
    assert {h.kind for h in summary} == {"issue"}


def test_title_matches_come_first_then_the_newest_issue(library):
    newest = Issue(title="Later issue", date=dt.date(2026, 6, 1), slug="2026-06-later")
    section = add_section(newest, "Misc")
    add_card(newest, section.id, "Odds and ends").body = "One more roundup of tools."
    save_issue(newest, library / "2026-06-later")
    hits = search_library(library, "tool").hits
    assert [(h.folder, h.title) for h in hits] == [
        ("2026-03-third", "Tools"),  # the title matches, newest issue first, in outline order
        ("2026-03-third", "Tool roundup"),
        ("2026-01-first", "Tools"),
        ("2026-01-first", "Tool roundup"),
        ("2026-06-later", "Odds and ends"),  # then the others
    ]
    scanned = search_library(library, "tool", use_index=False).hits
    assert [(h.folder, h.title) for h in scanned] == [(h.folder, h.title) for h in hits]


def test_the_scan_without_an_index_gives_the_same_results(library):
    for query in QUERIES:
        indexed = search_library(library, query, limit=100)
        scanned = search_library(library, query, limit=100, use_index=False)
        assert scanned.index == INDEX_SKIPPED and not scanned.indexed
        assert _found(scanned) == _found(indexed), query
        assert [h.snippet for h in scanned.hits] == [h.snippet for h in indexed.hits]


def test_limit_and_more(library):
    outcome = search_library(library, "tool", limit=2)
    assert len(outcome.hits) == 2 and outcome.more
    assert not search_library(library, "tool", limit=4).more
    assert not search_library(library, "tool", limit=5).more


def test_the_index_follows_changes_on_disk(library):
    assert search_library(library, "edit").index == INDEX_BUILT
    second = search_library(library, "edit")
    assert second.index == INDEX_USED and second.refreshed.read == 0
    folder = library / "2026-01-first"
    issue = load_issue(folder)
    card = next(c for c in issue.cards.values() if c.title == "Editor release notes")
    card.body = "Now about a quokka instead."
    save_issue(issue, folder)  # as another program (or git) would change it
    outcome = search_library(library, "quokka")
    assert outcome.refreshed.read == 1
    assert [h.folder for h in outcome.hits] == ["2026-01-first"]
    assert {h.folder for h in search_library(library, "renderer").hits} == {"2026-03-third"}
    shutil.rmtree(library / "2026-03-third")
    outcome = search_library(library, "renderer")
    assert outcome.refreshed.removed == 1 and outcome.hits == []


def test_an_update_after_a_save_needs_no_full_refresh(library):
    folder = library / "2026-02-second"
    assert update_issue_index(library, folder) is False  # no index yet: none is made
    assert not index_path(library).exists()
    refresh_index(library)
    issue = load_issue(folder)
    next(iter(issue.cards.values())).body = "熔断与限流"
    save_issue(issue, folder)
    assert update_issue_index(library, folder) is True
    assert update_issue_index(library, folder) is False  # nothing new since
    hits = search_library(library, "熔断", refresh=False).hits
    assert [h.folder for h in hits] == ["2026-02-second"]
    assert update_issue_index(library, library.parent) is False  # not an issue of it


@pytest.mark.parametrize(
    "damage",
    ["garbage", "truncated", "empty", "old-format", "shadow-table", "missing-table"],
)
def test_a_damaged_or_stale_index_is_rebuilt(library, damage):
    refresh_index(library)
    path = index_path(library)
    if damage == "garbage":
        path.write_bytes(b"not a database " * 500)
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 3])
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        db = sqlite3.connect(path)
        if damage == "old-format":
            db.execute("UPDATE meta SET value = '0'")
        elif damage == "shadow-table":
            db.execute("DELETE FROM fts_trigram_data WHERE id = 10")  # its structure record
        else:
            db.execute("DROP TABLE fts_word")
        db.commit()
        db.close()
    outcome = search_library(library, "服务网格 代理")
    assert [h.folder for h in outcome.hits] == ["2026-02-second"]
    assert outcome.index in (INDEX_REBUILT, INDEX_BUILT) and outcome.indexed
    assert search_library(library, "服务网格").index == INDEX_USED


def test_an_index_that_cannot_be_written_falls_back_to_the_files(library):
    (library / ".masthead").write_text("a file where the folder should be", "utf-8")
    outcome = search_library(library, "网格")
    assert outcome.index == INDEX_READ_ONLY and not outcome.indexed
    assert len(outcome.hits) == 2
    assert update_issue_index(library, library / "2026-02-second") is False
    with pytest.raises(engine.IndexUnavailable):
        refresh_index(library)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders anyway")
def test_a_read_only_library_is_searched_without_an_index(library):
    os.chmod(library, 0o555)
    try:
        outcome = search_library(library, "网格")
    finally:
        os.chmod(library, 0o755)
    assert outcome.index == INDEX_READ_ONLY and len(outcome.hits) == 2


def test_only_a_library_is_searched(library, tmp_path):
    with pytest.raises(IssueNotFoundError):
        search_library(tmp_path / "nowhere", "x")
    with pytest.raises(MastheadError):
        search_library(library / "2026-01-first", "x")
