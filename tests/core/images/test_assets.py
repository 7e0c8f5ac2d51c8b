"""What the image panel uses: usage, unused/missing/oversize, alt text everywhere, trash."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from editor_app.core.images import (
    COVER,
    alt_text_edits,
    asset_key,
    asset_report,
    asset_usage,
    import_image,
    missing_assets,
    restore_asset,
    set_alt_text,
    trash_asset,
    unused_assets,
)
from editor_app.core.link_edits import apply_edits
from editor_app.core.links import issue_links
from editor_app.core.model import Card, Issue, Section
from editor_app.core.storage import load_issue, save_issue


def png(color: str, size: tuple[int, int] = (64, 48)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def issue(tmp_path: Path) -> Issue:
    folder = tmp_path / "issue"
    folder.mkdir()
    red = import_image(png("red"), folder, name="red.png").path
    blue = import_image(png("blue"), folder, name="blue.png").path
    wide = import_image(png("green", (1200, 50)), folder, name="wide.png").path
    import_image(png("yellow"), folder, name="unused.png")
    cards = [
        Card(
            id="cfirst001",
            title="一",
            body=f"![图片]({red})\n\n文字 ![]({blue}) 再次 ![图片](./{red})\n",
        ),
        Card(
            id="csecond01",
            title="二",
            body=f'<img src="{red}" alt="旧的">\n\n![参考][r]\n\n[r]: {red}\n\n![缺](assets/gone.png)',
        ),
        Card(id="cthird001", title="三", body=f"![宽图说明]({wide})"),
    ]
    issue = Issue(title="t", slug="t", cover=blue)
    issue.sections.append(Section(id="sabcdefgh", title="s", card_ids=[c.id for c in cards]))
    issue.cards = {c.id: c for c in cards}
    save_issue(issue, folder)
    return load_issue(folder)


def test_asset_key():
    assert asset_key("assets/a.png") == "assets/a.png"
    assert asset_key("./assets/a.png") == "assets/a.png"
    assert asset_key("assets/%E5%9B%BE.png") == "assets/图.png"
    assert asset_key("assets/sub/../a.png") == "assets/a.png"
    for outside in ("../x.png", "/etc/passwd", "https://e.org/a.png", "C:/x.png", "", "#x"):
        assert asset_key(outside) is None


def test_usage_unused_and_missing(issue: Issue):
    usage = asset_usage(issue)
    red, blue = issue.cards["cfirst001"].body.split("(")[1].split(")")[0], issue.cover
    assert usage[red] == ["cfirst001", "csecond01"]
    assert usage[blue] == [COVER, "cfirst001"]
    assert usage["assets/gone.png"] == ["csecond01"]
    (unused,) = unused_assets(issue)
    assert usage[unused] == [] and (issue.folder / unused).is_file()
    assert missing_assets(issue) == ["assets/gone.png"]


def test_report_flags_problems(issue: Issue):
    report = {info.path: info for info in asset_report(issue, max_width=1000, max_bytes=10_000)}
    assert report["assets/gone.png"].problems == ["missing"]
    red = next(p for p, i in report.items() if i.alts.count("图片") == 2)
    assert report[red].problems == ["generic-alt"]
    assert (report[red].width, report[red].height, report[red].format) == (64, 48, "PNG")
    blue = issue.cover
    assert report[blue].problems == ["missing-alt"]
    wide = next(p for p, i in report.items() if i.alts == ["宽图说明"])
    assert report[wide].problems == ["oversize"] and report[wide].width == 1200
    (unused,) = [p for p, i in report.items() if "unused" in i.problems]
    assert report[unused].cards == []
    (issue.folder / "assets" / "garbage.png").write_text("not an image", "utf-8")
    report = {info.path: info for info in asset_report(issue)}
    # Not an image by content: never decoded, and never exported either.
    assert report["assets/garbage.png"].problems == ["unreadable", "unsafe-asset", "unused"]


def test_set_alt_text_rewrites_every_reference_and_saves(issue: Issue):
    red = asset_usage(issue)
    red_path = next(p for p, cards in red.items() if cards == ["cfirst001", "csecond01"])
    changed = set_alt_text(issue, red_path, "集群拓扑示意图")
    assert changed == ["cfirst001", "csecond01"]
    reloaded = load_issue(issue.folder)
    refs = [r for r in issue_links(reloaded) if r.kind == "image"]
    alts = [r.text for r in refs if asset_key(r.url) == red_path]
    assert alts == ["集群拓扑示意图"] * 4
    second = reloaded.cards["csecond01"].body
    assert '<img src="' in second and 'alt="集群拓扑示意图"' in second
    assert "![集群拓扑示意图][r]" in second
    assert "![缺](assets/gone.png)" in second  # other images untouched
    assert reloaded.cards["cthird001"].body == issue.cards["cthird001"].body


def test_alt_text_edits_are_pure_and_undoable(issue: Issue):
    blue = issue.cover
    before = issue.cards["cfirst001"].body
    edits = alt_text_edits(issue, blue, "蓝色方块")
    assert [e.card for e in edits] == ["cfirst001"]
    assert issue.cards["cfirst001"].body == before
    apply_edits(issue, edits)
    assert "![蓝色方块](" in issue.cards["cfirst001"].body
    apply_edits(issue, edits, undo=True)
    assert issue.cards["cfirst001"].body == before
    assert alt_text_edits(issue, "assets/none.png", "x") == []


def test_trash_and_restore_an_unused_asset(issue: Issue):
    (unused,) = unused_assets(issue)
    trashed = trash_asset(issue.folder, unused)
    assert not (issue.folder / unused).exists() and trashed.is_file()
    assert ".masthead" in trashed.parts
    assert unused not in asset_usage(issue)
    restore_asset(issue.folder, trashed, unused)
    assert (issue.folder / unused).is_file() and not trashed.exists()
