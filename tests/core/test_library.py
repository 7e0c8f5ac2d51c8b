import datetime as dt
from pathlib import Path

from editor_app.core.library import list_issues, summarize

MANIFEST = """\
format: 1
title: {title}
number: {number}
date: {date}
slug: {slug}
status: {status}
outline:
- id: sone
  title: A
  cards:
  - caaa
  - cbbb:
    - cccc
    - cddd:
      - ceee
- id: stwo
  title: B
  cards: []
"""


def make(library: Path, slug: str, number, date, status="draft", title=None) -> Path:
    folder = library / slug
    folder.mkdir(parents=True)
    text = MANIFEST.format(
        title=title or f"Issue {slug}", number=number, date=date, slug=slug, status=status
    )
    (folder / "issue.yaml").write_text(text, "utf-8")
    return folder


def test_lists_newest_first_with_fields(tmp_path):
    make(tmp_path, "2026-01", 1, "2026-01-15", "published", "一月刊 🚀")
    make(tmp_path, "2026-03", 3, "2026-03-15")
    make(tmp_path, "2026-02", 2, "2026-02-15", "ready")
    found = list_issues(tmp_path)
    assert [s.slug for s in found] == ["2026-03", "2026-02", "2026-01"]
    last = found[-1]
    assert (last.title, last.number, last.date, last.status, last.cards, last.error) == (
        "一月刊 🚀",
        1,
        dt.date(2026, 1, 15),
        "published",
        5,
        "",
    )
    assert last.folder == tmp_path / "2026-01"


def test_undated_issues_sort_by_number_after_dated_ones(tmp_path):
    make(tmp_path, "a", 5, "null")
    make(tmp_path, "b", 9, "null")
    make(tmp_path, "c", 1, "2020-01-01")
    assert [s.slug for s in list_issues(tmp_path)] == ["c", "b", "a"]


def test_reads_only_manifests(tmp_path, monkeypatch):
    folder = make(tmp_path, "x", 1, "2026-01-01")
    cards = folder / "cards"
    cards.mkdir()
    (cards / "caaa.md").write_bytes(b"\xff\xfe not utf-8 \x00")
    (cards / "cbbb.md").write_text("---\ntitle: [broken\n", "utf-8")
    opened: list[str] = []
    real_read_bytes = Path.read_bytes

    def spy(self):
        opened.append(self.name)
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", spy)
    (summary,) = list_issues(tmp_path)
    assert summary.error == "" and summary.cards == 5
    assert opened == ["issue.yaml"]


def test_unreadable_manifest_is_an_entry_with_error(tmp_path):
    make(tmp_path, "good", 1, "2026-01-01")
    bad = tmp_path / "bad-yaml"
    bad.mkdir()
    (bad / "issue.yaml").write_text("title: [unclosed\n", "utf-8")
    binary = tmp_path / "bad-bytes"
    binary.mkdir()
    (binary / "issue.yaml").write_bytes(b"title: \xff\xfe\n")
    alias = tmp_path / "bad-alias"
    alias.mkdir()
    (alias / "issue.yaml").write_text("format: 1\ntitle: &t x\nslug: *t\n", "utf-8")
    deep = tmp_path / "bad-deep"
    deep.mkdir()
    (deep / "issue.yaml").write_text("a: " + "[" * 3000 + "]" * 3000 + "\n", "utf-8")
    (tmp_path / "not-a-mapping").mkdir()
    (tmp_path / "not-a-mapping" / "issue.yaml").write_text("- a\n", "utf-8")
    found = {s.slug: s for s in list_issues(tmp_path)}
    bad = {"bad-yaml", "bad-bytes", "bad-alias", "bad-deep", "not-a-mapping"}
    assert set(found) == bad | {"good"}
    assert found["good"].error == ""
    for slug in bad:
        assert "issue.yaml" in found[slug].error
        assert "\n" not in found[slug].error  # one line, for a list row or a tooltip
        assert found[slug].status == "unreadable"


def test_odd_values_do_not_crash_listing(tmp_path):
    make(tmp_path, "bad-date", 1, "2026-13-45")
    make(tmp_path, "datetime", 2, "2026-01-01 10:30:00")
    make(tmp_path, "plain-date", 3, "2026-01-02")
    odd = tmp_path / "odd"
    odd.mkdir()
    (odd / "issue.yaml").write_text("format: 1\nnumber: abc\noutline:\n- cards: 5\n- 7\n", "utf-8")
    found = {s.slug: s for s in list_issues(tmp_path)}
    assert found["bad-date"].date is None
    assert found["datetime"].date == dt.date(2026, 1, 1)
    assert found["odd"].number is None and found["odd"].cards == 0


def test_missing_library_and_non_issue_folders(tmp_path):
    assert list_issues(tmp_path / "nope") == []
    (tmp_path / "not-an-issue").mkdir()
    (tmp_path / "file.txt").write_text("x")
    assert list_issues(tmp_path) == []


def test_summarize_one_folder(tmp_path):
    folder = make(tmp_path, "one", 7, "2026-07-01")
    assert summarize(folder).number == 7


def test_listing_keeps_an_index_that_rereads_only_changed_manifests(tmp_path, monkeypatch):
    import json
    import os

    from editor_app.core import library as library_module
    from editor_app.core.model import Issue
    from editor_app.core.storage import save_issue

    lib = tmp_path / "lib"
    for n in (1, 2, 3):
        save_issue(Issue(title=f"第 {n} 期", number=n, slug=f"i{n}"), lib / f"i{n}")
    first = list_issues(lib)
    index = lib / ".masthead" / "library-index.json"
    assert json.loads(index.read_text("utf-8"))["format"] == 1
    read: list[str] = []
    real = library_module.summarize
    monkeypatch.setattr(library_module, "summarize", lambda f: read.append(f.name) or real(f))
    assert list_issues(lib) == first and read == []  # warm: no manifest read
    manifest = lib / "i2" / "issue.yaml"
    manifest.write_text(manifest.read_text("utf-8").replace("第 2 期", "第二期"), "utf-8")
    st = manifest.stat()
    os.utime(manifest, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    titles = {s.slug: s.title for s in list_issues(lib)}
    assert read == ["i2"] and titles["i2"] == "第二期"
    index.write_text("{broken", "utf-8")  # a corrupt index is rebuilt
    read.clear()
    assert [s.slug for s in list_issues(lib)] == [s.slug for s in first] and len(read) == 3
