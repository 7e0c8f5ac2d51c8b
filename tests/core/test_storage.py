import datetime as dt
import os
from pathlib import Path

import pytest

from editor_app.core.checks import check_issue
from editor_app.core.errors import IssueFormatError, IssueNotFoundError, UnreadableFileError
from editor_app.core.model import Status, Typography
from editor_app.core.outline import add_card, remove_card
from editor_app.core.storage import STATE_DIR, card_path, load_issue, manifest_path, save_issue


def snapshot_files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and STATE_DIR not in p.parts
    }


def card_titled(issue, title):
    return next(c for c in issue.cards.values() if c.title == title)


# -- round trip -------------------------------------------------------------------------------
def test_load_save_load_gives_identical_bytes(rich_issue, tmp_path):
    folder = rich_issue.folder
    before = snapshot_files(folder)
    loaded = load_issue(folder)
    assert loaded == rich_issue
    assert save_issue(loaded) == []  # nothing changed, nothing written
    assert snapshot_files(folder) == before
    # Saved elsewhere, the bytes are the same too (no timestamps, stable order).
    copy_folder = tmp_path / "copy"
    save_issue(load_issue(folder), copy_folder)
    after = snapshot_files(copy_folder)
    assert {k: v for k, v in before.items() if not k.startswith("assets")} == after
    assert load_issue(copy_folder) == rich_issue


def test_round_trip_keeps_every_field(rich_issue):
    loaded = load_issue(rich_issue.folder)
    release = card_titled(loaded, "Kubernetes 1.35 发布 🎉")
    assert release.note == "🎤 编辑点评：这一版值得升级。\n第二行：注意先在测试集群验证。"
    assert "| In-place Pod Resize | GA |" in release.body
    assert release.body.startswith("## 亮点 ✨")
    assert [link.label for link in release.links] == ["官网", "GitHub"]
    assert release.kind == "release" and release.tags == ["release", "k8s"]
    assert loaded.date == dt.date(2026, 1, 15) and loaded.number == 42
    assert loaded.status == Status.REVIEW
    assert loaded.summary == "本期关注 Kubernetes 新版本。\n也有一些轻松的内容 😄"
    roundup = card_titled(loaded, "13 个新的沙箱项目")
    subs = [loaded.cards[c] for c in roundup.child_ids]
    assert [(s.title, s.group) for s in subs] == [
        ("Project Aegis", "安全与合规"),
        ("Project Loom", "调度与编排"),
    ]
    assert [loaded.cards[c].title for c in subs[0].child_ids] == ["Project Aegis 的架构"]


def test_typography_is_written_only_when_set_and_read_back(rich_issue):
    folder = rich_issue.folder
    assert "typography" not in manifest_path(folder).read_text("utf-8")
    assert load_issue(folder).typography == Typography.AUTO
    rich_issue.typography = Typography.OFF
    save_issue(rich_issue, folder)
    lines = manifest_path(folder).read_text("utf-8").splitlines()
    assert lines[lines.index("language: zh-CN") + 1] == "typography: 'off'"
    assert load_issue(folder).typography == Typography.OFF
    # Written by hand without quotes, YAML reads "off" as false: still off.
    text = manifest_path(folder).read_text("utf-8").replace("'off'", "off")
    manifest_path(folder).write_text(text, "utf-8")
    assert load_issue(folder).typography == Typography.OFF


def test_an_unknown_typography_value_names_the_choices(rich_issue):
    path = manifest_path(rich_issue.folder)
    path.write_text(path.read_text("utf-8") + "typography: pretty\n", "utf-8")
    with pytest.raises(IssueFormatError, match="auto, cjk, off"):
        load_issue(rich_issue.folder)


def test_unicode_is_written_as_is_not_escaped(rich_issue):
    text = manifest_path(rich_issue.folder).read_text("utf-8")
    assert "云原生月刊 · 2026 年 1 月 🚀" in text
    assert "\\u" not in text and "\\U" not in text


def test_stable_key_order(rich_issue):
    lines = manifest_path(rich_issue.folder).read_text("utf-8").splitlines()
    top = [line.split(":")[0] for line in lines if line and not line.startswith((" ", "-"))]
    assert top == [
        "format", "title", "number", "date", "slug", "status", "language", "summary", "tags",
        "numbering", "outline",
    ]  # fmt: skip
    release = card_titled(rich_issue, "Kubernetes 1.35 发布 🎉")
    text = card_path(rich_issue.folder, release.id).read_text("utf-8")
    front = text.split("---\n")[1].splitlines()
    keys = [line.split(":")[0] for line in front if line and not line.startswith((" ", "-"))]
    assert keys == ["title", "kind", "status", "source", "links", "further_reading", "note", "tags"]


def test_card_file_names_do_not_encode_order_or_title(rich_issue):
    before = snapshot_files(rich_issue.folder)
    issue = load_issue(rich_issue.folder)
    first = issue.sections[0]
    issue.sections[0], issue.sections[1] = issue.sections[1], first
    card_titled(issue, "本月 Meme").title = "本月 Meme（改名）"
    written = save_issue(issue)
    meme = card_titled(issue, "本月 Meme（改名）")
    assert sorted(written) == sorted(
        [manifest_path(issue.folder), card_path(issue.folder, meme.id)]
    )
    after = snapshot_files(issue.folder)
    assert set(after) == set(before)


def test_crlf_and_byte_order_mark_are_read(rich_issue):
    path = manifest_path(rich_issue.folder)
    raw = path.read_bytes()
    path.write_bytes(b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n"))
    assert load_issue(rich_issue.folder) == rich_issue


def test_saving_keeps_file_permissions(rich_issue):
    path = manifest_path(rich_issue.folder)
    os.chmod(path, 0o644)
    issue = load_issue(rich_issue.folder)
    issue.title = "changed"
    save_issue(issue)
    assert path.stat().st_mode & 0o777 == 0o644


# -- atomic saving ----------------------------------------------------------------------------
def test_failure_mid_save_leaves_old_file_intact_and_no_temp_file(rich_issue, monkeypatch):
    folder = rich_issue.folder
    before = snapshot_files(folder)
    issue = load_issue(folder)
    issue.title = "a new title"

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        save_issue(issue)
    monkeypatch.undo()
    assert snapshot_files(folder) == before
    assert not list(folder.rglob("*.tmp"))
    assert load_issue(folder) == rich_issue


# -- malformed manifests ----------------------------------------------------------------------
MANIFEST = """\
format: 1
title: Test
number: 3
date: 2026-02-01
status: draft
outline:
- id: sabc
  title: A
  cards:
  - cabc
"""


def write_issue(folder: Path, manifest: str = MANIFEST, cards: dict | None = None) -> Path:
    (folder / "cards").mkdir(parents=True, exist_ok=True)
    (folder / "issue.yaml").write_text(manifest, "utf-8")
    for card_id, text in (cards or {"cabc": "---\ntitle: A card\n---\n\nBody.\n"}).items():
        (folder / "cards" / f"{card_id}.md").write_bytes(
            text if isinstance(text, bytes) else text.encode()
        )
    return folder


def load_error(folder: Path) -> IssueFormatError:
    with pytest.raises(IssueFormatError) as info:
        load_issue(folder)
    return info.value


def test_malformed_yaml_names_file_and_line(tmp_path):
    err = load_error(write_issue(tmp_path, MANIFEST.replace("title: Test", "title: [Test")))
    assert err.path == tmp_path / "issue.yaml"
    assert err.line is not None and 2 <= err.line <= 5
    assert str(tmp_path / "issue.yaml") in str(err)


def test_aliases_are_refused(tmp_path):
    text = MANIFEST + "tags: &t [a, b]\nsummary: *t\n"
    err = load_error(write_issue(tmp_path, text))
    assert "alias" in err.message
    assert err.line == 12


def test_duplicate_keys_are_refused(tmp_path):
    err = load_error(write_issue(tmp_path, MANIFEST + "title: Again\n"))
    assert "title" in err.message and err.line == 11


@pytest.mark.parametrize(
    ("old", "new", "field", "line"),
    [
        ("number: 3", 'number: "abc"', "number", 3),
        ("number: 3", "number: true", "number", 3),
        ("status: draft", "status: bogus", "status", 5),
        ("date: 2026-02-01", "date: 2026-13-45", "date", 4),
        ("date: 2026-02-01", "date: yesterday", "date", 4),
        ("title: Test", "title: [a, b]", "title", 2),
        ("status: draft", "status: draft\ntags: 5", "tags", 6),
        ("status: draft", "status: draft\ntags: [a, [b]]", "tags", 6),
        ("  title: A", "  title: {x: 1}", "title", 8),
        ("  cards:\n  - cabc", "  cards: 5", "cards", 9),
        ("  - cabc", "  - Not An Id", "cards", 10),
        ("status: draft", "status: draft\nnumbering: {sections: roman}", "sections", 6),
    ],
)
def test_wrong_types_name_the_field_and_line(tmp_path, old, new, field, line):
    err = load_error(write_issue(tmp_path, MANIFEST.replace(old, new)))
    assert field in err.message
    assert err.line == line
    assert err.path == tmp_path / "issue.yaml"


def test_error_line_points_into_the_right_section(tmp_path):
    text = MANIFEST + "- id: sdef\n  title: B\n  cards:\n  - cdef\n  - 42\n"
    err = load_error(write_issue(tmp_path, text, {}))
    assert err.line == 15 and "42" in err.message


def test_duplicate_ids_in_outline_are_refused(tmp_path):
    text = MANIFEST + "- id: sdef\n  title: B\n  cards:\n  - cabc\n"
    err = load_error(write_issue(tmp_path, text))
    assert "cabc" in err.message and err.line == 14
    err = load_error(write_issue(tmp_path, MANIFEST + "- id: sabc\n  title: B\n"))
    assert "sabc" in err.message and err.line == 11


@pytest.mark.parametrize("version", ["2", "99"])
def test_newer_format_is_refused(tmp_path, version):
    err = load_error(write_issue(tmp_path, MANIFEST.replace("format: 1", f"format: {version}")))
    assert "newer" in err.message and err.line == 1


@pytest.mark.parametrize("text", ["", "- a\n- b\n", "just text\n", "format: one\n"])
def test_manifest_that_is_not_a_mapping_or_has_no_format(tmp_path, text):
    err = load_error(write_issue(tmp_path, text))
    assert err.path == tmp_path / "issue.yaml" and err.line is not None


def test_manifest_not_utf8(tmp_path):
    write_issue(tmp_path, "format: 1\ntitle: ok\n")
    (tmp_path / "issue.yaml").write_bytes(b"format: 1\ntitle: caf\xe9\n")
    with pytest.raises(UnreadableFileError) as info:
        load_issue(tmp_path)
    assert info.value.line == 2 and info.value.path == tmp_path / "issue.yaml"


def test_folder_without_manifest(tmp_path):
    with pytest.raises(IssueNotFoundError):
        load_issue(tmp_path)


# -- bad card files ---------------------------------------------------------------------------
TWO_CARDS = MANIFEST + "  - cgood\n"
GOOD = "---\ntitle: Good card\nsource:\n  title: S\n  url: https://example.org/\n---\n\nFine.\n"


@pytest.mark.parametrize(
    ("content", "expect_line"),
    [
        ("---\ntitle: [broken\n---\n\nBody\n", None),
        ("---\ntitle: ok\nstatus: bogus\n---\n", 3),
        ("---\ntitle: ok\nlinks: 5\n---\n", 3),
        ("---\ntitle: ok\nsource: just text\n---\n", 3),
        ("---\ntitle: ok\n\nno closing line\n", 1),
        ("no front matter at all\n", 1),
        (b"---\ntitle: ok\n---\n\ncaf\xe9 au lait\n", 5),
    ],
)
def test_bad_card_file_does_not_stop_the_issue_and_is_never_overwritten(
    tmp_path, content, expect_line
):
    folder = write_issue(tmp_path, TWO_CARDS, {"cabc": content, "cgood": GOOD})
    bad = folder / "cards" / "cabc.md"
    before = bad.read_bytes()
    issue = load_issue(folder)
    assert issue.cards["cgood"].title == "Good card"
    assert issue.cards["cabc"].unreadable
    assert "cabc.md" in issue.cards["cabc"].unreadable
    if expect_line is not None:
        assert f"cabc.md:{expect_line}:" in issue.cards["cabc"].unreadable
    problems = [p for p in check_issue(issue) if p.code == "unreadable-file"]
    assert [(p.card, p.severity) for p in problems] == [("cabc", "error")]
    # Edits elsewhere are saved; the unreadable file keeps its bytes and stays in place.
    issue.cards["cgood"].body = "Changed."
    issue.title = "Changed title"
    issue.cards["cabc"].title = "renamed in the outline"
    save_issue(issue)
    assert bad.read_bytes() == before
    reloaded = load_issue(folder)
    assert reloaded.cards["cgood"].body == "Changed."
    assert reloaded.sections[0].card_ids == ["cabc", "cgood"]


def test_missing_card_file_is_unreadable_and_not_created(tmp_path):
    folder = write_issue(tmp_path, TWO_CARDS, {"cgood": GOOD})
    issue = load_issue(folder)
    assert "not found" in issue.cards["cabc"].unreadable
    assert [p.code for p in check_issue(issue) if p.card == "cabc"] == ["unreadable-file"]
    save_issue(issue)
    assert not (folder / "cards" / "cabc.md").exists()
    assert load_issue(folder).sections[0].card_ids == ["cabc", "cgood"]


# -- orphans ----------------------------------------------------------------------------------
def test_orphan_card_files_go_to_trash_not_deleted(rich_issue):
    issue = load_issue(rich_issue.folder)
    meme = card_titled(issue, "本月 Meme")
    original = card_path(issue.folder, meme.id).read_bytes()
    remove_card(issue, meme.id)
    stray = issue.folder / "cards" / "cstray.md"
    stray.write_text("---\ntitle: stray\n---\n", "utf-8")
    save_issue(issue)
    trash = issue.folder / STATE_DIR / "trash"
    assert not card_path(issue.folder, meme.id).exists()
    assert (trash / f"{meme.id}.md").read_bytes() == original
    assert (trash / "cstray.md").exists() and not stray.exists()


def test_trash_keeps_earlier_copies(rich_issue):
    folder = rich_issue.folder
    for text in ("first", "second"):
        (folder / "cards" / "cstray.md").write_text(f"---\ntitle: {text}\n---\n", "utf-8")
        save_issue(load_issue(folder))
    trashed = sorted(p.read_text("utf-8") for p in (folder / STATE_DIR / "trash").iterdir())
    assert trashed == ["---\ntitle: first\n---\n", "---\ntitle: second\n---\n"]


def test_new_card_is_saved_and_loaded(rich_issue):
    issue = load_issue(rich_issue.folder)
    card = add_card(issue, issue.sections[1].id, "新卡片")
    card.body = "内容"
    written = save_issue(issue)
    assert card_path(issue.folder, card.id) in written
    assert load_issue(issue.folder).cards[card.id].body == "内容"


CONTROL_CHARS = [chr(c) for c in range(0x00, 0x09)] + ["\x0b", "\x0c", "\x1b"]
CHAR_IDS = [f"U+{ord(c):04X}" for c in CONTROL_CHARS]


@pytest.mark.parametrize("char", CONTROL_CHARS, ids=CHAR_IDS)
def test_control_character_in_manifest_names_file_and_line(rich_issue, char):
    path = manifest_path(rich_issue.folder)
    path.write_text(path.read_text("utf-8").replace("title: ", f"title: x{char}", 1), "utf-8")
    with pytest.raises(IssueFormatError) as err:
        load_issue(rich_issue.folder)
    assert (err.value.path, err.value.line) == (path, 2)


@pytest.mark.parametrize("char", CONTROL_CHARS, ids=CHAR_IDS)
def test_control_character_in_front_matter_makes_the_card_unreadable(rich_issue, char):
    victim = rich_issue.ordered_cards()[1]
    path = card_path(rich_issue.folder, victim.id)
    original = path.read_text("utf-8").replace("\nstatus: ", f"\nstatus: x{char}", 1)
    path.write_text(original, "utf-8")
    line = original[: original.index(char)].count("\n") + 1
    issue = load_issue(rich_issue.folder)
    card = issue.cards[victim.id]
    assert card.unreadable == f"{path}:{line}: invalid YAML: non-printable character " + (
        f"U+{ord(char):04X}"
    )
    others = [c for c in issue.ordered_cards() if c.id != victim.id]
    assert others and not any(c.unreadable for c in others)
    assert [p.code for p in check_issue(issue) if p.card == victim.id] == ["unreadable-file"]
    save_issue(issue)
    assert path.read_text("utf-8") == original  # never written back
