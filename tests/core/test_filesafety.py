"""Symbolic links and non-image assets: reported by the checks, never read by anything."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from editor_app.core import journal
from editor_app.core.checks import ERROR, WARNING, check_issue
from editor_app.core.errors import UnreadableFileError
from editor_app.core.filesafety import (
    UnsafeFileError,
    read_regular_file,
    symlink_in_path,
    unsafe_content_reason,
)
from editor_app.core.images import asset_report
from editor_app.core.model import Issue
from editor_app.core.storage import CARDS_DIR, card_path, load_issue, read_card, save_issue

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16
SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>'
HTML = b"<!DOCTYPE html><html><script>steal()</script></html>"
SECRET_CARD = "---\ntitle: SECRET TITLE\n---\nSECRET BODY\n"


def first_card(issue: Issue):
    return issue.ordered_cards()[0]


def problems_of(issue: Issue, code: str) -> list:
    return [p for p in check_issue(issue) if p.code == code]


# -- reading ------------------------------------------------------------------------------------
def test_read_regular_file_refuses_links_and_pipes(tmp_path):
    target = tmp_path / "real.bin"
    target.write_bytes(b"data")
    os.symlink(target, tmp_path / "link.bin")
    assert read_regular_file(target) == b"data" and read_regular_file(target, 2) == b"da"
    with pytest.raises(UnsafeFileError, match="symbolic link"):
        read_regular_file(tmp_path / "link.bin")
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(UnsafeFileError, match="not a regular file"):
        read_regular_file(tmp_path / "pipe")  # and it does not hang waiting for a writer


def test_symlink_in_path_finds_the_first_link(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.png").write_bytes(PNG)
    os.symlink(tmp_path / "real", tmp_path / "linked")
    assert symlink_in_path(tmp_path, "real/a.png") is None
    assert symlink_in_path(tmp_path, "linked/a.png") == "linked"
    assert symlink_in_path(tmp_path, "missing/a.png") is None


@pytest.mark.parametrize(
    ("data", "image", "word"),
    [
        (SVG, True, "SVG"),
        (HTML, True, "HTML"),
        (b"plain words", True, "text file"),
        (b"BM\0\0", True, "BMP"),
        (SVG, False, "SVG"),
        (HTML, False, "HTML"),
    ],
)
def test_unsafe_content_is_judged_by_bytes(tmp_path, data, image, word):
    path = tmp_path / "innocent.png"  # the name claims an image
    path.write_bytes(data)
    reason = unsafe_content_reason(path, image=image)
    assert reason is not None and word in str(reason)


def test_allowed_content(tmp_path):
    (tmp_path / "a.png").write_bytes(PNG)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "page.html").write_bytes(b"%PDF-1.7")  # a page by name is refused anyway
    assert unsafe_content_reason(tmp_path / "a.png", image=True) is None
    assert unsafe_content_reason(tmp_path / "notes.pdf", image=False) is None
    assert "web page" in str(unsafe_content_reason(tmp_path / "page.html", image=False))


# -- card files ---------------------------------------------------------------------------------
def link_card_outside(issue: Issue, tmp_path: Path) -> tuple[str, Path]:
    secret = tmp_path / "secret.md"
    secret.write_text(SECRET_CARD, "utf-8")
    card_id = first_card(issue).id
    path = card_path(issue.folder, card_id)
    path.unlink()
    os.symlink(secret, path)
    return card_id, secret


def test_symlinked_card_is_unreadable_and_never_read(rich_issue, tmp_path):
    card_id, secret = link_card_outside(rich_issue, tmp_path)
    texts: dict[str, str] = {}
    issue = load_issue(rich_issue.folder, texts)
    card = issue.cards[card_id]
    assert "symbolic link" in card.unreadable and card.title == card_id
    assert not any("SECRET" in text for text in texts.values())
    with pytest.raises(UnreadableFileError, match="symbolic link"):
        read_card(rich_issue.folder, card_id)
    (problem,) = [p for p in check_issue(issue) if p.card == card_id]
    assert (problem.code, problem.severity) == ("symlink", ERROR)
    save_issue(issue)  # an unreadable card is never written: the link stays a link
    assert card_path(rich_issue.folder, card_id).is_symlink()
    assert secret.read_text("utf-8") == SECRET_CARD


def test_dangling_card_link_is_a_symlink_too(rich_issue, tmp_path):
    card_id = first_card(rich_issue).id
    path = card_path(rich_issue.folder, card_id)
    path.unlink()
    os.symlink(tmp_path / "nowhere.md", path)
    assert "symbolic link" in load_issue(rich_issue.folder).cards[card_id].unreadable


def test_linked_cards_folder_is_refused(rich_issue, tmp_path):
    cards = rich_issue.folder / CARDS_DIR
    moved = tmp_path / "elsewhere"
    cards.rename(moved)
    os.symlink(moved, cards)
    issue = load_issue(rich_issue.folder)
    assert all("symbolic link" in c.unreadable for c in issue.cards.values())
    assert {p.code for p in check_issue(issue) if p.card} == {"symlink"}


def test_journal_recovery_does_not_copy_a_linked_card(rich_issue, tmp_path):
    card_id, secret = link_card_outside(rich_issue, tmp_path)
    journal.write_entry(rich_issue.folder, journal.JournalEntry(card_id, "typed", "base"))
    assert journal.recover(rich_issue.folder) == []
    assert card_path(rich_issue.folder, card_id).is_symlink()
    assert secret.read_text("utf-8") == SECRET_CARD


# -- assets in the checks and the image report -------------------------------------------------
def test_linked_asset_is_reported_not_opened(rich_issue, tmp_path):
    outside = tmp_path / "photo.png"
    outside.write_bytes(PNG)
    os.symlink(outside, rich_issue.folder / "assets" / "linked.png")
    os.symlink(rich_issue.folder / "assets" / "cat.png", rich_issue.folder / "assets" / "in.png")
    card = first_card(rich_issue)
    card.body += "\n\n![链接的图片](assets/linked.png)\n\n![内部链接](assets/in.png)\n"
    problems = problems_of(rich_issue, "symlink")
    assert [(p.card, p.severity) for p in problems] == [(card.id, ERROR)] * 2
    assert "assets/linked.png" in problems[0].message
    report = {info.path: info for info in asset_report(rich_issue)}
    assert report["assets/linked.png"].problems[0] == "symlink"
    assert report["assets/linked.png"].width == 0  # never decoded
    assert report["assets/in.png"].problems[0] == "symlink"


def test_image_through_a_linked_folder(rich_issue, tmp_path):
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "a.png").write_bytes(PNG)
    os.symlink(tmp_path / "pics", rich_issue.folder / "assets" / "pics")
    first_card(rich_issue).body += "\n\n![文件夹链接](assets/pics/a.png)\n"
    (problem,) = problems_of(rich_issue, "symlink")
    assert "'assets/pics'" in problem.message


@pytest.mark.parametrize(("name", "data"), [("chart.png", SVG), ("chart.svg", SVG),
                                            ("page.html", HTML), ("x.png", HTML)])  # fmt: skip
def test_non_image_asset_is_unsafe(rich_issue, name, data):
    (rich_issue.folder / "assets" / name).write_bytes(data)
    card = first_card(rich_issue)
    card.body += f"\n\n![一张图表](assets/{name})\n"
    (problem,) = problems_of(rich_issue, "unsafe-asset")
    assert (problem.card, problem.severity) == (card.id, ERROR)
    assert f"assets/{name}" in problem.message


def test_linked_page_in_assets_is_unsafe(rich_issue):
    (rich_issue.folder / "assets" / "page.html").write_bytes(HTML)
    (rich_issue.folder / "files").mkdir()
    (rich_issue.folder / "files" / "report.pdf").write_bytes(b"%PDF-1.7")
    (rich_issue.folder / "files" / "page.htm").write_bytes(b"<p>hello</p>")
    card = first_card(rich_issue)
    card.body += "\n\n[页面](assets/page.html) [报告](files/report.pdf) [页](files/page.htm)\n"
    problems = problems_of(rich_issue, "unsafe-asset")
    assert sorted(p.message.split("'")[3] for p in problems) == [
        "assets/page.html",
        "files/page.htm",
    ]


def test_unused_bad_assets_are_warnings(rich_issue, tmp_path):
    assets = rich_issue.folder / "assets"
    (assets / "evil.svg").write_bytes(SVG)
    (assets / "sub").mkdir()
    (assets / "sub" / "page.png").write_bytes(HTML)
    (tmp_path / "x.png").write_bytes(PNG)
    os.symlink(tmp_path / "x.png", assets / "linked.png")
    os.symlink(tmp_path, assets / "folder")
    found = {(p.code, p.severity, p.message.split("'")[1]) for p in check_issue(rich_issue)
             if p.code in {"symlink", "unsafe-asset"}}  # fmt: skip
    assert found == {
        ("unsafe-asset", WARNING, "assets/evil.svg"),
        ("unsafe-asset", WARNING, "assets/sub/page.png"),
        ("symlink", WARNING, "assets/linked.png"),
        ("symlink", WARNING, "assets/folder"),
    }
    report = {info.path: info for info in asset_report(rich_issue)}
    assert "unsafe-asset" in report["assets/evil.svg"].problems
    assert report["assets/linked.png"].problems == ["symlink", "unused"]


def test_the_sample_assets_pass(rich_issue):
    assert not problems_of(rich_issue, "symlink") and not problems_of(rich_issue, "unsafe-asset")
