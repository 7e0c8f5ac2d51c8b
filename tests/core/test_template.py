import datetime as dt

import pytest

from editor_app.core.errors import MastheadError
from editor_app.core.library import list_issues
from editor_app.core.numbering import compute_numbers
from editor_app.core.storage import load_issue
from editor_app.core.template import ascii_slug, new_issue


def test_new_issue_has_six_sections_and_is_saved(tmp_path):
    issue = new_issue(tmp_path, "Cloud Native Monthly 2026-01", date=dt.date(2026, 1, 1))
    assert issue.folder == tmp_path / "cloud-native-monthly-2026-01"
    assert len(issue.sections) == 6
    assert all(s.title and s.emoji for s in issue.sections)
    numbers = compute_numbers(issue)
    assert [numbers.sections[s.id] for s in issue.sections] == [
        "专题一", "专题二", "专题三", "专题四", "专题五", "专题六",
    ]  # fmt: skip
    loaded = load_issue(issue.folder)
    assert loaded == issue
    assert (loaded.number, loaded.date, loaded.slug) == (1, dt.date(2026, 1, 1), issue.folder.name)
    assert (issue.folder / "assets").is_dir() and (issue.folder / "cards").is_dir()


def test_number_follows_the_highest_in_the_library(tmp_path):
    first = new_issue(tmp_path, "first")
    assert first.number == 1
    # An older issue with a high number, and an unreadable one, are both in the library.
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "issue.yaml").write_text("format: 1\ntitle: old\nnumber: 41\n", "utf-8")
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "issue.yaml").write_text("title: [\n", "utf-8")
    assert new_issue(tmp_path, "next").number == 42


def test_same_title_gets_a_unique_slug(tmp_path):
    a = new_issue(tmp_path, "Monthly")
    b = new_issue(tmp_path, "Monthly")
    c = new_issue(tmp_path, "Monthly")
    assert [x.folder.name for x in (a, b, c)] == ["monthly", "monthly-2", "monthly-3"]
    assert [x.slug for x in (a, b, c)] == ["monthly", "monthly-2", "monthly-3"]
    assert len(list_issues(tmp_path)) == 3


def test_chinese_title_falls_back_to_a_dated_slug(tmp_path):
    issue = new_issue(tmp_path, "云原生月刊", date=dt.date(2026, 2, 1))
    assert issue.folder.name == "issue-2026-02-01"
    assert issue.title == "云原生月刊"


def test_explicit_slug(tmp_path):
    issue = new_issue(tmp_path, "whatever", slug="2026-02_special.v2")
    assert issue.folder == tmp_path / "2026-02_special.v2"
    with pytest.raises(MastheadError) as info:
        new_issue(tmp_path, "again", slug="2026-02_special.v2")
    assert "already exists" in info.value.message


@pytest.mark.parametrize("slug", ["../escape", "a/b", "", ".hidden", "名字", "with space", "-x"])
def test_bad_slug_is_refused_and_nothing_created(tmp_path, slug):
    library = tmp_path / "lib"
    with pytest.raises(MastheadError):
        new_issue(library, "t", slug=slug)
    assert not library.exists() or list(library.iterdir()) == []
    assert not (tmp_path / "escape").exists()


def test_ascii_slug():
    assert ascii_slug("  Hello, World! 2026 ") == "hello-world-2026"
    assert ascii_slug("云原生") == ""
    assert len(ascii_slug("x" * 200)) == 60
