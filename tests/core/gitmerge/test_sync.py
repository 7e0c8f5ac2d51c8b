"""Two clones of one library, edited apart and synced through a bare repository."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from editor_app.core.gitmerge.sync import commit_all, pull, push
from editor_app.core.outline import add_card
from editor_app.core.storage import load_issue, save_issue

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def edit_issue(folder: Path, change) -> None:
    issue = load_issue(folder)
    change(issue)
    save_issue(issue, folder)


def section_titles(issue) -> list[list[str]]:
    return [[issue.cards[c].title for c in s.card_ids] for s in issue.sections]


def test_cards_added_to_the_same_section_on_both_sides_merge(library_clones):
    ana, ben = library_clones
    edit_issue(ana / "test-issue", lambda i: add_card(i, i.sections[0].id, "From Ana"))
    commit_all(ana, "Ana adds a card")
    push(ana)
    edit_issue(ben / "test-issue", lambda i: add_card(i, i.sections[0].id, "From Ben"))
    commit_all(ben, "Ben adds a card")
    result = pull(ben)
    assert result.conflicts == []
    merged = load_issue(ben / "test-issue")
    assert section_titles(merged)[0] == ["Alpha 发布", "Beta 访谈", "From Ben", "From Ana"]
    assert "<<<<<<<" not in (ben / "test-issue" / "issue.yaml").read_text(encoding="utf-8")


def test_different_sections_renamed_and_cards_moved(library_clones):
    ana, ben = library_clones

    def ana_edits(issue):
        issue.sections[0].title = "Headlines"
        issue.sections[0].card_ids.reverse()

    def ben_edits(issue):
        issue.sections[1].title = "Toolbox"

    edit_issue(ana / "test-issue", ana_edits)
    commit_all(ana, "Ana")
    push(ana)
    edit_issue(ben / "test-issue", ben_edits)
    commit_all(ben, "Ben")
    assert pull(ben).conflicts == []
    merged = load_issue(ben / "test-issue")
    assert [s.title for s in merged.sections] == ["Headlines", "Toolbox"]
    assert section_titles(merged)[0] == ["Beta 访谈", "Alpha 发布"]


def test_same_field_on_both_sides_is_reported_and_nothing_lost(library_clones):
    ana, ben = library_clones
    edit_issue(ana / "test-issue", lambda i: setattr(i, "title", "Ana's title"))
    commit_all(ana, "Ana")
    push(ana)
    edit_issue(ben / "test-issue", lambda i: setattr(i, "title", "Ben's title"))
    commit_all(ben, "Ben")
    result = pull(ben)
    assert [c.path for c in result.conflicts] == ["test-issue/issue.yaml"]
    text = (ben / "test-issue" / "issue.yaml").read_text(encoding="utf-8")
    assert "Ana's title" in text and "Ben's title" in text and "<<<<<<< " in text


def test_card_deleted_on_one_side_and_edited_on_the_other_is_kept(library_clones):
    ana, ben = library_clones
    issue = load_issue(ana / "test-issue")
    victim = issue.sections[0].card_ids[0]

    def delete(i):
        i.sections[0].card_ids.remove(victim)
        del i.cards[victim]

    edit_issue(ana / "test-issue", delete)
    (ana / "test-issue" / "cards" / f"{victim}.md").unlink(missing_ok=True)
    commit_all(ana, "Ana deletes a card")
    push(ana)
    edit_issue(ben / "test-issue", lambda i: setattr(i.cards[victim], "body", "Ben's new words"))
    commit_all(ben, "Ben edits it")
    result = pull(ben)
    assert result.kept_cards == [f"test-issue/cards/{victim}.md"]
    merged = load_issue(ben / "test-issue")
    assert merged.cards[victim].body.strip() == "Ben's new words"
    assert victim in merged.sections[0].card_ids


def test_a_card_edited_on_both_sides_is_resolved_from_its_two_versions(library_clones):
    from editor_app.core.gitmerge.sync import conflict_versions, finish_merge, merging, resolve_file

    ana, ben = library_clones
    card = load_issue(ana / "test-issue").sections[0].card_ids[0]
    edit_issue(ana / "test-issue", lambda i: setattr(i.cards[card], "body", "Ana's words"))
    commit_all(ana, "Ana")
    push(ana)
    edit_issue(ben / "test-issue", lambda i: setattr(i.cards[card], "body", "Ben's words"))
    commit_all(ben, "Ben")
    result = pull(ben)
    path = f"test-issue/cards/{card}.md"
    assert [c.path for c in result.conflicts] == [path]
    ours, theirs = conflict_versions(ben, path)
    assert "Ben's words" in ours and "Ana's words" in theirs
    resolve_file(ben, path, theirs)
    assert merging(ben)
    finish_merge(ben)
    assert not merging(ben)
    assert load_issue(ben / "test-issue").cards[card].body.strip() == "Ana's words"


def test_changed_files_are_named_by_card_title(library_clones):
    from editor_app.core.gitmerge.git import status
    from editor_app.core.gitmerge.sync import describe_path

    ana, _ = library_clones
    issue = load_issue(ana / "test-issue")
    card = issue.sections[0].card_ids[1]
    edit_issue(ana / "test-issue", lambda i: setattr(i.cards[card], "body", "new words"))
    names = [describe_path(ana, c.path) for c in status(ana)]
    assert names == ["test-issue · Beta 访谈"]
